//! Output: human-readable by default, JSON with `--json`; progress on stderr.

use codchain_client::{amount::format_cod, to_ss58, AccountId, Error, Progress, Receipt};
use comfy_table::{presets::UTF8_BORDERS_ONLY, Table};
use serde_json::{json, Value};
use std::{
	io::{IsTerminal, Write},
	sync::{
		atomic::{AtomicBool, Ordering},
		Arc, Mutex,
	},
	time::{Duration, Instant},
};

#[derive(Clone, Copy)]
pub struct Out {
	pub json: bool,
}

impl Out {
	/// Print `value` as JSON, or `human` otherwise.
	pub fn show(&self, value: Value, human: impl FnOnce() -> String) {
		if self.json {
			println!("{}", serde_json::to_string_pretty(&value).expect("JSON values print"));
		} else {
			let text = human();
			if !text.is_empty() {
				println!("{text}");
			}
		}
	}

	pub fn error(&self, e: &Error) {
		if self.json {
			let mut v = json!({ "error": { "kind": e.kind(), "message": e.to_string() } });
			if let Error::Rejected(c) = e {
				v["error"]["pallet"] = json!(c.pallet);
				v["error"]["name"] = json!(c.name);
				v["error"]["docs"] = json!(c.docs);
			}
			println!("{}", serde_json::to_string_pretty(&v).expect("JSON values print"));
		} else {
			eprintln!("error: {e}");
		}
	}

	pub fn receipt(&self, r: &Receipt) {
		let events: Vec<Value> = r
			.events
			.iter()
			.map(|e| json!({ "pallet": e.pallet, "event": e.name, "fields": e.fields }))
			.collect();
		self.show(
			json!({
				"txHash": format!("{:?}", r.tx_hash),
				"blockHash": format!("{:?}", r.block_hash),
				"blockNumber": r.block_number,
				"finalized": r.finalized,
				"events": events,
			}),
			|| {
				let state = if r.finalized { "finalized" } else { "included" };
				let mut s = format!("✓ {state} in block #{} ({:?})", r.block_number, r.block_hash);
				for e in &r.events {
					if matches!(
						(e.pallet.as_str(), e.name.as_str()),
						("TransactionPayment", _) | ("System", "ExtrinsicSuccess")
					) {
						continue;
					}
					s.push_str(&format!("\n  {}.{} {}", e.pallet, e.name, compact(&e.fields)));
				}
				s
			},
		);
	}
}

/// One-line JSON without quotes around keys, for event fields in human output.
fn compact(v: &Value) -> String {
	match v {
		Value::Object(m) if m.is_empty() => String::new(),
		Value::Object(m) => {
			let parts: Vec<String> =
				m.iter().map(|(k, v)| format!("{k}: {}", compact(v))).collect();
			format!("{{ {} }}", parts.join(", "))
		},
		Value::Array(a) => format!("[{}]", a.iter().map(compact).collect::<Vec<_>>().join(", ")),
		Value::String(s) => s.clone(),
		other => other.to_string(),
	}
}

/// A table with the given header.
pub fn table(header: &[&str]) -> Table {
	let mut t = Table::new();
	t.load_preset(UTF8_BORDERS_ONLY).set_header(header.to_vec());
	t
}

pub fn addr(a: &AccountId) -> String {
	to_ss58(a)
}

pub fn cod(planck: u128) -> String {
	format!("{} COD", format_cod(planck))
}

/// A Unix time in seconds as a UTC date.
pub fn date(unix: u64) -> String {
	chrono::DateTime::from_timestamp(unix as i64, 0)
		.map(|d| d.format("%Y-%m-%d %H:%M:%S UTC").to_string())
		.unwrap_or_else(|| unix.to_string())
}

/// A block number with the time it is expected (past blocks: roughly when it was), from the
/// best block and the 6-second slot: `#1234 (≈ 2026-11-24 10:00:00 UTC)`.
pub fn block(best: u64, number: u32) -> String {
	let now = std::time::SystemTime::now()
		.duration_since(std::time::UNIX_EPOCH)
		.map(|d| d.as_secs() as i64)
		.unwrap_or(0);
	let offset = (number as i64 - best as i64) * crate::input::BLOCK_SECONDS as i64;
	format!("#{number} (≈ {})", date(now.saturating_add(offset).max(0) as u64))
}

/// Progress lines on stderr while a transaction is on its way, with a spinner on a terminal;
/// silent with `--json` so stdout stays one document.
pub struct Spinner {
	state: Arc<Mutex<String>>,
	done: Arc<AtomicBool>,
	task: Option<tokio::task::JoinHandle<()>>,
}

impl Spinner {
	pub fn start(out: Out) -> Self {
		let quiet = out.json || !std::io::stderr().is_terminal();
		let state = Arc::new(Mutex::new("signing and dry-running the call".to_string()));
		let done = Arc::new(AtomicBool::new(false));
		let task = (!quiet).then(|| {
			let (state, done) = (state.clone(), done.clone());
			tokio::spawn(async move {
				let frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
				let start = Instant::now();
				let mut i = 0;
				while !done.load(Ordering::Relaxed) {
					let line = state.lock().map(|s| s.clone()).unwrap_or_default();
					eprint!(
						"\r\x1b[2K{} {line} ({} s)",
						frames[i % frames.len()],
						start.elapsed().as_secs()
					);
					let _ = std::io::stderr().flush();
					i += 1;
					tokio::time::sleep(Duration::from_millis(100)).await;
				}
				eprint!("\r\x1b[2K");
			})
		});
		Self { state, done, task }
	}

	/// Report a step of the transaction's progress.
	pub fn update(&self, p: &Progress, wait_finalized: bool) {
		let line = match p {
			Progress::DryRunPassed => "dry run passed, submitting".to_string(),
			Progress::Submitted { tx_hash } => {
				format!("submitted {tx_hash:?}, waiting for a block")
			},
			Progress::InBlock { block_hash } if wait_finalized => {
				format!("in block {block_hash:?}, waiting for finality")
			},
			Progress::InBlock { block_hash } => format!("in block {block_hash:?}"),
			Progress::Retracted => "the block was retracted, waiting again".to_string(),
		};
		if let Ok(mut s) = self.state.lock() {
			*s = line;
		}
	}

	pub async fn stop(mut self) {
		self.done.store(true, Ordering::Relaxed);
		if let Some(t) = self.task.take() {
			let _ = t.await;
		}
	}
}

/// What `codcoin merge` / `timecoin merge` did: one summary for its transactions (the block
/// each landed in), so `--json` prints a single document.
pub fn merged(out: Out, blocks: &[u64], left: usize) {
	let calls = blocks.len();
	out.show(json!({ "calls": calls, "blocks": blocks, "coins": left }), || {
		format!("merged in {calls} calls (blocks {blocks:?}): {left} coin(s) of this issuer left")
	});
}
