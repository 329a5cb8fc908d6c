//! Setup of the WhitePay kind: every load account owns upkeep contracts in which it is the only
//! keeper (so always the leader, one attestation is a quorum) and other load accounts are the
//! providers; each `pay` settles one provider's first period.

use super::{workload::SetupBatch, Log, Plan};
use crate::{upkeep, AccountId, Client, Error, Keypair};

/// Space-time each payment attests, and the price of a unit: a payment moves 1 000 planck.
pub const SPACE_TIME: u128 = 1_000;
const PRICE: u128 = 1;

/// One payment to make: the contract, the provider, and the period `[ts, te)` it pays.
#[derive(Clone, Copy)]
pub struct Due {
	contract: upkeep::ContractId,
	provider: AccountId,
	ts: u32,
}

/// Providers of one contract: the runtime's most (16), fewer when there are fewer other load
/// accounts.
fn providers_per_contract(accounts: usize) -> usize {
	accounts.saturating_sub(1).min(16)
}

/// Creates, for every account, the contracts its transactions pay from, and returns each
/// account's payments in order.
pub async fn setup(
	client: &Client,
	keys: &[Keypair],
	plan: &Plan,
	log: Log<'_>,
) -> Result<Vec<Vec<Due>>, Error> {
	let per = providers_per_contract(keys.len());
	if per == 0 {
		return Err(Error::Input("a whitepay load needs at least two accounts".into()));
	}
	let ids: Vec<AccountId> = keys.iter().map(Keypair::account_id).collect();
	let contracts = (plan.per_account() as usize).div_ceil(per);
	log(&format!("creating {contracts} upkeep contracts for each of {} accounts", keys.len()));
	let mut batch = SetupBatch::start(client, keys).await?;
	for (i, key) in keys.iter().enumerate() {
		// The next `per` accounts after this one, never itself: a provider may not keep.
		let providers: Vec<AccountId> = (1..=per).map(|k| ids[(i + k) % ids.len()]).collect();
		for _ in 0..contracts {
			let create = upkeep::create(upkeep::NewContract {
				keepers: vec![ids[i]],
				providers: providers.clone(),
				price: PRICE,
				period: 1,
				window: 1,
				escrow: PRICE * SPACE_TIME * per as u128,
				tolerance: None,
				split: None,
			});
			batch.push(i, key, &create)?;
		}
	}
	batch.submit_and_wait(client).await?;

	let mut all = Vec::with_capacity(keys.len());
	for me in &ids {
		// This run's contracts are the owner's newest.
		let mut mine = upkeep::contracts_of(client, me).await?;
		mine.sort_by_key(|c| c.id);
		let fresh = &mine[mine.len().saturating_sub(contracts)..];
		let mut dues = Vec::with_capacity(contracts * per);
		for contract in fresh {
			for p in upkeep::providers(client, contract.id).await? {
				dues.push(Due { contract: contract.id, provider: p.provider, ts: p.paid_until });
			}
		}
		all.push(dues);
	}
	Ok(all)
}

/// The leader's payment of `due`'s provider for one block, attested by the keeper itself.
pub fn pay(client: &Client, keeper: &Keypair, due: &Due) -> impl subxt::transactions::Payload {
	let te = due.ts + 1;
	let attestation = upkeep::attest(
		keeper,
		client.genesis(),
		due.contract,
		&due.provider,
		due.ts,
		te,
		SPACE_TIME,
	);
	upkeep::pay(due.contract, &due.provider, due.ts, te, SPACE_TIME, vec![attestation])
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_contract_has_at_most_sixteen_providers_and_never_its_keeper() {
		assert_eq!(providers_per_contract(1), 0);
		assert_eq!(providers_per_contract(5), 4);
		assert_eq!(providers_per_contract(100), 16);
	}
}
