#!/usr/bin/env bash
# Newcomer's first command: installs prerequisites, builds, and starts a single-validator dev
# chain (//Alice) with RPC on ws://127.0.0.1:9944. Extra arguments go to the node.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
"$ROOT/scripts/setup.sh"
"$ROOT/scripts/build.sh"
step "Starting codchain-node --dev --tmp (Ctrl-C stops it)"
exec "$NODE_BIN" --dev --tmp --rpc-cors all "$@"
