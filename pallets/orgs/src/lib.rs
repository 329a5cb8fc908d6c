//! # Organisations and the cod registry
//!
//! Leither's organisations (SPEC §9.2, seed 002 "组织"): an organisation comes first, members
//! join it. Its creator is its first admin; anyone may ask to join, holding the organisation's
//! join deposit, and an admin approves or rejects; members are admins, members or guests.
//! Each organisation has an account no key controls, through which its admins hold credit
//! lines (`pallet-credit`) and to which a joint-token automatic account may be attached to
//! distribute its rewards (SPEC §5).
//!
//! A **cod** (SPEC §9.3, seed 000 "cod部署") is an organisation with a modeller key and a
//! deployer key. Nodes register under a cod with their public network key, proving it by a
//! signature of that key; a node's id is `blake2_256(SCALE((cod, key)))`, so one key in two
//! cods has two ids. `codchain-node node-id --cod <id>` prints a node's id and the proof.
//!
//! One pallet for organisations and cods, because a cod *is* an organisation (its admins,
//! members and account serve both); credit (`pallet-credit`) and content objects
//! (`pallet-mimei`) are their own pallets and see organisations through a trait.
//!
//! ## Calls
//!
//! | call | origin | does | errors | events |
//! |---|---|---|---|---|
//! | [`create`](Pallet::create) | anyone | a new organisation, the signer its admin | `NameTooLong`, `InfoTooLong`, `JoinDepositTooLow` | `Created` |
//! | [`set_info`](Pallet::set_info) | admin | name, info, join deposit | `UnknownOrg`, `NotAdmin`, `JoinDepositTooLow` | `InfoSet` |
//! | [`request_join`](Pallet::request_join) | anyone | asks to join as member or guest | `UnknownOrg`, `AlreadyMember`, `AlreadyRequested`, `BadRole` | `JoinRequested` |
//! | [`cancel_join`](Pallet::cancel_join) | requester | withdraws the request | `NoRequest` | `JoinCancelled` |
//! | [`approve_join`](Pallet::approve_join) / [`reject_join`](Pallet::reject_join) | admin | decides a request | `NotAdmin`, `NoRequest`, `TooManyMembers` | `Joined`, `JoinRejected` |
//! | [`set_role`](Pallet::set_role) | admin | another role | `NotAdmin`, `NotMember`, `LastAdmin` | `RoleSet` |
//! | [`leave`](Pallet::leave) / [`remove_member`](Pallet::remove_member) | member / admin | out, deposit back | `NotMember`, `NotAdmin`, `LastAdmin` | `Left`, `Removed` |
//! | [`dissolve`](Pallet::dissolve) | admin | removes an organisation with no one else | `NotAdmin`, `NotEmpty` | `Dissolved` |
//! | [`set_rewards`](Pallet::set_rewards) | admin | the automatic account distributing rewards | `NotAdmin`, `NotAutomatic` | `RewardsSet` |
//! | [`set_cod_keys`](Pallet::set_cod_keys) | admin (modeller to change) | makes it a cod, or changes its keys | `NotAdmin`, `NotModeller`, `NodesRegistered` | `CodKeysSet` |
//! | [`register_node`](Pallet::register_node) | node operator | a node under a cod | `NotCod`, `BadNodeProof`, `NodeExists` | `NodeRegistered` |
//! | [`deregister_node`](Pallet::deregister_node) | operator, deployer or admin | removes it | `UnknownNode`, `NotAllowed` | `NodeDeregistered` |
//!
//! Every failing call returns its own error and changes nothing.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod cods;
mod invariants;
mod membership;
#[cfg(test)]
mod mock;
pub mod queries;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

/// Whether an account is a joint-token automatic account (implemented by the runtime over
/// `pallet-jointtoken`): only such an account distributes an organisation's rewards by a
/// fixed rule.
pub trait AutomaticAccounts<AccountId> {
	fn is_automatic(who: &AccountId) -> bool;
	/// An automatic account, for benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn automatic_for_benchmark() -> AccountId;
}

/// Node keys and signatures for benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub fn benchmark_node_key(index: u32) -> NodeKey {
	let seed = alloc::format!("//node{index}");
	sp_io::crypto::ed25519_generate(BENCH_KEY_TYPE, Some(seed.into_bytes())).0
}

#[cfg(feature = "runtime-benchmarks")]
pub fn benchmark_node_sign(key: &NodeKey, message: &[u8]) -> NodeSignature {
	let public = sp_core::ed25519::Public::from_raw(*key);
	sp_io::crypto::ed25519_sign(BENCH_KEY_TYPE, &public, message).expect("key was generated").0
}

#[cfg(feature = "runtime-benchmarks")]
const BENCH_KEY_TYPE: sp_core::crypto::KeyTypeId = sp_core::crypto::KeyTypeId(*b"node");

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{pallet_prelude::*, traits::fungible, PalletId};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::{AccountIdConversion, StaticLookup, Zero};

	pub type AccountIdLookupOf<T> = <<T as frame_system::Config>::Lookup as StaticLookup>::Source;
	pub type BalanceOf<T> = <<T as Config>::Currency as fungible::Inspect<
		<T as frame_system::Config>::AccountId,
	>>::Balance;
	pub type NameOf<T> = BoundedVec<u8, <T as Config>::MaxNameLen>;
	pub type InfoOf<T> = BoundedVec<u8, <T as Config>::MaxInfoLen>;
	pub type OrgOf<T> = Org<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		BlockNumberFor<T>,
		<T as Config>::MaxNameLen,
		<T as Config>::MaxInfoLen,
	>;
	pub type MembershipOf<T> = Membership<BalanceOf<T>, BlockNumberFor<T>>;
	pub type JoinRequestOf<T> = JoinRequest<BalanceOf<T>, BlockNumberFor<T>>;
	pub type NodeOf<T> =
		Node<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

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
		/// Organisations' accounts are this id's sub-accounts.
		#[pallet::constant]
		type PalletId: Get<PalletId>;
		/// Which accounts are joint-token automatic accounts.
		type AutomaticAccounts: AutomaticAccounts<Self::AccountId>;
		/// COD held for an organisation's record.
		#[pallet::constant]
		type OrgDeposit: Get<BalanceOf<Self>>;
		/// The least COD a join request (and then a membership) holds: its storage.
		#[pallet::constant]
		type MemberDeposit: Get<BalanceOf<Self>>;
		/// COD held per registered node.
		#[pallet::constant]
		type NodeDeposit: Get<BalanceOf<Self>>;
		#[pallet::constant]
		type MaxNameLen: Get<u32>;
		#[pallet::constant]
		type MaxInfoLen: Get<u32>;
		/// Most members of one organisation.
		#[pallet::constant]
		type MaxMembers: Get<u32>;
		type WeightInfo: WeightInfo;
	}

	#[pallet::composite_enum]
	pub enum HoldReason {
		/// Storage deposit of an organisation, a join request or membership, or a node.
		Deposit,
	}

	/// The id the next organisation gets.
	#[pallet::storage]
	pub type NextOrgId<T> = StorageValue<_, OrgId, ValueQuery>;

	/// Organisations by id.
	// Twox64Concat: ids are a chain-assigned counter.
	#[pallet::storage]
	pub type Orgs<T: Config> = StorageMap<_, Twox64Concat, OrgId, OrgOf<T>>;

	/// Members of each organisation.
	// Blake2_128Concat for accounts: chosen by users.
	#[pallet::storage]
	pub type Members<T: Config> =
		StorageDoubleMap<_, Twox64Concat, OrgId, Blake2_128Concat, T::AccountId, MembershipOf<T>>;

	/// The organisations an account is in, to list them.
	#[pallet::storage]
	pub type OrgsOf<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, OrgId, ()>;

	/// Join requests waiting, by organisation and requester.
	#[pallet::storage]
	pub type Requests<T: Config> =
		StorageDoubleMap<_, Twox64Concat, OrgId, Blake2_128Concat, T::AccountId, JoinRequestOf<T>>;

	/// Nodes by cod and key.
	// Identity for the key: it is an ed25519 public key, not chosen to collide.
	#[pallet::storage]
	pub type Nodes<T: Config> =
		StorageDoubleMap<_, Twox64Concat, OrgId, Blake2_128Concat, NodeKey, NodeOf<T>>;

	/// Node ids to their cod and key.
	// Identity: a node id is a blake2 hash.
	#[pallet::storage]
	pub type NodeIds<T: Config> = StorageMap<_, Identity, sp_core::H256, (OrgId, NodeKey)>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		Created {
			org: OrgId,
			creator: T::AccountId,
			account: T::AccountId,
			name: NameOf<T>,
		},
		InfoSet {
			org: OrgId,
			name: NameOf<T>,
			join_deposit: BalanceOf<T>,
		},
		JoinRequested {
			org: OrgId,
			who: T::AccountId,
			role: Role,
		},
		JoinCancelled {
			org: OrgId,
			who: T::AccountId,
		},
		Joined {
			org: OrgId,
			who: T::AccountId,
			role: Role,
			approved_by: T::AccountId,
		},
		JoinRejected {
			org: OrgId,
			who: T::AccountId,
			by: T::AccountId,
		},
		RoleSet {
			org: OrgId,
			who: T::AccountId,
			role: Role,
			by: T::AccountId,
		},
		Left {
			org: OrgId,
			who: T::AccountId,
		},
		Removed {
			org: OrgId,
			who: T::AccountId,
			by: T::AccountId,
		},
		Dissolved {
			org: OrgId,
		},
		RewardsSet {
			org: OrgId,
			account: Option<T::AccountId>,
		},
		/// The organisation is a cod with these keys (none: no longer a cod).
		CodKeysSet {
			org: OrgId,
			keys: Option<CodKeys<T::AccountId>>,
		},
		NodeRegistered {
			cod: OrgId,
			key: NodeKey,
			id: sp_core::H256,
			operator: T::AccountId,
		},
		NodeDeregistered {
			cod: OrgId,
			key: NodeKey,
			id: sp_core::H256,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No such organisation.
		UnknownOrg,
		/// Only an admin of the organisation may do this.
		NotAdmin,
		/// The account is not a member of the organisation.
		NotMember,
		/// The account is a member already.
		AlreadyMember,
		/// The account asked to join already.
		AlreadyRequested,
		/// No such join request.
		NoRequest,
		/// One joins as a member or a guest; an admin makes admins.
		BadRole,
		/// The organisation has as many members as it may.
		TooManyMembers,
		/// The organisation would be left without an admin.
		LastAdmin,
		/// Others are still in the organisation, or requests or nodes are waiting.
		NotEmpty,
		/// The name is longer than `MaxNameLen`.
		NameTooLong,
		/// The information is longer than `MaxInfoLen`.
		InfoTooLong,
		/// A join deposit below `MemberDeposit`.
		JoinDepositTooLow,
		/// The account is not a joint-token automatic account.
		NotAutomatic,
		/// Only the cod's modeller changes the keys of a cod.
		NotModeller,
		/// Nodes are registered under the cod: it stays a cod.
		NodesRegistered,
		/// The organisation is not a cod.
		NotCod,
		/// The node key's signature over `(NODE_TAG, genesis, cod, operator)` does not verify.
		BadNodeProof,
		/// The key is registered under this cod already.
		NodeExists,
		/// No such node under the cod.
		UnknownNode,
		/// Only the node's operator, the cod's deployer or an admin removes a node.
		NotAllowed,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxMembers::get() >= 1, "an organisation has at least its admin");
			assert!(T::MaxNameLen::get() >= 1, "names need room");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Creates an organisation named `name` with public `info`; the signer is its admin.
		/// Joining holds `join_deposit`. Holds `OrgDeposit` and the signer's membership
		/// deposit.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create())]
		pub fn create(
			origin: OriginFor<T>,
			name: Vec<u8>,
			info: Vec<u8>,
			join_deposit: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let (name, info) = Self::bounded(name, info)?;
			Self::do_create(&who, name, info, join_deposit).map(|_| ())
		}

		/// An admin sets the organisation's name, information and join deposit (for requests
		/// from now on).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_info())]
		pub fn set_info(
			origin: OriginFor<T>,
			org: OrgId,
			name: Vec<u8>,
			info: Vec<u8>,
			join_deposit: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let (name, info) = Self::bounded(name, info)?;
			Self::do_set_info(&who, org, name, info, join_deposit)
		}

		/// Asks to join `org` as `role` (member or guest), holding its join deposit.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::request_join())]
		pub fn request_join(origin: OriginFor<T>, org: OrgId, role: Role) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_request_join(&who, org, role)
		}

		/// Withdraws the signer's join request; its deposit is returned.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::decide_join())]
		pub fn cancel_join(origin: OriginFor<T>, org: OrgId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_drop_request(org, &who, None)
		}

		/// An admin approves `who`'s request: it is a member with the role it asked for, its
		/// deposit held while it is one.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::approve_join())]
		pub fn approve_join(
			origin: OriginFor<T>,
			org: OrgId,
			who: AccountIdLookupOf<T>,
		) -> DispatchResult {
			let admin = ensure_signed(origin)?;
			let who = T::Lookup::lookup(who)?;
			Self::do_approve(&admin, org, &who)
		}

		/// An admin rejects `who`'s request; its deposit is returned.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::decide_join())]
		pub fn reject_join(
			origin: OriginFor<T>,
			org: OrgId,
			who: AccountIdLookupOf<T>,
		) -> DispatchResult {
			let admin = ensure_signed(origin)?;
			let who = T::Lookup::lookup(who)?;
			Self::ensure_admin(org, &admin)?;
			Self::do_drop_request(org, &who, Some(admin))
		}

		/// An admin gives member `who` another role.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::set_role())]
		pub fn set_role(
			origin: OriginFor<T>,
			org: OrgId,
			who: AccountIdLookupOf<T>,
			role: Role,
		) -> DispatchResult {
			let admin = ensure_signed(origin)?;
			let who = T::Lookup::lookup(who)?;
			Self::do_set_role(&admin, org, &who, role)
		}

		/// The signer leaves `org`; its deposit is returned.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::remove_member())]
		pub fn leave(origin: OriginFor<T>, org: OrgId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove(org, &who, None)
		}

		/// An admin removes member `who`; its deposit is returned to it.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::remove_member())]
		pub fn remove_member(
			origin: OriginFor<T>,
			org: OrgId,
			who: AccountIdLookupOf<T>,
		) -> DispatchResult {
			let admin = ensure_signed(origin)?;
			let who = T::Lookup::lookup(who)?;
			Self::ensure_admin(org, &admin)?;
			Self::do_remove(org, &who, Some(admin))
		}

		/// The last admin removes an organisation nobody else is in, with no request or node
		/// waiting; every deposit it holds is returned.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::dissolve())]
		pub fn dissolve(origin: OriginFor<T>, org: OrgId) -> DispatchResult {
			let admin = ensure_signed(origin)?;
			Self::do_dissolve(&admin, org)
		}

		/// An admin names the joint-token automatic account that distributes the
		/// organisation's rewards (`None`: none).
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::set_rewards())]
		pub fn set_rewards(
			origin: OriginFor<T>,
			org: OrgId,
			account: Option<T::AccountId>,
		) -> DispatchResult {
			let admin = ensure_signed(origin)?;
			Self::do_set_rewards(&admin, org, account)
		}

		/// Makes `org` a cod with a modeller and a deployer key (an admin, the first time), or
		/// changes its keys (its modeller); `None` makes it a plain organisation again (its
		/// modeller, with no node registered).
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::set_cod_keys())]
		pub fn set_cod_keys(
			origin: OriginFor<T>,
			org: OrgId,
			keys: Option<CodKeys<T::AccountId>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_cod_keys(&who, org, keys)
		}

		/// Registers the node with network key `key` under `cod`, run by the signer: `proof`
		/// is the node key's signature over `(NODE_TAG, genesis, cod, signer)`. Holds
		/// `NodeDeposit`.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::register_node())]
		pub fn register_node(
			origin: OriginFor<T>,
			cod: OrgId,
			key: NodeKey,
			proof: NodeSignature,
		) -> DispatchResult {
			let operator = ensure_signed(origin)?;
			Self::do_register_node(&operator, cod, key, proof)
		}

		/// Removes a node: its operator, the cod's deployer or an admin.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::deregister_node())]
		pub fn deregister_node(origin: OriginFor<T>, cod: OrgId, key: NodeKey) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_deregister_node(&who, cod, key)
		}
	}

	impl<T: Config> Pallet<T> {
		/// The account of organisation `org`: a sub-account of the pallet's id.
		pub fn org_account(org: OrgId) -> T::AccountId {
			T::PalletId::get().into_sub_account_truncating(org)
		}

		/// `who`'s role in `org`.
		pub fn role_of(org: OrgId, who: &T::AccountId) -> Option<Role> {
			Members::<T>::get(org, who).map(|m| m.role)
		}

		pub(crate) fn bounded(
			name: Vec<u8>,
			info: Vec<u8>,
		) -> Result<(NameOf<T>, InfoOf<T>), DispatchError> {
			let name = NameOf::<T>::try_from(name).map_err(|_| Error::<T>::NameTooLong)?;
			let info = InfoOf::<T>::try_from(info).map_err(|_| Error::<T>::InfoTooLong)?;
			Ok((name, info))
		}

		/// The organisation, if `who` is one of its admins. Errors: `UnknownOrg`, `NotAdmin`.
		pub(crate) fn ensure_admin(
			org: OrgId,
			who: &T::AccountId,
		) -> Result<OrgOf<T>, DispatchError> {
			let o = Orgs::<T>::get(org).ok_or(Error::<T>::UnknownOrg)?;
			ensure!(Self::role_of(org, who) == Some(Role::Admin), Error::<T>::NotAdmin);
			Ok(o)
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

		pub(crate) fn genesis() -> T::Hash {
			frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero())
		}
	}
}

use alloc::vec::Vec;
