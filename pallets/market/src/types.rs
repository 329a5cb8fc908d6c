//! Types of the trade market.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use scale_info::TypeInfo;
#[cfg(feature = "std")]
use serde::{Deserialize, Serialize};

/// Number of an offer; never reused.
pub type OfferId = u64;
/// Number of an acceptance (a trade); never reused.
pub type TradeId = u64;
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
	OffChain { kind: OffChainKind, unit: Unit },
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
pub struct Offer<AccountId, AssetId, Balance, BlockNumber> {
	pub offerer: AccountId,
	/// What the offerer gives; escrowed at once when on-chain.
	pub pay: Resource<AssetId>,
	/// What the offerer wants.
	pub receive: Resource<AssetId>,
	pub ratio: Ratio,
	/// Pay-resource units still on offer.
	pub remaining: Amount,
	/// Smallest acceptance, in pay-resource units (the last `remaining` may be smaller).
	pub min_fill: Amount,
	/// The offer is open up to this block (exclusive) and cleaned up at it.
	pub expiry: BlockNumber,
	/// COD each side that pays an off-chain leg puts up per acceptance, paid to the
	/// counterparty if that side defaults. Zero: no bond.
	pub bond: Balance,
	/// COD held from the offerer while the offer is open.
	pub deposit: Balance,
}

/// One direction of a trade.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, MaxEncodedLen)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct Leg<AssetId> {
	pub resource: Resource<AssetId>,
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub amount: Amount,
	/// On-chain legs sit in escrow and count as confirmed; an off-chain leg is confirmed by
	/// its receiver.
	pub confirmed: bool,
}

/// An acceptance with an off-chain leg, waiting for confirmations until `deadline`.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct Trade<AccountId, AssetId, Balance, BlockNumber> {
	pub offer: OfferId,
	pub offerer: AccountId,
	pub acceptor: AccountId,
	/// Offerer → acceptor, in the offer's pay resource.
	pub give: Leg<AssetId>,
	/// Acceptor → offerer, in the offer's receive resource.
	pub take: Leg<AssetId>,
	/// Last block at which a leg may be confirmed.
	pub deadline: BlockNumber,
	/// COD held from the payer of each unconfirmed off-chain leg.
	pub bond: Balance,
	/// COD held from the acceptor while the trade is pending.
	pub deposit: Balance,
}

/// An account's standing in the market.
#[derive(Clone, PartialEq, Eq, Debug, Default, Encode, Decode, TypeInfo, MaxEncodedLen)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct AccountStats {
	/// Offers the account has open.
	pub open_offers: u32,
	/// Trades the account took part in that settled.
	pub settled: u32,
	/// Trades the account defaulted on.
	pub defaults: u32,
}

/// An offer as queries return it, with the shortfall of the coins it involves.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct OfferDetails<AccountId, AssetId, Balance, BlockNumber> {
	pub id: OfferId,
	pub offerer: AccountId,
	pub pay: Resource<AssetId>,
	pub receive: Resource<AssetId>,
	pub ratio: Ratio,
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
pub struct TradeDetails<AccountId, AssetId, BlockNumber> {
	pub id: TradeId,
	pub offer: OfferId,
	pub offerer: AccountId,
	pub acceptor: AccountId,
	pub give: Leg<AssetId>,
	pub take: Leg<AssetId>,
	pub deadline: BlockNumber,
}
