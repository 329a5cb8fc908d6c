#!/usr/bin/env bash
# Regenerates chain-specs/local.json (plain) and chain-specs/local-raw.json from the node binary.
# `--check` fails if the committed files are not what the binary generates. It runs the drift
# test (node/tests/chain_specs.rs) rather than comparing bytes: Wasm built in another checkout
# directory differs in codegen, so the runtime counts as the same when its version and metadata
# are, and everything else in the spec must match exactly.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

if [ "${1:-}" = "--check" ]; then
  cargo test --release --locked --manifest-path "$ROOT/Cargo.toml" --workspace \
    --test chain_specs -- committed
  echo "chain-specs/ matches the node binary"
  exit 0
fi

[ -x "$NODE_BIN" ] || "$ROOT/scripts/build.sh"
out="$ROOT/chain-specs"
"$NODE_BIN" export-chain-spec --chain local --output "$out/local.json" 2>/dev/null
"$NODE_BIN" export-chain-spec --chain local --raw --output "$out/local-raw.json" 2>/dev/null
echo "wrote $out/local.json and $out/local-raw.json"
