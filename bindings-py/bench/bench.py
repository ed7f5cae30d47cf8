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


def time_calls(rounds: int, batch: int, call: Callable[[int], object]) -> Tuple[float, float]:
    """Median (wall-clock, process CPU) nanoseconds per call over ``rounds`` rounds of ``batch``
    calls, as native.rs measures; ``call`` gets the call's number. CPU time is what another
    busy process on the machine disturbs least."""
    wall: List[float] = []
    cpu: List[float] = []
    for r in range(rounds):
        w, c = time.perf_counter_ns(), time.process_time_ns()
        for b in range(batch):
            call(r * batch + b)
        cpu.append((time.process_time_ns() - c) / batch)
        wall.append((time.perf_counter_ns() - w) / batch)
    return statistics.median(wall), statistics.median(cpu)


def native(
    shipment: pathlib.Path, doc: str, rounds: int, batch: int, jobs: int, binary: Optional[str]
) -> Dict[str, Any]:
    """Runs the Rust half; builds it with cargo (release profile) unless ``binary`` is given."""
    args = [str(shipment), doc, str(rounds), str(batch), str(jobs)]
    if binary:
        cmd = [binary, *args]
    else:
        cmd = [
            "cargo",
            "run",
            "--quiet",
            "--release",
            "-p",
            "niryat-py",
            "--example",
            "native_bench",
            "--",
            *args,
        ]
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


def pool(
    renderer: niryat.Renderer, shipments: List[Dict[str, Any]], doc: str, workers: int
) -> Tuple[float, float]:
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
    ap.add_argument(
        "--shipment", type=pathlib.Path, default=ROOT / "examples" / "lucknow-chikankari-ebay.json"
    )
    ap.add_argument("--doc", default="commercial_invoice")
    ap.add_argument(
        "--rounds",
        type=int,
        default=21,
        help="timed rounds (validate) or PDFs (render_pdf) per figure; median taken",
    )
    ap.add_argument("--batch", type=int, default=2000, help="validate calls per round")
    ap.add_argument("--jobs", type=int, default=48, help="PDFs in the thread-pool test")
    ap.add_argument(
        "--native", metavar="BINARY", help="a built native_bench (default: cargo run --release)"
    )
    args = ap.parse_args(argv)

    text = args.shipment.read_bytes()
    shipment = json.loads(text)
    doc = args.doc

    rs = native(args.shipment, doc, args.rounds, args.batch, args.jobs, args.native)

    # JSON bytes first: the same call as native.rs times, on a heap in the same state (reading
    # dicts first leaves the allocator in a state that slows later calls by up to ~15 %).
    niryat.validate(text, for_=doc)  # warm up
    py_validate_bytes = time_calls(
        args.rounds, args.batch, lambda _: niryat.validate(text, for_=doc)
    )
    py_validate_dict = time_calls(
        args.rounds, args.batch, lambda _: niryat.validate(shipment, for_=doc)
    )

    renderer = niryat.Renderer()
    pdf_error = ""
    py_pdf_dict: Optional[Tuple[float, float]] = None
    py_pdf_bytes: Optional[Tuple[float, float]] = None
    t1: Optional[Tuple[float, float]] = None
    t2: Optional[Tuple[float, float]] = None
    try:
        renderer.render_pdf(variant(shipment, "PW-000000"), doc)
    except niryat.NiryatError as e:
        pdf_error = f"{e.code}: {e}"
    else:
        n = range(args.rounds)
        as_bytes = [
            json.dumps(variant(shipment, f"PB-{r:06}"), separators=(",", ":")).encode() for r in n
        ]
        py_pdf_bytes = time_calls(args.rounds, 1, lambda i: renderer.render_pdf(as_bytes[i], doc))
        as_dicts = [variant(shipment, f"PD-{r:06}") for r in n]
        py_pdf_dict = time_calls(args.rounds, 1, lambda i: renderer.render_pdf(as_dicts[i], doc))
        t1 = pool(renderer, [variant(shipment, f"P1-{j:06}") for j in range(args.jobs)], doc, 1)
        t2 = pool(renderer, [variant(shipment, f"P2-{j:06}") for j in range(args.jobs)], doc, 2)

    load = " / ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    print(
        f"niryat {niryat.__version__}, Python {platform.python_version()}, {os.cpu_count()} CPUs "
        f"(load average {load} at the end), {args.shipment.name} ({len(text):,} bytes), doc {doc}, "
        f"median of {args.rounds} rounds\n"
    )
    print(
        "| call | clock | Rust | Python, dict in | Python, JSON bytes in | Python adds (dict / bytes) |"
    )
    print("| --- | --- | --- | --- | --- | --- |")
    rows = [
        ("validate", "validate", py_validate_dict, py_validate_bytes),
        ("Renderer.render_pdf", "render_pdf", py_pdf_dict, py_pdf_bytes),
    ]
    for label, key, dict_in, bytes_in in rows:
        for clock, index, suffix in (("wall", 0, "_ns"), ("CPU", 1, "_cpu_ns")):
            rs_ns = rs.get(key + suffix)
            d = dict_in[index] if dict_in else None
            b = bytes_in[index] if bytes_in else None
            print(
                f"| {label} | {clock} | {fmt_us(rs_ns)} | {fmt_us(d)} | {fmt_us(b)} | "
                f"{overhead(d, rs_ns)} / {overhead(b, rs_ns)} |"
            )
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
