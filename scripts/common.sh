# Shared settings for the Codchain scripts; sourced, not run.
# One target directory outside the work tree for every script, test and CI run, so that a
# checkout laid anew still reuses the build.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/codchain/target}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_BIN="$CARGO_TARGET_DIR/release/codchain-node"
export ROOT NODE_BIN

# The Node.js or npm scripts/setup.sh unpacks when the system's is older than the tests need.
if [ -d "$HOME/.cache/codchain/nodejs/bin" ]; then
  export PATH="$HOME/.cache/codchain/nodejs/bin:$PATH"
fi

# Once the crates are in the local registry cache, never touch the network again (the nested
# Wasm build of the runtime would otherwise query the index).
if [ -z "${CARGO_NET_OFFLINE:-}" ] && [ -d "$HOME/.cargo/registry/cache" ] \
  && cargo fetch --locked --offline --manifest-path "$ROOT/Cargo.toml" >/dev/null 2>&1; then
  export CARGO_NET_OFFLINE=true
fi

step() { printf '\n==> %s\n' "$*"; }
