//! A runtime for the organisations unit tests: system, COD balances, and a set of accounts
//! standing in for joint-token automatic accounts.

use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64},
	PalletId,
};
use sp_core::{ed25519, sr25519, Pair};
use sp_keystore::{testing::MemoryKeystore, KeystoreExt};
use sp_runtime::{AccountId32, BuildStorage};
use std::{
	collections::BTreeMap,
	sync::{Mutex, OnceLock},
};

use crate::{self as pallet_orgs, NodeKey, NodeSignature, OrgId};

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
	pub type Organisations = pallet_orgs;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = frame_system::mocking::MockBlock<Test>;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
	type ExistentialDeposit = ConstU64<ED>;
}

pub const ED: Balance = 5;
pub const ORG_DEPOSIT: Balance = 50;
pub const MEMBER_DEPOSIT: Balance = 10;
pub const NODE_DEPOSIT: Balance = 20;
pub const MAX_MEMBERS: u32 = 4;

/// The automatic account of the tests.
pub fn automatic() -> AccountId {
	AccountId::new([0xaa; 32])
}

pub struct Automatic;

impl crate::AutomaticAccounts<AccountId> for Automatic {
	fn is_automatic(who: &AccountId) -> bool {
		*who == automatic()
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn automatic_for_benchmark() -> AccountId {
		automatic()
	}
}

parameter_types! {
	pub const OrgsPalletId: PalletId = PalletId(*b"co/orgs_");
}

impl pallet_orgs::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type PalletId = OrgsPalletId;
	type AutomaticAccounts = Automatic;
	type OrgDeposit = ConstU64<ORG_DEPOSIT>;
	type MemberDeposit = ConstU64<MEMBER_DEPOSIT>;
	type NodeDeposit = ConstU64<NODE_DEPOSIT>;
	type MaxNameLen = ConstU32<16>;
	type MaxInfoLen = ConstU32<64>;
	type MaxMembers = ConstU32<MAX_MEMBERS>;
	type WeightInfo = ();
}

/// A test key: sr25519 from a dev seed, derived once per name for the whole test binary.
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

/// A node's ed25519 network key, from a seed byte.
pub fn node_pair(n: u8) -> ed25519::Pair {
	ed25519::Pair::from_seed(&[n; 32])
}

pub fn node_key(n: u8) -> NodeKey {
	node_pair(n).public().0
}

/// Node `n`'s proof for registering under `cod`, run by `operator`.
pub fn node_proof(n: u8, cod: OrgId, operator: &str) -> NodeSignature {
	node_pair(n).sign(&Organisations::node_payload(cod, &account(operator))).0
}

pub const ENDOWMENT: Balance = 1_000;

pub const ENDOWED: &[&str] = &["Alice", "Bob", "Carol", "Dave", "Eve"];

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let balances: Vec<_> = ENDOWED.iter().map(|n| (account(n), ENDOWMENT)).collect();
	pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }
		.assimilate_storage(&mut t)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.register_extension(KeystoreExt::new(MemoryKeystore::new()));
	ext.execute_with(|| System::set_block_number(1));
	ext
}
