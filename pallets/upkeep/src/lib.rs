//! # Upkeep (WhitePay)
//!
//! Upkeeping contracts and space-time payments (SPEC §6, seed 003 "WhitePay写支付方案"). A user
//! escrows COD in a contract that lists a **keeper group** (n keepers, tolerating
//! `f = (n - 1) / 3` faulty ones) and the **storage providers** that keep the user's data.
//! Keepers challenge providers off-chain and integrate proven space over blocks into a
//! **space-time** value `st`; every period `h` blocks a provider is paid `price × st` out of the
//! escrow, on the word of at least `2f + 1` keepers.
//!
//! ## Overview
//!
//! - **Leader rotation by block number.** For a provider's next payment, keepers are ordered by
//!   `blake2_256(SCALE(last_paid_at, keeper))`, `last_paid_at` being the block of the provider's
//!   last payment (the contract's start before the first). Keeper `i` (1-based) may submit the
//!   payment only in blocks `[last_paid_at + h + (i-1)t, last_paid_at + h + i·t)`. Keepers whose
//!   window passed unused are *failed* for that payment and get no share of it. When every
//!   keeper's window has passed, the order starts over and every keeper counts as failed: the
//!   keepers' part then stays in escrow, yet paying is still what unblocks the next period.
//! - **Payment.** [`pay`](Pallet::pay) covers `[ts, te)` with `ts` the end of the provider's
//!   last paid period (the contract's start before the first) and `te <= now`, so periods never
//!   overlap and never leave a gap. It carries keeper attestations: signatures (any scheme of the
//!   runtime's signature type) over `(ATTESTATION_TAG, genesis hash, contract, provider, ts, te,
//!   st_i)`; at least `2f + 1` distinct keepers, of which at least `f + 1` agree with `st`
//!   within tolerance (`st / tolerance == st_i / tolerance`).
//! - **Split.** `price × st`, capped by the escrow: the provider's part (default 90 %), an
//!   optional leader bonus to the submitting keeper, and the rest in equal parts to the keepers
//!   not failed in the round. Rounding dust and the part of failed keepers stay in escrow.
//! - **Members** change with effect from each provider's next period: a period that began before
//!   the change is still attested and paid by the members it began with.
//! - **Closing.** After [`close`](Pallet::close) no period may end after the closing block.
//!   [`finish`](Pallet::finish) returns the unspent escrow and the deposit once every provider
//!   is paid up to the close, or once its last period is *abandoned*: one period and a full
//!   rotation (`h + n·t` blocks) after the close.
//! - **Deposits.** The owner holds `ContractDeposit` plus `KeeperDeposit` per keeper and
//!   `ProviderDeposit` per provider (both member lists while a change is pending), returned by
//!   `finish`. The escrow is held from the owner too, so it stays the owner's until paid out.
//!
//! ## Calls
//!
//! | call | origin | does | errors | events |
//! |---|---|---|---|---|
//! | [`create`](Pallet::create) | user | new contract, escrow and deposit held | `NoKeepers`, `NoProviders`, `DuplicateMember`, `ProviderIsKeeper`, `ZeroPeriod`, `ZeroWindow`, `ZeroTolerance`, `BadSplit`, `InsufficientFunds`, `IdsExhausted` | `Created` |
//! | [`top_up`](Pallet::top_up) | owner | more escrow | `UnknownContract`, `NotOwner`, `ContractClosed`, `InsufficientFunds` | `ToppedUp` |
//! | [`change_members`](Pallet::change_members) | owner | members for the next periods | as `create`, and `ChangePending`, `ContractClosed` | `MembersChanged` |
//! | [`close`](Pallet::close) | owner | no period after now | `UnknownContract`, `NotOwner`, `ContractClosed` | `Closed` |
//! | [`finish`](Pallet::finish) | owner | refund, storage removed | `NotClosed`, `PaymentsOutstanding` | `Finished` |
//! | [`pay`](Pallet::pay) | leader keeper | pays a provider's period | see [`pay`](Pallet::pay) | `Paid` |
//! | [`declare_maintenance`](Pallet::declare_maintenance) | provider | a window keepers skip | `NotAProvider`, `BadMaintenanceWindow`, `MaintenanceTooLong`, `MaintenanceTooSoon`, `TooManyMaintenanceWindows` | `MaintenanceDeclared` |
//!
//! Every failing call returns its own error and changes nothing.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod contract;
mod invariants;
#[cfg(test)]
mod mock;
mod payment;
mod queries;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use payment::PayCost;
pub use types::*;
pub use weights::WeightInfo;

/// Keys and signatures for benchmarks: the runtime says how a keeper's key signs.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId, Signature> {
	/// A keeper account with a key the benchmark can sign with; `index` picks a distinct one.
	fn keeper(index: u32) -> AccountId;
	/// `keeper`'s signature over `message`.
	fn sign(keeper: &AccountId, message: &[u8]) -> Signature;
}

/// Keepers with sr25519 keys in the runtime's keystore, for runtimes whose accounts are
/// `AccountId32` and signatures `MultiSignature`.
#[cfg(feature = "runtime-benchmarks")]
pub struct Sr25519Keepers;

#[cfg(feature = "runtime-benchmarks")]
impl<A, S> BenchmarkHelper<A, S> for Sr25519Keepers
where
	A: From<sp_runtime::AccountId32> + Into<sp_runtime::AccountId32> + Clone,
	S: From<sp_runtime::MultiSignature>,
{
	fn keeper(index: u32) -> A {
		let seed = alloc::format!("//keeper{index}");
		let public = sp_io::crypto::sr25519_generate(KEY_TYPE, Some(seed.into_bytes()));
		sp_runtime::AccountId32::from(public).into()
	}

	fn sign(keeper: &A, message: &[u8]) -> S {
		let raw: [u8; 32] = keeper.clone().into().into();
		let public = sp_core::sr25519::Public::from_raw(raw);
		let signature =
			sp_io::crypto::sr25519_sign(KEY_TYPE, &public, message).expect("key was generated");
		sp_runtime::MultiSignature::from(signature).into()
	}
}

/// Key type of the benchmark keepers' keys.
#[cfg(feature = "runtime-benchmarks")]
const KEY_TYPE: sp_core::crypto::KeyTypeId = sp_core::crypto::KeyTypeId(*b"upkp");

// `create` takes the contract's terms one by one so that wallets show each by name; the call
// enum's constructor the pallet macro generates for it has as many arguments.
#[allow(clippy::too_many_arguments)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{pallet_prelude::*, traits::fungible};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::{IdentifyAccount, StaticLookup, Verify};

	/// An account argument: an address wallets may give in any supported form.
	pub type AccountIdLookupOf<T> = <<T as frame_system::Config>::Lookup as StaticLookup>::Source;
	/// The balance type of the escrow and deposit currency.
	pub type BalanceOf<T> = <<T as Config>::Currency as fungible::Inspect<
		<T as frame_system::Config>::AccountId,
	>>::Balance;
	pub type MembersOf<T> = Members<
		<T as frame_system::Config>::AccountId,
		<T as Config>::MaxKeepers,
		<T as Config>::MaxProviders,
	>;
	pub type ContractOf<T> = ContractDetails<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		BlockNumberFor<T>,
		<T as Config>::MaxKeepers,
		<T as Config>::MaxProviders,
	>;
	pub type ProviderStateOf<T> = ProviderState<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as Config>::MaxKeepers,
		<T as Config>::MaxMaintenance,
	>;
	pub type PaymentOf<T> =
		PaymentRecord<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
	pub type AttestationOf<T> = Attestation<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as Config>::Signature,
	>;
	pub type AttestationsOf<T> = BoundedVec<AttestationOf<T>, <T as Config>::MaxKeepers>;
	pub type KeepersOf<T> =
		BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxKeepers>;
	pub type ProvidersOf<T> =
		BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxProviders>;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency escrow and deposits are held in (COD).
		type Currency: fungible::Mutate<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;
		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;
		/// What keepers sign attestations with; a keeper's account is the signer's account.
		type Signature: Verify<Signer = Self::Signer> + Parameter + MaxEncodedLen;
		/// The public key behind a signature.
		type Signer: IdentifyAccount<AccountId = Self::AccountId>;
		/// COD held per contract (its record and its payment history).
		#[pallet::constant]
		type ContractDeposit: Get<BalanceOf<Self>>;
		/// COD held per keeper slot.
		#[pallet::constant]
		type KeeperDeposit: Get<BalanceOf<Self>>;
		/// COD held per provider slot (a provider's payment state).
		#[pallet::constant]
		type ProviderDeposit: Get<BalanceOf<Self>>;
		/// Most keepers in a group.
		#[pallet::constant]
		type MaxKeepers: Get<u32>;
		/// Most providers of a contract.
		#[pallet::constant]
		type MaxProviders: Get<u32>;
		/// Payments a contract keeps in its history; older ones are dropped.
		#[pallet::constant]
		type MaxHistory: Get<u32>;
		/// Maintenance windows a provider may have declared at once.
		#[pallet::constant]
		type MaxMaintenance: Get<u32>;
		/// Longest maintenance window, in blocks.
		#[pallet::constant]
		type MaxMaintenanceLength: Get<BlockNumberFor<Self>>;
		/// Weights of the calls, from benchmarks.
		type WeightInfo: WeightInfo;
		/// Keeper keys for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId, Self::Signature>;
	}

	/// Why COD is held.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// Funds of an upkeeping contract, paid out to its providers and keepers.
		Escrow,
		/// Storage deposit of an upkeeping contract.
		ContractDeposit,
	}

	/// The id the next contract gets.
	#[pallet::storage]
	pub type NextContractId<T> = StorageValue<_, ContractId, ValueQuery>;

	/// Contracts by id.
	// Twox64Concat: ids are a chain-assigned counter, nobody chooses them.
	#[pallet::storage]
	pub type Contracts<T: Config> = StorageMap<_, Twox64Concat, ContractId, ContractOf<T>>;

	/// Owner index: (owner, contract) for every contract, to page through a user's contracts.
	#[pallet::storage]
	pub type ContractsOf<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, ContractId, ()>;

	/// Each provider's payment state in a contract.
	#[pallet::storage]
	pub type Providers<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ContractId,
		Blake2_128Concat,
		T::AccountId,
		ProviderStateOf<T>,
	>;

	/// Payment history of a contract by number; the last `MaxHistory` payments are kept.
	#[pallet::storage]
	pub type Payments<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ContractId, Twox64Concat, PaymentSeq, PaymentOf<T>>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A user created an upkeeping contract.
		Created {
			contract: ContractId,
			owner: T::AccountId,
			keepers: u32,
			providers: u32,
			escrow: BalanceOf<T>,
			deposit: BalanceOf<T>,
		},
		/// The owner added `amount` to the escrow.
		ToppedUp { contract: ContractId, amount: BalanceOf<T>, escrow: BalanceOf<T> },
		/// New members serve every period starting at or after `from`.
		MembersChanged {
			contract: ContractId,
			from: BlockNumberFor<T>,
			keepers: u32,
			providers: u32,
		},
		/// The owner closed the contract: no period ends after `at`.
		Closed { contract: ContractId, at: BlockNumberFor<T> },
		/// The contract is gone; `refunded` escrow and `deposit` went back to the owner.
		Finished {
			contract: ContractId,
			owner: T::AccountId,
			refunded: BalanceOf<T>,
			deposit: BalanceOf<T>,
		},
		/// A provider declared a maintenance window `[start, end)`.
		MaintenanceDeclared {
			contract: ContractId,
			provider: T::AccountId,
			start: BlockNumberFor<T>,
			end: BlockNumberFor<T>,
		},
		/// A provider's period `[ts, te)` was paid.
		Paid {
			contract: ContractId,
			seq: PaymentSeq,
			provider: T::AccountId,
			ts: BlockNumberFor<T>,
			te: BlockNumberFor<T>,
			st: SpaceTime,
			paid: BalanceOf<T>,
			to_provider: BalanceOf<T>,
			to_each_keeper: BalanceOf<T>,
			bonus: BalanceOf<T>,
			payer: T::AccountId,
			failed: KeepersOf<T>,
			digest: sp_core::H256,
			capped: bool,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No contract has this id.
		UnknownContract,
		/// Only the contract's owner may do this.
		NotOwner,
		/// A keeper group must have at least one keeper.
		NoKeepers,
		/// A contract must have at least one provider.
		NoProviders,
		/// An account is listed twice among keepers or among providers.
		DuplicateMember,
		/// An account is both a keeper and a provider: it would attest its own space-time.
		ProviderIsKeeper,
		/// The payment period is zero blocks.
		ZeroPeriod,
		/// The leader window is zero blocks.
		ZeroWindow,
		/// The tolerance divisor is zero.
		ZeroTolerance,
		/// Provider part and leader bonus add up to more than the whole.
		BadSplit,
		/// Not enough free COD for the escrow or the deposit.
		InsufficientFunds,
		/// The contract id counter reached its maximum.
		IdsExhausted,
		/// The contract is closed.
		ContractClosed,
		/// A member change is still pending: periods begun under the current members are unpaid
		/// and not yet abandoned.
		ChangePending,
		/// The contract is still open; close it first.
		NotClosed,
		/// A provider's last period is neither paid up to the close nor abandoned yet.
		PaymentsOutstanding,
		/// The account is not a provider of the contract for this period.
		NotAProvider,
		/// `ts` is not the end of the provider's last paid period: the payment would leave a gap
		/// or pay a period twice.
		WrongPeriodStart,
		/// `te` is not after `ts`.
		EmptyPeriod,
		/// `te` is after the current block.
		PeriodInFuture,
		/// `te` is after the block the contract was closed at.
		PeriodAfterClose,
		/// The period (`h` blocks after the last payment) has not elapsed: one payment per
		/// provider per period.
		TooEarly,
		/// The caller is not the keeper whose leader window is open now.
		NotLeader,
		/// An attestation's signer is not a keeper of the group that serves this period.
		NotAKeeper,
		/// Two attestations of the same keeper.
		DuplicateAttestation,
		/// An attestation names another contract or another provider.
		ForeignAttestation,
		/// An attestation is for a period already paid: it is being replayed.
		ReplayedAttestation,
		/// An attestation is for another period than `[ts, te)`.
		AttestationPeriodMismatch,
		/// An attestation's signature does not verify (forged, or signed on another chain).
		BadSignature,
		/// Fewer than `2f + 1` keepers attested.
		TooFewAttestations,
		/// Fewer than `f + 1` attesting keepers agree with `st` within tolerance.
		NoAgreement,
		/// The escrow is empty: top it up before a period can be paid.
		EscrowExhausted,
		/// A maintenance window must start now or later and end after it starts.
		BadMaintenanceWindow,
		/// A maintenance window is longer than `MaxMaintenanceLength`.
		MaintenanceTooLong,
		/// A maintenance window starts less than `MaxMaintenanceLength` blocks after the end of the
		/// provider's previous one: at most half of the time may be maintenance.
		MaintenanceTooSoon,
		/// The provider has `MaxMaintenance` windows declared that have not ended.
		TooManyMaintenanceWindows,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxKeepers::get() > 0 && T::MaxProviders::get() > 0);
			assert!(T::MaxHistory::get() > 0 && T::MaxMaintenance::get() > 0);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Create an upkeeping contract served by `keepers` and `providers`, paying `price`
		/// per space-time unit every `period` blocks with leader windows of `window` blocks.
		/// `escrow` COD and the deposit are held from the signer. `tolerance` defaults to
		/// 10 000, `split` to 90 % for the provider and no leader bonus.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create(keepers.len() as u32, providers.len() as u32))]
		pub fn create(
			origin: OriginFor<T>,
			keepers: KeepersOf<T>,
			providers: ProvidersOf<T>,
			#[pallet::compact] price: BalanceOf<T>,
			period: BlockNumberFor<T>,
			window: BlockNumberFor<T>,
			#[pallet::compact] escrow: BalanceOf<T>,
			tolerance: Option<u128>,
			split: Option<Split>,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			let terms = Terms {
				price,
				period,
				window,
				tolerance: tolerance.unwrap_or(DEFAULT_TOLERANCE),
				split: split.unwrap_or_default(),
			};
			Self::do_create(&owner, Members { keepers, providers }, terms, escrow).map(|_| ())
		}

		/// Add `amount` COD to a contract's escrow.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::top_up())]
		pub fn top_up(
			origin: OriginFor<T>,
			contract: ContractId,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_top_up(&owner, contract, amount)
		}

		/// Replace the members for every provider's next period. Periods begun before now stay
		/// with the members they began with.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::change_members(keepers.len() as u32, providers.len() as u32))]
		pub fn change_members(
			origin: OriginFor<T>,
			contract: ContractId,
			keepers: KeepersOf<T>,
			providers: ProvidersOf<T>,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_change_members(&owner, contract, Members { keepers, providers })
		}

		/// Close a contract: no period may end after this block.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::close())]
		pub fn close(origin: OriginFor<T>, contract: ContractId) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_close(&owner, contract)
		}

		/// Remove a closed contract whose providers are paid up (or whose last periods are
		/// abandoned); the unspent escrow and the deposit go back to the owner.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::finish())]
		pub fn finish(origin: OriginFor<T>, contract: ContractId) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_finish(&owner, contract)
		}

		/// Pay `provider` for `[ts, te)` on `st`, attested by the keepers. The signer must be
		/// the keeper whose leader window is open. Charged for `MaxKeepers` keepers up front;
		/// the rest is refunded for a smaller group, for a history not yet full (no record
		/// dropped) and for parts paid to the owner itself ([`PayCost::weight`]).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::pay(T::MaxKeepers::get()))]
		pub fn pay(
			origin: OriginFor<T>,
			contract: ContractId,
			provider: AccountIdLookupOf<T>,
			ts: BlockNumberFor<T>,
			te: BlockNumberFor<T>,
			#[pallet::compact] st: SpaceTime,
			attestations: AttestationsOf<T>,
		) -> DispatchResultWithPostInfo {
			let payer = ensure_signed(origin)?;
			let provider = T::Lookup::lookup(provider)?;
			let cost = Self::do_pay(&payer, contract, &provider, ts, te, st, &attestations)?;
			Ok(Some(cost.weight::<T>()).into())
		}

		/// A provider declares it will be down for maintenance in `[start, end)`: keepers skip
		/// their challenges inside instead of counting them failed.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::declare_maintenance())]
		pub fn declare_maintenance(
			origin: OriginFor<T>,
			contract: ContractId,
			start: BlockNumberFor<T>,
			end: BlockNumberFor<T>,
		) -> DispatchResult {
			let provider = ensure_signed(origin)?;
			Self::do_declare_maintenance(&provider, contract, start, end)
		}
	}
}
