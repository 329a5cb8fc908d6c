//! `codchain-keeper`: the WhitePay daemons of Codchain's upkeeping contracts (SPEC §6).
//!
//! - `store`: take in a user's data as a provider keeps it (chunks under a Merkle root).
//! - `provider`: answer keepers' challenges over HTTP.
//! - `keeper`: challenge providers on a block schedule, integrate proven space over blocks,
//!   gather attestations and pay in this keeper's leader window, answer other leaders, write a
//!   receipt for every finalized payment.
//! - `verify-receipt`: check a receipt offline against a finalized block hash.

mod config;
mod http;
mod keeper;
mod log;
mod merkle;
mod provider;
mod receipt;
mod spacetime;
mod store;

use std::path::PathBuf;

use anyhow::{anyhow, Result};
use clap::{Parser, Subcommand};
use codchain_client::{Client, H256};

#[derive(Parser)]
#[command(name = "codchain-keeper", version, about = "WhitePay keeper and provider daemons")]
struct Cli {
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand)]
enum Command {
	/// Take in FILE as the data a provider keeps in DATA_DIR; prints its root, chunk count and
	/// size, which keepers are configured with.
	Store {
		#[arg(long)]
		data_dir: PathBuf,
		file: PathBuf,
	},
	/// Answer challenges for the data in the configured directory.
	Provider {
		#[arg(long)]
		config: PathBuf,
	},
	/// Challenge, attest and pay for one upkeeping contract.
	Keeper {
		#[arg(long)]
		config: PathBuf,
	},
	/// Check a payment receipt against the hash of a finalized block: given with
	/// `--finalized`, or asked of a node (`--url`) that must hold it as finalized.
	VerifyReceipt {
		receipt: PathBuf,
		#[arg(long, conflicts_with = "url")]
		finalized: Option<String>,
		#[arg(long, env = "CODCHAIN_URL")]
		url: Option<String>,
	},
}

#[tokio::main]
async fn main() {
	if let Err(e) = run(Cli::parse()).await {
		eprintln!("error: {e:#}");
		std::process::exit(1);
	}
}

async fn run(cli: Cli) -> Result<()> {
	match cli.command {
		Command::Store { data_dir, file } => {
			let m = provider::store(&data_dir, &file)?;
			println!("{}", serde_json::to_string_pretty(&m)?);
			Ok(())
		},
		Command::Provider { config } => provider::run(config::ProviderConfig::load(&config)?).await,
		Command::Keeper { config } => keeper::run(config::KeeperConfig::load(&config)?).await,
		Command::VerifyReceipt { receipt: path, finalized, url } => {
			let r: receipt::Receipt = serde_json::from_slice(&std::fs::read(&path)?)?;
			let finalized = match (finalized, url) {
				(Some(h), _) => parse_hash(&h)?,
				(None, Some(url)) => finalized_on(&url, r.block_number).await?,
				(None, None) => {
					return Err(anyhow!("give --finalized <block hash> or --url <node>"))
				},
			};
			let v = receipt::verify(&r, finalized)?;
			println!("{}", serde_json::to_string_pretty(&v)?);
			Ok(())
		},
	}
}

fn parse_hash(s: &str) -> Result<H256> {
	let b = hex::decode(s.trim_start_matches("0x"))?;
	Ok(H256::from(<[u8; 32]>::try_from(b).map_err(|_| anyhow!("{s} is not a 32-byte hash"))?))
}

/// The hash of block `number` on `url`'s chain, refused unless the node has finalized it.
async fn finalized_on(url: &str, number: u32) -> Result<H256> {
	let client = Client::connect(url).await?;
	let head = client.finalized().await?.block_number() as u32;
	if number > head {
		return Err(anyhow!("block #{number} is not finalized yet (finalized: #{head})"));
	}
	client
		.rpc()
		.chain_get_block_hash(Some(number.into()))
		.await?
		.ok_or_else(|| anyhow!("the node has no block #{number}"))
}
