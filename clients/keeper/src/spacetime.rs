//! Space-time: proven space integrated over blocks (seed 003 "时空值计算").

use serde::{Deserialize, Serialize};

/// A challenge's outcome, as a keeper records it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sample {
	pub provider: String,
	/// Block of the challenge (the schedule's block, the same for every keeper).
	pub block: u32,
	/// Bytes proven; 0 when the proof failed or the provider did not answer.
	pub space: u64,
	pub ok: bool,
}

/// `∫ space db` over `[ts, te)`: space is a step function that takes each sample's value from
/// its block on. Before the first sample of the range the last sample before `ts` holds (none:
/// 0). A maintenance window has no samples, so the space proven before it holds through it.
pub fn integral(samples: &[Sample], ts: u32, te: u32) -> u128 {
	if te <= ts {
		return 0;
	}
	let mut sorted: Vec<&Sample> = samples.iter().collect();
	sorted.sort_by_key(|s| s.block);
	let mut space = sorted.iter().rev().find(|s| s.block <= ts).map_or(0, |s| s.space);
	let mut from = ts;
	let mut total: u128 = 0;
	for s in sorted.iter().filter(|s| s.block > ts && s.block < te) {
		total += space as u128 * (s.block - from) as u128;
		from = s.block;
		space = s.space;
	}
	total + space as u128 * (te - from) as u128
}

#[cfg(test)]
mod tests {
	use super::*;

	fn s(block: u32, space: u64) -> Sample {
		Sample { provider: "p".into(), block, space, ok: space > 0 }
	}

	#[test]
	fn integrates_a_step_function() {
		let samples = [s(10, 100), s(20, 0), s(25, 50)];
		// [10, 20): 100 × 10; [20, 25): 0; [25, 30): 50 × 5.
		assert_eq!(integral(&samples, 10, 30), 1_000 + 250);
		// Before the first sample nothing is proven.
		assert_eq!(integral(&samples, 0, 10), 0);
		// A range starting between samples takes the value in force.
		assert_eq!(integral(&samples, 15, 22), 100 * 5);
		assert_eq!(integral(&samples, 30, 30), 0);
		// Order of the records does not matter.
		let shuffled = [s(25, 50), s(10, 100), s(20, 0)];
		assert_eq!(integral(&shuffled, 10, 30), 1_250);
	}
}
