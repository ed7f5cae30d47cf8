#!/usr/bin/env bash
# Builds every package a user installs, into dist/, with SHA-256 sums:
#   niryat-VERSION-cp39-abi3-*.whl      Python wheel (one for CPython 3.9 and later; needs no Rust)
#   niryat-VERSION.tar.gz                Python sdist (builds with maturin and a Rust toolchain)
#   niryat-VERSION.tgz                   npm package, full build (validation + PDF)
#   niryat-validate-VERSION.tgz          npm package, validation only (small, for live checks)
#   niryat-cli-VERSION-TARGET.tar.gz     the `niryat` command, its man page and shell completions
#   SHA256SUMS
#
# Usage: scripts/dist.sh [--profile release|dev] [--skip-wasm-build]
#   --profile dev        faster builds of the same packages (the test suite uses it)
#   --skip-wasm-build    pack bindings-wasm/pkg-* as they are (built by bindings-wasm/build.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PROFILE=release
SKIP_WASM=0
while [ $# -gt 0 ]; do
  case "$1" in
    --profile) PROFILE="$2"; shift 2 ;;
    --skip-wasm-build) SKIP_WASM=1; shift ;;
    *) echo "usage: scripts/dist.sh [--profile release|dev] [--skip-wasm-build]" >&2; exit 2 ;;
  esac
done
CACHE="${NIRYAT_CACHE:-$HOME/.cache/niryat}"
export NIRYAT_CACHE="$CACHE"
VERSION=$(sed -n '/^\[workspace.package\]/,/^\[/ s/^version = "\(.*\)"/\1/p' Cargo.toml)
DIST="$ROOT/dist"
log() { printf '== %s\n' "$*" >&2; }
rm -rf "$DIST"; mkdir -p "$DIST"

# Python: wheel and sdist with maturin, from a virtual environment of build tools.
VENV="${NIRYAT_DIST_VENV:-$CACHE/venv-dist}"
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --disable-pip-version-check "maturin>=1.9,<2"
log "Python wheel (cargo profile $PROFILE)"
CARGO_TARGET_DIR="${NIRYAT_PY_TARGET:-$CACHE/target-py}" "$VENV/bin/maturin" build -q \
  -m bindings-py/Cargo.toml --profile "$PROFILE" --out "$DIST"
log "Python sdist"
"$VENV/bin/maturin" sdist -m bindings-py/Cargo.toml --out "$DIST" >/dev/null

# npm: both WebAssembly builds, packed as npm would publish them.
if [ "$SKIP_WASM" = 0 ]; then
  log "WebAssembly packages"
  bash bindings-wasm/build.sh all
fi
for pkg in bindings-wasm/pkg-full bindings-wasm/pkg-validate; do
  [ -f "$pkg/package.json" ] || { echo "$pkg is not built (run bindings-wasm/build.sh)" >&2; exit 1; }
  (cd "$pkg" && npm pack --silent --pack-destination "$DIST" >/dev/null)
done

# The command, with what a packager installs beside it.
log "niryat command (cargo profile $PROFILE)"
cargo build -q -p niryat-cli --profile "$PROFILE"
dir=$([ "$PROFILE" = dev ] && echo debug || echo "$PROFILE")
exe="${CARGO_TARGET_DIR:-$ROOT/target}/$dir/niryat"
triple=$(rustc -vV | sed -n 's/^host: //p')
stage="$(mktemp -d)/niryat-cli-$VERSION-$triple"
mkdir -p "$stage/completions" "$stage/man"
cp "$exe" "$stage/niryat"
"$exe" man > "$stage/man/niryat.1"
for shell in bash zsh fish; do "$exe" completions "$shell" > "$stage/completions/niryat.$shell"; done
cp README.md CHANGELOG.md LICENSE-MIT LICENSE-APACHE "$stage/"
tar -C "$(dirname "$stage")" --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 \
  -czf "$DIST/$(basename "$stage").tar.gz" "$(basename "$stage")"
rm -rf "$(dirname "$stage")"

(cd "$DIST" && sha256sum -- * > SHA256SUMS)
log "dist/ (niryat $VERSION):"
(cd "$DIST" && ls -l --time-style=+ | tail -n +2 | awk '{print "   " $5 "\t" $NF}')
