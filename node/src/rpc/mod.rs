//! JSON-RPC methods beyond the ones `sc-service` installs (system, chain, state, author, ...):
//! account nonce, fee queries, BABE, GRANDPA, and the query methods of Codchain's pallets
//! (timecoin, codcoin, market, upkeep, joint tokens, CarChain and its value store).

pub mod carchain;
pub mod codcoin;
mod coins;
pub mod jointtoken;
pub mod market;
pub mod timecoin;
pub mod upkeep;

use std::sync::Arc;

use codchain_runtime::{
	opaque::Block, AccountId, Balance, BlockNumber, JtDistribution, JtItem, JtRules, MarketAsset,
	Nonce,
};
use jsonrpsee::RpcModule;
use sc_consensus_babe::BabeWorkerHandle;
use sc_consensus_grandpa::{
	FinalityProofProvider, GrandpaJustificationStream, SharedAuthoritySet, SharedVoterState,
};
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};
use sp_consensus::SelectChain;
use sp_keystore::KeystorePtr;

pub use sc_rpc::SubscriptionTaskExecutor;

type Hash = <Block as sp_runtime::traits::Block>::Hash;

/// A page of a paged query holds this many items unless the caller asks for fewer.
const DEFAULT_PAGE: u32 = 100;

/// Error codes of the pallets' query methods (JSON-RPC 2.0 leaves -32000..-32099 to servers;
/// CarChain's value store uses -32010..-32016, `carchain::codes`). Each has one fixed message;
/// the `data` field carries the detail.
pub mod codes {
	/// The runtime API call failed (e.g. the block's state was pruned); `data` is the reason.
	pub const RUNTIME: i32 = -32000;
	/// A dry run the runtime refused; `data` names the dispatch error.
	pub const REFUSED: i32 = -32001;
	/// `at` names a block this node does not know; `data` is the hash.
	pub const UNKNOWN_BLOCK: i32 = -32002;
}

fn runtime_error(e: impl std::fmt::Display) -> jsonrpsee::types::ErrorObjectOwned {
	jsonrpsee::types::ErrorObject::owned(
		codes::RUNTIME,
		"runtime API call failed",
		Some(e.to_string()),
	)
}

/// The block a query reads: `at` when this node has it, else the best block. An unknown hash
/// is the caller's mistake and gets its own code rather than a runtime failure.
fn block_at<C: HeaderBackend<Block>>(
	client: &C,
	at: Option<Hash>,
) -> jsonrpsee::core::RpcResult<Hash> {
	let Some(hash) = at else { return Ok(client.info().best_hash) };
	match client.header(hash) {
		Ok(Some(_)) => Ok(hash),
		_ => Err(jsonrpsee::types::ErrorObject::owned(
			codes::UNKNOWN_BLOCK,
			"unknown block",
			Some(hash),
		)),
	}
}

/// What the BABE methods need.
pub struct BabeDeps {
	/// Answers `babe_epochAuthorship` from the epoch data the BABE worker keeps.
	pub babe_worker_handle: BabeWorkerHandle<Block>,
	/// Keys of this node, to tell which slots it may author.
	pub keystore: KeystorePtr,
}

/// What the GRANDPA methods need.
pub struct GrandpaDeps<B> {
	pub shared_voter_state: SharedVoterState,
	pub shared_authority_set:
		SharedAuthoritySet<codchain_runtime::Hash, codchain_runtime::BlockNumber>,
	pub justification_stream: GrandpaJustificationStream<Block>,
	pub subscription_executor: SubscriptionTaskExecutor,
	pub finality_provider: Arc<FinalityProofProvider<B, Block>>,
}

/// Everything the full node's RPC needs.
pub struct FullDeps<C, P, SC, B> {
	pub client: Arc<C>,
	pub pool: Arc<P>,
	pub select_chain: SC,
	pub babe: BabeDeps,
	pub grandpa: GrandpaDeps<B>,
	/// CarChain's value store and the peers it fetches from.
	pub carchain: carchain::StoreDeps,
}

/// Builds the RPC module of a full node.
pub fn create_full<C, P, SC, B>(
	deps: FullDeps<C, P, SC, B>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ HeaderMetadata<Block, Error = BlockChainError>
		+ Send
		+ Sync
		+ 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>
		+ pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>
		+ sp_consensus_babe::BabeApi<Block>
		+ pallet_timecoin_runtime_api::TimecoinApi<Block, AccountId>
		+ pallet_codcoin_runtime_api::CodcoinApi<Block, AccountId, BlockNumber>
		+ pallet_market_runtime_api::MarketApi<Block, AccountId, MarketAsset, Balance, BlockNumber>
		+ pallet_upkeep_runtime_api::UpkeepApi<Block, AccountId, Balance, BlockNumber>
		+ pallet_jointtoken_runtime_api::JointTokenApi<
			Block,
			AccountId,
			Balance,
			BlockNumber,
			JtRules,
			JtItem,
			JtDistribution,
		> + carchain::CarApi
		+ BlockBuilder<Block>,
	P: TransactionPool + 'static,
	SC: SelectChain<Block> + 'static,
	B: sc_client_api::Backend<Block> + Send + Sync + 'static,
	B::State: sc_client_api::StateBackend<sp_runtime::traits::HashingFor<Block>>,
{
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use sc_consensus_babe_rpc::{Babe, BabeApiServer};
	use sc_consensus_grandpa_rpc::{Grandpa, GrandpaApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let mut module = RpcModule::new(());
	let FullDeps { client, pool, select_chain, babe, grandpa, carchain: car } = deps;

	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	module.merge(timecoin::TimecoinApiServer::into_rpc(timecoin::Timecoin::new(client.clone())))?;
	module.merge(timecoin::TimecoinCoinsApiServer::into_rpc(timecoin::Timecoin::new(
		client.clone(),
	)))?;
	module.merge(codcoin::CodcoinApiServer::into_rpc(codcoin::Codcoin::new(client.clone())))?;
	module
		.merge(codcoin::CodcoinCoinsApiServer::into_rpc(codcoin::Codcoin::new(client.clone())))?;
	module.merge(market::MarketApiServer::into_rpc(market::Market::new(client.clone())))?;
	module.merge(upkeep::UpkeepApiServer::into_rpc(upkeep::Upkeep::new(client.clone())))?;
	module.merge(jointtoken::JointTokenApiServer::into_rpc(jointtoken::JointToken::new(
		client.clone(),
	)))?;
	module.merge(carchain::CarChainApiServer::into_rpc(carchain::CarChain::new(
		client.clone(),
		car,
	)))?;
	module.merge(
		Babe::new(client, babe.babe_worker_handle, babe.keystore, select_chain).into_rpc(),
	)?;
	module.merge(
		Grandpa::new(
			grandpa.subscription_executor,
			grandpa.shared_authority_set,
			grandpa.shared_voter_state,
			grandpa.justification_stream,
			grandpa.finality_provider,
		)
		.into_rpc(),
	)?;

	Ok(module)
}
