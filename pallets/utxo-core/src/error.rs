//! The one error type of the ledger rules and the ledger engine. Pallets nest it in their own
//! error (`Error::Ledger(LedgerError::..)`) rather than copying its variants.

use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::PalletError;
use scale_info::TypeInfo;

/// Why a pour, or a move of value by amount, is refused. Each variant is one rule.
#[derive(
	Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, PalletError,
)]
pub enum LedgerError {
	/// More inputs than the ledger's `MaxInputs`.
	TooManyInputs,
	/// More outputs than the ledger's `MaxOutputs`.
	TooManyOutputs,
	/// Neither an input nor a mint: nothing to pour.
	EmptyPour,
	/// Only the issuer may mint (timecoin: add time; codcoin: issue).
	MintByNonIssuer,
	/// An output of amount zero.
	ZeroAmountOutput,
	/// The same coin appears twice among the inputs.
	DuplicateInput,
	/// An input does not exist or was already spent.
	UnknownOrSpentInput,
	/// An input is a coin of another issuer than the pour's.
	MixedIssuers,
	/// An input is held by someone other than the signer.
	NotHolder,
	/// A sum of amounts does not fit the amount type.
	Overflow,
	/// `sum(outputs) + burned != sum(inputs) + minted`.
	Unbalanced,
	/// The inputs hold less than the payment, transfer or exercise needs.
	InsufficientInputs,
	/// The account holds less of this coin than asked for.
	InsufficientBalance,
	/// Reaching the amount takes more than `MaxInputs` coins: name the coins to spend, or
	/// merge them with a transfer to self first.
	TooFragmented,
	/// Less in escrow than asked for.
	InsufficientEscrow,
	/// Not enough free COD for the storage deposits of the coins the pour creates.
	InsufficientDeposit,
	/// The pour id counter reached its maximum.
	IdsExhausted,
}
