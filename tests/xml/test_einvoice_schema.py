"""The GST e-invoice JSON of every example, and of shipments pushed to the schema's limits,
validates against schemas/einvoice-1.1.schema.json (written from the IRP's schema 1.1)."""

import copy
import json
import pathlib

import pytest
from conftest import EXAMPLES, ROOT, render, run

jsonschema = pytest.importorskip("jsonschema")
SCHEMA = json.loads((ROOT / "schemas" / "einvoice-1.1.schema.json").read_text(encoding="utf-8"))


def einvoice_of(shipment: dict) -> dict:
    p = run(
        "render",
        "-",
        "--doc",
        "einvoice",
        "--format",
        "json",
        "-o",
        "-",
        stdin=json.dumps(shipment).encode(),
    )
    assert p.returncode == 0, p.stderr.decode()
    return json.loads(p.stdout)


def registered(example: pathlib.Path) -> bool:
    data = json.loads(example.read_text(encoding="utf-8"))
    return (
        data.get("tax", {}).get("kind") in ("igst_paid", "lut", "bond")
        and data.get("purpose", "commercial") == "commercial"
    )


@pytest.mark.parametrize("example", [e for e in EXAMPLES if registered(e)], ids=lambda p: p.stem)
def test_every_example_einvoice_fits_schema_1_1(example):
    jsonschema.validate(json.loads(render(example, "einvoice", "json")), SCHEMA)


def test_long_values_fit_or_are_refused_with_a_path():
    base = json.loads((ROOT / "examples" / "varanasi-silk-amazon.json").read_text(encoding="utf-8"))
    base["exporter"]["turnover_above_5_crore"] = True
    s = copy.deepcopy(base)
    s["exporter"]["legal_name"] = "K" * 100
    s["exporter"]["address"]["city"] = "V" * 50
    s["items"][0]["description"] = "S" * 300
    jsonschema.validate(einvoice_of(s), SCHEMA)
    # One character more, or a double quote, is an issue at the field that causes it.
    for path, value in [
        (("exporter", "legal_name"), "K" * 101),
        (("exporter", "address", "city"), "V" * 51),
        (("items", 0, "description"), 'Silk "Banarasi" saree'),
        (("exporter", "trade_name"), 'KBS "Silk"'),
    ]:
        s = copy.deepcopy(base)
        target = s
        for k in path[:-1]:
            target = target[k]
        target[path[-1]] = value
        p = run(
            "validate", "-", "--for", "einvoice", "--format", "json", stdin=json.dumps(s).encode()
        )
        report = json.loads(p.stdout)
        pointer = "/" + "/".join(str(k) for k in path)
        assert any(
            i["code"] == "einvoice_field_format" and i["path"] == pointer for i in report["issues"]
        ), report
