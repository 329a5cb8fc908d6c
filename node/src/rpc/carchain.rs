//! `carchain_*` JSON-RPC methods: thin wrappers over `CarChainApi` at the best (or a given)
//! block, and the node's value store (`putValue`, `getValue`, `getRange`), which keeps values
//! off chain and fetches missing ones from peers.

use std::{
	collections::HashMap,
	sync::{Arc, Mutex},
	time::{Duration, Instant},
};

use codchain_runtime::{
	opaque::Block, AccountId, Balance, CarComputation, CarContribution, CarDevice, CarGrant,
	CarPurchase, CarRecord, CarRequest,
};
use jsonrpsee::{
	core::{async_trait, RpcResult},
	proc_macros::rpc,
	types::{ErrorObject, ErrorObjectOwned},
	ConnectionId, Extensions,
};
use pallet_carchain_runtime_api::{
	CarChainApi as RuntimeApi, ComputationId, EmissionStatus, EpochIndex, RecordId, RequestId,
};
use serde::{Deserialize, Serialize};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::{Bytes, H256};

use super::{runtime_error, Hash, DEFAULT_PAGE};
use crate::carchain::{network::Fetcher, store::ValueStore};

/// The runtime API with the runtime's types, as the node uses it.
pub trait CarApi:
	RuntimeApi<
	Block,
	AccountId,
	Balance,
	CarDevice,
	CarRecord,
	CarGrant,
	CarPurchase,
	CarComputation,
	CarRequest,
	CarContribution,
>
{
}
impl<T> CarApi for T where
	T: RuntimeApi<
		Block,
		AccountId,
		Balance,
		CarDevice,
		CarRecord,
		CarGrant,
		CarPurchase,
		CarComputation,
		CarRequest,
		CarContribution,
	>
{
}

/// Most items one `getRange` page returns.
pub const MAX_RANGE_PAGE: u32 = 100;
/// Most value bytes one `getRange` page carries; a page stops early rather than exceed it.
pub const MAX_RANGE_BYTES: usize = 16 << 20;
/// Longest record key (the runtime's `MaxKeyLen`).
const MAX_KEY_LEN: usize = 128;

/// Error codes of the value store (JSON-RPC server errors are -32000..-32099).
pub mod codes {
	pub const UNKNOWN_RECORD: i32 = -32010;
	pub const HASH_MISMATCH: i32 = -32011;
	pub const OVERSIZE: i32 = -32012;
	pub const MALFORMED_KEY: i32 = -32013;
	pub const RATE_LIMITED: i32 = -32014;
	pub const VALUE_UNAVAILABLE: i32 = -32015;
	pub const STORE: i32 = -32016;
}

fn error(code: i32, message: impl Into<String>) -> ErrorObjectOwned {
	ErrorObject::owned(code, message.into(), None::<()>)
}

/// What the value store's methods return for one record.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ValueItem {
	pub key: Bytes,
	pub record: RecordId,
	pub value_hash: H256,
	pub size: u32,
	/// The encrypted value; absent when not asked for.
	#[serde(skip_serializing_if = "Option::is_none", default)]
	pub value: Option<Bytes>,
}

/// One page of a range read; `next` is the key to start the next page at.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct RangePage {
	pub items: Vec<ValueItem>,
	pub next: Option<Bytes>,
}

/// Limits of the value store a node operator sets.
#[derive(Clone, Copy, Debug)]
pub struct StoreLimits {
	/// Largest value the node keeps, in bytes.
	pub max_value_size: u32,
	/// Puts one RPC connection may make per second.
	pub puts_per_second: u32,
}

#[rpc(client, server)]
pub trait CarChainApi {
	/// A device by vid (hex bytes), or `null`.
	#[method(name = "carchain_device")]
	fn device(&self, vid: Bytes, at: Option<Hash>) -> RpcResult<Option<CarDevice>>;

	/// An owner's devices `[vid, device]` after vid `startAfter`, at most `limit` (<= 1000).
	#[method(name = "carchain_devicesOf")]
	fn devices_of(
		&self,
		owner: AccountId,
		start_after: Option<Bytes>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Vec<(Bytes, CarDevice)>>;

	/// A record by id, or `null`.
	#[method(name = "carchain_record")]
	fn record(&self, id: RecordId, at: Option<Hash>) -> RpcResult<Option<CarRecord>>;

	/// The id of the record `(address, key)`.
	#[method(name = "carchain_recordId")]
	fn record_id(&self, address: AccountId, key: Bytes) -> RpcResult<RecordId>;

	/// A record's grants `[grantee, grant]`.
	#[method(name = "carchain_grantsOf")]
	fn grants_of(
		&self,
		record: RecordId,
		start_after: Option<AccountId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Vec<(AccountId, CarGrant)>>;

	/// A record's standing purchase offers `[buyer, offer]`.
	#[method(name = "carchain_purchasesOf")]
	fn purchases_of(
		&self,
		record: RecordId,
		start_after: Option<AccountId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Vec<(AccountId, CarPurchase)>>;

	/// Whether an account is a registered agent.
	#[method(name = "carchain_isAgent")]
	fn is_agent(&self, who: AccountId, at: Option<Hash>) -> RpcResult<bool>;

	/// A registered provider's `[deposit, computations]`, or `null`.
	#[method(name = "carchain_provider")]
	fn provider(&self, who: AccountId, at: Option<Hash>) -> RpcResult<Option<(Balance, u32)>>;

	#[method(name = "carchain_computation")]
	fn computation(&self, id: ComputationId, at: Option<Hash>)
		-> RpcResult<Option<CarComputation>>;

	/// A usage request and its cohort `[request, contributions]`, or `null`.
	#[method(name = "carchain_request")]
	fn usage_request(
		&self,
		id: RequestId,
		at: Option<Hash>,
	) -> RpcResult<Option<(CarRequest, Vec<CarContribution>)>>;

	/// A request's approved records and their value keys wrapped for the executor.
	#[method(name = "carchain_approvedKeys")]
	fn approved_keys(
		&self,
		request: RequestId,
		start_after: Option<RecordId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Vec<(RecordId, Bytes)>>;

	/// A done request's result, encrypted to the requester, or `null`.
	#[method(name = "carchain_result")]
	fn result(&self, id: RequestId, at: Option<Hash>) -> RpcResult<Option<Bytes>>;

	/// The data token's emission: minted per phase, caps, rates, the agent epoch.
	#[method(name = "carchain_emission")]
	fn emission(&self, at: Option<Hash>) -> RpcResult<EmissionStatus<Balance>>;

	/// `[records, amount]` an agent may claim for an epoch.
	#[method(name = "carchain_agentShare")]
	fn agent_share(
		&self,
		epoch: EpochIndex,
		agent: AccountId,
		at: Option<Hash>,
	) -> RpcResult<(u32, Balance)>;

	/// COD that buying `amount` data tokens costs.
	#[method(name = "carchain_saleCost")]
	fn sale_cost(&self, amount: Balance, at: Option<Hash>) -> RpcResult<Option<Balance>>;

	/// Stores the encrypted value of the registered record `(address, key)`. Accepted only
	/// when the record is on chain at the best block, `blake2_256(value)` is its hash, and
	/// the value is no larger than its registered size and the node's limit. Returns the
	/// record as stored.
	#[method(name = "carchain_putValue", with_extensions)]
	async fn put_value(&self, address: AccountId, key: Bytes, value: Bytes)
		-> RpcResult<ValueItem>;

	/// The value of record `(address, key)`, fetched from peers if this node lacks it;
	/// `null` when no such record is on chain.
	#[method(name = "carchain_getValue")]
	async fn get_value(&self, address: AccountId, key: Bytes) -> RpcResult<Option<ValueItem>>;

	/// `address`'s records in key order from `start` to `end` (both inclusive, hex bytes),
	/// at most `limit` (<= 100), with their values when `withValues`.
	#[method(name = "carchain_getRange")]
	async fn get_range(
		&self,
		address: AccountId,
		start: Option<Bytes>,
		end: Option<Bytes>,
		limit: Option<u32>,
		with_values: Option<bool>,
	) -> RpcResult<RangePage>;
}

/// The store side of the RPC: the database, the peers, the limits.
#[derive(Clone)]
pub struct StoreDeps {
	pub store: Arc<ValueStore>,
	pub fetcher: Fetcher,
	pub limits: StoreLimits,
}

/// Serves `carchain_*`.
pub struct CarChain<C> {
	client: Arc<C>,
	store: StoreDeps,
	puts: PutLimiter,
}

impl<C> CarChain<C> {
	pub fn new(client: Arc<C>, store: StoreDeps) -> Self {
		let puts = PutLimiter::new(store.limits.puts_per_second);
		Self { client, store, puts }
	}
}

impl<C: HeaderBackend<Block>> CarChain<C> {
	fn at(&self, at: Option<Hash>) -> RpcResult<Hash> {
		super::block_at(&*self.client, at)
	}
}

fn page(limit: Option<u32>) -> u32 {
	limit.unwrap_or(DEFAULT_PAGE)
}

fn check_key(key: &[u8]) -> RpcResult<()> {
	if key.is_empty() || key.len() > MAX_KEY_LEN {
		return Err(error(
			codes::MALFORMED_KEY,
			format!("a record key is 1 to {MAX_KEY_LEN} bytes, this one {}", key.len()),
		));
	}
	Ok(())
}

fn store_error(e: impl std::fmt::Display) -> ErrorObjectOwned {
	error(codes::STORE, format!("value store: {e}"))
}

impl<C> CarChain<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: CarApi,
{
	/// The record `(address, key)` at the best block.
	fn chain_record(
		&self,
		address: &AccountId,
		key: &[u8],
	) -> RpcResult<Option<(RecordId, CarRecord)>> {
		let at = self.client.info().best_hash;
		let api = self.client.runtime_api();
		let id = api.record_id(at, address.clone(), key.to_vec()).map_err(runtime_error)?;
		Ok(api.record(at, id).map_err(runtime_error)?.map(|r| (id, r)))
	}

	/// The value with `hash`: from the store, else from peers (then kept).
	async fn value(&self, hash: &H256) -> RpcResult<Vec<u8>> {
		if let Some(v) = self.store.store.value(hash).map_err(store_error)? {
			return Ok(v);
		}
		match self.store.fetcher.fetch(hash).await {
			Some(v) => {
				if v.len() <= self.store.limits.max_value_size as usize {
					self.store.store.put_value(hash, v.clone()).map_err(store_error)?;
				}
				Ok(v)
			},
			None => Err(error(
				codes::VALUE_UNAVAILABLE,
				format!("no connected peer has the value {hash:?}"),
			)),
		}
	}
}

#[async_trait]
impl<C> CarChainApiServer for CarChain<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: CarApi,
{
	fn device(&self, vid: Bytes, at: Option<Hash>) -> RpcResult<Option<CarDevice>> {
		self.client.runtime_api().device(self.at(at)?, vid.0).map_err(runtime_error)
	}

	fn devices_of(
		&self,
		owner: AccountId,
		start_after: Option<Bytes>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Vec<(Bytes, CarDevice)>> {
		let list = self
			.client
			.runtime_api()
			.devices_of(self.at(at)?, owner, start_after.map(|b| b.0), page(limit))
			.map_err(runtime_error)?;
		Ok(list.into_iter().map(|(vid, d)| (Bytes(vid), d)).collect())
	}

	fn record(&self, id: RecordId, at: Option<Hash>) -> RpcResult<Option<CarRecord>> {
		self.client.runtime_api().record(self.at(at)?, id).map_err(runtime_error)
	}

	fn record_id(&self, address: AccountId, key: Bytes) -> RpcResult<RecordId> {
		let at = self.client.info().best_hash;
		self.client.runtime_api().record_id(at, address, key.0).map_err(runtime_error)
	}

	fn grants_of(
		&self,
		record: RecordId,
		start_after: Option<AccountId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Vec<(AccountId, CarGrant)>> {
		self.client
			.runtime_api()
			.grants_of(self.at(at)?, record, start_after, page(limit))
			.map_err(runtime_error)
	}

	fn purchases_of(
		&self,
		record: RecordId,
		start_after: Option<AccountId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Vec<(AccountId, CarPurchase)>> {
		self.client
			.runtime_api()
			.purchases_of(self.at(at)?, record, start_after, page(limit))
			.map_err(runtime_error)
	}

	fn is_agent(&self, who: AccountId, at: Option<Hash>) -> RpcResult<bool> {
		self.client.runtime_api().is_agent(self.at(at)?, who).map_err(runtime_error)
	}

	fn provider(&self, who: AccountId, at: Option<Hash>) -> RpcResult<Option<(Balance, u32)>> {
		self.client.runtime_api().provider(self.at(at)?, who).map_err(runtime_error)
	}

	fn computation(
		&self,
		id: ComputationId,
		at: Option<Hash>,
	) -> RpcResult<Option<CarComputation>> {
		self.client.runtime_api().computation(self.at(at)?, id).map_err(runtime_error)
	}

	fn usage_request(
		&self,
		id: RequestId,
		at: Option<Hash>,
	) -> RpcResult<Option<(CarRequest, Vec<CarContribution>)>> {
		self.client.runtime_api().request(self.at(at)?, id).map_err(runtime_error)
	}

	fn approved_keys(
		&self,
		request: RequestId,
		start_after: Option<RecordId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Vec<(RecordId, Bytes)>> {
		let keys = self
			.client
			.runtime_api()
			.approved_keys(self.at(at)?, request, start_after, page(limit))
			.map_err(runtime_error)?;
		Ok(keys.into_iter().map(|(r, k)| (r, Bytes(k))).collect())
	}

	fn result(&self, id: RequestId, at: Option<Hash>) -> RpcResult<Option<Bytes>> {
		let r = self.client.runtime_api().result(self.at(at)?, id).map_err(runtime_error)?;
		Ok(r.map(Bytes))
	}

	fn emission(&self, at: Option<Hash>) -> RpcResult<EmissionStatus<Balance>> {
		self.client.runtime_api().emission(self.at(at)?).map_err(runtime_error)
	}

	fn agent_share(
		&self,
		epoch: EpochIndex,
		agent: AccountId,
		at: Option<Hash>,
	) -> RpcResult<(u32, Balance)> {
		self.client.runtime_api().agent_share(self.at(at)?, epoch, agent).map_err(runtime_error)
	}

	fn sale_cost(&self, amount: Balance, at: Option<Hash>) -> RpcResult<Option<Balance>> {
		self.client.runtime_api().sale_cost(self.at(at)?, amount).map_err(runtime_error)
	}

	async fn put_value(
		&self,
		ext: &Extensions,
		address: AccountId,
		key: Bytes,
		value: Bytes,
	) -> RpcResult<ValueItem> {
		let connection = ext.get::<ConnectionId>().map(|c| c.0).unwrap_or(usize::MAX);
		self.puts.admit(connection)?;
		check_key(&key)?;
		let limit = self.store.limits.max_value_size;
		if value.len() > limit as usize {
			return Err(error(
				codes::OVERSIZE,
				format!("{} bytes is above this node's limit of {limit}", value.len()),
			));
		}
		let Some((id, record)) = self.chain_record(&address, &key)? else {
			return Err(error(
				codes::UNKNOWN_RECORD,
				"no such record on chain: register it (carChain.putRecord) first",
			));
		};
		if value.len() > record.size as usize {
			return Err(error(
				codes::OVERSIZE,
				format!("{} bytes is above the record's registered {}", value.len(), record.size),
			));
		}
		let hash = H256(sp_crypto_hashing::blake2_256(&value));
		if hash != record.value_hash {
			return Err(error(
				codes::HASH_MISMATCH,
				format!("the value hashes to {hash:?}, the record names {:?}", record.value_hash),
			));
		}
		let store = &self.store.store;
		let entry =
			crate::carchain::store::Entry { record: id, value_hash: hash, size: record.size };
		// Indexed now, so a range read sees it before the block is final (the indexer
		// writes the same entry again then, which changes nothing).
		store.index(&address.clone().into(), &key, &entry).map_err(store_error)?;
		store.put_value(&hash, value.0).map_err(store_error)?;
		Ok(ValueItem { key, record: id, value_hash: hash, size: record.size, value: None })
	}

	async fn get_value(&self, address: AccountId, key: Bytes) -> RpcResult<Option<ValueItem>> {
		check_key(&key)?;
		let indexed = self.store.store.entry(&address.clone().into(), &key).map_err(store_error)?;
		let entry = match indexed {
			Some(e) => e,
			// Not final yet, or indexed before this node's state: the chain decides.
			None => match self.chain_record(&address, &key)? {
				Some((record, r)) => {
					crate::carchain::store::Entry { record, value_hash: r.value_hash, size: r.size }
				},
				None => return Ok(None),
			},
		};
		let value = self.value(&entry.value_hash).await?;
		Ok(Some(ValueItem {
			key,
			record: entry.record,
			value_hash: entry.value_hash,
			size: entry.size,
			value: Some(Bytes(value)),
		}))
	}

	async fn get_range(
		&self,
		address: AccountId,
		start: Option<Bytes>,
		end: Option<Bytes>,
		limit: Option<u32>,
		with_values: Option<bool>,
	) -> RpcResult<RangePage> {
		for k in [&start, &end].into_iter().flatten() {
			check_key(k)?;
		}
		let limit = limit.unwrap_or(MAX_RANGE_PAGE).clamp(1, MAX_RANGE_PAGE) as usize;
		// One more than the page, to know where the next page starts.
		let mut items = self
			.store
			.store
			.range(
				&address.into(),
				start.as_ref().map(|b| &b.0[..]),
				end.as_ref().map(|b| &b.0[..]),
				limit + 1,
			)
			.map_err(store_error)?;
		let mut next = (items.len() > limit).then(|| Bytes(items[limit].key.clone()));
		items.truncate(limit);
		let mut page = Vec::with_capacity(items.len());
		let mut bytes = 0usize;
		for item in items {
			let value = if with_values.unwrap_or(false) {
				let v = self.value(&item.entry.value_hash).await?;
				if bytes + v.len() > MAX_RANGE_BYTES && !page.is_empty() {
					next = Some(Bytes(item.key));
					break;
				}
				bytes += v.len();
				Some(Bytes(v))
			} else {
				None
			};
			page.push(ValueItem {
				key: Bytes(item.key),
				record: item.entry.record,
				value_hash: item.entry.value_hash,
				size: item.entry.size,
				value,
			});
		}
		Ok(RangePage { items: page, next })
	}
}

/// Bounds the puts of each RPC connection to `per_second` in any one-second window, so one
/// client cannot flood the store; others are served meanwhile.
struct PutLimiter {
	per_second: u32,
	windows: Mutex<HashMap<usize, (Instant, u32)>>,
}

impl PutLimiter {
	fn new(per_second: u32) -> Self {
		Self { per_second, windows: Mutex::new(HashMap::new()) }
	}

	fn admit(&self, connection: usize) -> RpcResult<()> {
		let now = Instant::now();
		let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
		// Forget connections idle for a while so the map stays small.
		if windows.len() > 4096 {
			windows.retain(|_, (start, _)| now.duration_since(*start) < Duration::from_secs(10));
		}
		let (start, count) = windows.entry(connection).or_insert((now, 0));
		if now.duration_since(*start) >= Duration::from_secs(1) {
			*start = now;
			*count = 0;
		}
		if *count >= self.per_second {
			return Err(error(
				codes::RATE_LIMITED,
				format!(
					"more than {} puts in one second on this connection: slow down",
					self.per_second
				),
			));
		}
		*count += 1;
		Ok(())
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_connection_gets_its_bound_of_puts_per_second_and_others_are_not_affected() {
		let limiter = PutLimiter::new(3);
		for _ in 0..3 {
			assert!(limiter.admit(1).is_ok());
		}
		let err = limiter.admit(1).unwrap_err();
		assert_eq!(err.code(), codes::RATE_LIMITED);
		assert!(limiter.admit(2).is_ok());
	}

	#[test]
	fn keys_are_one_to_128_bytes() {
		assert_eq!(check_key(b"").unwrap_err().code(), codes::MALFORMED_KEY);
		assert!(check_key(&[1; 128]).is_ok());
		assert_eq!(check_key(&[1; 129]).unwrap_err().code(), codes::MALFORMED_KEY);
	}
}
