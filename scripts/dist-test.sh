#!/usr/bin/env bash
# Installs what scripts/dist.sh made as a user would, and smoke-tests each package:
#   the wheel into a fresh virtual environment with no Rust toolchain on PATH,
#   the npm tarballs into a fresh folder with no access to this checkout,
#   the command from its tarball; and checks the sums and the sdist's contents.
# Usage: scripts/dist-test.sh   (after scripts/dist.sh; prints "dist: N passed, N failed")
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DIST="$ROOT/dist"
EXAMPLE="$ROOT/examples/lucknow-chikankari-ebay.json"
VERSION=$(sed -n '/^\[workspace.package\]/,/^\[/ s/^version = "\(.*\)"/\1/p' Cargo.toml)
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
PASS=0; FAIL=0
check() { # name, command...
  local name="$1"; shift
  if "$@" >"$WORK/log" 2>&1; then
    PASS=$((PASS + 1)); echo "ok   $name"
  else
    FAIL=$((FAIL + 1)); echo "FAIL $name"; sed 's/^/     /' "$WORK/log"
  fi
}

check "SHA256SUMS match" bash -c "cd '$DIST' && sha256sum --quiet -c SHA256SUMS"
check "one abi3 wheel for CPython 3.9+" bash -c "ls '$DIST'/niryat-$VERSION-cp39-abi3-*.whl"

# A PATH with python but without cargo, rustc or rustup: the wheel must need none of them.
NORUST_PATH="$WORK/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin"
mkdir -p "$WORK/bin"; ln -s "$(command -v python3)" "$WORK/bin/python3"
wheel_test() {
  env -i HOME="$WORK" PATH="$NORUST_PATH" bash -c '
    set -e
    ! command -v cargo && ! command -v rustc
    python3 -m venv "'"$WORK"'/venv"
    "'"$WORK"'/venv/bin/pip" install -q --no-index --disable-pip-version-check "'"$DIST"'"/niryat-*.whl
    cd "'"$WORK"'"
    "'"$WORK"'/venv/bin/python" - "'"$EXAMPLE"'" <<PY
import json, sys, niryat
shipment = json.load(open(sys.argv[1]))
assert niryat.validate(shipment)["issues"] == [], niryat.validate(shipment)
pdf = niryat.render_pdf(shipment, "cn22")
assert pdf.startswith(b"%PDF-"), pdf[:10]
gstin = shipment["exporter"]["gstin"]
bad_gstin = gstin[:-1] + ("A" if gstin[-1] != "A" else "B")
bad = dict(shipment, exporter=dict(shipment["exporter"], gstin=bad_gstin))
assert any(i["code"] == "gstin_checksum" for i in niryat.validate(bad)["issues"])
print("python ok", len(pdf))
PY'
}
check "wheel installs and works with no Rust on PATH" wheel_test

sdist_test() {
  local sdist="$DIST/niryat-$VERSION.tar.gz" list
  list=$(tar -tzf "$sdist")
  for f in pyproject.toml Cargo.toml core/src/lib.rs core/doc-templates/invoice.typ \
    core/doc-templates/fonts/OFL.txt bindings-py/src/lib.rs python/niryat/__init__.py python/niryat/_niryat.pyi; do
    grep -q "^niryat-$VERSION/$f$" <<<"$list" || { echo "sdist lacks $f"; return 1; }
  done
}
check "sdist holds the crate sources, templates and fonts" sdist_test

npm_test() { # tarball, expect-pdf
  local tgz="$1" pdf="$2" dir="$WORK/npm-$(basename "$1" .tgz)"
  mkdir -p "$dir" && cd "$dir" || return 1
  npm init -y >/dev/null && npm install --no-audit --no-fund --offline "$tgz" >/dev/null || return 1
  local name; name=$(tar -xzOf "$tgz" package/package.json | node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(0)).name)')
  cat > smoke.mjs <<JS
import { readFileSync } from 'node:fs';
import * as niryat from '$name';
await niryat.ready();
const shipment = JSON.parse(readFileSync('$EXAMPLE', 'utf8'));
const r = niryat.validate(shipment);
const issues = Array.isArray(r) ? r : r.issues;
if (issues.length) throw new Error('issues: ' + JSON.stringify(issues));
if ($pdf) {
  const pdf = niryat.renderPdf(shipment, 'cn22');
  if (new TextDecoder().decode(pdf.slice(0, 5)) !== '%PDF-') throw new Error('not a PDF');
}
console.log('$name ok');
JS
  node smoke.mjs
}
check "npm niryat (full) installs in a fresh folder, validates and renders" npm_test "$DIST/niryat-$VERSION.tgz" true
check "npm niryat-validate installs in a fresh folder and validates" npm_test "$DIST/niryat-validate-$VERSION.tgz" false

cli_test() {
  local tgz; tgz=$(ls "$DIST"/niryat-cli-"$VERSION"-*.tar.gz) || return 1
  tar -C "$WORK" -xzf "$tgz" || return 1
  local d="$WORK/$(basename "$tgz" .tar.gz)"
  "$d/niryat" --version | grep -qx "niryat $VERSION" || return 1
  "$d/niryat" validate "$EXAMPLE" || return 1
  for f in man/niryat.1 completions/niryat.bash completions/niryat.zsh completions/niryat.fish \
    LICENSE-MIT LICENSE-APACHE CHANGELOG.md; do
    [ -s "$d/$f" ] || { echo "missing $f"; return 1; }
  done
  grep -q '^\.TH niryat' "$d/man/niryat.1"
}
check "command tarball: binary, man page, completions, licences" cli_test

echo "dist: $PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
