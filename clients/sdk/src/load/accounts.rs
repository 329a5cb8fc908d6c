//! The load accounts: derived from one seed, funded by one account in batches.

use super::Log;
use crate::{address, runtime, AccountId, Client, Error, Keypair, Wait};
use futures::StreamExt;
use sp_core::{crypto::DeriveJunction, sr25519, Pair};

/// Transfers per funding transaction: well within a block's weight and length.
const FUND_BATCH: usize = 400;

/// Queries in flight while reading many accounts.
const READS_IN_FLIGHT: usize = 32;

/// `<seed>//0` … `<seed>//<n-1>`. The seed is parsed once; the hard junctions are cheap.
pub fn derive(seed: &str, n: u32) -> Vec<Keypair> {
	let root = sr25519::Pair::from_string(seed, None)
		.unwrap_or_else(|_| sr25519::Pair::from_string("//load", None).expect("a valid dev uri"));
	(0..n)
		.map(|i| {
			let (pair, _) = root
				.derive(std::iter::once(DeriveJunction::hard(u64::from(i))), None)
				.expect("hard derivation of sr25519 never fails");
			Keypair::Sr25519(pair)
		})
		.collect()
}

/// Tops every account up to `need` planck of transferable COD, `FUND_BATCH` transfers per
/// `Utility::batch_all`, each batch waited for in a block before the next is signed.
pub async fn fund(
	client: &Client,
	funder: &Keypair,
	keys: &[Keypair],
	need: u128,
	log: Log<'_>,
) -> Result<(), Error> {
	let balances = balances(client, keys).await?;
	let short: Vec<_> = keys
		.iter()
		.zip(balances)
		.filter(|(_, have)| *have < need)
		.map(|(k, have)| (k.account_id(), need - have))
		.collect();
	if short.is_empty() {
		log(&format!("{} accounts already funded", keys.len()));
		return Ok(());
	}
	log(&format!("funding {} accounts from {}", short.len(), funder.address()));
	for chunk in short.chunks(FUND_BATCH) {
		let calls = chunk
			.iter()
			.map(|(who, amount)| {
				runtime::runtime_types::codchain_runtime::RuntimeCall::Balances(
					runtime::runtime_types::pallet_balances::pallet::Call::transfer_keep_alive {
						dest: address(who),
						value: *amount,
					},
				)
			})
			.collect();
		client
			.submit(&runtime::tx().utility().batch_all(calls), funder, Wait::InBlock, |_| {})
			.await?;
	}
	Ok(())
}

/// The transferable COD of each account at the best block, in order.
pub async fn balances(client: &Client, keys: &[Keypair]) -> Result<Vec<u128>, Error> {
	let ids: Vec<_> = keys.iter().map(Keypair::account_id).collect();
	Ok(read(client, &ids).await?.into_iter().map(|(free, _)| free).collect())
}

/// Each account's transferable COD and nonce at the best block, in order.
pub async fn read(client: &Client, ids: &[AccountId]) -> Result<Vec<(u128, u32)>, Error> {
	// One view of one block for every read: a view per read would ask the node for the same
	// block's header and runtime over and over.
	let at = client.best().await?;
	let entry = at.storage().entry(runtime::storage().system().account()).map_err(Error::client)?;
	let reads = futures::stream::iter(ids.iter().map(|who| {
		let entry = &entry;
		async move {
			let info = entry
				.fetch((*who,))
				.await
				.map_err(Error::client)?
				.decode()
				.map_err(Error::client)?;
			Ok::<_, Error>((info.data.free.saturating_sub(info.data.frozen), info.nonce))
		}
	}))
	.buffered(READS_IN_FLIGHT)
	.collect::<Vec<_>>()
	.await;
	reads.into_iter().collect()
}

/// Each account's next nonce as the node's pool sees it.
pub async fn nonces(client: &Client, keys: &[Keypair]) -> Result<Vec<u64>, Error> {
	let reads = futures::stream::iter(keys.iter().map(|k| async move {
		client.rpc().system_account_next_index(&k.account_id()).await.map_err(Error::client)
	}))
	.buffered(READS_IN_FLIGHT)
	.collect::<Vec<_>>()
	.await;
	reads.into_iter().collect()
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn derived_accounts_are_distinct_and_reproducible() {
		let a = derive("//load", 50);
		let b = derive("//load", 50);
		let ids: std::collections::BTreeSet<_> = a.iter().map(|k| k.account_id()).collect();
		assert_eq!(ids.len(), 50);
		assert!(a.iter().zip(&b).all(|(x, y)| x.account_id() == y.account_id()));
		assert_ne!(derive("//other", 1)[0].account_id(), a[0].account_id());
	}
}
