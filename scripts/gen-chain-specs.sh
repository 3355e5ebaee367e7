#!/usr/bin/env bash
# Regenerates the committed raw chain specs under chain-specs/ from the node binary:
#   chain-specs/doid-local.raw.json       four-exchange local testnet (sudo for tests)
#   chain-specs/doid-production.raw.json  consortium template without sudo key
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
NODE="${DOID_NODE_BIN:-$CARGO_TARGET_DIR/release/doid-node}"
[ -x "$NODE" ] || cargo build --release --locked -p doid-node
mkdir -p chain-specs
"$NODE" export-chain-spec --chain local --raw > chain-specs/doid-local.raw.json
"$NODE" export-chain-spec --chain production --raw > chain-specs/doid-production.raw.json
ls -l chain-specs/
