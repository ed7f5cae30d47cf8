#!/usr/bin/env bash
# Builds the two npm packages of niryat from a fresh clone:
#   pkg-validate/  validation only (no typst): for live checking as a user types
#   pkg-full/      validation + PDF rendering (typst, fonts)
# Installs what is missing: the wasm32 target, wasm-bindgen-cli at exactly the version
# in Cargo.lock, and the node tooling (npm ci). wasm-opt is not used: Debian's (108) breaks
# wasm-bindgen's externref table, and binaryen 132's -Oz made the full build 8 % smaller
# raw but 2 % larger gzipped, for six minutes of work.
# Usage: bash bindings-wasm/build.sh [validate|full|all]
set -euo pipefail
cd "$(dirname "$0")"
which_builds=${1:-all}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-${NIRYAT_CACHE:-$HOME/.cache/niryat}/target-wasm}
# Size over speed for the browser; fat LTO lets the linker drop what typst never uses.
# The validation build runs on every keystroke: "s". The full build is mostly typst and
# downloaded once: "z" (0.8 MB less gzipped than "s"; see docs/benchmarks.md).
opt_validate=${NIRYAT_OPT_VALIDATE:-s}
opt_full=${NIRYAT_OPT_FULL:-z}
export CARGO_PROFILE_RELEASE_LTO=${CARGO_PROFILE_RELEASE_LTO:-fat}
export CARGO_PROFILE_RELEASE_CODEGEN_UNITS=${CARGO_PROFILE_RELEASE_CODEGEN_UNITS:-1}
export CARGO_PROFILE_RELEASE_PANIC=abort

log() { printf '\n== %s\n' "$*" >&2; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "installing the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

wb_version=$(grep -A1 -x 'name = "wasm-bindgen"' ../Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p' | head -1)
if [ -z "$wb_version" ]; then echo "wasm-bindgen is not in Cargo.lock" >&2; exit 1; fi
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $wb_version"; then
  log "installing wasm-bindgen-cli $wb_version"
  # --locked first; its lock file has pinned a crate version the registry no longer
  # offers before, so fall back to a fresh resolution of the same CLI version.
  cargo install wasm-bindgen-cli --version "=$wb_version" --locked \
    || cargo install wasm-bindgen-cli --version "=$wb_version"
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "npm ci"
  npm ci --no-audit --no-fund
fi


build() { # variant, opt-level, cargo feature flags…
  local variant=$1 opt=$2; shift 2
  local out=pkg-$variant
  log "cargo build ($variant, opt-level $opt)"
  CARGO_PROFILE_RELEASE_OPT_LEVEL=$opt cargo build --release --target wasm32-unknown-unknown -p niryat-wasm "$@"
  rm -rf "$out"
  # The name section only makes Wasm stack traces readable; it is a sixth of the file.
  wasm-bindgen --target web --out-dir "$out" --out-name niryat_wasm \
    --remove-name-section --remove-producers-section \
    "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/niryat_wasm.wasm"
  node scripts/package.mjs "$out" "$variant"
  if [ "$variant" = validate ]; then
    # For `niryat serve`, which embeds this package: the module compressed once with brotli at
    # its highest quality, sent to browsers that accept br (smaller than what the server's
    # on-the-fly compression makes). Not in files.json or the npm package.
    node -e 'const z = require("node:zlib"), fs = require("node:fs"); const f = process.argv[1];
      fs.writeFileSync(f + ".br", z.brotliCompressSync(fs.readFileSync(f), { params: { [z.constants.BROTLI_PARAM_QUALITY]: 11 } }));' \
      "$out/niryat_wasm_bg.wasm"
  fi
}

case $which_builds in
  validate) build validate "$opt_validate" ;;
  full) build full "$opt_full" --features full ;;
  all) build validate "$opt_validate"; build full "$opt_full" --features full ;;
  *) echo "usage: build.sh [validate|full|all]" >&2; exit 2 ;;
esac
log "done: $(ls -d pkg-* | tr '\n' ' ')"
