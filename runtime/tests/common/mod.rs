//! Test harness over the real Codchain runtime (no mock): genesis from the runtime's own presets,
//! blocks initialised with a BABE pre-digest, sessions rotated directly.
#![allow(dead_code)]

use codchain_runtime::{
	AccountId, Babe, Executive, Runtime, RuntimeGenesisConfig, Session, Staking, System, Timestamp,
	SLOT_DURATION,
};
use codec::Encode;
use frame_support::traits::Hooks;
use sp_consensus_babe::{
	digests::{PreDigest, SecondaryPlainPreDigest},
	Slot, BABE_ENGINE_ID,
};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{generic::Digest, traits::Header as _, DigestItem};
use std::sync::Arc;

#[allow(unused_imports)]
pub use sp_genesis_builder::{DEV_RUNTIME_PRESET as DEV, LOCAL_TESTNET_RUNTIME_PRESET as LOCAL};

/// Externalities holding the genesis state of `preset` and an in-memory keystore.
pub fn new_ext(preset: &str) -> sp_io::TestExternalities {
	let json = codchain_runtime::genesis_config_presets::get_preset(&preset.into())
		.unwrap_or_else(|| panic!("preset {preset} exists"));
	// The preset is a patch over the default config; merge it the way the node does.
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).unwrap();
	merge(&mut config, serde_json::from_slice(&json).unwrap());
	let mut ext = sp_io::TestExternalities::new_empty();
	ext.execute_with(|| {
		frame_support::genesis_builder_helper::build_state::<RuntimeGenesisConfig>(
			serde_json::to_vec(&config).unwrap(),
		)
		.expect("genesis builds")
	});
	ext.commit_all().unwrap();
	ext.register_extension(sp_keystore::KeystoreExt(Arc::new(
		sp_keystore::testing::MemoryKeystore::new(),
	)));
	ext
}

/// JSON merge patch (RFC 7386), as the chain spec builder applies presets.
fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(b), serde_json::Value::Object(p)) => {
			for (k, v) in p {
				merge(b.entry(k).or_insert(serde_json::Value::Null), v);
			}
		},
		(b, p) => *b = p,
	}
}

pub fn account(who: Sr25519Keyring) -> AccountId {
	who.to_account_id()
}

/// A pre-runtime digest claiming `slot` for the authority at `authority_index`.
pub fn babe_pre_digest(authority_index: u32, slot: u64) -> Digest {
	let pre = PreDigest::SecondaryPlain(SecondaryPlainPreDigest {
		authority_index,
		slot: Slot::from(slot),
	});
	Digest { logs: vec![DigestItem::PreRuntime(BABE_ENGINE_ID, pre.encode())] }
}

/// Starts block `System::block_number() + 1`, authored by the authority at index 0, running every
/// pallet's `on_initialize` the way block import does.
pub fn start_block() {
	let number = System::block_number() + 1;
	let slot = Babe::current_slot().max(Slot::from(1)) + 1;
	let header = codchain_runtime::Header::new(
		number,
		Default::default(),
		Default::default(),
		System::parent_hash(),
		babe_pre_digest(0, *slot),
	);
	Executive::initialize_block(&header);
	Timestamp::set_timestamp(*slot * SLOT_DURATION);
}

/// Rotates the session `n` times, advancing block number and time so era bookkeeping sees time
/// pass.
pub fn rotate_sessions(n: u32) {
	for _ in 0..n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		let now = pallet_timestamp::Now::<Runtime>::get() + 60_000;
		pallet_timestamp::Now::<Runtime>::put(now);
		Session::rotate_session();
		<Staking as Hooks<_>>::on_initialize(next);
	}
}

/// Rotates sessions until the active era is `era`.
pub fn start_active_era(era: u32) {
	let mut guard = 0;
	while pallet_staking::ActiveEra::<Runtime>::get().map(|e| e.index).unwrap_or(0) < era {
		rotate_sessions(1);
		guard += 1;
		assert!(guard < 100, "era {era} never started");
	}
}

/// Validators of the current session.
pub fn session_validators() -> Vec<AccountId> {
	pallet_session::Validators::<Runtime>::get()
}
