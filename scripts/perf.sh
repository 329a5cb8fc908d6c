#!/usr/bin/env bash
# The long load runs behind docs/PERFORMANCE.md. Each starts its own network from a fresh state,
# runs `codchain load`, then stops the nodes and re-executes the loaded blocks with
# `codchain-node benchmark block` (every block's real time against its weight).
#   scripts/perf.sh dev [COUNT]     one `--dev` validator: transfers (COUNT, default 60000,
#                                   as fast as the node takes them), then COUNT/4 of each other kind
#   scripts/perf.sh kinds KIND...   on a fresh `--dev` validator, COUNT (env, default 15000) of
#                                   each KIND, e.g. after changing one pallet
#   scripts/perf.sh local [COUNT]   three validators (chain-specs/local-raw.json, bootnode
#                                   discovery): COUNT (default 30000) transfers sent to one of
#                                   them at RATE per second (default 500; unthrottled, the gossip
#                                   of tens of thousands of transactions clogs the peers'
#                                   notification channels, see docs/PERFORMANCE.md)
#   scripts/perf.sh reexec DIR      the block re-execution again, on the database a run kept
#                                   in DIR (it keeps it when the check fails or finds no
#                                   benchmark node, and says so)
# Reports go to docs/perf/<network>-<kind>.json, the block re-execution to
# docs/perf/<network>-blocks.txt (each run's highest share in <network>-blocks-by-kind.txt),
# memory and database growth to docs/perf/<network>-growth.txt.
# Needs ./scripts/build.sh, and ./scripts/benchmark.sh's node for the block re-execution.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
CLI="$CARGO_TARGET_DIR/release/codchain"
BENCH_NODE="${CARGO_TARGET_DIR}-bench/release/codchain-node"
OUT="$ROOT/docs/perf"
network="${1:-dev}"
if [ "$network" = local ]; then count="${2:-30000}"; else count="${2:-60000}"; fi
[ "$network" = kinds ] && count=0
RATE="${RATE:-500}"
# How many passes `benchmark block` makes over the loaded blocks; each block's median pass is
# compared with its weight.
BLOCK_REPEAT="${BLOCK_REPEAT:-5}"
# A load test needs a pool that holds several blocks' worth of transactions, and RPC connections
# that stay open while the harness sends thousands of submissions.
POOL=(--pool-limit 200000 --pool-kbytes 400000 --rpc-max-connections 1000)
work="$(mktemp -d)"
keep=0 # 1: the work directory outlives the script (a database waiting for its re-execution)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap 'cleanup; if [ "$keep" = 1 ]; then echo "the loaded database is kept: re-execute it with ./scripts/perf.sh reexec $work" >&2; else rm -rf "$work"; fi' EXIT
mkdir -p "$OUT"

wait_rpc() { # wait_rpc <url>
  for _ in $(seq 120); do
    "$CLI" --url "$1" --json account balance //Alice >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "no answer from $1" >&2; return 1
}

rss_kib() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
db_bytes() { du -sb "$1" | cut -f1; }

REPORTS=() # this run's reports, for the block re-execution
load() { # load <url> <kind> <accounts> <count> <out> [harness flags...]
  local url="$1" kind="$2" accounts="$3" n="$4" out="$5"; shift 5
  REPORTS+=("$out")
  step "codchain load --kind $kind --accounts $accounts --count $n $* -> $out"
  "$CLI" --url "$url" --suri //Alice load --kind "$kind" --accounts "$accounts" --count "$n" \
    --in-flight 256 --settle 180 --out "$out" --seed "//perf-$kind" "$@"
}

blocks() { # blocks <base-path> <chain args...> : re-executes every block from the first that
  # carried a load run's transactions to the last (setup blocks between runs included), then
  # gives each run's blocks' highest share of their weight
  local base="$1"; shift
  local from to r kind lo hi pass
  from="$(jq -s '[.[].blocks[] | select(.ours > 0) | .number] | min' "${REPORTS[@]}")"
  to="$(jq -s '[.[].blocks[] | select(.ours > 0) | .number] | max' "${REPORTS[@]}")"
  # Until the check below has passed, the loaded database outlives the script, so that a
  # missing benchmark node or a failed pass costs a re-execution, not the load runs.
  printf '%s\n' "$network" >"$work/network"
  printf '%s\n' "${REPORTS[@]}" >"$work/reports"
  printf '%s\n' "$base" "$@" >"$work/args"
  keep=1
  if ! "$BENCH_NODE" benchmark block --help >/dev/null 2>&1; then
    echo "no benchmark node at $BENCH_NODE: build it with ./scripts/benchmark.sh machine" >&2
    return 1
  fi
  # `benchmark block --repeat N` averages N executions made back to back, so one stall of this
  # shared VM lands in the average. Whole passes over the range, each a pass apart, with each
  # block's median kept, measure what the block costs rather than when the host was slow.
  : >"$work/passes.txt"
  for pass in $(seq "$BLOCK_REPEAT"); do
    step "benchmark block --from $from --to $to (pass $pass of $BLOCK_REPEAT)"
    "$BENCH_NODE" benchmark block "$@" --base-path "$base" --from "$from" --to "$to" \
      --repeat 1 2>&1 | grep -E "Block [0-9]+ with" | sed 's/^.*Block/Block/' | tr -d ',' \
      >"$work/pass.txt" || true
    awk '{ printf "%s ", $7 } END { print "" }' "$work/pass.txt"
    if [ "$(wc -l <"$work/pass.txt")" -ne $((to - from + 1)) ]; then
      echo "pass $pass re-executed $(wc -l <"$work/pass.txt") of $((to - from + 1)) blocks" >&2
      return 1
    fi
    cat "$work/pass.txt" >>"$work/passes.txt"
  done
  # Pass lines: Block <n> with <tx> tx used <pct>% of its weight (<took> of <weight> ns)[ - OVER WEIGHT!]
  awk '$1 == "Block" { n = $2; tx[n] = $4; x = $0; sub(/ ns\).*/, "", x); sub(/.*\(/, "", x)
      split(x, a, " of "); w[n] = a[2] + 0; t[n, ++c[n]] = a[1] + 0 }
    END {
      for (n in c) {
        m = c[n]
        for (i = 1; i <= m; i++) v[i] = t[n, i]
        for (i = 2; i <= m; i++) { x = v[i]; j = i - 1; while (j > 0 && v[j] > x) { v[j + 1] = v[j]; j-- }; v[j + 1] = x }
        med = (m % 2) ? v[(m + 1) / 2] : (v[m / 2] + v[m / 2 + 1]) / 2
        printf "Block %d with %5d tx used %6.2f%% of its weight (median %.0f of %.0f ns; %d passes %.2f-%.2f%%)%s\n",
          n, tx[n], 100 * med / w[n], med, w[n], m, 100 * v[1] / w[n], 100 * v[m] / w[n],
          (med > w[n]) ? " - OVER WEIGHT" : ""
      }
    }' "$work/passes.txt" | sort -k2,2n | tee "$OUT/$network-blocks.txt"
  step "each run's blocks against their weight"
  for r in "${REPORTS[@]}"; do
    kind="$(jq -r .kind "$r")"
    lo="$(jq '[.blocks[] | select(.ours > 0) | .number] | min' "$r")"
    hi="$(jq '[.blocks[] | select(.ours > 0) | .number] | max' "$r")"
    awk -v k="$kind" -v lo="$lo" -v hi="$hi" '
      $1 == "Block" && $2 >= lo && $2 <= hi {
        pct = $7; sub(/%/, "", pct); n++; if (pct + 0 > max) { max = pct + 0; at = $2 }
        if (pct + 0 > 100) over++ }
      END { printf "%-10s blocks #%d-#%d: %d re-executed, highest median %.2f%% (#%d), %d over\n",
        k, lo, hi, n, max, at, over }' "$OUT/$network-blocks.txt"
  done | tee "$OUT/$network-blocks-by-kind.txt"
  if grep -q "OVER WEIGHT" "$OUT/$network-blocks.txt"; then
    echo "a block took longer than its weight" >&2; return 1
  fi
  keep=0
}

case "$network" in
  dev)
    "$NODE_BIN" --dev --base-path "$work/dev" --rpc-port 9944 --port 30333 "${POOL[@]}" \
      >"$work/dev.log" 2>&1 &
    pids+=($!)
    url=ws://127.0.0.1:9944
    wait_rpc "$url"
    rss0="$(rss_kib "${pids[0]}")"; db0="$(db_bytes "$work/dev")"
    load "$url" transfer 2000 "$count" "$OUT/dev-transfer.json"
    rss1="$(rss_kib "${pids[0]}")"; db1="$(db_bytes "$work/dev")"
    # The market last: its acceptances, charged their worst case, take longer than the settle
    # time, and what is still queued would fill the blocks the next kind's setup needs.
    for kind in timecoin codcoin jointtoken whitepay record market; do
      load "$url" "$kind" 500 "$((count / 4))" "$OUT/dev-$kind.json"
    done
    printf 'transfers: %s\nnode RSS KiB before/after: %s %s\ndatabase bytes before/after: %s %s\n' \
      "$count" "$rss0" "$rss1" "$db0" "$db1" | tee "$OUT/dev-growth.txt"
    cleanup; pids=()
    blocks "$work/dev" --dev
    ;;
  local)
    spec="$ROOT/chain-specs/local-raw.json"
    boot=/ip4/127.0.0.1/tcp/30333/p2p/12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp
    i=0
    for who in alice bob charlie; do
      i=$((i + 1))
      args=(--chain "$spec" "--$who" --base-path "$work/$who" --port $((30332 + i))
        --rpc-port $((9943 + i)) --node-key "$(printf '%064x' "$i")" "${POOL[@]}")
      [ "$who" != alice ] && args+=(--bootnodes "$boot")
      "$NODE_BIN" "${args[@]}" >"$work/$who.log" 2>&1 &
      pids+=($!)
    done
    url=ws://127.0.0.1:9944
    wait_rpc "$url"; wait_rpc ws://127.0.0.1:9946
    load "$url" transfer 2000 "$count" "$OUT/local-transfer.json" --rate "$RATE"
    # Finality lag under load: how far finality trailed the best block on every import.
    grep -h "Idle\|Syncing\|💤" "$work/alice.log" | sed -n 's/.*best: #\([0-9]*\).*finalized #\([0-9]*\).*/\1 \2/p' \
      | awk '{ lag = $1 - $2; if (lag > max) max = lag; sum += lag; n++ } END { printf "finality lag in blocks over %d reports: max %d, mean %.1f\n", n, max, sum / n }' \
      | tee "$OUT/local-finality.txt"
    cleanup; pids=()
    blocks "$work/alice" --chain "$spec"
    ;;
  kinds)
    # Some kinds alone, each of COUNT (default 15000) from 500 accounts, on a fresh --dev node.
    shift
    "$NODE_BIN" --dev --base-path "$work/dev" --rpc-port 9944 --port 30333 "${POOL[@]}" \
      >"$work/dev.log" 2>&1 &
    pids+=($!)
    url=ws://127.0.0.1:9944
    wait_rpc "$url"
    for kind in "$@"; do
      load "$url" "$kind" 500 "${COUNT:-15000}" "$OUT/dev-$kind.json"
    done
    cleanup; pids=()
    blocks "$work/dev" --dev
    ;;
  reexec)
    # The block re-execution of an earlier run that kept its database (a failed check or no
    # benchmark node): reexec <work-dir>. A check that passes removes the directory.
    rm -rf "$work"; work="${2:?usage: scripts/perf.sh reexec <work-dir>}"; keep=1
    network="$(cat "$work/network")"
    mapfile -t REPORTS <"$work/reports"
    mapfile -t args <"$work/args"
    blocks "${args[@]}"
    ;;
  *) echo "usage: scripts/perf.sh dev|local [COUNT] | kinds KIND... | reexec WORK-DIR" >&2; exit 2 ;;
esac
