#!/usr/bin/env bash
# Runs every test of niryat: Rust (unit, integration, property, PDF), the XML validators
# (XSD, EN 16931), the service against its OpenAPI description, the Python package and the
# WASM package with its browser test.
# Installs what the tests need on a fresh Debian machine (needs root or sudo for apt-get).
#
#   ./scripts/test.sh            everything
#   ./scripts/test.sh rust       only the Rust suites (also: gates, xml, api, python, wasm, dist)
#
# The gates (formatting, clippy, the fuzz targets' build, ruff, mypy, tsc) run first; a failing gate fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
CACHE="${NIRYAT_CACHE:-$HOME/.cache/niryat}"
export NIRYAT_CACHE="$CACHE"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$CACHE/target}"
export NIRYAT_BIN="$CARGO_TARGET_DIR/debug/niryat"
LOG_DIR="$(mktemp -d)"

# The build caches under $CACHE grow with every change of a dependency, and a full disk fails
# a run. With less than 10 GB free: drop cargo's incremental caches there; if still short,
# the build caches themselves (the next build is cold: slower, but it fits CI's time limit).
free_gb() { df -Pk "$CACHE" 2>/dev/null | awk 'NR == 2 { print int($4 / 1048576) }'; }
mkdir -p "$CACHE"
if [ "$(free_gb)" -lt 10 ]; then
  echo "== less than 10 GB free: removing cargo's incremental caches under $CACHE"
  rm -rf "$CACHE"/target*/*/incremental
fi
if [ "$(free_gb)" -lt 10 ]; then
  echo "== still less than 10 GB free: removing the build caches under $CACHE"
  rm -rf "$CACHE"/target*
fi
ONLY="${1:-all}"
want() { [ "$ONLY" = all ] || [ "$ONLY" = "$1" ]; }

apt_install() {
  local missing=()
  for pair in "$@"; do
    local cmd="${pair%%:*}" pkg="${pair##*:}"
    command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "== installing Debian packages: ${missing[*]}"
    local SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

apt_install pdftotext:poppler-utils xmllint:libxml2-utils zbarimg:zbar-tools

PASSED=0; FAILED=0
count_cargo() { # sums cargo's "test result: ok. N passed; M failed" lines
  local p f
  p=$(awk '/^test result:/ {for (i=1;i<NF;i++) if ($(i+1) ~ /^passed/) s+=$i} END {print s+0}' "$1")
  f=$(awk '/^test result:/ {for (i=1;i<NF;i++) if ($(i+1) ~ /^failed/) s+=$i} END {print s+0}' "$1")
  PASSED=$((PASSED + p)); FAILED=$((FAILED + f))
}
STATUS=0
declare -A SUITE_FAILED=()
run_suite() { # name, command...
  local name="$1"; shift
  echo "== $name"
  if "$@" 2>&1 | tee "$LOG_DIR/$name.log"; then :; else
    STATUS=1; SUITE_FAILED[$name]=1; echo "!! $name failed"
  fi
}
counted() { # name, count function: counts the suite's log; a suite that failed outside its
  # test runner's counts (a build, stubtest, mypy, tsc) counts as one failure, so the closing
  # line never says "0 failed" for a failed run
  local name="$1" count="$2" before=$FAILED
  "$count" "$LOG_DIR/$name.log"
  if [ -n "${SUITE_FAILED[$name]:-}" ] && [ "$FAILED" -eq "$before" ]; then
    FAILED=$((FAILED + 1))
  fi
}

# A Python virtual environment for the test tools (outside the checkout, reused between runs).
VENV="${NIRYAT_VENV:-$CACHE/venv-test}"
python_env() {
  if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
  fi
  "$VENV/bin/python" -m pip install -q --upgrade pip >/dev/null
}
gate() { # name, command...: one gate, counted as one test
  local name="$1"; shift
  echo "== gate: $name"
  if "$@" >"$LOG_DIR/gate-$name.log" 2>&1; then
    PASSED=$((PASSED + 1))
  else
    cat "$LOG_DIR/gate-$name.log"
    echo "!! gate $name failed"
    FAILED=$((FAILED + 1)); STATUS=1
  fi
}

if want gates; then
  rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
  rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
  gate rustfmt cargo fmt --all --check
  gate clippy cargo clippy --workspace --all-targets -- -D warnings
  # The fuzz crate is a workspace of its own, run with nightly by scripts/fuzz.sh; here its
  # targets are kept compiling and tidy on stable, so that a change of the library's API
  # cannot leave them broken until the next fuzzing run.
  gate fuzz-rustfmt cargo fmt --manifest-path fuzz/Cargo.toml --check
  gate fuzz-clippy env CARGO_TARGET_DIR="$CACHE/target-fuzz-check" \
    cargo clippy --manifest-path fuzz/Cargo.toml --bins -- -D warnings
  python_env
  "$VENV/bin/python" -m pip install -q "ruff==0.17.*"
  gate ruff-check "$VENV/bin/ruff" check .
  gate ruff-format "$VENV/bin/ruff" format --check .
fi

if want rust; then
  run_suite rust cargo test --workspace --all-targets
  # Doc tests are not part of --all-targets.
  run_suite rustdoc cargo test --workspace --doc
  counted rust count_cargo; counted rustdoc count_cargo
fi

count_pytest() { # "N passed" / "N failed" from pytest's closing line ("31 passed in 2.03s")
  local p f
  p=$(awk '/[0-9]+ (passed|failed)/ && / in [0-9.]+s/ {line=$0} END {if (match(line, /[0-9]+ passed/)) print substr(line, RSTART, RLENGTH)+0; else print 0}' "$1")
  f=$(awk '/[0-9]+ (passed|failed)/ && / in [0-9.]+s/ {line=$0} END {n=0; while (match(line, /[0-9]+ (failed|errors?)/)) {n+=substr(line, RSTART, RLENGTH)+0; line=substr(line, RSTART+RLENGTH)} print n}' "$1")
  PASSED=$((PASSED + p)); FAILED=$((FAILED + f))
}

if want xml; then
  cargo build -q -p niryat-cli
  python_env
  "$VENV/bin/python" -m pip install -q -r tests/xml/requirements.txt
  run_suite xml "$VENV/bin/python" -m pytest -q -p no:cacheprovider tests/xml
  counted xml count_pytest
fi

count_one() { # a suite that is one test: its closing "NAME: ok" line
  if grep -q ': ok$' "$1"; then PASSED=$((PASSED + 1)); else FAILED=$((FAILED + 1)); fi
}

if want api; then
  # niryat serve against its own OpenAPI description (scripts/api-fuzz.sh).
  cargo build -q -p niryat-cli
  python_env
  "$VENV/bin/python" -m pip install -q "schemathesis==4.32.*"
  run_suite api bash scripts/api-fuzz.sh "$VENV/bin/st" "$NIRYAT_BIN"
  counted api count_one
fi

count_node() { # node --test summary: "# pass N" / "# fail N"
  local p f
  p=$(awk '/^# pass [0-9]+/ {s+=$3} END {print s+0}' "$1")
  f=$(awk '/^# fail [0-9]+/ {s+=$3} END {print s+0}' "$1")
  PASSED=$((PASSED + p)); FAILED=$((FAILED + f))
}

if want python; then
  # Builds the package into its own virtual environment and runs pytest, stubtest and mypy.
  run_suite python env CARGO_TARGET_DIR="$CACHE/target-py" bash bindings-py/tests/run.sh
  counted python count_pytest
fi

if want wasm; then
  # Builds both WASM packages, runs the Node tests and the browser test in headless Chromium.
  # The served form's test (bindings-wasm/tests/served.test.mjs) drives `niryat serve`: $NIRYAT_BIN.
  run_suite niryat-bin cargo build -q -p niryat-cli
  counted niryat-bin true
  run_suite wasm env CARGO_TARGET_DIR="$CACHE/target-wasm" bash bindings-wasm/test.sh
  counted wasm count_node
fi

count_dist() { # "dist: N passed, M failed"
  local line
  line=$(grep -E '^dist: [0-9]+ passed, [0-9]+ failed' "$1" | tail -1)
  PASSED=$((PASSED + $(sed -E 's/^dist: ([0-9]+) passed.*/\1/' <<<"${line:-dist: 0 passed, 1 failed}")))
  FAILED=$((FAILED + $(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"${line:-dist: 0 passed, 1 failed}")))
}

if want dist; then
  # The packages a user installs, built as scripts/dist.sh builds them (dev profile, the WASM
  # packages the wasm suite built), installed into fresh places and smoke-tested.
  if [ ! -f bindings-wasm/pkg-full/package.json ] || [ ! -f bindings-wasm/pkg-validate/package.json ]; then
    CARGO_TARGET_DIR="$CACHE/target-wasm" bash bindings-wasm/build.sh all
  fi
  run_suite dist bash -c "./scripts/dist.sh --profile dev --skip-wasm-build && ./scripts/dist-test.sh"
  counted dist count_dist
fi

echo
echo "niryat tests: $PASSED passed, $FAILED failed"
exit $STATUS
