fn main() {
	// The metadata hash lets wallets and the `CheckMetadataHash` extension prove that the
	// metadata they decode with is the one the chain runs (RFC-0078).
	#[cfg(feature = "std")]
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("COD", 12)
		.build();
}
