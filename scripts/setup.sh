#!/usr/bin/env bash
# Installs what building and testing the DOID chain needs on a fresh Debian/Ubuntu machine
# that has only Rust (rustup): system packages, the wasm target, rust-src, Node.js for the
# stock-client test, Chromium for the explorer's browser test. Idempotent: it installs only what is missing.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi

packages=(protobuf-compiler clang libclang-dev pkg-config make)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)
# Headless browser of the explorer's end-to-end test (tests/browser, driven by playwright-core).
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
# A CJK font, so that the browser test's screenshots show the Chinese pages.
packages+=(fonts-wqy-microhei)

missing=()
for pkg in "${packages[@]}"; do
	dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
	echo "setup: installing ${missing[*]}"
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if command -v rustup >/dev/null 2>&1; then
	rustup target list --installed | grep -qx wasm32-unknown-unknown \
		|| rustup target add wasm32-unknown-unknown
	rustup component list --installed | grep -q '^rust-src' \
		|| rustup component add rust-src
else
	echo "setup: rustup not found; install Rust with rustup first" >&2
	exit 1
fi
echo "setup: ok ($(rustc --version), protoc $(protoc --version | cut -d' ' -f2), node $(node --version))"
