//! Types of the trade market.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use scale_info::TypeInfo;
#[cfg(feature = "std")]
use serde::{Deserialize, Serialize};
use sp_core::H256;

/// Number of an offer; never reused.
pub type OfferId = u64;
/// Number of an acceptance (a trade); never reused.
pub type TradeId = u64;
/// An id as an index key: big-endian, so that keys sort as ids do.
pub type IdKey = [u8; 8];

/// The index key of offer or trade `id`.
pub fn id_key(id: u64) -> IdKey {
	id.to_be_bytes()
}

/// Most coins a call may name to pay with.
pub const MAX_NAMED_COINS: u32 = 16;
/// Coins a caller names to pay with (an asset held in coins); empty: the asset chooses. Naming
/// them is the remedy when a stranger's dust coins would be chosen first.
pub type NamedCoins = BoundedVec<sp_core::H256, ConstU32<MAX_NAMED_COINS>>;

/// An amount of any resource, in its smallest unit.
pub type Amount = u128;
/// Longest unit name of an off-chain resource ("CNY", "hour", "GB").
pub const MAX_UNIT_LEN: u32 = 16;
/// The unit an off-chain resource is counted in.
pub type Unit = BoundedVec<u8, ConstU32<MAX_UNIT_LEN>>;

/// What an off-chain resource is (seed 交易: 法币, 时间预算, 信息资产).
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
pub enum OffChainKind {
	/// Fiat money, paid outside the chain.
	Fiat,
	/// A budget of someone's time.
	TimeBudget,
	/// An information asset (data, a report, a licence).
	Information,
}

/// Something that can be traded: an on-chain asset the runtime knows, or an off-chain resource
/// described by kind and unit, whose delivery the receiver confirms.
#[derive(
	Clone,
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
#[cfg_attr(feature = "std", serde(rename_all = "camelCase", rename_all_fields = "camelCase"))]
pub enum Resource<AssetId> {
	OnChain(AssetId),
	OffChain {
		kind: OffChainKind,
		/// In JSON a string (`"CNY"`); the byte array is accepted too.
		#[cfg_attr(feature = "std", serde(with = "codchain_support::text_bytes"))]
		unit: Unit,
	},
}

impl<AssetId> Resource<AssetId> {
	/// The asset, when the resource is on-chain.
	pub fn asset(&self) -> Option<&AssetId> {
		match self {
			Resource::OnChain(a) => Some(a),
			Resource::OffChain { .. } => None,
		}
	}
}

/// An exact exchange ratio: the offerer gives `pay` units of its pay resource for every
/// `receive` units of the resource it receives. Both are non-zero.
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
pub struct Ratio {
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub pay: Amount,
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub receive: Amount,
}

/// An open offer.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct OfferDetails<AccountId, AssetId, Balance, BlockNumber> {
	pub offerer: AccountId,
	/// What the offerer gives; escrowed at once when on-chain.
	pub pay: Resource<AssetId>,
	/// What the offerer wants.
	pub receive: Resource<AssetId>,
	pub ratio: Ratio,
	/// Pay-resource units offered in all; each fill bonds its share of `bond`.
	pub amount: Amount,
	/// Pay-resource units still on offer.
	pub remaining: Amount,
	/// Smallest acceptance, in pay-resource units (the last `remaining` may be smaller).
	pub min_fill: Amount,
	/// The offer is open up to this block (exclusive) and cleaned up at it.
	pub expiry: BlockNumber,
	/// COD each side that pays an off-chain leg puts up for the whole `amount`; a fill bonds
	/// its share, `ceil(bond × fill / amount)`, so many small fills bond no less than one large
	/// one. Forfeited on default. Zero: no bond.
	pub bond: Balance,
	/// COD held from the offerer while the offer is open.
	pub deposit: Balance,
}

/// Where one leg of a trade stands.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, MaxEncodedLen)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase", rename_all_fields = "camelCase"))]
pub enum LegStatus {
	/// An on-chain leg: the amount sits in escrow and pays out when the trade settles.
	Escrowed,
	/// An off-chain leg its payer has not reported sent.
	Awaiting,
	/// An off-chain leg its payer reported sent, with an optional reference (e.g. the hash of
	/// a bank transfer id). Unconfirmed at the deadline, it ends as a dispute, not a default.
	Sent { reference: Option<H256> },
	/// An off-chain leg its receiver confirmed.
	Confirmed,
}

/// One direction of a trade.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, MaxEncodedLen)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct Leg<AssetId> {
	pub resource: Resource<AssetId>,
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub amount: Amount,
	pub status: LegStatus,
}

impl<AssetId> Leg<AssetId> {
	/// Whether the leg needs nothing more to settle: escrowed on-chain, or confirmed.
	pub fn is_done(&self) -> bool {
		matches!(self.status, LegStatus::Escrowed | LegStatus::Confirmed)
	}
}

/// An acceptance with an off-chain leg, waiting for confirmations until `deadline`.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct TradeDetails<AccountId, AssetId, Balance, BlockNumber> {
	pub offer: OfferId,
	pub offerer: AccountId,
	pub acceptor: AccountId,
	/// Offerer → acceptor, in the offer's pay resource.
	pub give: Leg<AssetId>,
	/// Acceptor → offerer, in the offer's receive resource.
	pub take: Leg<AssetId>,
	/// Last block at which a leg may be confirmed.
	pub deadline: BlockNumber,
	/// COD held from the payer of each unconfirmed off-chain leg: this fill's share of the
	/// offer's bond.
	pub bond: Balance,
	/// COD held from the acceptor while the trade is pending.
	pub deposit: Balance,
}

/// An account's standing in the market, as queries return it.
#[derive(Clone, PartialEq, Eq, Debug, Default, Encode, Decode, TypeInfo, MaxEncodedLen)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct AccountStats {
	/// Offers the account has open.
	pub open_offers: u32,
	/// Trades the account took part in that settled.
	pub settled: u32,
	/// Trades the account defaulted on: it never reported its off-chain leg sent.
	pub defaults: u32,
	/// Trades that ended in a dispute the account was a party to: a leg reported sent was
	/// never confirmed. Counted for both sides, since the chain cannot tell who is right.
	pub disputes: u32,
}

/// An account's market record as stored: its standing and the deposit held for the record.
#[derive(Clone, PartialEq, Eq, Debug, Default, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct AccountDetails<Balance> {
	pub stats: AccountStats,
	/// COD held from the account while the record exists.
	pub deposit: Balance,
}

/// An offer as queries return it, with the shortfall of the coins it involves.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct OfferInfo<AccountId, AssetId, Balance, BlockNumber> {
	pub id: OfferId,
	pub offerer: AccountId,
	pub pay: Resource<AssetId>,
	pub receive: Resource<AssetId>,
	pub ratio: Ratio,
	/// Pay-resource units offered in all.
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub amount: Amount,
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub remaining: Amount,
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub min_fill: Amount,
	pub expiry: BlockNumber,
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	#[cfg_attr(
		feature = "std",
		serde(bound(
			serialize = "Balance: core::fmt::Display",
			deserialize = "Balance: core::str::FromStr, <Balance as core::str::FromStr>::Err: \
			               core::fmt::Display"
		))
	)]
	pub bond: Balance,
	/// Shortfall of the pay resource's issuer (0 when covered or not a collateralised coin):
	/// a buyer sees that the coin it would receive is under-collateralised.
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub pay_shortfall: Amount,
	/// Shortfall of the receive resource's issuer.
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub receive_shortfall: Amount,
}

/// A pending trade as queries return it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct TradeInfo<AccountId, AssetId, BlockNumber> {
	pub id: TradeId,
	pub offer: OfferId,
	pub offerer: AccountId,
	pub acceptor: AccountId,
	pub give: Leg<AssetId>,
	pub take: Leg<AssetId>,
	pub deadline: BlockNumber,
}
