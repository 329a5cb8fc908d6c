#!/usr/bin/env bash
# Builds the node (with the runtime Wasm inside) in release mode.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
step "cargo build --release --locked -p codchain-node (target: $CARGO_TARGET_DIR)"
cargo build --release --locked -p codchain-node --manifest-path "$ROOT/Cargo.toml"
ls -l "$NODE_BIN"
