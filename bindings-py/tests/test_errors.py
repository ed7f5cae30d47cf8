"""Every exception type: its bases, code and attributes, and that it survives pickling."""

from __future__ import annotations

import json
import pickle
from typing import Any, Callable, Dict, List, Tuple

import niryat
import pytest


def test_hierarchy() -> None:
    for cls in (
        niryat.MalformedInput,
        niryat.InvalidShipment,
        niryat.UnsupportedError,
        niryat.RenderError,
    ):
        assert issubclass(cls, niryat.NiryatError)
    for cls in (niryat.MalformedInput, niryat.InvalidShipment, niryat.UnsupportedError):
        assert issubclass(cls, ValueError)
    assert issubclass(niryat.NiryatError, Exception)
    assert not issubclass(niryat.RenderError, ValueError)
    assert niryat.MalformedInput.__module__ == "niryat"


def test_malformed_input_from_a_dict() -> None:
    with pytest.raises(niryat.MalformedInput) as info:
        niryat.validate({"items": [{"quantity": "lots"}]})
    e = info.value
    assert e.code == "malformed_input"
    assert e.path == "/items/0/quantity"
    assert e.line is None and e.column is None
    assert str(e).startswith("/items/0/quantity: ")


def test_malformed_input_from_json_text_has_line_and_column() -> None:
    text = '{\n  "items": [\n    {"quantity": true}\n  ]\n}'
    with pytest.raises(niryat.MalformedInput) as info:
        niryat.validate(text)
    e = info.value
    assert e.path == "/items/0/quantity"
    assert e.line == 3 and isinstance(e.column, int) and e.column > 0
    assert "line 3" in str(e)


def test_malformed_input_unknown_field_and_bad_syntax() -> None:
    with pytest.raises(niryat.MalformedInput) as info:
        niryat.validate({"exporter": {"legal_nam": "x"}})
    assert info.value.path == "/exporter/legal_nam"
    with pytest.raises(niryat.MalformedInput) as info:
        niryat.validate(b'{"purpose": ')
    assert info.value.line == 1


def test_invalid_shipment(lucknow: Dict[str, Any]) -> None:
    del lucknow["consignee"]
    with pytest.raises(niryat.InvalidShipment) as info:
        niryat.render(lucknow, "commercial_invoice")
    e = info.value
    assert e.code == "invalid_shipment"
    assert isinstance(e.issues, list) and e.issues
    assert all({"code", "path", "severity", "message"} <= set(i) for i in e.issues)
    assert "error" in str(e)


def test_unsupported(lucknow: Dict[str, Any]) -> None:
    cases: List[Callable[[], object]] = [
        lambda: niryat.validate(lucknow, for_="cn99"),
        lambda: niryat.validate(lucknow, for_=["pbe", "nope"]),
        lambda: niryat.render_pdf(lucknow, "invoice"),
        lambda: niryat.render_pdf(lucknow, "commercial_invoice", lang="fr"),
        lambda: niryat.render_pdf(lucknow, "commercial_invoice", copies=256),
        lambda: niryat.render_pdf(lucknow, "commercial_invoice", copies=-1),
        lambda: niryat.render_pdf(lucknow, "commercial_invoice", copies=0),
        lambda: niryat.render_pdf(lucknow, "commercial_invoice", copies=4),
        lambda: niryat.render(lucknow, "commercial_invoice", format="pdf"),
        lambda: niryat.render(lucknow, "commercial_invoice", format="docx"),
        lambda: niryat.render(lucknow, "commercial_invoice", flavor="cxml"),
        lambda: niryat.render(lucknow, "packing_list", flavor="ubl"),
    ]
    for call in cases:
        with pytest.raises(niryat.UnsupportedError) as info:
            call()
        assert info.value.code == "unsupported"
        assert str(info.value)


def test_unknown_kind_message_lists_the_kinds(lucknow: Dict[str, Any]) -> None:
    with pytest.raises(niryat.UnsupportedError, match="commercial_invoice"):
        niryat.validate(lucknow, for_="cn99")


def test_names_are_refused_with_the_librarys_words(lucknow: Dict[str, Any]) -> None:
    # The same sentences as the command line's (niryat::names).
    cases: List[Tuple[Callable[[], object], str]] = [
        (
            lambda: niryat.render_pdf(lucknow, "cn22", lang="fr"),
            'unknown label language "fr"; use en, hi or en+hi',
        ),
        (
            lambda: niryat.render_pdf(lucknow, "cn22", copies=4),
            'unknown number of copies "4"; use 1, 2 or 3',
        ),
        (
            lambda: niryat.render(lucknow, "pbe", format="docx"),
            'unknown format "docx"; use pdf, xml, json or csv',
        ),
        (
            lambda: niryat.render(lucknow, "pbe", flavor="x"),
            'unknown XML flavour "x"; use ubl or niryat',
        ),
    ]
    for call, said in cases:
        with pytest.raises(niryat.UnsupportedError) as info:
            call()
        assert str(info.value) == said


def test_wrong_argument_types_are_type_errors(lucknow: Dict[str, Any]) -> None:
    with pytest.raises(TypeError):
        niryat.render_pdf(lucknow, 5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        niryat.validate(lucknow, for_=5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        niryat.validate(lucknow, for_=["pbe", None])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        niryat.render(lucknow, "commercial_invoice", format=5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        niryat.validate(lucknow, "pbe")  # type: ignore[call-arg]  # for_ is keyword-only


def test_exceptions_can_be_built_by_hand() -> None:
    e = niryat.MalformedInput("bad", "/a", 1, 2)
    assert (e.code, e.path, e.line, e.column, str(e)) == ("malformed_input", "/a", 1, 2, "bad")
    assert niryat.InvalidShipment("x").issues == []
    assert niryat.NiryatError("boom").code == "niryat_error"
    assert niryat.NiryatError("boom", "internal_error").code == "internal_error"
    assert niryat.RenderError("r").code == "render_failed"


def test_exceptions_pickle(lucknow: Dict[str, Any]) -> None:
    raised = []
    for call in (
        lambda: niryat.validate('{"items": 5}'),
        lambda: niryat.render(dict(lucknow, consignee=None), "commercial_invoice"),
        lambda: niryat.render_pdf(lucknow, "nope"),
    ):
        with pytest.raises(niryat.NiryatError) as info:
            call()
        raised.append(info.value)
    raised += [niryat.RenderError("r"), niryat.NiryatError("n", "internal_error")]
    for e in raised:
        back = pickle.loads(pickle.dumps(e))
        assert type(back) is type(e)
        assert str(back) == str(e)
        assert vars(back) == vars(e)


def test_issues_are_plain_data(lucknow: Dict[str, Any]) -> None:
    lucknow["items"][0]["hs_code"] = "6214"
    issues = niryat.validate(lucknow)
    assert issues["issues"]
    assert json.loads(json.dumps(issues)) == issues
