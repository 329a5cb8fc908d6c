//! `codchain-node node-id --cod <id>`: the node's id under a cod (SPEC §9.3), and the proof its
//! network key gives for registering it.

use sc_cli::{NodeKeyParams, SharedParams, SubstrateCli};
use sc_service::{BasePath, Role};
use sp_core::{crypto::Ss58Codec, H256};
use std::str::FromStr;

use crate::cli::Cli;

/// Prints, as JSON, the node's network key (its libp2p identity), its peer id and its id
/// under `--cod`: `blake2_256(SCALE((cod, key)))`, so one key under two cods has two ids.
/// With `--operator` and `--genesis`, also the key's signature a `register_node` transaction
/// needs. The key is the one the node runs with (`--node-key`, `--node-key-file`, or the file
/// under `--base-path` for `--chain`, created there when missing as the node would).
#[derive(Debug, clap::Parser)]
pub struct NodeIdCmd {
	/// The cod (organisation) id.
	#[arg(long)]
	pub cod: u32,

	/// The account that will register the node (SS58).
	#[arg(long, requires = "genesis")]
	pub operator: Option<String>,

	/// The chain's genesis hash (`0x…`), which the proof commits to.
	#[arg(long, requires = "operator")]
	pub genesis: Option<String>,

	#[clap(flatten)]
	pub shared: SharedParams,

	#[clap(flatten)]
	pub node_key: NodeKeyParams,
}

impl NodeIdCmd {
	pub fn run(&self, cli: &Cli) -> sc_cli::Result<()> {
		let is_dev = self.shared.is_dev();
		let spec = cli.load_spec(&self.shared.chain_id(is_dev))?;
		let base = self
			.shared
			.base_path()?
			.unwrap_or_else(|| BasePath::from_project("", "", &Cli::executable_name()));
		let network_dir = base.config_dir(spec.id()).join("network");
		let keypair = self
			.node_key
			.node_key(&network_dir, Role::Full, is_dev)?
			.into_keypair()
			.map_err(|e| sc_cli::Error::Input(format!("the node key: {e}")))?;
		let key: pallet_orgs_runtime_api::NodeKey = keypair.public().to_bytes();
		let peer_id = keypair.public().to_peer_id();
		let mut out = serde_json::json!({
			"cod": self.cod,
			"nodeKey": format!("0x{}", hex::encode(key)),
			"nodeId": format!("{:?}", pallet_orgs_runtime_api::node_id(self.cod, &key)),
			"peerId": peer_id.to_base58(),
		});
		if let (Some(operator), Some(genesis)) = (&self.operator, &self.genesis) {
			let operator = sp_core::crypto::AccountId32::from_ss58check(operator)
				.map_err(|e| sc_cli::Error::Input(format!("--operator: {e:?}")))?;
			let genesis = H256::from_str(genesis)
				.map_err(|e| sc_cli::Error::Input(format!("--genesis: {e}")))?;
			let payload = pallet_orgs_runtime_api::node_payload(&genesis, self.cod, &operator);
			let proof = keypair.sign(&payload);
			out["operator"] = operator.to_ss58check().into();
			out["proof"] = format!("0x{}", hex::encode(proof)).into();
		}
		println!("{out}");
		Ok(())
	}
}
