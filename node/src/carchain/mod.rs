//! CarChain's node side (SPEC §2, §8): the value store, its index of the chain's records, and
//! the peer-to-peer protocol that serves values to other nodes.

pub mod indexer;
pub mod network;
pub mod store;

use std::{path::Path, sync::Arc};

use crate::rpc::carchain::StoreLimits;

/// Command-line options of the value store.
#[derive(Debug, Clone, clap::Args)]
pub struct StoreParams {
	/// Largest CarChain value this node keeps and serves, in bytes (at most 15 MiB: a value
	/// travels hex-encoded in one JSON-RPC request, and `--rpc-max-request-size` defaults to
	/// 15 MiB for the whole request).
	#[arg(long, default_value_t = 4 << 20, value_parser = clap::value_parser!(u32).range(1..=15 << 20))]
	pub carchain_max_value_size: u32,

	/// `carchain_putValue` calls one RPC connection may make per second; more are refused
	/// with error -32014 until the second is over.
	#[arg(long, default_value_t = 50)]
	pub carchain_puts_per_second: u32,
}

impl StoreParams {
	pub fn limits(&self) -> StoreLimits {
		StoreLimits {
			max_value_size: self.carchain_max_value_size,
			puts_per_second: self.carchain_puts_per_second,
		}
	}
}

/// Opens the value store in `dir` (the node puts it at `<base>/chains/<id>/carchain`).
pub fn open_store(dir: &Path) -> Result<Arc<store::ValueStore>, String> {
	std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
	store::ValueStore::open(dir).map(Arc::new).map_err(|e| format!("{}: {e}", dir.display()))
}
