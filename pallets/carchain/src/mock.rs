//! A runtime for the CarChain unit tests: system, COD balances, the data token as a second
//! balances instance (as in the chain), and the chain's signature scheme (`MultiSignature`
//! over `AccountId32`) so that device, reset, put and approval signatures are checked for real.

use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64},
};
use sp_arithmetic::FixedU128;
use sp_core::{sr25519, Pair};
use sp_keystore::{testing::MemoryKeystore, KeystoreExt};
use sp_runtime::{AccountId32, BuildStorage, MultiSignature, MultiSigner};
use std::{
	collections::BTreeMap,
	sync::{Mutex, OnceLock},
};

use crate as pallet_carchain;

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
	pub type DataToken = pallet_balances<Instance2>;
	#[runtime::pallet_index(3)]
	pub type CarChain = pallet_carchain;
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

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config<pallet_balances::Instance2> for Test {
	type Balance = Balance;
	// Its own account map: the data token must not share `System::Account` with COD.
	type AccountStore = frame_support::traits::StorageMapShim<
		pallet_balances::Account<Test, pallet_balances::Instance2>,
		AccountId,
		pallet_balances::AccountData<Balance>,
	>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type ExistentialDeposit = ConstU64<1>;
}

pub const ED: Balance = 5;
pub const DEVICE_DEPOSIT: Balance = 10;
pub const RECORD_DEPOSIT: Balance = 3;
pub const GRANT_DEPOSIT: Balance = 4;
pub const REGISTRATION_DEPOSIT: Balance = 50;
pub const COMPUTATION_DEPOSIT: Balance = 20;
pub const REQUEST_DEPOSIT: Balance = 30;
pub const APPROVAL_DEPOSIT: Balance = 2;
pub const TOTAL_EMISSION: Balance = 1_000;
pub const RECORD_REWARD: Balance = 100;
pub const EPOCH: u64 = 10;
pub const EPOCH_BUDGET: Balance = 120;
pub const MIN_RECORD_LIFE: u64 = 5;
pub const RETENTION: u64 = 20;
pub const MIN_COHORT: u32 = 2;

parameter_types! {
	pub CommunityAccount: AccountId = account("Community");
	pub const SalePrice: FixedU128 = FixedU128::from_rational(3, 2);
}

impl pallet_carchain::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type DataToken = DataToken;
	type Signature = MultiSignature;
	type Signer = MultiSigner;
	type Community = CommunityAccount;
	type TotalEmission = ConstU64<TOTAL_EMISSION>;
	type RecordReward = ConstU64<RECORD_REWARD>;
	type AgentEpoch = ConstU64<EPOCH>;
	type AgentEpochBudget = ConstU64<EPOCH_BUDGET>;
	type SalePrice = SalePrice;
	type DeviceDeposit = ConstU64<DEVICE_DEPOSIT>;
	type RecordDeposit = ConstU64<RECORD_DEPOSIT>;
	type GrantDeposit = ConstU64<GRANT_DEPOSIT>;
	type RegistrationDeposit = ConstU64<REGISTRATION_DEPOSIT>;
	type ComputationDeposit = ConstU64<COMPUTATION_DEPOSIT>;
	type RequestDeposit = ConstU64<REQUEST_DEPOSIT>;
	type ApprovalDeposit = ConstU64<APPROVAL_DEPOSIT>;
	type MinRecordLife = ConstU64<MIN_RECORD_LIFE>;
	type MaxRequestLife = ConstU64<100>;
	type ResultRetention = ConstU64<RETENTION>;
	type MinCohort = ConstU32<MIN_COHORT>;
	type MaxCohort = ConstU32<4>;
	type MaxApprovalRecords = ConstU32<3>;
	type MaxValueSize = ConstU32<{ 1 << 20 }>;
	type MaxVidLen = ConstU32<32>;
	type MaxKeyLen = ConstU32<64>;
	type MaxFormatLen = ConstU32<16>;
	type MaxWrappedKeyLen = ConstU32<96>;
	type MaxResultLen = ConstU32<256>;
	type MaxDevicesPerOwner = ConstU32<3>;
	type MaxComputations = ConstU32<2>;
	type ForceOrigin = frame_system::EnsureRoot<AccountId>;
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

pub const ENDOWMENT: Balance = 1_000_000;

/// Accounts endowed with COD at genesis.
pub const ENDOWED: &[&str] = &[
	"Owner", "Owner2", "Owner3", "Owner4", "Buyer", "Buyer2", "Agent", "Agent2", "Provider",
	"Exec", "Addr",
];

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut balances: Vec<_> = ENDOWED.iter().map(|n| (account(n), ENDOWMENT)).collect();
	balances.push((account("Community"), ED));
	pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }
		.assimilate_storage(&mut t)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.register_extension(KeystoreExt::new(MemoryKeystore::new()));
	ext.execute_with(|| System::set_block_number(1));
	ext
}
