//! Validation of a pour.

use alloc::{collections::BTreeSet, vec::Vec};
use core::fmt::Debug;
use sp_arithmetic::traits::{CheckedAdd, CheckedSub, Zero};

use crate::{CoinId, LedgerError};

/// What a coin amount must support: seconds (`u64`) for timecoin, units (`u128`) for codcoin.
pub trait CoinAmount: Copy + Ord + Zero + CheckedAdd + CheckedSub + Debug {}
impl<T: Copy + Ord + Zero + CheckedAdd + CheckedSub + Debug> CoinAmount for T {}

/// What validation needs to know about an existing, unspent coin.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct CoinView<AccountId, A> {
	pub issuer: AccountId,
	pub holder: AccountId,
	pub amount: A,
}

/// A coin a pour creates: its holder and amount (the issuer is the pour's).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Output<AccountId, A> {
	pub holder: AccountId,
	pub amount: A,
}

/// A pour as submitted: who pours, whose coins, what it consumes, creates, mints and burns.
#[derive(Clone, Copy, Debug)]
pub struct Pour<'a, AccountId, A> {
	/// The signer; must hold every input.
	pub pourer: &'a AccountId,
	/// The issuer every input and output belongs to.
	pub issuer: &'a AccountId,
	/// Ids of the coins consumed.
	pub inputs: &'a [CoinId],
	/// Coins created.
	pub outputs: &'a [Output<AccountId, A>],
	/// Value the issuer adds (timecoin: `time`; codcoin: an issue). Only the issuer may mint.
	pub minted: A,
	/// Value that leaves the coin store (timecoin: the exercised interval; codcoin: a destroy;
	/// both: what moves into market escrow).
	pub burned: A,
}

/// Bounds on the size of a pour, so its weight is bounded.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Limits {
	pub max_inputs: u32,
	pub max_outputs: u32,
}

/// A pour that passed every rule, with the inputs it read so the caller need not read them again.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ValidPour<AccountId, A> {
	pub inputs: Vec<(CoinId, CoinView<AccountId, A>)>,
	pub sum_inputs: A,
	pub sum_outputs: A,
}

/// Checks `pour` against every rule of the ledger, reading unspent coins through `lookup`
/// (`None` = unknown or spent). Pure: it reads, never writes.
pub fn validate_pour<AccountId, A, F>(
	pour: &Pour<'_, AccountId, A>,
	limits: Limits,
	lookup: F,
) -> Result<ValidPour<AccountId, A>, LedgerError>
where
	AccountId: PartialEq + Clone,
	A: CoinAmount,
	F: Fn(&CoinId) -> Option<CoinView<AccountId, A>>,
{
	if pour.inputs.len() > limits.max_inputs as usize {
		return Err(LedgerError::TooManyInputs);
	}
	if pour.outputs.len() > limits.max_outputs as usize {
		return Err(LedgerError::TooManyOutputs);
	}
	if pour.inputs.is_empty() && pour.minted.is_zero() {
		return Err(LedgerError::EmptyPour);
	}
	if !pour.minted.is_zero() && pour.pourer != pour.issuer {
		return Err(LedgerError::MintByNonIssuer);
	}
	if pour.outputs.iter().any(|o| o.amount.is_zero()) {
		return Err(LedgerError::ZeroAmountOutput);
	}
	let mut seen = BTreeSet::new();
	if !pour.inputs.iter().all(|id| seen.insert(id)) {
		return Err(LedgerError::DuplicateInput);
	}

	let mut inputs = Vec::with_capacity(pour.inputs.len());
	let mut sum_inputs = A::zero();
	for id in pour.inputs {
		let coin = lookup(id).ok_or(LedgerError::UnknownOrSpentInput)?;
		if &coin.issuer != pour.issuer {
			return Err(LedgerError::MixedIssuers);
		}
		if &coin.holder != pour.pourer {
			return Err(LedgerError::NotHolder);
		}
		sum_inputs = sum_inputs.checked_add(&coin.amount).ok_or(LedgerError::Overflow)?;
		inputs.push((*id, coin));
	}

	let sum_outputs = pour
		.outputs
		.iter()
		.try_fold(A::zero(), |acc, o| acc.checked_add(&o.amount))
		.ok_or(LedgerError::Overflow)?;
	let out_side = sum_outputs.checked_add(&pour.burned).ok_or(LedgerError::Overflow)?;
	let in_side = sum_inputs.checked_add(&pour.minted).ok_or(LedgerError::Overflow)?;
	if out_side != in_side {
		return Err(LedgerError::Unbalanced);
	}

	Ok(ValidPour { inputs, sum_inputs, sum_outputs })
}
