//! A minimal runtime for the upkeep unit tests: system (block numbers drive the leader
//! rotation), balances (escrow and deposits), and the real signature scheme of the chain
//! (`MultiSignature` over `AccountId32`) so attestations are signed and verified for real.

use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64},
};
use sp_core::{sr25519, Pair};
use sp_keystore::{testing::MemoryKeystore, KeystoreExt};
use sp_runtime::{AccountId32, BuildStorage, MultiSignature, MultiSigner};
use std::{
	collections::BTreeMap,
	sync::{Mutex, OnceLock},
};

use crate as pallet_upkeep;

pub type AccountId = AccountId32;
pub type Balance = u64;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(2)]
	pub type Upkeep = pallet_upkeep;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = frame_system::mocking::MockBlock<Test>;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
	// Non-zero, so that a refund of storage accesses shows in a test.
	type DbWeight = frame_support::weights::constants::ParityDbWeight;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
	type ExistentialDeposit = ExistentialDeposit;
}

pub const CONTRACT_DEPOSIT: Balance = 100;
pub const KEEPER_DEPOSIT: Balance = 3;
pub const PROVIDER_DEPOSIT: Balance = 7;
pub const ED: Balance = 5;

parameter_types! {
	pub const ContractDeposit: Balance = CONTRACT_DEPOSIT;
	pub const KeeperDeposit: Balance = KEEPER_DEPOSIT;
	pub const ProviderDeposit: Balance = PROVIDER_DEPOSIT;
	pub const ExistentialDeposit: Balance = ED;
}

impl pallet_upkeep::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Signature = MultiSignature;
	type Signer = MultiSigner;
	type ContractDeposit = ContractDeposit;
	type KeeperDeposit = KeeperDeposit;
	type ProviderDeposit = ProviderDeposit;
	type MaxKeepers = ConstU32<64>;
	type MaxProviders = ConstU32<4>;
	type MaxHistory = ConstU32<4>;
	type MaxMaintenance = ConstU32<2>;
	type MaxMaintenanceLength = ConstU64<50>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::Sr25519Keepers;
}

/// A test key: sr25519 from a dev seed, so each name is one account. Derived once per name
/// for the whole test binary: every test endows 70 accounts, and a derivation from the dev
/// phrase runs PBKDF2 with 2048 rounds.
pub fn pair(name: &str) -> sr25519::Pair {
	static PAIRS: OnceLock<Mutex<BTreeMap<String, sr25519::Pair>>> = OnceLock::new();
	let mut pairs = PAIRS.get_or_init(Default::default).lock().expect("no test panics holding it");
	pairs
		.entry(name.to_string())
		.or_insert_with(|| {
			sr25519::Pair::from_string(&format!("//{name}"), None).expect("valid dev seed")
		})
		.clone()
}

pub fn account(name: &str) -> AccountId {
	pair(name).public().into()
}

pub fn user() -> AccountId {
	account("User")
}

/// Keepers `K0..K{n-1}`.
pub fn keepers(n: u32) -> Vec<AccountId> {
	(0..n).map(|i| account(&format!("K{i}"))).collect()
}

pub fn provider(i: u32) -> AccountId {
	account(&format!("P{i}"))
}

pub const ENDOWMENT: Balance = 1_000_000_000;

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut balances = vec![(user(), ENDOWMENT), (account("Other"), ENDOWMENT)];
	balances.extend(keepers(64).into_iter().map(|k| (k, ENDOWMENT)));
	balances.extend((0..4).map(|i| (provider(i), ENDOWMENT)));
	pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }
		.assimilate_storage(&mut t)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.register_extension(KeystoreExt::new(MemoryKeystore::new()));
	ext.execute_with(|| System::set_block_number(1));
	ext
}
