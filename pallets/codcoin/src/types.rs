//! Types of the codcoin ledger.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::BoundedVec;
use scale_info::TypeInfo;
#[cfg(feature = "std")]
use serde::{Deserialize, Serialize};
use sp_core::H256;

/// A codcoin amount, in the issuer's own units.
pub type Units = u128;
/// Number of a pour; never reused.
pub use utxo_core::PourId;
/// Number of a collateral claim; claims of all issuers share one counter, never reused.
pub type ClaimId = u64;
/// A coin id: BLAKE2-256 of (`"codcoin"`, pour id, output index), see [`utxo_core::coin_id`].
pub type CoinId = H256;

/// An output of a pour: a new coin for `holder`.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct PourOutput<AccountId> {
	pub holder: AccountId,
	pub amount: Units,
}

/// What a collateral claim stands for (seed: 实物库存, 劳动力, 自动化服务). The quantity is in the
/// kind's natural unit; the period of labour and service is the claim's life, from the block it
/// is declared to its expiry.
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
#[cfg_attr(feature = "std", serde(rename_all = "camelCase", rename_all_fields = "camelCase"))]
pub enum ClaimKind {
	/// Physical stock: units in inventory.
	Stock {
		// Decimal strings in JSON, as every quantity a JavaScript number cannot hold exactly.
		#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
		units: u64,
	},
	/// Labour: person-hours available in the period.
	Labour {
		#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
		person_hours: u64,
	},
	/// Automated service: capacity units (e.g. server-hours) available in the period.
	Service {
		#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
		capacity: u64,
	},
}

/// A collateral claim of an issuer: `value` codcoin units backed by `kind` until `expiry`.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct ClaimDetails<AccountId, Balance, BlockNumber> {
	pub id: ClaimId,
	pub kind: ClaimKind,
	/// Codcoin units the claim backs.
	pub value: Units,
	/// The block from which the claim no longer backs anything.
	pub expiry: BlockNumber,
	/// An account that must co-sign (attest) the claim before it counts.
	pub attestor: Option<AccountId>,
	/// Whether `attestor` has co-signed; `true` when there is no attestor.
	pub attested: bool,
	/// COD held from the issuer while the claim is recorded.
	pub deposit: Balance,
}

impl<AccountId, Balance, BlockNumber: PartialOrd> ClaimDetails<AccountId, Balance, BlockNumber> {
	/// Whether the claim backs supply at block `now`.
	pub fn is_live(&self, now: &BlockNumber) -> bool {
		self.attested && &self.expiry > now
	}
}

/// An issuer's record.
#[derive(Clone, PartialEq, Eq, Debug, Default, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct IssuerDetails<Balance> {
	/// Units in circulation: live coins plus units in market escrow.
	pub supply: Units,
	/// COD held from the issuer for this record.
	pub deposit: Balance,
}

/// A coin as queries return it (stored as [`utxo_core::CoinDetails`]).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct CoinInfo<AccountId> {
	pub id: CoinId,
	pub pour_id: PourId,
	pub issuer: AccountId,
	pub holder: AccountId,
	/// Units; a string in JSON, since `u128` does not fit a JavaScript number.
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub amount: Units,
}

/// A claim as queries return it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct ClaimInfo<AccountId, BlockNumber> {
	pub id: ClaimId,
	pub kind: ClaimKind,
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub value: Units,
	pub expiry: BlockNumber,
	pub attestor: Option<AccountId>,
	pub attested: bool,
	/// Whether it backs supply now (attested and not expired).
	pub live: bool,
}

/// Supply, collateral cap and shortfall of an issuer, as queries return them.
#[derive(Clone, PartialEq, Eq, Debug, Default, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct IssuerSummary {
	/// Units in circulation (live coins plus market escrow).
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub supply: Units,
	/// Sum of the values of live claims: supply may not grow beyond it.
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub cap: Units,
	/// `supply - cap` when claims expired under circulating coins, else 0. While positive the
	/// issuer cannot issue.
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub shortfall: Units,
	/// Units held in market escrow.
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub escrowed: Units,
	/// Claims on record, live or not.
	pub claims: u32,
}

/// What a holder holds of one issuer's codcoin, as queries return it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct HoldingInfo<AccountId> {
	pub issuer: AccountId,
	/// Units in the holder's live coins of `issuer`; a string in JSON.
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub balance: Units,
}

/// Inputs of a pour, bounded by the pallet's `MaxInputs`.
pub type Inputs<S> = BoundedVec<CoinId, S>;
/// Outputs of a pour, bounded by the pallet's `MaxOutputs`.
pub type Outputs<AccountId, S> = BoundedVec<PourOutput<AccountId>, S>;
