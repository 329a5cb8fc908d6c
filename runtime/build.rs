fn main() {
	#[cfg(feature = "std")]
	{
		// Panic locations put the absolute paths of our sources into the Wasm. Remapping the
		// checkout directory makes the runtime byte-identical wherever the repository is cloned,
		// so the committed chain specs can be compared with what the binary generates.
		let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
		let workspace = std::path::Path::new(&manifest)
			.parent()
			.expect("the runtime crate lives inside the workspace");
		// The target directory lives outside the work tree ($HOME/.cache/codchain/target), so
		// substrate-wasm-builder cannot find our Cargo.lock by walking up from OUT_DIR. Setting
		// the hint here, and not in `.cargo/config.toml`, keeps it away from dependencies that
		// build their own Wasm (frame-benchmarking-cli's test runtime), which must not resolve
		// against our workspace.
		std::env::set_var("WASM_BUILD_WORKSPACE_HINT", workspace);
		// Dependencies' sources sit under `$CARGO_HOME/registry/src`, which differs per user.
		let cargo_home = std::env::var("CARGO_HOME")
			.unwrap_or_else(|_| format!("{}/.cargo", std::env::var("HOME").unwrap_or_default()));
		substrate_wasm_builder::WasmBuilder::init_with_defaults()
			.append_to_rust_flags(format!("--remap-path-prefix={}=/codchain", workspace.display()))
			.append_to_rust_flags(format!("--remap-path-prefix={cargo_home}=/cargo"))
			// The metadata hash lets wallets and the `CheckMetadataHash` extension prove that the
			// metadata they decode with is the one the chain runs (RFC-0078).
			.enable_metadata_hash("COD", 12)
			.build();
	}
}
