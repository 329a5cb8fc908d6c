//! `market_*` JSON-RPC methods: thin wrappers over `MarketApi` at the best (or a given) block.

use std::sync::Arc;

use codchain_runtime::{opaque::Block, AccountId, Balance, BlockNumber, MarketAsset};
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use pallet_market_runtime_api::{
	AccountStats, MarketApi as RuntimeApi, OfferId, OfferInfo, Resource, TradeId, TradeInfo,
};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;

use super::{block_at, runtime_error, Hash, DEFAULT_PAGE};

type Offer = OfferInfo<AccountId, MarketAsset, Balance, BlockNumber>;
type Trade = TradeInfo<AccountId, MarketAsset, BlockNumber>;

#[rpc(client, server)]
pub trait MarketApi {
	/// Open offers paying `pay` for `receive`, after offer `startAfter`, at most `limit`
	/// (<= 500). A resource is `{"onChain": "cod"}`, `{"onChain": {"codcoin": "<SS58>"}}` or
	/// `{"offChain": {"kind": "fiat", "unit": [67, 78, 89]}}` (the unit's bytes, here "CNY").
	#[method(name = "market_offers")]
	fn offers(
		&self,
		pay: Resource<MarketAsset>,
		receive: Resource<MarketAsset>,
		start_after: Option<OfferId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Vec<Offer>>;

	/// An open offer by id, or `null`.
	#[method(name = "market_offer")]
	fn offer(&self, id: OfferId, at: Option<Hash>) -> RpcResult<Option<Offer>>;

	/// Pending trades of an account, in id order, after trade `startAfter` (which need not be
	/// pending any more), at most `limit` (<= 500).
	#[method(name = "market_trades")]
	fn trades(
		&self,
		who: AccountId,
		start_after: Option<TradeId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Vec<Trade>>;

	/// Open offers, settled trades, defaults and disputes of an account.
	#[method(name = "market_stats")]
	fn stats(&self, who: AccountId, at: Option<Hash>) -> RpcResult<AccountStats>;

	/// Open offers in which `issuer` buys back its own coin.
	#[method(name = "market_buyBackOffers")]
	fn buy_back_offers(&self, issuer: AccountId, at: Option<Hash>) -> RpcResult<Vec<OfferId>>;

	/// Resources an account registered.
	#[method(name = "market_registered")]
	fn registered(&self, who: AccountId, at: Option<Hash>)
		-> RpcResult<Vec<Resource<MarketAsset>>>;
}

/// Serves `market_*` from a client's runtime API.
pub struct Market<C> {
	client: Arc<C>,
}

impl<C> Market<C> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

impl<C> MarketApiServer for Market<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: RuntimeApi<Block, AccountId, MarketAsset, Balance, BlockNumber>,
{
	fn offers(
		&self,
		pay: Resource<MarketAsset>,
		receive: Resource<MarketAsset>,
		start_after: Option<OfferId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Vec<Offer>> {
		let at = block_at(&*self.client, at)?;
		let limit = limit.unwrap_or(DEFAULT_PAGE);
		self.client
			.runtime_api()
			.offers(at, pay, receive, start_after, limit)
			.map_err(runtime_error)
	}

	fn offer(&self, id: OfferId, at: Option<Hash>) -> RpcResult<Option<Offer>> {
		let at = block_at(&*self.client, at)?;
		self.client.runtime_api().offer(at, id).map_err(runtime_error)
	}

	fn trades(
		&self,
		who: AccountId,
		start_after: Option<TradeId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Vec<Trade>> {
		let at = block_at(&*self.client, at)?;
		let limit = limit.unwrap_or(DEFAULT_PAGE);
		self.client.runtime_api().trades(at, who, start_after, limit).map_err(runtime_error)
	}

	fn stats(&self, who: AccountId, at: Option<Hash>) -> RpcResult<AccountStats> {
		let at = block_at(&*self.client, at)?;
		self.client.runtime_api().stats(at, who).map_err(runtime_error)
	}

	fn buy_back_offers(&self, issuer: AccountId, at: Option<Hash>) -> RpcResult<Vec<OfferId>> {
		let at = block_at(&*self.client, at)?;
		self.client.runtime_api().buy_back_offers(at, issuer).map_err(runtime_error)
	}

	fn registered(
		&self,
		who: AccountId,
		at: Option<Hash>,
	) -> RpcResult<Vec<Resource<MarketAsset>>> {
		let at = block_at(&*self.client, at)?;
		self.client.runtime_api().registered(at, who).map_err(runtime_error)
	}
}
