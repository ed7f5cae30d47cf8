"""The reports and the order import on examples/month and examples/orders: the same results
as the CLI, issues in English or Hindi, and the errors of bad arguments."""

from __future__ import annotations

import datetime
import json
from typing import Any, Dict, List

import niryat
import pytest
from conftest import EXAMPLES

MONTH = sorted((EXAMPLES / "month").glob("*.json"))
ORDERS = EXAMPLES / "orders"


def month() -> List[Dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in MONTH]


def names() -> List[str]:
    return [p.name for p in MONTH]


def orders_text(name: str) -> str:
    return (ORDERS / name).read_text(encoding="utf-8")


def test_gstr1_gives_the_offline_tool_json_and_the_pending_bill() -> None:
    r = niryat.report_gstr1(month(), "2026-03", names=names())
    report = r["report"]
    assert isinstance(report, dict)
    assert report["fp"] == "032026" and report["gstin"] == "09AAKAK5123M1Z9"
    invoices = [inv["inum"] for group in report["exp"] for inv in group["inv"]]
    assert sorted(invoices) == ["KBSHG/2526/101", "KBSHG/2526/102", "KBSHG/2526/103"]
    # 2 x 145 + 2 x 38 + 24 freight = 390 GBP at 111.30 = 43,407 INR (core/tests/reports.rs).
    first = report["exp"][0]["inv"][0]
    assert first["inum"] == "KBSHG/2526/101" and first["val"] == 43407
    assert r["has_errors"] is False
    pending = [i for i in r["issues"] if i["code"] == "export_declaration_pending"]
    assert [i["file"] for i in pending] == ["2026-03-12-kbshg-102.json"]
    assert pending[0]["severity"] == "warning"
    assert pending[0]["params"]["number"] == "KBSHG/2526/102"


def test_gstr1_csv_and_json_text_inputs_and_default_names() -> None:
    texts = [p.read_text(encoding="utf-8") for p in MONTH]
    r = niryat.report_gstr1(texts, "2026-03", format="csv")
    csv = r["report"]
    assert isinstance(csv, str)
    lines = csv.split("\r\n")
    assert lines[0].startswith("Export Type,Invoice Number,Invoice date")
    assert lines[1].startswith("EXPWP,KBSHG/2526/101,04-03-2026,43407.00,INVNS5,")
    # Without names the shipments are "1", "2" … in the order given (102 is the third).
    assert [i["file"] for i in r["issues"]] == ["3"]


def test_a_duplicate_invoice_number_is_an_error_naming_both() -> None:
    shipments = month()
    copy = json.loads(json.dumps(shipments[1]))
    shipments.append(copy)
    r = niryat.report_gstr1(shipments, "2026-03", names=[*names(), "copy.json"])
    assert r["has_errors"] is True
    dup = [i for i in r["issues"] if i["code"] == "invoice_number_duplicate"]
    assert len(dup) == 1 and dup[0]["path"] == "/invoice/number"
    assert "2026-03-04-kbshg-101.json" in dup[0]["message"] and "copy.json" in dup[0]["message"]
    hi = niryat.report_gstr1(shipments, "2026-03", names=[*names(), "copy.json"], lang="hi")
    dup_hi = [i for i in hi["issues"] if i["code"] == "invoice_number_duplicate"][0]
    assert dup_hi["message"] == (
        "बीजक संख्या KBSHG/2526/101 वित्तीय वर्ष 2025-26 में 2026-03-04-kbshg-101.json और "
        "copy.json दोनों में प्रयुक्त है: वर्ष के हर बीजक की अपनी संख्या होनी चाहिए"
    )
    # Only the messages change with the language.
    assert hi["report"] == r["report"]
    assert [(i["code"], i["file"], i["path"]) for i in hi["issues"]] == [
        (i["code"], i["file"], i["path"]) for i in r["issues"]
    ]
    both = niryat.report_gstr1(shipments, "2026-03", names=[*names(), "copy.json"], lang="en+hi")
    dup_both = [i for i in both["issues"] if i["code"] == "invoice_number_duplicate"][0]
    assert dup_both["message"] == f"{dup[0]['message']} / {dup_hi['message']}"


def test_realisation_as_of_a_date_or_text() -> None:
    r = niryat.report_realisation(month(), datetime.date(2026, 4, 30), names=names())
    same = niryat.report_realisation(month(), "2026-04-30", names=names())
    assert r == same
    report = r["report"]
    assert isinstance(report, dict)
    assert report["as_of"] == "2026-04-30"
    rows = {row["invoice_number"]: row for row in report["rows"]}
    # Exported 21 Nov 2024: due 15 months later, 21 Feb 2026; 150 of 390 GBP received.
    assert rows["KBSHG/2425/077"]["due_date"] == "2026-02-21"
    assert rows["KBSHG/2425/077"]["status"] == "overdue"
    assert rows["KBSHG/2526/102"]["status"] == "part_realised"
    csv = niryat.report_realisation(month(), "2026-04-30", format="csv")["report"]
    assert isinstance(csv, str) and ",overdue," in csv


def test_realisation_issues_in_hindi() -> None:
    r = niryat.report_realisation([{}], "2026-04-30", names=["empty.json"], lang="hi")
    report = r["report"]
    assert isinstance(report, dict)
    # A shipment without invoice: not listed, and said so in the report's own issues too.
    assert report["rows"] == [] and report["issues"] == r["issues"]
    assert r["issues"][0]["message"] == (
        "बीजक संख्या या दिनांक नहीं दिया गया है: बीजक सूची में नहीं रखा जा सकता"
    )
    assert r["has_errors"] is True


def test_bad_report_arguments() -> None:
    with pytest.raises(ValueError, match="YYYY-MM"):
        niryat.report_gstr1(month(), "March 2026")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        niryat.report_realisation(month(), "30/04/2026")
    with pytest.raises(ValueError, match="csv"):
        niryat.report_gstr1(month(), "2026-03", format="xlsx")
    with pytest.raises(ValueError, match="one name per shipment"):
        niryat.report_gstr1(month(), "2026-03", names=["a.json"])
    with pytest.raises(TypeError):
        niryat.report_gstr1(month()[0], "2026-03")  # type: ignore[arg-type]
    with pytest.raises(niryat.UnsupportedError):
        niryat.report_gstr1(month(), "2026-03", lang="fr")
    with pytest.raises(niryat.MalformedInput) as e:
        niryat.report_gstr1([{}, {"colour": "red"}], "2026-03", names=["a.json", "b.json"])
    assert e.value.path == "/colour" and "b.json" in str(e.value)
    with pytest.raises(niryat.MalformedInput) as hi:
        niryat.report_gstr1([{}, {"purpose": "gift"}], "2026-03", names=["a", "b.json"], lang="hi")
    assert hi.value.path == "/purpose"
    assert "प्रेषण b.json: अज्ञात शब्द `gift`: `commercial`, `personal` में से एक" in str(hi.value)


def test_import_orders_gives_drafts_that_say_what_to_fill_in() -> None:
    exporter = json.loads(orders_text("exporter.json"))
    r = niryat.import_orders(
        orders_text("amazon-order-report.txt"),
        "amazon",
        exporter,
        catalogue=orders_text("skus.csv"),
    )
    assert r["ok"] is True and r["issues"] == []
    assert [o["order_id"] for o in r["orders"]] == ["204-7719023-5531147", "111-2233445-6677889"]
    first = r["orders"][0]
    assert first["shipment"]["consignee"]["name"] == "Priya Sharma"
    assert first["shipment"]["items"][0]["hs_code"]  # from the catalogue
    # The draft is a shipment niryat reads; its check is validate's in draft mode.
    assert niryat.validate(first["shipment"], draft=True)["valid"] is True
    assert all(i["severity"] == "warning" for i in first["check"]["issues"])
    # The eBay CSV, the exporter given as JSON text.
    ebay = niryat.import_orders(
        orders_text("ebay-orders.csv"), "ebay", orders_text("exporter.json")
    )
    assert ebay["ok"] is True and len(ebay["orders"]) == 2


def test_import_orders_errors_and_warnings_in_hindi() -> None:
    exporter = orders_text("exporter.json")
    bad = orders_text("amazon-order-report.txt").replace("ship-city", "city")
    r = niryat.import_orders(bad, "amazon", exporter, lang="hi")
    assert r["ok"] is False and r["orders"] == []
    assert [i["code"] for i in r["issues"]] == ["order_report_columns"] * 2
    assert r["issues"][1]["message"] == 'Amazon ऑर्डर रिपोर्ट में ये कॉलम नहीं हैं: "ship-city"'
    skus = "\n".join(
        line for line in orders_text("skus.csv").splitlines() if "KBS-STOLE-TEAL-02" not in line
    )
    w = niryat.import_orders(
        orders_text("amazon-order-report.txt"), "amazon", exporter, catalogue=skus
    )
    assert w["ok"] is True
    assert {i["code"] for i in w["issues"]} == {"sku_not_in_catalogue"}
    assert w["issues"][0]["line"] == 3 and w["issues"][0]["column"] == "sku"
    assert w["issues"][0]["message"].startswith("order 204-7719023-5531147: SKU KBS-STOLE-TEAL-02")
    w_hi = niryat.import_orders(
        orders_text("amazon-order-report.txt"), "amazon", exporter, catalogue=skus, lang="hi"
    )
    assert "कैटलॉग में नहीं है" in w_hi["issues"][0]["message"]
    checks = [i["message"] for o in w_hi["orders"] for i in o["check"]["issues"]]
    assert checks and all(any("\u0900" <= c <= "\u097f" for c in m) for m in checks)
    broken = niryat.import_orders(
        orders_text("amazon-order-report.txt"), "amazon", exporter, catalogue="sku,weight\n"
    )
    assert broken["ok"] is False and broken["issues"][0]["code"] == "order_report_columns"


def test_import_orders_bad_arguments() -> None:
    with pytest.raises(ValueError, match="amazon"):
        niryat.import_orders("", "etsy", {})
    with pytest.raises(niryat.MalformedInput) as e:
        niryat.import_orders("", "amazon", {"legal_name": "X", "colour": "red"})
    assert e.value.path == "/colour"
    with pytest.raises(niryat.MalformedInput) as hi:
        niryat.import_orders("", "amazon", {"legal_name": "X", "colour": "red"}, lang="hi")
    assert hi.value.path == "/colour" and "अज्ञात फ़ील्ड `colour`" in str(hi.value)
    empty = niryat.import_orders("", "ebay", {"legal_name": "X"})
    assert (
        empty["ok"] is False and empty["issues"][0]["message"] == "the eBay orders report is empty"
    )
