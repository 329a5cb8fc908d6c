//! Runtime API of `pallet-orgs`: organisations, members, join requests and the cod registry.

#![cfg_attr(not(feature = "std"), no_std)]
// `decl_runtime_apis!` repeats the trait's generic bounds on every method it generates.
#![allow(clippy::multiple_bound_locations)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use pallet_orgs::types::{node_id, node_payload, NodeKey, OrgId, Role, NODE_TAG};
use sp_core::H256;

sp_api::decl_runtime_apis! {
	/// Queries over organisations. `Org`, `Membership`, `JoinRequest` and `Node` are the
	/// runtime's instances of the pallet's types. Lists are paged by `start_after` and `limit`
	/// (at most 1000).
	pub trait OrgsApi<AccountId: Codec, Org: Codec, Membership: Codec, JoinRequest: Codec, Node: Codec> {
		fn org(id: OrgId) -> Option<Org>;
		fn orgs(start_after: Option<OrgId>, limit: u32) -> Vec<(OrgId, Org)>;
		fn members(org: OrgId, start_after: Option<AccountId>, limit: u32) -> Vec<(AccountId, Membership)>;
		/// The organisations an account is in, with its role in each.
		fn orgs_of(who: AccountId, start_after: Option<OrgId>, limit: u32) -> Vec<(OrgId, Role)>;
		fn requests(org: OrgId, start_after: Option<AccountId>, limit: u32) -> Vec<(AccountId, JoinRequest)>;
		/// Nodes registered under a cod.
		fn nodes(cod: OrgId, start_after: Option<NodeKey>, limit: u32) -> Vec<Node>;
		/// A registered node by its id.
		fn node(id: H256) -> Option<Node>;
		/// The id a node with `key` has under `cod`: `blake2_256(SCALE((cod, key)))`.
		fn node_id(cod: OrgId, key: NodeKey) -> H256;
		/// The bytes a node key signs to register under `cod` for `operator`.
		fn node_payload(cod: OrgId, operator: AccountId) -> Vec<u8>;
	}
}
