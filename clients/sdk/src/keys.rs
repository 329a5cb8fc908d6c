//! Signing keys: secret URIs (`//Alice`, a mnemonic with a derivation path, a hex seed) for
//! sr25519 (the default), ed25519 and ecdsa, and the signer subxt submits with.

use crate::{AccountId, Config};
use sp_core::{crypto::Ss58Codec, ecdsa, ed25519, sr25519, Pair as _};
use std::{fmt, str::FromStr};
use subxt::utils::MultiSignature;

/// The SS58 prefix of Codchain addresses (the generic Substrate one).
pub const SS58_PREFIX: u16 = 42;

/// The signature scheme of a key.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum KeyType {
	#[default]
	Sr25519,
	Ed25519,
	Ecdsa,
}

impl KeyType {
	/// The name polkadot.js and `subkey` use.
	pub fn name(&self) -> &'static str {
		match self {
			Self::Sr25519 => "sr25519",
			Self::Ed25519 => "ed25519",
			Self::Ecdsa => "ecdsa",
		}
	}
}

impl fmt::Display for KeyType {
	fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
		f.write_str(self.name())
	}
}

impl FromStr for KeyType {
	type Err = KeyError;
	fn from_str(s: &str) -> Result<Self, KeyError> {
		match s.to_ascii_lowercase().as_str() {
			"sr25519" | "sr" => Ok(Self::Sr25519),
			"ed25519" | "ed" => Ok(Self::Ed25519),
			"ecdsa" | "secp256k1" => Ok(Self::Ecdsa),
			_ => Err(KeyError::UnknownScheme(s.to_string())),
		}
	}
}

/// What can go wrong with a key or an address.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum KeyError {
	#[error("unknown key type {0:?}: use sr25519, ed25519 or ecdsa")]
	UnknownScheme(String),
	#[error("not a valid secret URI (expected //Name, a 12/24-word mnemonic with an optional derivation path, or a 0x-prefixed 32-byte seed): {0}")]
	BadSecret(String),
	#[error("{input:?} is not a Codchain address: {reason}")]
	BadAddress { input: String, reason: String },
	#[error("key file: {0}")]
	KeyFile(String),
}

/// A key pair of any scheme the chain's `MultiSignature` accepts.
// Few key pairs exist at a time and each is used in place; boxing the larger ones would only
// add indirection.
#[allow(clippy::large_enum_variant)]
#[derive(Clone)]
pub enum Keypair {
	Sr25519(sr25519::Pair),
	Ed25519(ed25519::Pair),
	Ecdsa(ecdsa::Pair),
}

impl fmt::Debug for Keypair {
	fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
		// Never print secret material.
		write!(f, "Keypair({}, {})", self.key_type(), self.address())
	}
}

impl Keypair {
	/// A key from a secret URI: `//Alice`, `<mnemonic>//hard/soft///password`, or a hex seed.
	pub fn from_uri(uri: &str, key_type: KeyType) -> Result<Self, KeyError> {
		let bad = |e: sp_core::crypto::SecretStringError| KeyError::BadSecret(format!("{e:?}"));
		Ok(match key_type {
			KeyType::Sr25519 => Self::Sr25519(sr25519::Pair::from_string(uri, None).map_err(bad)?),
			KeyType::Ed25519 => Self::Ed25519(ed25519::Pair::from_string(uri, None).map_err(bad)?),
			KeyType::Ecdsa => Self::Ecdsa(ecdsa::Pair::from_string(uri, None).map_err(bad)?),
		})
	}

	/// A new random key and the 12-word mnemonic that restores it.
	pub fn generate(key_type: KeyType) -> (Self, String) {
		match key_type {
			KeyType::Sr25519 => {
				let (pair, phrase, _) = sr25519::Pair::generate_with_phrase(None);
				(Self::Sr25519(pair), phrase)
			},
			KeyType::Ed25519 => {
				let (pair, phrase, _) = ed25519::Pair::generate_with_phrase(None);
				(Self::Ed25519(pair), phrase)
			},
			KeyType::Ecdsa => {
				let (pair, phrase, _) = ecdsa::Pair::generate_with_phrase(None);
				(Self::Ecdsa(pair), phrase)
			},
		}
	}

	pub fn key_type(&self) -> KeyType {
		match self {
			Self::Sr25519(_) => KeyType::Sr25519,
			Self::Ed25519(_) => KeyType::Ed25519,
			Self::Ecdsa(_) => KeyType::Ecdsa,
		}
	}

	/// The public key: 32 bytes, or 33 (compressed) for ecdsa.
	pub fn public(&self) -> Vec<u8> {
		match self {
			Self::Sr25519(p) => p.public().0.to_vec(),
			Self::Ed25519(p) => p.public().0.to_vec(),
			Self::Ecdsa(p) => p.public().0.to_vec(),
		}
	}

	/// The account: the public key itself, or for ecdsa its blake2-256 hash (as the runtime's
	/// `MultiSigner` derives it).
	pub fn account_id(&self) -> AccountId {
		match self {
			Self::Ecdsa(p) => AccountId::from(sp_crypto_hashing::blake2_256(&p.public().0)),
			_ => {
				let bytes: [u8; 32] =
					self.public().try_into().expect("sr25519/ed25519 keys are 32 bytes");
				AccountId::from(bytes)
			},
		}
	}

	/// The SS58 address of [`Self::account_id`].
	pub fn address(&self) -> String {
		to_ss58(&self.account_id())
	}

	/// The secret key's bytes: what wallet keys derived from this one (CarChain's encryption
	/// key and address pools) are derived from. Never print or send them.
	pub fn secret_bytes(&self) -> Vec<u8> {
		match self {
			Self::Sr25519(p) => p.to_raw_vec(),
			Self::Ed25519(p) => p.to_raw_vec(),
			Self::Ecdsa(p) => p.to_raw_vec(),
		}
	}

	/// Sign `message` as the chain verifies it (ecdsa signs its blake2-256 hash).
	pub fn sign(&self, message: &[u8]) -> MultiSignature {
		match self {
			Self::Sr25519(p) => MultiSignature::Sr25519(p.sign(message).0),
			Self::Ed25519(p) => MultiSignature::Ed25519(p.sign(message).0),
			Self::Ecdsa(p) => MultiSignature::Ecdsa(p.sign(message).0),
		}
	}
}

impl subxt::transactions::Signer<Config> for Keypair {
	fn account_id(&self) -> AccountId {
		Keypair::account_id(self)
	}
	fn sign(&self, signer_payload: &[u8]) -> MultiSignature {
		Keypair::sign(self, signer_payload)
	}
}

/// Does `signature` sign `message` for `account`, as `sp_runtime::MultiSignature::verify` checks
/// it on chain? (ecdsa: the account is the blake2-256 of the recovered compressed key.)
pub fn verify(signature: &MultiSignature, message: &[u8], account: &AccountId) -> bool {
	match signature {
		MultiSignature::Sr25519(s) => sr25519::Pair::verify(
			&sr25519::Signature::from_raw(*s),
			message,
			&sr25519::Public::from_raw(account.0),
		),
		MultiSignature::Ed25519(s) => ed25519::Pair::verify(
			&ed25519::Signature::from_raw(*s),
			message,
			&ed25519::Public::from_raw(account.0),
		),
		MultiSignature::Ecdsa(s) => ecdsa::Signature::from_raw(*s)
			.recover(message)
			.is_some_and(|public| sp_crypto_hashing::blake2_256(&public.0) == account.0),
	}
}

/// The SS58 form (prefix 42) of an account.
pub fn to_ss58(account: &AccountId) -> String {
	sp_core::crypto::AccountId32::from(account.0)
		.to_ss58check_with_version(sp_core::crypto::Ss58AddressFormat::custom(SS58_PREFIX))
}

/// Parse an account: an SS58 address of this network, 32 bytes in hex (`0x…`), or — for
/// development — a secret URI starting with `//` (`//Bob`), which stands for its sr25519 account.
pub fn parse_account(input: &str) -> Result<AccountId, KeyError> {
	let input = input.trim();
	let bad =
		|reason: &str| KeyError::BadAddress { input: input.to_string(), reason: reason.into() };
	if input.starts_with("//") {
		return Keypair::from_uri(input, KeyType::Sr25519)
			.map(|k| k.account_id())
			.map_err(|_| bad("not a valid development secret URI"));
	}
	if let Some(hex) = input.strip_prefix("0x") {
		let bytes = hex::decode(hex).map_err(|_| bad("not hexadecimal"))?;
		let bytes: [u8; 32] = bytes.try_into().map_err(|_| bad("an account is 32 bytes"))?;
		return Ok(AccountId::from(bytes));
	}
	let (account, format) = sp_core::crypto::AccountId32::from_ss58check_with_version(input)
		.map_err(|e| bad(&format!("{e}")))?;
	if u16::from(format) != SS58_PREFIX {
		return Err(bad(&format!(
			"it is an address of another network (SS58 prefix {}, Codchain uses {SS58_PREFIX})",
			u16::from(format)
		)));
	}
	let bytes: [u8; 32] = account.into();
	Ok(AccountId::from(bytes))
}

#[cfg(test)]
mod tests {
	use super::*;

	const ALICE: &str = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";

	#[test]
	fn dev_uris_give_the_well_known_accounts() {
		let alice = Keypair::from_uri("//Alice", KeyType::Sr25519).unwrap();
		assert_eq!(alice.address(), ALICE);
		assert_eq!(parse_account(ALICE).unwrap(), alice.account_id());
		assert_eq!(parse_account("//Alice").unwrap(), alice.account_id());
		// ed25519 //Alice is a different key, hence a different account.
		let ed = Keypair::from_uri("//Alice", KeyType::Ed25519).unwrap();
		assert_eq!(ed.address(), "5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu");
	}

	#[test]
	fn a_mnemonic_with_a_derivation_path_is_a_different_key() {
		let phrase = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";
		let root = Keypair::from_uri(phrase, KeyType::Sr25519).unwrap();
		let alice = Keypair::from_uri(&format!("{phrase}//Alice"), KeyType::Sr25519).unwrap();
		assert_eq!(alice.address(), ALICE);
		assert_ne!(root.address(), alice.address());
	}

	#[test]
	fn ecdsa_accounts_are_the_hash_of_the_public_key() {
		let k = Keypair::from_uri("//Alice", KeyType::Ecdsa).unwrap();
		assert_eq!(k.public().len(), 33);
		assert_eq!(k.account_id().0, sp_crypto_hashing::blake2_256(&k.public()));
	}

	#[test]
	fn malformed_addresses_are_refused_with_a_reason() {
		for bad in ["", "hello", "0x1234", "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQZ"] {
			assert!(matches!(parse_account(bad), Err(KeyError::BadAddress { .. })), "{bad}");
		}
		// Polkadot's prefix 0 encodes the same key differently: refused, not silently accepted.
		let polkadot = sp_core::crypto::AccountId32::from([1u8; 32])
			.to_ss58check_with_version(sp_core::crypto::Ss58AddressFormat::custom(0));
		let err = parse_account(&polkadot).unwrap_err().to_string();
		assert!(err.contains("another network"), "{err}");
	}

	#[test]
	fn every_scheme_signs_what_the_runtime_verifies() {
		for t in [KeyType::Sr25519, KeyType::Ed25519, KeyType::Ecdsa] {
			let (k, phrase) = Keypair::generate(t);
			assert_eq!(Keypair::from_uri(&phrase, t).unwrap().address(), k.address());
			assert!(verify(&k.sign(b"payload"), b"payload", &k.account_id()), "{t}");
			assert!(!verify(&k.sign(b"payload"), b"other", &k.account_id()), "{t}");
		}
	}
}
