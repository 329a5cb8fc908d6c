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

/// The `:code` storage key: where a raw spec keeps the runtime Wasm.
const CODE_KEY: &str = "0x3a636f6465";

/// Takes the runtime code out of a plain or raw spec, so the rest can be compared exactly.
fn split_code(mut spec: serde_json::Value) -> (serde_json::Value, Vec<u8>) {
	let code = match spec["genesis"].get_mut("runtimeGenesis") {
		Some(rg) => rg.as_object_mut().unwrap().remove("code"),
		None => spec["genesis"]["raw"]["top"].as_object_mut().unwrap().remove(CODE_KEY),
	};
	let hex = code.expect("the spec carries runtime code");
	(spec, sp_core::bytes::from_hex(hex.as_str().unwrap()).expect("code is hex"))
}

/// Calls `method` in a runtime blob, in an empty state.
fn runtime_call(code: &[u8], method: &str) -> Vec<u8> {
	use sp_core::traits::{
		CallContext, CodeExecutor, FetchRuntimeCode, RuntimeCode, WrappedRuntimeCode,
	};
	let fetch = WrappedRuntimeCode(code.into());
	let runtime = RuntimeCode {
		code_fetcher: &fetch as &dyn FetchRuntimeCode,
		heap_pages: None,
		hash: sp_crypto_hashing::blake2_256(code).to_vec(),
	};
	let executor = sc_executor::WasmExecutor::<sp_io::SubstrateHostFunctions>::builder().build();
	let mut ext = sp_state_machine::BasicExternalities::new_empty();
	executor
		.call(&mut ext, &runtime, method, &[], CallContext::Offchain)
		.0
		.unwrap_or_else(|e| panic!("{method} failed: {e}"))
}

/// The committed runtime must be the binary's runtime. Byte equality is the strong check; Wasm
/// built in another checkout directory differs in codegen (cargo hashes path dependencies by
/// absolute path), so equal runtime version *and* equal metadata (every call, storage item,
/// event, error, constant and doc) also count as the same runtime.
fn assert_same_runtime(committed: &[u8], generated: &[u8], file: &str) {
	if committed == generated {
		return;
	}
	assert_eq!(
		runtime_call(committed, "Core_version"),
		runtime_call(generated, "Core_version"),
		"{file}: runtime version differs from the binary's: run scripts/chain-specs.sh"
	);
	assert!(
		runtime_call(committed, "Metadata_metadata")
			== runtime_call(generated, "Metadata_metadata"),
		"{file}: runtime metadata differs from the binary's: run scripts/chain-specs.sh"
	);
}

#[test]
fn committed_plain_spec_matches_the_binary() {
	let committed = std::fs::read_to_string(repo_file("chain-specs/local.json")).unwrap();
	let (committed, committed_code) = split_code(json(&committed));
	let (generated, generated_code) =
		split_code(json(&node(&["export-chain-spec", "--chain", "local"])));
	assert_eq!(generated, committed, "chain-specs/local.json drifted: run scripts/chain-specs.sh");
	assert_same_runtime(&committed_code, &generated_code, "chain-specs/local.json");
}

#[test]
fn committed_raw_spec_matches_the_binary() {
	let committed = std::fs::read_to_string(repo_file("chain-specs/local-raw.json")).unwrap();
	let (committed, committed_code) = split_code(json(&committed));
	let (generated, generated_code) =
		split_code(json(&node(&["export-chain-spec", "--chain", "local", "--raw"])));
	assert_eq!(
		generated, committed,
		"chain-specs/local-raw.json drifted: run scripts/chain-specs.sh"
	);
	assert_same_runtime(&committed_code, &generated_code, "chain-specs/local-raw.json");
}

#[test]
fn a_changed_runtime_is_detected() {
	// The fallback must not accept just any runtime: a spec whose code lost its metadata fails.
	let generated = json(&node(&["export-chain-spec", "--chain", "local"]));
	let (_, code) = split_code(generated);
	let result = std::panic::catch_unwind(|| assert_same_runtime(&code, &[0u8; 8], "probe"));
	assert!(result.is_err(), "a different runtime blob was accepted");
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

	// A plain JSON file turns into the same raw genesis as the preset it came from (its code
	// aside, which the drift tests above check).
	let file = repo_file("chain-specs/local.json");
	let (from_file, _) =
		split_code(json(&node(&["build-spec", "--chain", file.to_str().unwrap(), "--raw"])));
	let (from_preset, _) = split_code(json(&node(&["build-spec", "--chain", "local", "--raw"])));
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
