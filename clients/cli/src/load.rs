//! `codchain load`: a load run against a node, and its report.

use crate::{output::table, Ctx};
use clap::Args;
use codchain_client::{
	load::{self, Kind, Plan, Report},
	Error,
};
use std::{path::PathBuf, time::Duration};

/// Fund accounts, pre-sign transactions, submit them, and report what finalized blocks carried.
#[derive(Args, Clone)]
pub struct LoadCmd {
	/// What to send: transfer, timecoin, codcoin, market, jointtoken, whitepay or record.
	#[arg(long, default_value = "transfer")]
	pub kind: String,
	/// Signing accounts, derived from --seed; the signer (--suri) funds them.
	#[arg(long, default_value_t = 100)]
	pub accounts: u32,
	/// Transactions in all.
	#[arg(long, default_value_t = 1000)]
	pub count: u32,
	/// Submissions per second; without it, as fast as the node answers.
	#[arg(long)]
	pub rate: Option<u32>,
	/// Submissions awaiting the node's answer at once.
	#[arg(long, default_value_t = 64)]
	pub in_flight: usize,
	/// Root of the accounts' secret URIs: they are <seed>//0, <seed>//1, …
	#[arg(long, default_value = "//load")]
	pub seed: String,
	/// Seconds to wait after the last submission for the last transactions to be finalized.
	#[arg(long, default_value_t = 90)]
	pub settle: u64,
	/// Also write the report, with every block, as JSON to this file.
	#[arg(long)]
	pub out: Option<PathBuf>,
	/// Fail (exit 1) when fewer than this many transactions were finalized.
	#[arg(long)]
	pub min_finalized: Option<u32>,
}

pub async fn run(ctx: &mut Ctx, cmd: LoadCmd) -> Result<(), Error> {
	let plan = Plan {
		kind: Kind::parse(&cmd.kind)?,
		accounts: cmd.accounts,
		count: cmd.count,
		rate: cmd.rate,
		in_flight: cmd.in_flight,
		seed: cmd.seed.clone(),
		settle: Duration::from_secs(cmd.settle),
	};
	let funder = ctx.signer()?;
	let client = ctx.client().await?.clone();
	let log = |line: &str| eprintln!("{line}");
	let report = load::run(&client, &funder, &plan, &log).await?;
	let json = serde_json::to_value(&report).expect("reports serialize");
	if let Some(path) = &cmd.out {
		let text = serde_json::to_string_pretty(&json).expect("JSON values print");
		std::fs::write(path, text + "\n")
			.map_err(|e| Error::Input(format!("cannot write {}: {e}", path.display())))?;
	}
	let mut summary = json.clone();
	summary.as_object_mut().expect("an object").remove("blocks");
	ctx.out.show(summary, || human(&report));
	if let Some(min) = cmd.min_finalized {
		if report.finalized < min {
			return Err(Error::Input(format!(
				"only {} of the {} transactions were finalized (at least {min} expected)",
				report.finalized, report.count
			)));
		}
	}
	Ok(())
}

fn human(r: &Report) -> String {
	let mut t = table(&["block", "ours", "extrinsics", "length", "weight (ms)", "proof (KiB)"]);
	for b in r.blocks.iter().filter(|b| b.ours > 0) {
		t.add_row(vec![
			format!("#{}", b.number),
			b.ours.to_string(),
			b.extrinsics.to_string(),
			b.length.to_string(),
			format!("{:.1}", b.ref_time as f64 / 1e9),
			format!("{:.1}", b.proof_size as f64 / 1024.0),
		]);
	}
	let refused: Vec<String> = r.refused.iter().map(|(why, n)| format!("  {n} × {why}")).collect();
	format!(
		"{t}\n{} {} transactions from {} accounts: {} accepted, {} refused, {} finalized, {} dropped\n\
		 {:.1} tx/s over {} finalized blocks ({:.0} s of chain time); at most {} in a block, {:.1} on average\n\
		 fullest block: {:.1}% of the normal weight limit, {} bytes\n\
		 submitted at {:.1} tx/s; signing took {:.1} s, setup {:.1} s\n\
		 inclusion ms: p50 {} p90 {} p99 {} max {}\n\
		 finality ms:  p50 {} p90 {} p99 {} max {}{}{}",
		r.count,
		r.kind,
		r.accounts,
		r.accepted,
		r.refused.values().sum::<u32>(),
		r.finalized,
		r.dropped,
		r.transactions_per_second,
		r.window_blocks,
		r.window_seconds,
		r.max_per_block,
		r.mean_per_block,
		r.max_normal_weight_percent,
		r.max_length,
		r.submit_rate,
		r.signing_seconds,
		r.setup_seconds,
		r.inclusion.p50,
		r.inclusion.p90,
		r.inclusion.p99,
		r.inclusion.max,
		r.finality.p50,
		r.finality.p90,
		r.finality.p99,
		r.finality.max,
		if refused.is_empty() { String::new() } else { format!("\nrefused:\n{}", refused.join("\n")) },
		r.tracking_error.as_ref().map(|e| format!("\nblock following stopped: {e}")).unwrap_or_default(),
	)
}
