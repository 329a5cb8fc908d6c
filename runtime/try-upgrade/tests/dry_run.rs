//! The dry run on the local testnet's genesis made to look like an older chain's state: an upgrade
//! whose migrations and invariants hold passes and migrates; an upgrade that is not one, or a
//! state whose invariants are broken, is refused.
#![cfg(feature = "try-runtime")]

#[path = "../../tests/common/mod.rs"]
mod common;

use codchain_runtime::{Runtime, RuntimeOrigin, Timecoin, VERSION};
use codchain_try_upgrade::dry_run;
use common::{account, new_ext, start_block, LOCAL};
use frame_support::{
	assert_ok,
	traits::{GetStorageVersion, StorageVersion},
	BoundedVec,
};
use sp_keyring::Sr25519Keyring::{Alice, Bob};
use sp_version::RuntimeVersion;

/// The local testnet after a block in which Alice issued Bob 100 seconds, recorded as running
/// `spec_name`/`spec_version` with the timecoin ledger at storage version 1.
fn older_chain(spec_name: &'static str, spec_version: u32) -> sp_io::TestExternalities {
	let mut ext = new_ext(LOCAL);
	ext.execute_with(|| {
		start_block();
		let alice = RuntimeOrigin::signed(account(Alice));
		assert_ok!(Timecoin::declare_capacity(alice.clone(), 10_000));
		let out = pallet_timecoin::PourOutput { holder: account(Bob), amount: 100 };
		assert_ok!(Timecoin::issue(alice, BoundedVec::truncate_from(vec![out])));
		StorageVersion::new(1).put::<Timecoin>();
		let version = RuntimeVersion { spec_name: spec_name.into(), spec_version, ..VERSION };
		frame_system::LastRuntimeUpgrade::<Runtime>::put(
			frame_system::LastRuntimeUpgradeInfo::from(version),
		);
	});
	ext.commit_all().unwrap();
	ext
}

#[test]
fn an_older_chain_upgrades_and_its_ledger_migrates() {
	let mut ext = older_chain("codchain", VERSION.spec_version - 2);
	let report = dry_run(&mut ext).expect("the upgrade passes");
	assert_eq!(report.from_version, VERSION.spec_version - 2);
	assert!(report.weight.ref_time() > 0 && report.share_of_block < 1.0);
	ext.execute_with(|| {
		assert_eq!(Timecoin::on_chain_storage_version(), 2);
		assert_eq!(
			pallet_timecoin::Holdings::<Runtime>::iter_keys().count(),
			1,
			"Bob's coin is indexed once"
		);
	});
}

#[test]
fn the_version_running_already_is_refused() {
	let err = dry_run(&mut older_chain("codchain", VERSION.spec_version)).unwrap_err();
	assert!(err.to_string().contains("is not higher"), "{err}");
}

#[test]
fn another_chains_runtime_is_refused() {
	let err = dry_run(&mut older_chain("polkadot", 1)).unwrap_err();
	assert!(err.to_string().contains("runs `polkadot`"), "{err}");
}

#[test]
fn a_state_that_breaks_an_invariant_is_refused() {
	codchain_try_upgrade::init_logging();
	let mut ext = older_chain("codchain", VERSION.spec_version - 2);
	// Bob's stored total of Alice's seconds no longer adds up to his coins (100).
	ext.execute_with(|| {
		pallet_timecoin::HeldTotals::<Runtime>::insert(account(Bob), account(Alice), 99)
	});
	let err = dry_run(&mut ext).unwrap_err().to_string();
	assert!(err.contains("checks failed"), "{err}");
	assert!(err.contains("a stored balance != the sum of the coins"), "{err}");
}

#[test]
fn a_chain_that_records_no_version_is_refused() {
	let mut ext = older_chain("codchain", VERSION.spec_version - 2);
	ext.execute_with(frame_system::LastRuntimeUpgrade::<Runtime>::kill);
	let err = dry_run(&mut ext).unwrap_err();
	assert!(err.to_string().contains("no runtime version"), "{err}");
}
