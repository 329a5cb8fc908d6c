//! The election's voter list: bags by stake, filled at genesis, refilled by the upgrade that
//! introduced it, kept in order as stakes change.

mod common;
use common::*;

use codchain_runtime::{
	configs::voters::{PopulateVoterList, BAGS, RATIO_PER_MILLE, THRESHOLDS},
	genesis_config_presets::VALIDATOR_BOND,
	AccountId, Runtime, RuntimeOrigin, Staking, VoterList, EXISTENTIAL_DEPOSIT,
};
use frame_election_provider_support::{SortedListProvider, VoteWeight};
use frame_support::{assert_ok, traits::OnRuntimeUpgrade};
use sp_keyring::Sr25519Keyring::*;

type List = <Runtime as pallet_staking::Config>::VoterList;

fn listed() -> Vec<AccountId> {
	<VoterList as SortedListProvider<AccountId>>::iter().collect()
}

fn bag_of(who: &AccountId) -> VoteWeight {
	pallet_bags_list::ListNodes::<Runtime, pallet_bags_list::Instance1>::get(who)
		.expect("listed")
		.bag_upper
}

/// The list's counter matches its nodes, and every voter sits in the bag its score belongs to
/// (the smallest bound at or above it), in non-increasing order of bags.
fn assert_sound() {
	let voters = listed();
	assert_eq!(<VoterList as SortedListProvider<AccountId>>::count() as usize, voters.len());
	let mut last = VoteWeight::MAX;
	for who in &voters {
		let score = VoterList::get_score(who).expect("scored");
		let bag = *THRESHOLDS.iter().find(|t| **t >= score).expect("the last bag is unbounded");
		assert_eq!(bag_of(who), bag, "voter in the bag of its score");
		assert!(bag <= last, "bags read from the largest down");
		last = bag;
	}
}

#[test]
fn the_bags_rise_by_a_constant_ratio_from_the_existential_deposit_to_the_largest_score() {
	assert_eq!(THRESHOLDS.len(), BAGS);
	assert_eq!(THRESHOLDS[0], EXISTENTIAL_DEPOSIT as VoteWeight);
	assert_eq!(THRESHOLDS[BAGS - 1], VoteWeight::MAX);
	for pair in THRESHOLDS[..BAGS - 1].windows(2) {
		assert!(pair[1] > pair[0], "bags strictly increase");
		let per_mille = (pair[1] as u128 * 1_000) / pair[0] as u128;
		assert!(per_mille >= RATIO_PER_MILLE as u128 - 1 && per_mille <= RATIO_PER_MILLE as u128);
	}
	// The last bounded bag is close to the top: no long tail of scores shares the last bag.
	assert!(THRESHOLDS[BAGS - 2] > VoteWeight::MAX / 2);
	// A genesis validator's bond (100 000 COD) falls in a bag of its own range.
	let bag = THRESHOLDS.iter().position(|t| *t >= VALIDATOR_BOND as VoteWeight).unwrap();
	assert!(bag > 0 && bag < BAGS - 1);
}

#[test]
fn genesis_lists_every_staker_and_the_upgrade_refills_an_empty_list() {
	new_ext(LOCAL).execute_with(|| {
		let validators = [account(Alice), account(Bob), account(Charlie)];
		assert_eq!(<List as SortedListProvider<AccountId>>::count(), 3);
		for v in &validators {
			assert!(listed().contains(v));
			assert_eq!(VoterList::get_score(v).unwrap(), VALIDATOR_BOND as VoteWeight);
		}

		// A chain started before the list existed: the upgrade fills it from staking.
		<VoterList as SortedListProvider<AccountId>>::unsafe_clear();
		assert!(listed().is_empty());
		let weight = PopulateVoterList::on_runtime_upgrade();
		assert_eq!(<VoterList as SortedListProvider<AccountId>>::count(), 3);
		for v in &validators {
			assert!(listed().contains(v));
		}
		assert!(weight.ref_time() > 0);
		assert_sound();

		// Run again, it changes nothing.
		let before = listed();
		PopulateVoterList::on_runtime_upgrade();
		assert_eq!(listed(), before);
	});
}

#[test]
fn the_largest_stake_is_read_first_and_a_bond_change_moves_its_voter() {
	new_ext(LOCAL).execute_with(|| {
		start_block();
		let (dave, bob) = (account(Dave), account(Bob));
		let small = 10 * codchain_runtime::UNITS;
		assert_ok!(Staking::bond(
			RuntimeOrigin::signed(dave.clone()),
			small,
			pallet_staking::RewardDestination::Staked
		));
		assert_ok!(Staking::nominate(
			RuntimeOrigin::signed(dave.clone()),
			vec![bob.clone().into()]
		));
		assert_eq!(listed().last(), Some(&dave), "the smallest stake is read last");
		let low_bag = bag_of(&dave);

		// Bonding more than any validator puts Dave first, in a higher bag, at once.
		assert_ok!(Staking::bond_extra(RuntimeOrigin::signed(dave.clone()), 2 * VALIDATOR_BOND));
		assert_eq!(listed().first(), Some(&dave), "the largest stake is read first");
		assert!(bag_of(&dave) > low_bag);
		assert_sound();
	});
}
