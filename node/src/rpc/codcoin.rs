//! `codcoin_*` JSON-RPC methods: thin wrappers over `CodcoinApi` at the best (or a given) block.

use std::sync::Arc;

use codchain_runtime::{opaque::Block, AccountId, BlockNumber};
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use pallet_codcoin_runtime_api::{
	ClaimInfo, CodcoinApi as RuntimeApi, CoinId, CoinInfo, HoldingInfo, IssuerSummary,
};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;

use super::{block_at, coins::coin_queries_rpc, runtime_error, Hash};

coin_queries_rpc! {
	namespace: "codcoin",
	api: CodcoinCoinsApi,
	server: CodcoinCoinsApiServer,
	handler: Codcoin,
	runtime_api: RuntimeApi<AccountId, BlockNumber>,
	coin: CoinInfo,
	holding: HoldingInfo,
	id: CoinId,
}

#[rpc(client, server)]
pub trait CodcoinApi {
	/// Units of `issuer`'s coin held by `holder`, as a decimal string.
	#[method(name = "codcoin_balance")]
	fn balance(&self, holder: AccountId, issuer: AccountId, at: Option<Hash>) -> RpcResult<String>;

	/// Supply, collateral cap, shortfall and escrow of an issuer.
	#[method(name = "codcoin_issuer")]
	fn issuer(&self, issuer: AccountId, at: Option<Hash>) -> RpcResult<IssuerSummary>;

	/// Every collateral claim of an issuer.
	#[method(name = "codcoin_claims")]
	fn claims(
		&self,
		issuer: AccountId,
		at: Option<Hash>,
	) -> RpcResult<Vec<ClaimInfo<AccountId, BlockNumber>>>;
}

/// Serves `codcoin_*` from a client's runtime API.
pub struct Codcoin<C> {
	client: Arc<C>,
}

impl<C> Codcoin<C> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

impl<C> CodcoinApiServer for Codcoin<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: RuntimeApi<Block, AccountId, BlockNumber>,
{
	fn balance(&self, holder: AccountId, issuer: AccountId, at: Option<Hash>) -> RpcResult<String> {
		let at = block_at(&*self.client, at)?;
		let units = self.client.runtime_api().balance(at, holder, issuer).map_err(runtime_error)?;
		Ok(units.to_string())
	}

	fn issuer(&self, issuer: AccountId, at: Option<Hash>) -> RpcResult<IssuerSummary> {
		let at = block_at(&*self.client, at)?;
		self.client.runtime_api().issuer(at, issuer).map_err(runtime_error)
	}

	fn claims(
		&self,
		issuer: AccountId,
		at: Option<Hash>,
	) -> RpcResult<Vec<ClaimInfo<AccountId, BlockNumber>>> {
		let at = block_at(&*self.client, at)?;
		self.client.runtime_api().claims(at, issuer).map_err(runtime_error)
	}
}
