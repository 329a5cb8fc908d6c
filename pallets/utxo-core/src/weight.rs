//! Charging a spend by whose deposits it returns.
//!
//! Spending a coin gives its storage deposit back to whoever paid it. When that is the spender
//! itself the refund nets against the deposits of the new coins, in the spender's own hold;
//! when it is another account, that account's hold and balance are read and written too. A
//! call is charged up front as if every input came from a different payer (the worst case a
//! holder can build) and refunded afterwards to what the spend did.

use frame_support::weights::Weight;

/// The weight of a spend of `inputs` coins of which `refunded` returned a deposit to an
/// account other than the spender, from the call's two benchmarks: `foreign(n)` (all `n`
/// inputs paid by distinct other accounts) and `own(n)` (all paid by the spender). The fixed
/// part is the larger of the two benchmarks' (their fits differ by the machine's noise, and
/// neither may be undercut); each input adds its kind's slope. `refunded` is capped at
/// `inputs`, and the result at [`spend_weight_limit`], the up-front charge.
pub fn spend_weight(
	own: impl Fn(u32) -> Weight + Copy,
	foreign: impl Fn(u32) -> Weight + Copy,
	inputs: u32,
	refunded: u32,
) -> Weight {
	let refunded = refunded.min(inputs);
	let base = own(0).max(foreign(0));
	let weight = base
		.saturating_add(own(inputs).saturating_sub(own(refunded)))
		.saturating_add(foreign(refunded).saturating_sub(foreign(0)));
	weight.min(spend_weight_limit(own, foreign, inputs))
}

/// What a spend of `inputs` coins is charged before it runs: the larger of its two benchmarks,
/// so that no mix of refunds can cost more than was charged.
pub fn spend_weight_limit(
	own: impl Fn(u32) -> Weight,
	foreign: impl Fn(u32) -> Weight,
	inputs: u32,
) -> Weight {
	own(inputs).max(foreign(inputs))
}

#[cfg(test)]
mod tests {
	use super::*;

	fn own(n: u32) -> Weight {
		Weight::from_parts(100 + 10 * n as u64, 1_000 + 5 * n as u64)
	}
	fn foreign(n: u32) -> Weight {
		Weight::from_parts(100 + 30 * n as u64, 1_000 + 9 * n as u64)
	}

	#[test]
	fn each_input_is_charged_at_its_own_kind() {
		assert_eq!(spend_weight(own, foreign, 3, 0), own(3));
		assert_eq!(spend_weight(own, foreign, 3, 3), foreign(3));
		assert_eq!(spend_weight(own, foreign, 3, 1), Weight::from_parts(100 + 10 * 2 + 30, 1_019));
	}

	#[test]
	fn never_more_than_the_up_front_charge() {
		assert_eq!(spend_weight(own, foreign, 2, 7), foreign(2));
		// Never more than the larger benchmark, whichever it is.
		assert_eq!(spend_weight(foreign, own, 4, 0), foreign(4));
		assert_eq!(spend_weight_limit(own, foreign, 4), foreign(4));
	}

	#[test]
	fn the_fixed_part_is_the_larger_benchmarks() {
		let own_heavier = |n: u32| Weight::from_parts(200 + 10 * n as u64, 1_000 + 5 * n as u64);
		let foreign_lighter =
			|n: u32| Weight::from_parts(100 + 30 * n as u64, 1_000 + 9 * n as u64);
		// All own: never below what the own benchmark measured.
		assert_eq!(spend_weight(own_heavier, foreign_lighter, 3, 0), own_heavier(3));
		// The limit takes each dimension's larger: own's time, foreign's proof.
		let limit = spend_weight_limit(own_heavier, foreign_lighter, 3);
		assert_eq!(limit, Weight::from_parts(230, 1_027));
		// One foreign input of eight: own's base and slope for seven, the foreign slope for one.
		let one = spend_weight(own_heavier, foreign_lighter, 8, 1);
		assert_eq!(one, Weight::from_parts(200 + 7 * 10 + 30, 1_000 + 7 * 5 + 9));
		// Never above the larger benchmark: of three, one foreign would be 250 by the slopes.
		let capped = spend_weight(own_heavier, foreign_lighter, 3, 1);
		assert_eq!(capped.ref_time(), own_heavier(3).ref_time());
	}
}
