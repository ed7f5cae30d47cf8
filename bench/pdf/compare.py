#!/usr/bin/env python3
"""Compare niryat's PDF rendering with typst-py and WeasyPrint in one run, and write the
results into the pdf section of docs/benchmarks.md.

What is compared (see bench/pdf/README.md):
  * niryat: criterion medians from `cargo bench -p niryat --bench render` (warm Renderer,
    a different invoice each iteration; first render including Renderer::new()), and batch
    throughput of the release CLI on 200 shipments with 1 and 2 threads;
  * typst-py (PyPI `typst`): `typst.compile()` per call on niryat's own templates and the
    same data file (rewritten with a new invoice number before each call);
  * WeasyPrint: an equivalent HTML invoice (same boxes, table with repeating header, totals,
    GST block, signature, Noto fonts, "Page X of Y"), `write_pdf()` per call.

Usage: python3 bench/pdf/compare.py [--quick]
Needs: cargo; a venv with `typst` and `weasyprint` (see README).
"""

import argparse
import datetime
import html
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "doc-templates"
FONTS = TEMPLATES / "fonts"
DOC = ROOT / "docs" / "benchmarks.md"
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))


def run(cmd, env=None, **kw):
    print("+", " ".join(str(c) for c in cmd), file=sys.stderr)
    return subprocess.run(cmd, cwd=ROOT, env={**os.environ, **(env or {})}, check=True, **kw)


def median_ms(fn, n):
    times = []
    for i in range(n):
        t = time.perf_counter()
        fn(i)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def criterion_ms(*parts):
    est = TARGET / "criterion" / Path(*parts) / "new" / "estimates.json"
    with open(est) as f:
        return json.load(f)["median"]["point_estimate"] / 1e6


def niryat_figures(work, quick):
    run(
        ["cargo", "bench", "-p", "niryat", "--bench", "render"],
        env={"NIRYAT_BENCH_DUMP": str(work)},
    )
    args = ["cargo", "bench", "-p", "niryat", "--bench", "render", "--"]
    if quick:
        args += ["--warm-up-time", "1", "--measurement-time", "3"]
    run(args)
    return {
        "warm20": criterion_ms("invoice_20_lines_warm"),
        "warm20en": criterion_ms("invoice_20_lines_warm_en"),
        "warm1000": criterion_ms("long", "invoice_1000_lines_warm"),
        "first": criterion_ms("cold", "first_render_with_new"),
    }


def batch_figures(work, count):
    """Wall time of the release CLI rendering `count` invoices, with 1 and 2 threads."""
    # The bench profile reuses what `cargo bench` just built (it shares target/release).
    run(["cargo", "build", "--profile", "bench", "-p", "niryat-cli"])
    exe = TARGET / "release" / "niryat"
    src = json.loads((work / "shipment-20.json").read_text())
    files = work / "batch"
    files.mkdir(exist_ok=True)
    for i in range(count):
        src["invoice"]["number"] = f"MBC/BATCH/{i}"
        (files / f"s{i:04d}.json").write_text(json.dumps(src))
    inputs = sorted(str(p) for p in files.glob("*.json"))
    out = {}
    for threads in (1, 2):
        dest = work / f"out-{threads}"
        shutil.rmtree(dest, ignore_errors=True)
        t = time.perf_counter()
        subprocess.run(
            [str(exe), "render", *inputs, "--doc", "commercial_invoice", "-o", str(dest)],
            check=True,
            env={
                **os.environ,
                "RAYON_NUM_THREADS": str(threads),
                # typst recurses deeply; rayon workers get 2 MiB by default.
                "RUST_MIN_STACK": str(64 << 20),
            },
            stderr=subprocess.DEVNULL,
        )
        out[threads] = time.perf_counter() - t
    return out


def vary(payload, i):
    """Change every line's quantity and amount in place, keeping the strings' lengths."""
    for k, line in enumerate(payload["doc"]["lines"]):
        for field in ("quantity", "amount"):
            s = line[field]
            digits = [j for j, c in enumerate(s) if c.isdigit()]
            if digits:
                j = digits[len(digits) // 2]
                d = (int(s[j]) + i + k) % 10
                line[field] = s[:j] + str(d) + s[j + 1 :]


def typst_py_figures(work, n20, n1000):
    import typst

    proj = work / "typst-project"
    proj.mkdir(exist_ok=True)
    for f in TEMPLATES.glob("*.typ"):
        shutil.copy(f, proj / f.name)
    res = {"version": getattr(typst, "__version__", "?")}
    for lines, n in ((20, n20), (1000, n1000)):
        payload = json.loads((work / f"data-{lines}.json").read_text())

        def once(i, payload=payload, lines=lines):
            # Vary the invoice as niryat's bench does: a new number and a new quantity and
            # amount on every line (same lengths), so typst's memo cache cannot answer the rows.
            payload["doc"]["number"] = f"MBC/T/{lines}/{i}"
            vary(payload, i)
            (proj / "data.json").write_text(json.dumps(payload))
            pdf = typst.compile(
                str(proj / "invoice.typ"),
                root=str(proj),
                font_paths=[str(FONTS)],
                ignore_system_fonts=True,
            )
            assert pdf[:5] == b"%PDF-"

        once(-1)  # same warm-up as niryat's criterion runs get
        res[lines] = median_ms(once, n)
    return res


def invoice_html(data):
    """An HTML invoice equivalent to doc-templates/invoice.typ (English + Hindi labels)."""
    inv = data["doc"]
    e = html.escape

    def party(p):
        out = [f"<b>{e(p['name'])}</b>"] + ([e(p["business"])] if p["business"] else [])
        out += [e(a) for a in p["address"]]
        if p["phone"]:
            out.append(f"Phone / फ़ोन: {e(p['phone'])}")
        if p["email"]:
            out.append(f"E-mail / ई-मेल: {e(p['email'])}")
        return "<br>".join(out)

    def fields(fs):
        return "<br>".join(f"<span class=m>{e(f['key'])}:</span> {e(f['value'])}" for f in fs)

    rows = "".join(
        f"<tr><td>{e(ln['sl'])}</td><td>{e(ln['description'])}</td><td>{e(ln['hs_code'])}</td>"
        f"<td class=r>{e(ln['quantity'])}</td><td>{e(ln['unit'])}</td><td class=r>{e(ln['rate'])}</td>"
        f"<td class=r>{e(ln['amount'])}</td></tr>"
        for ln in inv["lines"]
    )
    totals = "".join(
        f"<tr><td colspan=6 class=r>{e(t['key'])} ({e(inv['currency'])})</td>"
        f"<td class=r>{e(t['value'])}</td></tr>"
        for t in inv["totals"]
    )
    gst = inv.get("gst") or {"rows": [], "endorsement": ""}
    gst_rows = "".join(
        f"<tr><td>{e(f['key'])}</td><td>{e(f['value'])}</td></tr>" for f in gst["rows"]
    )
    sig = inv["signature"]
    fonts = "".join(
        f"@font-face {{ font-family: '{fam}'; font-weight: {w}; src: url('file://{FONTS / f}'); }}"
        for fam, w, f in (
            ("Noto Sans", 400, "NotoSans-Regular.ttf"),
            ("Noto Sans", 700, "NotoSans-Bold.ttf"),
            ("Noto Sans Devanagari", 400, "NotoSansDevanagari-Regular.ttf"),
            ("Noto Sans Devanagari", 700, "NotoSansDevanagari-Bold.ttf"),
        )
    )
    return f"""<!doctype html><html><head><meta charset=utf-8><style>
{fonts}
@page {{ size: A4; margin: 16mm 12mm 15mm;
  @top-right {{ content: "ORIGINAL / मूल प्रति"; font: bold 8pt 'Noto Sans', 'Noto Sans Devanagari'; }}
  @bottom-left {{ content: "{e(inv["number"])}"; font-size: 7pt; }}
  @bottom-right {{ content: "Page " counter(page) " of " counter(pages); font-size: 7pt; }} }}
body {{ font: 8.5pt 'Noto Sans', 'Noto Sans Devanagari'; }}
h1 {{ text-align: center; font-size: 15pt; margin: 0 0 4pt; }}
table {{ border-collapse: collapse; width: 100%; }} td, th {{ border: 0.5pt solid #444; padding: 3pt 4pt; vertical-align: top; }}
thead {{ display: table-header-group; }} tr {{ break-inside: avoid; }} th {{ background: #eee; text-align: left; }}
.r {{ text-align: right; }} .m {{ color: #555; }} .end {{ border: 0.8pt solid #000; text-align: center; font-weight: bold; padding: 5pt; }}
</style></head><body>
<h1>COMMERCIAL INVOICE वाणिज्यिक बीजक</h1>
<table><tr><td rowspan=2><span class=m>Exporter / निर्यातक</span><br>{party(inv["exporter"])}<br>{fields(inv["exporter_ids"])}</td>
<td>{fields(inv["references"])}</td></tr>
<tr><td>Country of origin: {e(inv["origin_country"])}<br>Country of final destination: <b>{e(inv["destination_country"])}</b></td></tr>
<tr><td><span class=m>Consignee / प्रेषिती</span><br>{party(inv["consignee"])}</td><td>Buyer / क्रेता: Same as consignee / प्रेषिती के समान</td></tr>
<tr><td>{fields(inv["transport"])}</td><td>{fields(inv["terms"])}</td></tr>
<tr><td>Marks / चिह्न: {e(inv["marks"])}</td><td>Packages / पैकेज: {e(inv["packages"])}</td></tr></table>
<table style="margin-top:4pt"><thead><tr><th>Sl.<br>क्र.</th><th>Description of goods<br>माल का विवरण</th><th>HS code<br>एचएस कोड</th>
<th>Quantity<br>मात्रा</th><th>Unit<br>इकाई</th><th>Rate ({e(inv["currency"])})<br>दर</th><th>Amount ({e(inv["currency"])})<br>राशि</th></tr></thead>
<tbody>{rows}{totals}</tbody></table>
<div style="break-inside: avoid">
<p>Amount in words / राशि शब्दों में: <b>{e(inv["total_words"])}</b><br>{fields(inv["inr"])}<br>{e(inv["inr_words"])}</p>
<table>{gst_rows}</table><p class=end>{e(gst["endorsement"])}</p>
<p><b>Declaration / घोषणा</b><br>We declare that this invoice shows the actual price of the goods described and that all particulars are true and correct.
/ हम घोषणा करते हैं कि इस बीजक में वर्णित माल का वास्तविक मूल्य दर्शाया गया है तथा सभी विवरण सत्य एवं सही हैं।</p>
<p style="text-align:right">For / कृते {e(sig["for_name"])}<br><br><br>{e(sig["name"])}<br>{e(sig["designation"])}, Authorised signatory / अधिकृत हस्ताक्षरकर्ता</p>
</div></body></html>"""


def weasyprint_figures(work, n20, n1000):
    import weasyprint

    res = {"version": weasyprint.__version__}
    for lines, n in ((20, n20), (1000, n1000)):
        payload = json.loads((work / f"data-{lines}.json").read_text())
        pages = []

        def once(i, payload=payload, lines=lines, pages=pages):
            payload["doc"]["number"] = f"MBC/W/{lines}/{i}"
            vary(payload, i)
            doc = weasyprint.HTML(string=invoice_html(payload), base_url=str(work)).render()
            pages.append(len(doc.pages))
            pdf = doc.write_pdf()
            assert pdf[:5] == b"%PDF-"

        once(-1)
        res[lines] = median_ms(once, n)
        res[f"pages{lines}"] = pages[-1]
    return res


def pdf_pages(path):
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return None


def write_section(text):
    doc = DOC.read_text()
    start, end = "<!-- section: pdf -->", "<!-- end: pdf -->"
    a, b = doc.index(start) + len(start), doc.index(end)
    DOC.write_text(doc[:a] + "\n" + text.strip() + "\n" + doc[b:])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument(
        "--quick", action="store_true", help="shorter criterion runs and fewer iterations"
    )
    args = ap.parse_args()
    n20, n1000, batch = (10, 2, 60) if args.quick else (30, 3, 200)
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="niryat-pdf-bench-") as tmp:
        work = Path(tmp)
        ny = niryat_figures(work, args.quick)
        pages = {n: pdf_pages(work / f"niryat-{n}.pdf") for n in (20, 1000)}
        tp = typst_py_figures(work, n20, n1000)
        wp = weasyprint_figures(work, n20, n1000)
        bt = batch_figures(work, batch)
    load_after = os.getloadavg()[0]

    def x(a, b):
        return f"{b / a:.1f}×"

    cpu = platform.processor() or platform.machine()
    today = datetime.date.today().isoformat()
    per_page = ny["warm1000"] / pages[1000] if pages[1000] else float("nan")
    text = f"""
### PDF rendering (issue 3)

Measured {today} on this machine ({os.cpu_count()} cores, {cpu}), one run of
`python3 bench/pdf/compare.py` (criterion for niryat; medians of {n20} calls for the 20-line
and {n1000} for the 1,000-line invoice with typst-py {tp["version"]} and WeasyPrint {wp["version"]}).
Every iteration of every tool renders a different invoice (new number, new quantity and
amount on every line). typst-py compiles niryat's own templates per call, fed the JSON niryat
feeds them (`Renderer::template_input`); WeasyPrint renders an equivalent HTML invoice. All
use the same Noto fonts and English + Hindi labels.
The machine is shared: the 1-minute load average was {load_before:.1f} at the start of the run
and {load_after:.1f} at the end, so absolute times are inflated; the ratios compare tools
measured under the same load.

| case | niryat | typst-py | WeasyPrint | niryat vs typst-py | niryat vs WeasyPrint |
| --- | ---: | ---: | ---: | ---: | ---: |
| 20-line invoice ({pages[20]} page), warm | {ny["warm20"]:.2f} ms | {tp[20]:.1f} ms | {wp[20]:.1f} ms | {x(ny["warm20"], tp[20])} | {x(ny["warm20"], wp[20])} |
| 1,000-line invoice ({pages[1000]} pages niryat, {wp["pages1000"]} WeasyPrint), warm | {ny["warm1000"]:.1f} ms | {tp[1000]:.1f} ms | {wp[1000]:.1f} ms | {x(ny["warm1000"], tp[1000])} | {x(ny["warm1000"], wp[1000])} |
| 20-line invoice, English labels only, warm | {ny["warm20en"]:.2f} ms | | | | |
| first render incl. `Renderer::new()` | {ny["first"]:.1f} ms | | | | |

Cost per page: {ny["warm20"]:.2f} ms for 1 page, {per_page:.2f} ms per page over {pages[1000]} pages.
Batch (release CLI, `niryat render` on {batch} 20-line invoices, process start included):
{bt[1]:.2f} s with 1 thread, {bt[2]:.2f} s with 2 threads ({bt[1] / bt[2]:.2f}× speed-up,
{batch / bt[2]:.0f} invoices/s).

Targets of issue 3: warm 1-page median ≤ 5 ms — {"met" if ny["warm20"] <= 5 else "NOT met"};
≥ 10× typst-py — {"met" if tp[20] / ny["warm20"] >= 10 else "NOT met"} ({x(ny["warm20"], tp[20])});
≥ 100× WeasyPrint — {"met" if wp[20] / ny["warm20"] >= 100 else "NOT met"} ({x(ny["warm20"], wp[20])});
first render ≤ 50 ms — {"met" if ny["first"] <= 50 else "NOT met"}; batch uses both cores —
{"yes" if bt[1] / bt[2] >= 1.5 else "only partly"} ({bt[1] / bt[2]:.2f}×).

Reproduce: `python3 -m venv ~/.cache/niryat/venv-bench && ~/.cache/niryat/venv-bench/bin/pip install typst==0.15.0 weasyprint==70.0`,
then `~/.cache/niryat/venv-bench/bin/python bench/pdf/compare.py` (details in bench/pdf/README.md).
"""
    write_section(text)
    print(text)


if __name__ == "__main__":
    main()
