#!/usr/bin/env bash
# Regenerates the committed raw chain spec under chain-specs/ from the node binary:
#   chain-specs/doid-production.raw.json  consortium template without sudo key
# (dev and local specs are built into the node: --chain dev / --chain local).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
NODE="${DOID_NODE_BIN:-$CARGO_TARGET_DIR/release/doid-node}"
[ -x "$NODE" ] || cargo build --release --locked -p doid-node
mkdir -p chain-specs
"$NODE" export-chain-spec --chain production --raw > chain-specs/doid-production.raw.json
ls -l chain-specs/
