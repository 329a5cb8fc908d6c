//! Amounts as people write them: COD with up to 12 decimals, seconds with a unit, plain units.

use std::fmt;

/// COD has 12 decimals: 1 COD = 10^12 planck.
pub const COD_DECIMALS: u32 = 12;
/// One COD in its smallest unit.
pub const COD: u128 = 10u128.pow(COD_DECIMALS);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum AmountError {
	#[error("{0:?} is not an amount: write digits with an optional decimal point, e.g. 12.5")]
	NotANumber(String),
	#[error("{0:?}: amounts cannot be negative")]
	Negative(String),
	#[error("{input:?} has more than {max} decimals")]
	TooManyDecimals { input: String, max: u32 },
	#[error("{0:?} is too large")]
	TooLarge(String),
	#[error(
		"{0:?} is not a duration: write seconds (90, 90s) or with a unit (15m, 2h, 1h30m, 1d)"
	)]
	NotADuration(String),
}

/// Parse a decimal amount with at most `decimals` digits after the point, in the smallest unit.
pub fn parse_decimal(input: &str, decimals: u32) -> Result<u128, AmountError> {
	let s = input.trim().replace('_', "");
	if s.starts_with('-') {
		return Err(AmountError::Negative(input.to_string()));
	}
	let s = s.strip_prefix('+').unwrap_or(&s);
	let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
	let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
	if (whole.is_empty() && frac.is_empty()) || !digits(whole) || !digits(frac) {
		return Err(AmountError::NotANumber(input.to_string()));
	}
	let frac = frac.trim_end_matches('0');
	if frac.len() > decimals as usize {
		return Err(AmountError::TooManyDecimals { input: input.to_string(), max: decimals });
	}
	let too_large = || AmountError::TooLarge(input.to_string());
	let scale = 10u128.checked_pow(decimals).ok_or_else(too_large)?;
	let whole: u128 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| too_large())? };
	let frac_value: u128 = if frac.is_empty() {
		0
	} else {
		let f: u128 = frac.parse().map_err(|_| too_large())?;
		f * 10u128.pow(decimals - frac.len() as u32)
	};
	whole.checked_mul(scale).and_then(|w| w.checked_add(frac_value)).ok_or_else(too_large)
}

/// Print an amount in the smallest unit with `decimals` decimals, trailing zeros dropped.
pub fn format_decimal(value: u128, decimals: u32) -> String {
	let scale = 10u128.pow(decimals);
	let (whole, frac) = (value / scale, value % scale);
	if frac == 0 {
		return whole.to_string();
	}
	let frac = format!("{frac:0width$}", width = decimals as usize);
	format!("{whole}.{}", frac.trim_end_matches('0'))
}

/// `"1.5"` → 1.5 COD in planck.
pub fn parse_cod(input: &str) -> Result<u128, AmountError> {
	parse_decimal(input.trim().trim_end_matches("COD").trim(), COD_DECIMALS)
}

/// Planck → `"1.5"` (COD, without the unit).
pub fn format_cod(planck: u128) -> String {
	format_decimal(planck, COD_DECIMALS)
}

/// A COD amount that displays as `1.5 COD`.
pub struct Cod(pub u128);

impl fmt::Display for Cod {
	fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
		write!(f, "{} COD", format_cod(self.0))
	}
}

/// Whole units (codcoin, market amounts of off-chain resources): digits only.
pub fn parse_units(input: &str) -> Result<u128, AmountError> {
	parse_decimal(input, 0)
}

/// Seconds of time: `90`, `90s`, `15m`, `2h`, `1h30m`, `1d`.
pub fn parse_seconds(input: &str) -> Result<u64, AmountError> {
	let s = input.trim();
	if s.starts_with('-') {
		return Err(AmountError::Negative(input.to_string()));
	}
	let bad = || AmountError::NotADuration(input.to_string());
	if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
		return s.parse().map_err(|_| AmountError::TooLarge(input.to_string()));
	}
	let (mut total, mut number) = (0u64, String::new());
	for c in s.chars() {
		if c.is_ascii_digit() {
			number.push(c);
			continue;
		}
		let unit = match c {
			's' => 1,
			'm' => 60,
			'h' => 3_600,
			'd' => 86_400,
			_ => return Err(bad()),
		};
		let n: u64 = number.parse().map_err(|_| bad())?;
		number.clear();
		total = n
			.checked_mul(unit)
			.and_then(|v| total.checked_add(v))
			.ok_or_else(|| AmountError::TooLarge(input.to_string()))?;
	}
	if !number.is_empty() || s.is_empty() {
		return Err(bad());
	}
	Ok(total)
}

/// `5100` → `"1h 25m"`; seconds are shown when not a whole minute.
pub fn format_seconds(seconds: u64) -> String {
	if seconds == 0 {
		return "0s".into();
	}
	let parts = [(86_400, "d"), (3_600, "h"), (60, "m"), (1, "s")];
	let mut rest = seconds;
	let mut out = Vec::new();
	for (size, unit) in parts {
		if rest >= size {
			out.push(format!("{}{unit}", rest / size));
			rest %= size;
		}
	}
	out.join(" ")
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn cod_amounts_parse_with_up_to_twelve_decimals() {
		assert_eq!(parse_cod("1"), Ok(COD));
		assert_eq!(parse_cod("1.5"), Ok(COD * 3 / 2));
		assert_eq!(parse_cod("0.000000000001"), Ok(1));
		assert_eq!(parse_cod(".5"), Ok(COD / 2));
		assert_eq!(parse_cod("2.50 COD"), Ok(COD * 5 / 2));
		assert_eq!(parse_cod("1_000"), Ok(1_000 * COD));
		assert_eq!(parse_cod("1.0000000000000"), Ok(COD), "trailing zeros are not precision");
	}

	#[test]
	fn bad_amounts_are_refused_with_their_own_error() {
		assert!(matches!(parse_cod("0.0000000000001"), Err(AmountError::TooManyDecimals { .. })));
		assert!(matches!(parse_cod("-1"), Err(AmountError::Negative(_))));
		for s in ["", ".", "1.2.3", "abc", "1e5", "0x10", "1,5"] {
			assert!(matches!(parse_cod(s), Err(AmountError::NotANumber(_))), "{s}");
		}
		assert!(matches!(
			parse_cod("340282366920938463463374607431768211456"),
			Err(AmountError::TooLarge(_))
		));
		assert!(matches!(parse_cod("340282366920938463463374608"), Err(AmountError::TooLarge(_))));
		assert!(matches!(parse_units("1.5"), Err(AmountError::TooManyDecimals { .. })));
	}

	#[test]
	fn cod_prints_as_it_parses() {
		for v in [0, 1, COD, COD / 2, 123_456_789_000_000, u128::MAX] {
			assert_eq!(parse_cod(&format_cod(v)), Ok(v));
		}
		assert_eq!(format_cod(COD * 3 / 2), "1.5");
		assert_eq!(Cod(10 * COD).to_string(), "10 COD");
	}

	#[test]
	fn durations() {
		assert_eq!(parse_seconds("90"), Ok(90));
		assert_eq!(parse_seconds("90s"), Ok(90));
		assert_eq!(parse_seconds("1h30m"), Ok(5_400));
		assert_eq!(parse_seconds("1d"), Ok(86_400));
		for s in ["", "h", "1x", "1h30", "1.5h"] {
			assert!(matches!(parse_seconds(s), Err(AmountError::NotADuration(_))), "{s}");
		}
		assert!(matches!(parse_seconds("-5"), Err(AmountError::Negative(_))));
		assert_eq!(format_seconds(5_100), "1h 25m");
		assert_eq!(format_seconds(85), "1m 25s");
	}
}
