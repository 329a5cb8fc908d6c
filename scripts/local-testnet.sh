#!/usr/bin/env bash
# Starts the 3-validator local testnet (alice, bob, charlie) with zombienet and keeps it running.
# Zombienet prints each node's RPC address (ws://127.0.0.1:<port>) and log file.
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/zombienet.sh" spawn "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/zombienet/local-3.toml"
