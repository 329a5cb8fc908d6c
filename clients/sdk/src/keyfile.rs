//! Password-protected key files in the polkadot.js keyring's JSON format (version 3: scrypt,
//! then xsalsa20-poly1305 over a PKCS#8-like body), so a key exported from polkadot.js apps or
//! the browser extension opens here, and one written here imports there.

use crate::keys::{KeyError, KeyType, Keypair};
use base64::Engine as _;
use crypto_secretbox::{aead::Aead, KeyInit, XSalsa20Poly1305};
use serde::{Deserialize, Serialize};
use sp_core::{ecdsa, ed25519, sr25519, Pair as _};

const HEADER: [u8; 16] = [48, 83, 2, 1, 1, 48, 5, 6, 3, 43, 101, 112, 4, 34, 4, 32];
const DIVIDER: [u8; 5] = [161, 35, 3, 33, 0];
const SALT: usize = 32;
const NONCE: usize = 24;
/// Salt, then scrypt N, p and r as little-endian u32s, then the nonce.
const PREFIX: usize = SALT + 12 + NONCE;

/// The scrypt settings polkadot.js writes (N = 2^15, p = 1, r = 8) and the other ones it may
/// read; anything else is refused, since a crafted file could ask for unbounded work.
const WRITE_PARAMS: (u32, u32, u32) = (1 << 15, 1, 8);
const ACCEPTED_PARAMS: [(u32, u32, u32); 6] = [
	(1 << 13, 10, 8),
	(1 << 14, 5, 8),
	(1 << 15, 3, 8),
	(1 << 15, 1, 8),
	(1 << 16, 2, 8),
	(1 << 17, 1, 8),
];

#[derive(Serialize, Deserialize)]
struct Encoding {
	content: Vec<String>,
	#[serde(rename = "type")]
	kind: Vec<String>,
	version: String,
}

/// The JSON document.
#[derive(Serialize, Deserialize)]
pub struct KeyFile {
	encoded: String,
	encoding: Encoding,
	/// The key's address: SS58, or for ecdsa the compressed public key in hex.
	pub address: String,
	#[serde(default)]
	pub meta: serde_json::Value,
}

fn err(msg: impl Into<String>) -> KeyError {
	KeyError::KeyFile(msg.into())
}

fn password_key(
	password: &str,
	salt: &[u8],
	(n, p, r): (u32, u32, u32),
) -> Result<[u8; 32], KeyError> {
	let params = scrypt::Params::new(n.trailing_zeros() as u8, r, p, 32)
		.map_err(|_| err("bad scrypt parameters"))?;
	let mut key = [0u8; 32];
	scrypt::scrypt(password.as_bytes(), salt, &params, &mut key)
		.map_err(|_| err("scrypt failed"))?;
	Ok(key)
}

/// The secret as polkadot.js stores it: sr25519 as its 64-byte "ed25519 form", ed25519 as seed
/// followed by public key, ecdsa as the 32-byte seed.
fn secret_bytes(pair: &Keypair) -> Vec<u8> {
	match pair {
		Keypair::Sr25519(p) => {
			let kp: &schnorrkel::Keypair = p.as_ref();
			kp.secret.to_ed25519_bytes().to_vec()
		},
		Keypair::Ed25519(p) => [p.seed().as_slice(), &p.public().0].concat(),
		Keypair::Ecdsa(p) => p.seed().to_vec(),
	}
}

/// The `address` field: SS58 for sr25519 and ed25519; for ecdsa polkadot.js writes the
/// compressed public key in hex (its account is a hash of it), and so do we.
fn file_address(pair: &Keypair) -> String {
	match pair {
		Keypair::Ecdsa(_) => format!("0x{}", hex::encode(pair.public())),
		_ => pair.address(),
	}
}

fn pair_from_secret(key_type: KeyType, secret: &[u8]) -> Result<Keypair, KeyError> {
	let bad = || err("the decrypted secret is not a valid key");
	Ok(match key_type {
		KeyType::Sr25519 => {
			let secret = schnorrkel::SecretKey::from_ed25519_bytes(secret).map_err(|_| bad())?;
			Keypair::Sr25519(sr25519::Pair::from(secret.to_keypair()))
		},
		KeyType::Ed25519 => Keypair::Ed25519(
			ed25519::Pair::from_seed_slice(secret.get(..32).ok_or_else(bad)?).map_err(|_| bad())?,
		),
		KeyType::Ecdsa => Keypair::Ecdsa(ecdsa::Pair::from_seed_slice(secret).map_err(|_| bad())?),
	})
}

impl KeyFile {
	/// Encrypt `pair` with `password`. `name` goes into `meta.name`, as polkadot.js shows it.
	pub fn encrypt(pair: &Keypair, password: &str, name: &str) -> Result<Self, KeyError> {
		let salt: [u8; SALT] = rand_bytes();
		let nonce: [u8; NONCE] = rand_bytes();
		let key = password_key(password, &salt, WRITE_PARAMS)?;
		let body = [&HEADER[..], &secret_bytes(pair), &DIVIDER, &pair.public()].concat();
		let cipher = XSalsa20Poly1305::new(&key.into());
		let sealed =
			cipher.encrypt(&nonce.into(), body.as_slice()).map_err(|_| err("encryption failed"))?;
		let (n, p, r) = WRITE_PARAMS;
		let encoded =
			[&salt[..], &n.to_le_bytes(), &p.to_le_bytes(), &r.to_le_bytes(), &nonce, &sealed]
				.concat();
		Ok(Self {
			encoded: base64::engine::general_purpose::STANDARD.encode(encoded),
			encoding: Encoding {
				content: vec!["pkcs8".into(), pair.key_type().name().into()],
				kind: vec!["scrypt".into(), "xsalsa20-poly1305".into()],
				version: "3".into(),
			},
			address: file_address(pair),
			meta: serde_json::json!({ "name": name, "whenCreated": now_millis() }),
		})
	}

	/// The key type the file declares.
	pub fn key_type(&self) -> Result<KeyType, KeyError> {
		self.encoding.content.get(1).ok_or_else(|| err("no key type in encoding.content"))?.parse()
	}

	/// Decrypt with `password`; the key must match the file's address.
	pub fn decrypt(&self, password: &str) -> Result<Keypair, KeyError> {
		if self.encoding.version != "3"
			|| self.encoding.content.first().map(String::as_str) != Some("pkcs8")
			|| self.encoding.kind != ["scrypt", "xsalsa20-poly1305"]
		{
			return Err(err(
				"unsupported encoding (need version 3, pkcs8, scrypt + xsalsa20-poly1305)",
			));
		}
		let key_type = self.key_type()?;
		let data = base64::engine::general_purpose::STANDARD
			.decode(&self.encoded)
			.map_err(|_| err("`encoded` is not base64"))?;
		if data.len() <= PREFIX {
			return Err(err("`encoded` is too short"));
		}
		let word =
			|i: usize| u32::from_le_bytes(data[SALT + 4 * i..SALT + 4 * i + 4].try_into().unwrap());
		let params = (word(0), word(1), word(2));
		if !ACCEPTED_PARAMS.contains(&params) {
			return Err(err(format!("unsupported scrypt parameters {params:?}")));
		}
		let key = password_key(password, &data[..SALT], params)?;
		let nonce: [u8; NONCE] = data[SALT + 12..PREFIX].try_into().unwrap();
		let body = XSalsa20Poly1305::new(&key.into())
			.decrypt(&nonce.into(), &data[PREFIX..])
			.map_err(|_| err("wrong password, or the file is damaged"))?;
		if body.get(..HEADER.len()) != Some(&HEADER[..]) {
			return Err(err("bad PKCS#8 header"));
		}
		// The secret runs up to the divider: 64 bytes (sr25519, ed25519) or 32 (ecdsa, or an
		// ed25519 seed alone, which older polkadot.js versions wrote).
		let rest = &body[HEADER.len()..];
		let secret_len = [64usize, 32]
			.into_iter()
			.find(|&l| rest.get(l..l + DIVIDER.len()) == Some(&DIVIDER[..]))
			.ok_or_else(|| err("bad PKCS#8 divider"))?;
		let pair = pair_from_secret(key_type, &rest[..secret_len])?;
		let stored_public = &rest[secret_len + DIVIDER.len()..];
		let public = pair.public();
		// polkadot.js stores 32 bytes of an ecdsa key's 33-byte public key; compare what is there.
		if stored_public.is_empty() || !public.starts_with(stored_public) {
			return Err(err("the decrypted key does not match its public key"));
		}
		if self.address != file_address(&pair) {
			return Err(err("the decrypted key does not match the file's address"));
		}
		Ok(pair)
	}

	pub fn from_json(json: &str) -> Result<Self, KeyError> {
		serde_json::from_str(json).map_err(|e| err(format!("not a polkadot.js key file: {e}")))
	}

	pub fn to_json(&self) -> String {
		serde_json::to_string_pretty(self).expect("a key file serializes")
	}
}

fn rand_bytes<const N: usize>() -> [u8; N] {
	let mut out = [0u8; N];
	rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut out);
	out
}

fn now_millis() -> u64 {
	std::time::SystemTime::now()
		.duration_since(std::time::UNIX_EPOCH)
		.map(|d| d.as_millis() as u64)
		.unwrap_or(0)
}

#[cfg(test)]
mod tests {
	use super::*;

	/// Written by polkadot.js (@polkadot/keyring 14, `pair.toJson("pass")`) for `//Alice` in each
	/// scheme.
	const FIXTURES: &str = include_str!("../tests/fixtures/polkadotjs-keys.json");

	#[test]
	fn files_written_by_polkadot_js_open_with_their_password() {
		let fixtures: serde_json::Value = serde_json::from_str(FIXTURES).unwrap();
		for t in [KeyType::Sr25519, KeyType::Ed25519, KeyType::Ecdsa] {
			let file = KeyFile::from_json(&fixtures[t.name()].to_string()).unwrap();
			let pair = file.decrypt("pass").unwrap_or_else(|e| panic!("{t}: {e}"));
			assert_eq!(pair.address(), Keypair::from_uri("//Alice", t).unwrap().address(), "{t}");
			assert!(file.decrypt("wrong").is_err(), "{t}");
		}
	}

	#[test]
	fn round_trip_in_every_scheme() {
		for t in [KeyType::Sr25519, KeyType::Ed25519, KeyType::Ecdsa] {
			let (pair, _) = Keypair::generate(t);
			let file = KeyFile::encrypt(&pair, "secret", "test").unwrap();
			let back = KeyFile::from_json(&file.to_json()).unwrap();
			assert_eq!(back.decrypt("secret").unwrap().address(), pair.address(), "{t}");
			let wrong = back.decrypt("Secret").unwrap_err().to_string();
			assert!(wrong.contains("wrong password"), "{wrong}");
		}
	}

	#[test]
	fn a_file_whose_address_was_edited_is_refused() {
		let (pair, _) = Keypair::generate(KeyType::Sr25519);
		let mut file = KeyFile::encrypt(&pair, "pw", "x").unwrap();
		file.address = Keypair::from_uri("//Bob", KeyType::Sr25519).unwrap().address();
		assert!(file.decrypt("pw").unwrap_err().to_string().contains("address"));
	}

	#[test]
	fn expensive_scrypt_parameters_are_refused_before_any_work() {
		let (pair, _) = Keypair::generate(KeyType::Sr25519);
		let file = KeyFile::encrypt(&pair, "pw", "x").unwrap();
		let mut data = base64::engine::general_purpose::STANDARD.decode(&file.encoded).unwrap();
		data[SALT..SALT + 4].copy_from_slice(&(1u32 << 30).to_le_bytes());
		let file =
			KeyFile { encoded: base64::engine::general_purpose::STANDARD.encode(data), ..file };
		assert!(file.decrypt("pw").unwrap_err().to_string().contains("scrypt parameters"));
	}
}
