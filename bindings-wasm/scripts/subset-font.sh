#!/usr/bin/env bash
# Makes the form's Hindi web fonts: WOFF2 subsets of the project's Noto Sans Devanagari
# (core/doc-templates/fonts, SIL OFL 1.1) holding the Devanagari block, the joiners, the
# dotted circle and the rupee sign, with every OpenType layout feature kept so conjuncts
# and matras shape as in the PDFs. Latin text in the form keeps the system font.
# Reproducible: pinned fonttools and brotli, no timestamp recalculation; running it again
# gives the same bytes. Output: web/fonts/*.woff2 and the licence beside them.
# Usage: bash bindings-wasm/scripts/subset-font.sh
set -euo pipefail
cd "$(dirname "$0")/.."
src=../core/doc-templates/fonts
out=web/fonts
venv=${NIRYAT_FONT_VENV:-${NIRYAT_CACHE:-$HOME/.cache/niryat}/font-venv}
if [ ! -x "$venv/bin/pyftsubset" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet 'fonttools==4.68.0' 'brotli==1.2.1'
fi
# U+0900–097F Devanagari; U+200C/D ZWNJ/ZWJ; U+25CC dotted circle (shown for a stray matra);
# U+20B9 rupee sign; U+0020, U+00A0 spaces (the font's own word space with Devanagari).
unicodes="U+0900-097F,U+200C-200D,U+25CC,U+20B9,U+0020,U+00A0"
mkdir -p "$out"
for weight in Regular Bold; do
  "$venv/bin/pyftsubset" "$src/NotoSansDevanagari-$weight.ttf" \
    --unicodes="$unicodes" \
    --layout-features='*' \
    --flavor=woff2 \
    --no-recalc-timestamp \
    --name-IDs='*' --name-legacy --name-languages='*' \
    --output-file="$out/NotoSansDevanagari-$weight.subset.woff2"
done
cp "$src/OFL.txt" "$out/OFL.txt"
ls -l "$out"
