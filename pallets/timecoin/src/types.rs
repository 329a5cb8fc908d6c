//! Types of the timecoin ledger.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::BoundedVec;
use scale_info::TypeInfo;
#[cfg(feature = "std")]
use serde::{Deserialize, Serialize};
use sp_core::H256;

/// Seconds of an issuer's personal time: the unit of every timecoin amount.
pub type Seconds = u64;
/// Number of a pour; pours are numbered from 0 and a number is never reused.
pub type PourId = u64;
/// Number of an appointment; never reused.
pub type AppointmentId = u64;
/// A coin id: BLAKE2-256 of (`"timecoin"`, pour id, output index), see [`utxo_core::coin_id`].
pub type CoinId = H256;

/// A live (unspent) timecoin.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct Coin<AccountId, Balance> {
	/// The pour that created it.
	pub pour_id: PourId,
	/// Whose time it is: the issuer promises `amount` seconds of personal time.
	pub issuer: AccountId,
	/// Who may spend it.
	pub holder: AccountId,
	/// Seconds, never zero.
	pub amount: Seconds,
	/// Who paid the storage deposit, and gets it back when the coin is spent.
	pub depositor: AccountId,
	/// The COD held from `depositor` while the coin lives.
	pub deposit: Balance,
}

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
pub struct IssuerInfo<Balance> {
	/// Seconds the issuer declared it stands behind; issuing beyond it fails.
	pub capacity: Seconds,
	/// Seconds owed: live coins plus seconds locked in open appointments.
	pub outstanding: Seconds,
	/// Appointments where the holder reported a no-show the issuer did not answer.
	pub no_shows: u32,
	/// No-show reports the issuer contested.
	pub contested: u32,
	/// COD held from the issuer for this record.
	pub deposit: Balance,
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
	/// The issuer contested the holder's no-show report.
	NoShowContested,
}

/// A booked interval `[begin, end)` of the issuer's time, paid with the holder's coins (seed:
/// 行使, exercise).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct Appointment<AccountId, Balance> {
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

impl<AccountId, Balance> Appointment<AccountId, Balance> {
	/// The seconds the appointment locks: `end - begin`.
	pub fn seconds(&self) -> Seconds {
		self.end.saturating_sub(self.begin)
	}
}

/// An issuer's open appointments as `(begin, end, id)`, sorted by `begin`, pairwise disjoint.
pub type Schedule<S> = BoundedVec<(Seconds, Seconds, AppointmentId), S>;

/// A coin as queries return it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct CoinDetails<AccountId> {
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
	pub contested: u32,
	/// Open appointments.
	pub appointments: u32,
}

/// An appointment as queries return it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct AppointmentDetails<AccountId> {
	pub id: AppointmentId,
	pub issuer: AccountId,
	pub holder: AccountId,
	pub begin: Seconds,
	pub end: Seconds,
	pub status: AppointmentStatus,
}

/// Inputs of a pour, bounded by the pallet's `MaxInputs`.
pub type Inputs<S> = BoundedVec<CoinId, S>;
/// Outputs of a pour, bounded by the pallet's `MaxOutputs`.
pub type Outputs<AccountId, S> = BoundedVec<PourOutput<AccountId>, S>;
