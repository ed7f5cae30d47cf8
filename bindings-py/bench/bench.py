#!/usr/bin/env python3
"""How much Python adds to niryat, and how rendering scales with threads, in one run.

Times ``niryat.validate`` and ``Renderer.render_pdf`` from Python and the same core calls in
Rust (``native.rs``, built with the release profile and run from here), then renders a batch
of PDFs on a thread pool of 1 and of 2 threads. Prints a Markdown table.

Build the package with the release profile first, so both sides are optimised alike:

    NIRYAT_PY_PROFILE=release bash bindings-py/tests/run.sh      # or: pip install ./bindings-py
    python bindings-py/bench/bench.py                              # --help for options
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import platform
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Dict, List, Optional

import niryat

BENCH = pathlib.Path(__file__).resolve().parent
ROOT = BENCH.parents[1]


def median_ns(rounds: int, batch: int, call: Callable[[], object]) -> float:
    """Median over ``rounds`` of the mean time of ``batch`` calls, in nanoseconds (as native.rs)."""
    call()  # warm up
    times = []
    for _ in range(rounds):
        start = time.perf_counter_ns()
        for _ in range(batch):
            call()
        times.append((time.perf_counter_ns() - start) / batch)
    return statistics.median(times)


def native(shipment: pathlib.Path, doc: str, rounds: int, batch: int, binary: Optional[str]) -> Dict[str, Any]:
    """Runs the Rust half; builds it with cargo (release profile) unless ``binary`` is given."""
    args = [str(shipment), doc, str(rounds), str(batch)]
    if binary:
        cmd = [binary, *args]
    else:
        cmd = ["cargo", "run", "--quiet", "--release", "-p", "niryat-py", "--example", "native_bench", "--", *args]
    out = subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True).stdout
    result: Dict[str, Any] = json.loads(out)
    return result


def threads(renderer: niryat.Renderer, shipment: Dict[str, Any], doc: str, jobs: int, workers: int, rounds: int) -> float:
    """Median seconds to render ``jobs`` PDFs on a pool of ``workers`` threads."""

    def one(_: int) -> bytes:
        return renderer.render_pdf(shipment, doc)

    times = []
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(one, range(workers)))  # warm up every thread
        for _ in range(rounds):
            start = time.perf_counter()
            list(pool.map(one, range(jobs)))
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def fmt_us(ns: Optional[float]) -> str:
    return "n/a" if ns is None else f"{ns / 1000:,.1f} µs" if ns < 1e6 else f"{ns / 1e6:,.2f} ms"


def overhead(py: Optional[float], rs: Optional[float]) -> str:
    return "n/a" if py is None or not rs else f"{(py / rs - 1) * 100:+.1f} %"


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--shipment", type=pathlib.Path, default=ROOT / "examples" / "lucknow-chikankari-ebay.json")
    ap.add_argument("--doc", default="commercial_invoice")
    ap.add_argument("--rounds", type=int, default=21, help="timed rounds per figure (median taken)")
    ap.add_argument("--batch", type=int, default=2000, help="validate calls per round")
    ap.add_argument("--jobs", type=int, default=24, help="PDFs per round in the thread-pool test")
    ap.add_argument("--native", metavar="BINARY", help="a built native_bench (default: cargo run --release)")
    args = ap.parse_args(argv)

    text = args.shipment.read_bytes()
    shipment = json.loads(text)
    doc = args.doc

    rs = native(args.shipment, doc, args.rounds, args.batch, args.native)

    py_validate_dict = median_ns(args.rounds, args.batch, lambda: niryat.validate(shipment, for_=doc))
    py_validate_bytes = median_ns(args.rounds, args.batch, lambda: niryat.validate(text, for_=doc))

    renderer = niryat.Renderer()
    pdf_error = ""
    py_pdf_dict: Optional[float] = None
    py_pdf_bytes: Optional[float] = None
    t1 = t2 = None
    try:
        renderer.render_pdf(shipment, doc)
    except niryat.NiryatError as e:
        pdf_error = f"{e.code}: {e}"
    else:
        py_pdf_dict = median_ns(args.rounds, 1, lambda: renderer.render_pdf(shipment, doc))
        py_pdf_bytes = median_ns(args.rounds, 1, lambda: renderer.render_pdf(text, doc))
        t1 = threads(renderer, shipment, doc, args.jobs, 1, max(3, args.rounds // 4))
        t2 = threads(renderer, shipment, doc, args.jobs, 2, max(3, args.rounds // 4))

    rs_validate = rs.get("validate_ns")
    rs_pdf = rs.get("render_pdf_ns")
    print(f"niryat {niryat.__version__}, Python {platform.python_version()}, {os.cpu_count()} CPUs, "
          f"{args.shipment.name} ({len(text):,} bytes), doc {doc}, median of {args.rounds} rounds\n")
    print("| call | Rust | Python, dict in | Python, JSON bytes in | overhead (dict / bytes) |")
    print("| --- | --- | --- | --- | --- |")
    print(f"| validate | {fmt_us(rs_validate)} | {fmt_us(py_validate_dict)} | {fmt_us(py_validate_bytes)} | "
          f"{overhead(py_validate_dict, rs_validate)} / {overhead(py_validate_bytes, rs_validate)} |")
    print(f"| Renderer.render_pdf | {fmt_us(rs_pdf)} | {fmt_us(py_pdf_dict)} | {fmt_us(py_pdf_bytes)} | "
          f"{overhead(py_pdf_dict, rs_pdf)} / {overhead(py_pdf_bytes, rs_pdf)} |")
    if t1 is not None and t2 is not None:
        print(f"\n{args.jobs} PDFs on a thread pool: 1 thread {t1:.3f} s ({args.jobs / t1:.1f} PDF/s), "
              f"2 threads {t2:.3f} s ({args.jobs / t2:.1f} PDF/s): speed-up {t1 / t2:.2f}×")
    if pdf_error or "render_pdf_error" in rs:
        print(f"\nPDF not measured: {pdf_error or rs['render_pdf_error']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
