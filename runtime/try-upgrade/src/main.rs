//! `codchain-try-upgrade`: runs this runtime's upgrade on a copy of a live chain's state before
//! `system.setCode` runs it on the chain itself.
//!
//! It takes every key of a node's state at a block (by default the last finalized one) over
//! JSON-RPC, or a snapshot file saved by an earlier run, and on that state runs what the first
//! block of the new runtime would run (`codchain_try_upgrade::dry_run`): every migration with its
//! `pre_upgrade`/`post_upgrade` checks, then every pallet's `try_state` invariants. It refuses an
//! upgrade that is not one, fails a check, weighs more than a block (a first block that can never
//! be built stops the chain for good) or is not idempotent.
//!
//! The result is one JSON object on stdout; the exit status is 0 only when every check passed.
//!
//!   codchain-try-upgrade --uri ws://127.0.0.1:9944 --snapshot chain.snap
//!   codchain-try-upgrade --snapshot chain.snap            # offline, the saved state again

use std::{path::PathBuf, time::Instant};

use anyhow::{anyhow, bail, Context};
use clap::Parser;
use codchain_runtime::{Block, VERSION};
use frame_remote_externalities::{
	Builder, Mode, OfflineConfig, OnlineConfig, RemoteExternalities, SnapshotConfig,
};
use sp_runtime::traits::Header as _;

#[derive(Parser)]
#[command(version, about = "Dry-run this runtime's upgrade on a live chain's state")]
struct Args {
	/// A node's WebSocket JSON-RPC endpoint to take the state from. Without it, `--snapshot` is
	/// read instead.
	#[arg(long)]
	uri: Option<String>,
	/// The block whose state is taken (hex hash); the last finalized one by default.
	#[arg(long, requires = "uri")]
	at: Option<String>,
	/// The snapshot file: written after taking the state with `--uri`, read without it.
	#[arg(long)]
	snapshot: Option<PathBuf>,
}

#[tokio::main]
async fn main() {
	codchain_try_upgrade::init_logging();
	match run(Args::parse()).await {
		Ok(report) => println!("{report}"),
		Err(e) => {
			println!("{}", serde_json::json!({ "ok": false, "error": format!("{e:#}") }));
			std::process::exit(1);
		},
	}
}

async fn state(args: &Args) -> anyhow::Result<RemoteExternalities<Block>> {
	let mode = match (&args.uri, &args.snapshot) {
		(Some(uri), snapshot) => Mode::Online(OnlineConfig {
			transport_uris: vec![uri.clone()],
			at: args.at.as_deref().map(parse_hash).transpose()?,
			state_snapshot: snapshot.clone().map(SnapshotConfig::new),
			..Default::default()
		}),
		(None, Some(path)) => {
			Mode::Offline(OfflineConfig { state_snapshot: SnapshotConfig::new(path.clone()) })
		},
		(None, None) => bail!("give --uri, --snapshot or both"),
	};
	Builder::<Block>::new().mode(mode).build().await.map_err(|e| anyhow!("taking the state: {e}"))
}

fn parse_hash(s: &str) -> anyhow::Result<<Block as sp_runtime::traits::Block>::Hash> {
	let bytes = s.strip_prefix("0x").unwrap_or(s);
	let mut hash = [0u8; 32];
	if bytes.len() != 64 {
		bail!("--at: a 32-byte hex block hash");
	}
	for (i, byte) in hash.iter_mut().enumerate() {
		*byte = u8::from_str_radix(&bytes[2 * i..2 * i + 2], 16).context("--at: not hex")?;
	}
	Ok(hash.into())
}

async fn run(args: Args) -> anyhow::Result<serde_json::Value> {
	let started = Instant::now();
	let mut ext = state(&args).await?;
	let taken = started.elapsed().as_secs_f64();
	let block = *ext.header.number();
	let report = codchain_try_upgrade::dry_run(&mut ext.inner_ext)?;
	Ok(serde_json::json!({
		"ok": true,
		"block": block,
		"keys": report.keys,
		"from": { "specName": report.from_name, "specVersion": report.from_version },
		"to": { "specName": VERSION.spec_name, "specVersion": VERSION.spec_version },
		"weight": { "refTime": report.weight.ref_time(), "proofSize": report.weight.proof_size() },
		"shareOfBlock": report.share_of_block,
		"seconds": { "takingState": taken, "migrationsNative": report.seconds },
	}))
}
