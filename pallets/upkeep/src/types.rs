//! Types of upkeeping contracts.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::BoundedVec;
use scale_info::TypeInfo;
#[cfg(feature = "std")]
use serde::{Deserialize, Serialize};
use sp_core::{Get, H256};
use sp_runtime::Perbill;

/// Number of an upkeeping contract; contracts of all owners share one counter, never reused.
pub type ContractId = u64;
/// Space-time: proven space (bytes) integrated over blocks.
pub type SpaceTime = u128;
/// Number of a payment within its contract, from 0; never reused.
pub type PaymentSeq = u64;

/// Tag that opens every signed attestation, so a keeper's signature over an attestation can never
/// be taken for a signature over anything else (a transaction, another protocol's message).
pub const ATTESTATION_TAG: &[u8; 22] = b"codchain/upkeep/attest";
/// The default tolerance: two space-time values agree when equal after integer division by it
/// (seed 003: `st / 10000 == sti / 10000`).
pub const DEFAULT_TOLERANCE: u128 = 10_000;

/// How a payment is shared (seed 003 "利益分配"). The keepers' part is what the provider and the
/// leader bonus leave: `1 - provider - leader_bonus`, split equally among the keepers not failed
/// in the round.
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
pub struct Split {
	/// The provider's part (default 90 %).
	pub provider: Perbill,
	/// Extra part for the keeper that submits the payment (seed's "思路1", e.g. 1 %); 0 by default
	/// ("思路2").
	pub leader_bonus: Perbill,
}

impl Default for Split {
	fn default() -> Self {
		Split { provider: Perbill::from_percent(90), leader_bonus: Perbill::zero() }
	}
}

impl Split {
	/// The keepers' part; `None` when provider and bonus exceed the whole.
	pub fn keepers(&self) -> Option<Perbill> {
		let taken = self.provider.deconstruct().checked_add(self.leader_bonus.deconstruct())?;
		Perbill::one().deconstruct().checked_sub(taken).map(Perbill::from_parts)
	}
}

/// The economic terms of a contract; fixed for its life.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct Terms<Balance, BlockNumber> {
	/// COD (planck) per space-time unit (one byte kept for one block).
	#[cfg_attr(
		feature = "std",
		serde(with = "codchain_support::amount_str"),
		serde(bound(
			serialize = "Balance: core::fmt::Display, BlockNumber: Serialize",
			deserialize = "Balance: core::str::FromStr, <Balance as core::str::FromStr>::Err: \
			               core::fmt::Display, BlockNumber: Deserialize<'de>"
		))
	)]
	pub price: Balance,
	/// Payment period `h`, in blocks: a provider is paid at most once per period.
	pub period: BlockNumber,
	/// Leader window `t`, in blocks: how long each keeper in turn may submit a payment.
	pub window: BlockNumber,
	/// Space-time values `a` and `b` agree when `a / tolerance == b / tolerance`.
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub tolerance: u128,
	pub split: Split,
}

/// Who serves a contract: the keeper group and the storage providers.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(MaxKeepers, MaxProviders))]
pub struct Members<AccountId, MaxKeepers: Get<u32>, MaxProviders: Get<u32>> {
	pub keepers: BoundedVec<AccountId, MaxKeepers>,
	pub providers: BoundedVec<AccountId, MaxProviders>,
}

impl<AccountId: PartialEq, MaxKeepers: Get<u32>, MaxProviders: Get<u32>>
	Members<AccountId, MaxKeepers, MaxProviders>
{
	/// Faulty keepers the group tolerates: `f = (n - 1) / 3`.
	pub fn tolerated_faults(&self) -> u32 {
		(self.keepers.len() as u32).saturating_sub(1) / 3
	}

	pub fn is_keeper(&self, who: &AccountId) -> bool {
		self.keepers.contains(who)
	}

	pub fn is_provider(&self, who: &AccountId) -> bool {
		self.providers.contains(who)
	}

	/// Slots a deposit is held for.
	pub fn size(&self) -> (u32, u32) {
		(self.keepers.len() as u32, self.providers.len() as u32)
	}
}

/// A change of members that applies to every payment period starting at or after `from`.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, MaxEncodedLen)]
#[scale_info(skip_type_params(MaxKeepers, MaxProviders))]
pub struct PendingMembers<AccountId, BlockNumber, MaxKeepers: Get<u32>, MaxProviders: Get<u32>> {
	pub members: Members<AccountId, MaxKeepers, MaxProviders>,
	pub from: BlockNumber,
}

/// An upkeeping contract as stored.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, MaxEncodedLen)]
#[scale_info(skip_type_params(MaxKeepers, MaxProviders))]
pub struct ContractDetails<AccountId, Balance, BlockNumber, MaxKeepers, MaxProviders>
where
	MaxKeepers: Get<u32>,
	MaxProviders: Get<u32>,
{
	/// The user who created and funds it.
	pub owner: AccountId,
	pub terms: Terms<Balance, BlockNumber>,
	/// Members for periods that started before a pending change (all periods when none).
	pub members: Members<AccountId, MaxKeepers, MaxProviders>,
	pub pending: Option<PendingMembers<AccountId, BlockNumber, MaxKeepers, MaxProviders>>,
	/// COD held from the owner to pay providers and keepers.
	pub escrow: Balance,
	/// COD held from the owner for the contract's storage.
	pub deposit: Balance,
	/// Block of creation: the start of every first period.
	pub started: BlockNumber,
	/// Block the owner closed it at: no period may end after it.
	pub closed: Option<BlockNumber>,
	/// Number the next payment gets.
	pub next_payment: PaymentSeq,
}

impl<AccountId, Balance, BlockNumber, MaxKeepers, MaxProviders>
	ContractDetails<AccountId, Balance, BlockNumber, MaxKeepers, MaxProviders>
where
	BlockNumber: PartialOrd,
	MaxKeepers: Get<u32>,
	MaxProviders: Get<u32>,
{
	/// The members that serve a period starting at `ts`.
	pub fn members_at(&self, ts: &BlockNumber) -> &Members<AccountId, MaxKeepers, MaxProviders> {
		match &self.pending {
			Some(p) if *ts >= p.from => &p.members,
			_ => &self.members,
		}
	}
}

/// Where a provider's payments stand, and its last payment (seed: the contract records `te`,
/// `pid` and the signature `r` of the last payment).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, MaxEncodedLen)]
#[scale_info(skip_type_params(MaxKeepers, MaxMaintenance))]
pub struct ProviderState<AccountId, BlockNumber, MaxKeepers: Get<u32>, MaxMaintenance: Get<u32>> {
	/// End of the last paid period: the next period starts here (`ts`).
	pub paid_until: BlockNumber,
	/// Block of the last payment (the contract's start before the first): leader windows of the
	/// next payment count from it.
	pub last_paid_at: BlockNumber,
	/// The keeper that submitted the last payment.
	pub last_payer: Option<AccountId>,
	/// BLAKE2-256 of the SCALE-encoded attestations of the last payment.
	pub last_digest: Option<H256>,
	/// Keepers whose window passed unused before the last payment; they got no share of it.
	pub last_failed: BoundedVec<AccountId, MaxKeepers>,
	/// Declared maintenance windows `[start, end)` not yet over: keepers skip their challenges
	/// inside.
	pub maintenance: BoundedVec<(BlockNumber, BlockNumber), MaxMaintenance>,
	/// End of the latest window ever declared: the next may start only `MaxMaintenanceLength`
	/// blocks after it.
	pub maintenance_until: Option<BlockNumber>,
}

/// One paid period, kept in a contract's bounded history.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, MaxEncodedLen)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(
		serialize = "AccountId: Serialize, Balance: core::fmt::Display, BlockNumber: Serialize",
		deserialize = "AccountId: Deserialize<'de>, Balance: core::str::FromStr, <Balance as \
		               core::str::FromStr>::Err: core::fmt::Display, BlockNumber: Deserialize<'de>"
	))
)]
pub struct PaymentRecord<AccountId, Balance, BlockNumber> {
	pub seq: PaymentSeq,
	pub provider: AccountId,
	/// The period paid: `[ts, te)`.
	pub ts: BlockNumber,
	pub te: BlockNumber,
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub st: SpaceTime,
	/// What left the escrow: the provider's part, the keepers' parts and the bonus.
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub paid: Balance,
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub to_provider: Balance,
	/// Each keeper's part (keepers not failed).
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub to_each_keeper: Balance,
	pub keepers_paid: u32,
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub bonus: Balance,
	pub payer: AccountId,
	/// Block the payment was made in.
	pub paid_at: BlockNumber,
	pub digest: H256,
	/// The escrow held less than `price × st`.
	pub capped: bool,
}

/// A keeper's attestation: it computed `st` for `provider` over `[ts, te)` of `contract` and
/// signs it. The signed bytes are the SCALE encoding of
/// `(ATTESTATION_TAG, genesis hash, contract, provider, ts, te, st)`
/// (see [`crate::Pallet::attestation_payload`]).
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct Attestation<AccountId, BlockNumber, Signature> {
	pub keeper: AccountId,
	pub contract: ContractId,
	pub provider: AccountId,
	pub ts: BlockNumber,
	pub te: BlockNumber,
	pub st: SpaceTime,
	pub signature: Signature,
}

/// Who may submit a provider's payment at a block (the answer of "who may pay provider P now").
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct LeaderInfo<AccountId, BlockNumber> {
	pub keeper: AccountId,
	/// 1-based place in this payment's leader order.
	pub position: u32,
	/// The keeper's window: `[window_start, window_end)`.
	pub window_start: BlockNumber,
	pub window_end: BlockNumber,
	/// 0 while the first keepers' windows run; 1 and more once every keeper had its window and
	/// the order starts over (every keeper then counts as failed).
	pub cycle: u32,
	/// Keepers that count as failed if the payment is made in this window.
	pub failed: alloc::vec::Vec<AccountId>,
}

/// A keeper's window in the order for a provider's next payment.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct Window<AccountId, BlockNumber> {
	pub keeper: AccountId,
	pub start: BlockNumber,
	pub end: BlockNumber,
}

/// A contract as queries show it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(
		serialize = "AccountId: Serialize, Balance: core::fmt::Display, BlockNumber: Serialize",
		deserialize = "AccountId: Deserialize<'de>, Balance: core::str::FromStr, <Balance as \
		               core::str::FromStr>::Err: core::fmt::Display, BlockNumber: Deserialize<'de>"
	))
)]
pub struct ContractInfo<AccountId, Balance, BlockNumber> {
	pub id: ContractId,
	pub owner: AccountId,
	pub terms: Terms<Balance, BlockNumber>,
	pub keepers: alloc::vec::Vec<AccountId>,
	pub providers: alloc::vec::Vec<AccountId>,
	/// Members that take over for periods starting at or after `pending_from`.
	pub pending_keepers: Option<alloc::vec::Vec<AccountId>>,
	pub pending_providers: Option<alloc::vec::Vec<AccountId>>,
	pub pending_from: Option<BlockNumber>,
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub escrow: Balance,
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub deposit: Balance,
	pub started: BlockNumber,
	pub closed: Option<BlockNumber>,
	pub payments: PaymentSeq,
}

/// A provider's standing in a contract, as queries show it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct ProviderInfo<AccountId, BlockNumber> {
	pub provider: AccountId,
	pub paid_until: BlockNumber,
	pub last_paid_at: BlockNumber,
	pub last_payer: Option<AccountId>,
	pub last_digest: Option<H256>,
	pub last_failed: alloc::vec::Vec<AccountId>,
	pub maintenance: alloc::vec::Vec<(BlockNumber, BlockNumber)>,
}
