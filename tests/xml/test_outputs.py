"""The other machine-readable outputs through the CLI: GST e-invoice JSON, PBE CSV and JSON,
and clear refusals for formats a document is not made in."""

import csv
import io
import json

from conftest import EXAMPLES, render, run

BY_NAME = {e.stem: e for e in EXAMPLES}


def test_einvoice_json_of_the_igst_and_lut_examples():
    for name, sup in [
        ("varanasi-silk-amazon", "EXPWP"),
        ("lucknow-chikankari-ebay", "EXPWOP"),
        ("moradabad-brass-sea", "EXPWOP"),
    ]:
        data = json.loads(render(BY_NAME[name], "einvoice", "json"))
        assert data["Version"] == "1.1"
        assert data["TranDtls"]["SupTyp"] == sup
        assert data["BuyerDtls"]["Gstin"] == "URP"
        assert data["BuyerDtls"]["Pos"] == "96" and data["BuyerDtls"]["Stcd"] == "96"
        assert data["BuyerDtls"]["Pin"] == 999999
        assert len(data["DocDtls"]["Dt"]) == 10 and data["DocDtls"]["Dt"][2] == "/"


def test_pbe_csv_is_rfc4180_with_the_form_columns():
    raw = render(BY_NAME["varanasi-silk-amazon"], "pbe", "csv")
    assert raw.endswith(b"\r\n")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    # PBE-III of 15 January 2026: columns 1-34, Duties (33) and Cess (34) last.
    assert rows[0][0] == "Sl. No." and rows[0][-2:] == ["Duties", "Cess"]
    assert len(rows[0]) == 34
    assert all(len(r) == len(rows[0]) for r in rows)
    assert rows[1][0] == "1"
    pbe = json.loads(render(BY_NAME["varanasi-silk-amazon"], "pbe", "json"))
    assert [c["heading"] for c in pbe["columns"]] == rows[0]
    assert [list(r.values()) for r in pbe["rows"]] == rows[1:]


def test_formats_that_make_no_sense_are_refused():
    for doc, fmt, flavor, words in [
        ("commercial_invoice", "csv", None, "not made as csv"),
        ("einvoice", "xml", None, "formats offered: json"),
        ("packing_list", "xml", "ubl", "only the commercial invoice"),
    ]:
        args = [
            "render",
            str(BY_NAME["moradabad-brass-sea"]),
            "--doc",
            doc,
            "--format",
            fmt,
            "-o",
            "-",
        ]
        if flavor:
            args += ["--flavor", flavor]
        p = run(*args)
        assert p.returncode != 0
        assert words in p.stderr.decode(), p.stderr.decode()
