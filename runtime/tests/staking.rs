//! A new validator that bonds, sets proven session keys and validates is elected at the next
//! era and joins the session set.

mod common;
use common::*;

use codchain_runtime::{
	genesis_config_presets::VALIDATOR_BOND, Runtime, RuntimeOrigin, Session, SessionKeys, Staking,
	SESSIONS_PER_ERA,
};
use codec::Encode;
use frame_support::{assert_noop, assert_ok};
use sp_keyring::Sr25519Keyring::*;

/// Generates session keys in the test keystore, with the ownership proof for `owner`.
fn keys_with_proof(owner: &sp_runtime::AccountId32) -> (SessionKeys, Vec<u8>) {
	let generated = SessionKeys::generate(&owner.encode(), None);
	(generated.keys, generated.proof.encode())
}

#[test]
fn set_keys_requires_a_valid_ownership_proof() {
	new_ext(LOCAL).execute_with(|| {
		let dave = account(Dave);
		let (keys, proof) = keys_with_proof(&dave);
		assert_noop!(
			Session::set_keys(RuntimeOrigin::signed(dave.clone()), keys.clone(), vec![]),
			pallet_session::Error::<Runtime>::InvalidProof
		);
		// A proof made for another owner does not transfer.
		let (_, eve_proof) = keys_with_proof(&account(Eve));
		assert_noop!(
			Session::set_keys(RuntimeOrigin::signed(dave.clone()), keys.clone(), eve_proof),
			pallet_session::Error::<Runtime>::InvalidProof
		);
		assert_ok!(Session::set_keys(RuntimeOrigin::signed(dave.clone()), keys.clone(), proof));
		assert_eq!(pallet_session::NextKeys::<Runtime>::get(&dave), Some(keys));
	});
}

#[test]
fn new_validator_is_elected_at_the_next_era() {
	new_ext(LOCAL).execute_with(|| {
		start_block();
		let dave = account(Dave);
		let (keys, proof) = keys_with_proof(&dave);

		assert_ok!(Staking::bond(
			RuntimeOrigin::signed(dave.clone()),
			VALIDATOR_BOND,
			pallet_staking::RewardDestination::Staked
		));
		assert_ok!(Session::set_keys(RuntimeOrigin::signed(dave.clone()), keys, proof));
		assert_ok!(Staking::validate(
			RuntimeOrigin::signed(dave.clone()),
			pallet_staking::ValidatorPrefs::default()
		));
		assert!(!session_validators().contains(&dave));

		// Still era 0 after one session: the validator set only changes with the era.
		rotate_sessions(1);
		assert!(!session_validators().contains(&dave));

		start_active_era(1);
		let era = pallet_staking::ActiveEra::<Runtime>::get().unwrap().index;
		assert_eq!(era, 1);
		assert_eq!(pallet_session::CurrentIndex::<Runtime>::get(), SESSIONS_PER_ERA);
		// Elected: Dave has an exposure in the new era and is in the session set.
		let exposure =
			pallet_staking::ErasStakersOverview::<Runtime>::get(era, &dave).expect("dave elected");
		assert_eq!(exposure.total, VALIDATOR_BOND);
		let validators = session_validators();
		assert_eq!(validators.len(), 4);
		assert!(validators.contains(&dave));
	});
}

#[test]
fn a_bond_below_the_minimum_cannot_validate() {
	new_ext(LOCAL).execute_with(|| {
		let eve = account(Eve);
		assert_ok!(Staking::bond(
			RuntimeOrigin::signed(eve.clone()),
			codchain_runtime::genesis_config_presets::MIN_VALIDATOR_BOND - 1,
			pallet_staking::RewardDestination::Staked
		));
		assert_noop!(
			Staking::validate(RuntimeOrigin::signed(eve), Default::default()),
			pallet_staking::Error::<Runtime>::InsufficientBond
		);
	});
}
