//! Load generation and measurement: fund a set of accounts, pre-sign transactions of one kind,
//! submit them at a chosen rate (or as fast as the node takes them), and measure what the chain
//! did with them from its finalized blocks.
//!
//! Everything is signed before the first submission, so the measured rate is the node's, not
//! the signer's. Throughput is counted from finalized blocks and their timestamps (chain time),
//! latencies from the moment a transaction was handed to the node to the moment a block that
//! includes it was announced (best) and finalized.

mod accounts;
mod coins;
mod jt;
mod report;
mod track;
mod whitepay;
mod workload;

pub use report::{BlockFill, Latency, Report};
pub use workload::Kind;

use crate::{Client, Error, Keypair};
use futures::StreamExt;
use std::{
	collections::BTreeMap,
	sync::Arc,
	time::{Duration, Instant},
};

/// What a load run does.
#[derive(Clone, Debug)]
pub struct Plan {
	pub kind: Kind,
	/// Distinct signing accounts; transactions are spread evenly over them.
	pub accounts: u32,
	/// Transactions to submit in all.
	pub count: u32,
	/// Submissions per second; `None` submits as fast as the node answers.
	pub rate: Option<u32>,
	/// Submissions awaiting the node's answer at once.
	pub in_flight: usize,
	/// The accounts are `<seed>//<i>` (sr25519).
	pub seed: String,
	/// How long to wait, after the last submission, for the last transactions to be finalized.
	pub settle: Duration,
}

impl Plan {
	/// Transactions each account signs (the last accounts may sign one fewer).
	pub fn per_account(&self) -> u32 {
		self.count.div_ceil(self.accounts.max(1))
	}
}

/// Progress lines for a terminal (the report itself comes at the end).
pub type Log<'a> = &'a (dyn Fn(&str) + Sync);

/// Runs `plan` against the node of `client`; `funder` pays for the accounts' funding and
/// whatever the kind needs set up.
pub async fn run(
	client: &Client,
	funder: &Keypair,
	plan: &Plan,
	log: Log<'_>,
) -> Result<Report, Error> {
	if plan.accounts == 0 || plan.count == 0 {
		return Err(Error::Input(
			"a load run needs at least one account and one transaction".into(),
		));
	}
	let keys = accounts::derive(&plan.seed, plan.accounts);
	let per_account = plan.per_account();
	let started = Instant::now();
	accounts::fund(client, funder, &keys, plan.kind.funding(per_account), log).await?;
	let mut work = workload::Workload::setup(client, funder, &keys, plan, log).await?;
	let setup = started.elapsed();

	let signing = Instant::now();
	let batches = work.sign_all(client, &keys, plan, log).await?;
	let signing = signing.elapsed();
	let total: usize = batches.iter().map(Vec::len).sum();
	log(&format!(
		"signed {total} {} transactions in {:.1} s; submitting",
		plan.kind.name(),
		signing.as_secs_f64()
	));

	let tracker = track::Tracker::start(client).await?;
	let order = interleave(batches);
	let outcome = submit(client, &tracker, order, plan).await;
	log(&format!(
		"submitted {} in {:.1} s ({} refused); waiting for finality",
		outcome.accepted + outcome.refused.values().sum::<u32>(),
		outcome.duration.as_secs_f64(),
		outcome.refused.values().sum::<u32>()
	));
	tracker.wait_settled(plan.settle).await;
	let observed = tracker.stop().await;
	let normal_max = normal_max_ref_time(client).await?;
	Ok(report::build(plan, setup, signing, outcome, observed, normal_max))
}

/// The weight transactions may fill in a block (the normal class's limit), reference time.
async fn normal_max_ref_time(client: &Client) -> Result<u64, Error> {
	let at = client.best().await?;
	let weights = at
		.constants()
		.entry(crate::runtime::constants().system().block_weights())
		.map_err(Error::client)?;
	Ok(weights.per_class.normal.max_total.map(|w| w.ref_time).unwrap_or(weights.max_block.ref_time))
}

/// The order of submission: every account's first transaction, then every account's second, so
/// that each account's nonces reach the node in order while the accounts interleave.
fn interleave(batches: Vec<Vec<workload::Signed>>) -> Vec<workload::Signed> {
	let rounds = batches.iter().map(Vec::len).max().unwrap_or(0);
	let mut iters: Vec<_> = batches.into_iter().map(Vec::into_iter).collect();
	let mut order = Vec::new();
	for _ in 0..rounds {
		for it in iters.iter_mut() {
			if let Some(tx) = it.next() {
				order.push(tx);
			}
		}
	}
	order
}

/// What submission achieved.
pub(crate) struct Submitted {
	pub accepted: u32,
	/// Refusals by the node's reason.
	pub refused: BTreeMap<String, u32>,
	pub duration: Duration,
}

async fn submit(
	client: &Client,
	tracker: &track::Tracker,
	order: Vec<workload::Signed>,
	plan: &Plan,
) -> Submitted {
	let start = Instant::now();
	let period = plan.rate.map(|r| Duration::from_secs_f64(1.0 / f64::from(r.max(1))));
	let tracker = Arc::new(tracker.handle());
	let results: Vec<Result<(), String>> = futures::stream::iter(order.into_iter().enumerate())
		.map(|(i, tx)| {
			let tracker = tracker.clone();
			async move {
				if let Some(period) = period {
					tokio::time::sleep_until((start + period * i as u32).into()).await;
				}
				tracker.submitted(tx.hash);
				tx.submit(client).await.map_err(|e| {
					tracker.refused(tx.hash);
					reason(&e.to_string())
				})
			}
		})
		.buffer_unordered(plan.in_flight.max(1))
		.collect()
		.await;
	let mut refused = BTreeMap::new();
	let mut accepted = 0;
	for r in results {
		match r {
			Ok(()) => accepted += 1,
			Err(why) => *refused.entry(why).or_insert(0) += 1,
		}
	}
	Submitted { accepted, refused, duration: start.elapsed() }
}

/// A node's refusal without the parts that differ per transaction, so equal reasons count
/// together.
fn reason(message: &str) -> String {
	let message = message.trim();
	let short: String = message.chars().take(160).collect();
	short
}

#[cfg(test)]
mod tests {
	use super::*;

	fn tx(n: u8) -> workload::Signed {
		workload::Signed { hash: [n; 32], bytes: vec![n] }
	}

	#[test]
	fn interleaving_keeps_each_accounts_order_and_takes_every_transaction() {
		let order = interleave(vec![vec![tx(1), tx(2), tx(3)], vec![tx(4)], vec![tx(5), tx(6)]]);
		let seen: Vec<u8> = order.iter().map(|t| t.bytes[0]).collect();
		assert_eq!(seen, vec![1, 4, 5, 2, 6, 3]);
	}

	#[test]
	fn transactions_spread_over_accounts_round_up() {
		let plan = Plan {
			kind: Kind::Transfer,
			accounts: 7,
			count: 100,
			rate: None,
			in_flight: 1,
			seed: "//load".into(),
			settle: Duration::from_secs(1),
		};
		assert_eq!(plan.per_account(), 15);
	}
}
