#!/usr/bin/env bash
# The network scenarios behind docs/RELIABILITY.md: zombienet networks of real validators on this
# machine (native provider, nodes found through the chain spec's bootnode and the Kademlia DHT),
# each with a fault. Prints the timings the scenarios measure (`FIGURE <name> <seconds>` lines)
# and keeps each run's log under $CARGO_TARGET_DIR/networks/.
#   scripts/test-networks.sh            every scenario
#   scripts/test-networks.sh NAME...    some of them: faults-3 faults-4 join equivocation
# faults-3 (one of three validators lost) also runs in ./scripts/test.sh.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ALL=(faults-3 faults-4 join equivocation)
[ "$#" -gt 0 ] && ALL=("$@")
logs="$CARGO_TARGET_DIR/networks"
mkdir -p "$logs"
failed=()
for name in "${ALL[@]}"; do
  file="$ROOT/zombienet/$name.zndsl"
  [ -f "$file" ] || { echo "no scenario $file" >&2; exit 2; }
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
