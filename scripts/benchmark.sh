#!/usr/bin/env bash
# Regenerates weights.rs of the project's pallets with the node's `benchmark pallet` command
# (the node is always built with runtime-benchmarks). Usage: scripts/benchmark.sh [pallet...]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
NODE="${DOID_NODE_BIN:-$CARGO_TARGET_DIR/release/doid-node}"
[ -x "$NODE" ] || cargo build --release --locked -p doid-node
STEPS="${STEPS:-50}"
REPEAT="${REPEAT:-20}"
pallets=("$@")
if [ "${#pallets[@]}" -eq 0 ]; then
	pallets=($(ls pallets))
fi
for dir in "${pallets[@]}"; do
	name="pallet_${dir//-/_}"
	echo "benchmarking $name"
	"$NODE" benchmark pallet \
		--runtime "$(ls -t "$CARGO_TARGET_DIR"/release/wbuild/doid-runtime/doid_runtime.compact.compressed.wasm | head -1)" \
		--genesis-builder=runtime --genesis-builder-preset=development \
		--pallet "$name" --extrinsic '*' \
		--steps "$STEPS" --repeat "$REPEAT" --wasm-execution=compiled \
		--template scripts/weight-template.hbs \
		--output "pallets/$dir/src/weights.rs"
done
