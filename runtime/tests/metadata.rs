//! The Rust SDK (`clients/sdk`) generates its types from a committed copy of this runtime's
//! metadata, so that building it needs no running node. This test fails when that copy no longer
//! matches the runtime; `./scripts/metadata.sh` rewrites it.

use codchain_runtime::Runtime;
use std::path::PathBuf;

/// The newest metadata version the runtime emits and subxt reads.
const VERSION: u32 = 16;

fn committed_path() -> PathBuf {
	PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../clients/sdk/metadata/codchain.scale")
}

#[test]
fn sdk_metadata_matches_the_runtime() {
	// A storage parameter (the market's settlement period) is read while building the
	// constants; on empty storage it shows its default, as on a new chain.
	let current: Vec<u8> = sp_io::TestExternalities::default().execute_with(|| {
		Runtime::metadata_at_version(VERSION).expect("the runtime emits metadata V16").to_vec()
	});
	let path = committed_path();
	if std::env::var_os("CODCHAIN_WRITE_METADATA").is_some() {
		std::fs::write(&path, &current).expect("write the SDK's metadata");
		return;
	}
	let committed = std::fs::read(&path).expect("clients/sdk/metadata/codchain.scale exists");
	assert!(
		committed == current,
		"clients/sdk/metadata/codchain.scale is stale ({} bytes, the runtime emits {}): \
		 run ./scripts/metadata.sh and commit the file",
		committed.len(),
		current.len()
	);
}
