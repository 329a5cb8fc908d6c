//! Choosing which coins pay an amount, for callers that move value by amount (the market)
//! rather than by naming coins.

use alloc::vec::Vec;

use crate::{pour::Amount, CoinId};

/// Why no selection pays the amount.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SelectError {
	/// The coins offered hold less than the amount.
	Insufficient,
	/// Reaching the amount takes more than `max` coins (the holder may still have enough).
	TooFragmented,
	/// A sum of amounts does not fit the amount type.
	Overflow,
}

/// Takes coins from `coins` in order until they sum to at least `amount`, at most `max` of
/// them, and returns their ids and sum. Reads at most `max + 1` items of `coins`, so the cost
/// is bounded however many coins the holder has.
pub fn select_coins<Balance: Amount>(
	coins: impl IntoIterator<Item = (CoinId, Balance)>,
	amount: Balance,
	max: u32,
) -> Result<(Vec<CoinId>, Balance), SelectError> {
	let mut picked = Vec::new();
	let mut total = Balance::zero();
	for (id, value) in coins {
		if total >= amount {
			break;
		}
		if picked.len() == max as usize {
			return Err(SelectError::TooFragmented);
		}
		total = total.checked_add(&value).ok_or(SelectError::Overflow)?;
		picked.push(id);
	}
	if total < amount {
		return Err(SelectError::Insufficient);
	}
	Ok((picked, total))
}
