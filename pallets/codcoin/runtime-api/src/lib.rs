//! Runtime API of `pallet-codcoin`. The node's `codcoin_*` JSON-RPC methods are thin wrappers
//! over it.

#![cfg_attr(not(feature = "std"), no_std)]
// `decl_runtime_apis!` repeats the trait's generic bounds on every method it generates.
#![allow(clippy::multiple_bound_locations)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use pallet_codcoin::types::{ClaimDetails, CoinDetails, CoinId, IssuerSummary, Units};

sp_api::decl_runtime_apis! {
	/// Queries over the codcoin ledger.
	pub trait CodcoinApi<AccountId: Codec, BlockNumber: Codec> {
		/// Coins held by `holder` (of every issuer), after `start_after` (exclusive), at most
		/// `limit` (capped at 1000). Pass the last id of a page as `start_after` for the next.
		fn coins_of(holder: AccountId, start_after: Option<CoinId>, limit: u32) -> Vec<CoinDetails<AccountId>>;
		/// A live coin by id; `None` if unknown or spent.
		fn coin(id: CoinId) -> Option<CoinDetails<AccountId>>;
		/// Units of `issuer`'s coin that `holder` holds.
		fn balance(holder: AccountId, issuer: AccountId) -> Units;
		/// Supply, collateral cap, shortfall and escrow of an issuer.
		fn issuer(issuer: AccountId) -> IssuerSummary;
		/// Every collateral claim of an issuer, live or not.
		fn claims(issuer: AccountId) -> Vec<ClaimDetails<AccountId, BlockNumber>>;
	}
}
