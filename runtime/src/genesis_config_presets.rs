//! Genesis presets: `development` (one validator, //Alice) and `local_testnet` (//Alice, //Bob,
//! //Charlie validating with bonded stake; //Dave, //Eve, //Ferdie endowed but not validating).
//!
//! The presets keep `session.keys`, `balances.balances` and `staking.stakers` populated:
//! zombienet rewrites exactly those fields for the validators of its network.

use alloc::{vec, vec::Vec};
use core::str::FromStr;
use serde_json::Value;
use sp_consensus_babe::AuthorityId as BabeId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

use crate::{
	AccountId, Balance, RuntimeGenesisConfig, SessionKeys, StakerStatus, BABE_GENESIS_EPOCH_CONFIG,
	UNITS,
};

/// Every endowed development account starts with one million COD.
pub const ENDOWMENT: Balance = 1_000_000 * UNITS;
/// Each genesis validator bonds a tenth of its endowment.
pub const VALIDATOR_BOND: Balance = ENDOWMENT / 10;
/// Smallest bond a new validator may declare intent with.
pub const MIN_VALIDATOR_BOND: Balance = 10 * UNITS;
/// Smallest bond a nominator may nominate with.
pub const MIN_NOMINATOR_BOND: Balance = UNITS;
/// How many validators the election picks when enough candidates stand (root may change it).
pub const VALIDATOR_COUNT: u32 = 10;

/// A genesis validator: stash account and session keys derived from the same dev seed.
pub struct Validator {
	pub stash: AccountId,
	pub babe: BabeId,
	pub grandpa: GrandpaId,
}

impl Validator {
	/// Keys of a well-known development account (`//Alice`, ...): the sr25519 key is the stash
	/// and the BABE key, the ed25519 key of the same seed is the GRANDPA key.
	pub fn from_keyring(who: Sr25519Keyring) -> Self {
		let name: &'static str = who.into();
		let ed = Ed25519Keyring::from_str(name).expect("both keyrings name the same accounts; qed");
		Self { stash: who.to_account_id(), babe: who.public().into(), grandpa: ed.public().into() }
	}
}

/// The genesis of a Codchain network: who holds COD, who validates, who is sudo.
pub fn genesis(validators: Vec<Validator>, endowed: Vec<AccountId>, root: AccountId) -> Value {
	let mut balances: Vec<(AccountId, Balance)> =
		endowed.iter().cloned().map(|a| (a, ENDOWMENT)).collect();
	for v in &validators {
		if !endowed.contains(&v.stash) {
			balances.push((v.stash.clone(), ENDOWMENT));
		}
	}
	let session_keys: Vec<(AccountId, AccountId, SessionKeys)> = validators
		.iter()
		.map(|v| {
			(
				v.stash.clone(),
				v.stash.clone(),
				SessionKeys { babe: v.babe.clone(), grandpa: v.grandpa.clone() },
			)
		})
		.collect();
	let stakers: Vec<(AccountId, AccountId, Balance, StakerStatus<AccountId>)> = validators
		.iter()
		.map(|v| (v.stash.clone(), v.stash.clone(), VALIDATOR_BOND, StakerStatus::Validator))
		.collect();

	let config = RuntimeGenesisConfig {
		balances: pallet_balances::GenesisConfig { balances, ..Default::default() },
		babe: pallet_babe::GenesisConfig {
			epoch_config: BABE_GENESIS_EPOCH_CONFIG,
			..Default::default()
		},
		session: pallet_session::GenesisConfig { keys: session_keys, ..Default::default() },
		staking: pallet_staking::GenesisConfig {
			validator_count: VALIDATOR_COUNT,
			minimum_validator_count: 1,
			stakers,
			min_validator_bond: MIN_VALIDATOR_BOND,
			min_nominator_bond: MIN_NOMINATOR_BOND,
			// 10 % of a slash goes to whoever reported the offence.
			slash_reward_fraction: sp_runtime::Perbill::from_percent(10),
			..Default::default()
		},
		sudo: pallet_sudo::GenesisConfig { key: Some(root) },
		..Default::default()
	};
	serde_json::to_value(config).expect("RuntimeGenesisConfig serializes; qed")
}

fn development() -> Value {
	genesis(
		vec![Validator::from_keyring(Sr25519Keyring::Alice)],
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		Sr25519Keyring::Alice.to_account_id(),
	)
}

fn local_testnet() -> Value {
	genesis(
		vec![
			Validator::from_keyring(Sr25519Keyring::Alice),
			Validator::from_keyring(Sr25519Keyring::Bob),
			Validator::from_keyring(Sr25519Keyring::Charlie),
		],
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// The preset the staking, session and voter-list benchmarks run on, in nodes built with
/// `runtime-benchmarks` only.
#[cfg(feature = "runtime-benchmarks")]
pub const BENCHMARK_PRESET: &str = "benchmark";

/// The development genesis without minimum bonds: those benchmarks bond small amounts, near
/// the existential deposit, to build their worst cases from many accounts.
#[cfg(feature = "runtime-benchmarks")]
fn benchmark() -> Value {
	let mut patch = development();
	patch["staking"]["minValidatorBond"] = Value::from(0);
	patch["staking"]["minNominatorBond"] = Value::from(0);
	patch
}

/// The JSON of a named preset, or `None` for an unknown name.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_testnet(),
		#[cfg(feature = "runtime-benchmarks")]
		BENCHMARK_PRESET => benchmark(),
		_ => return None,
	};
	Some(
		serde_json::to_string(&patch)
			.expect("serialization to json is expected to work; qed")
			.into_bytes(),
	)
}

/// Names of the presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
		#[cfg(feature = "runtime-benchmarks")]
		PresetId::from(BENCHMARK_PRESET),
	]
}
