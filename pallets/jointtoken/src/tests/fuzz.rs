//! Randomized call sequences for joint tokens (issue: randomized invariant testing), generated
//! from the pallet's call types: every call, with arguments drawn from the test's accounts
//! (one never funded), ids that exist in storage, block numbers around now and amounts at the
//! edges, signed by a random account, across many blocks. The invariants (`try_state`) hold
//! after every block and a rejected call changes nothing.

use codchain_fuzz::{end_block, generated_campaign};

use super::*;

fn accounts() -> Vec<AccountId> {
	let mut list: Vec<AccountId> = NAMES.iter().map(|n| acc(n)).collect();
	list.push(acc("Nobody"));
	list
}

#[test]
fn generated_call_sequences_keep_every_invariant() {
	let tally = generated_campaign::<crate::Call<Test>, _>(
		"jointtoken",
		6,
		1_200,
		new_test_ext,
		&accounts(),
		RuntimeOrigin::signed,
		// The mock's own block runner: both pallets' hooks, invariants checked at each block.
		end_block!(JointToken::do_try_state(), System, run_to),
	);
	assert!(tally.accepted_calls() >= 3, "too few calls ever accepted: {tally:?}");
}
