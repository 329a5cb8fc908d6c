//! Genesis presets build, and the validators at genesis are exactly the staked ones.

mod common;
use common::*;

use codchain_runtime::{
	genesis_config_presets::{preset_names, ENDOWMENT, VALIDATOR_BOND},
	Balances, Runtime, UNITS,
};
use sp_keyring::Sr25519Keyring::{self, *};

/// The session validators of `preset`, sorted (the election orders them by stake, then id).
fn validators_of(preset: &str) -> Vec<sp_runtime::AccountId32> {
	let mut v = new_ext(preset).execute_with(session_validators);
	v.sort();
	v
}

fn sorted(mut v: Vec<sp_runtime::AccountId32>) -> Vec<sp_runtime::AccountId32> {
	v.sort();
	v
}

#[test]
fn both_presets_are_offered() {
	let names: Vec<String> = preset_names().into_iter().collect();
	assert_eq!(names, vec![DEV.to_string(), LOCAL.to_string()]);
	assert!(codchain_runtime::genesis_config_presets::get_preset(&"nope".into()).is_none());
}

#[test]
fn development_has_alice_as_only_validator() {
	assert_eq!(validators_of(DEV), vec![account(Alice)]);
}

#[test]
fn local_testnet_has_alice_bob_charlie_validating() {
	assert_eq!(validators_of(LOCAL), sorted(vec![account(Alice), account(Bob), account(Charlie)]));
}

#[test]
fn genesis_validators_are_the_bonded_ones() {
	new_ext(LOCAL).execute_with(|| {
		let validators = session_validators();
		// Every session validator is a staking validator with the genesis bond...
		for v in &validators {
			assert!(pallet_staking::Validators::<Runtime>::contains_key(v), "{v} not validating");
			let ledger = pallet_staking::Ledger::<Runtime>::get(v).expect("bonded");
			assert_eq!(ledger.active, VALIDATOR_BOND);
			assert_eq!(ledger.total, VALIDATOR_BOND);
		}
		// ...and every staking validator sits in the session set.
		let staked: Vec<_> = pallet_staking::Validators::<Runtime>::iter_keys().collect();
		assert_eq!(staked.len(), validators.len());
		// The era-0 exposure the election produced covers exactly these validators.
		for v in &validators {
			let exposure = pallet_staking::ErasStakersOverview::<Runtime>::get(0, v)
				.expect("exposure in era 0");
			assert_eq!(exposure.total, VALIDATOR_BOND);
		}
	});
}

#[test]
fn dave_eve_ferdie_are_endowed_but_do_not_validate() {
	new_ext(LOCAL).execute_with(|| {
		for who in [Dave, Eve, Ferdie] {
			let acc = account(who);
			assert_eq!(Balances::free_balance(&acc), ENDOWMENT);
			assert!(!pallet_staking::Validators::<Runtime>::contains_key(&acc));
			assert!(pallet_staking::Ledger::<Runtime>::get(&acc).is_none());
		}
	});
}

#[test]
fn sudo_is_alice_and_token_has_twelve_decimals() {
	new_ext(DEV).execute_with(|| {
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(account(Alice)));
		assert_eq!(UNITS, 10u128.pow(12));
		// Bonded stake stays in the free balance, held by staking.
		let alice = account(Sr25519Keyring::Alice);
		assert_eq!(Balances::free_balance(&alice) + Balances::reserved_balance(&alice), ENDOWMENT);
	});
}
