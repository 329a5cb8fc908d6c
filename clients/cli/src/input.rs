//! Reading the user's words: outputs, times, expiries, coin lists.

use crate::Ctx;
use codchain_client::{parse_account, parse_coin_id, AccountId, Error, H256};

/// `ADDRESS=AMOUNT` with the amount read by `amount`.
pub fn outputs<A>(
	items: &[String],
	amount: impl Fn(&str) -> Result<A, Error>,
) -> Result<Vec<(AccountId, A)>, Error> {
	items
		.iter()
		.map(|item| {
			let (who, value) = item.rsplit_once('=').ok_or_else(|| {
				Error::Input(format!("{item:?}: write an output as ADDRESS=AMOUNT"))
			})?;
			Ok((parse_account(who)?, amount(value)?))
		})
		.collect()
}

pub fn coin_ids(items: &[String]) -> Result<Vec<H256>, Error> {
	items.iter().map(|s| parse_coin_id(s)).collect()
}

/// Unix seconds, or a UTC date (`2026-12-01T10:00:00Z`, `2026-12-01 10:00`).
pub fn time(input: &str) -> Result<u64, Error> {
	if let Ok(n) = input.parse::<u64>() {
		return Ok(n);
	}
	let parsed = chrono::DateTime::parse_from_rfc3339(input)
		.map(|d| d.timestamp())
		.or_else(|_| {
			chrono::NaiveDateTime::parse_from_str(input, "%Y-%m-%d %H:%M")
				.map(|d| d.and_utc().timestamp())
		})
		.map_err(|_| {
			Error::Input(format!(
				"{input:?} is not a time: Unix seconds or a date like 2026-12-01T10:00:00Z"
			))
		})?;
	u64::try_from(parsed).map_err(|_| Error::Input(format!("{input:?} is before 1970")))
}

/// Seconds per block (the BABE slot).
pub const BLOCK_SECONDS: u64 = 6;

/// A block: `1234`, or `+N` blocks / `+DURATION` (e.g. `+1h`) from the best block.
pub async fn expiry(ctx: &mut Ctx, input: &str) -> Result<u32, Error> {
	let Some(rel) = input.strip_prefix('+') else {
		return input
			.parse()
			.map_err(|_| Error::Input(format!("{input:?} is not a block number (or +N, +1h)")));
	};
	let blocks = match rel.parse::<u64>() {
		Ok(n) => n,
		Err(_) => codchain_client::amount::parse_seconds(rel)?.div_ceil(BLOCK_SECONDS),
	};
	let best = ctx.client().await?.best().await?.block_number();
	u32::try_from(best + blocks).map_err(|_| Error::Input(format!("{input:?} is too far ahead")))
}
