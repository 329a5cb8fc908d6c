#!/usr/bin/env bash
# Newcomer's first command: installs prerequisites, builds, and starts a single-validator dev
# chain (//Alice) with RPC on ws://127.0.0.1:9944. Extra arguments go to the node.
#   ./scripts/dev.sh                          a throw-away chain (--tmp): gone when it stops
#   ./scripts/dev.sh --base-path .dev-chain   kept in .dev-chain: stop it and start it again with
#                                             the same path and it goes on from its last block;
#                                             `purge-chain` starts it afresh (README, "Chains")
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
"$ROOT/scripts/setup.sh"
"$ROOT/scripts/build.sh"
state=(--tmp)
for arg in "$@"; do
  case "$arg" in --base-path | --base-path=* | -d) state=() ;; esac
done
step "Starting codchain-node --dev ${state[*]:-(persistent)} $* (Ctrl-C stops it)"
exec "$NODE_BIN" --dev "${state[@]}" --rpc-cors all "$@"
