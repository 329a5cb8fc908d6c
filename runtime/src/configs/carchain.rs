//! CarChain (SPEC §8): the data token, its emission, and the deposits that pay for devices,
//! records, grants and usage requests.

use frame_support::{
	dispatch::DispatchResult,
	parameter_types,
	traits::{
		fungible::{InspectHold, Mutate, MutateHold},
		tokens::{Fortitude, Precision, Preservation, Restriction},
		ConstU128, ConstU32, StorageMapShim, VariantCountOf,
	},
	PalletId,
};
use pallet_market::Amount;
use sp_runtime::{traits::AccountIdConversion, ArithmeticError, FixedU128};

use crate::{
	deposit, AccountId, Balance, Balances, DataToken, Runtime, RuntimeEvent, RuntimeFreezeReason,
	RuntimeHoldReason, DAYS, UNITS,
};

/// The data token's instance of pallet-balances.
pub type DataTokenInstance = pallet_balances::Instance2;

/// The data token has 12 decimals like COD; its existential deposit is a millionth of a
/// token, so that an agent's small share of an epoch can still open an account.
pub const DATA_TOKEN_EXISTENTIAL_DEPOSIT: Balance = UNITS / 1_000_000;

impl pallet_balances::Config<DataTokenInstance> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	// The same pallet and storage layout as COD's balances: the weights measured for those.
	type WeightInfo = crate::weights::pallet_balances::WeightInfo<Runtime>;
	type Balance = Balance;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<DATA_TOKEN_EXISTENTIAL_DEPOSIT>;
	// Its own account map: COD's accounts live in `System::Account`.
	type AccountStore = StorageMapShim<
		pallet_balances::Account<Runtime, DataTokenInstance>,
		AccountId,
		pallet_balances::AccountData<Balance>,
	>;
	type ReserveIdentifier = [u8; 8];
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxLocks = ConstU32<0>;
	type MaxReserves = ConstU32<0>;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type DoneSlashHandler = ();
}

/// The data token on the market (`MarketAsset::DataToken`): escrow is a hold under the
/// market's escrow reason, as for COD.
pub mod market {
	use super::*;

	fn held(amount: Amount) -> Result<Balance, ArithmeticError> {
		Balance::try_from(amount).map_err(|_| ArithmeticError::Overflow)
	}

	fn reason() -> RuntimeHoldReason {
		pallet_market::HoldReason::Escrow.into()
	}

	pub fn lock(owner: &AccountId, amount: Amount) -> DispatchResult {
		DataToken::hold(&reason(), owner, held(amount)?)
			.map_err(|_| pallet_market::Error::<Runtime>::InsufficientBalance.into())
	}

	pub fn unlock(owner: &AccountId, to: &AccountId, amount: Amount) -> DispatchResult {
		let amount = held(amount)?;
		if owner == to {
			DataToken::release(&reason(), owner, amount, Precision::Exact)?;
		} else {
			DataToken::transfer_on_hold(
				&reason(),
				owner,
				to,
				amount,
				Precision::Exact,
				Restriction::Free,
				Fortitude::Polite,
			)?;
		}
		Ok(())
	}

	pub fn transfer(from: &AccountId, to: &AccountId, amount: Amount) -> DispatchResult {
		<DataToken as Mutate<_>>::transfer(from, to, held(amount)?, Preservation::Expendable)?;
		Ok(())
	}

	pub fn escrowed(owner: &AccountId) -> Amount {
		DataToken::balance_on_hold(&reason(), owner)
	}
}

/// Most devices in a usage request, and records one device puts in.
const MAX_COHORT: u32 = 64;
const MAX_APPROVAL_RECORDS: u32 = 16;
/// Longest encrypted result kept on chain.
const MAX_RESULT_LEN: u32 = 4096;

parameter_types! {
	/// Receives the sale phase's COD (the seed: "sale proceeds fund the developer community").
	pub CarChainCommunity: AccountId = PalletId(*b"cod/comm").into_account_truncating();
	/// A billion data tokens, ever.
	pub const CarChainTotalEmission: Balance = 1_000_000_000 * UNITS;
	/// One data token per record: phase 1 (500 million) lasts 500 million records.
	pub const CarChainRecordReward: Balance = UNITS;
	/// Agents share 100 000 tokens a day: phase 2 (300 million) lasts about eight years.
	pub const CarChainAgentEpochBudget: Balance = 100_000 * UNITS;
	/// A tenth of a COD per data token in the sale phase.
	pub const CarChainSalePrice: FixedU128 = FixedU128::from_rational(1, 10);
	/// A device (about 160 bytes) and its owner-index entry and count.
	pub const CarChainDeviceDeposit: Balance = deposit(3, 250);
	/// A record: its (address, key) up to 128 bytes, format up to 32, hashes and accounts.
	pub const CarChainRecordDeposit: Balance = deposit(1, 340);
	/// A grant (a wrapped key up to 128 bytes, flags, accounts), or a purchase offer.
	pub const CarChainGrantDeposit: Balance = deposit(1, 230);
	/// An agent's or provider's registration entry.
	pub const CarChainRegistrationDeposit: Balance = deposit(1, 64);
	/// A computation (code hash, executor and its key).
	pub const CarChainComputationDeposit: Balance = deposit(1, 150);
	/// A request, its cohort list of up to `MAX_COHORT` entries, and its result.
	pub const CarChainRequestDeposit: Balance =
		deposit(3, 200 + MAX_COHORT * 90 + MAX_RESULT_LEN);
	/// One approved record's wrapped key.
	pub const CarChainApprovalDeposit: Balance = deposit(1, 170);
}

impl pallet_carchain::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type DataToken = DataToken;
	type Signature = crate::Signature;
	type Signer = <crate::Signature as sp_runtime::traits::Verify>::Signer;
	type Community = CarChainCommunity;
	type TotalEmission = CarChainTotalEmission;
	type RecordReward = CarChainRecordReward;
	type AgentEpoch = ConstU32<DAYS>;
	type AgentEpochBudget = CarChainAgentEpochBudget;
	type SalePrice = CarChainSalePrice;
	type DeviceDeposit = CarChainDeviceDeposit;
	type RecordDeposit = CarChainRecordDeposit;
	type GrantDeposit = CarChainGrantDeposit;
	type RegistrationDeposit = CarChainRegistrationDeposit;
	type ComputationDeposit = CarChainComputationDeposit;
	type RequestDeposit = CarChainRequestDeposit;
	type ApprovalDeposit = CarChainApprovalDeposit;
	// A week: past the end of the record's agent epoch, so its contribution is final first.
	type MinRecordLife = ConstU32<{ 7 * DAYS }>;
	// A month: contributors' deposits never wait longer for a request to end.
	type MaxRequestLife = ConstU32<{ 30 * DAYS }>;
	type ResultRetention = ConstU32<{ 7 * DAYS }>;
	// k-anonymity: no result over fewer than five vehicles.
	type MinCohort = ConstU32<5>;
	type MaxCohort = ConstU32<MAX_COHORT>;
	type MaxApprovalRecords = ConstU32<MAX_APPROVAL_RECORDS>;
	// The chain accepts records up to 64 MiB; each node sets its own store limit below that.
	type MaxValueSize = ConstU32<{ 64 << 20 }>;
	// A VIN is 17 characters; 32 bytes leave room for other device codes.
	type MaxVidLen = ConstU32<32>;
	type MaxKeyLen = ConstU32<128>;
	type MaxFormatLen = ConstU32<32>;
	type MaxWrappedKeyLen = ConstU32<128>;
	type MaxResultLen = ConstU32<MAX_RESULT_LEN>;
	type MaxDevicesPerOwner = ConstU32<64>;
	type MaxComputations = ConstU32<16>;
	type ForceOrigin = frame_system::EnsureRoot<AccountId>;
	type WeightInfo = pallet_carchain::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = pallet_carchain::Sr25519Signers;
}
