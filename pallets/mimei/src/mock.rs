//! A runtime for the MiMei unit tests: system, COD balances, and small stand-ins for the
//! organisations and upkeep pallets.

use frame_support::{
	derive_impl,
	traits::{ConstU32, ConstU64},
};
use sp_core::{sr25519, Pair};
use sp_runtime::{AccountId32, BuildStorage};
use std::{
	cell::RefCell,
	collections::{BTreeMap, BTreeSet},
	sync::{Mutex, OnceLock},
};

use crate as pallet_mimei;

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
	pub type MiMei = pallet_mimei;
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
pub const OBJECT_DEPOSIT: Balance = 20;
pub const VERSION_DEPOSIT: Balance = 3;
pub const REF_DEPOSIT: Balance = 2;
pub const MAX_VERSIONS: u32 = 5;

thread_local! {
	static MEMBERS: RefCell<BTreeSet<(u32, AccountId)>> = const { RefCell::new(BTreeSet::new()) };
	/// Upkeep contracts: id → (owner, live).
	static CONTRACTS: RefCell<BTreeMap<u64, (AccountId, bool)>> = const { RefCell::new(BTreeMap::new()) };
}

pub struct Orgs;

impl Orgs {
	pub fn add(org: u32, who: &AccountId) {
		MEMBERS.with(|m| m.borrow_mut().insert((org, who.clone())));
	}
	pub fn remove(org: u32, who: &AccountId) {
		MEMBERS.with(|m| m.borrow_mut().remove(&(org, who.clone())));
	}
}

impl crate::OrgMembers<AccountId> for Orgs {
	type OrgId = u32;
	fn is_member(org: &u32, who: &AccountId) -> bool {
		MEMBERS.with(|m| m.borrow().contains(&(*org, who.clone())))
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn create_for_benchmark(member: &AccountId) -> u32 {
		Orgs::add(1, member);
		1
	}
}

pub struct Upkeep;

impl Upkeep {
	pub fn set(id: u64, owner: &AccountId, live: bool) {
		CONTRACTS.with(|c| c.borrow_mut().insert(id, (owner.clone(), live)));
	}
}

impl crate::UpkeepContracts<AccountId> for Upkeep {
	type ContractId = u64;
	fn is_live(contract: &u64, owner: &AccountId) -> bool {
		CONTRACTS.with(|c| c.borrow().get(contract).is_some_and(|(o, live)| o == owner && *live))
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn create_for_benchmark(owner: &AccountId) -> u64 {
		Upkeep::set(7, owner, true);
		7
	}
}

impl pallet_mimei::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Orgs = Orgs;
	type Upkeep = Upkeep;
	type ObjectDeposit = ConstU64<OBJECT_DEPOSIT>;
	type VersionDeposit = ConstU64<VERSION_DEPOSIT>;
	type RefDeposit = ConstU64<REF_DEPOSIT>;
	type MaxFieldLen = ConstU32<16>;
	type MaxVersions = ConstU32<MAX_VERSIONS>;
	type WeightInfo = ();
}

pub fn account(name: &str) -> AccountId {
	static PAIRS: OnceLock<Mutex<BTreeMap<String, AccountId>>> = OnceLock::new();
	let mut pairs = PAIRS.get_or_init(Default::default).lock().expect("no test panics holding it");
	pairs
		.entry(name.to_string())
		.or_insert_with(|| {
			sr25519::Pair::from_string(&format!("//{name}"), None)
				.expect("valid dev seed")
				.public()
				.into()
		})
		.clone()
}

pub const ENDOWMENT: Balance = 1_000;
pub const ENDOWED: &[&str] = &["Alice", "Bob", "Carol", "Eve"];

pub fn new_test_ext() -> sp_io::TestExternalities {
	MEMBERS.with(|m| m.borrow_mut().clear());
	CONTRACTS.with(|c| c.borrow_mut().clear());
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let balances: Vec<_> = ENDOWED.iter().map(|n| (account(n), ENDOWMENT)).collect();
	pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }
		.assimilate_storage(&mut t)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| System::set_block_number(1));
	ext
}
