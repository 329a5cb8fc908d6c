//! Runtime API of `pallet-timecoin`. The node's `timecoin_*` JSON-RPC methods are thin wrappers
//! over it.

#![cfg_attr(not(feature = "std"), no_std)]
// `decl_runtime_apis!` repeats the trait's generic bounds on every method it generates.
#![allow(clippy::multiple_bound_locations)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use pallet_timecoin::types::{AppointmentDetails, CoinDetails, CoinId, IssuerSummary, Seconds};

sp_api::decl_runtime_apis! {
	/// Queries over the timecoin ledger.
	pub trait TimecoinApi<AccountId: Codec> {
		/// Coins held by `holder`, after `start_after` (exclusive), at most `limit` (capped at
		/// 1000). Pass the last id of a page as `start_after` to get the next page.
		fn coins_of(holder: AccountId, start_after: Option<CoinId>, limit: u32) -> Vec<CoinDetails<AccountId>>;
		/// A live coin by id; `None` if unknown or spent.
		fn coin(id: CoinId) -> Option<CoinDetails<AccountId>>;
		/// Capacity, outstanding seconds, no-shows and open appointments of an issuer.
		fn issuer(issuer: AccountId) -> IssuerSummary;
		/// Open appointments of `issuer` intersecting `[from, to)` (Unix seconds).
		fn appointments(issuer: AccountId, from: Seconds, to: Seconds) -> Vec<AppointmentDetails<AccountId>>;
	}
}
