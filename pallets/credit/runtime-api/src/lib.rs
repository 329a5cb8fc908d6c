//! Runtime API of `pallet-credit`: what wallets show of lines and proposals, and the path
//! finder a client asks before a multi-hop payment.

#![cfg_attr(not(feature = "std"), no_std)]
// `decl_runtime_apis!` repeats the trait's generic bounds on every method it generates.
#![allow(clippy::multiple_bound_locations)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use pallet_credit::types::{Amount, Role, Side, Unit};

sp_api::decl_runtime_apis! {
	/// Queries over credit. `LineView` and `ProposalView` are the runtime's instances of the
	/// pallet's types. Lists are paged by `start_after` (the counterparty and unit of the last
	/// item seen) and `limit` (at most 1000).
	pub trait CreditApi<AccountId: Codec, OrgId: Codec, LineView: Codec, ProposalView: Codec> {
		/// The line `(grantor, grantee, unit)`, with its limit and what is available now.
		fn line(grantor: AccountId, grantee: AccountId, unit: Unit) -> Option<LineView>;
		/// An account's lines on one side: granted by it (`Grantor`) or to it (`Grantee`).
		fn lines_of(who: AccountId, side: Side, start_after: Option<(AccountId, Unit)>, limit: u32) -> Vec<LineView>;
		/// Proposals for lines where an account is on `side`, whoever made them.
		fn proposals_of(who: AccountId, side: Side, start_after: Option<(AccountId, Unit)>, limit: u32) -> Vec<ProposalView>;
		/// The most `from` can pay `to` in one hop.
		fn capacity(from: AccountId, to: AccountId, unit: Unit) -> Amount;
		/// A route for paying `amount` from `from` to `to` (the accounts after `from`, `to`
		/// last), fewest hops first; the search is bounded.
		fn find_path(from: AccountId, to: AccountId, unit: Unit, amount: Amount) -> Option<Vec<AccountId>>;
		/// An organisation's role sub-limits by unit.
		fn role_limits(org: OrgId) -> Vec<(Unit, Role, Amount)>;
	}
}
