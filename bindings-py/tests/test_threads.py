"""The GIL is released while niryat works, and results do not depend on the thread."""

from __future__ import annotations

import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Dict, List, Tuple

import niryat
import pytest
from conftest import example, needs_pdf

EXAMPLES = [
    "lucknow-chikankari-ebay",
    "varanasi-silk-amazon",
    "moradabad-brass-sea",
    "personal-gift",
]


def _jobs() -> List[Tuple[Dict[str, Any], str]]:
    jobs = []
    for name in EXAMPLES:
        shipment = example(name)
        jobs += [(shipment, doc) for doc in niryat.kinds(shipment)]
    return jobs


def _same_in_8_threads(work: Callable[[Tuple[Dict[str, Any], str]], Any], jobs: List[Any]) -> None:
    alone = [work(job) for job in jobs]
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(work, jobs * 4))
    assert together == alone * 4


@needs_pdf
def test_pdf_bytes_do_not_depend_on_threads() -> None:
    renderer = niryat.Renderer()
    _same_in_8_threads(lambda job: renderer.render_pdf(job[0], job[1]), _jobs())
    # the module-level function shares one renderer between threads too
    _same_in_8_threads(lambda job: niryat.render_pdf(job[0], job[1], lang="en"), _jobs()[:6])


def test_validation_does_not_depend_on_threads() -> None:
    _same_in_8_threads(lambda job: niryat.validate(job[0], for_=job[1]), _jobs())


def test_text_rendering_does_not_depend_on_threads() -> None:
    def xml(job: Tuple[Dict[str, Any], str]) -> str:
        try:
            return niryat.render(job[0], job[1], format="xml")
        except niryat.NiryatError as e:
            return f"{type(e).__name__}: {e}"

    _same_in_8_threads(xml, _jobs())


def test_renderer_created_in_many_threads() -> None:
    with ThreadPoolExecutor(max_workers=8) as pool:
        renderers = list(pool.map(lambda _: niryat.Renderer(), range(16)))
    assert len(renderers) == 16


def test_gil_is_released_while_validating() -> None:
    """While one thread validates a big shipment, another keeps running Python: the longest
    pause the second thread sees is far shorter than the call."""
    shipment = example("lucknow-chikankari-ebay")
    line = shipment["items"][0]
    shipment["items"] = [dict(line) for _ in range(10_000)]
    shipment["packages"][0]["contents"] = []
    text = json.dumps(shipment).encode()

    start = time.perf_counter()
    niryat.validate(text, for_="commercial_invoice")
    call = time.perf_counter() - start
    if call < 0.05:
        pytest.skip(f"one validation takes {call * 1000:.0f} ms here: too short to see the GIL")

    done = threading.Event()
    worst = 0.0

    def worker() -> None:
        for _ in range(3):
            niryat.validate(text, for_="commercial_invoice")
        done.set()

    t = threading.Thread(target=worker)
    last = time.perf_counter()
    t.start()
    while not done.is_set():
        time.sleep(0.001)
        now = time.perf_counter()
        worst = max(worst, now - last)
        last = now
    t.join()
    assert worst < call / 2, (
        f"Python stalled {worst * 1000:.0f} ms during a {call * 1000:.0f} ms call"
    )
