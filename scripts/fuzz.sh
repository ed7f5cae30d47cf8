#!/usr/bin/env bash
# Runs every cargo-fuzz target of niryat for MINUTES minutes each (default 1), one after the
# other, with libFuzzer's limits: no input may take over 1 s or allocate over 2 GB.
#
#   ./scripts/fuzz.sh [MINUTES] [TARGET...]
#
# Needs a nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`). Seed corpora are made
# from examples/ and tests/fixtures/cases/ on each run (fuzz/corpus/, not committed); crashes
# land in fuzz/artifacts/TARGET/. The last lines of each target's log (fuzz/logs/TARGET.log)
# hold libFuzzer's final figures: executions, executions per second, coverage (cov, ft).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
MINUTES="${1:-1}"
shift || true
TARGETS=("$@")
[ "${#TARGETS[@]}" -gt 0 ] || TARGETS=(json_validate xml_import text_render imports pdf_strings)
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/niryat/target-fuzz-nightly}"

command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz

# Seeds: shipments (examples and every fixture case's shipment) for the JSON targets; the
# same shipments as niryat XML for the import target. The mutating targets read their seed
# shipments from the examples themselves and take raw bytes as the choices they make.
C="$ROOT/fuzz/corpus"
mkdir -p "$C/json_validate" "$C/xml_import" "$C/text_render" "$C/imports" "$C/pdf_strings" "$ROOT/fuzz/logs"
python3 - "$ROOT" "$C" <<'PY'
import glob, hashlib, json, os, sys
root, corpus = sys.argv[1], sys.argv[2]
def put(target, data):
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(corpus, target, name), "wb") as f:
        f.write(data)
shipments = [open(p, "rb").read() for p in sorted(glob.glob(os.path.join(root, "examples", "*.json")))]
for p in sorted(glob.glob(os.path.join(root, "tests", "fixtures", "cases", "*.json"))):
    case = json.load(open(p, encoding="utf-8"))
    shipments.append(json.dumps(case["shipment"], ensure_ascii=False).encode())
for s in shipments:
    put("json_validate", s)
# imports: a byte choosing the reader, then the text (a report, "\n%%\n", a catalogue).
orders = os.path.join(root, "examples", "orders")
amazon, ebay, skus = (open(os.path.join(orders, n), "rb").read()
                      for n in ("amazon-order-report.txt", "ebay-orders.csv", "skus.csv"))
for seed in (b"\x00" + amazon, b"\x00" + amazon + b"\n%%\n" + skus, b"\x01" + ebay,
             b"\x01" + ebay + b"\n%%\n" + skus, b"\x02" + skus):
    put("imports", seed)
data = {"SellerGstin": "09AAKAK5123M1Z9", "DocNo": "KBS/2026-27/0142", "DocDt": "18/11/2026",
        "Irn": "a" * 64, "ItemCnt": 2}
put("imports", b"\x03" + json.dumps(data).encode())
put("imports", b"\x03" + json.dumps({"Status": 1, "Data": json.dumps({
    "AckNo": 112610036563310, "AckDt": "2026-11-18 12:43:00", "Irn": "a" * 64,
    "SignedQRCode": "eyJhbGciOiJSUzI1NiJ9.eyJkYXRhIjoie30ifQ.U0FNUExF"})}).encode())
for i in range(16):
    put("text_render", bytes(j % 256 for j in range(i * 16, i * 16 + 64)) * 2)
    put("pdf_strings", bytes((255 - j) % 256 for j in range(i * 16, i * 16 + 64)) * 2)
PY
# niryat XML of the examples (the CLI writes it; the examples are valid).
for f in examples/*.json; do
  CARGO_TARGET_DIR="${NIRYAT_CLI_TARGET:-$HOME/.cache/niryat/target}" cargo run -q -p niryat-cli -- render "$f" --doc commercial_invoice --format xml --flavor niryat \
    -o "$C/xml_import/$(basename "$f" .json).xml" 2>/dev/null || true
done

cd fuzz
for t in "${TARGETS[@]}"; do
  echo "== $t for $MINUTES min"
  # Only the PDF target needs typst (a long build); the others build without it.
  FEATURES=(); [ "$t" = pdf_strings ] || FEATURES=(--no-default-features)
  nice -n 19 cargo +nightly fuzz run -s none "${FEATURES[@]}" "$t" "corpus/$t" -- \
    -max_total_time=$((MINUTES * 60)) -rss_limit_mb=2048 -malloc_limit_mb=2048 -timeout=1 \
    -max_len=65536 -print_final_stats=1 >"logs/$t.log" 2>&1 || { echo "!! $t found a crash: see fuzz/logs/$t.log"; STATUS=1; }
  grep -E "^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb)" "logs/$t.log" | tail -4 || true
done
exit "${STATUS:-0}"
