//! The records CarChain keeps on chain. Values themselves never come here: the chain keeps a
//! record's hash and size, the nodes' value store keeps the encrypted bytes (SPEC §2, §8).

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	pallet_prelude::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
#[cfg(feature = "std")]
use serde::{Deserialize, Serialize};
use sp_core::H256;

/// A record's id: `blake2_256(SCALE((address, key)))`, so that one (address, key) is one record
/// and a client computes the id without asking the chain.
pub type RecordId = H256;
/// A computation a service provider registered, by number.
pub type ComputationId = u32;
/// A usage request, by number.
pub type RequestId = u32;
/// An epoch of agent rewards: `block / AgentEpoch`.
pub type EpochIndex = u32;
/// An X25519 public key: what a wallet or a requester receives encrypted data with.
pub type EncryptionKey = [u8; 32];

/// Domain tags of what keys sign, so a signature for one purpose never passes for another.
pub const SETUP_TAG: &[u8; 16] = b"codchain/car/set";
pub const RESET_TAG: &[u8; 16] = b"codchain/car/rst";
pub const PUT_TAG: &[u8; 16] = b"codchain/car/put";
pub const APPROVE_TAG: &[u8; 16] = b"codchain/car/apv";

/// The id of the record `(address, key)`.
pub fn record_id<AccountId: Encode>(address: &AccountId, key: &[u8]) -> RecordId {
	H256(sp_io::hashing::blake2_256(&(address, key).encode()))
}

/// A vehicle or other device registered to an owner's wallet (the seed's `setup(VID, …)`).
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
pub struct Device<AccountId, Balance, BlockNumber> {
	/// The wallet that owns the device and the data it produces.
	pub owner: AccountId,
	/// The device's own signing key, as an account: it proved control at setup and must sign
	/// any reset.
	pub device_key: AccountId,
	/// The owner's encryption key the device encrypts its values to.
	pub encryption_key: EncryptionKey,
	/// The agent node the device reports through (the seed's `agent`), if any.
	pub agent: Option<AccountId>,
	/// How many times the device was reset; part of what a reset signs, so none replays.
	pub generation: u32,
	/// Block of the last setup or reset.
	pub since: BlockNumber,
	/// COD held from the owner for this entry.
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub deposit: Balance,
}

/// A registered data record `(address, key)`.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(MaxKey, MaxFormat))]
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
pub struct Record<AccountId, Balance, BlockNumber, MaxKey: Get<u32>, MaxFormat: Get<u32>> {
	/// The address that owns the record (one of a vehicle's pool addresses, or a wallet's).
	pub address: AccountId,
	/// The record's key, bytes the wallet chose (the seed's JSON key, e.g. a trip's session
	/// and times); unique per address.
	pub key: BoundedVec<u8, MaxKey>,
	/// `blake2_256` of the encrypted value the value store accepts for this record.
	pub value_hash: H256,
	/// Size of the encrypted value in bytes.
	pub size: u32,
	/// The value's format, public by choice (`trip-gps`, `VIN_CODE`, …).
	pub format: BoundedVec<u8, MaxFormat>,
	/// Block the record was registered in.
	pub block: BlockNumber,
	/// The registered agent that submitted the record, if one did: it counts as the agent's
	/// contribution.
	pub agent: Option<AccountId>,
	/// Who holds the record's deposit (the address, or the agent that submitted for it).
	pub depositor: AccountId,
	/// COD held from `depositor`.
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub deposit: Balance,
	/// Data tokens minted to `address` for this record (phase 1); burnt again if it is removed.
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub reward: Balance,
	/// Grants of this record standing; a record with grants cannot be removed.
	pub grants: u32,
}

/// A right to a record held by someone other than its address: the value key wrapped for the
/// grantee's encryption key, and what the grantee may do with the right.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(MaxWrapped))]
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
pub struct Grant<AccountId, Balance, BlockNumber, MaxWrapped: Get<u32>> {
	/// Who granted it: the record's address or a grantee allowed to resell.
	pub granted_by: AccountId,
	/// The record's value key sealed to the grantee's encryption key.
	pub wrapped_key: BoundedVec<u8, MaxWrapped>,
	/// The grantee may grant the record onward.
	pub resell: bool,
	/// An onward grant leaves the grantee's own right in place (a copy); without `dup` the
	/// right moves to the new grantee.
	pub dup: bool,
	/// Block of the grant.
	pub block: BlockNumber,
	/// Who holds the grant's deposit.
	pub depositor: AccountId,
	/// COD held from `depositor`.
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub deposit: Balance,
}

/// A buyer's standing offer for a record: the price is escrowed until the seller grants.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(
		serialize = "AccountId: Serialize, Balance: core::fmt::Display",
		deserialize = "AccountId: Deserialize<'de>, Balance: core::str::FromStr, \
		               <Balance as core::str::FromStr>::Err: core::fmt::Display"
	))
)]
pub struct Purchase<AccountId, Balance> {
	/// Whom the buyer buys from: the record's address or a grantee allowed to resell.
	pub seller: AccountId,
	/// COD escrowed from the buyer, paid to the seller on the grant.
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub price: Balance,
	/// The buyer's encryption key the seller wraps the value key to.
	pub encryption_key: EncryptionKey,
	/// COD held from the buyer for the grant this purchase becomes (and for the offer itself).
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub deposit: Balance,
}

/// A computation a service provider offers to run over owners' records (the seed's
/// "smart contract" of a platform): the code is named by its hash, and the executor is the
/// node that runs it and the key owners wrap their value keys to.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(
		serialize = "AccountId: Serialize, Balance: core::fmt::Display",
		deserialize = "AccountId: Deserialize<'de>, Balance: core::str::FromStr, \
		               <Balance as core::str::FromStr>::Err: core::fmt::Display"
	))
)]
pub struct Computation<AccountId, Balance> {
	/// The service provider's platform account.
	pub provider: AccountId,
	/// Hash of the code that runs.
	pub code_hash: H256,
	/// The account that runs the code and submits results.
	pub executor: AccountId,
	/// The executor's encryption key, which approvals wrap value keys to.
	pub executor_key: EncryptionKey,
	/// Requests of this computation not yet closed; it cannot be removed before they are.
	pub open_requests: u32,
	/// COD held from the provider.
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub deposit: Balance,
}

/// Where a usage request stands.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub enum RequestStatus<BlockNumber> {
	/// Taking approvals.
	Open,
	/// The executor returned a result at `at` and the contributors were paid.
	Done { result_hash: H256, at: BlockNumber },
}

/// A service provider's request to run a computation over records owners approve. The
/// payment is escrowed, and released pro rata to the contributors only with the result, which
/// needs approvals from at least `min_cohort` distinct devices.
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
pub struct UsageRequest<AccountId, Balance, BlockNumber> {
	pub computation: ComputationId,
	/// The provider that pays and receives the result.
	pub requester: AccountId,
	/// COD escrowed from the requester.
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub payment: Balance,
	/// Fewest distinct devices whose records must be in before a result is accepted.
	pub min_cohort: u32,
	/// The requester's key the result is encrypted to.
	pub encryption_key: EncryptionKey,
	/// After this block the request may be cancelled (or settled, when the cohort is complete).
	pub deadline: BlockNumber,
	/// Distinct devices that approved.
	pub cohort: u32,
	/// Records approved, over all devices.
	pub records: u32,
	pub status: RequestStatus<BlockNumber>,
	/// COD held from the requester for the request and its result.
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub deposit: Balance,
}

/// One device's part in a usage request: who gets paid and for how many records.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(MaxVid))]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(
		serialize = "AccountId: Serialize, Balance: core::fmt::Display",
		deserialize = "AccountId: Deserialize<'de>, Balance: core::str::FromStr, \
		               <Balance as core::str::FromStr>::Err: core::fmt::Display"
	))
)]
pub struct Contribution<AccountId, Balance, MaxVid: Get<u32>> {
	pub vid: BoundedVec<u8, MaxVid>,
	/// The device's owner, paid for the contribution.
	pub contributor: AccountId,
	pub records: u32,
	/// COD held from the contributor for the approved records' wrapped keys.
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub deposit: Balance,
}

/// A record an owner puts into a usage request: the value key wrapped for the executor, and
/// the record address's consent when the device's owner does not sign as that address.
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
#[scale_info(skip_type_params(MaxWrapped))]
#[codec(mel_bound(Signature: MaxEncodedLen))]
pub struct ApprovedRecord<
	Signature: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxWrapped: Get<u32>,
> {
	pub record: RecordId,
	pub wrapped_key: BoundedVec<u8, MaxWrapped>,
	/// The record address's signature over `(APPROVE_TAG, genesis, request, vid, record)`;
	/// `None` when the address is the signer of the approval.
	pub consent: Option<Signature>,
}

/// A change to the set of records in one block, as the nodes' value-store index follows it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub enum RecordChange<AccountId> {
	Put {
		record: RecordId,
		address: AccountId,
		key: alloc::vec::Vec<u8>,
		value_hash: H256,
		size: u32,
	},
	Removed {
		record: RecordId,
	},
}

/// How much of the data token each emission phase has minted; the caps are fixed shares of
/// the total (50 % producers, 30 % agents, 20 % sale).
#[derive(
	Clone,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(
		serialize = "Balance: core::fmt::Display",
		deserialize = "Balance: core::str::FromStr, \
		               <Balance as core::str::FromStr>::Err: core::fmt::Display"
	))
)]
pub struct Emission<Balance> {
	/// Phase 1: minted to data producers per registered record (net of records removed).
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub producers: Balance,
	/// Phase 2: claimed by agents for their contribution.
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub agents: Balance,
	/// Phase 3: sold to service providers.
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub sold: Balance,
}

/// The emission with its caps, as the runtime API reports it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(
		serialize = "Balance: core::fmt::Display",
		deserialize = "Balance: core::str::FromStr, \
		               <Balance as core::str::FromStr>::Err: core::fmt::Display"
	))
)]
pub struct EmissionStatus<Balance> {
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub total: Balance,
	pub minted: Emission<Balance>,
	pub caps: Emission<Balance>,
	/// Data tokens one record mints while phase 1 lasts.
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub record_reward: Balance,
	/// Data tokens the agents of one epoch share.
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub agent_epoch_budget: Balance,
	/// The current agent epoch.
	pub epoch: EpochIndex,
}
