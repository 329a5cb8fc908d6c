//! Organisations, their members and join requests, and the cod registry (SPEC §9.2, §9.3;
//! seed 002 "组织", seed 000 "cod部署").

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	pallet_prelude::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
#[cfg(feature = "std")]
use serde::{Deserialize, Serialize};
use sp_core::H256;

/// An organisation, by number.
pub type OrgId = u32;
/// A node's public network key (ed25519, the node's libp2p identity).
pub type NodeKey = [u8; 32];
/// A node's signature (ed25519).
pub type NodeSignature = [u8; 64];

/// Domain tag of what a node key signs to register under a cod.
pub const NODE_TAG: &[u8; 16] = b"codchain/cod/nod";

/// A node's id in a cod: `blake2_256(SCALE((cod, node key)))`, so one key registered in two
/// cods has two ids (seed 000: "同一套rsa密钥对导入不同cod的node，产生的node id不同").
pub fn node_id(cod: OrgId, key: &NodeKey) -> H256 {
	H256(sp_io::hashing::blake2_256(&(cod, key).encode()))
}

/// What a node key signs to register under `cod` for `operator`, on the chain of `genesis`.
pub fn node_payload<Hash: Encode, AccountId: Encode>(
	genesis: &Hash,
	cod: OrgId,
	operator: &AccountId,
) -> alloc::vec::Vec<u8> {
	(NODE_TAG, genesis, cod, operator).encode()
}

/// A member's role (the seed's 管理员, 群成员, Guest).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub enum Role {
	/// Maintains the organisation: approves joins, sets roles, acts for it.
	Admin,
	Member,
	Guest,
}

/// A cod's two keys (seed 000): the modeller's (`com.ini`), who designs it, and the
/// deployer's (`cod.ini`), who deploys its nodes.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct CodKeys<AccountId> {
	pub modeller: AccountId,
	pub deployer: AccountId,
}

/// An organisation's public record.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
#[scale_info(skip_type_params(MaxName, MaxInfo))]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(
		serialize = "AccountId: Serialize, Balance: core::fmt::Display, BlockNumber: Serialize",
		deserialize = "AccountId: Deserialize<'de>, Balance: core::str::FromStr, \
		               <Balance as core::str::FromStr>::Err: core::fmt::Display, \
		               BlockNumber: Deserialize<'de>"
	))
)]
pub struct Org<AccountId, Balance, BlockNumber, MaxName: Get<u32>, MaxInfo: Get<u32>>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
{
	/// The organisation's account: what it holds lines and receives with; no key controls it.
	pub account: AccountId,
	pub name: BoundedVec<u8, MaxName>,
	/// Public information (a description, a link), for people.
	pub info: BoundedVec<u8, MaxInfo>,
	pub creator: AccountId,
	pub created: BlockNumber,
	/// COD a join request holds (at least the pallet's own deposit), kept while a member.
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub join_deposit: Balance,
	pub admins: u32,
	/// Members of every role, admins included.
	pub members: u32,
	/// Join requests waiting.
	pub requests: u32,
	/// Nodes registered under it, when it is a cod.
	pub nodes: u32,
	/// Set: the organisation is a cod.
	pub cod: Option<CodKeys<AccountId>>,
	/// The joint-token automatic account that distributes the organisation's rewards.
	pub rewards: Option<AccountId>,
	/// Held from `depositor`, an admin, for the record.
	pub depositor: AccountId,
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub deposit: Balance,
}

/// A member's place in an organisation.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(
		serialize = "Balance: core::fmt::Display, BlockNumber: Serialize",
		deserialize = "Balance: core::str::FromStr, \
		               <Balance as core::str::FromStr>::Err: core::fmt::Display, \
		               BlockNumber: Deserialize<'de>"
	))
)]
pub struct Membership<Balance, BlockNumber> {
	pub role: Role,
	pub since: BlockNumber,
	/// Held from the member while it is one; returned when it leaves or is removed.
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub deposit: Balance,
}

/// A request to join, waiting for an admin.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(
		serialize = "Balance: core::fmt::Display, BlockNumber: Serialize",
		deserialize = "Balance: core::str::FromStr, \
		               <Balance as core::str::FromStr>::Err: core::fmt::Display, \
		               BlockNumber: Deserialize<'de>"
	))
)]
pub struct JoinRequest<Balance, BlockNumber> {
	/// Member or guest.
	pub role: Role,
	pub at: BlockNumber,
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub deposit: Balance,
}

/// A node registered under a cod.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(
		serialize = "AccountId: Serialize, Balance: core::fmt::Display, BlockNumber: Serialize",
		deserialize = "AccountId: Deserialize<'de>, Balance: core::str::FromStr, \
		               <Balance as core::str::FromStr>::Err: core::fmt::Display, \
		               BlockNumber: Deserialize<'de>"
	))
)]
pub struct Node<AccountId, Balance, BlockNumber> {
	pub cod: OrgId,
	pub key: NodeKey,
	/// `node_id(cod, key)`.
	pub id: H256,
	/// The account that runs the node, which the node key signed for and which holds the
	/// deposit.
	pub operator: AccountId,
	pub at: BlockNumber,
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub deposit: Balance,
}
