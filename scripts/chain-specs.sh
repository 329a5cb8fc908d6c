#!/usr/bin/env bash
# Regenerates chain-specs/local.json (plain) and chain-specs/local-raw.json from the node binary.
# `--check` regenerates into a temporary directory and fails if the committed files differ.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
[ -x "$NODE_BIN" ] || "$ROOT/scripts/build.sh"

out="$ROOT/chain-specs"
if [ "${1:-}" = "--check" ]; then out="$(mktemp -d)"; trap 'rm -rf "$out"' EXIT; fi
"$NODE_BIN" export-chain-spec --chain local --output "$out/local.json" 2>/dev/null
"$NODE_BIN" export-chain-spec --chain local --raw --output "$out/local-raw.json" 2>/dev/null

if [ "${1:-}" = "--check" ]; then
  for f in local.json local-raw.json; do
    if ! cmp -s "$out/$f" "$ROOT/chain-specs/$f"; then
      echo "chain-specs/$f differs from what codchain-node generates: run scripts/chain-specs.sh" >&2
      exit 1
    fi
  done
  echo "chain-specs/ matches the node binary"
else
  echo "wrote $out/local.json and $out/local-raw.json"
fi
