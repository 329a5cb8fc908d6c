//! `codchain-node benchmark ...` (built with `--features runtime-benchmarks`).
//!
//! Every benchmark that feeds a weight of the runtime runs through the node, so the measured
//! figures are those of this node's executor and database: `pallet` (extrinsic weights),
//! `overhead` (block and extrinsic base weights), `storage` (database read and write weights on
//! the chain's own database), `block` (re-executes stored blocks and compares their time to
//! their weight) and `machine` (the hardware the figures were taken on).

use codchain_runtime::opaque::Block;
use frame_benchmarking_cli::{BenchmarkCmd, SUBSTRATE_REFERENCE_HARDWARE};
use sc_cli::SubstrateCli;

use crate::{cli::Cli, service};

pub fn run(cli: &Cli, cmd: &BenchmarkCmd) -> sc_cli::Result<()> {
	let runner = cli.create_runner(cmd)?;
	runner.sync_run(|config| match cmd {
		BenchmarkCmd::Pallet(cmd) => {
			cmd.run_with_spec::<sp_runtime::traits::HashingFor<Block>, ()>(Some(config.chain_spec))
		},
		// The default builder fills blocks with `System::remark`, which our runtime signs with
		// the same transaction extensions as any other call.
		BenchmarkCmd::Overhead(cmd) => {
			cmd.run_with_default_builder_and_spec::<Block, ()>(Some(config.chain_spec))
		},
		BenchmarkCmd::Storage(cmd) => {
			let parts = service::new_partial(&config)?;
			let db = parts.backend.expose_db();
			let storage = parts.backend.expose_storage();
			let trie_cache = parts.backend.expose_shared_trie_cache();
			cmd.run(config, parts.client, db, storage, trie_cache)
		},
		BenchmarkCmd::Block(cmd) => {
			let parts = service::new_partial(&config)?;
			cmd.run(parts.client)
		},
		BenchmarkCmd::Machine(cmd) => cmd.run(&config, SUBSTRATE_REFERENCE_HARDWARE.clone()),
		BenchmarkCmd::Extrinsic(_) => {
			Err("`benchmark extrinsic` is not offered: `pallet` and `overhead` cover it".into())
		},
	})
}
