#!/usr/bin/env bash
# Generates `weights.rs` of Codchain's pallets with `codchain-node benchmark pallet`.
#   scripts/benchmark.sh              all pallets
#   scripts/benchmark.sh codcoin ...  the named pallets (directory names under pallets/)
# The node is built with `--features runtime-benchmarks` into its own target directory so the
# default build is not rebuilt with benchmark features.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
BENCH_TARGET="${CARGO_TARGET_DIR}-bench"
BENCH_NODE="$BENCH_TARGET/release/codchain-node"

step "cargo build --release --locked -p codchain-node --features runtime-benchmarks"
# frame-benchmarking-cli pulls in a test runtime for `benchmark storage`, whose Wasm build
# resolves its own dependency graph (and fails offline); `benchmark pallet` never uses it.
SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1 \
CARGO_TARGET_DIR="$BENCH_TARGET" cargo build --release --locked -p codchain-node \
  --features runtime-benchmarks --manifest-path "$ROOT/Cargo.toml"

if [ $# -eq 0 ]; then set -- timecoin codcoin market upkeep jointtoken carchain credit orgs mimei; fi
pallets=("$@")
for name in "${pallets[@]}"; do
  crate="pallet_${name//-/_}"
  step "benchmark $crate -> pallets/$name/src/weights.rs"
  # Relative paths: they are printed into the generated file's header.
  (cd "$ROOT" && "$BENCH_NODE" benchmark pallet \
    --chain dev \
    --pallet "$crate" \
    --extrinsic '*' \
    --steps 50 \
    --repeat 20 \
    --wasm-execution compiled \
    --heap-pages 4096 \
    --template scripts/weight-template.hbs \
    --output "pallets/$name/src/weights.rs")
done
