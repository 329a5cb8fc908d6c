//! Organisations and the cod registry (Leither, SPEC §9.2, §9.3): every call of `pallet-orgs`,
//! a node's id and the bytes its key signs to register, and the `OrgsApi` queries.

use codec::Encode;
use subxt::transactions::StaticPayload;

use crate::{address, error::Error, runtime, AccountId, Client, H256};

use runtime::orgs::calls as call;
pub use runtime::runtime_types::pallet_orgs::types::{
	CodKeys, JoinRequest, Membership, Node, Org, Role,
};

pub type OrgId = u32;
pub type NodeKey = [u8; 32];
pub type OrgRecord = Org<AccountId, u128, u32>;
pub type Member = Membership<u128, u32>;
pub type Request = JoinRequest<u128, u32>;
pub type CodNode = Node<AccountId, u128, u32>;

/// The pallet's domain tag of what a node key signs.
pub const NODE_TAG: &[u8; 16] = b"codchain/cod/nod";
const PAGE: u32 = 100;

fn tx() -> runtime::orgs::calls::api::TransactionApi {
	runtime::tx().orgs()
}

fn api() -> runtime::runtime_apis::orgs_api::OrgsApi {
	runtime::runtime_apis().orgs_api()
}

/// A node's id under `cod`: `blake2_256(SCALE((cod, key)))`.
pub fn node_id(cod: OrgId, key: &NodeKey) -> H256 {
	H256::from(sp_crypto_hashing::blake2_256(&(cod, key).encode()))
}

/// What a node key signs to register under `cod` for `operator`.
pub fn node_payload(genesis: H256, cod: OrgId, operator: &AccountId) -> Vec<u8> {
	(NODE_TAG, genesis, cod, operator).encode()
}

/// A role by name: `admin`, `member` or `guest`.
pub fn role(name: &str) -> Result<Role, Error> {
	match name {
		"admin" => Ok(Role::Admin),
		"member" => Ok(Role::Member),
		"guest" => Ok(Role::Guest),
		other => Err(Error::Input(format!("{other:?} is not a role: admin, member or guest"))),
	}
}

// Calls.

pub fn create(name: &[u8], info: &[u8], join_deposit: u128) -> StaticPayload<call::Create> {
	tx().create(name.to_vec(), info.to_vec(), join_deposit)
}

pub fn set_info(
	org: OrgId,
	name: &[u8],
	info: &[u8],
	join_deposit: u128,
) -> StaticPayload<call::SetInfo> {
	tx().set_info(org, name.to_vec(), info.to_vec(), join_deposit)
}

pub fn request_join(org: OrgId, role: Role) -> StaticPayload<call::RequestJoin> {
	tx().request_join(org, role)
}

pub fn cancel_join(org: OrgId) -> StaticPayload<call::CancelJoin> {
	tx().cancel_join(org)
}

pub fn approve_join(org: OrgId, who: &AccountId) -> StaticPayload<call::ApproveJoin> {
	tx().approve_join(org, address(who))
}

pub fn reject_join(org: OrgId, who: &AccountId) -> StaticPayload<call::RejectJoin> {
	tx().reject_join(org, address(who))
}

pub fn set_role(org: OrgId, who: &AccountId, role: Role) -> StaticPayload<call::SetRole> {
	tx().set_role(org, address(who), role)
}

pub fn leave(org: OrgId) -> StaticPayload<call::Leave> {
	tx().leave(org)
}

pub fn remove_member(org: OrgId, who: &AccountId) -> StaticPayload<call::RemoveMember> {
	tx().remove_member(org, address(who))
}

pub fn dissolve(org: OrgId) -> StaticPayload<call::Dissolve> {
	tx().dissolve(org)
}

pub fn set_rewards(org: OrgId, account: Option<AccountId>) -> StaticPayload<call::SetRewards> {
	tx().set_rewards(org, account)
}

pub fn set_cod_keys(
	org: OrgId,
	keys: Option<(AccountId, AccountId)>,
) -> StaticPayload<call::SetCodKeys> {
	tx().set_cod_keys(org, keys.map(|(modeller, deployer)| CodKeys { modeller, deployer }))
}

pub fn register_node(
	cod: OrgId,
	key: NodeKey,
	proof: [u8; 64],
) -> StaticPayload<call::RegisterNode> {
	tx().register_node(cod, key, proof)
}

pub fn deregister_node(cod: OrgId, key: NodeKey) -> StaticPayload<call::DeregisterNode> {
	tx().deregister_node(cod, key)
}

// Queries, at the best block.

pub async fn org(client: &Client, id: OrgId) -> Result<Option<OrgRecord>, Error> {
	client.query(api().org(id)).await
}

pub async fn members(client: &Client, org: OrgId) -> Result<Vec<(AccountId, Member)>, Error> {
	let mut all: Vec<(AccountId, Member)> = Vec::new();
	loop {
		let page = client.query(api().members(org, all.last().map(|(a, _)| *a), PAGE)).await?;
		let more = page.len() as u32 == PAGE;
		all.extend(page);
		if !more {
			return Ok(all);
		}
	}
}

pub async fn orgs_of(client: &Client, who: &AccountId) -> Result<Vec<(OrgId, Role)>, Error> {
	let mut all: Vec<(OrgId, Role)> = Vec::new();
	loop {
		let page = client.query(api().orgs_of(*who, all.last().map(|(o, _)| *o), PAGE)).await?;
		let more = page.len() as u32 == PAGE;
		all.extend(page);
		if !more {
			return Ok(all);
		}
	}
}

pub async fn requests(client: &Client, org: OrgId) -> Result<Vec<(AccountId, Request)>, Error> {
	let mut all: Vec<(AccountId, Request)> = Vec::new();
	loop {
		let page = client.query(api().requests(org, all.last().map(|(a, _)| *a), PAGE)).await?;
		let more = page.len() as u32 == PAGE;
		all.extend(page);
		if !more {
			return Ok(all);
		}
	}
}

pub async fn nodes(client: &Client, cod: OrgId) -> Result<Vec<CodNode>, Error> {
	let mut all: Vec<CodNode> = Vec::new();
	loop {
		let page = client.query(api().nodes(cod, all.last().map(|n| n.key), PAGE)).await?;
		let more = page.len() as u32 == PAGE;
		all.extend(page);
		if !more {
			return Ok(all);
		}
	}
}

pub async fn node(client: &Client, id: H256) -> Result<Option<CodNode>, Error> {
	client.query(api().node(id)).await
}
