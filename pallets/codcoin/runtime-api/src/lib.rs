//! Runtime API of `pallet-codcoin`. The node's `codcoin_*` JSON-RPC methods are thin wrappers
//! over it.

#![cfg_attr(not(feature = "std"), no_std)]
// `decl_runtime_apis!` repeats the trait's generic bounds on every method it generates.
#![allow(clippy::multiple_bound_locations)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use pallet_codcoin::types::{ClaimInfo, CoinId, CoinInfo, HoldingInfo, IssuerSummary, Units};

sp_api::decl_runtime_apis! {
	/// Queries over the codcoin ledger.
	///
	/// Version 2: `coins_of_issuer`, `holdings`; `coins_of` pages by (issuer, id); `balance`
	/// and the issuer's escrow are stored, not summed.
	/// Version 3: `coins_of_issuer` pages by (holder, id), the order of the ledger's one coin
	/// index (a null cursor works with every version).
	#[api_version(3)]
	pub trait CodcoinApi<AccountId: Codec, BlockNumber: Codec> {
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
		/// Units of `issuer`'s coin that `holder` holds.
		fn balance(holder: AccountId, issuer: AccountId) -> Units;
		/// Supply, collateral cap, shortfall and escrow of an issuer.
		fn issuer(issuer: AccountId) -> IssuerSummary;
		/// Every collateral claim of an issuer, live or not.
		fn claims(issuer: AccountId) -> Vec<ClaimInfo<AccountId, BlockNumber>>;
	}
}
