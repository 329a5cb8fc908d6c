//! `timecoin_*` JSON-RPC methods: thin wrappers over `TimecoinApi` at the best (or a given) block.

use std::sync::Arc;

use codchain_runtime::{opaque::Block, AccountId};
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use pallet_timecoin_runtime_api::{
	AppointmentInfo, CoinId, CoinInfo, ExerciseRecord, HoldingInfo, IssuerSummary, Seconds,
	TimecoinApi as RuntimeApi,
};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;

use super::{block_at, coins::coin_queries_rpc, runtime_error, Hash};

coin_queries_rpc! {
	namespace: "timecoin",
	api: TimecoinCoinsApi,
	server: TimecoinCoinsApiServer,
	handler: Timecoin,
	runtime_api: RuntimeApi<AccountId>,
	coin: CoinInfo,
	holding: HoldingInfo,
	id: CoinId,
}

#[rpc(client, server)]
pub trait TimecoinApi {
	/// Capacity, outstanding seconds, no-shows, disputes and open appointments of an issuer.
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
	) -> RpcResult<Vec<AppointmentInfo<AccountId>>>;

	/// The last closed appointments of `issuer`, oldest first, and how each ended.
	#[method(name = "timecoin_history")]
	fn history(
		&self,
		issuer: AccountId,
		at: Option<Hash>,
	) -> RpcResult<Vec<ExerciseRecord<AccountId>>>;
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
	fn issuer(&self, issuer: AccountId, at: Option<Hash>) -> RpcResult<IssuerSummary> {
		let at = block_at(&*self.client, at)?;
		self.client.runtime_api().issuer(at, issuer).map_err(runtime_error)
	}

	fn appointments(
		&self,
		issuer: AccountId,
		from: Seconds,
		to: Seconds,
		at: Option<Hash>,
	) -> RpcResult<Vec<AppointmentInfo<AccountId>>> {
		let at = block_at(&*self.client, at)?;
		self.client.runtime_api().appointments(at, issuer, from, to).map_err(runtime_error)
	}

	fn history(
		&self,
		issuer: AccountId,
		at: Option<Hash>,
	) -> RpcResult<Vec<ExerciseRecord<AccountId>>> {
		let at = block_at(&*self.client, at)?;
		self.client.runtime_api().history(at, issuer).map_err(runtime_error)
	}
}
