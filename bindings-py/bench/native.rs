//! Native half of `bench.py`: times the core calls behind `niryat.validate` and
//! `Renderer.render_pdf` in Rust, so the cost of Python can be read off one run.
//!
//! Usage: `native_bench SHIPMENT.json DOC ROUNDS BATCH JOBS` — prints one JSON object: the
//! median wall-clock and CPU nanoseconds per call over ROUNDS rounds (BATCH calls a round for
//! validation, one for a PDF), and the seconds to render JOBS PDFs on 1 and on 2 threads.
//!
//! Every PDF is rendered from a shipment with its own invoice number: typst memoises whole
//! compilations, and rendering the same input twice would time a cache hit.

use cpu_time::ProcessTime;
use niryat::render::{Lang, PdfOptions, Renderer};
use niryat::{DocKind, Mode};
use std::time::Instant;

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

/// Median (wall, CPU) nanoseconds per call of `f` over `rounds` rounds of `batch` calls;
/// `f` gets the call's number.
fn time_calls(rounds: usize, batch: usize, mut f: impl FnMut(usize)) -> (f64, f64) {
    let (mut wall, mut cpu) = (Vec::new(), Vec::new());
    for r in 0..rounds {
        let (w, c) = (Instant::now(), ProcessTime::now());
        for b in 0..batch {
            f(r * batch + b);
        }
        cpu.push(c.elapsed().as_nanos() as f64 / batch as f64);
        wall.push(w.elapsed().as_nanos() as f64 / batch as f64);
    }
    (median(wall), median(cpu))
}

/// The shipment's JSON with invoice number `number` (same length as bench.py's, so the
/// documents are alike).
fn variant(base: &serde_json::Value, number: &str) -> Vec<u8> {
    let mut v = base.clone();
    if let Some(inv) = v.get_mut("invoice").and_then(serde_json::Value::as_object_mut) {
        inv.insert("number".into(), number.into());
    }
    serde_json::to_vec(&v).unwrap_or_default()
}

fn render(
    renderer: &Renderer,
    bytes: &[u8],
    kind: DocKind,
    opts: &PdfOptions,
) -> Result<Vec<u8>, niryat::Error> {
    let s = niryat::parse_json(bytes)?;
    renderer.render(&s, kind, opts)
}

/// Seconds to render every shipment of `jobs` on `threads` threads sharing one renderer.
fn pool(
    renderer: &Renderer,
    jobs: &[Vec<u8>],
    kind: DocKind,
    opts: &PdfOptions,
    threads: usize,
) -> f64 {
    let start = Instant::now();
    std::thread::scope(|scope| {
        for t in 0..threads {
            scope.spawn(move || {
                for job in jobs.iter().skip(t).step_by(threads) {
                    std::hint::black_box(render(renderer, job, kind, opts)).ok();
                }
            });
        }
    });
    start.elapsed().as_secs_f64()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, path, doc, rounds, batch, jobs] = args.as_slice() else {
        return Err("usage: native_bench SHIPMENT.json DOC ROUNDS BATCH JOBS".into());
    };
    let bytes = std::fs::read(path)?;
    let base: serde_json::Value = serde_json::from_slice(&bytes)?;
    let kind = DocKind::from_name(doc).ok_or("unknown document kind")?;
    let rounds: usize = rounds.parse()?;
    let batch: usize = batch.parse()?;
    let jobs: usize = jobs.parse()?;

    let validate_once = || {
        let report =
            niryat::parse_json(&bytes).map(|s| niryat::validate(&s, &[kind], Mode::Strict));
        std::hint::black_box(report).ok();
    };
    validate_once();
    let (validate_ns, validate_cpu_ns) = time_calls(rounds, batch, |_| validate_once());

    let renderer = Renderer::new();
    let opts = PdfOptions { lang: Lang::EnHi, copies: 1, ..PdfOptions::default() };
    if let Err(e) = render(&renderer, &variant(&base, "RW-000000"), kind, &opts) {
        println!(
            "{{\"validate_ns\": {validate_ns:.0}, \"validate_cpu_ns\": {validate_cpu_ns:.0}, \"render_pdf_error\": {:?}}}",
            e.to_string()
        );
        return Ok(());
    }
    let singles: Vec<Vec<u8>> =
        (0..rounds).map(|r| variant(&base, &format!("RS-{r:06}"))).collect();
    let (render_pdf_ns, render_pdf_cpu_ns) = time_calls(rounds, 1, |i| {
        std::hint::black_box(render(&renderer, &singles[i], kind, &opts)).ok();
    });
    let one: Vec<Vec<u8>> = (0..jobs).map(|j| variant(&base, &format!("R1-{j:06}"))).collect();
    let two: Vec<Vec<u8>> = (0..jobs).map(|j| variant(&base, &format!("R2-{j:06}"))).collect();
    let t1 = pool(&renderer, &one, kind, &opts, 1);
    let t2 = pool(&renderer, &two, kind, &opts, 2);
    println!(
        "{{\"validate_ns\": {validate_ns:.0}, \"validate_cpu_ns\": {validate_cpu_ns:.0}, \"render_pdf_ns\": {render_pdf_ns:.0}, \"render_pdf_cpu_ns\": {render_pdf_cpu_ns:.0}, \"jobs\": {jobs}, \"pool_1_s\": {t1:.4}, \"pool_2_s\": {t2:.4}}}"
    );
    Ok(())
}
