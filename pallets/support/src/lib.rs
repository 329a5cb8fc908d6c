//! Helpers Codchain's pallets share and that belong to none of them.

#![cfg_attr(not(feature = "std"), no_std)]

/// `u128` amounts as decimal strings in JSON: a JavaScript number holds integers exactly only
/// up to 2^53, so `@polkadot/api` clients would silently round larger amounts.
///
/// Use as `#[serde(with = "codchain_support::u128_str")]`.
#[cfg(feature = "std")]
pub mod u128_str {
	use serde::{Deserialize, Deserializer, Serializer};

	pub fn serialize<S: Serializer>(v: &u128, s: S) -> Result<S::Ok, S::Error> {
		s.serialize_str(&v.to_string())
	}

	pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<u128, D::Error> {
		let s = std::string::String::deserialize(d)?;
		s.parse().map_err(serde::de::Error::custom)
	}
}

#[cfg(test)]
mod tests {
	#[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
	struct A {
		#[serde(with = "super::u128_str")]
		v: u128,
	}

	#[test]
	fn u128_round_trips_through_a_json_string() {
		let a = A { v: u128::MAX };
		let json = serde_json::to_string(&a).unwrap();
		assert_eq!(json, format!("{{\"v\":\"{}\"}}", u128::MAX));
		assert_eq!(serde_json::from_str::<A>(&json).unwrap(), a);
		assert!(serde_json::from_str::<A>("{\"v\":\"-1\"}").is_err());
	}
}
