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

/// Short byte strings that people read (an off-chain unit such as "CNY") as JSON strings, so a
/// dApp writes `"CNY"`, not `[67,78,89]`. Input may also be the array of bytes (what earlier
/// clients sent); bytes that are not UTF-8, which no string input can produce, come back as the
/// array. The field's own bound applies: a value longer than its type allows is refused.
///
/// Use as `#[serde(with = "codchain_support::text_bytes")]` on a `BoundedVec<u8, _>`.
#[cfg(feature = "std")]
pub mod text_bytes {
	use serde::{de, Deserializer, Serialize, Serializer};

	pub fn serialize<T: AsRef<[u8]>, S: Serializer>(v: &T, s: S) -> Result<S::Ok, S::Error> {
		match core::str::from_utf8(v.as_ref()) {
			Ok(text) => s.serialize_str(text),
			Err(_) => v.as_ref().serialize(s),
		}
	}

	struct Bytes;

	impl<'de> de::Visitor<'de> for Bytes {
		type Value = std::vec::Vec<u8>;

		fn expecting(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
			f.write_str("a string or an array of bytes")
		}

		fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
			Ok(v.as_bytes().to_vec())
		}

		fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Self::Value, E> {
			Ok(v.to_vec())
		}

		fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
			let mut out = std::vec::Vec::new();
			while let Some(b) = seq.next_element::<u8>()? {
				out.push(b);
			}
			Ok(out)
		}
	}

	pub fn deserialize<'de, T, D>(d: D) -> Result<T, D::Error>
	where
		T: TryFrom<std::vec::Vec<u8>>,
		D: Deserializer<'de>,
	{
		let bytes = d.deserialize_any(Bytes)?;
		let len = bytes.len();
		T::try_from(bytes)
			.map_err(|_| de::Error::custom(std::format!("{len} bytes: longer than allowed")))
	}
}

#[cfg(test)]
mod tests {
	use frame_support::{traits::ConstU32, BoundedVec};

	#[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
	struct U {
		#[serde(with = "super::text_bytes")]
		unit: BoundedVec<u8, ConstU32<4>>,
	}

	fn unit(bytes: &[u8]) -> U {
		U { unit: BoundedVec::truncate_from(bytes.to_vec()) }
	}

	#[test]
	fn a_unit_is_a_json_string_both_ways() {
		assert_eq!(serde_json::to_string(&unit(b"CNY")).unwrap(), r#"{"unit":"CNY"}"#);
		assert_eq!(serde_json::from_str::<U>(r#"{"unit":"CNY"}"#).unwrap(), unit(b"CNY"));
		// Multi-byte UTF-8 counts in bytes: "元" is three.
		assert_eq!(serde_json::from_str::<U>(r#"{"unit":"元"}"#).unwrap(), unit("元".as_bytes()));
		assert_eq!(serde_json::to_string(&unit("元".as_bytes())).unwrap(), r#"{"unit":"元"}"#);
	}

	#[test]
	fn the_byte_array_form_is_still_accepted() {
		assert_eq!(serde_json::from_str::<U>(r#"{"unit":[67,78,89]}"#).unwrap(), unit(b"CNY"));
		// Bytes no string can carry come back as they went in.
		assert_eq!(serde_json::to_string(&unit(&[0xff, 0])).unwrap(), r#"{"unit":[255,0]}"#);
	}

	#[test]
	fn a_unit_longer_than_its_bound_or_not_bytes_is_refused() {
		assert!(serde_json::from_str::<U>(r#"{"unit":"HOURS"}"#).is_err());
		assert!(serde_json::from_str::<U>(r#"{"unit":"元元"}"#).is_err());
		assert!(serde_json::from_str::<U>(r#"{"unit":[1,2,3,4,5]}"#).is_err());
		assert!(serde_json::from_str::<U>(r#"{"unit":[256]}"#).is_err());
		assert!(serde_json::from_str::<U>(r#"{"unit":7}"#).is_err());
		assert!(serde_json::from_str::<U>(r#"{"unit":null}"#).is_err());
	}

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
