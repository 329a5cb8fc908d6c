#!/usr/bin/env bash
# Regenerates every weight of the runtime on this machine with `codchain-node benchmark`:
#   scripts/benchmark.sh                  all of the below, in this order
#   scripts/benchmark.sh machine          the hardware's scores          -> docs/machine.md
#   scripts/benchmark.sh overhead         block and extrinsic base weights -> runtime/src/weights/
#   scripts/benchmark.sh storage [PATH]   ParityDB read/write weights on the chain state at PATH
#                                         (a `--dev` base path); without PATH a state of 10 000
#                                         funded accounts is built first   -> runtime/src/weights/
#   scripts/benchmark.sh frame [NAME...]  FRAME pallets (all, or e.g. pallet_balances)
#                                                                         -> runtime/src/weights/
#   scripts/benchmark.sh ours [NAME...]   Codchain's pallets (all, or e.g. codcoin market)
#                                                                         -> pallets/<name>/src/weights.rs
#   scripts/benchmark.sh codcoin market   (names alone mean `ours`)
# `overhead` and `storage` run RUNS times (default 3) and keep the run with the median figure.
# The node is built with `--features runtime-benchmarks` into its own target directory so the
# default build is not rebuilt with benchmark features. Figures are only as good as the machine
# is idle: run nothing else meanwhile.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
BENCH_TARGET="${CARGO_TARGET_DIR}-bench"
# Run through PATH so the generated headers name `codchain-node`, not this machine's directories.
export PATH="$BENCH_TARGET/release:$PATH"
STEPS="${STEPS:-50}"
REPEAT="${REPEAT:-20}"
OURS=(timecoin codcoin market upkeep jointtoken carchain credit orgs mimei)
FRAME=(frame_system frame_system_extensions pallet_balances pallet_timestamp
  pallet_transaction_payment pallet_utility pallet_sudo)
# Staking, session keys and the voter list build their worst cases from many small bonds, below
# our presets' minimum bonds: they run on the runtime's `benchmark` preset (the development
# genesis without them). Their components reach 1 000 stakers, so they take fewer steps.
STAKING=(pallet_staking pallet_session pallet_bags_list)
STAKING_STEPS="${STAKING_STEPS:-10}"
STAKING_REPEAT="${STAKING_REPEAT:-5}"

build() {
  # NO_BUILD=1: measure with the node as last built (e.g. base weights right after a generated
  # weight file changed, which does not change what the runtime executes).
  [ -n "${NO_BUILD:-}" ] && return 0
  # A first build starts from a copy of the default build: the crates the benchmark features do
  # not reach (wasmtime, the networking stacks, most third-party crates) are reused: 17 minutes
  # on 2 cores after ./scripts/build.sh (docs/BUILD.md).
  if [ ! -d "$BENCH_TARGET/release" ] && [ -d "$CARGO_TARGET_DIR/release" ]; then
    step "seeding $BENCH_TARGET with a copy of $CARGO_TARGET_DIR"
    cp -a "$CARGO_TARGET_DIR" "$BENCH_TARGET"
  fi
  step "cargo build --release --locked -p codchain-node --features runtime-benchmarks"
  # frame-benchmarking-cli pulls in a test runtime for `benchmark storage`, whose Wasm build
  # resolves its own dependency graph (and fails offline); our node benchmarks our runtime.
  SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1 \
  CARGO_TARGET_DIR="$BENCH_TARGET" cargo build --release --locked -p codchain-node \
    --features runtime-benchmarks --manifest-path "$ROOT/Cargo.toml"
}

pallet() { # pallet <crate> <output> [template]
  local template=() genesis=() steps="$STEPS" repeat="$REPEAT"
  [ -n "${3:-}" ] && template=(--template "$3")
  if [[ " ${STAKING[*]} " == *" $1 "* ]]; then
    genesis=(--genesis-builder spec-runtime --genesis-builder-preset benchmark)
    steps="$STAKING_STEPS" repeat="$STAKING_REPEAT"
  fi
  step "benchmark pallet $1 -> $2"
  # Relative paths: they are printed into the generated file's header.
  (cd "$ROOT" && codchain-node benchmark pallet --chain dev "${genesis[@]}" --pallet "$1" \
    --extrinsic '*' --steps "$steps" --repeat "$repeat" --wasm-execution compiled \
    --heap-pages 4096 "${template[@]}" --output "$2")
}

ours() {
  [ $# -eq 0 ] && set -- "${OURS[@]}"
  for name in "$@"; do
    pallet "pallet_${name//-/_}" "pallets/$name/src/weights.rs" scripts/weight-template.hbs
  done
}

frame() {
  [ $# -eq 0 ] && set -- "${FRAME[@]}" "${STAKING[@]}"
  for name in "$@"; do pallet "$name" "runtime/src/weights/$name.rs"; done
}

machine() {
  step "benchmark machine -> docs/machine.md"
  local out
  out="$(codchain-node benchmark machine --chain dev --allow-fail 2>&1 | grep '^|' || true)"
  { echo "# The reference machine"
    echo
    echo "\`codchain-node benchmark machine --chain dev --allow-fail\` on the machine the weights in"
    echo "\`runtime/src/weights/\` and \`pallets/*/src/weights.rs\` were measured on"
    echo "($(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)," \
      "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%Y-%m-%d))."
    echo "The minimums are Polkadot's reference hardware; a validator below them still runs,"
    echo "but the weights assume this machine's speed."
    echo
    echo '```text'
    echo "$out"
    echo '```'
  } > "$ROOT/docs/machine.md"
}

# The VM's figures vary by tens of percent from one run to the next (docs/machine.md), so the
# base and database weights come from RUNS runs each: the run with the median figure is kept
# whole (its file, header and statistics), the others are printed for the record.
RUNS="${RUNS:-3}"

# median_run <dir> <sed script>: the file in <dir> whose figure (the number the sed script
# prints, `_` separators allowed) is the median; every run's figure goes to stderr.
median_run() {
  local dir="$1" script="$2" f
  for f in "$dir"/*; do
    printf '%s %s\n' "$(sed -n "$script" "$f" | head -1 | tr -d _)" "$f"
  done | sort -n | tee /dev/stderr | awk '{ all[NR] = $2 } END { print all[int((NR + 1) / 2)] }'
}

overhead() {
  local runs i kept
  runs="$(mktemp -d)"
  for i in $(seq "$RUNS"); do
    step "benchmark overhead ($i of $RUNS) -> runtime/src/weights/{block,extrinsic}_weights.rs"
    (cd "$ROOT" && codchain-node benchmark overhead --chain dev --wasm-execution compiled \
      --weight-path runtime/src/weights)
    mkdir -p "$runs/block" "$runs/extrinsic"
    cp "$ROOT/runtime/src/weights/block_weights.rs" "$runs/block/$i"
    cp "$ROOT/runtime/src/weights/extrinsic_weights.rs" "$runs/extrinsic/$i"
  done
  step "ExtrinsicBaseWeight of each run (ns), the median kept"
  kept="$(basename "$(median_run "$runs/extrinsic" 's/.*saturating_mul(\([0-9_]*\)).*/\1/p')")"
  cp "$runs/block/$kept" "$ROOT/runtime/src/weights/block_weights.rs"
  cp "$runs/extrinsic/$kept" "$ROOT/runtime/src/weights/extrinsic_weights.rs"
  rm -rf "$runs"
}

storage() {
  local base="${1:-}"
  if [ -z "$base" ]; then
    # Inside the checkout and relative, so the generated header names no directory of this
    # machine; .gitignore keeps it out of commits.
    base=.bench-state
    rm -rf "${ROOT:?}/$base"; mkdir -p "$ROOT/$base"
    trap 'kill "${node_pid:-0}" 2>/dev/null || true; rm -rf "${ROOT:?}/.bench-state"' EXIT
    step "a chain state of realistic size: 10 000 funded accounts on a --dev chain at $base"
    # The whole workspace, as scripts/build.sh builds it: building the CLI alone resolves other
    # features and compiles the SDK a second time.
    cargo build --release --locked --workspace --manifest-path "$ROOT/Cargo.toml"
    (cd "$ROOT" && exec codchain-node --dev --base-path "$base" --rpc-port 9955 --port 30355 \
      --no-prometheus --pool-limit 100000 --pool-kbytes 200000 >"$base/node.log" 2>&1) &
    node_pid=$!
    for _ in $(seq 120); do
      "$CARGO_TARGET_DIR/release/codchain" --url ws://127.0.0.1:9955 account balance //Alice \
        >/dev/null 2>&1 && break
      sleep 1
    done
    "$CARGO_TARGET_DIR/release/codchain" --url ws://127.0.0.1:9955 --suri //Alice load \
      --kind transfer --accounts 10000 --count 10000 --seed //state --settle 120 \
      --min-finalized 10000 --json >/dev/null
    kill "$node_pid"; wait "$node_pid" || true
  fi
  local runs i
  runs="$(mktemp -d)"
  for i in $(seq "$RUNS"); do
    step "benchmark storage on $base ($i of $RUNS) -> runtime/src/weights/paritydb_weights.rs"
    (cd "$ROOT" && codchain-node benchmark storage --dev --base-path "$base" --state-version 1 \
      --database paritydb --disable-pov-recorder --batch-size 1000 \
      --weight-path runtime/src/weights)
    cp "$ROOT/runtime/src/weights/paritydb_weights.rs" "$runs/$i"
  done
  # Writes are most of what a call's database weight charges: the run with the median write
  # cost is kept.
  step "write cost of each run (ns), the median kept"
  cp "$(median_run "$runs" 's/^[[:space:]]*write: \([0-9_]*\) .*/\1/p')" "$ROOT/runtime/src/weights/paritydb_weights.rs"
  rm -rf "$runs"
}

build
case "${1:-all}" in
  all) machine; overhead; storage; frame; ours ;;
  machine) machine ;;
  overhead) overhead ;;
  storage) shift; storage "$@" ;;
  frame) shift; frame "$@" ;;
  ours) shift; ours "$@" ;;
  *) ours "$@" ;;
esac
