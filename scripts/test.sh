#!/usr/bin/env bash
# Sets up the machine and runs every test: primitives and pallet unit tests (with FRAME
# benchmark tests), runtime tests, and the end-to-end tests that start real doid-node
# processes on loopback (the node binary is built by the same cargo invocation).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
bash scripts/setup.sh
# Stock JavaScript client used by the compatibility test (@polkadot/api from the npm registry).
(cd scripts/stock-client && npm ci --no-audit --no-fund --loglevel=error)
# playwright-core (no browser download: it drives Debian's chromium) for the explorer test.
(cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
start=$(date +%s)
cargo test --release --locked --workspace -- --test-threads=2 "$@"
echo "test.sh: cargo test took $(( $(date +%s) - start )) s"
