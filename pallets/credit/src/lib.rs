//! # Credit
//!
//! Leither's credit model (SPEC §9.1, seed 002 "9.2 信用模型"): accounts, and organisations
//! through their admins, extend **credit lines** to each other in a **unit** (bandwidth,
//! storage, CPU, a currency); using a line creates debt, recorded by **IOUs** the borrower
//! signs; debts move along chains of lines in **multi-hop payments** (credit exchange through
//! intermediaries); and anyone may **net** a cycle of debts away.
//!
//! ## Overview
//!
//! - **Lines.** A line `(grantor, grantee, unit)` lets the grantee owe the grantor up to its
//!   limit. Either side proposes it ([`propose_line`](Pallet::propose_line), holding
//!   `LineDeposit`), the other accepts it with the same terms
//!   ([`accept_line`](Pallet::accept_line)), so no one is put into a line it did not agree to,
//!   and terms changed between proposal and acceptance are refused. A line may carry a
//!   scheduled increase (the seed's 定期增信): its limit grows by `step` every `every` blocks up
//!   to `cap`, computed from the block number whenever it is used, so no block does work for
//!   it. The grantor changes terms ([`set_terms`](Pallet::set_terms)) or revokes
//!   ([`revoke_line`](Pallet::revoke_line)): a revoked line takes no new debt, repayment goes
//!   on, and the line goes (deposit returned) once its debt is zero.
//! - **IOUs.** [`issue_iou`](Pallet::issue_iou) is the borrower's own transaction;
//!   [`submit_iou`](Pallet::submit_iou) carries an IOU the borrower signed off chain over
//!   `(IOU_TAG, genesis, iou)`, naming the line's id and its next nonce, so each counts once
//!   and on that line only. Debt beyond the
//!   limit in force fails with `BeyondLimit`. The lender records repayment made to it
//!   ([`accept_repayment`](Pallet::accept_repayment)).
//! - **Multi-hop payment.** [`pay`](Pallet::pay) moves `amount` from the payer along a route:
//!   at each hop `x → y` it first cancels what `y` owes `x`, then adds the rest to what `x` owes
//!   `y` within `y`'s line to `x`. Every intermediary's position is unchanged. All hops are
//!   checked and applied in one transaction, or none. The runtime API's `find_path` searches a
//!   bounded neighbourhood for a route with enough capacity.
//! - **Netting.** [`net`](Pallet::net) takes debts to reduce; it is accepted only when every
//!   participant is owed exactly as much less as it owes less, so nobody's net position moves
//!   by a single unit, and it reduces each debt.
//! - **Organisations.** Any call acting as grantor, grantee, lender, borrower or payer takes
//!   `as_org`: an admin of that organisation acts for the organisation's account. An admin sets
//!   per-role sub-limits ([`set_role_limit`](Pallet::set_role_limit)); a member opens a line
//!   from the organisation ([`open_org_line`](Pallet::open_org_line)) whose limit is its role's
//!   and which takes no new debt once it leaves. An organisation's own line from an outside
//!   grantor is thus shared: a member pays through `member → organisation → grantor`.
//!
//! ## Calls
//!
//! | call | origin | does | errors | events |
//! |---|---|---|---|---|
//! | [`propose_line`](Pallet::propose_line) | a side | proposes terms | `BadUnit`, `SelfLine`, `BadTerms`, `LineExists`, `ProposalExists` | `LineProposed` |
//! | [`accept_line`](Pallet::accept_line) | the other side | opens the line | `NoProposal`, `TermsMismatch` | `LineOpened` |
//! | [`withdraw_proposal`](Pallet::withdraw_proposal) / [`reject_proposal`](Pallet::reject_proposal) | proposer / other side | drops it | `NoProposal` | `ProposalWithdrawn`, `ProposalRejected` |
//! | [`set_terms`](Pallet::set_terms) | grantor | new terms from now | `NoLine`, `LineRevoked`, `BadTerms`, `OrgManagedLine` | `TermsChanged` |
//! | [`revoke_line`](Pallet::revoke_line) | grantor | no new debt | `NoLine`, `LineRevoked` | `LineRevoked`, `LineClosed` |
//! | [`close_line`](Pallet::close_line) | grantee | drops an unused line | `NoLine`, `DebtOutstanding` | `LineClosed` |
//! | [`issue_iou`](Pallet::issue_iou) | borrower | owes more | `NoLine`, `LineRevoked`, `NotOrgMember`, `BeyondLimit`, `ZeroAmount` | `IouIssued` |
//! | [`submit_iou`](Pallet::submit_iou) | anyone | a signed IOU | as `issue_iou`, and `BadSignature`, `IouForOtherLine`, `IouReplayed`, `IouOutOfOrder` | `IouIssued` |
//! | [`accept_repayment`](Pallet::accept_repayment) | lender | owes less | `NoLine`, `AboveDebt`, `ZeroAmount` | `Repaid`, `LineClosed` |
//! | [`pay`](Pallet::pay) | payer | multi-hop payment | `EmptyRoute`, `RouteRepeats`, `NoCapacity`, `LineRevoked`, `NotOrgMember`, `BeyondLimit`, `ZeroAmount` | `Paid`, `LineClosed` |
//! | [`net`](Pallet::net) | anyone | reduces a cycle of debts | `NothingToNet`, `DuplicateEdge`, `SelfLine`, `NoLine`, `AboveDebt`, `PositionChanged`, `ZeroAmount` | `Netted`, `LineClosed` |
//! | [`set_role_limit`](Pallet::set_role_limit) | organisation admin | a role's sub-limit | `UnknownOrg`, `NotOrgAdmin`, `BadUnit` | `RoleLimitSet` |
//! | [`open_org_line`](Pallet::open_org_line) | member | a line from its organisation | `UnknownOrg`, `NotOrgMember`, `NoRoleLimit`, `LineExists`, `ProposalExists` | `LineOpened` |
//!
//! Every failing call returns its own error and changes nothing.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod invariants;
mod ious;
mod lines;
#[cfg(test)]
mod mock;
mod orgs;
mod payments;
pub mod queries;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

/// What the credit pallet needs to know of organisations (implemented by the runtime over the
/// organisations pallet, so neither pallet reads the other's storage).
pub trait Organisations<AccountId> {
	/// An organisation's id.
	type OrgId: frame_support::Parameter + MaxEncodedLen + Copy + Ord;
	/// The account an organisation holds lines with; `None` when there is no such organisation.
	fn account(org: &Self::OrgId) -> Option<AccountId>;
	/// `who`'s role in `org`, if it is in it.
	fn role(org: &Self::OrgId, who: &AccountId) -> Option<Role>;
	/// An organisation with `admin` as admin and `member` as a member, for benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn create_for_benchmark(admin: &AccountId, member: &AccountId) -> Self::OrgId;
}

use codec::MaxEncodedLen;

/// Keys and signatures for benchmarks: the runtime says how a borrower signs.
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
		let seed = alloc::format!("//credit{index}");
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
const KEY_TYPE: sp_core::crypto::KeyTypeId = sp_core::crypto::KeyTypeId(*b"cred");

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{pallet_prelude::*, traits::fungible};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::{IdentifyAccount, StaticLookup, Verify, Zero};

	/// An account argument: an address wallets may give in any supported form.
	pub type AccountIdLookupOf<T> = <<T as frame_system::Config>::Lookup as StaticLookup>::Source;
	/// COD, in which deposits are held.
	pub type BalanceOf<T> = <<T as Config>::Currency as fungible::Inspect<
		<T as frame_system::Config>::AccountId,
	>>::Balance;
	pub type OrgIdOf<T> = <<T as Config>::Organisations as Organisations<
		<T as frame_system::Config>::AccountId,
	>>::OrgId;
	pub type TermsOf<T> = Terms<BlockNumberFor<T>>;
	pub type LineOf<T> =
		Line<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>, OrgIdOf<T>>;
	pub type ProposalOf<T> = Proposal<BalanceOf<T>, BlockNumberFor<T>>;
	pub type LineViewOf<T> = LineView<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		BlockNumberFor<T>,
		OrgIdOf<T>,
	>;
	pub type ProposalViewOf<T> =
		ProposalView<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
	pub type IouOf<T> = Iou<<T as frame_system::Config>::AccountId>;
	pub type NetEdgeOf<T> = NetEdge<<T as frame_system::Config>::AccountId>;
	/// The accounts a payment passes through after the payer, the payee last.
	pub type RouteOf<T> =
		BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxHops>;
	pub type EdgesOf<T> = BoundedVec<NetEdgeOf<T>, <T as Config>::MaxNetEdges>;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// COD: deposits are held in it.
		type Currency: fungible::Mutate<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;
		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;
		/// What borrowers sign IOUs with; a signer's account is its public key's.
		type Signature: Verify<Signer = Self::Signer> + Parameter + MaxEncodedLen;
		/// The public key behind a signature.
		type Signer: IdentifyAccount<AccountId = Self::AccountId>;
		/// Organisations: their accounts and their members' roles.
		type Organisations: Organisations<Self::AccountId>;
		/// COD held per proposal, and for the line it becomes (a line, its index entry).
		#[pallet::constant]
		type LineDeposit: Get<BalanceOf<Self>>;
		/// COD held per role sub-limit an organisation sets.
		#[pallet::constant]
		type RoleLimitDeposit: Get<BalanceOf<Self>>;
		/// Most accounts a payment passes after the payer (intermediaries and the payee).
		#[pallet::constant]
		type MaxHops: Get<u32>;
		/// Most debts one netting reduces.
		#[pallet::constant]
		type MaxNetEdges: Get<u32>;
		/// Most accounts `find_path` visits: what a node spends on one search.
		#[pallet::constant]
		type MaxPathSearch: Get<u32>;
		/// Weights of the calls, from benchmarks.
		type WeightInfo: WeightInfo;
		/// Keys for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId, Self::Signature>;
	}

	/// Why COD is held.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// Storage deposit of a proposal, a line or a role sub-limit.
		Deposit,
	}

	/// Lines by grantor, grantee and unit.
	// Blake2_128Concat: accounts and units are chosen by users.
	#[pallet::storage]
	pub type Lines<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Blake2_128Concat, Unit>,
		),
		LineOf<T>,
	>;

	/// The id the next line gets.
	#[pallet::storage]
	pub type NextLineId<T> = StorageValue<_, LineId, ValueQuery>;

	/// The same lines by grantee first: a borrower's lines, and the path finder's edges.
	#[pallet::storage]
	pub type LinesByGrantee<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Blake2_128Concat, Unit>,
		),
		(),
	>;

	/// Proposed lines by grantor, grantee and unit, with the side that proposed.
	#[pallet::storage]
	pub type Proposals<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Blake2_128Concat, Unit>,
		),
		(Side, T::AccountId, ProposalOf<T>),
	>;

	/// The same proposals by grantee first, to list what a grantee is offered or asked.
	#[pallet::storage]
	pub type ProposalsByGrantee<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Blake2_128Concat, Unit>,
		),
		(),
	>;

	/// Per organisation, unit and role: the most each member of that role may owe the
	/// organisation, who set it and the deposit held from that admin.
	// Blake2_128Concat: organisation ids come from another pallet; units are chosen by users.
	#[pallet::storage]
	pub type RoleLimits<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, OrgIdOf<T>>,
			NMapKey<Blake2_128Concat, Unit>,
			NMapKey<Blake2_128Concat, Role>,
		),
		(Amount, T::AccountId, BalanceOf<T>),
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `by` proposed a line; the other side may accept it with the same terms.
		LineProposed {
			grantor: T::AccountId,
			grantee: T::AccountId,
			unit: Unit,
			by: Side,
			terms: TermsOf<T>,
		},
		ProposalWithdrawn {
			grantor: T::AccountId,
			grantee: T::AccountId,
			unit: Unit,
		},
		ProposalRejected {
			grantor: T::AccountId,
			grantee: T::AccountId,
			unit: Unit,
		},
		/// A line opened: `grantee` may owe `grantor` up to its limit.
		LineOpened {
			grantor: T::AccountId,
			grantee: T::AccountId,
			unit: Unit,
			terms: TermsOf<T>,
			org: Option<OrgIdOf<T>>,
		},
		/// The grantor set new terms; an increase counts from now.
		TermsChanged {
			grantor: T::AccountId,
			grantee: T::AccountId,
			unit: Unit,
			terms: TermsOf<T>,
		},
		/// The grantor revoked a line: no new debt; `debt` is still owed.
		LineRevoked {
			grantor: T::AccountId,
			grantee: T::AccountId,
			unit: Unit,
			debt: Amount,
		},
		/// A line went, its deposit returned.
		LineClosed {
			grantor: T::AccountId,
			grantee: T::AccountId,
			unit: Unit,
		},
		/// `borrower` owes `lender` `amount` more: `debt` in all. `nonce` is a signed IOU's.
		IouIssued {
			lender: T::AccountId,
			borrower: T::AccountId,
			unit: Unit,
			amount: Amount,
			debt: Amount,
			nonce: Option<u64>,
		},
		/// The lender recorded a repayment: `debt` is what remains.
		Repaid {
			lender: T::AccountId,
			borrower: T::AccountId,
			unit: Unit,
			amount: Amount,
			debt: Amount,
		},
		/// `amount` went from `payer` to the last account of `route`, through the others.
		Paid {
			payer: T::AccountId,
			route: RouteOf<T>,
			unit: Unit,
			amount: Amount,
		},
		/// `by` netted `edges` debts, `total` of credit in all, no position changed.
		Netted {
			by: T::AccountId,
			unit: Unit,
			edges: u32,
			total: Amount,
		},
		/// An organisation's members of `role` may owe it up to `limit` (none: no such lines).
		RoleLimitSet {
			org: OrgIdOf<T>,
			unit: Unit,
			role: Role,
			limit: Option<Amount>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// A unit is 1 to 8 characters `A-Z`, `0-9`, `_`, `-`, padded with zero bytes.
		BadUnit,
		/// A line, a payment hop or a netted debt needs two distinct accounts.
		SelfLine,
		/// Terms with neither a limit nor an increase, or an increase with a zero step or
		/// period, or a cap not above the limit.
		BadTerms,
		/// The line already exists.
		LineExists,
		/// A proposal for this line is already waiting.
		ProposalExists,
		/// No such proposal from the other side (or, to withdraw, from this side).
		NoProposal,
		/// The terms accepted are not the terms proposed.
		TermsMismatch,
		/// No such line.
		NoLine,
		/// The line is revoked: it takes no new debt.
		LineRevoked,
		/// The line's terms follow its organisation's role limits.
		OrgManagedLine,
		/// The debt is not zero.
		DebtOutstanding,
		/// The debt would exceed the limit in force.
		BeyondLimit,
		/// An amount of zero.
		ZeroAmount,
		/// More than the debt.
		AboveDebt,
		/// The IOU's signature is not the borrower's over `(IOU_TAG, genesis, iou)`.
		BadSignature,
		/// The IOU's nonce was used already.
		IouReplayed,
		/// The IOU's nonce is ahead of the line's: an earlier IOU is missing.
		IouOutOfOrder,
		/// The IOU was signed for another line between the same accounts (one since closed).
		IouForOtherLine,
		/// A payment needs a payee.
		EmptyRoute,
		/// An account appears twice on the payer's route.
		RouteRepeats,
		/// A hop has no line in either direction for the unit.
		NoCapacity,
		/// Nothing to net.
		NothingToNet,
		/// A debt appears twice in one netting.
		DuplicateEdge,
		/// The netting would change someone's net position.
		PositionChanged,
		/// A sum overflowed.
		Overflow,
		/// No such organisation.
		UnknownOrg,
		/// Only an admin of the organisation acts for it.
		NotOrgAdmin,
		/// The account is not a member of the organisation.
		NotOrgMember,
		/// The organisation set no sub-limit for this role and unit.
		NoRoleLimit,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxHops::get() >= 1, "a payment needs at least one hop");
			assert!(T::MaxNetEdges::get() >= 2, "a cycle has at least two debts");
			assert!(T::MaxPathSearch::get() >= 2, "a search visits at least two accounts");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Proposes a line between the signer (or `as_org`), on `side`, and `counterparty`, in
		/// `unit`, with `terms`. Holds `LineDeposit` from the signer.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::propose_line())]
		pub fn propose_line(
			origin: OriginFor<T>,
			counterparty: AccountIdLookupOf<T>,
			unit: Unit,
			side: Side,
			terms: TermsOf<T>,
			as_org: Option<OrgIdOf<T>>,
		) -> DispatchResult {
			let (signer, me) = Self::actor(origin, as_org)?;
			let other = T::Lookup::lookup(counterparty)?;
			Self::do_propose(&signer, &me, side, &other, unit, terms)
		}

		/// Accepts the line `counterparty` proposed, the signer (or `as_org`) being on `side`;
		/// `terms` must be the proposal's. The proposer's deposit stays held for the line.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::accept_line())]
		pub fn accept_line(
			origin: OriginFor<T>,
			counterparty: AccountIdLookupOf<T>,
			unit: Unit,
			side: Side,
			terms: TermsOf<T>,
			as_org: Option<OrgIdOf<T>>,
		) -> DispatchResult {
			let (_, me) = Self::actor(origin, as_org)?;
			let other = T::Lookup::lookup(counterparty)?;
			Self::do_accept(&me, side, &other, unit, terms)
		}

		/// Withdraws the signer's (or `as_org`'s) proposal; its deposit is returned.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::drop_proposal())]
		pub fn withdraw_proposal(
			origin: OriginFor<T>,
			counterparty: AccountIdLookupOf<T>,
			unit: Unit,
			side: Side,
			as_org: Option<OrgIdOf<T>>,
		) -> DispatchResult {
			let (_, me) = Self::actor(origin, as_org)?;
			let other = T::Lookup::lookup(counterparty)?;
			Self::do_drop_proposal(&me, side, &other, unit, true)
		}

		/// Rejects a proposal `counterparty` made to the signer (or `as_org`) on `side`; the
		/// proposer's deposit is returned.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::drop_proposal())]
		pub fn reject_proposal(
			origin: OriginFor<T>,
			counterparty: AccountIdLookupOf<T>,
			unit: Unit,
			side: Side,
			as_org: Option<OrgIdOf<T>>,
		) -> DispatchResult {
			let (_, me) = Self::actor(origin, as_org)?;
			let other = T::Lookup::lookup(counterparty)?;
			Self::do_drop_proposal(&me, side, &other, unit, false)
		}

		/// The grantor sets new terms for its line to `grantee`, in force from this block. A
		/// limit below the debt only stops new debt.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_terms())]
		pub fn set_terms(
			origin: OriginFor<T>,
			grantee: AccountIdLookupOf<T>,
			unit: Unit,
			terms: TermsOf<T>,
			as_org: Option<OrgIdOf<T>>,
		) -> DispatchResult {
			let (_, grantor) = Self::actor(origin, as_org)?;
			let grantee = T::Lookup::lookup(grantee)?;
			Self::do_set_terms(&grantor, &grantee, unit, terms)
		}

		/// The grantor revokes its line to `grantee` (the seed's 信用撤销): no new debt; the
		/// grantee repays what it owes; the line goes at once if it owes nothing.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::revoke_line())]
		pub fn revoke_line(
			origin: OriginFor<T>,
			grantee: AccountIdLookupOf<T>,
			unit: Unit,
			as_org: Option<OrgIdOf<T>>,
		) -> DispatchResult {
			let (_, grantor) = Self::actor(origin, as_org)?;
			let grantee = T::Lookup::lookup(grantee)?;
			Self::do_revoke(&grantor, &grantee, unit)
		}

		/// The grantee gives up a line it owes nothing on.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::close_line())]
		pub fn close_line(
			origin: OriginFor<T>,
			grantor: AccountIdLookupOf<T>,
			unit: Unit,
			as_org: Option<OrgIdOf<T>>,
		) -> DispatchResult {
			let (_, grantee) = Self::actor(origin, as_org)?;
			let grantor = T::Lookup::lookup(grantor)?;
			Self::do_close(&grantor, &grantee, unit)
		}

		/// The borrower (the signer or `as_org`) owes `lender` `amount` more on the line
		/// `lender` granted it.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::issue_iou())]
		pub fn issue_iou(
			origin: OriginFor<T>,
			lender: AccountIdLookupOf<T>,
			unit: Unit,
			#[pallet::compact] amount: Amount,
			as_org: Option<OrgIdOf<T>>,
		) -> DispatchResult {
			let (_, borrower) = Self::actor(origin, as_org)?;
			let lender = T::Lookup::lookup(lender)?;
			Self::do_borrow(&lender, &borrower, unit, amount, None)
		}

		/// An IOU the borrower signed off chain, submitted by anyone: `signature` is the
		/// borrower's over `(IOU_TAG, genesis, iou)`; `iou.line` must be the line's id and
		/// `iou.nonce` its next nonce.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::submit_iou())]
		pub fn submit_iou(
			origin: OriginFor<T>,
			iou: IouOf<T>,
			signature: T::Signature,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_submit_iou(iou, signature)
		}

		/// The lender (the signer or `as_org`) records that `borrower` repaid `amount`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::accept_repayment())]
		pub fn accept_repayment(
			origin: OriginFor<T>,
			borrower: AccountIdLookupOf<T>,
			unit: Unit,
			#[pallet::compact] amount: Amount,
			as_org: Option<OrgIdOf<T>>,
		) -> DispatchResult {
			let (_, lender) = Self::actor(origin, as_org)?;
			let borrower = T::Lookup::lookup(borrower)?;
			Self::do_repay(&lender, &borrower, unit, amount)
		}

		/// Pays `amount` of `unit` from the signer (or `as_org`) to the last account of
		/// `route`, through the others in order (credit exchange through intermediaries).
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::pay(route.len() as u32))]
		pub fn pay(
			origin: OriginFor<T>,
			route: RouteOf<T>,
			unit: Unit,
			#[pallet::compact] amount: Amount,
			as_org: Option<OrgIdOf<T>>,
		) -> DispatchResult {
			let (_, payer) = Self::actor(origin, as_org)?;
			Self::do_pay(&payer, route, unit, amount)
		}

		/// Reduces each debt of `edges` by its amount, when that moves nobody's net position
		/// (a cycle of debts, or several).
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::net(edges.len() as u32))]
		pub fn net(origin: OriginFor<T>, unit: Unit, edges: EdgesOf<T>) -> DispatchResult {
			let by = ensure_signed(origin)?;
			Self::do_net(&by, unit, edges)
		}

		/// An admin of `org` sets the most a member of `role` may owe the organisation in
		/// `unit` (`None` removes it). Holds `RoleLimitDeposit` from the admin while set.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::set_role_limit())]
		pub fn set_role_limit(
			origin: OriginFor<T>,
			org: OrgIdOf<T>,
			unit: Unit,
			role: Role,
			limit: Option<Amount>,
		) -> DispatchResult {
			let (admin, _) = Self::actor(origin, Some(org))?;
			Self::do_set_role_limit(&admin, org, unit, role, limit)
		}

		/// A member opens a line from its organisation in `unit`, limited by its role's
		/// sub-limit for as long as it is a member. Holds `LineDeposit` from the member.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::open_org_line())]
		pub fn open_org_line(origin: OriginFor<T>, org: OrgIdOf<T>, unit: Unit) -> DispatchResult {
			let member = ensure_signed(origin)?;
			Self::do_open_org_line(&member, org, unit)
		}
	}

	impl<T: Config> Pallet<T> {
		/// The signer, and whom it acts for: itself, or `as_org`'s account if it is an admin.
		pub(crate) fn actor(
			origin: OriginFor<T>,
			as_org: Option<OrgIdOf<T>>,
		) -> Result<(T::AccountId, T::AccountId), DispatchError> {
			let signer = ensure_signed(origin)?;
			let Some(org) = as_org else { return Ok((signer.clone(), signer)) };
			let account = T::Organisations::account(&org).ok_or(Error::<T>::UnknownOrg)?;
			ensure!(
				T::Organisations::role(&org, &signer) == Some(Role::Admin),
				Error::<T>::NotOrgAdmin
			);
			Ok((signer, account))
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

		/// The chain's genesis hash, which signed IOUs commit to.
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
	}
}
