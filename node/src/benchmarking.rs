//! `codchain-node benchmark ...` (built with `--features runtime-benchmarks`).

use codchain_runtime::opaque::Block;
use frame_benchmarking_cli::{BenchmarkCmd, SUBSTRATE_REFERENCE_HARDWARE};
use sc_cli::SubstrateCli;

use crate::cli::Cli;

/// Runs `benchmark pallet` (weights for `weights.rs`) or `benchmark machine` (hardware check).
pub fn run(cli: &Cli, cmd: &BenchmarkCmd) -> sc_cli::Result<()> {
	let runner = cli.create_runner(cmd)?;
	runner.sync_run(|config| match cmd {
		BenchmarkCmd::Pallet(cmd) => {
			cmd.run_with_spec::<sp_runtime::traits::HashingFor<Block>, ()>(Some(config.chain_spec))
		},
		BenchmarkCmd::Machine(cmd) => cmd.run(&config, SUBSTRATE_REFERENCE_HARDWARE.clone()),
		_ => Err("codchain-node offers `benchmark pallet` and `benchmark machine`".into()),
	})
}
