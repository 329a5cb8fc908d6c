#!/usr/bin/env bash
# Runs every Codchain test from a fresh machine: installs prerequisites, builds the node, then
#   1. cargo tests: pallet unit tests, runtime tests against the real runtime, node CLI and
#      chain-spec drift tests, and the benchmarks run as tests;
#   2. end-to-end tests: a real `codchain-node --dev --tmp` driven over JSON-RPC by @polkadot/api;
#   3. the zombienet tests: three validators on this machine, healthy and with one lost.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
start=$(date +%s)

"$ROOT/scripts/setup.sh"
"$ROOT/scripts/build.sh"

step "cargo fmt --check"
cargo fmt --all --check --manifest-path "$ROOT/Cargo.toml"

step "cargo test --release --locked --workspace"
cargo test --release --locked --workspace --manifest-path "$ROOT/Cargo.toml"

# Every benchmark also runs once as a test against the pallet's mock, so a benchmark that breaks
# is caught here rather than when weights are next regenerated.
step "Benchmarks as tests: cargo test --release --locked --features runtime-benchmarks (pallets)"
cargo test --release --locked --features runtime-benchmarks \
  -p pallet-timecoin -p pallet-codcoin -p pallet-market -p pallet-upkeep -p pallet-jointtoken \
  -p pallet-carchain \
  --manifest-path "$ROOT/Cargo.toml"

step "End-to-end tests (e2e/, node --test)"
(cd "$ROOT/e2e" && CODCHAIN_NODE="$NODE_BIN" npm test --silent)

step "Zombienet: zombienet/local-3.zndsl"
"$ROOT/scripts/zombienet.sh" test "$ROOT/zombienet/local-3.zndsl"

# The fast fault scenario; the others (docs/RELIABILITY.md) are ./scripts/test-networks.sh.
step "Zombienet: zombienet/faults-3.zndsl (one of three validators lost, then restarted)"
"$ROOT/scripts/test-networks.sh" faults-3

step "All tests passed in $(( $(date +%s) - start )) s"
