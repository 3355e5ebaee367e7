#!/usr/bin/env bash
# Sets up the machine, builds the node and runs a development chain (one validator, Alice,
# sudo) with its RocksDB database under ./data/dev (override with DOID_DATA). RPC on 9944.
#
# With --demo: the `demo` chain instead (one calendar day per 6 s block; database under
# ./data/demo), seeded by tests/examples/demo.rs once the node is up: verified subjects,
# certificates (one derived from two others, one frozen by a court), applications in public
# notice, submitted and accepted, and a notarised document. The seeding summary (DOIDs,
# registration numbers, the document's digest) goes to <data>/demo-summary.json. DEMO_BULK=N
# certifies N more data resources. Seeding runs once per database.
#
# Both also serve the public web pages (notice board, verification, certificates) with
# `doid explorer` on http://127.0.0.1:8080/ (EXPLORER_PORT to change it).
#
# Other arguments are passed to doid-node.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
bash scripts/setup.sh
demo=0
if [ "${1:-}" = "--demo" ]; then
	demo=1
	shift
fi
# The same cargo invocation as scripts/test.sh (one feature set): after the tests have run,
# nothing is rebuilt; on a fresh machine this builds the node, the examples (the seeder) and
# the test executables.
cargo test --release --locked --workspace --no-run
NODE="$CARGO_TARGET_DIR/release/doid-node"
EXPLORER_ADDR="127.0.0.1:${EXPLORER_PORT:-8080}"
"$CARGO_TARGET_DIR/release/doid" explorer --node http://127.0.0.1:9944 --listen "$EXPLORER_ADDR" &
explorer_pid=$!
echo "web pages: http://$EXPLORER_ADDR/"
if [ "$demo" = 0 ]; then
	DATA="${DOID_DATA:-$PWD/data/dev}"
	mkdir -p "$DATA"
	echo "dev chain: database $DATA, RPC ws/http://127.0.0.1:9944"
	trap 'kill "$explorer_pid" 2>/dev/null || true' EXIT INT TERM
	"$NODE" --dev --database rocksdb --base-path "$DATA" "$@"
	exit $?
fi
DATA="${DOID_DATA:-$PWD/data/demo}"
mkdir -p "$DATA"
echo "demo chain: database $DATA, RPC ws/http://127.0.0.1:9944"
"$NODE" --chain demo --alice --validator --force-authoring --rpc-cors all \
	--unsafe-force-node-key-generation \
	--database rocksdb --base-path "$DATA" "$@" &
node_pid=$!
trap 'kill "$node_pid" "$explorer_pid" 2>/dev/null || true' EXIT INT TERM
DEMO_OUT="$DATA/demo-summary.json" "$CARGO_TARGET_DIR/release/examples/demo" ||
	echo "run-dev.sh: seeding failed (the node keeps running)" >&2
wait "$node_pid"
