#!/usr/bin/env bash
# First-load times of the explorer's pages with many certificates in state (issue 12,
# acceptance 3): starts a `demo` node on loopback with a fresh database, seeds it with the demo
# data plus DEMO_BULK (default 1000) more certified data resources, starts `doid explorer`, then
# loads each page ROUNDS times (default 10) in headless Chromium, each time in a fresh browser
# context (empty cache, new connection), and prints the median and maximum time from navigation
# until the page's data is rendered.
#
# Needs the binaries of `cargo test --release --locked --workspace --no-run` (scripts/test.sh
# builds them), Debian's chromium and `npm ci` in tests/browser. Set KEEP=DIR to keep the seeded
# database (and REUSE=DIR to measure again on a kept one without seeding).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
BIN="$CARGO_TARGET_DIR/release"
BULK="${DEMO_BULK:-1000}"
ROUNDS="${ROUNDS:-10}"
RPC_PORT="${RPC_PORT:-9966}"
WEB_PORT="${WEB_PORT:-8096}"
WORK="$(mktemp -d)"
DB="${REUSE:-$WORK/db}"
pids=()
cleanup() {
	kill "${pids[@]}" 2>/dev/null || true
	wait 2>/dev/null || true
	if [ -n "${KEEP:-}" ] && [ -z "${REUSE:-}" ]; then
		rm -rf "$KEEP" && cp -r "$DB" "$KEEP"
	fi
	rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

"$BIN/doid-node" --chain demo --alice --validator --force-authoring --rpc-cors all \
	--unsafe-force-node-key-generation --no-prometheus --no-telemetry --no-mdns \
	--database rocksdb --base-path "$DB" --rpc-port "$RPC_PORT" --port "${P2P_PORT:-30466}" >"$WORK/node.log" 2>&1 &
pids+=($!)
if [ -z "${REUSE:-}" ]; then
	start=$(date +%s)
	DEMO_RPC_PORT="$RPC_PORT" DEMO_BULK="$BULK" DEMO_OUT="$DB/demo-summary.json" \
		"$BIN/examples/demo" | tail -n 3
	echo "seeded: demo data + $BULK certificates in $(($(date +%s) - start)) s"
fi
"$BIN/doid" explorer --node "http://127.0.0.1:$RPC_PORT" --listen "127.0.0.1:$WEB_PORT" >/dev/null &
pids+=($!)
sleep 1
python3 - "$DB/demo-summary.json" "$WORK/expectations.json" "$WEB_PORT" "$ROUNDS" <<'EOF'
import json, sys
summary = json.load(open(sys.argv[1]))
first, product = summary["certificates"][0], summary["certificates"][3]
json.dump({
    "url": f"http://127.0.0.1:{sys.argv[3]}",
    "out": sys.argv[2] + ".out",
    "number": first["registrationNumber"],
    "product": {"doid": product["doid"]},
    "measure": int(sys.argv[4]),
}, open(sys.argv[2], "w"))
EOF
certificates=$(curl -s -H 'Content-Type: application/json' \
	-d '{"id":1,"jsonrpc":"2.0","method":"doid_certificate","params":["'"$((BULK + 4))"'"]}' \
	"http://127.0.0.1:$RPC_PORT" | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["result"]["id"] if "result" in r else "missing")')
echo "certificate #$((BULK + 4)) in state: $certificates"
(cd tests/browser && node explorer.mjs "$WORK/expectations.json" </dev/null)
