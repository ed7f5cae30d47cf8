#!/usr/bin/env python3
"""The day's parcels, checked and printed: what a federation officer would script.

Reads a CSV with one row per postal article (exporter profile reference, consignee, goods,
price and postage, weights, tracking number …) and the members' exporter profiles from a small JSON file, builds
one niryat shipment per row, validates it, renders every document the parcel calls for into
``OUT/<tracking number>/<document>.pdf`` on all cores, and prints what is wrong with each row.

    python bindings-py/examples/batch.py
    python bindings-py/examples/batch.py --csv today.csv --profiles members.json --out /srv/print

Exit status: 0 when every clean row got all its PDFs (rows with errors are reported, not
printed), 1 when some PDF of a clean row could not be made.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import pathlib
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

import niryat

HERE = pathlib.Path(__file__).resolve().parent


@dataclass
class Parcel:
    """One CSV row and what niryat made of it."""

    line: int
    row: Dict[str, str]
    shipment: Dict[str, Any] = field(default_factory=dict)
    issues: List[niryat.BlockingIssue] = field(default_factory=list)
    refused: Optional[str] = None  # the row is not a shipment at all (MalformedInput, bad profile)
    docs: List[str] = field(default_factory=list)
    written: List[str] = field(default_factory=list)
    failed: Dict[str, str] = field(default_factory=dict)

    @property
    def errors(self) -> List[niryat.Issue]:
        return [i for i in self.issues if i["severity"] == "error"]

    @property
    def label(self) -> str:
        r = self.row
        return f"{r.get('tracking_no') or '-':<14} {r.get('consignee_name', '')} ({r.get('country', '?')})"


def drop_empty(value: Any) -> Any:
    """Leaves out empty CSV cells (and objects left empty), so that niryat reports a missing
    field as missing rather than as an empty string."""
    if isinstance(value, dict):
        cleaned = {k: drop_empty(v) for k, v in value.items()}
        return {k: v for k, v in cleaned.items() if v not in ("", None, {}, [])}
    if isinstance(value, list):
        return [drop_empty(v) for v in value]
    return value.strip() if isinstance(value, str) else value


def build_shipment(row: Dict[str, str], book: Dict[str, Any]) -> Dict[str, Any]:
    """One parcel sent through India Post: one invoice line in one packet.

    Amounts and weights stay the strings of the CSV: niryat reads them as exact decimals."""
    profile = book["profiles"][row["sender"]]
    rates = book["rates"]
    currency = row["currency"].upper()
    shipment: Dict[str, Any] = {
        "purpose": "commercial",
        "exporter": profile["exporter"],
        "consignee": {
            "name": row["consignee_name"],
            "address": {
                "line1": row["address"],
                "city": row["city"],
                "state": row["state"],
                "postal_code": row["postal_code"],
                "country": row["country"],
            },
            "phone": row["phone"],
        },
        "destination_country": row["country"],
        "invoice": {
            "number": row["invoice_no"],
            "date": book["date"],
            "marketplace_order_id": row["order_id"],
        },
        "terms": {
            "incoterm": "DAP",
            "incoterm_place": row["city"],
            "payment": profile["payment_terms"],
        },
        "tax": profile["tax"],
        "currency": currency,
        # DAP: the price includes carriage; the postage is stated so FOB can be derived.
        "charges": {"freight": row["postage"]},
        "sdr_rate": {"inr_per_sdr": rates["inr_per_sdr"], "date": book["date"]},
        "transport": {
            "mode": "post",
            "post": profile["post"],
            "final_destination": row["city"],
            "dispatch_date": book["date"],
        },
        "items": [
            {
                "description": row["description"],
                "hs_code": row["hs_code"],
                "sku": row["sku"],
                "quantity": row["qty"],
                "unit": row["unit"],
                "unit_price": row["unit_price"],
                "origin_country": "IN",
                "net_weight_kg": row["net_kg"],
            }
        ],
        "packages": [
            {
                "number": 1,
                "kind": "packet",
                "net_weight_kg": row["net_kg"],
                "gross_weight_kg": row["gross_kg"],
                "tracking_number": row["tracking_no"],
                "contents": [{"line": 1, "quantity": row["qty"]}],
            }
        ],
        "postal": {"category": "sale_of_goods", "non_delivery": "return_to_sender"},
        "ecommerce": dict(profile["marketplace"], payment_transaction_id=row["payment_id"]),
        "signatory": profile["signatory"],
    }
    if currency != "INR" and currency in rates["inr_per_unit"]:
        shipment["exchange_rate"] = {
            "rate": rates["inr_per_unit"][currency],
            "per": 1,
            "source": rates["source"],
            "date": rates["date"],
        }
    cleaned: Dict[str, Any] = drop_empty(shipment)
    return cleaned


def check(parcel: Parcel, book: Dict[str, Any]) -> None:
    """Builds and validates one parcel's shipment; finds the documents it needs."""
    try:
        parcel.shipment = build_shipment(parcel.row, book)
    except KeyError as e:
        parcel.refused = f"no exporter profile or column {e} in the data"
        return
    try:
        parcel.issues = niryat.validate(parcel.shipment)["issues"]
        parcel.docs = niryat.kinds(parcel.shipment)
    except niryat.MalformedInput as e:
        parcel.refused = str(e)


def render_all(parcels: List[Parcel], out: pathlib.Path, workers: int) -> int:
    """Renders every document of every clean parcel on ``workers`` threads; returns the count.

    niryat releases the GIL while it renders, so the threads really run side by side."""
    renderer = niryat.Renderer()
    jobs: List[Tuple[Parcel, str]] = [
        (p, d) for p in parcels if p.refused is None and not p.errors for d in p.docs
    ]

    def one(job: Tuple[Parcel, str]) -> None:
        parcel, doc = job
        try:
            pdf = renderer.render_pdf(parcel.shipment, doc, lang="en+hi")
        except niryat.NiryatError as e:
            parcel.failed[doc] = f"{e.code}: {e}"
            return
        folder = out / parcel.row["tracking_no"]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{doc}.pdf").write_bytes(pdf)
        parcel.written.append(doc)

    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(one, jobs))
    return sum(len(p.written) for p in parcels)


def report(parcels: List[Parcel], out: pathlib.Path) -> None:
    for p in parcels:
        warnings = [i for i in p.issues if i["severity"] == "warning"]
        if p.refused is not None:
            print(f"line {p.line:<3} {p.label}\n          NOT READ: {p.refused}")
            continue
        if p.errors:
            status = f"{len(p.errors)} error(s), {len(warnings)} warning(s): not printed"
        elif p.failed:
            status = f"{len(p.written)} of {len(p.docs)} PDFs written"
        else:
            status = f"ok: {len(p.written)} PDFs ({', '.join(sorted(p.written))})"
        print(f"line {p.line:<3} {p.label:<48} {status}")
        for i in p.issues:
            print(
                f"          {i['severity']:<8} {i['path'] or '/':<28} {i['code']:<24} {i['message']}"
            )
        for doc, why in sorted(p.failed.items()):
            print(f"          no PDF   {doc:<28} {why}")


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument(
        "--csv", type=pathlib.Path, default=HERE / "parcels.csv", help="one row per postal article"
    )
    ap.add_argument(
        "--profiles",
        type=pathlib.Path,
        default=HERE / "exporters.json",
        help="exporter profiles and rates",
    )
    ap.add_argument("--out", type=pathlib.Path, default=HERE / "out", help="folder for the PDFs")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="rendering threads")
    args = ap.parse_args(argv)

    book = json.loads(args.profiles.read_text(encoding="utf-8"))
    with args.csv.open(newline="", encoding="utf-8") as f:
        # line 1 is the header, so the first parcel is on line 2, as a spreadsheet shows it
        parcels = [Parcel(line=n, row=row) for n, row in enumerate(csv.DictReader(f), start=2)]

    started = time.perf_counter()
    for parcel in parcels:
        check(parcel, book)
    written = render_all(parcels, args.out, args.workers)
    seconds = time.perf_counter() - started

    print(
        f"niryat {niryat.__version__}: {len(parcels)} parcels from {args.csv.name}, PDFs into {args.out}\n"
    )
    report(parcels, args.out)
    ready = [p for p in parcels if p.refused is None and not p.errors]
    to_fix = len(parcels) - len(ready)
    print(
        f"\n{len(ready)} of {len(parcels)} parcels ready, {written} PDFs written in {seconds:.2f} s"
        f" on {args.workers} thread(s); {to_fix} parcel(s) need fixing."
    )
    return 1 if any(p.failed for p in ready) else 0


if __name__ == "__main__":
    sys.exit(main())
