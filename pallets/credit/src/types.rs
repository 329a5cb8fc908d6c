//! What the credit pallet keeps: lines between a grantor and a grantee in a unit, the grantee's
//! debt on each, and the proposals that open them (SPEC §9.1, seed 002 "9.2 信用模型").

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
#[cfg(feature = "std")]
use serde::{Deserialize, Serialize};
use sp_runtime::traits::UniqueSaturatedInto;

/// Amounts of credit. A unit is not COD: it counts whatever the unit names (bytes of bandwidth,
/// minutes of CPU, cents of a currency), so it has its own type, wide enough for any of them.
pub type Amount = u128;

/// A line's number, from a counter that never repeats.
pub type LineId = u64;

/// Domain tag of a signed IOU, so an IOU signature never passes for another purpose.
pub const IOU_TAG: &[u8; 16] = b"codchain/cr/iou ";

/// A credit unit (the seed's 信用标的: bandwidth, storage, CPU, or a currency): a symbol of 1 to
/// 8 characters `A-Z`, `0-9`, `_` or `-`, padded with zero bytes. Fixed-size so that it keys
/// storage without a length bound and compares cheaply.
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
pub struct Unit(pub [u8; 8]);

impl Unit {
	/// The unit of `symbol`, if it is a valid one.
	pub fn from_symbol(symbol: &str) -> Option<Self> {
		let bytes = symbol.as_bytes();
		if bytes.is_empty() || bytes.len() > 8 {
			return None;
		}
		let mut raw = [0u8; 8];
		raw[..bytes.len()].copy_from_slice(bytes);
		Some(Unit(raw)).filter(Unit::is_valid)
	}

	/// Symbol characters, then only padding; at least one character.
	pub fn is_valid(&self) -> bool {
		let len = self.0.iter().position(|b| *b == 0).unwrap_or(8);
		len > 0
			&& self.0[..len]
				.iter()
				.all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || *b == b'_' || *b == b'-')
			&& self.0[len..].iter().all(|b| *b == 0)
	}

	/// The symbol's bytes, without the padding.
	pub fn symbol(&self) -> &[u8] {
		let len = self.0.iter().position(|b| *b == 0).unwrap_or(8);
		&self.0[..len]
	}
}

/// One side of a line.
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
pub enum Side {
	/// Extends the credit: the lender of what is used on the line (the seed's 授权方).
	Grantor,
	/// Uses it: the borrower, who owes the grantor what it used (the seed's 接收方).
	Grantee,
}

impl Side {
	pub fn other(self) -> Self {
		match self {
			Side::Grantor => Side::Grantee,
			Side::Grantee => Side::Grantor,
		}
	}
}

/// A scheduled credit increase (the seed's 定期增信): every `every` blocks the limit grows by
/// `step`, up to `cap`. The limit is computed from the block number when it is used, as
/// `pallet-vesting` computes what has vested, so no block does any work for it.
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
pub struct Increase<BlockNumber> {
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub step: Amount,
	pub every: BlockNumber,
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub cap: Amount,
}

/// The terms a line is proposed, accepted or changed with.
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
pub struct Terms<BlockNumber> {
	/// The most the grantee may owe, before any increase.
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub limit: Amount,
	pub increase: Option<Increase<BlockNumber>>,
}

impl<BlockNumber> Terms<BlockNumber>
where
	BlockNumber: Copy + UniqueSaturatedInto<u128>,
{
	/// The limit `elapsed` blocks after the terms took effect.
	pub fn limit_after(&self, elapsed: BlockNumber) -> Amount {
		match &self.increase {
			None => self.limit,
			Some(inc) => {
				let every: u128 = inc.every.unique_saturated_into();
				let elapsed: u128 = elapsed.unique_saturated_into();
				let steps = elapsed.checked_div(every).unwrap_or(0);
				self.limit.saturating_add(inc.step.saturating_mul(steps)).min(inc.cap)
			},
		}
	}
}

/// A credit line `(grantor, grantee, unit)`: the grantee may owe the grantor up to the limit.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(
		serialize = "AccountId: Serialize, Balance: core::fmt::Display, BlockNumber: Serialize, \
		             OrgId: Serialize",
		deserialize = "AccountId: Deserialize<'de>, Balance: core::str::FromStr, \
		               <Balance as core::str::FromStr>::Err: core::fmt::Display, \
		               BlockNumber: Deserialize<'de>, OrgId: Deserialize<'de>"
	))
)]
pub struct Line<AccountId, Balance, BlockNumber, OrgId> {
	/// Unique over the chain's history: a line closed and opened again between the same
	/// accounts is another line, and IOUs signed for the first never count on the second.
	pub id: LineId,
	pub terms: Terms<BlockNumber>,
	/// When the terms took effect: the increase counts from here.
	pub since: BlockNumber,
	/// What the grantee owes the grantor: the sum of its IOUs less what was repaid or netted.
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub debt: Amount,
	/// A revoked line takes no new debt; repayment continues, and the line goes once the debt
	/// is zero.
	pub revoked: bool,
	/// The nonce the grantee's next signed IOU on this line must carry.
	pub iou_nonce: u64,
	/// A line an organisation grants a member by role: its limit is the role's sub-limit and it
	/// takes no new debt once the grantee is no longer a member.
	pub org: Option<OrgId>,
	/// Who holds the deposit (the side that proposed the line), and how much.
	pub depositor: AccountId,
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub deposit: Balance,
}

/// A proposed line, waiting for the other side.
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
pub struct Proposal<Balance, BlockNumber> {
	pub terms: Terms<BlockNumber>,
	/// The block it was proposed in.
	pub at: BlockNumber,
	/// Held from the proposer; it stays held for the line once accepted.
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub deposit: Balance,
}

/// An IOU (the seed's 借条): `borrower` owes `lender` `amount` more of `unit`. Signed by the
/// borrower off chain and submitted by anyone (usually the lender), it names the line and
/// carries the line's next nonce, so that it counts once and on that line only.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct Iou<AccountId> {
	pub lender: AccountId,
	pub borrower: AccountId,
	pub unit: Unit,
	pub line: LineId,
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub amount: Amount,
	pub nonce: u64,
}

/// One debt a netting reduces: `borrower` owes `lender` `amount` less.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct NetEdge<AccountId> {
	pub lender: AccountId,
	pub borrower: AccountId,
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub amount: Amount,
}

/// A member's role in an organisation, as the organisations pallet reports it.
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
	Admin,
	Member,
	Guest,
}

/// A line as a client sees it: the terms, and what they mean at the block asked about.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(
		serialize = "AccountId: Serialize, Balance: core::fmt::Display, BlockNumber: Serialize, \
		             OrgId: Serialize",
		deserialize = "AccountId: Deserialize<'de>, Balance: core::str::FromStr, \
		               <Balance as core::str::FromStr>::Err: core::fmt::Display, \
		               BlockNumber: Deserialize<'de>, OrgId: Deserialize<'de>"
	))
)]
pub struct LineView<AccountId, Balance, BlockNumber, OrgId> {
	pub grantor: AccountId,
	pub grantee: AccountId,
	pub unit: Unit,
	pub line: Line<AccountId, Balance, BlockNumber, OrgId>,
	/// The limit in force now (increases and, for an organisation's line, the role applied).
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub limit_now: Amount,
	/// What the grantee may still use: the limit now less the debt; zero on a revoked line.
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub available: Amount,
}

/// A proposal as a client sees it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
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
pub struct ProposalView<AccountId, Balance, BlockNumber> {
	pub proposer: AccountId,
	/// The proposer's side of the line.
	pub side: Side,
	pub recipient: AccountId,
	pub unit: Unit,
	pub proposal: Proposal<Balance, BlockNumber>,
}
