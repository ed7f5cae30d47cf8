#!/usr/bin/env bash
# Tests of the WASM packages and the form, from a fresh machine: installs Debian's
# chromium and poppler-utils (pdftotext) when missing, builds both packages (build.sh
# installs the Rust target, wasm-bindgen-cli and the npm tooling), then runs the Node
# tests of both packages and the end-to-end test in headless Chromium.
#   NIRYAT_SKIP_BUILD=1  test the packages already built
#   NIRYAT_PKGS=validate test only one build (the browser test needs full)
set -euo pipefail
cd "$(dirname "$0")"

missing=()
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]}" >&2
  if [ "$(id -u)" -ne 0 ]; then echo "run as root, or: sudo apt-get install -y ${missing[*]}" >&2; exit 1; fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ "${NIRYAT_SKIP_BUILD:-0}" != 1 ]; then
  bash build.sh all
elif [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund
fi

# Type check of the form and its workers from their JSDoc (the worker's import of pkg-full
# resolves once the package is built).
echo "== tsc: the form (jsconfig.json) and its workers (web/jsconfig.worker.json)"
npx tsc -p jsconfig.json
npx tsc -p web/jsconfig.worker.json

# One file at a time: the browser test wants both cores to itself.
node --test --test-concurrency=1 tests/*.test.mjs
