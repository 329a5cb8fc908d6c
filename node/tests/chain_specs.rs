//! The committed chain specs are exactly what the binary generates, and `--chain` accepts preset
//! ids as well as a JSON file.

use std::{path::PathBuf, process::Command};

const NODE: &str = env!("CARGO_BIN_EXE_codchain-node");

fn repo_file(rel: &str) -> PathBuf {
	PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join(rel)
}

/// Runs the node with `args`, returning stdout; panics with stderr on failure.
fn node(args: &[&str]) -> String {
	let out = Command::new(NODE).args(args).output().expect("node binary runs");
	assert!(
		out.status.success(),
		"codchain-node {args:?} failed: {}",
		String::from_utf8_lossy(&out.stderr)
	);
	String::from_utf8(out.stdout).expect("utf-8 output")
}

fn json(s: &str) -> serde_json::Value {
	serde_json::from_str(s).expect("valid JSON")
}

#[test]
fn committed_plain_spec_matches_the_binary() {
	let committed = std::fs::read_to_string(repo_file("chain-specs/local.json")).unwrap();
	let generated = node(&["export-chain-spec", "--chain", "local"]);
	assert_eq!(
		json(&generated),
		json(&committed),
		"chain-specs/local.json drifted: run scripts/chain-specs.sh"
	);
}

#[test]
fn committed_raw_spec_matches_the_binary() {
	let committed = std::fs::read_to_string(repo_file("chain-specs/local-raw.json")).unwrap();
	let generated = node(&["export-chain-spec", "--chain", "local", "--raw"]);
	assert_eq!(
		json(&generated),
		json(&committed),
		"chain-specs/local-raw.json drifted: run scripts/chain-specs.sh"
	);
}

#[test]
fn chain_accepts_preset_ids_and_a_json_file() {
	for id in ["dev", "development", "local", "local_testnet"] {
		let spec = json(&node(&["build-spec", "--chain", id]));
		assert_eq!(spec["properties"]["tokenSymbol"], "COD", "--chain {id}");
		assert_eq!(spec["properties"]["tokenDecimals"], 12, "--chain {id}");
		assert_eq!(spec["properties"]["ss58Format"], 42, "--chain {id}");
	}
	assert_eq!(json(&node(&["build-spec", "--chain", "dev"]))["id"], "codchain_dev");
	assert_eq!(json(&node(&["build-spec", "--chain", "local"]))["id"], "codchain_local");

	// A plain JSON file turns into the same raw genesis as the preset it came from.
	let file = repo_file("chain-specs/local.json");
	let from_file = json(&node(&["build-spec", "--chain", file.to_str().unwrap(), "--raw"]));
	let from_preset = json(&node(&["build-spec", "--chain", "local", "--raw"]));
	assert_eq!(from_file["genesis"], from_preset["genesis"]);
}

#[test]
fn unknown_chain_file_is_a_clear_error() {
	let out = Command::new(NODE)
		.args(["build-spec", "--chain", "/nonexistent/spec.json"])
		.output()
		.unwrap();
	assert!(!out.status.success());
	let err = String::from_utf8_lossy(&out.stderr);
	assert!(err.contains("spec.json") || err.contains("No such file"), "stderr: {err}");
}

#[test]
fn local_preset_keeps_the_fields_zombienet_rewrites() {
	let spec = json(&node(&["build-spec", "--chain", "local"]));
	let patch = &spec["genesis"]["runtimeGenesis"]["patch"];
	assert_eq!(patch["session"]["keys"].as_array().unwrap().len(), 3);
	assert_eq!(patch["staking"]["stakers"].as_array().unwrap().len(), 3);
	assert!(patch["balances"]["balances"].as_array().unwrap().len() >= 6);
	let keys = &patch["session"]["keys"][0][2];
	assert!(keys.get("babe").is_some() && keys.get("grandpa").is_some(), "keys: {keys}");
	assert!(patch["staking"]["minimumValidatorCount"].as_u64().unwrap() <= 3);
}
