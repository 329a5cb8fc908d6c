//! Chain specifications: `dev` and `local` from the runtime's genesis presets, or a JSON file.

use sc_service::{ChainType, Properties};

/// A chain spec of the Codchain runtime, with no client extensions.
pub type ChainSpec = sc_service::GenericChainSpec;

/// `tokenSymbol`, `tokenDecimals` and `ss58Format` tell wallets how to show COD and addresses.
fn properties() -> Properties {
	let mut p = Properties::new();
	p.insert("tokenSymbol".into(), "COD".into());
	p.insert("tokenDecimals".into(), 12.into());
	p.insert("ss58Format".into(), 42.into());
	p
}

fn wasm() -> Result<&'static [u8], String> {
	codchain_runtime::WASM_BINARY
		.ok_or_else(|| "the runtime Wasm was not built (SKIP_WASM_BUILD set?)".to_string())
}

/// One validator (//Alice) that produces and finalizes blocks alone.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("Codchain Development")
		.with_id("codchain_dev")
		.with_protocol_id("cod")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// //Alice, //Bob and //Charlie validate; //Dave, //Eve and //Ferdie are endowed.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("Codchain Local Testnet")
		.with_id("codchain_local")
		.with_protocol_id("cod")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// Resolves `--chain`: a preset id (`dev`, `development`, `local`, `local_testnet`) or a path to
/// a JSON chain spec.
pub fn load(id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
	Ok(match id {
		"" | "dev" | "development" => Box::new(development_chain_spec()?),
		"local" | "local_testnet" => Box::new(local_chain_spec()?),
		path => Box::new(ChainSpec::from_json_file(std::path::PathBuf::from(path))?),
	})
}
