//! A minimal runtime for the codcoin unit tests: system (block numbers for claim expiry) and
//! balances (deposits).

use frame_support::{derive_impl, parameter_types, traits::ConstU32};
use sp_runtime::BuildStorage;

use crate as pallet_codcoin;

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
	pub type Codcoin = pallet_codcoin;
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

pub const COIN_DEPOSIT: Balance = 10;
pub const CLAIM_DEPOSIT: Balance = 50;
pub const ISSUER_DEPOSIT: Balance = 100;
pub const MAX_INPUTS: u32 = 8;

parameter_types! {
	pub const CoinDeposit: Balance = COIN_DEPOSIT;
	pub const ClaimDeposit: Balance = CLAIM_DEPOSIT;
	pub const IssuerDeposit: Balance = ISSUER_DEPOSIT;
}

impl pallet_codcoin::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type CoinDeposit = CoinDeposit;
	type ClaimDeposit = ClaimDeposit;
	type IssuerDeposit = IssuerDeposit;
	type MaxInputs = ConstU32<MAX_INPUTS>;
	type MaxOutputs = ConstU32<8>;
	type MaxClaims = ConstU32<4>;
	type WeightInfo = ();
}

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
/// An attestor (an auditor, a warehouse).
pub const AUDITOR: AccountId = 4;
/// Has just enough for an issuer record and one claim, nothing more.
pub const POOR: AccountId = 5;
pub const ENDOWMENT: Balance = 1_000_000;

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![
			(ALICE, ENDOWMENT),
			(BOB, ENDOWMENT),
			(CHARLIE, ENDOWMENT),
			(AUDITOR, ENDOWMENT),
			(POOR, ISSUER_DEPOSIT + CLAIM_DEPOSIT + 1),
		],
		..Default::default()
	}
	.assimilate_storage(&mut t)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| System::set_block_number(1));
	ext
}
