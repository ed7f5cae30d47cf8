#!/usr/bin/env bash
# Regenerates PNG previews of page 1 of documents in docs/pdf (A4 at 60 dpi, as the existing
# previews), through the CLI. Needs pdftoppm (poppler-utils).
#   bash scripts/previews.sh [LANG] [DOC,DOC…]
# LANG en+hi (default) writes docs/pdf/EXAMPLE-DOC.png; any other writes EXAMPLE-DOC-LANG.png
# (for example `bash scripts/previews.sh hi packing_list,iec_details`). DOC defaults to every
# document the example calls for; a document an example does not call for is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
lang=${1:-en+hi}
docs=${2:-}
suffix=""
[ "$lang" = "en+hi" ] || suffix="-$lang"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cargo build -q -p niryat-cli
bin=${CARGO_TARGET_DIR:-target}/debug/niryat
for ex in examples/*.json; do
  name=$(basename "$ex" .json)
  rm -rf "${tmp:?}/$name"
  if [ -n "$docs" ]; then
    # One document at a time: with one document `-o` names a file, not a folder.
    mkdir -p "$tmp/$name"
    for doc in ${docs//,/ }; do
      "$bin" render "$ex" --doc "$doc" --lang "$lang" -o "$tmp/$name/$doc.pdf" >/dev/null 2>&1 \
        || rm -f "$tmp/$name/$doc.pdf"
    done
  else
    "$bin" render "$ex" --all --lang "$lang" -o "$tmp/$name" >/dev/null
  fi
  [ -d "$tmp/$name" ] || continue
  for pdf in "$tmp/$name"/*.pdf; do
    [ -f "$pdf" ] || continue
    doc=$(basename "$pdf" .pdf)
    pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$pdf" "docs/pdf/$name-$doc$suffix"
    echo "docs/pdf/$name-$doc$suffix.png"
  done
done
