//! The cooperative economy of SPEC §3-§9: timecoin, codcoin, ...

use frame_support::{parameter_types, traits::ConstU32};

use crate::{deposit, Balance, Balances, Runtime, RuntimeHoldReason, Timestamp};

/// The most coins one pour of timecoin or codcoin spends; the market charges a payment for
/// this many when the ledger chooses the coins.
pub type CoinMaxInputs = ConstU32<16>;

/// Seconds in a day (timecoin windows are wall-clock seconds, not blocks).
const DAY_SECS: u64 = 24 * 60 * 60;

parameter_types! {
	/// A coin is two storage entries (coin, holder index) of about 240 bytes; an appointment
	/// about the same.
	pub const TimecoinCoinDeposit: Balance = deposit(2, 240);
	/// An issuer record is one entry of about 100 bytes plus its exercise history of up to
	/// `TimecoinMaxHistory` records of about 65 bytes.
	pub const TimecoinIssuerDeposit: Balance = deposit(2, 100 + 32 * 65);
	/// A holder record is one entry of about 80 bytes; the per-issuer booking counters it
	/// implies live with appointments and are covered by their deposits.
	pub const TimecoinHolderDeposit: Balance = deposit(1, 80);
	/// Appointments end at most a year ahead.
	pub const TimecoinMaxHorizon: u64 = 365 * DAY_SECS;
	/// A holder has a day after an appointment's end to report a no-show.
	pub const TimecoinObjectionWindow: u64 = DAY_SECS;
	/// An issuer has two days to contest a no-show report.
	pub const TimecoinAnswerWindow: u64 = 2 * DAY_SECS;
}

parameter_types! {
	/// A coin is two storage entries (coin, holder index) of about 260 bytes.
	pub const CodcoinCoinDeposit: Balance = deposit(2, 260);
	/// A claim is about 120 bytes of the issuer's claim list.
	pub const CodcoinClaimDeposit: Balance = deposit(1, 120);
	/// An issuer record is one entry of about 100 bytes.
	pub const CodcoinIssuerDeposit: Balance = deposit(1, 100);
}

impl pallet_codcoin::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type CoinDeposit = CodcoinCoinDeposit;
	type ClaimDeposit = CodcoinClaimDeposit;
	type IssuerDeposit = CodcoinIssuerDeposit;
	type MaxInputs = CoinMaxInputs;
	type MaxOutputs = ConstU32<16>;
	type MaxClaims = ConstU32<16>;
	type WeightInfo = pallet_codcoin::weights::SubstrateWeight<Runtime>;
}

impl pallet_timecoin::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type UnixTime = Timestamp;
	type CoinDeposit = TimecoinCoinDeposit;
	type IssuerDeposit = TimecoinIssuerDeposit;
	type MaxInputs = CoinMaxInputs;
	type MaxOutputs = ConstU32<16>;
	type MaxOpenAppointments = ConstU32<64>;
	// One holder may take an eighth of an issuer's schedule.
	type MaxOpenPerHolder = ConstU32<8>;
	type MaxHorizon = TimecoinMaxHorizon;
	type MaxHistory = ConstU32<32>;
	type HolderDeposit = TimecoinHolderDeposit;
	type ObjectionWindow = TimecoinObjectionWindow;
	type AnswerWindow = TimecoinAnswerWindow;
	type WeightInfo = pallet_timecoin::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = TimecoinClock;
}

/// Moves `pallet_timestamp`'s clock in the timecoin benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct TimecoinClock;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_timecoin::BenchmarkHelper for TimecoinClock {
	fn set_time(secs: u64) {
		pallet_timestamp::Now::<Runtime>::put(secs.saturating_mul(1_000));
	}
}
