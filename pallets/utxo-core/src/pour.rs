//! Validation of a pour.

use alloc::{collections::BTreeSet, vec::Vec};
use core::fmt::Debug;
use sp_arithmetic::traits::{CheckedAdd, Zero};

use crate::CoinId;

/// A coin amount: seconds (`u64`) for timecoin, units (`u128`) for codcoin.
pub trait Amount: Copy + Ord + Zero + CheckedAdd + Debug {}
impl<T: Copy + Ord + Zero + CheckedAdd + Debug> Amount for T {}

/// What validation needs to know about an existing, unspent coin.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct CoinView<AccountId, Balance> {
	pub issuer: AccountId,
	pub holder: AccountId,
	pub amount: Balance,
}

/// A coin a pour creates: its holder and amount (the issuer is the pour's).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Output<AccountId, Balance> {
	pub holder: AccountId,
	pub amount: Balance,
}

/// A pour as submitted: who pours, whose coins, what it consumes, creates, mints and burns.
#[derive(Clone, Copy, Debug)]
pub struct Pour<'a, AccountId, Balance> {
	/// The signer; must hold every input.
	pub pourer: &'a AccountId,
	/// The issuer every input and output belongs to.
	pub issuer: &'a AccountId,
	/// Ids of the coins consumed.
	pub inputs: &'a [CoinId],
	/// Coins created.
	pub outputs: &'a [Output<AccountId, Balance>],
	/// Value the issuer adds (timecoin: `time`; codcoin: an issue). Only the issuer may mint.
	pub minted: Balance,
	/// Value that leaves the ledger (timecoin: the exercised interval; codcoin: a destroy).
	pub burned: Balance,
}

/// Bounds on the size of a pour, so its weight is bounded.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Limits {
	pub max_inputs: u32,
	pub max_outputs: u32,
}

/// Why a pour is invalid. Each variant is one rule.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum PourError {
	/// More inputs than [`Limits::max_inputs`].
	TooManyInputs,
	/// More outputs than [`Limits::max_outputs`].
	TooManyOutputs,
	/// Neither an input nor a mint: nothing to pour.
	EmptyPour,
	/// Someone other than the issuer tried to mint (add time).
	MintByNonIssuer,
	/// An output of amount zero.
	ZeroAmountOutput,
	/// The same coin appears twice among the inputs.
	DuplicateInput,
	/// An input does not exist or was already spent.
	UnknownOrSpentInput,
	/// An input is a coin of another issuer than the pour's.
	MixedIssuers,
	/// An input is held by someone other than the pourer.
	NotHolder,
	/// A sum of amounts does not fit the amount type.
	Overflow,
	/// `sum(outputs) + burned != sum(inputs) + minted`.
	Unbalanced,
}

/// A pour that passed every rule, with the inputs it read so the caller need not read them again.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ValidPour<AccountId, Balance> {
	pub inputs: Vec<(CoinId, CoinView<AccountId, Balance>)>,
	pub sum_inputs: Balance,
	pub sum_outputs: Balance,
}

/// Checks `pour` against every rule of the ledger, reading unspent coins through `lookup`
/// (`None` = unknown or spent). Pure: it reads, never writes.
pub fn validate_pour<AccountId, Balance, F>(
	pour: &Pour<'_, AccountId, Balance>,
	limits: Limits,
	lookup: F,
) -> Result<ValidPour<AccountId, Balance>, PourError>
where
	AccountId: PartialEq + Clone,
	Balance: Amount,
	F: Fn(&CoinId) -> Option<CoinView<AccountId, Balance>>,
{
	if pour.inputs.len() > limits.max_inputs as usize {
		return Err(PourError::TooManyInputs);
	}
	if pour.outputs.len() > limits.max_outputs as usize {
		return Err(PourError::TooManyOutputs);
	}
	if pour.inputs.is_empty() && pour.minted.is_zero() {
		return Err(PourError::EmptyPour);
	}
	if !pour.minted.is_zero() && pour.pourer != pour.issuer {
		return Err(PourError::MintByNonIssuer);
	}
	if pour.outputs.iter().any(|o| o.amount.is_zero()) {
		return Err(PourError::ZeroAmountOutput);
	}
	let mut seen = BTreeSet::new();
	if !pour.inputs.iter().all(|id| seen.insert(id)) {
		return Err(PourError::DuplicateInput);
	}

	let mut inputs = Vec::with_capacity(pour.inputs.len());
	let mut sum_inputs = Balance::zero();
	for id in pour.inputs {
		let coin = lookup(id).ok_or(PourError::UnknownOrSpentInput)?;
		if &coin.issuer != pour.issuer {
			return Err(PourError::MixedIssuers);
		}
		if &coin.holder != pour.pourer {
			return Err(PourError::NotHolder);
		}
		sum_inputs = sum_inputs.checked_add(&coin.amount).ok_or(PourError::Overflow)?;
		inputs.push((*id, coin));
	}

	let sum_outputs = pour
		.outputs
		.iter()
		.try_fold(Balance::zero(), |acc, o| acc.checked_add(&o.amount))
		.ok_or(PourError::Overflow)?;
	let out_side = sum_outputs.checked_add(&pour.burned).ok_or(PourError::Overflow)?;
	let in_side = sum_inputs.checked_add(&pour.minted).ok_or(PourError::Overflow)?;
	if out_side != in_side {
		return Err(PourError::Unbalanced);
	}

	Ok(ValidPour { inputs, sum_inputs, sum_outputs })
}
