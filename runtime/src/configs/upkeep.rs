//! WhitePay upkeeping contracts (SPEC §6): limits and the deposits that pay for their storage.

use frame_support::{parameter_types, traits::ConstU32};

use crate::{deposit, Balance, Balances, BlockNumber, Runtime, RuntimeHoldReason};

/// Payments a contract keeps in its history.
const MAX_HISTORY: u32 = 32;
/// Most providers of a contract.
const MAX_PROVIDERS: u32 = 16;

parameter_types! {
	/// A contract record of about 200 bytes besides its member lists, its owner-index entry,
	/// and a history of `MAX_HISTORY` payments of about 270 bytes each.
	pub const UpkeepContractDeposit: Balance = deposit(2 + MAX_HISTORY, 200 + MAX_HISTORY * 270);
	/// A keeper is 32 bytes in the member list and 32 in each provider's list of failed keepers.
	pub const UpkeepKeeperDeposit: Balance = deposit(0, 32 * (1 + MAX_PROVIDERS));
	/// A provider is 32 bytes in the member list plus its payment state of about 200 bytes.
	pub const UpkeepProviderDeposit: Balance = deposit(1, 232);
	/// A provider may declare maintenance for at most a day (14 400 blocks of 6 s) at a time.
	pub const UpkeepMaxMaintenanceLength: BlockNumber = 14_400;
}

impl pallet_upkeep::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Signature = crate::Signature;
	type Signer = <crate::Signature as sp_runtime::traits::Verify>::Signer;
	type ContractDeposit = UpkeepContractDeposit;
	type KeeperDeposit = UpkeepKeeperDeposit;
	type ProviderDeposit = UpkeepProviderDeposit;
	// A 64-keeper payment (64 signature checks, 65 transfers) fits well within a block.
	type MaxKeepers = ConstU32<64>;
	type MaxProviders = ConstU32<MAX_PROVIDERS>;
	type MaxHistory = ConstU32<MAX_HISTORY>;
	type MaxMaintenance = ConstU32<4>;
	type MaxMaintenanceLength = UpkeepMaxMaintenanceLength;
	type WeightInfo = pallet_upkeep::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = pallet_upkeep::Sr25519Keepers;
}
