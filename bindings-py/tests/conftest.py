"""Shared helpers: paths into the repository and sample shipments."""

from __future__ import annotations

import copy
import json
import pathlib
from typing import Any, Dict

import niryat
import pytest

BINDINGS = pathlib.Path(__file__).resolve().parents[1]
ROOT = BINDINGS.parent
EXAMPLES = ROOT / "examples"
CASES_DIR = ROOT / "tests" / "fixtures" / "cases"

_cache: Dict[str, Dict[str, Any]] = {}


def example(name: str) -> Dict[str, Any]:
    """A fresh copy of ``examples/NAME.json``."""
    if name not in _cache:
        _cache[name] = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    return copy.deepcopy(_cache[name])


@pytest.fixture
def lucknow() -> Dict[str, Any]:
    """A clean one-page commercial shipment by post (eBay, one line)."""
    return example("lucknow-chikankari-ebay")


@pytest.fixture
def gift() -> Dict[str, Any]:
    """A clean personal parcel (gift) that needs only a CN22/CN23."""
    return example("personal-gift")


def _pdf_missing() -> str:
    """Why the core cannot make PDFs yet ('' when it can)."""
    try:
        niryat.render_pdf(example("lucknow-chikankari-ebay"), "commercial_invoice", lang="en")
    except niryat.UnsupportedError as e:
        return str(e)
    return ""


PDF_MISSING = _pdf_missing()

needs_pdf = pytest.mark.skipif(
    bool(PDF_MISSING), reason=f"the core makes no PDF yet: {PDF_MISSING}"
)
