//! The figures of a load run.

use super::{track::Observed, Plan, Submitted};
use serde::Serialize;
use std::{collections::BTreeMap, time::Duration};

/// What one finalized block carried.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BlockFill {
	pub number: u64,
	pub hash: String,
	pub timestamp_ms: u64,
	/// Every extrinsic, the inherents included.
	pub extrinsics: u32,
	/// The run's transactions among them.
	pub ours: u32,
	/// Encoded length of all extrinsics, bytes.
	pub length: u64,
	/// `System::BlockWeight` of every class, picoseconds of reference time.
	pub ref_time: u64,
	pub proof_size: u64,
	/// The normal class alone: what transactions may fill.
	pub normal_ref_time: u64,
}

/// Percentiles of a latency, milliseconds.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Latency {
	pub count: usize,
	pub p50: u64,
	pub p90: u64,
	pub p99: u64,
	pub max: u64,
}

impl Latency {
	pub fn of(mut samples: Vec<Duration>) -> Self {
		if samples.is_empty() {
			return Self::default();
		}
		samples.sort();
		let at = |q: f64| {
			let i = ((samples.len() as f64 * q).ceil() as usize).clamp(1, samples.len()) - 1;
			samples[i].as_millis() as u64
		};
		Self { count: samples.len(), p50: at(0.50), p90: at(0.90), p99: at(0.99), max: at(1.0) }
	}
}

/// The whole report.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
	pub kind: String,
	pub accounts: u32,
	pub count: u32,
	/// Submissions per second asked for; absent: as fast as the node answered.
	pub rate: Option<u32>,
	pub in_flight: usize,
	pub setup_seconds: f64,
	pub signing_seconds: f64,
	pub submit_seconds: f64,
	/// Accepted submissions per second of submission.
	pub submit_rate: f64,
	pub accepted: u32,
	/// Refusals by the node's reason.
	pub refused: BTreeMap<String, u32>,
	/// Accepted but in no finalized block when the run ended.
	pub dropped: u32,
	pub finalized: u32,
	/// Finalized blocks from the first to the last that carried the run's transactions.
	pub window_blocks: u32,
	/// Chain time the window covers (block timestamps), seconds.
	pub window_seconds: f64,
	/// Finalized transactions of the run per second of chain time over the window.
	pub transactions_per_second: f64,
	pub max_per_block: u32,
	pub mean_per_block: f64,
	/// The largest share of the normal class's weight limit a block used, percent.
	pub max_normal_weight_percent: f64,
	pub max_length: u64,
	/// Handed to the node until announced in a best block.
	pub inclusion: Latency,
	/// Handed to the node until announced in a finalized block.
	pub finality: Latency,
	/// Why block following stopped early, if it did.
	pub tracking_error: Option<String>,
	pub blocks: Vec<BlockFill>,
}

pub(crate) fn build(
	plan: &Plan,
	setup: Duration,
	signing: Duration,
	sub: Submitted,
	seen: Observed,
	normal_max_ref_time: u64,
) -> Report {
	let latency = |times: &std::collections::HashMap<[u8; 32], std::time::Instant>| {
		Latency::of(
			times
				.iter()
				.filter_map(|(h, t)| seen.submitted.get(h).map(|s| t.saturating_duration_since(*s)))
				.collect(),
		)
	};
	let first = seen.blocks.iter().position(|b| b.ours > 0);
	let last = seen.blocks.iter().rposition(|b| b.ours > 0);
	let (window_blocks, window_seconds, in_window) = match (first, last) {
		(Some(f), Some(l)) => {
			let before =
				if f == 0 { seen.start_timestamp } else { Some(seen.blocks[f - 1].timestamp_ms) };
			let start = before.unwrap_or(seen.blocks[f].timestamp_ms);
			let ms = seen.blocks[l].timestamp_ms.saturating_sub(start);
			let ours: u32 = seen.blocks[f..=l].iter().map(|b| b.ours).sum();
			((l - f + 1) as u32, ms as f64 / 1000.0, ours)
		},
		_ => (0, 0.0, 0),
	};
	let finalized = seen.finalized.len() as u32;
	let pct = |b: &BlockFill| {
		if normal_max_ref_time == 0 {
			0.0
		} else {
			b.normal_ref_time as f64 * 100.0 / normal_max_ref_time as f64
		}
	};
	Report {
		kind: plan.kind.name().into(),
		accounts: plan.accounts,
		count: plan.count,
		rate: plan.rate,
		in_flight: plan.in_flight,
		setup_seconds: round(setup.as_secs_f64()),
		signing_seconds: round(signing.as_secs_f64()),
		submit_seconds: round(sub.duration.as_secs_f64()),
		submit_rate: round(f64::from(sub.accepted) / sub.duration.as_secs_f64().max(1e-9)),
		accepted: sub.accepted,
		refused: sub.refused,
		dropped: sub.accepted.saturating_sub(finalized),
		finalized,
		window_blocks,
		window_seconds,
		transactions_per_second: if window_seconds > 0.0 {
			round(f64::from(in_window) / window_seconds)
		} else {
			0.0
		},
		max_per_block: seen.blocks.iter().map(|b| b.ours).max().unwrap_or(0),
		mean_per_block: if window_blocks > 0 {
			round(f64::from(in_window) / f64::from(window_blocks))
		} else {
			0.0
		},
		max_normal_weight_percent: round(seen.blocks.iter().map(pct).fold(0.0, f64::max)),
		max_length: seen.blocks.iter().map(|b| b.length).max().unwrap_or(0),
		inclusion: latency(&seen.included),
		finality: latency(&seen.finalized),
		tracking_error: seen.error,
		blocks: seen.blocks,
	}
}

fn round(x: f64) -> f64 {
	(x * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn percentiles_pick_the_sample_at_or_above_the_rank() {
		let ms = |v: u64| Duration::from_millis(v);
		let l = Latency::of((1..=100).map(ms).collect());
		assert_eq!((l.p50, l.p90, l.p99, l.max, l.count), (50, 90, 99, 100, 100));
		let one = Latency::of(vec![ms(7)]);
		assert_eq!((one.p50, one.max), (7, 7));
		assert_eq!(Latency::of(vec![]).count, 0);
	}
}
