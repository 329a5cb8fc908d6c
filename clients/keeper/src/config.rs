//! The TOML configuration files of the two modes. Relative paths are taken from the directory
//! of the configuration file, so a setup can be moved as a whole.

use std::{
	net::SocketAddr,
	path::{Path, PathBuf},
};

use anyhow::{anyhow, Context, Result};
use serde::Deserialize;

/// `codchain-keeper provider --config provider.toml`
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProviderConfig {
	/// Where challenges are answered, e.g. `127.0.0.1:7201`.
	pub listen: SocketAddr,
	/// The directory `codchain-keeper store` filled.
	pub data_dir: PathBuf,
}

/// A keeper of the same group, asked for attestations when this keeper leads.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Peer {
	pub account: String,
	pub url: String,
}

/// A provider this keeper challenges: where it answers and what it must prove.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProviderEntry {
	pub account: String,
	pub url: String,
	/// The Merkle root of the user's data (`0x` hex), from the user.
	pub root: String,
	pub chunks: usize,
	pub size: u64,
}

/// `codchain-keeper keeper --config keeper.toml`
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeeperConfig {
	/// The node's WebSocket JSON-RPC.
	#[serde(default = "default_url")]
	pub url: String,
	/// The keeper's key: a secret URI ...
	pub suri: Option<String>,
	/// ... or a polkadot.js key file (password in `CODCHAIN_PASSWORD`).
	pub key_file: Option<PathBuf>,
	/// sr25519 (default), ed25519 or ecdsa.
	#[serde(default = "default_key_type")]
	pub key_type: String,
	pub contract: u64,
	/// Where the other keepers ask for attestations, e.g. `127.0.0.1:7101`.
	pub listen: SocketAddr,
	/// Challenge records, payments and receipts go here.
	pub data_dir: PathBuf,
	/// Challenge every provider at blocks that are multiples of this (the same blocks for every
	/// keeper, so honest keepers integrate the same samples).
	#[serde(default = "default_every")]
	pub challenge_every: u32,
	/// How often to look for a new block, milliseconds.
	#[serde(default = "default_poll")]
	pub poll_ms: u64,
	#[serde(default)]
	pub peers: Vec<Peer>,
	pub providers: Vec<ProviderEntry>,
}

fn default_url() -> String {
	codchain_client::DEFAULT_URL.to_string()
}
fn default_key_type() -> String {
	"sr25519".into()
}
fn default_every() -> u32 {
	2
}
fn default_poll() -> u64 {
	500
}

fn read<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<T> {
	let text =
		std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
	toml::from_str(&text)
		.with_context(|| format!("{} is not a valid configuration", path.display()))
}

fn rebase(base: &Path, p: &mut PathBuf) {
	if p.is_relative() {
		*p = base.join(&*p);
	}
}

fn base(path: &Path) -> PathBuf {
	path.parent().map(Path::to_path_buf).unwrap_or_default()
}

impl ProviderConfig {
	pub fn load(path: &Path) -> Result<Self> {
		let mut c: Self = read(path)?;
		rebase(&base(path), &mut c.data_dir);
		Ok(c)
	}
}

impl KeeperConfig {
	pub fn load(path: &Path) -> Result<Self> {
		let mut c: Self = read(path)?;
		let base = base(path);
		rebase(&base, &mut c.data_dir);
		if let Some(k) = c.key_file.as_mut() {
			rebase(&base, k);
		}
		if c.suri.is_some() == c.key_file.is_some() {
			return Err(anyhow!("{}: give exactly one of `suri` and `key_file`", path.display()));
		}
		if c.challenge_every == 0 {
			return Err(anyhow!("{}: challenge_every must be at least 1", path.display()));
		}
		if c.providers.is_empty() {
			return Err(anyhow!("{}: no providers to challenge", path.display()));
		}
		Ok(c)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_keeper_config_parses_with_defaults_and_relative_paths() {
		let dir = std::env::temp_dir().join(format!("keeper-cfg-{}", std::process::id()));
		std::fs::create_dir_all(&dir).unwrap();
		let path = dir.join("k.toml");
		std::fs::write(
			&path,
			r#"
suri = "//K1"
contract = 0
listen = "127.0.0.1:7101"
data_dir = "state"
[[peers]]
account = "//K2"
url = "http://127.0.0.1:7102"
[[providers]]
account = "//P1"
url = "http://127.0.0.1:7201"
root = "0x00"
chunks = 1
size = 10
"#,
		)
		.unwrap();
		let c = KeeperConfig::load(&path).unwrap();
		assert_eq!((c.challenge_every, c.key_type.as_str()), (2, "sr25519"));
		assert_eq!(c.data_dir, dir.join("state"));
		std::fs::write(&path, "suri = \"//K1\"\ncontract = 0\nlisten = \"127.0.0.1:1\"\ndata_dir = \"s\"\nproviders = []\n").unwrap();
		assert!(KeeperConfig::load(&path).unwrap_err().to_string().contains("no providers"));
		std::fs::write(&path, "bogus = 1\n").unwrap();
		assert!(KeeperConfig::load(&path).is_err());
		std::fs::remove_dir_all(dir).unwrap();
	}
}
