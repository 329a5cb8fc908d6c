//! Randomized call sequences for MiMei (issue: randomized invariant testing), generated
//! from the pallet's call types: every call, with arguments drawn from the test's accounts
//! (one never funded), ids that exist in storage, block numbers around now and amounts at the
//! edges, signed by a random account, across many blocks. The invariants (`try_state`) hold
//! after every block and a rejected call changes nothing.

use codchain_fuzz::{end_block, generated_campaign};

use super::*;

fn accounts() -> Vec<AccountId> {
	let mut list: Vec<AccountId> = ENDOWED.iter().map(|n| account(n)).collect();
	list.push(account("Nobody"));
	list
}

#[test]
fn generated_call_sequences_keep_every_invariant() {
	let tally = generated_campaign::<crate::Call<Test>, _>(
		"mimei",
		6,
		1_200,
		new_test_ext,
		&accounts(),
		RuntimeOrigin::signed,
		end_block!(MiMei::do_try_state(), System, System::run_to_block::<AllPalletsWithSystem>),
	);
	assert!(tally.accepted_calls() >= 3, "too few calls ever accepted: {tally:?}");
}
