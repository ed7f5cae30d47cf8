"""UBL 2.1 invoice: every commercial example is valid against the official UBL 2.1 Invoice
XSD, and the EN 16931 business rules for UBL report no fatal finding. The findings of each
example are pinned here and listed in docs/xml.md."""

import re

import pytest
from conftest import EXAMPLES, documents_of, render, ubl_schema
from lxml import etree

COMMERCIAL = [e for e in EXAMPLES if "commercial_invoice" in documents_of(e)]

# What the EN 16931 UBL rules report per example (all warnings); docs/xml.md explains each.
EXPECTED_FINDINGS = {
    "lucknow-chikankari-ebay": {("warning", "UBL-CR-410")},
    "moradabad-brass-sea": {("warning", "UBL-CR-410")},
    "varanasi-silk-amazon": {("warning", "UBL-CR-410")},
}


def ubl(example) -> bytes:
    return render(example, "commercial_invoice", "xml", "ubl")


def test_every_commercial_example_is_covered():
    assert {e.stem for e in COMMERCIAL} == set(EXPECTED_FINDINGS)


@pytest.mark.parametrize("example", COMMERCIAL, ids=lambda p: p.stem)
def test_ubl_is_valid_against_the_ubl_21_xsd(example):
    schema = ubl_schema()
    doc = etree.fromstring(ubl(example))
    assert schema.validate(doc), [str(e) for e in schema.error_log]


def test_moradabad_passes_en16931_with_no_fatal_finding(en16931, tmp_path):
    example = next(e for e in COMMERCIAL if e.stem == "moradabad-brass-sea")
    findings = en16931.findings(ubl(example), tmp_path)
    fatal = [f for f in findings if f[0] == "fatal"]
    assert fatal == [], fatal


@pytest.mark.parametrize("example", COMMERCIAL, ids=lambda p: p.stem)
def test_en16931_findings_are_the_documented_ones(example, en16931, tmp_path):
    findings = en16931.findings(ubl(example), tmp_path)
    assert not [f for f in findings if f[0] == "fatal"], findings
    assert {(flag, rule) for flag, rule, _ in findings} == EXPECTED_FINDINGS[example.stem], findings


def test_the_rules_catch_a_broken_invoice(en16931, tmp_path):
    """A control: the XSLT really runs and flags a wrong total and a missing customization."""
    xml = ubl(next(e for e in COMMERCIAL if e.stem == "moradabad-brass-sea")).decode()
    wrong_total = re.sub(r'(<cbc:PayableAmount currencyID="EUR">)[^<]*', r"\g<1>1.00", xml)
    ids = {
        rule
        for flag, rule, _ in en16931.findings(wrong_total.encode(), tmp_path)
        if flag == "fatal"
    }
    assert "BR-CO-16" in ids, ids
    no_customization = re.sub(r"\s*<cbc:CustomizationID>[^<]*</cbc:CustomizationID>", "", xml)
    ids = {
        rule
        for flag, rule, _ in en16931.findings(no_customization.encode(), tmp_path)
        if flag == "fatal"
    }
    assert "BR-01" in ids, ids


def test_the_xsd_rejects_elements_out_of_order():
    xml = ubl(next(e for e in COMMERCIAL if e.stem == "moradabad-brass-sea")).decode()
    moved = xml.replace("<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>", "")
    moved = moved.replace(
        "</cbc:CustomizationID>",
        "</cbc:CustomizationID>\n  <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>",
    )
    assert not ubl_schema().validate(etree.fromstring(moved.encode()))
