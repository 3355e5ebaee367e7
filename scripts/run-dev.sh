#!/usr/bin/env bash
# Sets up the machine, builds the node and runs a development chain (one validator, Alice,
# sudo) with its RocksDB database under ./data/dev (override with DOID_DATA). RPC on 9944.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
bash scripts/setup.sh
# The same cargo invocation as scripts/test.sh (one feature set): after the tests have run,
# nothing is rebuilt; on a fresh machine this builds the node (and the test executables).
cargo test --release --locked --workspace --no-run
DATA="${DOID_DATA:-$PWD/data/dev}"
mkdir -p "$DATA"
echo "dev chain: database $DATA, RPC ws/http://127.0.0.1:9944"
exec "$CARGO_TARGET_DIR/release/doid-node" --dev --database rocksdb --base-path "$DATA" "$@"
