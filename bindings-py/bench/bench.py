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
import copy
import json
import os
import pathlib
import platform
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Dict, List, Optional, Tuple

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


def native(shipment: pathlib.Path, doc: str, rounds: int, batch: int, jobs: int, binary: Optional[str]) -> Dict[str, Any]:
    """Runs the Rust half; builds it with cargo (release profile) unless ``binary`` is given."""
    args = [str(shipment), doc, str(rounds), str(batch), str(jobs)]
    if binary:
        cmd = [binary, *args]
    else:
        cmd = ["cargo", "run", "--quiet", "--release", "-p", "niryat-py", "--example", "native_bench", "--", *args]
    # the same interpreter as the wheel's build, so that cargo does not rebuild pyo3 for it
    env = dict(os.environ, PYO3_PYTHON=sys.executable)
    out = subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout
    result: Dict[str, Any] = json.loads(out)
    return result


def variant(base: Dict[str, Any], number: str) -> Dict[str, Any]:
    """``base`` with invoice number ``number``. typst memoises whole compilations, so every PDF
    timed here (as in native.rs) is made from a shipment it has not seen."""
    v = copy.deepcopy(base)
    v.setdefault("invoice", {})["number"] = number
    return v


def render_each(renderer: niryat.Renderer, shipments: List[Any], doc: str) -> List[float]:
    """Nanoseconds to render each shipment, one after the other."""
    times: List[float] = []
    for s in shipments:
        start = time.perf_counter_ns()
        renderer.render_pdf(s, doc)
        times.append(time.perf_counter_ns() - start)
    return times


def pool(renderer: niryat.Renderer, shipments: List[Dict[str, Any]], doc: str, workers: int) -> Tuple[float, float]:
    """Wall-clock seconds to render every shipment on a pool of ``workers`` threads, and the
    cores kept busy meanwhile (process CPU time / wall time: typst may use threads of its own)."""
    with ThreadPoolExecutor(max_workers=workers) as executor:
        list(executor.map(lambda _: None, range(workers)))  # threads started before the clock
        start, cpu = time.perf_counter(), time.process_time()
        list(executor.map(lambda s: renderer.render_pdf(s, doc), shipments))
        wall = time.perf_counter() - start
        return wall, (time.process_time() - cpu) / wall


def fmt_us(ns: Optional[float]) -> str:
    return "n/a" if ns is None else f"{ns / 1000:,.1f} µs" if ns < 1e6 else f"{ns / 1e6:,.2f} ms"


def overhead(py: Optional[float], rs: Optional[float]) -> str:
    return "n/a" if py is None or not rs else f"{(py / rs - 1) * 100:+.1f} %"


def rate(jobs: int, seconds: Optional[float]) -> str:
    return "n/a" if not seconds else f"{seconds:.2f} s ({jobs / seconds:.1f} PDF/s)"


def speedup(one: Optional[float], two: Optional[float]) -> str:
    return "n/a" if not one or not two else f"{one / two:.2f}×"


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--shipment", type=pathlib.Path, default=ROOT / "examples" / "lucknow-chikankari-ebay.json")
    ap.add_argument("--doc", default="commercial_invoice")
    ap.add_argument("--rounds", type=int, default=21, help="timed rounds (validate) or PDFs (render_pdf) per figure; median taken")
    ap.add_argument("--batch", type=int, default=2000, help="validate calls per round")
    ap.add_argument("--jobs", type=int, default=24, help="PDFs in the thread-pool test")
    ap.add_argument("--native", metavar="BINARY", help="a built native_bench (default: cargo run --release)")
    args = ap.parse_args(argv)

    text = args.shipment.read_bytes()
    shipment = json.loads(text)
    doc = args.doc

    rs = native(args.shipment, doc, args.rounds, args.batch, args.jobs, args.native)

    py_validate_dict = median_ns(args.rounds, args.batch, lambda: niryat.validate(shipment, for_=doc))
    py_validate_bytes = median_ns(args.rounds, args.batch, lambda: niryat.validate(text, for_=doc))

    renderer = niryat.Renderer()
    pdf_error = ""
    py_pdf_dict: Optional[float] = None
    py_pdf_bytes: Optional[float] = None
    t1: Optional[Tuple[float, float]] = None
    t2: Optional[Tuple[float, float]] = None
    try:
        renderer.render_pdf(variant(shipment, "PW-000000"), doc)
    except niryat.NiryatError as e:
        pdf_error = f"{e.code}: {e}"
    else:
        n = range(args.rounds)
        py_pdf_dict = statistics.median(render_each(renderer, [variant(shipment, f"PD-{r:06}") for r in n], doc))
        as_bytes = [json.dumps(variant(shipment, f"PB-{r:06}"), separators=(",", ":")).encode() for r in n]
        py_pdf_bytes = statistics.median(render_each(renderer, as_bytes, doc))
        t1 = pool(renderer, [variant(shipment, f"P1-{j:06}") for j in range(args.jobs)], doc, 1)
        t2 = pool(renderer, [variant(shipment, f"P2-{j:06}") for j in range(args.jobs)], doc, 2)

    rs_validate = rs.get("validate_ns")
    rs_pdf = rs.get("render_pdf_ns")
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    print(f"niryat {niryat.__version__}, Python {platform.python_version()}, {os.cpu_count()} CPUs "
          f"(load average {load} at the end), {args.shipment.name} ({len(text):,} bytes), doc {doc}, "
          f"median of {args.rounds} rounds\n")
    print("| call | Rust | Python, dict in | Python, JSON bytes in | overhead (dict / bytes) |")
    print("| --- | --- | --- | --- | --- |")
    print(f"| validate | {fmt_us(rs_validate)} | {fmt_us(py_validate_dict)} | {fmt_us(py_validate_bytes)} | "
          f"{overhead(py_validate_dict, rs_validate)} / {overhead(py_validate_bytes, rs_validate)} |")
    print(f"| Renderer.render_pdf | {fmt_us(rs_pdf)} | {fmt_us(py_pdf_dict)} | {fmt_us(py_pdf_bytes)} | "
          f"{overhead(py_pdf_dict, rs_pdf)} / {overhead(py_pdf_bytes, rs_pdf)} |")
    if t1 is not None and t2 is not None:
        print(f"\n{args.jobs} PDFs, one Renderer shared by the threads:\n")
        print("| threads | Rust | Python (thread pool) | cores busy (Python) |")
        print("| --- | --- | --- | --- |")
        r1, r2 = rs.get("pool_1_s"), rs.get("pool_2_s")
        print(f"| 1 | {rate(args.jobs, r1)} | {rate(args.jobs, t1[0])} | {t1[1]:.2f} |")
        print(f"| 2 | {rate(args.jobs, r2)} | {rate(args.jobs, t2[0])} | {t2[1]:.2f} |")
        print(f"| speed-up | {speedup(r1, r2)} | {speedup(t1[0], t2[0])} | |")
    if pdf_error or "render_pdf_error" in rs:
        print(f"\nPDF not measured: {pdf_error or rs['render_pdf_error']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
