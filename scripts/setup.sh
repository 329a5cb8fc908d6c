#!/usr/bin/env bash
# Installs every prerequisite for building and testing Codchain on a fresh Debian/Ubuntu machine.
# Non-interactive and idempotent: each step checks before it installs, so running it twice is safe.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
step() { printf '\n==> %s\n' "$*"; }
fail() { printf '\nsetup.sh: FAILED: %s\n' "$*" >&2; exit 1; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || fail "not root and no sudo: run as root or install sudo"
  SUDO="sudo"
fi

# --- Debian packages -------------------------------------------------------------------------
# protobuf-compiler: prost-build in sc-network/litep2p needs protoc.
# build-essential, pkg-config, libssl-dev: C parts of some -sys crates.
# nodejs/npm: the end-to-end tests (@polkadot/api) and zombienet run on Node.js.
# curl, jq: the scripts talk JSON-RPC to a running node.
PKGS=(protobuf-compiler build-essential pkg-config libssl-dev git curl jq nodejs npm)
missing=()
for p in "${PKGS[@]}"; do
  # A machine may carry Node.js from outside Debian (no dpkg entry): a working node/npm will do.
  if [ "$p" = nodejs ] && command -v node >/dev/null; then continue; fi
  if [ "$p" = npm ] && command -v npm >/dev/null; then continue; fi
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  step "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q || fail "apt-get update (is a Debian mirror reachable?)"
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" \
    || fail "apt-get install ${missing[*]}"
else
  step "Debian packages already present: ${PKGS[*]}"
fi
command -v protoc >/dev/null || fail "protoc not found after install"

# --- Rust toolchain pieces ---------------------------------------------------------------------
# wasm32v1-none builds the runtime on stable Rust without -Zbuild-std; rust-src goes with it.
command -v rustup >/dev/null || fail "rustup not found: install Rust with rustup first (https://rustup.rs)"
step "Rust: wasm32v1-none target and rust-src component"
rustup target list --installed | grep -qx wasm32v1-none || rustup target add wasm32v1-none \
  || fail "rustup target add wasm32v1-none"
rustup component list --installed | grep -q '^rust-src' || rustup component add rust-src \
  || fail "rustup component add rust-src"
rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt || true
rustup component list --installed | grep -q '^clippy' || rustup component add clippy || true

# --- Node.js packages: @polkadot/api for end-to-end tests, @zombienet/cli ----------------------
# package.json pins toml 3.0.0 through "overrides": the version zombienet asks for is a git URL
# that an offline registry mirror cannot serve.
step "Node.js packages (e2e/): @polkadot/api, @zombienet/cli"
cd "$ROOT/e2e"
# Reinstall only when package-lock.json changed since the last install.
stamp=node_modules/.codchain-lock-sha256
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "node_modules matches package-lock.json"
else
  npm ci --no-audit --no-fund --loglevel=error || fail "npm ci in e2e/"
  echo "$want" > "$stamp"
fi
npx --no-install zombienet version >/dev/null 2>&1 || fail "zombienet did not install (npx zombienet version)"

step "Setup complete"
