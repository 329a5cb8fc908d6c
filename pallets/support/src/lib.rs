//! Helpers Codchain's pallets share and that belong to none of them.

#![cfg_attr(not(feature = "std"), no_std)]

/// Storage deposits: COD a user puts on hold for state it creates, given back when the state
/// goes. Every pallet holds them the same way, so they live here.
pub mod deposit {
	use frame_support::traits::tokens::{fungible::MutateHold, Precision};
	use sp_runtime::{traits::Zero, DispatchError};

	/// Holds `amount` of `who`'s free balance for `reason`. A zero deposit (the runtime may set
	/// one) touches nothing, so it never fails on an account without funds.
	pub fn hold<AccountId, Currency: MutateHold<AccountId>>(
		reason: &Currency::Reason,
		who: &AccountId,
		amount: Currency::Balance,
	) -> Result<(), DispatchError> {
		if amount.is_zero() {
			return Ok(());
		}
		Currency::hold(reason, who, amount)
	}

	/// Gives back up to `amount` held for `reason`. Best effort: a deposit partly slashed
	/// elsewhere (a hold can be) still returns what is left instead of failing the call that
	/// removes the state.
	pub fn release<AccountId, Currency: MutateHold<AccountId>>(
		reason: &Currency::Reason,
		who: &AccountId,
		amount: Currency::Balance,
	) -> Result<(), DispatchError> {
		if amount.is_zero() {
			return Ok(());
		}
		Currency::release(reason, who, amount, Precision::BestEffort).map(|_| ())
	}
}

/// Amounts as decimal strings in JSON: a JavaScript number holds integers exactly only up to
/// 2^53, so `@polkadot/api` clients would silently round larger `u128` amounts.
///
/// Use as `#[serde(with = "codchain_support::amount_str")]`. On a field of a generic type, add
/// `#[serde(bound(serialize = "B: core::fmt::Display", deserialize = "B: core::str::FromStr,
/// <B as core::str::FromStr>::Err: core::fmt::Display"))]`: serde infers no bounds for it.
#[cfg(feature = "std")]
pub mod amount_str {
	use core::{fmt::Display, str::FromStr};
	use serde::{Deserialize, Deserializer, Serializer};

	pub fn serialize<T: Display, S: Serializer>(v: &T, s: S) -> Result<S::Ok, S::Error> {
		s.collect_str(v)
	}

	pub fn deserialize<'de, T, D>(d: D) -> Result<T, D::Error>
	where
		T: FromStr,
		T::Err: Display,
		D: Deserializer<'de>,
	{
		let s = std::string::String::deserialize(d)?;
		s.parse().map_err(serde::de::Error::custom)
	}
}

#[cfg(test)]
mod tests {
	#[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
	struct A {
		#[serde(with = "super::amount_str")]
		v: u128,
	}

	#[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
	struct G<B> {
		#[serde(with = "super::amount_str")]
		#[serde(bound(
			serialize = "B: core::fmt::Display",
			deserialize = "B: core::str::FromStr, <B as core::str::FromStr>::Err: core::fmt::Display"
		))]
		v: B,
	}

	#[test]
	fn u128_round_trips_through_a_json_string() {
		let a = A { v: u128::MAX };
		let json = serde_json::to_string(&a).unwrap();
		assert_eq!(json, format!("{{\"v\":\"{}\"}}", u128::MAX));
		assert_eq!(serde_json::from_str::<A>(&json).unwrap(), a);
		assert!(serde_json::from_str::<A>("{\"v\":\"-1\"}").is_err());
		assert!(serde_json::from_str::<A>("{\"v\":1}").is_err());
	}

	#[test]
	fn a_generic_balance_serializes_as_a_string() {
		let g = G { v: 10_000_000_000_000_000_000u128 };
		let json = serde_json::to_string(&g).unwrap();
		assert_eq!(json, "{\"v\":\"10000000000000000000\"}");
		assert_eq!(serde_json::from_str::<G<u128>>(&json).unwrap(), g);
	}
}
