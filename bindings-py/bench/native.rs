//! Native half of `bench.py`: times the calls `niryat.validate` and `Renderer.render_pdf`
//! make, in Rust, so the Python overhead can be read off one run.
//!
//! Usage: `native_bench SHIPMENT.json DOC ROUNDS BATCH` — prints one JSON object with the
//! median nanoseconds per call of each operation over ROUNDS rounds of BATCH calls.

use niryat::render::{Lang, PdfOptions, Renderer};
use niryat::{DocKind, Mode};
use std::time::Instant;

fn median_ns(rounds: usize, batch: usize, mut f: impl FnMut()) -> f64 {
    f(); // warm up
    let mut times: Vec<f64> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..batch {
                f();
            }
            start.elapsed().as_nanos() as f64 / batch as f64
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, path, doc, rounds, batch] = args.as_slice() else {
        return Err("usage: native_bench SHIPMENT.json DOC ROUNDS BATCH".into());
    };
    let bytes = std::fs::read(path)?;
    let kind = DocKind::from_name(doc).ok_or("unknown document kind")?;
    let rounds: usize = rounds.parse()?;
    let batch: usize = batch.parse()?;

    let validate = median_ns(rounds, batch, || {
        let report = niryat::parse_json(&bytes).map(|s| niryat::validate(&s, &[kind], Mode::Strict));
        std::hint::black_box(report).ok();
    });

    let renderer = Renderer::new();
    let opts = PdfOptions { lang: Lang::EnHi, copies: 1 };
    let probe = niryat::parse_json(&bytes).map_err(|e| e.to_string())?;
    let pdf = match renderer.render(&probe, kind, &opts) {
        Ok(_) => {
            let ns = median_ns(rounds, 1, || {
                let out = niryat::parse_json(&bytes).map_err(niryat::Error::from).and_then(|s| renderer.render(&s, kind, &opts));
                std::hint::black_box(out).ok();
            });
            format!("{ns:.0}")
        }
        Err(e) => format!("null, \"render_pdf_error\": {:?}", e.to_string()),
    };
    println!("{{\"validate_ns\": {validate:.0}, \"render_pdf_ns\": {pdf}}}");
    Ok(())
}
