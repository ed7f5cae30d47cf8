#!/usr/bin/env bash
# What p99 can any server reach at concurrency 64 on this machine? The bare hyper server in
# bench/floor (same hyper and tokio, no middleware, no checks) spinning 0, 10, 20 and 50 µs of
# CPU per request, then niryat's own POST /v1/validate, each under oha at c64 for SECS seconds
# alone and then while a separate `niryat serve` makes CN22 PDFs at c8 — the load and body of
# bench/serve.sh. Prints a Markdown table (ROUNDS rounds, in alternation).
# Usage: bench/floor.sh   (env: SECS=8, ROUNDS=2, WORKS="0 10 20 50")
set -euo pipefail
cd "$(dirname "$0")/.."
CACHE="${NIRYAT_CACHE:-$HOME/.cache/niryat}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$CACHE/target}"
OHA="$CACHE/oha/bin/oha"
[ -x "$OHA" ] || { echo "run bench/serve.sh once first (it installs oha)" >&2; exit 2; }
SECS=${SECS:-8}; ROUNDS=${ROUNDS:-2}; WORKS=${WORKS:-0 10 20 50}
cargo build -q --release -p niryat-cli
NIRYAT="$CARGO_TARGET_DIR/release/niryat"
(cd bench/floor && CARGO_TARGET_DIR="$CACHE/target-floor" cargo build -q --release --locked)
FLOOR="$CACHE/target-floor/release/niryat-bench-floor"
VALID=examples/varanasi-silk-amazon.json; PDF=examples/personal-gift.json
P_UNDER=18500; P_PDF=18501
WORK=$(mktemp -d); PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null; rm -rf "$WORK"' EXIT
wait_for() { for _ in $(seq 1 100); do curl -s -o /dev/null "$1" && return 0; sleep 0.1; done; return 1; }
load() { "$OHA" --no-tui --output-format json -z "$3s" -c "$2" -m POST -T application/json -D "$4" "$1"; }
row() { python3 -c 'import json,sys
a, m = (json.load(open(f)) for f in sys.argv[2:4])
def f(d): s, p = d["summary"], d["latencyPercentiles"]; return "%.0f/s, mean %.2f ms, p99 %.2f ms" % (s["requestsPerSec"], s["average"]*1e3, p["p99"]*1e3)
print("| %s | %s | %s |" % (sys.argv[1], f(a), f(m)))' "$@"; }

RUST_LOG=warn "$NIRYAT" serve --listen "127.0.0.1:$P_PDF" >/dev/null 2>&1 & PIDS+=($!)
wait_for "http://127.0.0.1:$P_PDF/healthz"
measure() {  # NAME URL
  load "$2" 64 "$SECS" "$VALID" >"$WORK/alone.json"
  load "http://127.0.0.1:$P_PDF/v1/documents/cn22?lang=en" 8 "$SECS" "$PDF" >"$WORK/pdf.json" & local pdfs=$!
  sleep 1
  load "$2" 64 "$((SECS - 2))" "$VALID" >"$WORK/mixed.json"; wait "$pdfs"
  row "$1" "$WORK/alone.json" "$WORK/mixed.json"
}
echo "| server at c64 (oha, the Varanasi example as body) | alone | while CN22 PDFs are made at c8 |"
echo "| --- | --- | --- |"
for round in $(seq 1 "$ROUNDS"); do
  for us in $WORKS; do
    "$FLOOR" "$P_UNDER" "$us" & PIDS+=($!); wait_for "http://127.0.0.1:$P_UNDER/"
    measure "bare hyper, $us µs of CPU a request (round $round)" "http://127.0.0.1:$P_UNDER/"
    kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true; unset 'PIDS[-1]'
  done
  RUST_LOG=warn "$NIRYAT" serve --listen "127.0.0.1:$P_UNDER" >/dev/null 2>&1 & PIDS+=($!)
  wait_for "http://127.0.0.1:$P_UNDER/healthz"
  measure "niryat \`POST /v1/validate\` (round $round)" "http://127.0.0.1:$P_UNDER/v1/validate"
  kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true; unset 'PIDS[-1]'
done
