"""The shared cases in tests/fixtures/cases give, in Python, exactly the issues the Rust suite
expects: same codes, paths and severities, in the same order; whichever input form is used."""

from __future__ import annotations

import json
import pathlib
from typing import Any, Dict, List, Sequence, Tuple

import niryat
import pytest
from conftest import CASES_DIR

CASES = sorted(CASES_DIR.glob("*.json"))


def _expected(case: Dict[str, Any]) -> List[Tuple[str, str, str]]:
    return [(e["code"], e["path"], e["severity"]) for e in case["expect"]]


def _got(issues: Sequence[niryat.Issue]) -> List[Tuple[str, str, str]]:
    return [(i["code"], i["path"], i["severity"]) for i in issues]


def test_cases_exist() -> None:
    assert CASES, f"no shared cases in {CASES_DIR}"


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case(path: pathlib.Path) -> None:
    text = path.read_text(encoding="utf-8")
    case = json.loads(text)
    kwargs: Dict[str, Any] = {"draft": case.get("draft", False)}
    if "for" in case:
        kwargs["for_"] = case["for"]
    expected = _expected(case)

    from_dict = niryat.validate(case["shipment"], **kwargs)
    assert _got(from_dict["issues"]) == expected, case["description"]

    # JSON text (str and bytes) goes through the core's own parser: same answer, same dicts.
    shipment_json = json.dumps(case["shipment"], ensure_ascii=False)
    assert niryat.validate(shipment_json, **kwargs) == from_dict
    assert niryat.validate(shipment_json.encode("utf-8"), **kwargs) == from_dict

    assert from_dict["valid"] == all(i["severity"] != "error" for i in from_dict["issues"])
    for issue in from_dict["issues"]:
        assert set(issue) <= {"code", "path", "severity", "message", "params", "blocks"}
        assert set(issue["blocks"]) <= set(from_dict["documents"])
        assert issue["message"]
        assert _resolves(case["shipment"], issue["path"]), issue


def _resolves(doc: Any, pointer: str) -> bool:
    """RFC 6901: does ``pointer`` name a value inside ``doc``?"""
    if pointer == "":
        return True
    for raw in pointer.split("/")[1:]:
        token = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(doc, dict) and token in doc:
            doc = doc[token]
        elif isinstance(doc, list) and token.isdigit() and int(token) < len(doc):
            doc = doc[int(token)]
        else:
            return False
    return True
