//! Setup of the joint-token kind: a kind the funder deploys for the seed, whose desk sells every
//! load account the tokens it will move; and the signed transfer items.

use super::{workload::SetupBatch, Log, Plan};
use crate::{
	jointtoken::{self as jt, JtId, JtItem, KindRules, Mode, Price, Prices, Rules, Unplanned},
	runtime::runtime_types::bounded_collections::bounded_vec::BoundedVec,
	AccountId, Client, Error, Keypair,
};

/// Planck of COD the desk sells one token for.
pub const TOKEN_PRICE: u128 = 1_000_000;

/// Items whose ids expire at one block: below the runtime's `MaxItemsPerExpiry` (256), so a
/// run never meets `ExpiryFull` on its own.
const ITEMS_PER_EXPIRY: u32 = 200;

/// Blocks between signing and the first expiry: far longer than a run takes to submit.
const FIRST_EXPIRY: u32 = 600;

/// The rules of the load kind of `seed` deployed by `funder`: code mode, sold at
/// `TOKEN_PRICE`, bought back at half, no fee. The seed is in the document, so each seed has
/// its own kind and a second run of a seed finds its kind deployed.
fn rules(funder: &AccountId, seed: &str) -> KindRules {
	Rules {
		name: BoundedVec(b"Load".to_vec()),
		symbol: BoundedVec(b"LOAD".to_vec()),
		decimals: 0,
		deployer: *funder,
		planned: BoundedVec(Vec::new()),
		holders_may_destroy: false,
		unplanned: Some(Unplanned {
			mode: Mode::Code,
			prices: Prices {
				sell: Price { cod: TOKEN_PRICE, jt: 1 },
				buy: Price { cod: TOKEN_PRICE, jt: 2 },
				fee: jt::percent(0),
			},
			fee_to: *funder,
		}),
		mentor_window: 0,
		min_tutoring_fee: 0,
		document: BoundedVec(format!("codchain load kind of {seed}").into_bytes()),
	}
}

/// Deploys the kind (if this seed's is not there yet) and buys every account the tokens it
/// lacks. Returns the kind's id.
pub async fn setup(
	client: &Client,
	funder: &Keypair,
	keys: &[Keypair],
	plan: &Plan,
	log: Log<'_>,
) -> Result<JtId, Error> {
	let rules = rules(&funder.account_id(), &plan.seed);
	let jtid = jt::kind_id(&rules);
	if jt::kind(client, jtid).await?.is_none() {
		log(&format!("deploying the load kind {jtid:?}"));
		client.submit(&jt::create_kind(rules), funder, crate::Wait::InBlock, |_| {}).await?;
	}
	let per_account = u128::from(plan.per_account());
	let mut batch = SetupBatch::start(client, keys).await?;
	for (i, key) in keys.iter().enumerate() {
		let short = per_account.saturating_sub(jt::balance(client, jtid, &key.account_id()).await?);
		if short > 0 {
			batch.push(i, key, &jt::buy(jtid, short * TOKEN_PRICE, short))?;
		}
	}
	if !batch.is_empty() {
		log(&format!("buying tokens for {} accounts", batch.len()));
		batch.submit_and_wait(client).await?;
	}
	for key in keys {
		if jt::balance(client, jtid, &key.account_id()).await? < per_account {
			return Err(Error::Client("a load account lacks tokens after setup".into()));
		}
	}
	Ok(jtid)
}

/// One token from `from` to `to`, signed by `from`; the nonce in the remark makes every item
/// of an account distinct (the chain refuses a replayed item id).
pub fn transfer(
	client: &Client,
	jtid: JtId,
	from: &Keypair,
	to: &AccountId,
	nonce: u64,
	expires: u32,
) -> JtItem {
	let data = jt::transfer_data(
		jtid,
		&[(from.account_id(), 1)],
		&[(*to, 1)],
		expires,
		&nonce.to_le_bytes(),
	);
	jt::sign_item(client.genesis(), data, &[from])
}

/// Expiry blocks for a run's items, `ITEMS_PER_EXPIRY` per block.
pub struct Expiries {
	first: u32,
	given: u32,
}

impl Expiries {
	pub fn new(best: u64) -> Self {
		Self {
			first: u32::try_from(best).unwrap_or(u32::MAX).saturating_add(FIRST_EXPIRY),
			given: 0,
		}
	}

	/// The next item's expiry.
	pub fn next(&mut self) -> u32 {
		let block = self.first.saturating_add(self.given / ITEMS_PER_EXPIRY);
		self.given += 1;
		block
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn expiries_fill_each_block_up_to_the_limit_then_move_on() {
		let mut e = Expiries::new(10);
		let blocks: Vec<u32> = (0..ITEMS_PER_EXPIRY * 2 + 1).map(|_| e.next()).collect();
		assert!(blocks[..ITEMS_PER_EXPIRY as usize].iter().all(|b| *b == 10 + FIRST_EXPIRY));
		assert_eq!(blocks[ITEMS_PER_EXPIRY as usize], 11 + FIRST_EXPIRY);
		assert_eq!(*blocks.last().unwrap(), 12 + FIRST_EXPIRY);
	}

	#[test]
	fn each_seed_has_its_own_kind() {
		let funder = AccountId::from([1; 32]);
		assert_ne!(jt::kind_id(&rules(&funder, "//a")), jt::kind_id(&rules(&funder, "//b")));
	}
}
