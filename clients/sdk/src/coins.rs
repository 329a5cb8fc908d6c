//! What timecoin and codcoin share as coin ledgers: listing a holder's coins page by page and
//! picking the coins that pay an amount.

use crate::{error::Error, AccountId, H256};

/// The fields of a coin both ledgers report.
pub trait Coin {
	fn id(&self) -> H256;
	fn issuer(&self) -> &AccountId;
	fn holder(&self) -> &AccountId;
	fn value(&self) -> u128;
}

/// Rows a paged query returns at most per call; the runtime caps pages itself too.
pub const PAGE: u32 = 200;

/// Fetch every page of a paged query, continuing after the last row of each page.
pub async fn all_pages<T, K, F, Fut>(mut fetch: F, key: impl Fn(&T) -> K) -> Result<Vec<T>, Error>
where
	F: FnMut(Option<K>) -> Fut,
	Fut: std::future::Future<Output = Result<Vec<T>, Error>>,
{
	let mut out = Vec::new();
	let mut after = None;
	loop {
		let page = fetch(after.take()).await?;
		let full = page.len() as u32 >= PAGE;
		after = page.last().map(&key);
		out.extend(page);
		if !full || after.is_none() {
			return Ok(out);
		}
	}
}

/// Choose coins of `issuer` among `coins` whose sum covers `amount`, largest first so a
/// payment uses as few inputs as it can; at most `max_inputs` of them.
pub fn select<C: Coin>(
	coins: &[C],
	issuer: &AccountId,
	amount: u128,
	max_inputs: usize,
) -> Result<Vec<H256>, Error> {
	let mut own: Vec<&C> = coins.iter().filter(|c| c.issuer() == issuer).collect();
	own.sort_by_key(|c| std::cmp::Reverse(c.value()));
	let (mut picked, mut sum) = (Vec::new(), 0u128);
	for c in own.iter().take(max_inputs) {
		if sum >= amount {
			break;
		}
		picked.push(c.id());
		sum = sum.saturating_add(c.value());
	}
	if sum < amount {
		let total: u128 = own.iter().map(|c| c.value()).fold(0, u128::saturating_add);
		return Err(Error::Input(if total < amount {
			format!("the signer holds {total} of this issuer's coin, less than {amount}")
		} else {
			format!(
				"{amount} needs more than {max_inputs} coins; merge them first \
				 (`codchain codcoin|timecoin merge --issuer …`)"
			)
		}));
	}
	Ok(picked)
}

/// The next step of merging a balance split into many coins: the smallest coins of `issuer`
/// among `coins`, at most `max_inputs`, and their sum, for one payment to oneself that turns
/// them into one coin. `None` when one coin or none is left. Each step removes up to
/// `max_inputs - 1` coins, so `n` coins take `ceil((n - 1) / (max_inputs - 1))` steps; the
/// largest coins are merged last, so a payment that needs them can still go out meanwhile.
pub fn next_merge<C: Coin>(
	coins: &[C],
	issuer: &AccountId,
	max_inputs: usize,
) -> Option<(Vec<H256>, u128)> {
	let mut own: Vec<&C> = coins.iter().filter(|c| c.issuer() == issuer).collect();
	if own.len() < 2 || max_inputs < 2 {
		return None;
	}
	own.sort_by_key(|c| c.value());
	own.truncate(max_inputs);
	let sum = own.iter().map(|c| c.value()).fold(0u128, u128::saturating_add);
	Some((own.iter().map(|c| c.id()).collect(), sum))
}

/// Check that the coins named are held by `holder`, so a wrong id gets its own message before
/// anything is signed.
pub fn check_named<C: Coin>(coins: &[C], named: &[H256], holder: &AccountId) -> Result<(), Error> {
	for id in named {
		match coins.iter().find(|c| &c.id() == id) {
			Some(c) if c.holder() == holder => {},
			_ => {
				return Err(Error::Input(format!(
					"unknown coin 0x{}: the signer holds no coin with this id",
					hex::encode(id.0)
				)))
			},
		}
	}
	Ok(())
}

#[cfg(test)]
mod tests {
	use super::*;

	struct C(u8, AccountId, u128);
	impl Coin for C {
		fn id(&self) -> H256 {
			H256::from([self.0; 32])
		}
		fn issuer(&self) -> &AccountId {
			&self.1
		}
		fn holder(&self) -> &AccountId {
			&self.1
		}
		fn value(&self) -> u128 {
			self.2
		}
	}

	#[test]
	fn the_seed_example_uses_both_coins_and_other_issuers_are_ignored() {
		let (a, z) = (AccountId::from([1; 32]), AccountId::from([2; 32]));
		let coins = [C(1, a, 10), C(2, z, 500), C(3, a, 80)];
		assert_eq!(
			select(&coins, &a, 85, 8).unwrap(),
			vec![H256::from([3; 32]), H256::from([1; 32])]
		);
		assert_eq!(select(&coins, &a, 80, 8).unwrap(), vec![H256::from([3; 32])]);
		assert!(select(&coins, &a, 91, 8).unwrap_err().to_string().contains("holds 90"));
		assert!(select(&coins, &a, 85, 1).unwrap_err().to_string().contains("more than 1 coins"));
	}

	#[test]
	fn a_merge_takes_the_smallest_coins_of_one_issuer_up_to_the_input_cap() {
		let (a, z) = (AccountId::from([1; 32]), AccountId::from([2; 32]));
		let coins = [C(1, a, 50), C(2, z, 1), C(3, a, 5), C(4, a, 7)];
		assert_eq!(
			next_merge(&coins, &a, 2),
			Some((vec![H256::from([3; 32]), H256::from([4; 32])], 12))
		);
		assert_eq!(
			next_merge(&coins, &a, 16),
			Some((vec![H256::from([3; 32]), H256::from([4; 32]), H256::from([1; 32])], 62))
		);
		// One coin of the issuer (the other issuer's does not count) is already merged.
		assert_eq!(next_merge(&coins, &z, 16), None);
		assert_eq!(next_merge(&coins[..1], &a, 16), None);
	}
}
