//! Choosing which coins pay an amount, for callers that move value by amount (the market)
//! rather than by naming coins.

use alloc::vec::Vec;

use crate::{pour::CoinAmount, CoinId, LedgerError};

/// Takes coins from `coins` in order until they sum to at least `amount`, at most `max` of
/// them, and returns their ids and sum. Reads at most `max + 1` items of `coins`, so the cost
/// is bounded however many coins the holder has.
///
/// Errors: `TooFragmented` (more than `max` coins needed), `InsufficientBalance` (the coins
/// hold less than `amount`), `Overflow`.
pub fn select_coins<A: CoinAmount>(
	coins: impl IntoIterator<Item = (CoinId, A)>,
	amount: A,
	max: u32,
) -> Result<(Vec<CoinId>, A), LedgerError> {
	let mut picked = Vec::new();
	let mut total = A::zero();
	for (id, value) in coins {
		if total >= amount {
			break;
		}
		if picked.len() == max as usize {
			return Err(LedgerError::TooFragmented);
		}
		total = total.checked_add(&value).ok_or(LedgerError::Overflow)?;
		picked.push(id);
	}
	if total < amount {
		return Err(LedgerError::InsufficientBalance);
	}
	Ok((picked, total))
}
