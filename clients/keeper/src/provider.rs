//! Provider mode: keeps a user's data in chunks under a Merkle root on its disk and answers
//! keepers' challenges (the chunk and its Merkle path) over HTTP.

use std::{
	fs,
	io::{Read, Seek, SeekFrom},
	path::{Path, PathBuf},
	sync::Arc,
};

use anyhow::{anyhow, Context, Result};
use hyper::{Method, StatusCode};
use serde::{Deserialize, Serialize};

use crate::{
	config::ProviderConfig,
	http::{self, Reply, Req},
	log,
	merkle::{self, Hash, Step, CHUNK},
};

/// What a provider stores for a user: the root keepers check proofs against.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
	#[serde(with = "merkle::hex32")]
	pub root: Hash,
	pub chunks: usize,
	/// Bytes stored: the space a passed challenge proves.
	pub size: u64,
}

/// A challenge's answer.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Proof {
	pub index: usize,
	/// The chunk, hex.
	pub chunk: String,
	pub path: Vec<Step>,
}

fn data_file(dir: &Path) -> PathBuf {
	dir.join("data.bin")
}

fn manifest_file(dir: &Path) -> PathBuf {
	dir.join("manifest.json")
}

/// Takes in `file` as the data to keep under `dir`; returns its manifest.
pub fn store(dir: &Path, file: &Path) -> Result<Manifest> {
	fs::create_dir_all(dir)?;
	let bytes = fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
	if bytes.is_empty() {
		return Err(anyhow!("{} is empty: nothing to keep", file.display()));
	}
	let leaves: Vec<Hash> = bytes.chunks(CHUNK).map(merkle::leaf).collect();
	let manifest = Manifest {
		root: merkle::root(&merkle::levels(leaves.clone())),
		chunks: leaves.len(),
		size: bytes.len() as u64,
	};
	fs::write(data_file(dir), &bytes)?;
	fs::write(manifest_file(dir), serde_json::to_vec_pretty(&manifest)?)?;
	Ok(manifest)
}

fn read_chunk(dir: &Path, index: usize) -> Result<Vec<u8>> {
	let mut f = fs::File::open(data_file(dir)).context("the data file is gone")?;
	let len = f.metadata()?.len();
	let start = (index * CHUNK) as u64;
	let end = (start + CHUNK as u64).min(len);
	if start >= len {
		return Err(anyhow!("chunk {index} is past the end of the data"));
	}
	f.seek(SeekFrom::Start(start))?;
	let mut chunk = vec![0u8; (end - start) as usize];
	f.read_exact(&mut chunk)?;
	Ok(chunk)
}

struct State {
	dir: PathBuf,
	manifest: Manifest,
	levels: Vec<Vec<Hash>>,
}

/// Serves challenges until the process ends. The tree is built once from the data on disk;
/// each answer reads its chunk from disk again, so data lost after start fails its challenges.
pub async fn run(cfg: ProviderConfig) -> Result<()> {
	let dir = cfg.data_dir.clone();
	let manifest: Manifest = serde_json::from_slice(
		&fs::read(manifest_file(&dir)).context("no manifest: run `codchain-keeper store` first")?,
	)?;
	let bytes = fs::read(data_file(&dir))?;
	let levels = merkle::levels(bytes.chunks(CHUNK).map(merkle::leaf).collect());
	if merkle::root(&levels) != manifest.root {
		return Err(anyhow!("the data on disk no longer matches its manifest's root"));
	}
	log::info(&format!(
		"provider: {} bytes in {} chunks, root 0x{}, serving on {}",
		manifest.size,
		manifest.chunks,
		hex::encode(manifest.root),
		cfg.listen
	));
	let state = Arc::new(State { dir, manifest, levels });
	http::serve(cfg.listen, move |req| {
		let state = state.clone();
		async move { handle(&state, req) }
	})
	.await
}

fn handle(state: &State, req: Req) -> Reply {
	if req.method != Method::GET {
		return http::error(StatusCode::METHOD_NOT_ALLOWED, "GET only");
	}
	if req.path == "/info" {
		return http::ok(&state.manifest);
	}
	let Some(index) = req.path.strip_prefix("/chunk/").and_then(|i| i.parse::<usize>().ok()) else {
		return http::error(StatusCode::NOT_FOUND, "GET /info or /chunk/<index>");
	};
	if index >= state.manifest.chunks {
		return http::error(StatusCode::BAD_REQUEST, format!("no chunk {index}"));
	}
	match read_chunk(&state.dir, index) {
		Ok(chunk) => {
			log::info(&format!("provider: challenged at chunk {index}, answered"));
			http::ok(Proof {
				index,
				chunk: hex::encode(chunk),
				path: merkle::path(&state.levels, index),
			})
		},
		Err(e) => {
			log::warn(&format!("provider: challenged at chunk {index}, cannot answer: {e:#}"));
			http::error(StatusCode::INTERNAL_SERVER_ERROR, format!("{e:#}"))
		},
	}
}
