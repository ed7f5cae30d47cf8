#!/usr/bin/env bash
# `niryat serve` against its own description: schemathesis generates requests from
# /openapi.json (seeded, so a run is repeatable) and checks that no answer is
# a server error and that every answer has a documented status, content type, headers and body
# schema, and that requests outside the description are refused. Left out is the check that
# every request inside it is accepted: a shipment can fit the schema and break a rule (422), a
# report can give a name too few (docs/reliability.md finding 20).
#
#   scripts/api-fuzz.sh ST NIRYAT      (the test command passes its venv's st and debug CLI)
set -euo pipefail
ST="$1"; BIN="$2"; EXAMPLES="${NIRYAT_API_FUZZ_EXAMPLES:-40}"
LOG=$(mktemp)
RUST_LOG=info "$BIN" serve --listen 127.0.0.1:0 >"$LOG" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; rm -f "$LOG"' EXIT
URL=""
for _ in $(seq 1 100); do
  URL=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$LOG" | head -1 || true)
  [ -n "$URL" ] && curl -sf "${URL}healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
[ -n "$URL" ] || { cat "$LOG"; echo "api-fuzz: the server did not start"; exit 1; }
# From a folder of its own: schemathesis writes its state (.schemathesis/) where it runs.
WORK=$(mktemp -d)
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$LOG" "$WORK"' EXIT
(cd "$WORK" && "$ST" run "${URL}openapi.json" --checks all \
  --exclude-checks positive_data_acceptance \
  -n "$EXAMPLES" --seed 20261201 -w 1 --no-color)
echo "api-fuzz: ok"
