//! `timecoin_*` JSON-RPC methods: thin wrappers over `TimecoinApi` at the best (or a given) block.

use std::sync::Arc;

use codchain_runtime::{opaque::Block, AccountId};
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use pallet_timecoin_runtime_api::{
	AppointmentDetails, CoinDetails, CoinId, IssuerSummary, Seconds, TimecoinApi as RuntimeApi,
};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;

use super::{runtime_error, Hash, DEFAULT_PAGE};

#[rpc(client, server)]
pub trait TimecoinApi {
	/// Coins held by `holder` (SS58), after `startAfter` (exclusive), at most `limit` (<= 1000).
	#[method(name = "timecoin_coinsOf")]
	fn coins_of(
		&self,
		holder: AccountId,
		start_after: Option<CoinId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Vec<CoinDetails<AccountId>>>;

	/// A live coin by id, or `null` when unknown or spent.
	#[method(name = "timecoin_coin")]
	fn coin(&self, id: CoinId, at: Option<Hash>) -> RpcResult<Option<CoinDetails<AccountId>>>;

	/// Capacity, outstanding seconds, no-shows and open appointments of an issuer.
	#[method(name = "timecoin_issuer")]
	fn issuer(&self, issuer: AccountId, at: Option<Hash>) -> RpcResult<IssuerSummary>;

	/// Open appointments of `issuer` intersecting `[from, to)` (Unix seconds).
	#[method(name = "timecoin_appointments")]
	fn appointments(
		&self,
		issuer: AccountId,
		from: Seconds,
		to: Seconds,
		at: Option<Hash>,
	) -> RpcResult<Vec<AppointmentDetails<AccountId>>>;
}

/// Serves `timecoin_*` from a client's runtime API.
pub struct Timecoin<C> {
	client: Arc<C>,
}

impl<C> Timecoin<C> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

impl<C> TimecoinApiServer for Timecoin<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: RuntimeApi<Block, AccountId>,
{
	fn coins_of(
		&self,
		holder: AccountId,
		start_after: Option<CoinId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Vec<CoinDetails<AccountId>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client
			.runtime_api()
			.coins_of(at, holder, start_after, limit.unwrap_or(DEFAULT_PAGE))
			.map_err(runtime_error)
	}

	fn coin(&self, id: CoinId, at: Option<Hash>) -> RpcResult<Option<CoinDetails<AccountId>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().coin(at, id).map_err(runtime_error)
	}

	fn issuer(&self, issuer: AccountId, at: Option<Hash>) -> RpcResult<IssuerSummary> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().issuer(at, issuer).map_err(runtime_error)
	}

	fn appointments(
		&self,
		issuer: AccountId,
		from: Seconds,
		to: Seconds,
		at: Option<Hash>,
	) -> RpcResult<Vec<AppointmentDetails<AccountId>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().appointments(at, issuer, from, to).map_err(runtime_error)
	}
}
