//! Setup of the kinds that spend coins: each account's own time or cod coins (timecoin,
//! codcoin), and an offer of its own time for COD (market).

use super::{
	workload::{Kind, SetupBatch},
	Log, Plan,
};
use crate::{market, AccountId, Client, Error, Keypair, H256};

/// Seconds (timecoin) or units (codcoin) in each coin the setup issues; each load transaction
/// spends one coin and moves one of them.
const COIN_AMOUNT: u128 = 100;

/// The codcoin claim and timecoin capacity a load account declares: enough for many runs.
const CLAIM_VALUE: u128 = 1_000_000_000;
const CAPACITY: u64 = 1_000_000_000;

/// Outputs of one issue: the pallets' `MaxOutputs`.
const MAX_OUTPUTS: usize = 16;

/// Planck of COD a market offer asks for each second of time: what an acceptance pays.
pub const SECOND_PRICE: u128 = 1_000_000;

/// Blocks a load offer stays open: far longer than any run.
const OFFER_LIFE: u32 = 100_000;

/// Load offers that expire at one block: half the runtime's `MaxExpiringPerBlock` (32), so two
/// runs' offers may share a block.
const OFFERS_PER_EXPIRY: u32 = 16;

/// Makes every account hold `per_account` coins of its own issue of `COIN_AMOUNT` each,
/// issuing what earlier runs did not leave, and returns them.
pub async fn setup_own_coins(
	client: &Client,
	kind: Kind,
	keys: &[Keypair],
	plan: &Plan,
	log: Log<'_>,
) -> Result<Vec<Vec<H256>>, Error> {
	let per_account = plan.per_account() as usize;
	let have = own_coins(client, kind, keys).await?;
	let issues: Vec<usize> =
		have.iter().map(|c| per_account.saturating_sub(c.len()).div_ceil(MAX_OUTPUTS)).collect();
	if issues.iter().any(|n| *n > 0) {
		log(&format!(
			"issuing {} coins in {} {} transactions",
			issues.iter().sum::<usize>() * MAX_OUTPUTS,
			issues.iter().sum::<usize>(),
			kind.name()
		));
		let mut batch = SetupBatch::start(client, keys).await?;
		for (i, key) in keys.iter().enumerate() {
			if issues[i] == 0 {
				continue;
			}
			let me = key.account_id();
			// What the issues need besides what the account's earlier runs left outstanding.
			let needed = COIN_AMOUNT * (issues[i] * MAX_OUTPUTS) as u128;
			allowance(client, &mut batch, i, kind, key, needed).await?;
			let outs = vec![(me, COIN_AMOUNT); MAX_OUTPUTS];
			for _ in 0..issues[i] {
				match kind {
					Kind::Timecoin => {
						let outs: Vec<_> = outs.iter().map(|(a, n)| (*a, *n as u64)).collect();
						batch.push(i, key, &crate::timecoin::issue(&outs))?
					},
					_ => batch.push(i, key, &crate::codcoin::issue(&outs))?,
				}
			}
		}
		batch.submit_and_wait(client).await?;
	}
	let coins = own_coins(client, kind, keys).await?;
	for (i, c) in coins.iter().enumerate() {
		if c.len() < per_account {
			return Err(Error::Client(format!(
				"load account {i} holds {} of the {per_account} coins it needs after setup",
				c.len()
			)));
		}
	}
	Ok(coins)
}

/// Adds to `batch` the declaration that lets account `i` (`key`) issue `needed` more, when its
/// capacity (timecoin) or claims (codcoin) fall short: one generous enough that later runs
/// rarely need another.
async fn allowance(
	client: &Client,
	batch: &mut SetupBatch,
	i: usize,
	kind: Kind,
	key: &Keypair,
	needed: u128,
) -> Result<(), Error> {
	let me = key.account_id();
	if kind == Kind::Codcoin {
		let summary = crate::codcoin::issuer(client, &me).await?;
		if summary.cap < summary.supply.saturating_add(needed) {
			// An issuer may hold 16 claims.
			let claim = crate::codcoin::declare_claim(
				crate::codcoin::ClaimKind::Stock { units: 1_000_000 },
				needed.max(CLAIM_VALUE),
				u32::MAX,
				None,
			);
			batch.push(i, key, &claim)?;
		}
		return Ok(());
	}
	let summary = crate::timecoin::issuer(client, &me).await?;
	let wanted = summary.outstanding.saturating_add(needed as u64);
	if summary.capacity < wanted {
		batch.push(i, key, &crate::timecoin::declare_capacity(wanted.max(CAPACITY)))?;
	}
	Ok(())
}

/// Each account's coins of its own issue holding exactly `COIN_AMOUNT` (coins a previous run
/// left as change or received are not used: their amounts differ).
async fn own_coins(client: &Client, kind: Kind, keys: &[Keypair]) -> Result<Vec<Vec<H256>>, Error> {
	let mut all = Vec::with_capacity(keys.len());
	for key in keys {
		let me = key.account_id();
		let coins: Vec<H256> = match kind {
			Kind::Timecoin => crate::timecoin::coins_of(client, &me)
				.await?
				.into_iter()
				.filter(|c| c.issuer == me && u128::from(c.amount) == COIN_AMOUNT)
				.map(|c| c.id)
				.collect(),
			Kind::Codcoin => crate::codcoin::coins_of(client, &me)
				.await?
				.into_iter()
				.filter(|c| c.issuer == me && c.amount == COIN_AMOUNT)
				.map(|c| c.id)
				.collect(),
			_ => Vec::new(),
		};
		all.push(coins);
	}
	Ok(all)
}

/// Every account issues itself a time coin of `per_account` seconds and offers them for COD
/// at `SECOND_PRICE` each, one second at least per acceptance. Returns, for each account, the
/// offer it accepts: the next account's (nobody may accept its own).
pub async fn setup_offers(
	client: &Client,
	keys: &[Keypair],
	plan: &Plan,
	log: Log<'_>,
) -> Result<Vec<u64>, Error> {
	if keys.len() < 2 {
		return Err(Error::Input("a market load needs at least two accounts".into()));
	}
	let per_account = plan.per_account();
	log(&format!("offering {per_account} seconds from each of {} accounts", keys.len()));
	let mut batch = SetupBatch::start(client, keys).await?;
	let best = u32::try_from(batch.at.block_number()).unwrap_or(u32::MAX);
	for (i, key) in keys.iter().enumerate() {
		let expiry = best.saturating_add(OFFER_LIFE).saturating_add(i as u32 / OFFERS_PER_EXPIRY);
		let me = key.account_id();
		let seconds = u128::from(per_account);
		allowance(client, &mut batch, i, Kind::Timecoin, key, seconds).await?;
		batch.push(i, key, &crate::timecoin::issue(&[(me, per_account.into())]))?;
		let offer = market::make_offer(market::OfferTerms {
			pay: time_of(&me),
			receive: market::Resource::OnChain(cod()),
			ratio: (1, SECOND_PRICE),
			amount: seconds,
			min_fill: 1,
			expiry,
			bond: 0,
			coins: Vec::new(),
		});
		batch.push(i, key, &offer)?;
	}
	batch.submit_and_wait(client).await?;
	let mut offers = Vec::with_capacity(keys.len());
	for i in 0..keys.len() {
		let maker = keys[(i + 1) % keys.len()].account_id();
		offers.push(newest_offer(client, &maker, u128::from(per_account)).await?);
	}
	Ok(offers)
}

/// The newest open offer of `maker`'s time for COD with at least `remaining` seconds left.
async fn newest_offer(client: &Client, maker: &AccountId, remaining: u128) -> Result<u64, Error> {
	let open = market::offers(client, &time_of(maker), &market::Resource::OnChain(cod())).await?;
	open.into_iter()
		.filter(|o| &o.offerer == maker && o.remaining >= remaining)
		.map(|o| o.id)
		.max()
		.ok_or_else(|| Error::Client("a load account's offer is not open after setup".into()))
}

fn time_of(issuer: &AccountId) -> market::Resource {
	market::Resource::OnChain(market::MarketAsset::Timecoin(*issuer))
}

fn cod() -> market::MarketAsset {
	market::MarketAsset::Cod
}
