//! MiMei content objects (SPEC §9.4, seed 002 "弥媒"): what the chain keeps of them. Content
//! itself lives on storage nodes; the chain keeps ids, versions' digests, pointers, references
//! and who may do what.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	pallet_prelude::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
#[cfg(feature = "std")]
use serde::{Deserialize, Serialize};
use sp_core::H256;

/// An object's stable id: `blake2_256(SCALE((author, app_type, ext, mark)))`.
pub type ObjectId = H256;
/// A version's number: 0, 1, 2, … in the order they were added.
pub type VersionNo = u32;

/// The id of the object `(author, app_type, ext, mark)`.
pub fn object_id<AccountId: Encode>(
	author: &AccountId,
	app_type: &[u8],
	ext: &[u8],
	mark: &[u8],
) -> ObjectId {
	H256(sp_io::hashing::blake2_256(&(author, app_type, ext, mark).encode()))
}

/// Who may do something with an object.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub enum Access<OrgId> {
	/// Its owner only.
	Owner,
	/// Its owner and the members of an organisation.
	Org(OrgId),
	/// Anyone.
	Public,
}

/// A named pointer to a version.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub enum Pointer {
	/// The version in use now; writers move it.
	Cur,
	/// The newest version: each new version moves it; writers may move it back.
	Last,
	/// The published version; only the owner moves it, with an upkeep contract when the
	/// object requires one.
	Release,
}

/// Which version to resolve.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub enum Selector {
	Number(VersionNo),
	Pointer(Pointer),
}

/// An object's record.
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
#[scale_info(skip_type_params(MaxField))]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(
		serialize = "AccountId: Serialize, Balance: core::fmt::Display, BlockNumber: Serialize, \
		             OrgId: Serialize, ContractId: Serialize",
		deserialize = "AccountId: Deserialize<'de>, Balance: core::str::FromStr, \
		               <Balance as core::str::FromStr>::Err: core::fmt::Display, \
		               BlockNumber: Deserialize<'de>, OrgId: Deserialize<'de>, \
		               ContractId: Deserialize<'de>"
	))
)]
pub struct Object<AccountId, Balance, BlockNumber, OrgId, ContractId, MaxField: Get<u32>>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	OrgId: Clone + PartialEq + Eq + core::fmt::Debug,
	ContractId: Clone + PartialEq + Eq + core::fmt::Debug,
{
	/// The author, who owns it: its id is derived from this account.
	pub author: AccountId,
	/// The application the object belongs to (the seed's 应用类型).
	pub app_type: BoundedVec<u8, MaxField>,
	/// The kind of content (a file extension or a MIME type).
	pub ext: BoundedVec<u8, MaxField>,
	/// The author's own name for it, unique among its objects of that type and kind.
	pub mark: BoundedVec<u8, MaxField>,
	/// Who may read the content: for the storage nodes that serve it.
	pub read: Access<OrgId>,
	/// Who may add versions, move `cur` and `last`, and add references from it.
	pub write: Access<OrgId>,
	/// `release` needs a live upkeep contract of the owner's.
	pub require_upkeep: bool,
	/// The number the next version gets.
	pub next_version: VersionNo,
	/// Versions still stored.
	pub live_versions: u32,
	pub cur: Option<VersionNo>,
	pub last: Option<VersionNo>,
	/// The released version, and the upkeep contract that keeps it stored.
	pub release: Option<(VersionNo, Option<ContractId>)>,
	/// References to this object from others, and from this object to others.
	pub refs_in: u32,
	pub refs_out: u32,
	pub created: BlockNumber,
	/// COD held from the author for the record.
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub deposit: Balance,
}

/// One version of an object.
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
pub struct Version<AccountId, Balance, BlockNumber> {
	/// The content's digest (blake2-256 of the bytes, as clients compute it).
	pub digest: H256,
	/// The content's size in bytes.
	pub size: u64,
	/// Who added it, and holds its deposit.
	pub by: AccountId,
	pub at: BlockNumber,
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub deposit: Balance,
}
