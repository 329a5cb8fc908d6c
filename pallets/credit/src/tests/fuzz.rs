//! Randomized call sequences for Leither credit (issue: randomized invariant testing), generated
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
		"credit",
		6,
		1_200,
		|| {
			let mut ext = new_test_ext();
			// An organisation with an admin and a member, so calls made for it can succeed.
			ext.execute_with(|| {
				Orgs::create(0, &account("Admin"));
				Orgs::set_role(0, &account("Member"), Some(Role::Member));
			});
			ext
		},
		&accounts(),
		RuntimeOrigin::signed,
		end_block!(Credit::do_try_state(), System, System::run_to_block::<AllPalletsWithSystem>),
	);
	assert!(tally.accepted_calls() >= 3, "too few calls ever accepted: {tally:?}");
}
