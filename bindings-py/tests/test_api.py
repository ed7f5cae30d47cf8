"""Every public function and class, on real shipments."""

from __future__ import annotations

import datetime
import decimal
import json
from collections import OrderedDict
from types import MappingProxyType
from typing import Any, Dict

import niryat
import pytest
from conftest import needs_pdf


def test_exports() -> None:
    for name in niryat.__all__:
        assert hasattr(niryat, name), name
    assert isinstance(niryat.__version__, str) and niryat.__version__.count(".") == 2


def test_kinds_lists_every_document() -> None:
    kinds = niryat.kinds()
    assert kinds[:6] == ["commercial_invoice", "packing_list", "iec_details", "cn22", "cn23", "pbe"]
    assert len(set(kinds)) == len(kinds)


def test_kinds_of_a_shipment(lucknow: Dict[str, Any], gift: Dict[str, Any]) -> None:
    docs = niryat.kinds(lucknow)
    assert "commercial_invoice" in docs and "pbe" in docs
    assert set(docs) <= set(niryat.kinds())
    # a personal parcel needs no invoice and no IEC sheet
    assert "commercial_invoice" not in niryat.kinds(gift)
    assert niryat.kinds(json.dumps(gift)) == niryat.kinds(gift)


def test_validate_clean_shipment(lucknow: Dict[str, Any]) -> None:
    assert niryat.validate(lucknow) == {
        "valid": True,
        "documents": ["commercial_invoice", "packing_list", "iec_details", "cn22", "pbe"],
        "issues": [],
    }
    assert niryat.validate(lucknow)["documents"] == niryat.kinds(lucknow)


def test_validate_returns_issue_dicts(lucknow: Dict[str, Any]) -> None:
    lucknow["exporter"]["gstin"] = "09ABHPP4821K1ZC"  # wrong check character
    result = niryat.validate(lucknow)
    assert result["valid"] is False
    issues = result["issues"]
    assert [i["code"] for i in issues] == ["gstin_checksum"]
    issue = issues[0]
    assert issue["path"] == "/exporter/gstin"
    assert issue["severity"] == "error"
    # The invoice cannot be made with a wrong GSTIN (blocks lists documents checked, no others).
    assert "commercial_invoice" in issue["blocks"]
    assert set(issue["blocks"]) <= set(result["documents"])
    assert isinstance(issue["message"], str) and issue["message"]
    assert all(
        isinstance(k, str) and isinstance(v, str) for k, v in issue.get("params", {}).items()
    )


def test_validate_draft_turns_missing_fields_into_warnings() -> None:
    strict = niryat.validate({})["issues"]
    draft = niryat.validate({}, draft=True)["issues"]
    assert any(i["severity"] == "error" and i["code"] == "missing_field" for i in strict)
    missing = [i for i in draft if i["code"] == "missing_field"]
    assert missing and all(i["severity"] == "warning" for i in missing)
    assert "params" in missing[0] and missing[0]["params"]["field"]


def test_validate_for_one_kind_or_many(lucknow: Dict[str, Any]) -> None:
    del lucknow["items"][0]["hs_code"]
    for_pbe = niryat.validate(lucknow, for_="pbe")
    assert (
        for_pbe == niryat.validate(lucknow, for_=["pbe"]) == niryat.validate(lucknow, for_=("pbe",))
    )
    assert any(i["path"].startswith("/items/0") for i in for_pbe["issues"])
    assert for_pbe["documents"] == ["pbe"]
    assert niryat.validate(lucknow, for_=iter(["pbe", "cn22"])) == niryat.validate(
        lucknow, for_=["pbe", "cn22"]
    )
    # for_=None means the documents the shipment calls for
    assert niryat.validate(lucknow) == niryat.validate(lucknow, for_=niryat.kinds(lucknow))


def test_validate_accepts_json_text(lucknow: Dict[str, Any]) -> None:
    text = json.dumps(lucknow)
    assert (
        niryat.validate(text)
        == niryat.validate(text.encode())
        == niryat.validate(bytearray(text.encode()))
    )
    assert niryat.validate(text)["issues"] == []


def test_validate_accepts_python_values(lucknow: Dict[str, Any]) -> None:
    item = lucknow["items"][0]
    item["unit_price"] = decimal.Decimal("68.00")
    item["amount"] = 68  # int
    item["net_weight_kg"] = 0.18  # float: read through its shortest decimal form
    lucknow["invoice"]["date"] = datetime.date(2026, 11, 20)
    lucknow["items"] = tuple(lucknow["items"])
    lucknow["terms"] = MappingProxyType(lucknow["terms"])
    lucknow["consignee"] = OrderedDict(lucknow["consignee"])
    assert niryat.validate(lucknow)["issues"] == []


def test_decimal_is_read_as_a_number(lucknow: Dict[str, Any]) -> None:
    lucknow["items"][0]["unit_price"] = decimal.Decimal("68.000")
    assert niryat.validate(lucknow)["valid"]
    lucknow["items"][0]["unit_price"] = decimal.Decimal("68.01")
    codes = [i["code"] for i in niryat.validate(lucknow)["issues"]]
    assert "line_amount_mismatch" in codes


def test_schema_is_a_json_schema() -> None:
    schema = niryat.schema()
    assert isinstance(schema, dict)
    assert "properties" in schema and "items" in schema["properties"]
    assert schema.get("additionalProperties") is False
    json.dumps(schema)  # plain data


def test_render_text_xml(lucknow: Dict[str, Any]) -> None:
    ubl = niryat.render(lucknow, "commercial_invoice", format="xml", flavor="ubl")
    # Without a format each document is written in its own text format, as in JavaScript.
    assert niryat.render(lucknow, "pbe").startswith(
        niryat.render(lucknow, "pbe", format="csv")[:20]
    )
    assert niryat.render(lucknow, "commercial_invoice") == niryat.render(
        lucknow, "commercial_invoice", format="xml"
    )
    assert isinstance(ubl, str) and ubl.startswith("<?xml")
    assert "NCK/2627/014" in ubl
    assert niryat.render(lucknow, "commercial_invoice") == ubl  # xml is the default format
    own = niryat.render(json.dumps(lucknow), "commercial_invoice", flavor="niryat")
    assert own.startswith("<?xml") and own != ubl


def test_render_text_refuses_invalid_shipment(lucknow: Dict[str, Any]) -> None:
    del lucknow["exporter"]
    with pytest.raises(niryat.InvalidShipment) as info:
        niryat.render(lucknow, "commercial_invoice")
    assert any(i["code"] == "missing_field" for i in info.value.issues)


def test_render_unsupported_combination(lucknow: Dict[str, Any]) -> None:
    with pytest.raises(niryat.UnsupportedError) as info:
        niryat.render(lucknow, "packing_list", format="xml", flavor="ubl")
    assert info.value.code == "unsupported"


@needs_pdf
def test_render_pdf(lucknow: Dict[str, Any]) -> None:
    pdf = niryat.render_pdf(lucknow, "commercial_invoice")
    assert isinstance(pdf, bytes) and pdf.startswith(b"%PDF-")
    assert niryat.render_pdf(lucknow, "commercial_invoice") == pdf  # deterministic
    assert niryat.render_pdf(json.dumps(lucknow), "commercial_invoice") == pdf
    english = niryat.render_pdf(lucknow, "commercial_invoice", lang="en")
    assert english.startswith(b"%PDF-") and english != pdf
    # The invoice comes in triplicate (Rule 48) unless fewer copies are asked for.
    one = niryat.render_pdf(lucknow, "commercial_invoice", copies=1)
    assert len(one) < len(pdf)
    assert niryat.render_pdf(lucknow, "commercial_invoice", copies=3) == pdf


def test_einvoice_from_irp() -> None:
    data = {
        "AckNo": 182610000457118,
        "AckDt": "2026-11-10 11:42:00",
        "Irn": "ab" * 32,
        "SignedQRCode": "e30.e30.c2ln",
    }
    reg = niryat.einvoice_from_irp(json.dumps({"Status": 1, "Data": json.dumps(data)}))
    assert reg == {
        "irn": "ab" * 32,
        "ack_no": "182610000457118",
        "ack_date": "2026-11-10",
        "signed_qr": "e30.e30.c2ln",
    }
    try:
        niryat.einvoice_from_irp('{"Status": 0}')
    except niryat.MalformedInput as e:
        assert e.code == "malformed_input"
    else:
        raise AssertionError("a response without an IRN is refused")


@needs_pdf
def test_renderer_object(lucknow: Dict[str, Any]) -> None:
    renderer = niryat.Renderer()
    assert repr(renderer) == "niryat.Renderer()"
    for doc in niryat.kinds(lucknow):
        pdf = renderer.render_pdf(lucknow, doc, lang="en+hi", copies=1)
        assert pdf.startswith(b"%PDF-"), doc
        assert pdf == niryat.render_pdf(lucknow, doc, lang="en+hi", copies=1)


def test_renderer_errors_like_the_function(lucknow: Dict[str, Any]) -> None:
    renderer = niryat.Renderer()
    with pytest.raises(niryat.UnsupportedError):
        renderer.render_pdf(lucknow, "cn99")
    with pytest.raises(niryat.InvalidShipment):
        renderer.render_pdf({}, "commercial_invoice")
    with pytest.raises(niryat.MalformedInput):
        renderer.render_pdf({"bogus": 1}, "commercial_invoice")


def test_render_pdf_refuses_invalid_shipment(lucknow: Dict[str, Any]) -> None:
    lucknow["exporter"]["gstin"] = "09ABHPP4821K1ZC"
    with pytest.raises(niryat.InvalidShipment) as info:
        niryat.render_pdf(lucknow, "commercial_invoice")
    assert [i["code"] for i in info.value.issues if i["severity"] == "error"] == ["gstin_checksum"]
    checked = niryat.validate(lucknow, for_="commercial_invoice")["issues"]
    assert info.value.issues == [{k: v for k, v in i.items() if k != "blocks"} for i in checked]


def test_validate_in_hindi_changes_only_the_messages(lucknow: Dict[str, Any]) -> None:
    lucknow["exporter"]["gstin"] = "09ABHPP4821K1ZC"
    en = niryat.validate(lucknow)
    hi = niryat.validate(lucknow, lang="hi")
    both = niryat.validate(lucknow, lang="en+hi")
    strip = [{k: v for k, v in i.items() if k != "message"} for i in en["issues"]]
    assert strip == [{k: v for k, v in i.items() if k != "message"} for i in hi["issues"]]
    assert hi["valid"] == en["valid"] and hi["documents"] == en["documents"]
    message = hi["issues"][0]["message"]
    assert any("\u0900" <= ch <= "\u097f" for ch in message), message
    assert both["issues"][0]["message"].startswith(en["issues"][0]["message"])
    with pytest.raises(niryat.UnsupportedError, match="unknown label language"):
        niryat.validate(lucknow, lang="fr")


def test_malformed_input_in_hindi_keeps_its_path() -> None:
    with pytest.raises(niryat.MalformedInput) as hi:
        niryat.validate({"packages": [{"number": "5"}]}, lang="hi")
    assert hi.value.path == "/packages/0/number"
    assert 'गलत प्रकार (स्ट्रिंग "5"): 0 से 4294967295 तक की पूर्ण संख्या चाहिए' in str(hi.value)
    with pytest.raises(niryat.MalformedInput) as en:
        niryat.validate('{"purpose": "gift"}')
    assert "unknown variant `gift`, expected `commercial` or `personal`" in str(en.value)
    assert (en.value.line, en.value.column) == (1, 18)
