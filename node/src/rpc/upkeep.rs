//! `upkeep_*` JSON-RPC methods: thin wrappers over `UpkeepApi` at the best (or a given) block.

use std::sync::Arc;

use codchain_runtime::{opaque::Block, AccountId, Balance, BlockNumber};
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use pallet_upkeep_runtime_api::{
	ContractId, ContractInfo, LeaderInfo, PaymentRecord, PaymentSeq, ProviderInfo,
	UpkeepApi as RuntimeApi, Window,
};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;

use super::{runtime_error, Hash, DEFAULT_PAGE};

type Contract = ContractInfo<AccountId, Balance, BlockNumber>;
type Payment = PaymentRecord<AccountId, Balance, BlockNumber>;

#[rpc(client, server)]
pub trait UpkeepApi {
	/// A contract with its terms, members (and a pending change), escrow and deposit, or
	/// `null`.
	#[method(name = "upkeep_contract")]
	fn contract(&self, id: ContractId, at: Option<Hash>) -> RpcResult<Option<Contract>>;

	/// An owner's contracts after contract `startAfter`, at most `limit` (<= 1000).
	#[method(name = "upkeep_contractsOf")]
	fn contracts_of(
		&self,
		owner: AccountId,
		start_after: Option<ContractId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Vec<Contract>>;

	/// Every provider of a contract: where its payments stand, its last payment, its declared
	/// maintenance windows.
	#[method(name = "upkeep_providers")]
	fn providers(
		&self,
		id: ContractId,
		at: Option<Hash>,
	) -> RpcResult<Vec<ProviderInfo<AccountId, BlockNumber>>>;

	/// Who may pay `provider` at block `block` (default: the block after `at`), until which
	/// block, and who would count as failed; `null` before the period has elapsed.
	#[method(name = "upkeep_leader")]
	fn leader(
		&self,
		id: ContractId,
		provider: AccountId,
		block: Option<BlockNumber>,
		at: Option<Hash>,
	) -> RpcResult<Option<LeaderInfo<AccountId, BlockNumber>>>;

	/// Every keeper's window for `provider`'s next payment, in leader order.
	#[method(name = "upkeep_windows")]
	fn windows(
		&self,
		id: ContractId,
		provider: AccountId,
		at: Option<Hash>,
	) -> RpcResult<Vec<Window<AccountId, BlockNumber>>>;

	/// Kept payments of a contract, oldest first, after payment `startAfter`, at most `limit`
	/// (<= 1000).
	#[method(name = "upkeep_payments")]
	fn payments(
		&self,
		id: ContractId,
		start_after: Option<PaymentSeq>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Vec<Payment>>;
}

/// Serves `upkeep_*` from a client's runtime API.
pub struct Upkeep<C> {
	client: Arc<C>,
}

impl<C> Upkeep<C> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

impl<C: HeaderBackend<Block>> Upkeep<C> {
	/// The block a query reads: the one asked for, else the best.
	fn at(&self, at: Option<Hash>) -> RpcResult<Hash> {
		super::block_at(&*self.client, at)
	}
}

impl<C> UpkeepApiServer for Upkeep<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: RuntimeApi<Block, AccountId, Balance, BlockNumber>,
{
	fn contract(&self, id: ContractId, at: Option<Hash>) -> RpcResult<Option<Contract>> {
		let at = self.at(at)?;
		self.client.runtime_api().contract(at, id).map_err(runtime_error)
	}

	fn contracts_of(
		&self,
		owner: AccountId,
		start_after: Option<ContractId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Vec<Contract>> {
		let at = self.at(at)?;
		let limit = limit.unwrap_or(DEFAULT_PAGE);
		self.client.runtime_api().contracts_of(at, owner, start_after, limit).map_err(runtime_error)
	}

	fn providers(
		&self,
		id: ContractId,
		at: Option<Hash>,
	) -> RpcResult<Vec<ProviderInfo<AccountId, BlockNumber>>> {
		let at = self.at(at)?;
		self.client.runtime_api().providers(at, id).map_err(runtime_error)
	}

	fn leader(
		&self,
		id: ContractId,
		provider: AccountId,
		block: Option<BlockNumber>,
		at: Option<Hash>,
	) -> RpcResult<Option<LeaderInfo<AccountId, BlockNumber>>> {
		let at = self.at(at)?;
		self.client.runtime_api().leader(at, id, provider, block).map_err(runtime_error)
	}

	fn windows(
		&self,
		id: ContractId,
		provider: AccountId,
		at: Option<Hash>,
	) -> RpcResult<Vec<Window<AccountId, BlockNumber>>> {
		let at = self.at(at)?;
		self.client.runtime_api().windows(at, id, provider).map_err(runtime_error)
	}

	fn payments(
		&self,
		id: ContractId,
		start_after: Option<PaymentSeq>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Vec<Payment>> {
		let at = self.at(at)?;
		let limit = limit.unwrap_or(DEFAULT_PAGE);
		self.client.runtime_api().payments(at, id, start_after, limit).map_err(runtime_error)
	}
}
