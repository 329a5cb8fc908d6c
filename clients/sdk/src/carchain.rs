//! CarChain (SPEC §8): every call, the payloads devices and addresses sign, the `CarChainApi`
//! queries, and the node's value store (`carchain_putValue`, `getValue`, `getRange`). The
//! wallet's encryption and address pool are in [`crate::carwallet`].

use codec::Encode;
use serde::Deserialize;
use subxt::{rpcs::rpc_params, transactions::StaticPayload};

use crate::{
	address,
	error::Error,
	runtime::{self, runtime_types::bounded_collections::bounded_vec::BoundedVec},
	AccountId, Client, Keypair, H256,
};

use runtime::car_chain::calls as call;
pub use runtime::runtime_types::pallet_carchain::types::{
	ApprovedRecord, Computation, Contribution, Device, EmissionStatus, Grant, Purchase, Record,
	UsageRequest,
};

pub type CarDevice = Device<AccountId, u128, u32>;
pub type CarRecord = Record<AccountId, u128, u32>;
pub type CarGrant = Grant<AccountId, u128, u32>;
pub type CarPurchase = Purchase<AccountId, u128>;
pub type CarRequest = UsageRequest<AccountId, u128, u32>;
pub type CarContribution = Contribution<AccountId, u128>;
pub type CarComputation = Computation<AccountId, u128>;
pub type Approval = ApprovedRecord<subxt::utils::MultiSignature>;
/// An X25519 public key.
pub type EncryptionKey = [u8; 32];

/// The pallet's domain tags of what keys sign.
pub const SETUP_TAG: &[u8; 16] = b"codchain/car/set";
pub const RESET_TAG: &[u8; 16] = b"codchain/car/rst";
pub const PUT_TAG: &[u8; 16] = b"codchain/car/put";
pub const APPROVE_TAG: &[u8; 16] = b"codchain/car/apv";

fn tx() -> runtime::car_chain::calls::api::TransactionApi {
	runtime::tx().car_chain()
}

/// The hash a record registers for its encrypted value.
pub fn value_hash(value: &[u8]) -> H256 {
	H256::from(sp_crypto_hashing::blake2_256(value))
}

/// The id of record `(address, key)`: `blake2_256(SCALE((address, key)))`.
pub fn record_id(address: &AccountId, key: &[u8]) -> H256 {
	H256::from(sp_crypto_hashing::blake2_256(&(address, key).encode()))
}

// What keys sign, byte for byte what the pallet checks.

/// What a device key signs at setup.
pub fn setup_payload(
	genesis: H256,
	vid: &[u8],
	owner: &AccountId,
	encryption_key: &EncryptionKey,
	agent: &Option<AccountId>,
) -> Vec<u8> {
	(SETUP_TAG, genesis, vid, owner, encryption_key, agent).encode()
}

/// What the current device key signs to authorise a reset.
pub fn reset_payload(
	genesis: H256,
	vid: &[u8],
	generation: u32,
	owner: &AccountId,
	device_key: &AccountId,
	encryption_key: &EncryptionKey,
	agent: &Option<AccountId>,
) -> Vec<u8> {
	(RESET_TAG, genesis, vid, generation, owner, device_key, encryption_key, agent).encode()
}

/// What an address signs to let `submitter` register its record.
pub fn put_payload(
	genesis: H256,
	submitter: &AccountId,
	key: &[u8],
	value_hash: &H256,
	size: u32,
	format: &[u8],
) -> Vec<u8> {
	(PUT_TAG, genesis, submitter, key, value_hash, size, format).encode()
}

/// What a record's address signs to let a device's owner put it into a usage request.
pub fn approve_payload(genesis: H256, request: u32, vid: &[u8], record: &H256) -> Vec<u8> {
	(APPROVE_TAG, genesis, request, vid, record).encode()
}

// Calls.

pub fn setup_device(
	vid: &[u8],
	device: &Keypair,
	encryption_key: EncryptionKey,
	agent: Option<AccountId>,
	genesis: H256,
	owner: &AccountId,
) -> StaticPayload<call::SetupDevice> {
	let proof = device.sign(&setup_payload(genesis, vid, owner, &encryption_key, &agent));
	tx().setup_device(BoundedVec(vid.to_vec()), device.account_id(), encryption_key, agent, proof)
}

/// A reset to `owner` with `new_device`, authorised by `old_device` whose reset count is
/// `generation`.
#[allow(clippy::too_many_arguments)]
pub fn reset_device(
	vid: &[u8],
	old_device: &Keypair,
	generation: u32,
	new_device: &Keypair,
	encryption_key: EncryptionKey,
	agent: Option<AccountId>,
	genesis: H256,
	owner: &AccountId,
) -> StaticPayload<call::ResetDevice> {
	let new_key = new_device.account_id();
	let old_proof = old_device.sign(&reset_payload(
		genesis,
		vid,
		generation,
		owner,
		&new_key,
		&encryption_key,
		&agent,
	));
	let new_proof = new_device.sign(&setup_payload(genesis, vid, owner, &encryption_key, &agent));
	tx().reset_device(
		BoundedVec(vid.to_vec()),
		new_key,
		encryption_key,
		agent,
		old_proof,
		new_proof,
	)
}

pub fn remove_device(vid: &[u8]) -> StaticPayload<call::RemoveDevice> {
	tx().remove_device(BoundedVec(vid.to_vec()))
}

pub fn register_agent() -> StaticPayload<call::RegisterAgent> {
	tx().register_agent()
}

pub fn unregister_agent(agent: &AccountId) -> StaticPayload<call::UnregisterAgent> {
	tx().unregister_agent(address(agent))
}

/// Registers `(address, key)` for `value` (the encrypted bytes); `consent` is the address's
/// signature when someone else submits ([`put_payload`]).
pub fn put_record(
	address_of: &AccountId,
	key: &[u8],
	value: &[u8],
	format: &[u8],
	consent: Option<subxt::utils::MultiSignature>,
) -> StaticPayload<call::PutRecord> {
	let hash = value_hash(value);
	tx().put_record(
		address(address_of),
		BoundedVec(key.to_vec()),
		hash,
		value.len() as u32,
		BoundedVec(format.to_vec()),
		consent,
	)
}

pub fn remove_record(record: H256) -> StaticPayload<call::RemoveRecord> {
	tx().remove_record(record)
}

pub fn offer_purchase(
	record: H256,
	seller: &AccountId,
	price: u128,
	encryption_key: EncryptionKey,
) -> StaticPayload<call::OfferPurchase> {
	tx().offer_purchase(record, address(seller), price, encryption_key)
}

pub fn cancel_purchase(record: H256) -> StaticPayload<call::CancelPurchase> {
	tx().cancel_purchase(record)
}

pub fn grant(
	record: H256,
	grantee: &AccountId,
	wrapped_key: Vec<u8>,
	resell: bool,
	dup: bool,
) -> StaticPayload<call::Grant> {
	tx().grant(record, address(grantee), BoundedVec(wrapped_key), resell, dup)
}

pub fn renounce_grant(record: H256) -> StaticPayload<call::RenounceGrant> {
	tx().renounce_grant(record)
}

pub fn register_provider() -> StaticPayload<call::RegisterProvider> {
	tx().register_provider()
}

pub fn unregister_provider(provider: &AccountId) -> StaticPayload<call::UnregisterProvider> {
	tx().unregister_provider(address(provider))
}

pub fn register_computation(
	code_hash: H256,
	executor: &AccountId,
	executor_key: EncryptionKey,
) -> StaticPayload<call::RegisterComputation> {
	tx().register_computation(code_hash, address(executor), executor_key)
}

pub fn remove_computation(id: u32) -> StaticPayload<call::RemoveComputation> {
	tx().remove_computation(id)
}

pub fn request_usage(
	computation: u32,
	payment: u128,
	min_cohort: u32,
	encryption_key: EncryptionKey,
	deadline: u32,
) -> StaticPayload<call::RequestUsage> {
	tx().request_usage(computation, payment, min_cohort, encryption_key, deadline)
}

pub fn approve_usage(
	request: u32,
	vid: &[u8],
	records: Vec<Approval>,
) -> StaticPayload<call::ApproveUsage> {
	tx().approve_usage(request, BoundedVec(vid.to_vec()), BoundedVec(records))
}

/// The executor's result, encrypted to the requester; its hash is computed here.
pub fn submit_result(request: u32, result: Vec<u8>) -> StaticPayload<call::SubmitResult> {
	let hash = H256::from(sp_crypto_hashing::blake2_256(&result));
	tx().submit_result(request, hash, BoundedVec(result))
}

pub fn cancel_request(request: u32) -> StaticPayload<call::CancelRequest> {
	tx().cancel_request(request)
}

pub fn close_request(request: u32) -> StaticPayload<call::CloseRequest> {
	tx().close_request(request)
}

pub fn claim_agent_reward(epoch: u32) -> StaticPayload<call::ClaimAgentReward> {
	tx().claim_agent_reward(epoch)
}

pub fn buy_data_tokens(amount: u128) -> StaticPayload<call::BuyDataTokens> {
	tx().buy_data_tokens(amount)
}

// Queries, at the best block.

fn api() -> runtime::runtime_apis::car_chain_api::CarChainApi {
	runtime::runtime_apis().car_chain_api()
}

pub async fn device(client: &Client, vid: &[u8]) -> Result<Option<CarDevice>, Error> {
	client.query(api().device(vid.to_vec())).await
}

pub async fn devices_of(
	client: &Client,
	owner: &AccountId,
	start_after: Option<Vec<u8>>,
	limit: u32,
) -> Result<Vec<(Vec<u8>, CarDevice)>, Error> {
	client.query(api().devices_of(*owner, start_after, limit)).await
}

pub async fn record(client: &Client, id: H256) -> Result<Option<CarRecord>, Error> {
	client.query(api().record(id)).await
}

pub async fn grants_of(
	client: &Client,
	record: H256,
	start_after: Option<AccountId>,
	limit: u32,
) -> Result<Vec<(AccountId, CarGrant)>, Error> {
	client.query(api().grants_of(record, start_after, limit)).await
}

pub async fn purchases_of(
	client: &Client,
	record: H256,
	start_after: Option<AccountId>,
	limit: u32,
) -> Result<Vec<(AccountId, CarPurchase)>, Error> {
	client.query(api().purchases_of(record, start_after, limit)).await
}

/// `who`'s grant of `record`, if any.
pub async fn grant_of(
	client: &Client,
	record: H256,
	who: &AccountId,
) -> Result<Option<CarGrant>, Error> {
	let page = grants_of(client, record, None, 1000).await?;
	Ok(page.into_iter().find(|(g, _)| g == who).map(|(_, g)| g))
}

pub async fn computation(client: &Client, id: u32) -> Result<Option<CarComputation>, Error> {
	client.query(api().computation(id)).await
}

pub async fn emission(client: &Client) -> Result<EmissionStatus<u128>, Error> {
	client.query(api().emission()).await
}

pub async fn request(
	client: &Client,
	id: u32,
) -> Result<Option<(CarRequest, Vec<CarContribution>)>, Error> {
	client.query(api().request(id)).await
}

pub async fn approved_keys(client: &Client, request: u32) -> Result<Vec<(H256, Vec<u8>)>, Error> {
	client.query(api().approved_keys(request, None, 1000)).await
}

pub async fn result(client: &Client, id: u32) -> Result<Option<Vec<u8>>, Error> {
	client.query(api().result(id)).await
}

// The node's value store.

/// One record as the value store returns it.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct StoredValue {
	pub key: sp_core::Bytes,
	pub record: H256,
	pub value_hash: H256,
	pub size: u32,
	#[serde(default)]
	pub value: Option<sp_core::Bytes>,
}

/// A page of a range read; `next` is where the next page starts.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct RangePage {
	pub items: Vec<StoredValue>,
	pub next: Option<sp_core::Bytes>,
}

/// Stores the encrypted value of a registered record on the connected node.
pub async fn put_value(
	client: &Client,
	address: &AccountId,
	key: &[u8],
	value: &[u8],
) -> Result<StoredValue, Error> {
	let params = rpc_params![address, sp_core::Bytes(key.to_vec()), sp_core::Bytes(value.to_vec())];
	client.request("carchain_putValue", params).await
}

/// The value of `(address, key)`, fetched by the node from its peers if needed; `None` when no
/// such record is on chain.
pub async fn get_value(
	client: &Client,
	address: &AccountId,
	key: &[u8],
) -> Result<Option<StoredValue>, Error> {
	client.request("carchain_getValue", rpc_params![address, sp_core::Bytes(key.to_vec())]).await
}

/// `address`'s records from `start` to `end` (inclusive), at most `limit`.
pub async fn get_range(
	client: &Client,
	address: &AccountId,
	start: Option<&[u8]>,
	end: Option<&[u8]>,
	limit: u32,
	with_values: bool,
) -> Result<RangePage, Error> {
	let bytes = |k: Option<&[u8]>| k.map(|k| sp_core::Bytes(k.to_vec()));
	let params = rpc_params![address, bytes(start), bytes(end), limit, with_values];
	client.request("carchain_getRange", params).await
}
