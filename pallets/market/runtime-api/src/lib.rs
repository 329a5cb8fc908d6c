//! Runtime API of `pallet-market`. The node's `market_*` JSON-RPC methods are thin wrappers
//! over it.

#![cfg_attr(not(feature = "std"), no_std)]
// `decl_runtime_apis!` repeats the trait's generic bounds on every method it generates.
#![allow(clippy::multiple_bound_locations)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use pallet_market::types::{AccountStats, OfferId, OfferInfo, Resource, TradeId, TradeInfo};

sp_api::decl_runtime_apis! {
	/// Queries over the trade market.
	///
	/// Version 2: `trades` is paged; `stats` counts disputes; offers carry their full amount.
	#[api_version(2)]
	pub trait MarketApi<AccountId: Codec, AssetId: Codec, Balance: Codec, BlockNumber: Codec> {
		/// Open offers paying `pay` for `receive`, after offer `start_after`, at most `limit`
		/// (capped at 500), each with the shortfall of the coins involved.
		fn offers(pay: Resource<AssetId>, receive: Resource<AssetId>, start_after: Option<OfferId>, limit: u32) -> Vec<OfferInfo<AccountId, AssetId, Balance, BlockNumber>>;
		/// An open offer by id.
		fn offer(id: OfferId) -> Option<OfferInfo<AccountId, AssetId, Balance, BlockNumber>>;
		/// Pending trades of an account (as offerer or acceptor), in id order, after trade
		/// `start_after` (which need not be pending any more), at most `limit` (capped at 500).
		fn trades(who: AccountId, start_after: Option<TradeId>, limit: u32) -> Vec<TradeInfo<AccountId, AssetId, BlockNumber>>;
		/// Open offers, settled trades, defaults and disputes of an account.
		fn stats(who: AccountId) -> AccountStats;
		/// Open offers in which `issuer` buys back a coin it issues; empty if it keeps none.
		fn buy_back_offers(issuer: AccountId) -> Vec<OfferId>;
		/// Resources an account registered as held or offered.
		fn registered(who: AccountId) -> Vec<Resource<AssetId>>;
	}
}
