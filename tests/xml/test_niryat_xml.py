"""niryat XML: every example validates against schemas/niryat-shipment-1.xsd (lxml and
xmllint), and `niryat import` gives back exactly the example's JSON."""

import json
import subprocess
import time

import pytest
from conftest import (
    EXAMPLES,
    NIRYAT_NS,
    NIRYAT_XSD,
    documents_of,
    niryat_schema,
    render,
    run,
    xmllint,
)
from lxml import etree


def niryat_xml(example) -> bytes:
    return render(example, documents_of(example)[0], "xml", "niryat")


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_validates_against_the_xsd(example):
    doc = etree.fromstring(niryat_xml(example))
    assert doc.tag == f"{{{NIRYAT_NS}}}shipment"
    assert doc.get("version") == "1"
    schema = niryat_schema()
    assert schema.validate(doc), [str(e) for e in schema.error_log]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_xmllint_agrees(example, tmp_path):
    tool = xmllint()
    if tool is None:
        pytest.skip("xmllint not installed (Debian package libxml2-utils)")
    path = tmp_path / f"{example.stem}.xml"
    path.write_bytes(niryat_xml(example))
    p = subprocess.run(
        [tool, "--noout", "--nonet", "--schema", str(NIRYAT_XSD), str(path)],
        capture_output=True,
        text=True,
    )
    assert p.returncode == 0, p.stderr
    assert "validates" in p.stderr


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_import_gives_back_the_example(example, tmp_path):
    path = tmp_path / f"{example.stem}.xml"
    path.write_bytes(niryat_xml(example))
    p = run("import", str(path))
    assert p.returncode == 0, p.stderr.decode()
    assert json.loads(p.stdout) == json.loads(example.read_text(encoding="utf-8"))


def test_the_xsd_rejects_what_niryat_refuses():
    bad = [
        b'<shipment xmlns="urn:niryat:shipment:1" version="2"/>',
        b'<shipment xmlns="urn:niryat:shipment:1" version="1"><colour>red</colour></shipment>',
        b'<shipment xmlns="urn:niryat:shipment:1" version="1"><charges><freight>1e3</freight></charges></shipment>',
        b'<shipment xmlns="urn:niryat:shipment:1" version="1"><tax><lut/><bond/></tax></shipment>',
        b'<shipment xmlns="urn:niryat:shipment:1" version="1"><purpose> personal</purpose></shipment>',
    ]
    for xml in bad:
        assert not niryat_schema().validate(etree.fromstring(xml)), xml


@pytest.mark.parametrize(
    "name,xml,words",
    [
        (
            "doctype",
            b'<?xml version="1.0"?>\n<!DOCTYPE s [<!ENTITY a "b">]>\n<shipment/>',
            "DOCTYPE",
        ),
        ("namespace", b'<shipment xmlns="urn:other" version="1"/>', "namespace"),
        ("version", b'<shipment xmlns="urn:niryat:shipment:1" version="9"/>', "version"),
        (
            "unknown",
            b'<shipment xmlns="urn:niryat:shipment:1" version="1">\n<colour>red</colour>\n</shipment>',
            "unknown element",
        ),
        (
            "malformed",
            b'<shipment xmlns="urn:niryat:shipment:1" version="1"><purpose>x</shipment>',
            "not well-formed",
        ),
    ],
)
def test_import_refuses_hostile_xml_with_a_position(name, xml, words, tmp_path):
    path = tmp_path / f"{name}.xml"
    path.write_bytes(xml)
    t = time.monotonic()
    p = run("import", str(path))
    assert time.monotonic() - t < 10
    assert p.returncode != 0
    err = p.stderr.decode()
    assert words in err, err
    assert "line " in err and "column " in err, err
    assert "panicked" not in err
