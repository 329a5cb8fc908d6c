//! MiMei content objects (Leither, SPEC §9.4): every call of `pallet-mimei` and the `MiMeiApi`
//! queries, at the best block or at any block a node keeps the state of.

use codec::Encode;
use subxt::transactions::StaticPayload;

use crate::{error::Error, runtime, AccountId, Client, H256};

use runtime::mi_mei::calls as call;
pub use runtime::runtime_types::pallet_mimei::types::{Access, Object, Pointer, Selector, Version};

pub type ObjectId = H256;
pub type VersionNo = u32;
pub type MiMeiObject = Object<AccountId, u128, u32, u32, u64>;
pub type MiMeiVersion = Version<AccountId, u128, u32>;
const PAGE: u32 = 100;

fn tx() -> runtime::mi_mei::calls::api::TransactionApi {
	runtime::tx().mi_mei()
}

fn api() -> runtime::runtime_apis::mi_mei_api::MiMeiApi {
	runtime::runtime_apis().mi_mei_api()
}

/// The id of `(author, app_type, ext, mark)`: `blake2_256` of their SCALE encoding.
pub fn object_id(author: &AccountId, app_type: &[u8], ext: &[u8], mark: &[u8]) -> ObjectId {
	H256::from(sp_crypto_hashing::blake2_256(&(author, app_type, ext, mark).encode()))
}

/// The digest a version records for `content`.
pub fn digest(content: &[u8]) -> H256 {
	H256::from(sp_crypto_hashing::blake2_256(content))
}

/// Access by name: `owner`, `public` or `org:<id>`.
pub fn access(s: &str) -> Result<Access<u32>, Error> {
	match s {
		"owner" => Ok(Access::Owner),
		"public" => Ok(Access::Public),
		other => other
			.strip_prefix("org:")
			.and_then(|n| n.parse().ok())
			.map(Access::Org)
			.ok_or_else(|| Error::Input(format!("{other:?}: owner, public or org:<id>"))),
	}
}

/// A version or pointer by name: a number, `cur`, `last` or `release`.
pub fn selector(s: &str) -> Result<Selector, Error> {
	Ok(match s {
		"cur" => Selector::Pointer(Pointer::Cur),
		"last" => Selector::Pointer(Pointer::Last),
		"release" => Selector::Pointer(Pointer::Release),
		n => Selector::Number(
			n.parse()
				.map_err(|_| Error::Input(format!("{n:?}: a number, cur, last or release")))?,
		),
	})
}

// Calls.

pub fn create(
	app_type: &[u8],
	ext: &[u8],
	mark: &[u8],
	read: Access<u32>,
	write: Access<u32>,
	require_upkeep: bool,
) -> StaticPayload<call::Create> {
	tx().create(app_type.to_vec(), ext.to_vec(), mark.to_vec(), read, write, require_upkeep)
}

pub fn add_version(id: ObjectId, digest: H256, size: u64) -> StaticPayload<call::AddVersion> {
	tx().add_version(id, digest, size)
}

pub fn set_pointer(
	id: ObjectId,
	pointer: Pointer,
	version: VersionNo,
) -> StaticPayload<call::SetPointer> {
	tx().set_pointer(id, pointer, version)
}

pub fn release(
	id: ObjectId,
	version: Option<VersionNo>,
	contract: Option<u64>,
) -> StaticPayload<call::Release> {
	tx().release(id, version, contract)
}

pub fn set_access(
	id: ObjectId,
	read: Access<u32>,
	write: Access<u32>,
	require_upkeep: bool,
) -> StaticPayload<call::SetAccess> {
	tx().set_access(id, read, write, require_upkeep)
}

pub fn add_ref(from: ObjectId, to: ObjectId) -> StaticPayload<call::AddRef> {
	tx().add_ref(from, to)
}

pub fn remove_ref(from: ObjectId, to: ObjectId) -> StaticPayload<call::RemoveRef> {
	tx().remove_ref(from, to)
}

pub fn remove_version(id: ObjectId, version: VersionNo) -> StaticPayload<call::RemoveVersion> {
	tx().remove_version(id, version)
}

pub fn remove_object(id: ObjectId) -> StaticPayload<call::RemoveObject> {
	tx().remove_object(id)
}

// Queries: at the best block, or at `at` (a block hash) when given.

async fn query<P: subxt::runtime_apis::Payload>(
	client: &Client,
	at: Option<H256>,
	payload: P,
) -> Result<P::ReturnType, Error> {
	match at {
		None => client.query(payload).await,
		Some(hash) => client.query_at(hash, payload).await,
	}
}

/// An object, and whether its release's upkeep contract is live.
pub async fn object(
	client: &Client,
	id: ObjectId,
	at: Option<H256>,
) -> Result<Option<(MiMeiObject, bool)>, Error> {
	query(client, at, api().object(id)).await
}

/// The version a number or pointer names.
pub async fn resolve(
	client: &Client,
	id: ObjectId,
	selector: Selector,
	at: Option<H256>,
) -> Result<Option<(VersionNo, MiMeiVersion)>, Error> {
	query(client, at, api().resolve(id, selector)).await
}

pub async fn versions(
	client: &Client,
	id: ObjectId,
	at: Option<H256>,
) -> Result<Vec<(VersionNo, MiMeiVersion)>, Error> {
	let mut all: Vec<(VersionNo, MiMeiVersion)> = Vec::new();
	loop {
		let page = query(client, at, api().versions(id, all.last().map(|(n, _)| *n), PAGE)).await?;
		let more = page.len() as u32 == PAGE;
		all.extend(page);
		if !more {
			return Ok(all);
		}
	}
}

pub async fn refs_from(client: &Client, id: ObjectId) -> Result<Vec<ObjectId>, Error> {
	client.query(api().refs_from(id, None, 1000)).await
}

pub async fn refs_to(client: &Client, id: ObjectId) -> Result<Vec<ObjectId>, Error> {
	client.query(api().refs_to(id, None, 1000)).await
}
