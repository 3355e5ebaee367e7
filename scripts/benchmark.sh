#!/usr/bin/env bash
# Regenerates weights.rs of the project's pallets with the node's `benchmark pallet` command.
# Builds doid-node with the `benchmark-cli` feature first (a heavier build than the default).
# Usage: scripts/benchmark.sh [pallet-dir...]   (default: every directory under pallets/)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
# frame-benchmarking-cli's storage benchmark embeds a test runtime whose wasm build cannot
# locate it in this workspace's metadata (the CLI is an optional dependency); the pallet
# benchmarks do not use it.
export SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1
cargo build --release --locked -p doid-node --features benchmark-cli
NODE="$CARGO_TARGET_DIR/release/doid-node"
WASM="$CARGO_TARGET_DIR/release/wbuild/doid-runtime/doid_runtime.compact.compressed.wasm"
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
		--runtime "$WASM" \
		--genesis-builder=runtime --genesis-builder-preset=benchmark \
		--pallet "$name" --extrinsic '*' \
		--steps "$STEPS" --repeat "$REPEAT" --wasm-execution=compiled \
		--template scripts/weight-template.hbs \
		--output "pallets/$dir/src/weights.rs"
done
