//! `codcoin_*` JSON-RPC methods: thin wrappers over `CodcoinApi` at the best (or a given) block.

use std::sync::Arc;

use codchain_runtime::{opaque::Block, AccountId, BlockNumber};
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use pallet_codcoin_runtime_api::{
	ClaimDetails, CodcoinApi as RuntimeApi, CoinDetails, CoinId, IssuerSummary,
};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;

use super::{runtime_error, Hash, DEFAULT_PAGE};

#[rpc(client, server)]
pub trait CodcoinApi {
	/// Coins held by `holder` (SS58) of every issuer, after `startAfter` (exclusive), at most
	/// `limit` (<= 1000). Amounts are decimal strings.
	#[method(name = "codcoin_coinsOf")]
	fn coins_of(
		&self,
		holder: AccountId,
		start_after: Option<CoinId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Vec<CoinDetails<AccountId>>>;

	/// A live coin by id, or `null` when unknown or spent.
	#[method(name = "codcoin_coin")]
	fn coin(&self, id: CoinId, at: Option<Hash>) -> RpcResult<Option<CoinDetails<AccountId>>>;

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
	) -> RpcResult<Vec<ClaimDetails<AccountId, BlockNumber>>>;
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

	fn balance(&self, holder: AccountId, issuer: AccountId, at: Option<Hash>) -> RpcResult<String> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let units = self.client.runtime_api().balance(at, holder, issuer).map_err(runtime_error)?;
		Ok(units.to_string())
	}

	fn issuer(&self, issuer: AccountId, at: Option<Hash>) -> RpcResult<IssuerSummary> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().issuer(at, issuer).map_err(runtime_error)
	}

	fn claims(
		&self,
		issuer: AccountId,
		at: Option<Hash>,
	) -> RpcResult<Vec<ClaimDetails<AccountId, BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().claims(at, issuer).map_err(runtime_error)
	}
}
