//! The `codchain` binary against a real `codchain-node --dev --tmp`: every command group, the
//! seed's timecoin example, keys of all three schemes signing on chain, and bad input that must
//! fail with a clear message and submit nothing.

mod common;

use common::{free_port, node_bin};
use serde_json::Value;
use std::{
	process::{Child, Command, Output, Stdio},
	time::{Duration, Instant},
};

const CLI: &str = env!("CARGO_BIN_EXE_codchain");

struct Node {
	child: Child,
	url: String,
}

impl Drop for Node {
	fn drop(&mut self) {
		let _ = self.child.kill();
		let _ = self.child.wait();
	}
}

fn start_node() -> Node {
	let (rpc, p2p) = (free_port(), free_port());
	let child = Command::new(node_bin())
		.args(["--dev", "--tmp", "--rpc-port", &rpc.to_string(), "--port", &p2p.to_string()])
		.stdout(Stdio::null())
		.stderr(Stdio::null())
		.spawn()
		.expect("the node starts");
	let node = Node { child, url: format!("ws://127.0.0.1:{rpc}") };
	// Ready once the chain has a block: `account balance` then answers.
	let deadline = Instant::now() + Duration::from_secs(90);
	loop {
		let out = run(&node, &["--json", "account", "balance", "//Alice"]);
		if out.status.success() {
			return node;
		}
		assert!(Instant::now() < deadline, "the node did not answer within 90 s");
		std::thread::sleep(Duration::from_secs(1));
	}
}

fn run(node: &Node, args: &[&str]) -> Output {
	Command::new(CLI)
		.env("CODCHAIN_URL", &node.url)
		.env("CODCHAIN_PASSWORD", "correct horse")
		.env_remove("CODCHAIN_SURI")
		.env_remove("CODCHAIN_KEY_FILE")
		.args(args)
		.output()
		.expect("the CLI runs")
}

/// Run a command that must succeed and print JSON.
fn ok(node: &Node, args: &[&str]) -> Value {
	let mut all = vec!["--json", "--wait-for", "in-block"];
	all.extend_from_slice(args);
	let out = run(node, &all);
	let stdout = String::from_utf8_lossy(&out.stdout);
	assert!(
		out.status.success(),
		"{args:?} failed:\n{stdout}\n{}",
		String::from_utf8_lossy(&out.stderr)
	);
	serde_json::from_str(&stdout)
		.unwrap_or_else(|e| panic!("{args:?} printed no JSON ({e}): {stdout}"))
}

/// Run a command that must fail; returns its JSON error.
fn fails(node: &Node, args: &[&str]) -> Value {
	let mut all = vec!["--json", "--wait-for", "in-block"];
	all.extend_from_slice(args);
	let out = run(node, &all);
	let stdout = String::from_utf8_lossy(&out.stdout);
	assert_eq!(out.status.code(), Some(1), "{args:?} should fail:\n{stdout}");
	serde_json::from_str::<Value>(&stdout).unwrap()["error"].clone()
}

fn nonce(node: &Node, who: &str) -> u64 {
	ok(node, &["account", "balance", who])["nonce"].as_u64().unwrap()
}

fn seconds_held(node: &Node, who: &str) -> Vec<u64> {
	let h = ok(node, &["timecoin", "holdings", who]);
	h.as_array().unwrap().iter().map(|x| x["seconds"].as_u64().unwrap()).collect()
}

#[test]
fn every_command_group_against_a_dev_node() {
	let node = start_node();
	let alice = ok(&node, &["key", "inspect", "//Alice"])["address"].as_str().unwrap().to_string();
	assert_eq!(alice, "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");

	// account: a transfer with decimals arrives to the planck.
	let before: u128 =
		ok(&node, &["account", "balance", "//Dave"])["free"].as_str().unwrap().parse().unwrap();
	let r = ok(&node, &["--suri", "//Alice", "account", "transfer", "//Dave", "1.000000000001"]);
	assert!(r["events"].as_array().unwrap().iter().any(|e| e["event"] == "Transfer"));
	let after: u128 =
		ok(&node, &["account", "balance", "//Dave"])["free"].as_str().unwrap().parse().unwrap();
	assert_eq!(after - before, 1_000_000_000_001);

	// keys: a key file of each scheme, funded, then signing a transfer on chain.
	let dir = std::env::temp_dir().join(format!("codchain-cli-test-{}", std::process::id()));
	std::fs::create_dir_all(&dir).unwrap();
	for scheme in ["sr25519", "ed25519", "ecdsa"] {
		let file = dir.join(format!("{scheme}.json"));
		let generated =
			ok(&node, &["key", "generate", "--scheme", scheme, "--out", file.to_str().unwrap()]);
		let addr = generated["address"].as_str().unwrap();
		let inspected = ok(&node, &["--key-file", file.to_str().unwrap(), "key", "inspect"]);
		assert_eq!(inspected["address"], generated["address"], "{scheme}");
		ok(&node, &["--suri", "//Alice", "account", "transfer", addr, "5"]);
		ok(&node, &["--key-file", file.to_str().unwrap(), "account", "transfer", "//Ferdie", "1"]);
		assert_eq!(nonce(&node, addr), 1, "{scheme} signed one transaction");
		// A second `generate` never overwrites a key.
		let e = fails(&node, &["key", "generate", "--out", file.to_str().unwrap()]);
		assert!(e["message"].as_str().unwrap().contains("exists"));
	}

	// timecoin: the seed's example. A issues 10 and 80 to B; B gives 85 to C, 5 come back.
	ok(&node, &["--suri", "//Alice", "timecoin", "declare-capacity", "10h"]);
	ok(&node, &["--suri", "//Alice", "timecoin", "issue", "--to", "//Bob=10", "--to", "//Bob=80"]);
	let bob_coins = ok(&node, &["timecoin", "coins", "//Bob"]);
	let spent: Vec<String> = bob_coins
		.as_array()
		.unwrap()
		.iter()
		.map(|c| c["id"].as_str().unwrap().to_string())
		.collect();
	assert_eq!(spent.len(), 2);
	ok(
		&node,
		&[
			"--suri",
			"//Bob",
			"timecoin",
			"transfer",
			"--issuer",
			&alice,
			"--to",
			"//Charlie",
			"--amount",
			"85",
		],
	);
	assert_eq!(seconds_held(&node, "//Charlie"), vec![85]);
	assert_eq!(seconds_held(&node, "//Bob"), vec![5]);
	let issuer = ok(&node, &["timecoin", "issuer", &alice]);
	assert_eq!(
		(issuer["capacity"].as_u64(), issuer["outstanding"].as_u64()),
		(Some(36_000), Some(90))
	);

	// merge: 18 one-second coins take two transfers to oneself (16 into 1, then the last 3).
	let mut issue = vec!["--suri", "//Alice", "timecoin", "issue"];
	issue.extend(["--to", "//Eve=1"].repeat(16));
	ok(&node, &issue);
	ok(&node, &["--suri", "//Alice", "timecoin", "issue", "--to", "//Eve=1", "--to", "//Eve=1"]);
	assert_eq!(seconds_held(&node, "//Eve"), vec![18]);
	assert_eq!(ok(&node, &["timecoin", "coins", "//Eve"]).as_array().unwrap().len(), 18);
	let merged = ok(&node, &["--suri", "//Eve", "timecoin", "merge", "--issuer", &alice]);
	assert_eq!((merged["calls"].as_u64(), merged["coins"].as_u64()), (Some(2), Some(1)));
	let blocks: Vec<u64> =
		merged["blocks"].as_array().unwrap().iter().map(|b| b.as_u64().unwrap()).collect();
	assert!(blocks.len() == 2 && blocks[0] < blocks[1], "one block per merge call: {blocks:?}");
	let eve_coins = ok(&node, &["timecoin", "coins", "//Eve"]);
	assert_eq!(eve_coins.as_array().unwrap().len(), 1);
	assert_eq!(eve_coins[0]["seconds"].as_u64(), Some(18));
	// Nothing left to merge: no call.
	let merged = ok(&node, &["--suri", "//Eve", "timecoin", "merge", "--issuer", &alice]);
	assert_eq!(merged["calls"].as_u64(), Some(0));

	// A spent coin: the dry run names the nested ledger error and nothing is submitted.
	let bob_nonce = nonce(&node, "//Bob");
	let e = fails(
		&node,
		&[
			"--suri",
			"//Bob",
			"timecoin",
			"pour",
			"--issuer",
			&alice,
			"--input",
			&spent[0],
			"--output",
			"//Charlie=1",
		],
	);
	assert_eq!((e["kind"].as_str(), e["pallet"].as_str()), (Some("rejected"), Some("Timecoin")));
	assert_eq!(e["name"], "Ledger.UnknownOrSpentInput");
	assert!(!e["docs"].as_str().unwrap().is_empty(), "the error's documentation comes along");
	assert_eq!(nonce(&node, "//Bob"), bob_nonce, "a rejected dry run submits nothing");

	// codcoin: a claim, an issue within the cap, a payment with change.
	ok(
		&node,
		&[
			"--suri",
			"//Alice",
			"codcoin",
			"declare-claim",
			"--kind",
			"stock",
			"--quantity",
			"100",
			"--value",
			"1000",
			"--expiry",
			"+1h",
		],
	);
	assert_eq!(ok(&node, &["codcoin", "claims", &alice]).as_array().unwrap().len(), 1);
	ok(&node, &["--suri", "//Alice", "codcoin", "issue", "--to", "//Bob=100"]);
	ok(
		&node,
		&[
			"--suri",
			"//Bob",
			"codcoin",
			"pay",
			"--issuer",
			&alice,
			"--to",
			"//Charlie",
			"--amount",
			"30",
		],
	);
	assert_eq!(ok(&node, &["codcoin", "balance", &alice, "//Bob"])["amount"], "70");
	assert_eq!(ok(&node, &["codcoin", "issuer", &alice])["supply"], "100");

	// market: Bob sells 10 units of Alice's coin at 1 COD each; Charlie takes 4.
	let pay = format!("codcoin:{alice}");
	ok(
		&node,
		&[
			"--suri",
			"//Bob",
			"market",
			"offer",
			"--pay",
			&pay,
			"--receive",
			"cod",
			"--ratio",
			"1:1000000000000",
			"--amount",
			"10",
			"--min-fill",
			"1",
		],
	);
	let offers = ok(&node, &["market", "offers", &pay, "cod"]);
	let id = offers[0]["id"].as_u64().unwrap().to_string();
	ok(&node, &["--suri", "//Charlie", "market", "accept", &id, "4"]);
	assert_eq!(ok(&node, &["codcoin", "balance", &alice, "//Charlie"])["amount"], "34");
	assert_eq!(ok(&node, &["market", "show-offer", &id])["remaining"], "6");
	ok(&node, &["--suri", "//Bob", "market", "cancel", &id]);
	assert_eq!(ok(&node, &["market", "stats", "//Bob"])["settled"], 1);
	assert!(ok(&node, &["market", "offers", &pay, "cod"]).as_array().unwrap().is_empty());
	// Charlie's 34 are two coins (Bob's 30, the market's 4): one payment to himself merges them.
	assert_eq!(ok(&node, &["codcoin", "coins", "//Charlie"]).as_array().unwrap().len(), 2);
	let merged = ok(&node, &["--suri", "//Charlie", "codcoin", "merge", "--issuer", &alice]);
	assert_eq!((merged["calls"].as_u64(), merged["coins"].as_u64()), (Some(1), Some(1)));
	assert_eq!(ok(&node, &["codcoin", "balance", &alice, "//Charlie"])["amount"], "34");

	// upkeep: a contract with two keepers and a provider; its rotation, maintenance, closing.
	let c = ok(
		&node,
		&[
			"--suri",
			"//Alice",
			"upkeep",
			"create",
			"--keeper",
			"//Dave",
			"--keeper",
			"//Eve",
			"--provider",
			"//Ferdie",
			"--price",
			"0.000001",
			"--period",
			"3",
			"--window",
			"2",
			"--escrow",
			"10",
		],
	);
	assert!(c["events"].as_array().unwrap().iter().any(|e| e["event"] == "Created"));
	let info = ok(&node, &["upkeep", "contract", "0"]);
	assert_eq!(info["escrow"], "10000000000000");
	assert_eq!(info["price"], "1000000");
	assert_eq!(info["keepers"].as_array().unwrap().len(), 2);
	assert_eq!(info["providerShare"], 900_000_000);
	let started = info["started"].as_u64().unwrap();
	let windows = ok(&node, &["upkeep", "windows", "0", "//Ferdie"]);
	assert_eq!(windows[0]["start"].as_u64(), Some(started + 3));
	assert_eq!(windows[1]["start"].as_u64(), Some(started + 5));
	let at = windows[1]["start"].to_string();
	let leader = ok(&node, &["upkeep", "leader", "0", "//Ferdie", "--at", &at]);
	assert_eq!((&leader["keeper"], &leader["position"]), (&windows[1]["keeper"], &Value::from(2)));
	assert_eq!(leader["failed"][0], windows[0]["keeper"]);
	ok(&node, &["--suri", "//Alice", "upkeep", "top-up", "0", "1.5"]);
	assert_eq!(ok(&node, &["upkeep", "contracts", "//Alice"])[0]["escrow"], "11500000000000");
	ok(&node, &["--suri", "//Ferdie", "upkeep", "maintenance", "0", "+10", "+20"]);
	let p = ok(&node, &["upkeep", "providers", "0"]);
	assert_eq!(p[0]["paidUntil"].as_u64(), Some(started));
	assert_eq!(p[0]["maintenance"].as_array().unwrap().len(), 1);
	let e = fails(&node, &["--suri", "//Dave", "upkeep", "maintenance", "0", "+10", "+20"]);
	assert_eq!((&e["pallet"], &e["name"]), (&Value::from("Upkeep"), &Value::from("NotAProvider")));
	ok(&node, &["--suri", "//Alice", "upkeep", "close", "0"]);
	let e = fails(&node, &["--suri", "//Alice", "upkeep", "finish", "0"]);
	assert_eq!(e["name"], "PaymentsOutstanding");
	assert!(ok(&node, &["upkeep", "payments", "0"]).as_array().unwrap().is_empty());

	// Bad input: a clear message, exit code 1, nothing submitted.
	let alice_nonce = nonce(&node, "//Alice");
	let cases: [(&[&str], &str, &str); 7] = [
		(
			&["--suri", "//Alice", "account", "transfer", "5Grwva", "1"],
			"key",
			"not a Codchain address",
		),
		(
			&["--suri", "//Alice", "account", "transfer", "//Bob", "0.0000000000001"],
			"amount",
			"more than 12 decimals",
		),
		(&["--suri", "//Alice", "account", "transfer", "//Bob", "-1"], "amount", "negative"),
		(&["--suri", "//Alice", "account", "transfer", "//Bob", "1,5"], "amount", "not an amount"),
		(
			&[
				"--suri", "//Alice", "timecoin", "transfer", "--issuer", &alice, "--to", "//Bob",
				"--amount", "1", "--coin", "0x1234",
			],
			"input",
			"not a coin id",
		),
		(
			&[
				"--suri",
				"//Alice",
				"timecoin",
				"coin",
				"0x1111111111111111111111111111111111111111111111111111111111111111",
			],
			"input",
			"unknown coin",
		),
		(&["--suri", "//Alice", "timecoin", "retire"], "rejected", "SecondsOutstanding"),
	];
	for (args, kind, text) in cases {
		let e = fails(&node, args);
		assert_eq!(e["kind"], kind, "{args:?}: {e}");
		assert!(e["message"].as_str().unwrap().contains(text), "{args:?}: {e}");
	}
	assert_eq!(nonce(&node, "//Alice"), alice_nonce, "none of the bad commands was submitted");

	let e = fails(&node, &["--url", "ws://127.0.0.1:1", "account", "balance", "//Alice"]);
	assert_eq!(e["kind"], "unreachable");

	// The default waits for finality.
	let r = run(&node, &["--json", "--suri", "//Alice", "account", "transfer", "//Eve", "1"]);
	assert!(r.status.success());
	let r: Value = serde_json::from_slice(&r.stdout).unwrap();
	assert_eq!(r["finalized"], true);
	let _ = std::fs::remove_dir_all(dir);
}

/// The fields of the first event `name` in a receipt.
fn event(receipt: &Value, name: &str) -> Value {
	receipt["events"]
		.as_array()
		.unwrap()
		.iter()
		.find(|e| e["event"] == name)
		.unwrap_or_else(|| panic!("no {name} event in {receipt}"))["fields"]
		.clone()
}

fn tokens(node: &Node, jtid: &str, who: &str) -> u128 {
	ok(node, &["jt", "balance", jtid, who])["free"].as_str().unwrap().parse().unwrap()
}

/// Submits transfers of 1 COD from Alice until the chain reaches block `n`.
fn wait_for_block(node: &Node, n: u64) {
	loop {
		let r = ok(node, &["--suri", "//Alice", "account", "transfer", "//Alice", "0.000001"]);
		if r["blockNumber"].as_u64().unwrap() >= n {
			return;
		}
	}
}

/// Issue 12 end to end: a kind from a rules file, planned issuance, a desk purchase, a
/// 2-input transfer signed by an sr25519 and an ecdsa key, an exchange between two kinds, a
/// sale back to the desk, a presale delivered and one refunded, a loan.
#[test]
fn joint_tokens_against_a_dev_node() {
	let node = start_node();
	let dir = std::env::temp_dir().join(format!("codchain-cli-jt-{}", std::process::id()));
	std::fs::create_dir_all(&dir).unwrap();
	let rules = |name: &str| {
		let file = dir.join(format!("{name}.json"));
		let json = format!(
			r#"{{"name": "{name}", "symbol": "GDN", "deployer": "//Alice",
			"planned": [{{"to": "incubation", "amount": "5000", "start": 1, "every": 10000, "count": 2}}],
			"holdersMayDestroy": true,
			"unplanned": {{"mode": "code", "sell": "1000000000000:2", "buy": "1000000000000:4",
				"feePercent": 10, "feeTo": "//Charlie"}},
			"mentorWindow": 2, "minTutoringFee": "1", "document": "{name} cooperative"}}"#
		);
		std::fs::write(&file, json).unwrap();
		file.to_str().unwrap().to_string()
	};
	let (garden, orchard) = (rules("Garden"), rules("Orchard"));

	// A kind is its rules' hash; the chain agrees and anyone can check.
	let jtid = ok(&node, &["jt", "id", &garden])["jtid"].as_str().unwrap().to_string();
	let r = ok(&node, &["--suri", "//Alice", "jt", "create", &garden]);
	assert_eq!(event(&r, "KindCreated")["jtid"], jtid.as_str());
	let e = fails(&node, &["--suri", "//Alice", "jt", "create", &garden]);
	assert_eq!(e["name"], "KindExists");
	let e = fails(&node, &["--suri", "//Bob", "jt", "create", &orchard]);
	assert_eq!(e["name"], "NotDeployer");
	let kind = ok(&node, &["jt", "kind", &jtid]);
	assert_eq!(kind["rulesMatchId"], true);
	let incubation = kind["incubation"].as_str().unwrap().to_string();

	// Planned issuance: the hook pays the incubation fund; the next period is not due.
	wait_for_block(&node, r["blockNumber"].as_u64().unwrap() + 1);
	assert_eq!(tokens(&node, &jtid, &incubation), 5000);
	let e = fails(&node, &["--suri", "//Bob", "jt", "issue", &jtid, "0"]);
	assert_eq!(e["name"], "NotDue");

	// The desk: 100 COD buy 200 tokens (1 COD : 2); 10 COD fee, 90 COD back the offer.
	let q = ok(&node, &["jt", "quote", &jtid, "100"]);
	assert_eq!((q["jt"].as_str(), q["fee"].as_str()), (Some("200"), Some("10000000000000")));
	ok(&node, &["--suri", "//Bob", "jt", "buy", &jtid, "100"]);
	assert_eq!(tokens(&node, &jtid, "//Bob"), 200);
	let e = fails(&node, &["--suri", "//Bob", "jt", "buy", &jtid, "1", "--min", "3"]);
	assert_eq!(e["name"], "BelowMinimum");

	// A 2-input transfer: Bob (sr25519) and Dave's ecdsa key sign, Charlie submits.
	let dave = ok(&node, &["--suri", "//Dave", "--key-type", "ecdsa", "key", "inspect"])["address"]
		.as_str()
		.unwrap()
		.to_string();
	ok(
		&node,
		&[
			"--suri",
			"//Bob",
			"jt",
			"transfer",
			&jtid,
			"--in",
			"//Bob=50",
			"--out",
			&format!("{dave}=50"),
		],
	);
	let r = ok(
		&node,
		&[
			"--suri",
			"//Charlie",
			"jt",
			"transfer",
			&jtid,
			"--in",
			"//Bob=100",
			"--in",
			"ecdsa://Dave=30",
			"--out",
			"//Eve=130",
		],
	);
	assert_eq!(event(&r, "Transferred")["inputs"], 2);
	assert_eq!((tokens(&node, &jtid, "//Bob"), tokens(&node, &jtid, &dave)), (50, 20));
	assert_eq!(tokens(&node, &jtid, "//Eve"), 130);
	// The item's dry run refuses an overdraft before anything is submitted.
	let before = nonce(&node, "//Charlie");
	let e = fails(
		&node,
		&[
			"--suri",
			"//Charlie",
			"jt",
			"transfer",
			&jtid,
			"--in",
			"//Eve=500",
			"--out",
			"//Bob=500",
		],
	);
	assert_eq!(e["name"], "InsufficientBalance");
	assert_eq!(nonce(&node, "//Charlie"), before);

	// An exchange between two kinds: both payers sign.
	let other = ok(&node, &["jt", "id", &orchard])["jtid"].as_str().unwrap().to_string();
	ok(&node, &["--suri", "//Alice", "jt", "create", &orchard]);
	ok(&node, &["--suri", "//Ferdie", "jt", "buy", &other, "10"]);
	let r = ok(
		&node,
		&[
			"--suri",
			"//Charlie",
			"jt",
			"exchange",
			"--a",
			&jtid,
			"--a-payer",
			"//Bob",
			"--a-out",
			"//Ferdie=10",
			"--b",
			&other,
			"--b-payer",
			"//Ferdie",
			"--b-out",
			"//Bob=20",
		],
	);
	assert_eq!(
		(event(&r, "Exchanged")["aTotal"].as_u64(), event(&r, "Exchanged")["bTotal"].as_u64()),
		(Some(10), Some(20))
	);
	assert_eq!((tokens(&node, &jtid, "//Ferdie"), tokens(&node, &other, "//Bob")), (10, 20));

	// Selling to the desk at 1 COD : 4 tokens: 10 COD take 40 tokens, which burn.
	let supply = |n: &Node| {
		ok(n, &["jt", "kind", &jtid])["supply"].as_str().unwrap().parse::<u128>().unwrap()
	};
	let before = supply(&node);
	let r = ok(&node, &["--suri", "//Eve", "jt", "sell", &jtid, "10"]);
	assert_eq!(event(&r, "Redeemed")["amount"].as_u64(), Some(40));
	assert_eq!(supply(&node), before - 40);
	assert_eq!(tokens(&node, &jtid, "//Eve"), 90);

	// A presale: Bob's preorder is delivered, Eve's refunded after the deadline.
	ok(&node, &["--suri", "//Alice", "jt", "declare", &jtid]);
	let r = ok(
		&node,
		&[
			"--suri",
			"//Alice",
			"jt",
			"presale",
			"open",
			&jtid,
			"--price",
			"10",
			"--units",
			"5",
			"--opens",
			"+3",
			"--closes",
			"+8",
			"--deliver-by",
			"+10",
		],
	);
	let p = event(&r, "PresaleOpened")["presale"].to_string();
	let shown = ok(&node, &["jt", "presale", "show", &p]);
	wait_for_block(&node, shown["opens"].as_u64().unwrap());
	ok(&node, &["--suri", "//Bob", "jt", "presale", "preorder", &p, "2"]);
	ok(&node, &["--suri", "//Eve", "jt", "presale", "preorder", &p, "1"]);
	let alice = tokens(&node, &jtid, "//Alice");
	ok(&node, &["--suri", "//Bob", "jt", "presale", "confirm", &p]);
	assert_eq!(tokens(&node, &jtid, "//Alice"), alice + 20);
	let e = fails(&node, &["--suri", "//Bob", "jt", "presale", "settle", &p, "//Eve"]);
	assert_eq!(e["name"], "TooEarly");
	wait_for_block(&node, shown["deliverBy"].as_u64().unwrap());
	let eve = tokens(&node, &jtid, "//Eve");
	let r = ok(&node, &["--suri", "//Bob", "jt", "presale", "settle", &p, "//Eve"]);
	assert_eq!(event(&r, "PreorderSettled")["end"], "Refunded");
	assert_eq!((eve, tokens(&node, &jtid, "//Eve")), (80, 90));
	ok(&node, &["--suri", "//Alice", "jt", "presale", "close", &p]);

	// A loan from the incubation fund, repaid at once.
	let r = ok(
		&node,
		&[
			"--suri",
			"//Alice",
			"jt",
			"loan",
			"apply",
			&jtid,
			"100",
			"--installments",
			"2",
			"--every",
			"100",
		],
	);
	let loan = event(&r, "LoanApplied")["loan"].to_string();
	ok(&node, &["--suri", "//Alice", "jt", "loan", "fund", &loan, "--incubation"]);
	assert_eq!(tokens(&node, &jtid, &incubation), 4900);
	assert_eq!(ok(&node, &["jt", "loan", "show", &loan])["lender"], incubation.as_str());
	let r = ok(&node, &["--suri", "//Alice", "jt", "loan", "repay", &loan, "100"]);
	assert!(r["events"].as_array().unwrap().iter().any(|e| e["event"] == "LoanClosed"));
	assert_eq!(tokens(&node, &jtid, &incubation), 5000);
	let _ = std::fs::remove_dir_all(dir);
}

/// The seed's CarChain wallet: a device set up with its key's proof, the seed's GPS trip
/// encrypted and uploaded at the day's pool address, found again by date and decrypted with
/// columns selected, granted to a buyer who decrypts it, drawn as an SVG; strangers read
/// nothing.
#[test]
fn a_car_wallet_against_a_dev_node() {
	const VIN: &str = "LBVNU79049SB81546";
	const KEY: &str = "trip/20160511071428/1";
	let node = start_node();
	let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
	let trip = root.join("docs/samples/trip-gps.json");
	let trip = trip.to_str().unwrap();
	let keys = ok(&node, &["--suri", "//Alice", "car", "keys", VIN, "--date", "2016-05-11"]);
	let day = keys["dayAddress"].as_str().unwrap().to_string();
	assert_eq!(keys["addresses"].as_array().unwrap().len(), 16);
	assert!(keys["addresses"].as_array().unwrap().iter().any(|a| a == &Value::from(day.clone())));
	// The day's address signs its records and grants, so it needs COD for fees and deposits.
	ok(&node, &["--suri", "//Alice", "account", "transfer", &day, "10"]);
	ok(&node, &["--suri", "//Alice", "car", "setup", VIN, "--device", "//Dev1"]);
	// A reset needs the previous device key: a wrong one is refused, the right one moves the
	// device to a new key.
	fails(
		&node,
		&["--suri", "//Alice", "car", "reset", VIN, "--old-device", "//Dev9", "--device", "//Dev2"],
	);
	ok(
		&node,
		&["--suri", "//Alice", "car", "reset", VIN, "--old-device", "//Dev1", "--device", "//Dev2"],
	);
	let devices = ok(&node, &["car", "devices", "//Alice"]);
	assert_eq!(devices[0]["vid"], VIN);
	assert_eq!(devices[0]["encryptionKey"], keys["encryptionKey"]);
	assert_eq!(devices[0]["generation"], 1);
	let dev2 = ok(&node, &["key", "inspect", "//Dev2"]);
	assert_eq!(devices[0]["deviceKey"], dev2["address"], "{dev2}");

	let put = ok(
		&node,
		&[
			"--suri", "//Alice", "car", "put", VIN, "--date", "20160511", "--key", KEY, "--file",
			trip,
		],
	);
	let record = event(&put, "RecordPut");
	// Encrypted: the sealed key (80 bytes) and nonce (12) come on top of the plaintext.
	let plain = std::fs::metadata(trip).unwrap().len();
	assert_eq!(record["size"].as_u64().unwrap(), plain + 80 + 12 + 16, "{record}");
	let got = ok(
		&node,
		&[
			"--suri",
			"//Alice",
			"car",
			"get",
			VIN,
			"--date",
			"2016-05-11",
			"--key",
			KEY,
			"--columns",
			"GPS,SPEED",
		],
	);
	assert_eq!(got["value"]["SPEED"], "0,23,52,45,51,33,49,49,48,37");
	assert_eq!(got["value"]["GPS"].as_array().unwrap().len(), 10);
	assert!(got["value"].get("VEHICLE_DATA").is_none(), "only the columns asked for");
	// Another wallet's pool has no record under that day and key.
	fails(&node, &["--suri", "//Eve", "car", "get", VIN, "--date", "20160511", "--key", KEY]);

	let range = ok(&node, &["--suri", "//Alice", "car", "range", VIN, "--date", "20160511"]);
	assert_eq!(range["records"].as_array().unwrap().len(), 1);
	assert_eq!(range["records"][0]["key"], KEY);

	// A grant seals the value key to Bob's encryption key; Bob decrypts, Charlie cannot.
	let bob = ok(&node, &["--suri", "//Bob", "car", "keys"]);
	let bob_key = bob["encryptionKey"].as_str().unwrap();
	let bob_addr = bob["owner"].as_str().unwrap();
	ok(
		&node,
		&[
			"--suri", "//Alice", "car", "grant", VIN, "--date", "20160511", "--key", KEY, "--to",
			bob_addr, "--to-key", bob_key,
		],
	);
	let read =
		ok(&node, &["--suri", "//Bob", "car", "read", &day, "--key", KEY, "--columns", "SPEED"]);
	assert_eq!(read["value"]["SPEED"], "0,23,52,45,51,33,49,49,48,37");
	let refused = fails(&node, &["--suri", "//Charlie", "car", "read", &day, "--key", KEY]);
	assert!(refused["message"].as_str().unwrap().contains("no grant"), "{refused}");

	let svg = std::env::temp_dir().join(format!("codchain-trip-{}.svg", std::process::id()));
	let drawn = ok(
		&node,
		&[
			"--suri",
			"//Alice",
			"car",
			"trip",
			VIN,
			"--date",
			"20160511",
			"--key",
			KEY,
			"--svg",
			svg.to_str().unwrap(),
		],
	);
	assert_eq!(drawn["points"], 10);
	let picture = std::fs::read_to_string(&svg).unwrap();
	assert!(picture.starts_with("<svg") && picture.matches("<line").count() == 9);
	let _ = std::fs::remove_file(&svg);

	let emission = ok(&node, &["car", "emission"]);
	assert_eq!(emission["producers"]["minted"], "1000000000000");
}

/// Issue 14 end to end: credit lines between users, a three-hop payment on the route the
/// chain finds, an IOU signed offline and its replay refused, a netting cycle; an organisation
/// with a join request approved (not by a non-admin); one node key registered in two cods with
/// two ids; a MiMei object with three versions resolved at an old block.
#[test]
fn leither_against_a_dev_node() {
	let node = start_node();
	let s = |who: &str, args: &[&str]| {
		let mut v = vec!["--suri", who];
		v.extend_from_slice(args);
		ok(&node, &v)
	};
	let f = |who: &str, args: &[&str]| {
		let mut v = vec!["--suri", who];
		v.extend_from_slice(args);
		fails(&node, &v)
	};
	for who in ["//Carol", "//Dave", "//Eve"] {
		s("//Alice", &["account", "transfer", who, "1000"]);
	}
	// Lines of 100 BW: Bob to Alice, Carol to Bob, Dave to Carol, each offered by its grantor
	// and accepted by its grantee with the same terms.
	for (grantor, grantee) in [("//Bob", "//Alice"), ("//Carol", "//Bob"), ("//Dave", "//Carol")] {
		s(grantor, &["credit", "propose", grantee, "BW", "--side", "grantor", "--limit", "100"]);
		f(grantee, &["credit", "accept", grantor, "BW", "--side", "grantee", "--limit", "99"]);
		s(grantee, &["credit", "accept", grantor, "BW", "--side", "grantee", "--limit", "100"]);
	}
	let route = ok(&node, &["credit", "path", "//Alice", "//Dave", "BW", "40"]);
	assert_eq!(route.as_array().unwrap().len(), 3, "{route}");
	s("//Alice", &["credit", "pay", "//Dave", "BW", "40"]);
	for (grantor, grantee) in [("//Bob", "//Alice"), ("//Carol", "//Bob"), ("//Dave", "//Carol")] {
		assert_eq!(ok(&node, &["credit", "line", grantor, grantee, "BW"])["debt"], "40");
	}
	// Beyond the line: refused, nothing changes.
	let e = f("//Alice", &["credit", "borrow", "//Bob", "BW", "61"]);
	assert!(e.to_string().contains("BeyondLimit"), "{e}");
	// An IOU Bob signs offline; Carol submits it once.
	let iou = s("//Bob", &["credit", "sign-iou", "//Carol", "BW", "10"]).to_string();
	s("//Carol", &["credit", "submit-iou", &iou]);
	let e = f("//Carol", &["credit", "submit-iou", &iou]);
	assert!(e.to_string().contains("IouReplayed"), "{e}");
	assert_eq!(ok(&node, &["credit", "line", "//Carol", "//Bob", "BW"])["debt"], "50");
	// Close the cycle: Alice grants Dave a line and Dave borrows 20 on it.
	s("//Alice", &["credit", "propose", "//Dave", "BW", "--side", "grantor", "--limit", "50"]);
	s("//Dave", &["credit", "accept", "//Alice", "BW", "--side", "grantee", "--limit", "50"]);
	s("//Dave", &["credit", "borrow", "//Alice", "BW", "20"]);
	let (bob, carol, dave, alice) = (
		ok(&node, &["key", "inspect", "//Bob"])["address"].as_str().unwrap().to_string(),
		ok(&node, &["key", "inspect", "//Carol"])["address"].as_str().unwrap().to_string(),
		ok(&node, &["key", "inspect", "//Dave"])["address"].as_str().unwrap().to_string(),
		ok(&node, &["key", "inspect", "//Alice"])["address"].as_str().unwrap().to_string(),
	);
	let debt = |l: &str, b: &str, n: u32| format!("{l}:{b}:{n}");
	let cycle = |last: u32| {
		vec![
			"credit".to_string(),
			"net".into(),
			"BW".into(),
			"--debt".into(),
			debt(&bob, &alice, 20),
			"--debt".into(),
			debt(&carol, &bob, 20),
			"--debt".into(),
			debt(&dave, &carol, 20),
			"--debt".into(),
			debt(&alice, &dave, last),
		]
	};
	let off_by_one = cycle(19);
	let e = f("//Eve", &off_by_one.iter().map(String::as_str).collect::<Vec<_>>());
	assert!(e.to_string().contains("PositionChanged"), "{e}");
	let good = cycle(20);
	s("//Eve", &good.iter().map(String::as_str).collect::<Vec<_>>());
	assert_eq!(ok(&node, &["credit", "line", "//Bob", "//Alice", "BW"])["debt"], "20");
	assert_eq!(ok(&node, &["credit", "line", "//Alice", "//Dave", "BW"])["debt"], "0");

	// An organisation: Eve asks to join, Bob (no admin) cannot approve, Alice does.
	s("//Alice", &["org", "create", "Leither", "--info", "leither.org"]);
	s("//Eve", &["org", "join", "0"]);
	let e = f("//Bob", &["org", "approve", "0", "//Eve"]);
	assert!(e.to_string().contains("NotAdmin"), "{e}");
	s("//Alice", &["org", "approve", "0", "//Eve"]);
	let org = ok(&node, &["org", "show", "0"]);
	assert_eq!(org["members"], 2, "{org}");
	assert_eq!(ok(&node, &["org", "mine", "//Eve"])[0]["role"], "member");

	// Two cods; Eve runs one node in both: one key, two ids, each shown by the registry.
	s("//Alice", &["org", "create", "Second"]);
	s("//Eve", &["org", "join", "1"]);
	s("//Alice", &["org", "approve", "1", "//Eve"]);
	let base = tempfile::tempdir().unwrap();
	let mut ids = Vec::new();
	for cod in ["0", "1"] {
		s("//Alice", &["org", "set-cod-keys", cod, "--modeller", "//Alice", "--deployer", "//Bob"]);
		let genesis =
			s("//Eve", &["org", "node-payload", cod])["genesis"].as_str().unwrap().to_string();
		let out = Command::new(node_bin())
			.args([
				"node-id",
				"--dev",
				"--cod",
				cod,
				"--operator",
				s("//Eve", &["key", "inspect"])["address"].as_str().unwrap(),
				"--genesis",
				&genesis,
				"--base-path",
			])
			.arg(base.path())
			.output()
			.unwrap();
		assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
		let id: Value = serde_json::from_slice(&out.stdout).unwrap();
		let (key, proof) = (id["nodeKey"].as_str().unwrap(), id["proof"].as_str().unwrap());
		s("//Eve", &["org", "register-node", cod, key, proof]);
		let nodes = ok(&node, &["org", "nodes", cod]);
		assert_eq!(nodes[0]["id"], id["nodeId"], "{nodes}");
		ids.push((key.to_string(), id["nodeId"].clone()));
	}
	assert_eq!(ids[0].0, ids[1].0, "one key");
	assert_ne!(ids[0].1, ids[1].1, "two ids");

	// A MiMei object with three versions; what `cur` and `last` named at an old block.
	let created = s("//Alice", &["mimei", "create", "blog", "md", "hello"]);
	let id = event(&created, "Created")["id"].as_str().unwrap().to_string();
	let mut blocks = Vec::new();
	for n in 0..3u8 {
		let dir = tempfile::tempdir().unwrap();
		let file = dir.path().join("v.md");
		std::fs::write(&file, format!("version {n}")).unwrap();
		let r = s("//Alice", &["mimei", "add-version", &id, file.to_str().unwrap()]);
		blocks.push(r["blockNumber"].as_u64().unwrap());
	}
	s("//Alice", &["mimei", "point", &id, "cur", "2"]);
	let e = f("//Eve", &["mimei", "point", &id, "cur", "0"]);
	assert!(e.to_string().contains("NotWriter"), "{e}");
	let now = ok(&node, &["mimei", "resolve", &id, "cur"]);
	assert_eq!(now["version"], 2);
	let old = blocks[1].to_string();
	let then = ok(&node, &["mimei", "resolve", &id, "last", "--at", &old]);
	assert_eq!(then["version"], 1, "at block {old} the newest version was 1");
	let then_cur = ok(&node, &["mimei", "resolve", &id, "cur", "--at", &old]);
	assert_eq!(then_cur["version"], 0);
	assert_eq!(ok(&node, &["mimei", "versions", &id]).as_array().unwrap().len(), 3);
}
