#!/usr/bin/env bash
# Generates `weights.rs` of Codchain's pallets with `codchain-node benchmark pallet`.
#   scripts/benchmark.sh              all pallets
#   scripts/benchmark.sh timecoin     one pallet (directory name under pallets/)
# The node is built with `--features runtime-benchmarks` into its own target directory so the
# default build is not rebuilt with benchmark features.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
BENCH_TARGET="${CARGO_TARGET_DIR}-bench"
BENCH_NODE="$BENCH_TARGET/release/codchain-node"

step "cargo build --release --locked -p codchain-node --features runtime-benchmarks"
CARGO_TARGET_DIR="$BENCH_TARGET" cargo build --release --locked -p codchain-node \
  --features runtime-benchmarks --manifest-path "$ROOT/Cargo.toml"

pallets=("${@:-timecoin}")
for name in "${pallets[@]}"; do
  crate="pallet_${name//-/_}"
  out="$ROOT/pallets/$name/src/weights.rs"
  step "benchmark $crate -> pallets/$name/src/weights.rs"
  "$BENCH_NODE" benchmark pallet \
    --chain dev \
    --pallet "$crate" \
    --extrinsic '*' \
    --steps 50 \
    --repeat 20 \
    --wasm-execution compiled \
    --heap-pages 4096 \
    --template "$ROOT/scripts/weight-template.hbs" \
    --output "$out"
done
