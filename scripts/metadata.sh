#!/usr/bin/env bash
# Rewrites clients/sdk/metadata/codchain.scale, the runtime metadata the Rust SDK generates its
# types from, after a runtime change. runtime/tests/metadata.rs fails while the file is stale.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
# `--workspace` rather than `-p codchain-runtime`: features resolve as in `build.sh` and the
# README's `cargo test --workspace`, so their dependencies are reused instead of rebuilt.
CODCHAIN_WRITE_METADATA=1 cargo test --release --locked --workspace --test metadata \
  --manifest-path "$ROOT/Cargo.toml" -q
echo "wrote clients/sdk/metadata/codchain.scale ($(wc -c < "$ROOT/clients/sdk/metadata/codchain.scale") bytes)"
