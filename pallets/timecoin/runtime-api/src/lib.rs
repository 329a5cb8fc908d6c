//! Runtime API of `pallet-timecoin`. The node's `timecoin_*` JSON-RPC methods are thin wrappers
//! over it.

#![cfg_attr(not(feature = "std"), no_std)]
// `decl_runtime_apis!` repeats the trait's generic bounds on every method it generates.
#![allow(clippy::multiple_bound_locations)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use pallet_timecoin::types::{
	AppointmentInfo, CoinId, CoinInfo, ExerciseRecord, HoldingInfo, IssuerSummary, Seconds,
};

sp_api::decl_runtime_apis! {
	/// Queries over the timecoin ledger.
	///
	/// Version 2: `history`, `coins_of_issuer`, `holdings`; `coins_of` pages by (issuer, id);
	/// the issuer summary counts disputes.
	/// Version 3: `coins_of_issuer` pages by (holder, id), the order of the ledger's one coin
	/// index (a null cursor works with every version).
	#[api_version(3)]
	pub trait TimecoinApi<AccountId: Codec> {
		/// Coins held by `holder`, ordered by issuer then id, after `start_after` = (issuer, id)
		/// of the last coin of the previous page (it may be spent since), at most `limit`
		/// (capped at 1000).
		fn coins_of(holder: AccountId, start_after: Option<(AccountId, CoinId)>, limit: u32) -> Vec<CoinInfo<AccountId>>;
		/// Live coins of `issuer`, ordered by holder then id, after `start_after` = (holder,
		/// id) of the last coin of the previous page (it may be spent since), at most `limit`
		/// (capped at 1000).
		fn coins_of_issuer(issuer: AccountId, start_after: Option<(AccountId, CoinId)>, limit: u32) -> Vec<CoinInfo<AccountId>>;
		/// What `holder` holds of each issuer's coin, after issuer `start_after`, at most
		/// `limit` (capped at 1000).
		fn holdings(holder: AccountId, start_after: Option<AccountId>, limit: u32) -> Vec<HoldingInfo<AccountId>>;
		/// A live coin by id; `None` if unknown or spent.
		fn coin(id: CoinId) -> Option<CoinInfo<AccountId>>;
		/// Capacity, outstanding seconds, no-shows and open appointments of an issuer.
		fn issuer(issuer: AccountId) -> IssuerSummary;
		/// Open appointments of `issuer` intersecting `[from, to)` (Unix seconds).
		fn appointments(issuer: AccountId, from: Seconds, to: Seconds) -> Vec<AppointmentInfo<AccountId>>;
		/// The last closed appointments of an issuer (at most `MaxHistory`, oldest first) and
		/// how each ended.
		fn history(issuer: AccountId) -> Vec<ExerciseRecord<AccountId>>;
	}
}
