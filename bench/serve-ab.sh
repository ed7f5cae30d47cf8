#!/usr/bin/env bash
# A/B of `niryat serve` builds under saturation: for each binary in turn (ROUNDS times, in
# alternation so that the machine's drift falls on both), validate at concurrency 64 alone,
# then again while CN22 PDFs are asked for at concurrency 8. Prints requests/s and p50/p99.
# Usage: bench/serve-ab.sh BINARY... [-- SERVER OPTIONS]   (env: SECS=8, ROUNDS=3)
# Build a variant with `cargo build --release -p niryat-cli` and copy target/release/niryat
# aside before building the next; oha is the one bench/serve.sh installs.
set -euo pipefail
cd "$(dirname "$0")/.."
OHA="${NIRYAT_CACHE:-$HOME/.cache/niryat}/oha/bin/oha"
[ -x "$OHA" ] || { echo "run bench/serve.sh once first (it installs oha)" >&2; exit 2; }
BINS=(); while [ $# -gt 0 ] && [ "$1" != "--" ]; do BINS+=("$1"); shift; done
[ $# -gt 0 ] && shift
[ ${#BINS[@]} -gt 0 ] || { echo "usage: bench/serve-ab.sh BINARY... [-- SERVER OPTIONS]" >&2; exit 2; }
SECS=${SECS:-8}; ROUNDS=${ROUNDS:-3}; PORT=${NIRYAT_BENCH_PORT:-18438}; BASE="http://127.0.0.1:$PORT"
VALID=examples/varanasi-silk-amazon.json; PDF=examples/personal-gift.json
WORK=$(mktemp -d); SERVER=""
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$WORK"' EXIT
load() { "$OHA" --no-tui --output-format json -z "$3s" -c "$2" -m POST -T application/json -D "$4" "$BASE$1"; }
show() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); s, p = d["summary"], d["latencyPercentiles"]; print("%6s: %8.0f/s  p50 %5.2f ms  p99 %5.2f ms" % (sys.argv[2], s["requestsPerSec"], p["p50"]*1e3, p["p99"]*1e3))' "$1" "$2"; }
for round in $(seq 1 "$ROUNDS"); do
  for bin in "${BINS[@]}"; do
    RUST_LOG=warn "$bin" serve --listen "127.0.0.1:$PORT" "$@" >/dev/null 2>&1 & SERVER=$!
    for _ in $(seq 1 100); do curl -sf "$BASE/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
    echo "round $round, $bin"
    load /v1/validate 64 "$SECS" "$VALID" >"$WORK/alone.json"; show "$WORK/alone.json" alone
    load "/v1/documents/cn22?lang=en" 8 "$SECS" "$PDF" >"$WORK/pdf.json" & PDFS=$!
    sleep 1
    load /v1/validate 64 "$((SECS - 2))" "$VALID" >"$WORK/mixed.json"; wait "$PDFS"
    show "$WORK/mixed.json" mixed; show "$WORK/pdf.json" pdf
    kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
  done
done
