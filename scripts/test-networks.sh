#!/usr/bin/env bash
# The network scenarios behind docs/RELIABILITY.md: zombienet networks of real validators on this
# machine (native provider, nodes found through the chain spec's bootnode and the Kademlia DHT),
# each with a fault. Prints the timings the scenarios measure (`FIGURE <name> <seconds>` lines)
# and keeps each run's log under $CARGO_TARGET_DIR/networks/.
#   scripts/test-networks.sh            every scenario
#   scripts/test-networks.sh NAME...    some of them: faults-3 faults-4 join equivocation upgrade
# faults-3 (one of three validators lost) also runs in ./scripts/test.sh.
# `upgrade` starts its network on the runtime of commit $UPGRADE_FROM (default: spec 107, the
# last whose coin ledgers kept two coin indices) and upgrades it to this checkout's runtime; it
# needs the repository's history (a full clone) and builds codchain-try-upgrade.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ALL=(faults-3 faults-4 join equivocation upgrade)
[ "$#" -gt 0 ] && ALL=("$@")
logs="$CARGO_TARGET_DIR/networks"
mkdir -p "$logs"
failed=()

# The upgrade scenario's inputs: the old chain spec, the new runtime and the dry-run tool.
prepare_upgrade() {
  local from="${UPGRADE_FROM:-29a4e81}"
  git -C "$ROOT" cat-file -e "$from:chain-specs/local.json" 2>/dev/null || {
    echo "upgrade: commit $from is not in this clone's history (git fetch --unshallow)" >&2
    return 1
  }
  export UPGRADE_FROM_SPEC="$logs/upgrade-from-$from.json"
  git -C "$ROOT" show "$from:chain-specs/local.json" >"$UPGRADE_FROM_SPEC" || return 1
  export UPGRADE_WASM="$CARGO_TARGET_DIR/release/wbuild/codchain-runtime/codchain_runtime.compact.compressed.wasm"
  [ -f "$UPGRADE_WASM" ] || "$ROOT/scripts/build.sh" || return 1
  step "codchain-try-upgrade (the runtime compiled natively with its try-runtime checks)"
  # No Wasm: the tool runs the runtime natively, and a try-runtime Wasm is never put on chain.
  # Its own tests first: the dry run passes an upgrade that holds and refuses one that does not.
  # (`set -e` does not reach into a function called in a condition: each step checks itself.)
  SKIP_WASM_BUILD=1 cargo test --release --locked -p codchain-try-upgrade --features try-runtime \
    --manifest-path "$ROOT/Cargo.toml" || return 1
  SKIP_WASM_BUILD=1 cargo build --release --locked -p codchain-try-upgrade --features try-runtime \
    --manifest-path "$ROOT/Cargo.toml" || return 1
  export TRY_UPGRADE_BIN="$CARGO_TARGET_DIR/release/codchain-try-upgrade"
}
for name in "${ALL[@]}"; do
  file="$ROOT/zombienet/$name.zndsl"
  [ -f "$file" ] || { echo "no scenario $file" >&2; exit 2; }
  if [ "$name" = upgrade ]; then prepare_upgrade || { failed+=("$name"); continue; }; fi
  step "zombienet: $name ($(sed -n 's/^Description: //p' "$file" | cut -c1-90)...)"
  started=$(date +%s)
  if "$ROOT/scripts/zombienet.sh" test "$file" 2>&1 | tee "$logs/$name.log"; then
    status=passed
  else
    status=FAILED; failed+=("$name")
  fi
  # A node chain-watch.js restarted is not zombienet's child any more: stop it too.
  pkill -9 -f -- '--chain /tmp/zombie-[0-9a-f]*_' 2>/dev/null || true
  printf '%s: %s in %d s\n' "$name" "$status" $(( $(date +%s) - started )) | tee -a "$logs/$name.log"
done
step "Figures (seconds)"
for name in "${ALL[@]}"; do
  grep -ho 'FIGURE .*' "$logs/$name.log" | sed "s/^FIGURE /$name: /" || true
done
[ "${#failed[@]}" -eq 0 ] || { echo "failed: ${failed[*]}" >&2; exit 1; }
