#!/usr/bin/env bash
# Regenerates the machine-dependent weight constants of the runtime (runtime/src/weights/):
#   rocksdb_weights.rs   — read and write cost of one storage item (`benchmark storage`) over
#                          every key of a real database: a validator's base path after a load
#                          run, e.g. `LOAD_KEEP_DB=/tmp/loaddb …/examples/evidence_load`.
#                          Writes are timed in batches of 1000 keys (a block's writes are
#                          committed together; the tool's default batch of 100 000 exceeds the
#                          database's key count and reports nothing).
#   block_weights.rs     — executing an empty block (`benchmark overhead`);
#   extrinsic_weights.rs — the per-extrinsic base cost (a System.remark), same command.
# Builds doid-node with the `benchmark-cli` feature first (like scripts/benchmark.sh).
# Usage: scripts/benchmark-machine.sh <database base path> [chain of that database, default local]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
export SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1
db="${1:?usage: scripts/benchmark-machine.sh <database base path> [chain]}"
chain="${2:-local}"
cargo build --release --locked -p doid-node --features benchmark-cli
NODE="$CARGO_TARGET_DIR/release/doid-node"
out=runtime/src/weights
"$NODE" benchmark storage --chain "$chain" --base-path "$db" --database rocksdb \
	--state-version 1 --batch-size 1000 --weight-path "$out/rocksdb_weights.rs"
"$NODE" benchmark overhead --chain dev --warmup 5 --repeat 20 --weight-path "$out"
