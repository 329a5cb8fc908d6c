//! # MiMei content objects
//!
//! Leither's content objects (SPEC §9.4, seed 002 "弥媒"). An object has a stable id derived
//! from `(author, app_type, ext, mark)`; its content changes as numbered **versions** 0, 1,
//! 2, … each pointing to a content digest; named **pointers** `cur`, `last` and `release`
//! pick versions; **references** between objects are counted; **permissions** say who reads
//! (for the storage nodes) and who writes. Because all of it is chain state, the runtime API
//! resolves an id and a version or pointer at any block a node still has the state of, which
//! makes an object's history auditable (beyond IPNS, where a name only has its latest value).
//!
//! Beyond IPNS and Ceramic, a `release` can be bound to storage: an object created with
//! `require_upkeep` is released only with a live upkeep contract of its owner's (SPEC §6),
//! recorded with the release, and the runtime API says whether that contract is still live.
//!
//! ## Calls
//!
//! | call | origin | does | errors | events |
//! |---|---|---|---|---|
//! | [`create`](Pallet::create) | author | a new object | `FieldTooLong`, `ObjectExists` | `Created` |
//! | [`add_version`](Pallet::add_version) | writer | the next version; `last` (and a first `cur`) | `UnknownObject`, `NotWriter`, `TooManyVersions` | `VersionAdded` |
//! | [`set_pointer`](Pallet::set_pointer) | writer | moves `cur` or `last` | `NotWriter`, `UnknownVersion`, `UseReleaseCall` | `PointerSet` |
//! | [`release`](Pallet::release) | owner | moves `release` | `NotOwner`, `UnknownVersion`, `UpkeepRequired`, `UpkeepNotLive` | `Released` |
//! | [`set_access`](Pallet::set_access) | owner | who reads and writes | `NotOwner` | `AccessSet` |
//! | [`add_ref`](Pallet::add_ref) / [`remove_ref`](Pallet::remove_ref) | writer of the referring object | a counted reference | `NotWriter`, `UnknownObject`, `SelfReference`, `ReferenceExists`, `NoReference` | `ReferenceAdded`, `ReferenceRemoved` |
//! | [`remove_version`](Pallet::remove_version) | the version's adder or the owner | frees a version no pointer names | `UnknownVersion`, `VersionInUse`, `NotAllowed` | `VersionRemoved` |
//! | [`remove_object`](Pallet::remove_object) | owner | an object without versions or references | `NotOwner`, `ObjectInUse` | `Removed` |
//!
//! Every failing call returns its own error and changes nothing.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod invariants;
#[cfg(test)]
mod mock;
mod objects;
pub mod queries;
mod refs;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use codec::MaxEncodedLen;

/// Organisation membership, for `Access::Org` (implemented by the runtime over the
/// organisations pallet).
pub trait OrgMembers<AccountId> {
	type OrgId: frame_support::Parameter + MaxEncodedLen + Copy;
	fn is_member(org: &Self::OrgId, who: &AccountId) -> bool;
	/// An organisation with `member` in it, for benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn create_for_benchmark(member: &AccountId) -> Self::OrgId;
}

/// Upkeep contracts (implemented by the runtime over `pallet-upkeep`).
pub trait UpkeepContracts<AccountId> {
	type ContractId: frame_support::Parameter + MaxEncodedLen + Copy;
	/// Whether `contract` exists, is `owner`'s, is not closed and still holds escrow.
	fn is_live(contract: &Self::ContractId, owner: &AccountId) -> bool;
	/// A live contract of `owner`'s, for benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn create_for_benchmark(owner: &AccountId) -> Self::ContractId;
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::fungible};
	use frame_system::pallet_prelude::*;
	use sp_core::H256;

	pub type BalanceOf<T> = <<T as Config>::Currency as fungible::Inspect<
		<T as frame_system::Config>::AccountId,
	>>::Balance;
	pub type OrgIdOf<T> =
		<<T as Config>::Orgs as OrgMembers<<T as frame_system::Config>::AccountId>>::OrgId;
	pub type ContractIdOf<T> = <<T as Config>::Upkeep as UpkeepContracts<
		<T as frame_system::Config>::AccountId,
	>>::ContractId;
	pub type AccessOf<T> = Access<OrgIdOf<T>>;
	pub type FieldOf<T> = BoundedVec<u8, <T as Config>::MaxFieldLen>;
	pub type ObjectOf<T> = Object<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		BlockNumberFor<T>,
		OrgIdOf<T>,
		ContractIdOf<T>,
		<T as Config>::MaxFieldLen,
	>;
	pub type VersionOf<T> =
		Version<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// COD: deposits are held in it.
		type Currency: fungible::Mutate<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;
		type RuntimeHoldReason: From<HoldReason>;
		/// Organisation membership, for `Access::Org`.
		type Orgs: OrgMembers<Self::AccountId>;
		/// Upkeep contracts, for releases that need one.
		type Upkeep: UpkeepContracts<Self::AccountId>;
		/// COD held per object.
		#[pallet::constant]
		type ObjectDeposit: Get<BalanceOf<Self>>;
		/// COD held per version, from whoever added it.
		#[pallet::constant]
		type VersionDeposit: Get<BalanceOf<Self>>;
		/// COD held per reference, from whoever added it.
		#[pallet::constant]
		type RefDeposit: Get<BalanceOf<Self>>;
		/// Longest app type, ext or mark.
		#[pallet::constant]
		type MaxFieldLen: Get<u32>;
		/// Most versions one object ever gets.
		#[pallet::constant]
		type MaxVersions: Get<u32>;
		type WeightInfo: WeightInfo;
	}

	#[pallet::composite_enum]
	pub enum HoldReason {
		/// Storage deposit of an object, a version or a reference.
		Deposit,
	}

	/// Objects by id.
	// Identity: an object id is a blake2 hash.
	#[pallet::storage]
	pub type Objects<T: Config> = StorageMap<_, Identity, ObjectId, ObjectOf<T>>;

	/// Versions by object and number.
	#[pallet::storage]
	pub type Versions<T: Config> =
		StorageDoubleMap<_, Identity, ObjectId, Twox64Concat, VersionNo, VersionOf<T>>;

	/// References from an object to another, with who added them and the deposit held.
	#[pallet::storage]
	pub type Refs<T: Config> =
		StorageDoubleMap<_, Identity, ObjectId, Identity, ObjectId, (T::AccountId, BalanceOf<T>)>;

	/// The same references by referred object first, to list what refers to an object.
	#[pallet::storage]
	pub type RefsIn<T: Config> = StorageDoubleMap<_, Identity, ObjectId, Identity, ObjectId, ()>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		Created {
			id: ObjectId,
			author: T::AccountId,
			app_type: FieldOf<T>,
			ext: FieldOf<T>,
			mark: FieldOf<T>,
		},
		VersionAdded {
			id: ObjectId,
			version: VersionNo,
			digest: H256,
			size: u64,
			by: T::AccountId,
		},
		PointerSet {
			id: ObjectId,
			pointer: Pointer,
			version: VersionNo,
			by: T::AccountId,
		},
		/// The owner released `version` (none: withdrew the release), kept by `contract`.
		Released {
			id: ObjectId,
			version: Option<VersionNo>,
			contract: Option<ContractIdOf<T>>,
		},
		AccessSet {
			id: ObjectId,
			read: AccessOf<T>,
			write: AccessOf<T>,
			require_upkeep: bool,
		},
		ReferenceAdded {
			from: ObjectId,
			to: ObjectId,
			refs_in: u32,
		},
		ReferenceRemoved {
			from: ObjectId,
			to: ObjectId,
			refs_in: u32,
		},
		VersionRemoved {
			id: ObjectId,
			version: VersionNo,
		},
		Removed {
			id: ObjectId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// An app type, ext or mark longer than `MaxFieldLen`.
		FieldTooLong,
		/// The author has an object with this app type, ext and mark already.
		ObjectExists,
		/// No such object.
		UnknownObject,
		/// Only the owner, or whom the object's write access names, may do this.
		NotWriter,
		/// Only the object's owner may do this.
		NotOwner,
		/// No such version.
		UnknownVersion,
		/// `release` moves the release pointer.
		UseReleaseCall,
		/// The object is released only with an upkeep contract.
		UpkeepRequired,
		/// The contract is not a live upkeep contract of the owner's.
		UpkeepNotLive,
		/// An object does not refer to itself.
		SelfReference,
		/// The reference exists already.
		ReferenceExists,
		/// No such reference.
		NoReference,
		/// A pointer names the version.
		VersionInUse,
		/// The object still has versions or references.
		ObjectInUse,
		/// The object has had `MaxVersions` versions.
		TooManyVersions,
		/// Only the version's adder or the object's owner may remove it.
		NotAllowed,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxVersions::get() >= 1, "an object needs room for a version");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Creates the signer's object `(app_type, ext, mark)` with read and write access.
		/// Holds `ObjectDeposit`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create())]
		pub fn create(
			origin: OriginFor<T>,
			app_type: Vec<u8>,
			ext: Vec<u8>,
			mark: Vec<u8>,
			read: AccessOf<T>,
			write: AccessOf<T>,
			require_upkeep: bool,
		) -> DispatchResult {
			let author = ensure_signed(origin)?;
			Self::do_create(&author, app_type, ext, mark, read, write, require_upkeep).map(|_| ())
		}

		/// Adds the next version of `id`, content `digest` of `size` bytes. Holds
		/// `VersionDeposit` from the signer.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::add_version())]
		pub fn add_version(
			origin: OriginFor<T>,
			id: ObjectId,
			digest: H256,
			size: u64,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_add_version(&who, id, digest, size).map(|_| ())
		}

		/// Moves `cur` or `last` of `id` to `version`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_pointer())]
		pub fn set_pointer(
			origin: OriginFor<T>,
			id: ObjectId,
			pointer: Pointer,
			version: VersionNo,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_pointer(&who, id, pointer, version)
		}

		/// The owner releases `version` (none: withdraws the release). `contract` must be a
		/// live upkeep contract of the owner's when the object requires one.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::release())]
		pub fn release(
			origin: OriginFor<T>,
			id: ObjectId,
			version: Option<VersionNo>,
			contract: Option<ContractIdOf<T>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_release(&who, id, version, contract)
		}

		/// The owner sets who reads and who writes, and whether a release needs upkeep.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_access())]
		pub fn set_access(
			origin: OriginFor<T>,
			id: ObjectId,
			read: AccessOf<T>,
			write: AccessOf<T>,
			require_upkeep: bool,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_access(&who, id, read, write, require_upkeep)
		}

		/// A writer of `from` adds a reference from it to `to`. Holds `RefDeposit`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::add_ref())]
		pub fn add_ref(origin: OriginFor<T>, from: ObjectId, to: ObjectId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_add_ref(&who, from, to)
		}

		/// A writer of `from` removes its reference to `to` (which may be gone since).
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::remove_ref())]
		pub fn remove_ref(origin: OriginFor<T>, from: ObjectId, to: ObjectId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_ref(&who, from, to)
		}

		/// Removes a version no pointer names: its adder or the owner. Its number is not
		/// reused.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::remove_version())]
		pub fn remove_version(
			origin: OriginFor<T>,
			id: ObjectId,
			version: VersionNo,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_version(&who, id, version)
		}

		/// The owner removes an object with no version left and no reference from or to it.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::remove_object())]
		pub fn remove_object(origin: OriginFor<T>, id: ObjectId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_object(&who, id)
		}
	}

	impl<T: Config> Pallet<T> {
		/// Whether `who` has `access` to `object`: its owner always does.
		pub fn allowed(object: &ObjectOf<T>, access: &AccessOf<T>, who: &T::AccountId) -> bool {
			*who == object.author
				|| match access {
					Access::Owner => false,
					Access::Org(org) => T::Orgs::is_member(org, who),
					Access::Public => true,
				}
		}

		pub(crate) fn hold_deposit(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
			codchain_support::deposit::hold::<_, T::Currency>(
				&HoldReason::Deposit.into(),
				who,
				amount,
			)
		}

		pub(crate) fn release_deposit(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
			codchain_support::deposit::release::<_, T::Currency>(
				&HoldReason::Deposit.into(),
				who,
				amount,
			)
		}
	}
}
