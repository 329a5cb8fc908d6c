//! # CarChain
//!
//! Vehicle data rights (SPEC §8, seed 004 "CarChain"). Devices register to their owners'
//! wallets; the data they produce is registered on chain as **records** `(address, key)` with the
//! hash and size of the encrypted value, while the value itself goes to the nodes' value store
//! (`carchain_putValue`), which accepts it only when it matches a record here. Owners sell
//! **grants** of records (the value key wrapped for the buyer) and approve **usage** of records
//! by service providers' computations, paid pro rata once enough distinct devices took part.
//! Records, agents and providers mint the **data token** in three capped phases.
//!
//! ## Overview
//!
//! - **Devices.** [`setup_device`](Pallet::setup_device) registers a `vid` to the signing owner
//!   with the owner's encryption key and an optional agent; the device key proves it is present
//!   by signing `(SETUP_TAG, genesis, vid, owner, encryption key, agent)`.
//!   [`reset_device`](Pallet::reset_device) needs the signature of the *previous* device key
//!   over the new settings and the device's reset count, so it never replays. Address pools
//!   are the wallet's business: nothing here links a record's address to a device.
//! - **Records.** [`put_record`](Pallet::put_record) registers `(address, key)` once, signed by
//!   the address itself or submitted by anyone (an agent) with the address's signature. The
//!   submitter holds the deposit; a registered agent that submits counts the record as its
//!   contribution. While phase 1 lasts, each record mints `RecordReward` data tokens to its
//!   address; [`remove_record`](Pallet::remove_record) (after `MinRecordLife`) burns them again,
//!   so a record put and removed gains nothing.
//! - **Ownership sale.** A buyer escrows a price with [`offer_purchase`](Pallet::offer_purchase)
//!   naming the seller; the seller's [`grant`](Pallet::grant) wraps the value key for the buyer
//!   and receives the price. A grantee may grant onward only with `resell`; without `dup` an
//!   onward grant moves the grantee's own right, and onward flags never exceed the granter's.
//! - **Usage rights.** A registered provider registers computations (code hash, executor) and
//!   escrows a payment in a [`request_usage`](Pallet::request_usage). Device owners
//!   [`approve_usage`](Pallet::approve_usage) with chosen records, their value keys wrapped for
//!   the executor. The executor's [`submit_result`](Pallet::submit_result) (the result encrypted
//!   to the requester, and its hash) is accepted only once `min_cohort >= MinCohort` distinct
//!   devices approved, and pays each contributor `payment × records / all records`. After the
//!   deadline, [`cancel_request`](Pallet::cancel_request) refunds a request whose cohort never
//!   filled, and pays the contributors of one that filled (a withheld result gains nothing).
//! - **Emission** of a fixed total, no ICO: 50 % to producers per record, 30 % to agents (each
//!   epoch's budget shared by the records they submitted, claimed after the epoch), 20 % sold to
//!   registered providers for COD, proceeds to the community account.
//!
//! ## Calls
//!
//! | call | origin | does | errors | events |
//! |---|---|---|---|---|
//! | [`setup_device`](Pallet::setup_device) | owner | registers a device | `DeviceExists`, `BadDeviceSignature`, `UnknownAgent`, `TooManyDevices`, `InsufficientFunds` | `DeviceSetUp` |
//! | [`reset_device`](Pallet::reset_device) | new owner | new key, owner, agent | `UnknownDevice`, `BadDeviceSignature`, `BadResetSignature`, `UnknownAgent`, `TooManyDevices` | `DeviceReset` |
//! | [`remove_device`](Pallet::remove_device) | owner | removes it | `UnknownDevice`, `NotDeviceOwner` | `DeviceRemoved` |
//! | [`register_agent`](Pallet::register_agent) / [`unregister_agent`](Pallet::unregister_agent) | agent | agent registry | `AlreadyAgent`, `NotAgent` | `AgentRegistered`, `AgentUnregistered` |
//! | [`put_record`](Pallet::put_record) | address or submitter | registers a record | `DuplicateRecord`, `EmptyKey`, `BadSize`, `BadAddressSignature`, `MissingConsent` | `RecordPut` |
//! | [`remove_record`](Pallet::remove_record) | address | removes it, burns its reward | `UnknownRecord`, `NotRecordOwner`, `RecordTooYoung`, `RecordHasGrants`, `RewardNotReturnable` | `RecordRemoved` |
//! | [`offer_purchase`](Pallet::offer_purchase) / [`cancel_purchase`](Pallet::cancel_purchase) | buyer | escrows / refunds a price | `UnknownRecord`, `NotASeller`, `PurchaseExists`, `AlreadyHolder`, `NoPurchase` | `PurchaseOffered`, `PurchaseCancelled` |
//! | [`grant`](Pallet::grant) | address or reselling grantee | grants, takes the price if offered | `NotASeller`, `NotResellable`, `FlagsBeyondOwn`, `AlreadyHolder`, `SelfGrant` | `Granted` |
//! | [`renounce_grant`](Pallet::renounce_grant) | grantee | drops the grant | `NoGrant` | `GrantRenounced` |
//! | [`register_provider`](Pallet::register_provider) / [`unregister_provider`](Pallet::unregister_provider) | provider | provider registry | `AlreadyProvider`, `NotProvider`, `ProviderHasComputations` | `ProviderRegistered`, `ProviderUnregistered` |
//! | [`register_computation`](Pallet::register_computation) / [`remove_computation`](Pallet::remove_computation) | provider | computations | `NotProvider`, `TooManyComputations`, `UnknownComputation`, `ComputationInUse` | `ComputationRegistered`, `ComputationRemoved` |
//! | [`request_usage`](Pallet::request_usage) | provider | escrows a payment | `CohortBelowMinimum`, `CohortAboveMaximum`, `DeadlineInPast`, `DeadlineTooFar`, `ZeroPayment` | `UsageRequested` |
//! | [`approve_usage`](Pallet::approve_usage) | device owner | adds records to the cohort | `RequestClosed`, `AlreadyApproved`, `RecordApprovedTwice`, `MissingConsent`, `CohortFull` | `UsageApproved` |
//! | [`submit_result`](Pallet::submit_result) | executor | result, pays contributors | `NotExecutor`, `CohortIncomplete`, `ResultHashMismatch` | `ResultSubmitted` |
//! | [`cancel_request`](Pallet::cancel_request) | anyone | after the deadline: refund or pay | `DeadlineNotReached`, `RequestClosed` | `RequestCancelled` |
//! | [`close_request`](Pallet::close_request) | requester, anyone after retention | removes a done request | `RequestNotDone`, `RetentionNotOver` | `RequestClosed` |
//! | [`claim_agent_reward`](Pallet::claim_agent_reward) | agent | its share of an ended epoch | `EpochNotOver`, `NothingToClaim` | `AgentRewarded` |
//! | [`buy_data_tokens`](Pallet::buy_data_tokens) | provider | buys from the sale phase | `NotProvider`, `SaleCapReached` | `DataTokensSold` |
//!
//! Every failing call returns its own error and changes nothing.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod devices;
mod emission;
mod grants;
mod invariants;
#[cfg(test)]
mod mock;
pub mod queries;
mod records;
#[cfg(test)]
mod tests;
pub mod types;
mod usage;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

/// Keys and signatures for benchmarks: the runtime says how a device or an address signs.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId, Signature> {
	/// An account with a key the benchmark can sign with; `index` picks a distinct one.
	fn signer(index: u32) -> AccountId;
	/// `signer`'s signature over `message`.
	fn sign(signer: &AccountId, message: &[u8]) -> Signature;
}

/// Signers with sr25519 keys in the runtime's keystore, for runtimes whose accounts are
/// `AccountId32` and signatures `MultiSignature`.
#[cfg(feature = "runtime-benchmarks")]
pub struct Sr25519Signers;

#[cfg(feature = "runtime-benchmarks")]
impl<A, S> BenchmarkHelper<A, S> for Sr25519Signers
where
	A: From<sp_runtime::AccountId32> + Into<sp_runtime::AccountId32> + Clone,
	S: From<sp_runtime::MultiSignature>,
{
	fn signer(index: u32) -> A {
		let seed = alloc::format!("//car{index}");
		let public = sp_io::crypto::sr25519_generate(KEY_TYPE, Some(seed.into_bytes()));
		sp_runtime::AccountId32::from(public).into()
	}

	fn sign(signer: &A, message: &[u8]) -> S {
		let raw: [u8; 32] = signer.clone().into().into();
		let public = sp_core::sr25519::Public::from_raw(raw);
		let signature =
			sp_io::crypto::sr25519_sign(KEY_TYPE, &public, message).expect("key was generated");
		sp_runtime::MultiSignature::from(signature).into()
	}
}

/// Key type of the benchmark signers' keys.
#[cfg(feature = "runtime-benchmarks")]
const KEY_TYPE: sp_core::crypto::KeyTypeId = sp_core::crypto::KeyTypeId(*b"carc");

// Calls take their terms one by one so that wallets show each by name; the call enum's
// constructors the pallet macro generates have as many arguments.
#[allow(clippy::too_many_arguments)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::{fungible, EnsureOrigin},
	};
	use frame_system::pallet_prelude::*;
	use sp_arithmetic::FixedU128;
	use sp_core::H256;
	use sp_runtime::traits::{IdentifyAccount, StaticLookup, Verify};

	/// An account argument: an address wallets may give in any supported form.
	pub type AccountIdLookupOf<T> = <<T as frame_system::Config>::Lookup as StaticLookup>::Source;
	/// Balances of COD; the data token uses the same type.
	pub type BalanceOf<T> = <<T as Config>::Currency as fungible::Inspect<
		<T as frame_system::Config>::AccountId,
	>>::Balance;
	pub type VidOf<T> = BoundedVec<u8, <T as Config>::MaxVidLen>;
	pub type KeyOf<T> = BoundedVec<u8, <T as Config>::MaxKeyLen>;
	pub type FormatOf<T> = BoundedVec<u8, <T as Config>::MaxFormatLen>;
	pub type WrappedKeyOf<T> = BoundedVec<u8, <T as Config>::MaxWrappedKeyLen>;
	pub type ResultOf<T> = BoundedVec<u8, <T as Config>::MaxResultLen>;
	pub type DeviceOf<T> =
		Device<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
	pub type RecordOf<T> = Record<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		BlockNumberFor<T>,
		<T as Config>::MaxKeyLen,
		<T as Config>::MaxFormatLen,
	>;
	pub type GrantOf<T> = Grant<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		BlockNumberFor<T>,
		<T as Config>::MaxWrappedKeyLen,
	>;
	pub type PurchaseOf<T> = Purchase<<T as frame_system::Config>::AccountId, BalanceOf<T>>;
	pub type ComputationOf<T> = Computation<<T as frame_system::Config>::AccountId, BalanceOf<T>>;
	pub type RequestOf<T> =
		UsageRequest<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
	pub type ContributionOf<T> = Contribution<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		<T as Config>::MaxVidLen,
	>;
	pub type ApprovedRecordOf<T> =
		ApprovedRecord<<T as Config>::Signature, <T as Config>::MaxWrappedKeyLen>;
	pub type ApprovalsOf<T> = BoundedVec<ApprovedRecordOf<T>, <T as Config>::MaxApprovalRecords>;
	pub type CohortOf<T> = BoundedVec<ContributionOf<T>, <T as Config>::MaxCohort>;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// COD: deposits, purchase prices and usage payments are held in it.
		type Currency: fungible::Mutate<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;
		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;
		/// The data token: a fungible asset of its own that only this pallet mints.
		type DataToken: fungible::Mutate<Self::AccountId, Balance = BalanceOf<Self>>;
		/// What devices and addresses sign with; a signer's account is its public key's.
		type Signature: Verify<Signer = Self::Signer> + Parameter + MaxEncodedLen;
		/// The public key behind a signature.
		type Signer: IdentifyAccount<AccountId = Self::AccountId>;
		/// Receives what the sale phase takes in (the seed's developer community).
		type Community: Get<Self::AccountId>;
		/// Data tokens the three phases mint in all, ever.
		#[pallet::constant]
		type TotalEmission: Get<BalanceOf<Self>>;
		/// Data tokens one record mints to its address while phase 1 lasts.
		#[pallet::constant]
		type RecordReward: Get<BalanceOf<Self>>;
		/// Blocks per agent epoch.
		#[pallet::constant]
		type AgentEpoch: Get<BlockNumberFor<Self>>;
		/// Data tokens the agents of one epoch share by the records they submitted.
		#[pallet::constant]
		type AgentEpochBudget: Get<BalanceOf<Self>>;
		/// COD per data-token unit in the sale phase.
		#[pallet::constant]
		type SalePrice: Get<FixedU128>;
		/// COD held per device.
		#[pallet::constant]
		type DeviceDeposit: Get<BalanceOf<Self>>;
		/// COD held per record.
		#[pallet::constant]
		type RecordDeposit: Get<BalanceOf<Self>>;
		/// COD held per grant, and per standing purchase offer.
		#[pallet::constant]
		type GrantDeposit: Get<BalanceOf<Self>>;
		/// COD held per registered agent and per registered provider.
		#[pallet::constant]
		type RegistrationDeposit: Get<BalanceOf<Self>>;
		/// COD held per computation.
		#[pallet::constant]
		type ComputationDeposit: Get<BalanceOf<Self>>;
		/// COD held per usage request, covering its result.
		#[pallet::constant]
		type RequestDeposit: Get<BalanceOf<Self>>;
		/// COD held per record approved into a usage request (its wrapped key).
		#[pallet::constant]
		type ApprovalDeposit: Get<BalanceOf<Self>>;
		/// Blocks a record lives at least before it may be removed.
		#[pallet::constant]
		type MinRecordLife: Get<BlockNumberFor<Self>>;
		/// Furthest a request's deadline may be, in blocks from its creation.
		#[pallet::constant]
		type MaxRequestLife: Get<BlockNumberFor<Self>>;
		/// Blocks a result stays for the requester before anyone may close the request.
		#[pallet::constant]
		type ResultRetention: Get<BlockNumberFor<Self>>;
		/// Fewest distinct devices any result needs (the k of k-anonymity).
		#[pallet::constant]
		type MinCohort: Get<u32>;
		/// Most devices in one usage request.
		#[pallet::constant]
		type MaxCohort: Get<u32>;
		/// Most records one device puts into one usage request.
		#[pallet::constant]
		type MaxApprovalRecords: Get<u32>;
		/// Largest value a record may announce, in bytes.
		#[pallet::constant]
		type MaxValueSize: Get<u32>;
		#[pallet::constant]
		type MaxVidLen: Get<u32>;
		#[pallet::constant]
		type MaxKeyLen: Get<u32>;
		#[pallet::constant]
		type MaxFormatLen: Get<u32>;
		/// Longest wrapped value key (an ephemeral key, a nonce, the key and a tag).
		#[pallet::constant]
		type MaxWrappedKeyLen: Get<u32>;
		/// Longest encrypted result kept on chain.
		#[pallet::constant]
		type MaxResultLen: Get<u32>;
		/// Most devices one owner registers.
		#[pallet::constant]
		type MaxDevicesPerOwner: Get<u32>;
		/// Most computations one provider registers.
		#[pallet::constant]
		type MaxComputations: Get<u32>;
		/// Who may remove a misbehaving agent or provider registration (governance).
		type ForceOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Weights of the calls, from benchmarks.
		type WeightInfo: WeightInfo;
		/// Keys for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId, Self::Signature>;
	}

	/// Why COD is held.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// Storage deposit of a device, record, grant, offer, registration, request or approval.
		Deposit,
		/// A purchase price or a usage payment, paid out on the grant or the result.
		Escrow,
	}

	/// Devices by vid.
	// Blake2_128Concat: vids are chosen by users.
	#[pallet::storage]
	pub type Devices<T: Config> = StorageMap<_, Blake2_128Concat, VidOf<T>, DeviceOf<T>>;

	/// Owner index of devices, to list an owner's devices.
	#[pallet::storage]
	pub type DevicesOf<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Blake2_128Concat, VidOf<T>, ()>;

	/// How many devices each owner has (bounded by `MaxDevicesPerOwner`).
	#[pallet::storage]
	pub type DeviceCount<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Registered agents and the deposit each holds.
	#[pallet::storage]
	pub type Agents<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, BalanceOf<T>>;

	/// Records by id.
	// Identity: a record id is already a blake2 hash of user-chosen data.
	#[pallet::storage]
	pub type Records<T: Config> = StorageMap<_, Identity, RecordId, RecordOf<T>>;

	/// Grants by record and grantee.
	#[pallet::storage]
	pub type Grants<T: Config> =
		StorageDoubleMap<_, Identity, RecordId, Blake2_128Concat, T::AccountId, GrantOf<T>>;

	/// Standing purchase offers by record and buyer.
	#[pallet::storage]
	pub type Purchases<T: Config> =
		StorageDoubleMap<_, Identity, RecordId, Blake2_128Concat, T::AccountId, PurchaseOf<T>>;

	/// Registered service providers, their deposit and how many computations each has.
	#[pallet::storage]
	pub type Providers<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, (BalanceOf<T>, u32)>;

	/// The id the next computation gets.
	#[pallet::storage]
	pub type NextComputationId<T> = StorageValue<_, ComputationId, ValueQuery>;

	/// Computations by id.
	// Twox64Concat: ids are a chain-assigned counter.
	#[pallet::storage]
	pub type Computations<T: Config> = StorageMap<_, Twox64Concat, ComputationId, ComputationOf<T>>;

	/// The id the next usage request gets.
	#[pallet::storage]
	pub type NextRequestId<T> = StorageValue<_, RequestId, ValueQuery>;

	/// Usage requests by id.
	#[pallet::storage]
	pub type Requests<T: Config> = StorageMap<_, Twox64Concat, RequestId, RequestOf<T>>;

	/// The devices that approved each request, in order.
	#[pallet::storage]
	pub type Cohorts<T: Config> = StorageMap<_, Twox64Concat, RequestId, CohortOf<T>, ValueQuery>;

	/// Approved records of a request: the value key wrapped for the executor, for the executor
	/// to read; and that no record is counted twice.
	#[pallet::storage]
	pub type ApprovedKeys<T: Config> =
		StorageDoubleMap<_, Twox64Concat, RequestId, Identity, RecordId, WrappedKeyOf<T>>;

	/// A done request's result, encrypted to the requester.
	#[pallet::storage]
	pub type Results<T: Config> = StorageMap<_, Twox64Concat, RequestId, ResultOf<T>>;

	/// What each emission phase has minted.
	#[pallet::storage]
	pub type Emitted<T: Config> = StorageValue<_, Emission<BalanceOf<T>>, ValueQuery>;

	/// Records each agent submitted in an epoch, until claimed.
	#[pallet::storage]
	pub type AgentWork<T: Config> =
		StorageDoubleMap<_, Twox64Concat, EpochIndex, Blake2_128Concat, T::AccountId, u32>;

	/// Per epoch: records all agents submitted, and how many of those were claimed. Removed
	/// when every contribution of the epoch is claimed.
	#[pallet::storage]
	pub type EpochWork<T: Config> = StorageMap<_, Twox64Concat, EpochIndex, (u32, u32)>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A device was registered to `owner`.
		DeviceSetUp {
			vid: VidOf<T>,
			owner: T::AccountId,
			device_key: T::AccountId,
			agent: Option<T::AccountId>,
		},
		/// A device got a new key, owner or agent, authorised by its previous key.
		DeviceReset {
			vid: VidOf<T>,
			previous_owner: T::AccountId,
			owner: T::AccountId,
			device_key: T::AccountId,
			agent: Option<T::AccountId>,
			generation: u32,
		},
		/// The owner removed a device.
		DeviceRemoved {
			vid: VidOf<T>,
			owner: T::AccountId,
		},
		AgentRegistered {
			agent: T::AccountId,
		},
		AgentUnregistered {
			agent: T::AccountId,
		},
		/// A record was registered; the value with `value_hash` may now enter the value store.
		RecordPut {
			record: RecordId,
			address: T::AccountId,
			key: KeyOf<T>,
			value_hash: H256,
			size: u32,
			format: FormatOf<T>,
			agent: Option<T::AccountId>,
			reward: BalanceOf<T>,
		},
		/// A record was removed and its reward burnt.
		RecordRemoved {
			record: RecordId,
			address: T::AccountId,
			burnt: BalanceOf<T>,
		},
		PurchaseOffered {
			record: RecordId,
			buyer: T::AccountId,
			seller: T::AccountId,
			price: BalanceOf<T>,
		},
		PurchaseCancelled {
			record: RecordId,
			buyer: T::AccountId,
			refunded: BalanceOf<T>,
		},
		/// `grantee` holds the record's value key; `paid` COD went to the granter.
		Granted {
			record: RecordId,
			granter: T::AccountId,
			grantee: T::AccountId,
			resell: bool,
			dup: bool,
			paid: BalanceOf<T>,
		},
		GrantRenounced {
			record: RecordId,
			grantee: T::AccountId,
		},
		ProviderRegistered {
			provider: T::AccountId,
		},
		ProviderUnregistered {
			provider: T::AccountId,
		},
		ComputationRegistered {
			computation: ComputationId,
			provider: T::AccountId,
			code_hash: H256,
			executor: T::AccountId,
		},
		ComputationRemoved {
			computation: ComputationId,
		},
		UsageRequested {
			request: RequestId,
			computation: ComputationId,
			requester: T::AccountId,
			payment: BalanceOf<T>,
			min_cohort: u32,
			deadline: BlockNumberFor<T>,
		},
		/// A device's owner put `records` records into a request.
		UsageApproved {
			request: RequestId,
			vid: VidOf<T>,
			contributor: T::AccountId,
			records: u32,
			cohort: u32,
		},
		/// The executor returned the result; the payment went to the contributors.
		ResultSubmitted {
			request: RequestId,
			result_hash: H256,
			paid: BalanceOf<T>,
			refunded: BalanceOf<T>,
		},
		/// The request ended without a result: `paid` to contributors (the cohort was
		/// complete), `refunded` to the requester.
		RequestCancelled {
			request: RequestId,
			paid: BalanceOf<T>,
			refunded: BalanceOf<T>,
		},
		/// A done request and its result were removed.
		RequestClosed {
			request: RequestId,
		},
		AgentRewarded {
			agent: T::AccountId,
			epoch: EpochIndex,
			records: u32,
			amount: BalanceOf<T>,
		},
		DataTokensSold {
			buyer: T::AccountId,
			amount: BalanceOf<T>,
			cost: BalanceOf<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// A device with this vid is registered already.
		DeviceExists,
		/// No device has this vid.
		UnknownDevice,
		/// Only the device's owner may do this.
		NotDeviceOwner,
		/// The device key's signature does not verify (a new device key must sign the setup).
		BadDeviceSignature,
		/// The reset is not signed by the device's previous key over its current reset count.
		BadResetSignature,
		/// The owner has `MaxDevicesPerOwner` devices.
		TooManyDevices,
		/// The named agent is not registered.
		UnknownAgent,
		/// The account is a registered agent already.
		AlreadyAgent,
		/// The account is not a registered agent.
		NotAgent,
		/// This (address, key) is registered already.
		DuplicateRecord,
		/// A record key is empty.
		EmptyKey,
		/// A value's size is zero or above `MaxValueSize`.
		BadSize,
		/// The address's signature over the record does not verify.
		BadAddressSignature,
		/// Someone other than the address submitted without the address's signature.
		MissingConsent,
		/// No record has this id.
		UnknownRecord,
		/// Only the record's address may do this.
		NotRecordOwner,
		/// The record is younger than `MinRecordLife`.
		RecordTooYoung,
		/// The record has grants standing.
		RecordHasGrants,
		/// The address no longer holds the data tokens the record minted, so they cannot be
		/// burnt back.
		RewardNotReturnable,
		/// The seller is neither the record's address nor a grantee allowed to resell.
		NotASeller,
		/// The buyer has an offer for this record already.
		PurchaseExists,
		/// The buyer has no offer for this record.
		NoPurchase,
		/// The account already holds the record or a grant of it.
		AlreadyHolder,
		/// A grantee without `resell` may not grant the record onward.
		NotResellable,
		/// An onward grant may not carry `resell` or `dup` its granter lacks.
		FlagsBeyondOwn,
		/// A record cannot be granted to its holder.
		SelfGrant,
		/// The account holds no grant of this record.
		NoGrant,
		/// The account is a registered provider already.
		AlreadyProvider,
		/// The account is not a registered provider.
		NotProvider,
		/// The provider still has computations.
		ProviderHasComputations,
		/// The provider has `MaxComputations` computations.
		TooManyComputations,
		/// No computation has this id.
		UnknownComputation,
		/// Only the computation's provider may do this.
		NotComputationProvider,
		/// The computation has open requests.
		ComputationInUse,
		/// A request's cohort is below `MinCohort`.
		CohortBelowMinimum,
		/// A request's cohort is above `MaxCohort`.
		CohortAboveMaximum,
		/// The deadline is not in the future.
		DeadlineInPast,
		/// A usage request pays nothing.
		ZeroPayment,
		/// No request has this id.
		UnknownRequest,
		/// The request takes no approvals or results any more.
		RequestClosed,
		/// This device approved the request already.
		AlreadyApproved,
		/// A record is in the request already.
		RecordApprovedTwice,
		/// An approval names no records.
		NoRecords,
		/// The request has `MaxCohort` devices.
		CohortFull,
		/// Only the computation's executor may submit its result.
		NotExecutor,
		/// Fewer distinct devices approved than the request's `min_cohort`.
		CohortIncomplete,
		/// The result's hash is not `blake2_256` of the result.
		ResultHashMismatch,
		/// The deadline is further than `MaxRequestLife` blocks away.
		DeadlineTooFar,
		/// The deadline has not passed.
		DeadlineNotReached,
		/// The request has no result yet.
		RequestNotDone,
		/// Only the requester may close a request before `ResultRetention` is over.
		RetentionNotOver,
		/// The epoch has not ended.
		EpochNotOver,
		/// The agent has nothing to claim in that epoch.
		NothingToClaim,
		/// The sale phase cannot sell that much.
		SaleCapReached,
		/// Buying zero tokens.
		ZeroAmount,
		/// The account cannot pay the deposit, price or cost.
		InsufficientFunds,
		/// A counter would overflow.
		Overflow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(!T::AgentEpoch::get().is_zero(), "AgentEpoch must be positive");
			assert!(T::MinCohort::get() >= 1, "MinCohort must be at least 1");
			assert!(T::MinCohort::get() <= T::MaxCohort::get(), "MinCohort above MaxCohort");
			assert!(T::MaxWrappedKeyLen::get() >= 32, "a wrapped key holds at least the key");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Registers device `vid` to the signer with `encryption_key` (the owner's, which the
		/// device encrypts to) and an optional registered `agent`. `proof` is the device key's
		/// signature over `(SETUP_TAG, genesis, vid, owner, encryption_key, agent)`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::setup_device())]
		pub fn setup_device(
			origin: OriginFor<T>,
			vid: VidOf<T>,
			device_key: T::AccountId,
			encryption_key: EncryptionKey,
			agent: Option<T::AccountId>,
			proof: T::Signature,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_setup_device(owner, vid, device_key, encryption_key, agent, proof)
		}

		/// Moves device `vid` to the signer, a new device key, encryption key and agent.
		/// `old_key_proof` is the current device key's signature over `(RESET_TAG, genesis,
		/// vid, generation, new owner, device_key, encryption_key, agent)`; `new_key_proof` the
		/// new device key's setup signature.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::reset_device())]
		pub fn reset_device(
			origin: OriginFor<T>,
			vid: VidOf<T>,
			device_key: T::AccountId,
			encryption_key: EncryptionKey,
			agent: Option<T::AccountId>,
			old_key_proof: T::Signature,
			new_key_proof: T::Signature,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_reset_device(
				owner,
				vid,
				device_key,
				encryption_key,
				agent,
				old_key_proof,
				new_key_proof,
			)
		}

		/// Removes the signer's device `vid` and returns its deposit.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::remove_device())]
		pub fn remove_device(origin: OriginFor<T>, vid: VidOf<T>) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_remove_device(owner, vid)
		}

		/// Registers the signer as an agent, holding `RegistrationDeposit`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::register_agent())]
		pub fn register_agent(origin: OriginFor<T>) -> DispatchResult {
			let agent = ensure_signed(origin)?;
			Self::do_register_agent(agent)
		}

		/// Ends an agent registration (the agent's, or `ForceOrigin`'s). Unclaimed epoch
		/// contributions stay claimable.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::unregister_agent())]
		pub fn unregister_agent(
			origin: OriginFor<T>,
			agent: AccountIdLookupOf<T>,
		) -> DispatchResult {
			let agent = T::Lookup::lookup(agent)?;
			Self::ensure_self_or_force(origin, &agent)?;
			Self::do_unregister_agent(agent)
		}

		/// Registers the record `(address, key)`. Signed by `address`, or by a submitter with
		/// `consent`, the address's signature over `(PUT_TAG, genesis, key, value_hash, size,
		/// format)`. The signer holds `RecordDeposit`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::put_record())]
		pub fn put_record(
			origin: OriginFor<T>,
			address: AccountIdLookupOf<T>,
			key: KeyOf<T>,
			value_hash: H256,
			size: u32,
			format: FormatOf<T>,
			consent: Option<T::Signature>,
		) -> DispatchResult {
			let submitter = ensure_signed(origin)?;
			let address = T::Lookup::lookup(address)?;
			Self::do_put_record(submitter, address, key, value_hash, size, format, consent)
		}

		/// Removes one of the signer's records after `MinRecordLife`, burning the data tokens
		/// it minted and returning its deposit to whoever holds it.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::remove_record())]
		pub fn remove_record(origin: OriginFor<T>, record: RecordId) -> DispatchResult {
			let address = ensure_signed(origin)?;
			Self::do_remove_record(address, record)
		}

		/// Offers `price` COD for a grant of `record` from `seller`, escrowing the price and
		/// holding `GrantDeposit`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::offer_purchase())]
		pub fn offer_purchase(
			origin: OriginFor<T>,
			record: RecordId,
			seller: AccountIdLookupOf<T>,
			#[pallet::compact] price: BalanceOf<T>,
			encryption_key: EncryptionKey,
		) -> DispatchResult {
			let buyer = ensure_signed(origin)?;
			let seller = T::Lookup::lookup(seller)?;
			Self::do_offer_purchase(buyer, record, seller, price, encryption_key)
		}

		/// Withdraws the signer's purchase offer for `record`, refunding price and deposit.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::cancel_purchase())]
		pub fn cancel_purchase(origin: OriginFor<T>, record: RecordId) -> DispatchResult {
			let buyer = ensure_signed(origin)?;
			Self::do_cancel_purchase(buyer, record)
		}

		/// Grants `record` to `grantee` with the value key wrapped for the grantee. When the
		/// grantee offered to buy from the signer, the offer's price is paid to the signer and
		/// its deposit covers the grant; otherwise the signer holds `GrantDeposit`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::grant())]
		pub fn grant(
			origin: OriginFor<T>,
			record: RecordId,
			grantee: AccountIdLookupOf<T>,
			wrapped_key: WrappedKeyOf<T>,
			resell: bool,
			dup: bool,
		) -> DispatchResult {
			let granter = ensure_signed(origin)?;
			let grantee = T::Lookup::lookup(grantee)?;
			Self::do_grant(granter, record, grantee, wrapped_key, resell, dup)
		}

		/// Drops the signer's grant of `record`; its deposit goes back to whoever holds it.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::renounce_grant())]
		pub fn renounce_grant(origin: OriginFor<T>, record: RecordId) -> DispatchResult {
			let grantee = ensure_signed(origin)?;
			Self::do_renounce_grant(grantee, record)
		}

		/// Registers the signer as a service provider (its platform account), holding
		/// `RegistrationDeposit`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::register_provider())]
		pub fn register_provider(origin: OriginFor<T>) -> DispatchResult {
			let provider = ensure_signed(origin)?;
			Self::do_register_provider(provider)
		}

		/// Ends a provider registration without computations (the provider's, or
		/// `ForceOrigin`'s).
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::unregister_provider())]
		pub fn unregister_provider(
			origin: OriginFor<T>,
			provider: AccountIdLookupOf<T>,
		) -> DispatchResult {
			let provider = T::Lookup::lookup(provider)?;
			Self::ensure_self_or_force(origin, &provider)?;
			Self::do_unregister_provider(provider)
		}

		/// Registers a computation: code `code_hash` run by `executor`, who receives value keys
		/// wrapped for `executor_key`.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::register_computation())]
		pub fn register_computation(
			origin: OriginFor<T>,
			code_hash: H256,
			executor: AccountIdLookupOf<T>,
			executor_key: EncryptionKey,
		) -> DispatchResult {
			let provider = ensure_signed(origin)?;
			let executor = T::Lookup::lookup(executor)?;
			Self::do_register_computation(provider, code_hash, executor, executor_key)
		}

		/// Removes a computation without open requests.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::remove_computation())]
		pub fn remove_computation(
			origin: OriginFor<T>,
			computation: ComputationId,
		) -> DispatchResult {
			let provider = ensure_signed(origin)?;
			Self::do_remove_computation(provider, computation)
		}

		/// Requests `computation` over records owners will approve, escrowing `payment`; the
		/// result is accepted once `min_cohort` distinct devices approved.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::request_usage())]
		pub fn request_usage(
			origin: OriginFor<T>,
			computation: ComputationId,
			#[pallet::compact] payment: BalanceOf<T>,
			min_cohort: u32,
			encryption_key: EncryptionKey,
			deadline: BlockNumberFor<T>,
		) -> DispatchResult {
			let requester = ensure_signed(origin)?;
			Self::do_request_usage(
				requester,
				computation,
				payment,
				min_cohort,
				encryption_key,
				deadline,
			)
		}

		/// The owner of device `vid` puts `records` into `request`, each with its value key
		/// wrapped for the computation's executor and, where the record's address is not the
		/// signer, the address's consent.
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::approve_usage(records.len() as u32))]
		pub fn approve_usage(
			origin: OriginFor<T>,
			request: RequestId,
			vid: VidOf<T>,
			records: ApprovalsOf<T>,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_approve_usage(owner, request, vid, records)
		}

		/// The executor returns the result of `request`, encrypted to the requester, and its
		/// hash; the escrowed payment goes to the contributors pro rata.
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::submit_result(T::MaxCohort::get()))]
		pub fn submit_result(
			origin: OriginFor<T>,
			request: RequestId,
			result_hash: H256,
			result: ResultOf<T>,
		) -> DispatchResultWithPostInfo {
			let executor = ensure_signed(origin)?;
			let paid_to = Self::do_submit_result(executor, request, result_hash, result)?;
			Ok(Some(T::WeightInfo::submit_result(paid_to)).into())
		}

		/// Ends an open request after its deadline (anyone may): contributors are paid when the cohort was
		/// complete, the requester refunded otherwise; approvals are removed.
		#[pallet::call_index(18)]
		#[pallet::weight(T::WeightInfo::cancel_request(T::MaxCohort::get()))]
		pub fn cancel_request(
			origin: OriginFor<T>,
			request: RequestId,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let cohort = Self::do_cancel_request(who, request)?;
			Ok(Some(T::WeightInfo::cancel_request(cohort)).into())
		}

		/// Removes a done request, its result and its approvals, returning deposits. The
		/// requester may close at once, anyone after `ResultRetention`.
		#[pallet::call_index(19)]
		#[pallet::weight(T::WeightInfo::close_request(T::MaxCohort::get()))]
		pub fn close_request(
			origin: OriginFor<T>,
			request: RequestId,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let cohort = Self::do_close_request(who, request)?;
			Ok(Some(T::WeightInfo::close_request(cohort)).into())
		}

		/// Mints the signer's share of an ended epoch's agent budget.
		#[pallet::call_index(20)]
		#[pallet::weight(T::WeightInfo::claim_agent_reward())]
		pub fn claim_agent_reward(origin: OriginFor<T>, epoch: EpochIndex) -> DispatchResult {
			let agent = ensure_signed(origin)?;
			Self::do_claim_agent_reward(agent, epoch)
		}

		/// A registered provider buys `amount` data tokens from the sale phase at `SalePrice`.
		#[pallet::call_index(21)]
		#[pallet::weight(T::WeightInfo::buy_data_tokens())]
		pub fn buy_data_tokens(
			origin: OriginFor<T>,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResult {
			let buyer = ensure_signed(origin)?;
			Self::do_buy_data_tokens(buyer, amount)
		}
	}

	impl<T: Config> Pallet<T> {
		/// The records put and removed by the events of the current block so far (at a
		/// block's state: that block's). Reads the events without the storage proof of a
		/// consensus read: for runtime API calls only.
		pub fn record_changes<E>(
			events: impl IntoIterator<Item = E>,
		) -> Vec<RecordChange<T::AccountId>>
		where
			E: TryInto<Event<T>>,
		{
			events
				.into_iter()
				.filter_map(|e| match e.try_into().ok()? {
					Event::RecordPut { record, address, key, value_hash, size, .. } => {
						Some(RecordChange::Put {
							record,
							address,
							key: key.into_inner(),
							value_hash,
							size,
						})
					},
					Event::RecordRemoved { record, .. } => Some(RecordChange::Removed { record }),
					_ => None,
				})
				.collect()
		}

		/// The genesis hash every signature here commits to, so none replays on another chain.
		pub(crate) fn genesis() -> T::Hash {
			frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero())
		}

		/// Whether `signature` is `signer`'s over `payload`.
		pub(crate) fn verify(
			signature: &T::Signature,
			payload: &[u8],
			signer: &T::AccountId,
		) -> bool {
			signature.verify(payload, signer)
		}

		/// The signer is `who`, or the origin is `ForceOrigin`.
		fn ensure_self_or_force(origin: OriginFor<T>, who: &T::AccountId) -> DispatchResult {
			if let Ok(signer) = ensure_signed(origin.clone()) {
				if &signer == who {
					return Ok(());
				}
			}
			T::ForceOrigin::ensure_origin(origin).map(|_| ()).map_err(|_| DispatchError::BadOrigin)
		}
	}
}
