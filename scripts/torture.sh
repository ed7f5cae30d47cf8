#!/usr/bin/env bash
# The full layout torture sweep and the ceilings (issue 15), in release mode.
#
#   ./scripts/torture.sh            sweep and ceilings
#   ./scripts/torture.sh sweep      only the sweep (core/tests/torture.rs, NIRYAT_TORTURE=full)
#   ./scripts/torture.sh ceilings   only the ceilings
#
# The sweep renders worst-case valid shipments (text at its longest in Latin, Devanagari and
# mixed scripts, words and unbreakable; 10,000 lines and 1,000 packages by sea; 1,000 lines by
# post) as every document in every label language and checks the word boxes (pdftotext -bbox).
# The ceilings run the release CLI on 1,000 lines, 10,000 lines and the largest accepted input
# under /usr/bin/time -v: peak memory (maximum resident set size) and wall time of validate,
# each text renderer, the PDF renderers and the XML import. NIRYAT_BIN=path measures that CLI
# binary instead of building the release one; NIRYAT_CEILINGS_PDF_LARGEST=1 also renders the
# largest input as PDF (thousands of pages). Figures go to standard output;
# docs/reliability.md and docs/benchmarks.md hold the recorded ones.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/niryat/target}"
ONLY="${1:-all}"
command -v pdftotext >/dev/null || { echo "needs pdftotext (apt-get install poppler-utils)"; exit 1; }

if [ "$ONLY" = all ] || [ "$ONLY" = sweep ]; then
  echo "== torture sweep"
  NIRYAT_TORTURE=full cargo test --release -p niryat --test torture torture_full -- --nocapture 2>&1 \
    | grep -v "^\s*[0-9]*: \|^\s*at " | tail -n 150
fi

if [ "$ONLY" = all ] || [ "$ONLY" = ceilings ]; then
  echo "== ceilings (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
  DIR="$(mktemp -d)"
  # NIRYAT_CEILINGS_INPUTS=dir reuses inputs written before (by the write_ceiling_inputs test).
  if [ -n "${NIRYAT_CEILINGS_INPUTS:-}" ]; then cp "$NIRYAT_CEILINGS_INPUTS"/*.json "$DIR"/; else
    NIRYAT_TORTURE_OUT="$DIR" cargo test -q --release -p niryat --test torture write_ceiling_inputs -- --nocapture 2>&1 | grep bytes || true
  fi
  # NIRYAT_BIN measures another build of the CLI (a debug one, say) instead of the release one.
  if [ -n "${NIRYAT_BIN:-}" ]; then BIN="$NIRYAT_BIN"; else
    cargo build -q --release -p niryat-cli
    BIN="$CARGO_TARGET_DIR/release/niryat"
  fi
  measure() { # label, command...
    local label="$1"; shift
    local out="$DIR/time.txt" status=0
    /usr/bin/time -v "$@" >"$DIR/stdout" 2>"$out" || status=$?
    local rss wall
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$out")
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$out")
    printf "| %s | %s MiB | %s | exit %s |\n" "$label" "$rss" "$wall" "$status"
  }
  echo "| input, step | peak RSS | wall time | |"
  echo "| --- | ---: | ---: | --- |"
  for name in lines-1000 lines-10000 largest; do
    f="$DIR/$name.json"
    [ -f "$f" ] || continue
    size=$(du -h "$f" | cut -f1)
    measure "$name ($size) validate" "$BIN" validate "$f" --for commercial_invoice,packing_list,iec_details
    measure "$name invoice UBL XML" "$BIN" render "$f" --doc commercial_invoice --format xml --flavor ubl -o "$DIR/$name.ubl.xml"
    measure "$name niryat XML" "$BIN" render "$f" --doc commercial_invoice --format xml --flavor niryat -o "$DIR/$name.niryat.xml"
    measure "$name invoice JSON" "$BIN" render "$f" --doc commercial_invoice --format json -o "$DIR/$name.inv.json"
    measure "$name e-invoice JSON" "$BIN" render "$f" --doc einvoice --format json -o "$DIR/$name.einv.json"
    measure "$name packing list JSON" "$BIN" render "$f" --doc packing_list --format json -o "$DIR/$name.pl.json"
    measure "$name XML import" "$BIN" import "$DIR/$name.niryat.xml"
    if [ "$name" != largest ] || [ -n "${NIRYAT_CEILINGS_PDF_LARGEST:-}" ]; then
      measure "$name invoice PDF" "$BIN" render "$f" --doc commercial_invoice --copies 1 -o "$DIR/$name.inv.pdf"
      measure "$name packing list PDF" "$BIN" render "$f" --doc packing_list -o "$DIR/$name.pl.pdf"
      measure "$name IEC PDF" "$BIN" render "$f" --doc iec_details -o "$DIR/$name.iec.pdf"
    fi
  done
  rm -rf "$DIR"
fi
