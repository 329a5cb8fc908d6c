//! CarChain wallet cryptography (SPEC §8, seed 004 "User Wallet"), none of it on chain:
//!
//! - the owner's **encryption key pair**, X25519, derived from the wallet's secret;
//! - a value is encrypted with a fresh 32-byte **value key** (ChaCha20-Poly1305, random nonce),
//!   and carries that key **sealed** to the owner's encryption key: `value = sealed key (80
//!   bytes) ‖ nonce (12) ‖ ciphertext`. A device needs only the owner's public key;
//! - sealing (an ephemeral X25519 key, the shared secret hashed with both public keys into a
//!   one-time ChaCha20-Poly1305 key) is also how an owner grants a value key to a buyer or an
//!   executor: open it with the owner's secret, seal it again to theirs;
//! - the **address pool** a wallet shares with a device: sr25519 keys derived from a seed only
//!   the two know, one picked per day by hashing the seed with the date, so that the wallet
//!   finds a day's records while nothing on chain links the addresses to each other.

use chacha20poly1305::{
	aead::{Aead, KeyInit},
	ChaCha20Poly1305, Key, Nonce,
};
use rand::{rngs::OsRng, RngCore};
use sp_core::{sr25519, Pair};
use sp_crypto_hashing::blake2_256;
use x25519_dalek::{PublicKey, StaticSecret};

use crate::Error;

const ENCRYPTION_TAG: &[u8] = b"codchain/car/x25519";
const SEAL_TAG: &[u8] = b"codchain/car/seal";
const POOL_TAG: &[u8] = b"codchain/car/pool";
const ADDRESS_TAG: &[u8] = b"codchain/car/address";
const DAY_TAG: &[u8] = b"codchain/car/day";

/// Bytes of a value key sealed to a public key: the ephemeral public key, the key, the tag.
pub const SEALED_KEY_LEN: usize = 32 + 32 + 16;
const NONCE_LEN: usize = 12;

fn crypto(what: &str) -> Error {
	Error::Input(format!("cannot decrypt {what}: wrong key or damaged data"))
}

/// An owner's (or buyer's, or executor's) X25519 key pair.
#[derive(Clone)]
pub struct EncryptionKeypair {
	secret: StaticSecret,
}

impl std::fmt::Debug for EncryptionKeypair {
	fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
		write!(f, "EncryptionKeypair(0x{})", hex::encode(self.public()))
	}
}

impl EncryptionKeypair {
	/// The key pair a wallet secret (its secret URI or seed bytes) stands for.
	pub fn from_secret(secret: &[u8]) -> Self {
		let seed = blake2_256(&[ENCRYPTION_TAG, secret].concat());
		Self { secret: StaticSecret::from(seed) }
	}

	pub fn public(&self) -> [u8; 32] {
		PublicKey::from(&self.secret).to_bytes()
	}

	/// Opens a value key sealed to this key pair.
	pub fn open_key(&self, sealed: &[u8]) -> Result<[u8; 32], Error> {
		if sealed.len() != SEALED_KEY_LEN {
			return Err(crypto("a sealed key"));
		}
		let mut epk = [0u8; 32];
		epk.copy_from_slice(&sealed[..32]);
		let kek = seal_key_for(
			&self.secret.diffie_hellman(&PublicKey::from(epk)).to_bytes(),
			&epk,
			&self.public(),
		);
		let key = ChaCha20Poly1305::new(Key::from_slice(&kek))
			.decrypt(Nonce::from_slice(&[0u8; NONCE_LEN]), &sealed[32..])
			.map_err(|_| crypto("a sealed key"))?;
		key.try_into().map_err(|_| crypto("a sealed key"))
	}

	/// The value key a value carries sealed to this key pair.
	pub fn value_key(&self, value: &[u8]) -> Result<[u8; 32], Error> {
		if value.len() < SEALED_KEY_LEN + NONCE_LEN {
			return Err(crypto("a value (too short)"));
		}
		self.open_key(&value[..SEALED_KEY_LEN])
	}

	/// Decrypts a value sealed to this key pair.
	pub fn open_value(&self, value: &[u8]) -> Result<Vec<u8>, Error> {
		decrypt_value(&self.value_key(value)?, value)
	}
}

/// The one-time key of a seal: the shared secret bound to both public keys.
fn seal_key_for(shared: &[u8; 32], ephemeral: &[u8; 32], recipient: &[u8; 32]) -> [u8; 32] {
	blake2_256(&[SEAL_TAG, shared, ephemeral, recipient].concat())
}

/// Seals `key` to `recipient`'s encryption public key (80 bytes); only its secret opens it.
pub fn seal_key(recipient: &[u8; 32], key: &[u8; 32]) -> Vec<u8> {
	let ephemeral = StaticSecret::random_from_rng(OsRng);
	let epk = PublicKey::from(&ephemeral).to_bytes();
	let shared = ephemeral.diffie_hellman(&PublicKey::from(*recipient)).to_bytes();
	let kek = seal_key_for(&shared, &epk, recipient);
	// Each seal has its own key, so the zero nonce is never reused under one key.
	let sealed = ChaCha20Poly1305::new(Key::from_slice(&kek))
		.encrypt(Nonce::from_slice(&[0u8; NONCE_LEN]), &key[..])
		.expect("ChaCha20-Poly1305 encrypts any 32 bytes; qed");
	[&epk[..], &sealed[..]].concat()
}

/// Encrypts `plaintext` for `owner` (an encryption public key): a fresh value key, sealed to
/// the owner inside the value. Returns the value and its key.
pub fn encrypt_value(owner: &[u8; 32], plaintext: &[u8]) -> (Vec<u8>, [u8; 32]) {
	let mut key = [0u8; 32];
	OsRng.fill_bytes(&mut key);
	let mut nonce = [0u8; NONCE_LEN];
	OsRng.fill_bytes(&mut nonce);
	let ciphertext = ChaCha20Poly1305::new(Key::from_slice(&key))
		.encrypt(Nonce::from_slice(&nonce), plaintext)
		.expect("ChaCha20-Poly1305 encrypts any plaintext of sane size; qed");
	([seal_key(owner, &key), nonce.to_vec(), ciphertext].concat(), key)
}

/// Decrypts a value with its value key (as a grantee or executor has it).
pub fn decrypt_value(key: &[u8; 32], value: &[u8]) -> Result<Vec<u8>, Error> {
	if value.len() < SEALED_KEY_LEN + NONCE_LEN {
		return Err(crypto("a value (too short)"));
	}
	let nonce = &value[SEALED_KEY_LEN..SEALED_KEY_LEN + NONCE_LEN];
	ChaCha20Poly1305::new(Key::from_slice(key))
		.decrypt(Nonce::from_slice(nonce), &value[SEALED_KEY_LEN + NONCE_LEN..])
		.map_err(|_| crypto("a value"))
}

/// The addresses a wallet and one device share: `size` sr25519 keys from a seed both know.
#[derive(Clone)]
pub struct AddressPool {
	seed: [u8; 32],
	size: u32,
}

impl AddressPool {
	/// The pool of device `vid` under a wallet secret: the wallet hands the seed to the device
	/// at setup, and nobody else can derive it.
	pub fn new(wallet_secret: &[u8], vid: &[u8], size: u32) -> Self {
		Self { seed: blake2_256(&[POOL_TAG, wallet_secret, vid].concat()), size: size.max(1) }
	}

	/// The pool a device restores from the seed it was given.
	pub fn from_seed(seed: [u8; 32], size: u32) -> Self {
		Self { seed, size: size.max(1) }
	}

	pub fn seed(&self) -> [u8; 32] {
		self.seed
	}

	pub fn size(&self) -> u32 {
		self.size
	}

	/// Address `i` of the pool.
	pub fn pair(&self, i: u32) -> sr25519::Pair {
		sr25519::Pair::from_seed(&blake2_256(&[ADDRESS_TAG, &self.seed, &i.to_le_bytes()].concat()))
	}

	/// Which address carries the data of `date` (any fixed spelling, e.g. `20160511`): a hash
	/// of the seed and the date, so the wallet finds it again from the date alone.
	pub fn index_for(&self, date: &str) -> u32 {
		let h = blake2_256(&[DAY_TAG, &self.seed, date.as_bytes()].concat());
		u32::from_le_bytes([h[0], h[1], h[2], h[3]]) % self.size
	}

	pub fn for_date(&self, date: &str) -> sr25519::Pair {
		self.pair(self.index_for(date))
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_owner_opens_what_a_device_encrypted_to_its_public_key() {
		let owner = EncryptionKeypair::from_secret(b"//Alice");
		let (value, key) = encrypt_value(&owner.public(), b"{\"GPS\":[]}");
		assert_eq!(owner.open_value(&value).unwrap(), b"{\"GPS\":[]}");
		assert_eq!(owner.value_key(&value).unwrap(), key);
		let stranger = EncryptionKeypair::from_secret(b"//Mallory");
		assert!(stranger.open_value(&value).is_err());
	}

	#[test]
	fn a_resealed_key_opens_the_value_for_the_buyer_only() {
		let owner = EncryptionKeypair::from_secret(b"//Alice");
		let buyer = EncryptionKeypair::from_secret(b"//Bob");
		let (value, _) = encrypt_value(&owner.public(), b"trip");
		let wrapped = seal_key(&buyer.public(), &owner.value_key(&value).unwrap());
		assert_eq!(wrapped.len(), SEALED_KEY_LEN);
		let key = buyer.open_key(&wrapped).unwrap();
		assert_eq!(decrypt_value(&key, &value).unwrap(), b"trip");
		assert!(owner.open_key(&wrapped).is_err());
		// A flipped bit anywhere is caught by the tag.
		let mut damaged = value.clone();
		*damaged.last_mut().unwrap() ^= 1;
		assert!(decrypt_value(&key, &damaged).is_err());
	}

	#[test]
	fn a_pool_gives_distinct_addresses_and_finds_a_day_again() {
		let pool = AddressPool::new(b"//Alice", b"LBVNU79049SB81546", 16);
		let addresses: std::collections::BTreeSet<_> =
			(0..16).map(|i| pool.pair(i).public()).collect();
		assert_eq!(addresses.len(), 16);
		let device = AddressPool::from_seed(pool.seed(), 16);
		assert_eq!(device.for_date("20160511").public(), pool.for_date("20160511").public());
		let other = AddressPool::new(b"//Alice", b"another vin", 16);
		assert_ne!(other.pair(0).public(), pool.pair(0).public());
	}
}
