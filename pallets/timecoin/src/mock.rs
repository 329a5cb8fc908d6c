//! A minimal runtime for the timecoin unit tests: system, balances (deposits), timestamp (clock).

use frame_support::{derive_impl, parameter_types, traits::ConstU32};
use sp_runtime::BuildStorage;

use crate as pallet_timecoin;

pub type AccountId = u64;
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
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(3)]
	pub type Timecoin = pallet_timecoin;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = frame_system::mocking::MockBlock<Test>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

#[derive_impl(pallet_timestamp::config_preludes::TestDefaultConfig)]
impl pallet_timestamp::Config for Test {}

/// Storage deposit per coin / appointment, and per issuer record.
pub const COIN_DEPOSIT: Balance = 10;
pub const ISSUER_DEPOSIT: Balance = 100;
pub const OBJECTION_WINDOW: u64 = 3_600;
pub const ANSWER_WINDOW: u64 = 7_200;
pub const HOLDER_DEPOSIT: Balance = 3;
/// Bookings end at most 30 days ahead.
pub const HORIZON: u64 = 30 * 24 * 3_600;
/// Unix time (seconds) at which every test starts.
pub const T0: u64 = 1_800_000_000;

parameter_types! {
	pub const CoinDeposit: Balance = COIN_DEPOSIT;
	pub const IssuerDeposit: Balance = ISSUER_DEPOSIT;
	pub const ObjectionWindow: u64 = OBJECTION_WINDOW;
	pub const AnswerWindow: u64 = ANSWER_WINDOW;
	pub const HolderDeposit: Balance = HOLDER_DEPOSIT;
	pub const MaxHorizon: u64 = HORIZON;
}

impl pallet_timecoin::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type UnixTime = Timestamp;
	type CoinDeposit = CoinDeposit;
	type IssuerDeposit = IssuerDeposit;
	type MaxInputs = ConstU32<8>;
	type MaxOutputs = ConstU32<8>;
	type MaxOpenAppointments = ConstU32<4>;
	type MaxOpenPerHolder = ConstU32<3>;
	type MaxHorizon = MaxHorizon;
	type MaxHistory = ConstU32<3>;
	type HolderDeposit = HolderDeposit;
	type ObjectionWindow = ObjectionWindow;
	type AnswerWindow = AnswerWindow;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockClock;
}

/// Moves the mock clock in benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockClock;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_timecoin::BenchmarkHelper for MockClock {
	fn set_time(secs: u64) {
		set_now(secs);
	}
}

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const DAVE: AccountId = 4;
/// Has just enough for an issuer record and nothing more.
pub const POOR: AccountId = 5;
/// Never funded, never used: an account with nothing.
pub const EVE: AccountId = 6;
pub const ENDOWMENT: Balance = 1_000_000;

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![
			(ALICE, ENDOWMENT),
			(BOB, ENDOWMENT),
			(CHARLIE, ENDOWMENT),
			(DAVE, ENDOWMENT),
			(POOR, ISSUER_DEPOSIT + 1),
		],
		..Default::default()
	}
	.assimilate_storage(&mut t)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| {
		System::set_block_number(1);
		set_now(T0);
	});
	ext
}

/// Sets the clock to `secs` Unix seconds.
pub fn set_now(secs: u64) {
	pallet_timestamp::Now::<Test>::put(secs * 1_000);
}
