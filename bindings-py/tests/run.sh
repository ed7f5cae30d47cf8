#!/usr/bin/env bash
# Builds the Python package `niryat` into a virtual environment, then runs its pytest suite,
# mypy.stubtest against the built module, and mypy --strict on the example and benchmark.
# Works from a fresh clone; extra arguments go to pytest.
#
#   NIRYAT_VENV        the virtual environment (default ~/.cache/niryat/venv-py; made if missing)
#   NIRYAT_PY_PROFILE  cargo profile of the build (default dev; release for benchmarks)
#   PYTHON             the interpreter that makes the venv (default python3, 3.9 or later)
#   CARGO_TARGET_DIR   honoured, as cargo always does
set -euo pipefail

tests="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
pkg="$(dirname "$tests")"
venv="${NIRYAT_VENV:-${NIRYAT_CACHE:-$HOME/.cache/niryat}/venv-py}"
profile="${NIRYAT_PY_PROFILE:-dev}"

if [ ! -x "$venv/bin/python" ]; then
    "${PYTHON:-python3}" -m venv "$venv"
fi
py="$venv/bin/python"
# maturin's build hook runs the `maturin` executable: the venv's, found on PATH
export PATH="$venv/bin:$PATH"

echo "== niryat (Python): tools into $venv"
"$py" -m pip install --quiet --disable-pip-version-check "maturin>=1.9,<2" "pytest>=7" "mypy>=1.10"

echo "== niryat (Python): building with cargo profile '$profile'"
# --no-build-isolation: use the maturin just installed instead of fetching it again for an
# isolated build; --force-reinstall: rebuild even when the version has not changed.
MATURIN_PEP517_ARGS="--profile $profile" "$py" -m pip install --quiet --disable-pip-version-check \
    --no-build-isolation --no-deps --force-reinstall "$pkg"

echo "== niryat (Python): pytest"
(cd "$pkg" && "$py" -m pytest -q -p no:cacheprovider tests "$@")

echo "== niryat (Python): stubtest"
# from a folder without a niryat/ in it, so that the installed package is what gets checked
(cd "$tests" && "$py" -m mypy.stubtest niryat)

echo "== niryat (Python): mypy --strict on the tests, the example and the benchmark (they use the stubs)"
(cd "$tests" && "$py" -m mypy --strict --no-incremental ./*.py "$pkg/examples/batch.py" "$pkg/bench/bench.py")
