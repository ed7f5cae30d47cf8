"""The federation officer's batch script runs and reports its broken row."""

from __future__ import annotations

import pathlib
import subprocess
import sys

from conftest import BINDINGS, PDF_MISSING


def test_batch_example(tmp_path: pathlib.Path) -> None:
    out = tmp_path / "pdfs"
    proc = subprocess.run(
        [
            sys.executable,
            str(BINDINGS / "examples" / "batch.py"),
            "--out",
            str(out),
            "--workers",
            "2",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    text = proc.stdout
    assert "6 parcels" in text, proc.stderr
    # line 5 of parcels.csv is broken on purpose, and its issues are printed
    broken = text.split("line 5", 1)[1].split("line 6", 1)[0]
    assert "not printed" in broken
    for code in ("hs_code_length", "generic_description", "postal_weight_limit"):
        assert code in broken
    assert "/items/0/hs_code" in broken
    assert "5 of 6 parcels ready" in text
    if PDF_MISSING:
        assert proc.returncode == 1, text
        return
    assert proc.returncode == 0, text + proc.stderr
    folders = sorted(p.name for p in out.iterdir())
    assert folders == [
        "EE518802955IN",
        "EE518802964IN",
        "EE518802978IN",
        "LP402177341IN",
        "LP402177355IN",
    ]
    pdfs = list(out.rglob("*.pdf"))
    assert len(pdfs) == 25
    assert all(p.read_bytes().startswith(b"%PDF-") for p in pdfs)
    assert not (out / "LP402177369IN").exists()
