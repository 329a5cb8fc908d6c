//! Types of the timecoin ledger.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::BoundedVec;
use scale_info::TypeInfo;
#[cfg(feature = "std")]
use serde::{Deserialize, Serialize};
use sp_core::H256;

/// Seconds of an issuer's personal time: the unit of every timecoin amount.
pub type Seconds = u64;

/// The largest capacity an issuer may declare: 2^53 - 1 seconds (285 million years). Every
/// timecoin amount is at most its issuer's capacity, so each one fits a JavaScript number
/// exactly and travels as a plain number in JSON.
pub const MAX_CAPACITY: Seconds = (1 << 53) - 1;
/// Number of a pour; pours are numbered from 0 and a number is never reused.
pub use utxo_core::PourId;
/// Number of an appointment; never reused.
pub type AppointmentId = u64;
/// A coin id: BLAKE2-256 of (`"timecoin"`, pour id, output index), see [`utxo_core::coin_id`].
pub type CoinId = H256;

/// An output of a pour: a new coin for `holder`.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct PourOutput<AccountId> {
	pub holder: AccountId,
	pub amount: Seconds,
}

/// What an issuer stands behind and how it has kept its appointments.
#[derive(Clone, PartialEq, Eq, Debug, Default, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct IssuerDetails<Balance> {
	/// Seconds the issuer declared it stands behind; issuing beyond it fails.
	pub capacity: Seconds,
	/// Seconds owed: live coins plus seconds locked in open appointments.
	pub outstanding: Seconds,
	/// Appointments where the holder reported a no-show the issuer did not answer.
	pub no_shows: u32,
	/// No-show reports the issuer contested: disputes, also counted on the holder's record.
	pub disputes: u32,
	/// COD held from the issuer for this record (zero once the issuer retired: the record then
	/// stays only to keep its no-shows and disputes public).
	pub deposit: Balance,
}

/// A holder's record: open appointments (of every issuer) and disputes. It exists while the
/// holder has an open appointment or a dispute on record.
#[derive(Clone, PartialEq, Eq, Debug, Default, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct HolderDetails<Balance> {
	/// Open appointments the holder booked.
	pub open: u32,
	/// No-show reports of the holder that the issuer contested.
	pub disputes: u32,
	/// COD held from the holder for this record.
	pub deposit: Balance,
}

/// How a closed appointment ended, for the issuer's exercise history.
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
pub enum ExerciseOutcome {
	/// Kept: both sides confirmed, or the holder did not object in time.
	Settled,
	/// Cancelled by the issuer before it began; the holder got its seconds back.
	Cancelled,
	/// The holder reported a no-show the issuer did not answer; the holder got its seconds back.
	NoShow,
	/// The issuer contested the holder's no-show report; the holder got its seconds back and
	/// both records count a dispute.
	Disputed,
}

/// One closed appointment in an issuer's exercise history.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, MaxEncodedLen)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct ExerciseRecord<AccountId> {
	pub id: AppointmentId,
	pub holder: AccountId,
	pub begin: Seconds,
	pub end: Seconds,
	pub outcome: ExerciseOutcome,
	/// When it closed (Unix seconds).
	pub closed: Seconds,
}

/// Where an appointment stands.
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
pub enum AppointmentStatus {
	/// Booked; each side may confirm after `end`.
	Booked { holder_confirmed: bool, issuer_confirmed: bool },
	/// The holder reported that the issuer did not show up, at this time (seconds).
	NoShowReported { at: Seconds },
}

/// A booked interval `[begin, end)` of the issuer's time, paid with the holder's coins (seed:
/// 行使, exercise).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct AppointmentDetails<AccountId, Balance> {
	pub issuer: AccountId,
	pub holder: AccountId,
	/// Unix time in seconds.
	pub begin: Seconds,
	/// Unix time in seconds, `> begin`.
	pub end: Seconds,
	/// The pour that booked it.
	pub pour_id: PourId,
	pub status: AppointmentStatus,
	/// COD held from the holder while the appointment is open.
	pub deposit: Balance,
}

impl<AccountId, Balance> AppointmentDetails<AccountId, Balance> {
	/// The seconds the appointment locks: `end - begin`.
	pub fn seconds(&self) -> Seconds {
		self.end.saturating_sub(self.begin)
	}
}

/// An issuer's open appointments as `(begin, end, id)`, sorted by `begin`, pairwise disjoint.
pub type Schedule<S> = BoundedVec<(Seconds, Seconds, AppointmentId), S>;

/// A coin as queries return it (stored as [`utxo_core::CoinDetails`]).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct CoinInfo<AccountId> {
	pub id: CoinId,
	pub pour_id: PourId,
	pub issuer: AccountId,
	pub holder: AccountId,
	pub amount: Seconds,
}

/// An issuer as queries return it.
#[derive(Clone, PartialEq, Eq, Debug, Default, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct IssuerSummary {
	pub capacity: Seconds,
	pub outstanding: Seconds,
	pub no_shows: u32,
	pub disputes: u32,
	/// Open appointments.
	pub appointments: u32,
}

/// An appointment as queries return it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct AppointmentInfo<AccountId> {
	pub id: AppointmentId,
	pub issuer: AccountId,
	pub holder: AccountId,
	pub begin: Seconds,
	pub end: Seconds,
	pub status: AppointmentStatus,
}

/// What a holder holds of one issuer's timecoin, as queries return it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct HoldingInfo<AccountId> {
	pub issuer: AccountId,
	/// Seconds in the holder's live coins of `issuer`.
	pub balance: Seconds,
}

/// Inputs of a pour, bounded by the pallet's `MaxInputs`.
pub type Inputs<S> = BoundedVec<CoinId, S>;
/// Outputs of a pour, bounded by the pallet's `MaxOutputs`.
pub type Outputs<AccountId, S> = BoundedVec<PourOutput<AccountId>, S>;
