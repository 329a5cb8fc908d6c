//! A runtime for the credit unit tests: system, COD balances, the chain's signature scheme
//! (`MultiSignature` over `AccountId32`) so that IOU signatures are checked for real, and a
//! small organisations registry standing in for the organisations pallet.

use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64},
};
use sp_core::{sr25519, Pair};
use sp_keystore::{testing::MemoryKeystore, KeystoreExt};
use sp_runtime::{AccountId32, BuildStorage, MultiSignature, MultiSigner};
use std::{
	cell::RefCell,
	collections::BTreeMap,
	sync::{Mutex, OnceLock},
};

use crate::{self as pallet_credit, Role};

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
	pub type Credit = pallet_credit;
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
pub const LINE_DEPOSIT: Balance = 10;
pub const ROLE_LIMIT_DEPOSIT: Balance = 7;
pub const MAX_HOPS: u32 = 4;

/// An organisation of the tests: its account and its members' roles.
type TestOrg = (AccountId, BTreeMap<AccountId, Role>);

thread_local! {
	static ORGS: RefCell<BTreeMap<u32, TestOrg>> = const { RefCell::new(BTreeMap::new()) };
}

/// The organisations registry of the tests.
pub struct Orgs;

impl Orgs {
	/// Organisation `id`, with `admin` as its admin.
	pub fn create(id: u32, admin: &AccountId) -> AccountId {
		let account = AccountId::new([0xee; 32].map(|b| b ^ id as u8));
		ORGS.with(|o| {
			o.borrow_mut()
				.insert(id, (account.clone(), BTreeMap::from([(admin.clone(), Role::Admin)])))
		});
		account
	}

	/// Sets `who`'s role in `id`, or removes it.
	pub fn set_role(id: u32, who: &AccountId, role: Option<Role>) {
		ORGS.with(|o| {
			let mut o = o.borrow_mut();
			let members = &mut o.get_mut(&id).expect("created").1;
			match role {
				Some(r) => members.insert(who.clone(), r),
				None => members.remove(who),
			};
		});
	}
}

impl pallet_credit::Organisations<AccountId> for Orgs {
	type OrgId = u32;

	fn account(org: &u32) -> Option<AccountId> {
		ORGS.with(|o| o.borrow().get(org).map(|(a, _)| a.clone()))
	}

	fn role(org: &u32, who: &AccountId) -> Option<Role> {
		ORGS.with(|o| o.borrow().get(org).and_then(|(_, m)| m.get(who).copied()))
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn create_for_benchmark(admin: &AccountId, member: &AccountId) -> u32 {
		let id = ORGS.with(|o| o.borrow().len() as u32) + 1;
		Orgs::create(id, admin);
		Orgs::set_role(id, member, Some(Role::Member));
		id
	}
}

parameter_types! {
	pub const MaxPathSearch: u32 = 64;
}

impl pallet_credit::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Signature = MultiSignature;
	type Signer = MultiSigner;
	type Organisations = Orgs;
	type LineDeposit = ConstU64<LINE_DEPOSIT>;
	type RoleLimitDeposit = ConstU64<ROLE_LIMIT_DEPOSIT>;
	type MaxHops = ConstU32<MAX_HOPS>;
	type MaxNetEdges = ConstU32<6>;
	type MaxPathSearch = MaxPathSearch;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::Sr25519Signers;
}

/// A test key: sr25519 from a dev seed, derived once per name for the whole test binary (a
/// derivation from the dev phrase runs PBKDF2 with 2048 rounds).
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

/// `name`'s signature over `payload`.
pub fn sign(name: &str, payload: &[u8]) -> MultiSignature {
	MultiSignature::Sr25519(pair(name).sign(payload))
}

pub const ENDOWMENT: Balance = 1_000;

/// Accounts endowed with COD at genesis.
pub const ENDOWED: &[&str] = &["Alice", "Bob", "Carol", "Dave", "Eve", "Admin", "Member"];

pub fn new_test_ext() -> sp_io::TestExternalities {
	ORGS.with(|o| o.borrow_mut().clear());
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
