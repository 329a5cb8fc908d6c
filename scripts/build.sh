#!/usr/bin/env bash
# Builds the node (with the runtime Wasm inside) and the `codchain` CLI in release mode.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
step "cargo build --release --locked -p codchain-node (target: $CARGO_TARGET_DIR)"
cargo build --release --locked -p codchain-node --manifest-path "$ROOT/Cargo.toml"
ls -l "$NODE_BIN"
# A separate invocation: built together, the CLI's subxt features would be unified into the
# node's dependency graph and force a second build of the node.
step "cargo build --release --locked -p codchain-cli"
cargo build --release --locked -p codchain-cli --manifest-path "$ROOT/Cargo.toml"
ls -l "$CARGO_TARGET_DIR/release/codchain"
