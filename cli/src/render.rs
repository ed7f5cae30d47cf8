//! `niryat render`: documents from one or many shipments, in parallel on all cores.

use crate::inputs::{self, Input};
use crate::EXIT_INPUT;
use indicatif::{ProgressBar, ProgressStyle};
use niryat::names::Copies;
use niryat::render::{Flavor, Format, Lang, Layout, PdfOptions, Renderer};
use niryat::{DocKind, Shipment};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `niryat render`.
#[derive(clap::Args)]
pub struct RenderArgs {
    /// Shipment JSON files (`-` for standard input); a `.jsonl` file holds one shipment per line.
    #[arg(required = true)]
    files: Vec<String>,
    /// Document to make (see `niryat kinds`); several may be given, comma-separated.
    #[arg(long, value_delimiter = ',', conflicts_with = "all", value_parser = crate::word::<DocKind>)]
    doc: Vec<DocKind>,
    /// Make every document the shipment calls for.
    #[arg(long)]
    all: bool,
    /// Label language: en, hi or en+hi.
    #[arg(long, default_value = "en+hi", value_parser = crate::word::<Lang>)]
    lang: Lang,
    /// Copies in one PDF, 1 to 3. Default: the commercial invoice in triplicate with the Rule 48
    /// markings (original for recipient, duplicate for transporter, triplicate for supplier),
    /// other documents once; other documents' copies carry no marking.
    #[arg(long, value_parser = crate::word::<Copies>)]
    copies: Option<Copies>,
    /// CN22/CN23 layout: label (the 6 × 8 inch harmonised label) or a4 (CN23 on A4).
    #[arg(long, default_value = "label", value_parser = crate::word::<Layout>)]
    layout: Layout,
    /// Output format: pdf, xml, json or csv.
    #[arg(long, default_value = "pdf", value_parser = crate::word::<Format>)]
    format: Format,
    /// XML flavour: ubl (commercial invoice) or niryat (whole shipment).
    #[arg(long, value_parser = crate::word::<Flavor>)]
    flavor: Option<Flavor>,
    /// Output file (one document) or folder (several documents or files); `-` writes one document to standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
}

/// Runs `niryat render`.
pub fn run(args: RenderArgs) -> ExitCode {
    match run_inner(&args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("niryat: {e}");
            ExitCode::from(EXIT_INPUT)
        }
    }
}

fn run_inner(args: &RenderArgs) -> Result<ExitCode, String> {
    let (lang, format, flavor, layout) = (args.lang, args.format, args.flavor, args.layout);
    let kinds = args.doc.clone();
    if kinds.is_empty() && !args.all {
        return Err("say which document to make with --doc KIND, or --all".into());
    }
    let jobs = inputs::load(&args.files)?;
    let single = jobs.len() == 1 && kinds.len() == 1 && !args.all;
    let opts = PdfOptions { lang, copies: Copies::or_default(args.copies), layout };
    let renderer = if format == Format::Pdf { Some(Renderer::new()) } else { None };

    if single {
        let job = &jobs[0];
        let shipment = job.shipment()?;
        let bytes = match make(renderer.as_ref(), shipment, kinds[0], format, flavor, &opts) {
            Ok(b) => b,
            Err(e) => {
                report_error(&job.name, kinds[0], &e);
                return Ok(ExitCode::from(exit_for(&e)));
            }
        };
        let out = args.output.clone().unwrap_or_else(|| {
            PathBuf::from(format!("{}-{}.{}", job.name, kinds[0].name(), format.extension()))
        });
        if out.as_os_str() == "-" {
            crate::emit(&bytes);
        } else {
            write_file(&out, &bytes)?;
            eprintln!("wrote {}", out.display());
        }
        return Ok(ExitCode::SUCCESS);
    }

    let dir = args.output.clone().unwrap_or_else(|| PathBuf::from("."));
    if dir.as_os_str() == "-" {
        return Err("several documents cannot go to standard output; give a folder with -o".into());
    }
    let per_file_dirs = jobs.len() > 1;
    let bar = ProgressBar::new(jobs.len() as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} shipments {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    if !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    let results: Vec<(usize, usize)> = jobs
        .par_iter()
        .map(|job| {
            let r = render_job(
                job,
                &kinds,
                args.all,
                renderer.as_ref(),
                format,
                flavor,
                &opts,
                &dir,
                per_file_dirs,
                &bar,
            );
            bar.inc(1);
            r
        })
        .collect();
    bar.finish_and_clear();
    let written: usize = results.iter().map(|r| r.0).sum();
    let failed: usize = results.iter().map(|r| r.1).sum();
    eprintln!("{written} document(s) written to {}, {failed} failed", dir.display());
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

#[allow(clippy::too_many_arguments)]
fn render_job(
    job: &Input,
    kinds: &[DocKind],
    all: bool,
    renderer: Option<&Renderer>,
    format: Format,
    flavor: Option<Flavor>,
    opts: &PdfOptions,
    dir: &Path,
    per_file_dirs: bool,
    bar: &ProgressBar,
) -> (usize, usize) {
    let shipment = match job.shipment() {
        Ok(s) => s,
        Err(e) => {
            bar.suspend(|| eprintln!("niryat: {e}"));
            return (0, 1);
        }
    };
    let kinds: Vec<DocKind> = if all {
        DocKind::for_shipment(shipment)
            .into_iter()
            .filter(|k| niryat::render::formats_for(*k).contains(&format))
            .collect()
    } else {
        kinds.to_vec()
    };
    let out_dir = if per_file_dirs { dir.join(&job.name) } else { dir.to_path_buf() };
    let (mut ok, mut failed) = (0, 0);
    for kind in kinds {
        match make(renderer, shipment, kind, format, flavor, opts) {
            Ok(bytes) => {
                let path = out_dir.join(format!("{}.{}", kind.name(), format.extension()));
                match write_file(&path, &bytes) {
                    Ok(()) => ok += 1,
                    Err(e) => {
                        bar.suspend(|| eprintln!("niryat: {e}"));
                        failed += 1;
                    }
                }
            }
            Err(e) => {
                bar.suspend(|| report_error(&job.name, kind, &e));
                failed += 1;
            }
        }
    }
    (ok, failed)
}

/// One document: the renderer's [`Renderer::make`] when one was built (PDF), else the text
/// formats, which need no fonts or typst.
fn make(
    renderer: Option<&Renderer>,
    s: &Shipment,
    kind: DocKind,
    format: Format,
    flavor: Option<Flavor>,
    opts: &PdfOptions,
) -> Result<Vec<u8>, niryat::Error> {
    match renderer {
        Some(r) => r.make(s, kind, format, flavor, opts),
        None => niryat::render::render_text(s, kind, format, flavor).map(String::into_bytes),
    }
}

fn exit_for(e: &niryat::Error) -> u8 {
    match e {
        niryat::Error::Invalid(_) => 1,
        _ => EXIT_INPUT,
    }
}

fn report_error(name: &str, kind: DocKind, e: &niryat::Error) {
    eprintln!(
        "niryat: {name}: cannot make the {}: {}",
        kind.title(),
        match e {
            niryat::Error::Invalid(_) => "the shipment has errors".to_string(),
            other => other.to_string(),
        }
    );
    for i in e.issues() {
        let path = if i.path.is_empty() { "/" } else { &i.path };
        eprintln!("  {:<7} {path}: {} [{}]", i.severity.as_str(), i.message, i.code);
    }
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), String> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
