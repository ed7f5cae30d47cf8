#!/usr/bin/env bash
# Renders every document of every bundled example and writes page 1 of each as a PNG
# into docs/pdf/ (EXAMPLE-KIND.png) for visual review. Needs poppler-utils (pdftoppm).
# Usage: bash bench/pdf/previews.sh [RESOLUTION_DPI]   (default 60)
set -euo pipefail
cd "$(dirname "$0")/../.."
dpi="${1:-60}"
out=docs/pdf
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cargo build -q -p niryat-cli
exe="${CARGO_TARGET_DIR:-target}/debug/niryat"
mkdir -p "$out"
for f in examples/*.json; do
  name="$(basename "$f" .json)"
  "$exe" render "$f" --all -o "$tmp/$name" 2>/dev/null
  for pdf in "$tmp/$name"/*.pdf; do
    kind="$(basename "$pdf" .pdf)"
    pdftoppm -r "$dpi" -png -f 1 -l 1 -singlefile "$pdf" "$out/$name-$kind"
  done
done
ls -1 "$out"
