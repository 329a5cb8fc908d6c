//! What the CLI's test files share: finding the node binary and free ports.

use std::{net::TcpListener, path::PathBuf};

/// The node binary next to this test's target directory (built by `cargo test --workspace` and
/// by `scripts/build.sh`), or `CODCHAIN_NODE`.
pub fn node_bin() -> PathBuf {
	if let Ok(p) = std::env::var("CODCHAIN_NODE") {
		return p.into();
	}
	let exe = std::env::current_exe().unwrap();
	let bin = exe.parent().unwrap().parent().unwrap().join("codchain-node");
	assert!(bin.exists(), "{} is missing: build the node first (scripts/build.sh)", bin.display());
	bin
}

pub fn free_port() -> u16 {
	TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}
