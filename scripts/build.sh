#!/usr/bin/env bash
# Builds the workspace in release mode: the node (with the runtime Wasm inside) and the
# `codchain` CLI. One invocation over the whole workspace resolves features exactly as
# `cargo test --workspace` does, so the tests reuse this build instead of rebuilding the node.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
step "cargo build --release --locked --workspace (target: $CARGO_TARGET_DIR)"
cargo build --release --locked --workspace --manifest-path "$ROOT/Cargo.toml"
ls -l "$NODE_BIN" "$CARGO_TARGET_DIR/release/codchain"
