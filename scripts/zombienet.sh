#!/usr/bin/env bash
# Runs a zombienet network with the release node on PATH.
#   scripts/zombienet.sh test  [file.zndsl]   run a zombienet test (default: zombienet/local-3.zndsl)
#   scripts/zombienet.sh spawn [file.toml]    start a network and keep it running (Ctrl-C stops it)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
[ -x "$NODE_BIN" ] || "$ROOT/scripts/build.sh"
[ -x "$ROOT/e2e/node_modules/.bin/zombienet" ] || "$ROOT/scripts/setup.sh"
export PATH="$(dirname "$NODE_BIN"):$PATH"

mode="${1:-test}"
case "$mode" in
  test) file="${2:-$ROOT/zombienet/local-3.zndsl}" ;;
  spawn) file="${2:-$ROOT/zombienet/local-3.toml}" ;;
  *) echo "usage: $0 test|spawn [file]" >&2; exit 2 ;;
esac
cd "$(dirname "$file")"
# The native provider is passed explicitly: `zombienet test` ignores settings.provider.
exec "$ROOT/e2e/node_modules/.bin/zombienet" -p native -l text "$mode" "$(basename "$file")"
