//! `codchain load` against a real `codchain-node --dev --tmp`: a short run of each kind, so the
//! harness behind `docs/PERFORMANCE.md` keeps working. Every transaction must be finalized,
//! counted in the blocks that carried it, and no block may pass its weight limit.

mod common;

use common::{free_port, node_bin};
use serde_json::Value;
use std::{
	process::{Child, Command, Stdio},
	time::{Duration, Instant},
};

const CLI: &str = env!("CARGO_BIN_EXE_codchain");

struct Node(Child);

impl Drop for Node {
	fn drop(&mut self) {
		let _ = self.0.kill();
		let _ = self.0.wait();
	}
}

fn codchain(url: &str, args: &[&str]) -> std::process::Output {
	Command::new(CLI)
		.env("CODCHAIN_URL", url)
		.env_remove("CODCHAIN_SURI")
		.args(args)
		.output()
		.expect("the CLI runs")
}

fn load(url: &str, funder: &str, args: &[&str]) -> Value {
	let mut all = vec!["--json", "--suri", funder, "load"];
	all.extend_from_slice(args);
	let out = codchain(url, &all);
	let stdout = String::from_utf8_lossy(&out.stdout);
	assert!(
		out.status.success(),
		"load {args:?} failed:\n{stdout}\n{}",
		String::from_utf8_lossy(&out.stderr)
	);
	serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("no JSON ({e}): {stdout}"))
}

#[test]
fn a_short_load_run_of_each_kind_is_finalized_and_within_block_weight() {
	let (rpc, p2p) = (free_port(), free_port());
	let _node = Node(
		Command::new(node_bin())
			.args(["--dev", "--tmp", "--rpc-port", &rpc.to_string(), "--port", &p2p.to_string()])
			.stdout(Stdio::null())
			.stderr(Stdio::null())
			.spawn()
			.expect("the node starts"),
	);
	let url = format!("ws://127.0.0.1:{rpc}");
	let deadline = Instant::now() + Duration::from_secs(90);
	while !codchain(&url, &["--json", "account", "balance", "//Alice"]).status.success() {
		assert!(Instant::now() < deadline, "the node did not answer within 90 s");
		std::thread::sleep(Duration::from_secs(1));
	}

	// Each thread has its own funder, so the funders' nonces never collide; the kinds share the
	// node's blocks, and each report counts only its own transactions.
	let plans: [(&str, &[(&str, &str, u64)]); 6] = [
		// A second run with the same seed reuses the funded accounts and their nonces.
		("//Alice", &[("transfer", "50", 600), ("transfer", "50", 100)]),
		// A coin kind spends the coins the first run left and issues more under the capacity
		// declared then.
		("//Bob", &[("timecoin", "10", 80), ("timecoin", "10", 120)]),
		("//Charlie", &[("codcoin", "10", 80)]),
		// The market offers anew.
		("//Dave", &[("market", "10", 80), ("market", "10", 120)]),
		// The seed's joint-token kind is deployed already and tops up what the first run spent.
		("//Eve", &[("jointtoken", "10", 80), ("jointtoken", "10", 120)]),
		("//Ferdie", &[("whitepay", "10", 80), ("record", "10", 80)]),
	];
	std::thread::scope(|scope| {
		for (funder, runs) in plans {
			let url = &url;
			scope.spawn(move || {
				for &(kind, accounts, count) in runs {
					let args = run_args(kind, accounts, count);
					let args: Vec<&str> = args.iter().map(String::as_str).collect();
					check(kind, count, &load(url, funder, &args));
				}
			});
		}
	});
}

fn run_args(kind: &str, accounts: &str, count: u64) -> Vec<String> {
	["--kind", kind, "--accounts", accounts, "--count", &count.to_string()]
		.into_iter()
		.map(String::from)
		.chain(["--seed".to_string(), format!("//{kind}")])
		.collect()
}

/// Every transaction finalized and counted in the blocks that carried it, none refused or
/// dropped, latencies recorded, no block past its weight limit.
fn check(kind: &str, count: u64, report: &Value) {
	assert_eq!(report["kind"], kind);
	assert_eq!(report["accepted"], count, "{kind}: {report}");
	assert_eq!(report["finalized"], count, "{kind}: every transaction finalized: {report}");
	assert_eq!(report["dropped"], 0);
	assert!(report["refused"].as_object().unwrap().is_empty(), "{kind}: {report}");
	assert!(report["transactionsPerSecond"].as_f64().unwrap() > 0.0);
	assert!(report["windowBlocks"].as_u64().unwrap() >= 1);
	let fullest = report["maxNormalWeightPercent"].as_f64().unwrap();
	assert!(fullest > 0.0 && fullest <= 100.0, "{kind}: {fullest}% of the normal limit");
	let (inclusion, finality) = (&report["inclusion"], &report["finality"]);
	assert_eq!(inclusion["count"], count);
	assert_eq!(finality["count"], count);
	assert!(inclusion["p50"].as_u64().unwrap() <= finality["p50"].as_u64().unwrap());
}
