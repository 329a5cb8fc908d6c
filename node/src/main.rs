//! `codchain-node`: the Codchain validator and full node.

// `sc_cli::Error` and `sc_service::Error` are upstream types every Substrate node returns by value.
#![allow(clippy::result_large_err)]

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod carchain;
mod chain_spec;
mod cli;
mod command;
mod node_id;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
