#!/usr/bin/env bash
# Load and latency benchmarks on loopback (cargo examples of the end-to-end crate, tests/examples/):
#   evidence_load — four validators (local chain): finalized evidence anchors per second under
#                   load, max anchors per block, pool rejections, accounting of every signed
#                   transaction; and digests/s through a Merkle batch (1 000 000 leaves) anchored
#                   with anchor_batch until finalized. Run twice: with the node's default pool
#                   limits (16384 ready / 16384 future transactions), then with LOAD_POOL_ARGS
#                   (default "--pool-limit 8192", sc-cli's stock limit; batch skipped). Setting
#                   LOAD_NODE_ARGS yourself runs it once, with those arguments.
#   rpc_latency   — one dev node with an issued certificate: doid_verify latency (p50/p90/p99/max)
#                   under 50 concurrent clients, valid DOID and unknown DOID (error path).
# Builds the workspace and the examples (one cargo invocation, also the node), then runs them in
# turn; each starts its own nodes on free loopback ports and kills them at the end. About 12
# minutes after the build. Other node processes on the machine (tests) skew the figures: each
# example prints how many were running.
#
# Usage: scripts/bench-load.sh [evidence_load|rpc_latency ...]   (default: both)
# Tuning through the environment (see the top of each example): LOAD_SECS (90), LOAD_SENDERS (8),
# LOAD_INFLIGHT (4096), LOAD_MAX_TXS, LOAD_BATCH_LEAVES (1000000), LOAD_BATCHES (1),
# LOAD_NODE_ARGS, LOAD_LOG_DIR; RPC_CLIENTS (50), RPC_SECS (30), RPC_NODE_ARGS. Output is also
# written to $BENCH_OUT (default: <target dir>/bench-load/).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
cargo build --release --locked --workspace --examples
examples=("$@")
if [ "${#examples[@]}" -eq 0 ]; then
	examples=(evidence_load rpc_latency)
fi
out="${BENCH_OUT:-$CARGO_TARGET_DIR/bench-load}"
mkdir -p "$out"
run() { # name, output file, command...
	local name="$1" file="$2"
	shift 2
	echo "== $name ($(date -u +%FT%TZ), $(nproc) cores) =="
	local start
	start=$(date +%s)
	"$@" 2>&1 | tee "$out/$file"
	echo "bench-load.sh: $name took $(( $(date +%s) - start )) s (output in $out/$file)"
}
for example in "${examples[@]}"; do
	bin="$CARGO_TARGET_DIR/release/examples/$example"
	if [ "$example" = evidence_load ] && [ -z "${LOAD_NODE_ARGS+set}" ]; then
		run "evidence_load, default pool limits" evidence_load.txt "$bin"
		run "evidence_load, ${LOAD_POOL_ARGS:=--pool-limit 8192}" \
			evidence_load-pool.txt env LOAD_NODE_ARGS="$LOAD_POOL_ARGS" LOAD_BATCH_LEAVES=0 "$bin"
	else
		run "$example" "$example.txt" "$bin"
	fi
done
