//! Types of the joint-token ledger: rules documents, ledger entries, items, presales, loans.

// The `*NoBound` derives restate the bounds declared on the generics, which clippy reads as a
// bound written twice.
#![allow(clippy::multiple_bound_locations)]

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use frame_support::{
	traits::ConstU32, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
#[cfg(feature = "std")]
use serde::{Deserialize, Serialize};
use sp_core::{Get, H256};
use sp_runtime::Perbill;

/// Id of a kind: `blake2_256` of its SCALE-encoded [`Rules`] (seed 001: the root account id).
pub type JtId = H256;
/// An amount of a joint token, in its smallest unit; COD amounts in prices are `u128` too.
pub type Amount = u128;
/// Number of a presale; never reused.
pub type PresaleId = u64;
/// Number of a loan; never reused.
pub type LoanId = u64;
/// Number of a desk offer in the market.
pub type OfferId = u64;

/// Domain tag of the message an item's signers sign.
pub const ITEM_TAG: &[u8] = b"codchain/jt-item/v1";
/// Longest name of a kind.
pub const MAX_NAME_LEN: u32 = 32;
/// Longest ticker symbol of a kind.
pub const MAX_SYMBOL_LEN: u32 = 8;
/// Most planned-issuance schedules a kind may have.
pub const MAX_SCHEDULES: u32 = 8;
/// Most installments of a loan.
pub const MAX_INSTALLMENTS: u32 = 1_000;
/// Longest remark of a distribution rule or a transfer.
pub const MAX_REMARK_LEN: u32 = 64;

/// The name of a kind.
pub type Name = BoundedVec<u8, ConstU32<MAX_NAME_LEN>>;
/// The ticker symbol of a kind.
pub type Symbol = BoundedVec<u8, ConstU32<MAX_SYMBOL_LEN>>;
/// A short free text.
pub type Remark = BoundedVec<u8, ConstU32<MAX_REMARK_LEN>>;

/// A price: `cod` smallest units of COD for `jt` smallest units of the joint token. Both are
/// non-zero; exact integers, so nobody rounds a price.
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
pub struct Price {
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub cod: Amount,
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub jt: Amount,
}

impl Price {
	/// Whether `self` pays more COD per JT unit than `other` (exact cross-multiplication).
	pub fn above(&self, other: &Price) -> bool {
		let lhs = sp_core::U256::from(self.cod) * sp_core::U256::from(other.jt);
		let rhs = sp_core::U256::from(other.cod) * sp_core::U256::from(self.jt);
		lhs > rhs
	}
}

/// The prices of unplanned issuance in force.
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
pub struct Prices {
	/// What a buyer pays at the desk for new tokens.
	pub sell: Price,
	/// What the desk's standing offer pays for tokens it buys back (and burns).
	pub buy: Price,
	/// Management fee taken from every purchase, in COD.
	pub fee: Perbill,
}

/// How unplanned issuance is priced (seed 001: 代码模式 / 信托模式).
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub enum Mode {
	/// The rules fix the prices and the fee.
	Code,
	/// A trustee the deployer appoints sets prices and fee within these bounds.
	Trust {
		/// Lowest and highest sell price.
		min_sell: Price,
		max_sell: Price,
		/// Lowest and highest buy price.
		min_buy: Price,
		max_buy: Price,
		/// Highest fee.
		max_fee: Perbill,
	},
}

/// Unplanned issuance: anyone buys any amount at the sell price; the proceeds minus the fee
/// back the desk's standing buy offer.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct Unplanned<AccountId> {
	pub mode: Mode,
	/// The prices in code mode; the starting prices in trust mode.
	pub prices: Prices,
	/// Who receives the management fee (COD).
	pub fee_to: AccountId,
}

/// Who a planned issuance pays.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub enum Beneficiary<AccountId> {
	/// The kind's incubation fund (孵化基金): lends to and preorders from ordinary users.
	Incubation,
	/// An account, e.g. the development fund (开发基金) or an automatic account.
	Account(AccountId),
}

/// A planned issuance: `amount` to `to` at `start`, `start + every`, … — `count` times.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
pub struct Schedule<AccountId, BlockNumber> {
	pub to: Beneficiary<AccountId>,
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub amount: Amount,
	pub start: BlockNumber,
	pub every: BlockNumber,
	pub count: u32,
}

/// A kind's rules document. Its hash is the kind's id, so a changed rule set is a new kind.
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
#[scale_info(skip_type_params(DocLen))]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(
		serialize = "AccountId: Serialize, BlockNumber: Serialize",
		deserialize = "AccountId: Deserialize<'de>, BlockNumber: Deserialize<'de>"
	))
)]
pub struct Rules<
	AccountId: Clone + PartialEq + Eq + Debug,
	BlockNumber: Clone + PartialEq + Eq + Debug,
	DocLen: Get<u32>,
> {
	pub name: Name,
	pub symbol: Symbol,
	pub decimals: u8,
	/// The deployer (部署者): appoints the trustee, lends from the incubation fund.
	pub deployer: AccountId,
	/// Planned issuance (计划内发行).
	pub planned: BoundedVec<Schedule<AccountId, BlockNumber>, ConstU32<MAX_SCHEDULES>>,
	/// Whether holders may destroy their own tokens with a signed destroy item.
	pub holders_may_destroy: bool,
	/// Unplanned issuance at the desk (计划外发行), if the kind has it.
	pub unplanned: Option<Unplanned<AccountId>>,
	/// Blocks before a presale opens in which mentors may preorder.
	pub mentor_window: BlockNumber,
	/// Least a tutoring payment must be for its tutor to become a mentor.
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub min_tutoring_fee: Amount,
	/// The human-readable rules (policy text, links), part of the hash.
	pub document: BoundedVec<u8, DocLen>,
}

/// What the chain keeps about a kind besides its rules.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct KindDetails<AccountId, BlockNumber, Balance> {
	/// Tokens in existence: free and escrowed balances, presale escrow.
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub supply: Amount,
	/// Ledger entries of the kind.
	pub entries: u32,
	/// Open presales and loans of the kind.
	pub records: u32,
	/// The prices in force, if the kind has unplanned issuance.
	pub prices: Option<Prices>,
	/// Trust mode: who sets the prices.
	pub trustee: Option<AccountId>,
	/// The desk's standing offer in the market, once opened.
	pub desk: Option<OfferId>,
	/// Per planned schedule: the next period to issue and when it is due.
	pub next: BoundedVec<(u32, BlockNumber), ConstU32<MAX_SCHEDULES>>,
	/// COD held from the deployer for the rules and this record.
	pub deposit: Balance,
	pub created: BlockNumber,
}

/// A ledger entry: one account's holding of one kind.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
pub struct Entry<AccountId, Balance> {
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub free: Amount,
	/// In the market's escrow.
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub escrowed: Amount,
	/// Who paid the entry's deposit, and gets it back when the empty entry is closed.
	pub payer: AccountId,
	pub deposit: Balance,
}

/// An automatic account's distribution rule (seed 001 自动账户): each alloc pays `portion` of
/// the account's balance to `shares` in proportion to their weights, at `start`, `start +
/// every`, …
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
#[scale_info(skip_type_params(MaxShares))]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(
	feature = "std",
	serde(bound(
		serialize = "AccountId: Serialize, BlockNumber: Serialize",
		deserialize = "AccountId: Deserialize<'de>, BlockNumber: Deserialize<'de>"
	))
)]
pub struct Distribution<
	AccountId: Clone + PartialEq + Eq + Debug,
	BlockNumber: Clone + PartialEq + Eq + Debug,
	MaxShares: Get<u32>,
> {
	pub shares: BoundedVec<(AccountId, u32), MaxShares>,
	pub portion: Perbill,
	pub start: BlockNumber,
	pub every: BlockNumber,
	pub remark: Remark,
}

/// A registered automatic account.
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
#[scale_info(skip_type_params(MaxShares))]
pub struct AutomaticDetails<
	AccountId: Clone + PartialEq + Eq + Debug,
	BlockNumber: Clone + PartialEq + Eq + Debug,
	Balance: Clone + PartialEq + Eq + Debug,
	MaxShares: Get<u32>,
> {
	/// `blake2_256` of the SCALE-encoded rule: the account's id in the seed's sense.
	pub id: H256,
	pub rule: Distribution<AccountId, BlockNumber, MaxShares>,
	/// Ledger entries the account has (it can be removed only with none).
	pub holdings: u32,
	pub registrar: AccountId,
	pub deposit: Balance,
}

/// Outputs as a list.
pub type Parts<AccountId> = alloc::vec::Vec<Part<AccountId>>;

/// One side of a transfer, destroy or exchange: an account and an amount.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
pub struct Part<AccountId> {
	pub account: AccountId,
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub amount: Amount,
}

/// One kind's side of an exchange: its payer and who receives what.
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
#[scale_info(skip_type_params(MaxOutputs))]
pub struct ExchangeLeg<AccountId: Clone + PartialEq + Eq + Debug, MaxOutputs: Get<u32>> {
	pub jtid: JtId,
	pub payer: AccountId,
	pub outputs: BoundedVec<Part<AccountId>, MaxOutputs>,
	pub total: Amount,
}

/// The data of an item (seed 001 账目封装): what its signers sign.
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
#[scale_info(skip_type_params(MaxInputs, MaxOutputs))]
pub enum ItemData<
	AccountId: Clone + PartialEq + Eq + Debug,
	BlockNumber: Clone + PartialEq + Eq + Debug,
	MaxInputs: Get<u32>,
	MaxOutputs: Get<u32>,
> {
	/// A planned issuance: schedule `schedule`'s period `period` pays `amount` to `to`. No
	/// signature: the rules authorise it, and the first valid item for a period wins.
	#[codec(index = 1)]
	Issue { jtid: JtId, schedule: u8, period: u32, to: AccountId, amount: Amount },
	/// Holders burn tokens, if the rules let them; one signature per input.
	#[codec(index = 2)]
	Destroy {
		jtid: JtId,
		inputs: BoundedVec<Part<AccountId>, MaxInputs>,
		total: Amount,
		expires: BlockNumber,
	},
	/// Inputs pay outputs, `sum(in) == sum(out) == total`; one signature per input.
	#[codec(index = 3)]
	Transfer {
		jtid: JtId,
		inputs: BoundedVec<Part<AccountId>, MaxInputs>,
		outputs: BoundedVec<Part<AccountId>, MaxOutputs>,
		total: Amount,
		expires: BlockNumber,
		remark: Remark,
	},
	/// An atomic swap of two kinds; both payers sign (`a`'s first).
	#[codec(index = 7)]
	Exchange {
		a: ExchangeLeg<AccountId, MaxOutputs>,
		b: ExchangeLeg<AccountId, MaxOutputs>,
		expires: BlockNumber,
	},
	/// Automatic account `account` pays period `period` of its rule; no signature, the chain
	/// recomputes the outputs and rejects any deviation.
	#[codec(index = 6)]
	Alloc {
		jtid: JtId,
		account: AccountId,
		period: u32,
		outputs: BoundedVec<Part<AccountId>, MaxOutputs>,
	},
}

/// An item: its data and one signature per signer it needs.
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
#[scale_info(skip_type_params(MaxInputs, MaxOutputs))]
pub struct Item<
	AccountId: Clone + PartialEq + Eq + Debug,
	BlockNumber: Clone + PartialEq + Eq + Debug,
	Signature: Clone + PartialEq + Eq + Debug,
	MaxInputs: Get<u32>,
	MaxOutputs: Get<u32>,
> {
	pub data: ItemData<AccountId, BlockNumber, MaxInputs, MaxOutputs>,
	pub sigs: BoundedVec<Signature, MaxInputs>,
}

/// What an item did, as a dry run reports it before signing.
#[derive(Clone, PartialEq, Eq, Debug, Default, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
pub struct ItemOutcome {
	/// The item's id: the message its signers sign, and its replay key.
	pub id: H256,
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub minted: Amount,
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub burned: Amount,
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub moved: Amount,
	/// Taken from outputs to pay a borrower's arrears first.
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub repaid: Amount,
}

/// What a desk purchase of `cod` COD gives.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct Quote {
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub jt: Amount,
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub fee: Amount,
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub to_desk: Amount,
}

/// An ordinary user (普通使用者) of a kind: declared to quote, accept and pay only in it.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct UserDetails<BlockNumber, Balance> {
	pub since: BlockNumber,
	/// Open presales and loans of the user in the kind.
	pub open: u32,
	pub deposit: Balance,
}

/// A mentor (导师): someone an ordinary user paid for tutoring.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct MentorDetails<AccountId, Balance> {
	/// Who paid for the tutoring that made the mentor, and the record's deposit.
	pub payer: AccountId,
	pub deposit: Balance,
}

/// A presale (预售) of an ordinary user: up to `units` units at `price` each.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct Presale<AccountId, BlockNumber, Balance> {
	pub jtid: JtId,
	pub seller: AccountId,
	/// Tokens per unit.
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub price: Amount,
	/// Units on sale.
	pub units: u32,
	/// All or nothing: fewer units preordered by `closes` refunds every preorder.
	pub goal: u32,
	/// Units preordered.
	pub sold: u32,
	/// Preorders open (mentors: `mentor_window` blocks earlier) …
	pub opens: BlockNumber,
	/// … and close.
	pub closes: BlockNumber,
	/// Preorders not confirmed delivered by then are refunded (or burned, if marked delivered).
	pub deliver_by: BlockNumber,
	/// Tokens in escrow.
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub escrowed: Amount,
	/// Preorders not yet settled.
	pub open_preorders: u32,
	/// A hash of the product description.
	pub product: H256,
	#[cfg_attr(feature = "std", serde(skip))]
	pub deposit: Balance,
}

/// A preorder (预购): `units` units paid `paid` tokens into the presale's escrow.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct Preorder<Balance> {
	pub units: u32,
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub paid: Amount,
	/// The seller reported delivery (提货); the buyer has not confirmed it yet.
	pub marked_delivered: bool,
	#[cfg_attr(feature = "std", serde(skip))]
	pub deposit: Balance,
}

/// How a preorder ended.
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
pub enum PreorderEnd {
	/// The buyer confirmed delivery: the seller was paid (兑现).
	Delivered,
	/// The presale missed its goal, or the seller never reported delivery: the buyer got the
	/// escrow back.
	Refunded,
	/// The seller reported delivery, the buyer never confirmed it: the escrow was burned and
	/// a dispute recorded for both, so neither gains by the other's silence.
	Disputed,
}

/// A loan (贷款): `amount` lent, `total` to repay in `installments` parts, one every `every`
/// blocks, taken automatically from the borrower's balance.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct Loan<AccountId, BlockNumber, Balance> {
	pub jtid: JtId,
	pub borrower: AccountId,
	/// Set when the loan is funded.
	pub lender: Option<AccountId>,
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub amount: Amount,
	/// `amount` plus interest.
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub total: Amount,
	pub installments: u32,
	pub every: BlockNumber,
	/// Installments that have fallen due.
	pub done: u32,
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub paid: Amount,
	/// Fallen due and not paid.
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub arrears: Amount,
	/// Installments the borrower could not pay in full when due.
	pub missed: u32,
	/// When the next installment falls due (funded loans with installments left).
	pub next_due: Option<BlockNumber>,
	#[cfg_attr(feature = "std", serde(skip))]
	pub deposit: Balance,
}

/// Work the per-block hook does when it falls due.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub enum DueTask {
	/// The next period of a kind's planned schedule.
	Planned { jtid: JtId, schedule: u8 },
	/// The next installment of a loan.
	Repay { loan: LoanId },
}
