//! Layout torture: worst-case valid shipments (see `torture/gen.rs`) rendered as every document
//! in every label language; word boxes from `pdftotext -bbox` show that no two words
//! overprint, no word leaves the page or crosses a table's column line (read from the page
//! drawn by `pdftoppm`), and every text the document's view holds is printed whole.
//!
//! The default run is a small sample (about a minute), with a smaller header case.
//! `NIRYAT_TORTURE=header` runs the header case in full; `NIRYAT_TORTURE=full` runs the full
//! sweep (10,000 lines, 1,000 packages, every script, the header case); `scripts/torture.sh`
//! does that and records the figures. Needs poppler-utils (`pdftotext`, `pdftoppm`); without
//! it the PDF checks are skipped with a message.

#![allow(clippy::unwrap_used, clippy::panic)]
#![allow(clippy::disallowed_methods)] // a test runs pdftotext, reads its options from the environment, writes inputs and times itself; the library may not

#[path = "torture/gen.rs"]
mod gen;

use gen::{Base, Breaks, Script, Shape};

#[test]
fn generator_makes_valid_shipments() {
    for base in [Base::Sea, Base::Post, Base::Gift] {
        for script in [Script::Latin, Script::Devanagari, Script::Mixed] {
            let shape = Shape {
                base,
                lines: 12,
                packages: 3,
                script,
                breaks: Breaks::Words,
                max_chars: 4000,
                huge: true,
            };
            let s = gen::shipment(&shape);
            eprintln!("{base:?} {script:?}: {} lines", s.items.len());
        }
    }
}

/// Text the bundled fonts cannot draw (Arabic, CJK, emoji) is refused before rendering, at
/// the field, with `text_not_printable`: the torture's mixed scripts are printable ones, and
/// this is why.
#[test]
fn unprintable_scripts_are_refused() {
    let shape = Shape {
        base: Base::Post,
        lines: 3,
        packages: 2,
        script: Script::Mixed,
        breaks: Breaks::Words,
        max_chars: 200,
        huge: false,
    };
    let mut v = gen::generate(&shape);
    let fields = gen::text_pointers(&v);
    let picked = [&fields[0], &fields[fields.len() / 2], &fields[fields.len() - 1]];
    for (p, text) in picked.iter().zip(["Brass نحاس", "丝绸 silk", "ok 👍🏽"]) {
        *v.pointer_mut(p).unwrap() = serde_json::json!(text);
    }
    let s = niryat::parse_value(&v).unwrap();
    let kinds = gen::kinds(shape.base);
    let report = niryat::validate(&s, &kinds, niryat::Mode::Strict);
    let errors: Vec<(&str, &str)> = report.errors().map(|i| (i.code, i.path.as_str())).collect();
    let mut want: Vec<(&str, &str)> =
        picked.iter().map(|p| ("text_not_printable", p.as_str())).collect();
    want.sort();
    let mut got = errors.clone();
    got.sort();
    assert_eq!(got, want);
    // And rendering refuses it too (a renderer never sees such a shipment).
    let r = Renderer::new();
    let opts = PdfOptions { lang: Lang::En, copies: 1, layout: Layout::Label };
    for kind in kinds {
        match r.render(&s, kind, &opts) {
            Err(niryat::Error::Invalid(issues)) => {
                assert!(issues.iter().any(|i| i.code == "text_not_printable"), "{kind:?}")
            }
            other => panic!("{kind:?}: {:?}", other.map(|p| p.len())),
        }
    }
}

#[path = "torture/check.rs"]
mod check;

use niryat::render::{Lang, Layout, PdfOptions, Renderer};
use niryat::rules::Validated;
use niryat::DocKind;
use std::time::Instant;

/// View fields that are not printed as they stand: label keys (the template prints the label;
/// the proforma's title and the note under it are label keys too),
/// the QR code's SVG (printed as an image), CN23 hints (layout, the non-delivery choice printed
/// as a ticked box).
const NOT_PRINTED: &[&str] =
    &["/key", "_svg", "/layout", "/non_delivery", "/title_key", "/title_note"];

/// The packing list prints the consignee without contact details (`party(…, with-contact:
/// false)` in packing.typ), by design; its view carries them all the same.
const PACKING_LEAVES_OUT: &[&str] = &["/consignee/email", "/consignee/phone", "/consignee/tax_id"];

/// What went wrong in one render, by kind of finding.
#[derive(Default, Debug)]
struct Findings {
    overprints: Vec<String>,
    off_page: Vec<String>,
    /// Words crossing a table's column line.
    out_of_cell: Vec<String>,
    missing: Vec<String>,
    renders: usize,
    pages: usize,
    /// Values in scripts pdftotext reorders, without generator markers (not checked).
    unchecked: usize,
}

/// Renders every document of `shape` in every language and checks the word boxes.
fn torture(r: &Renderer, shape: &Shape, langs: &[Lang], f: &mut Findings) {
    torture_kinds(r, shape, &gen::shipment(shape), &gen::kinds(shape.base), langs, f);
}

/// The header case (the open finding of the first torture run): every field printed in the
/// boxes above and below the lines (parties, references, transport, terms, bank, signatory)
/// at its longest, the lines short; rendered as invoice, packing list, IEC sheet and proforma.
fn torture_header_case(r: &Renderer, shape: &Shape, langs: &[Lang], f: &mut Findings) {
    torture_kinds(r, shape, &gen::header_shipment(shape), &gen::header_kinds(), langs, f);
}

/// Renders shipment `s` (made from `shape`) as each of `kinds` in each of `langs` and checks
/// the word boxes.
fn torture_kinds(
    r: &Renderer,
    shape: &Shape,
    s: &niryat::Shipment,
    kinds: &[DocKind],
    langs: &[Lang],
    f: &mut Findings,
) {
    // NIRYAT_TORTURE_KINDS=iecdetails,proformainvoice … renders only those kinds.
    let only = std::env::var("NIRYAT_TORTURE_KINDS").unwrap_or_default().to_lowercase();
    for &kind in kinds.iter().filter(|k| {
        only.is_empty() || only.split(',').any(|o| o == format!("{k:?}").to_lowercase())
    }) {
        let v = Validated::new(s.clone(), &[kind]).unwrap();
        let layouts: &[Layout] =
            if kind == DocKind::Cn23 { &[Layout::Label, Layout::A4] } else { &[Layout::Label] };
        for &lang in langs {
            for &layout in layouts {
                let opts = PdfOptions { lang, copies: 1, layout };
                let t = Instant::now();
                let pdf = r
                    .render_validated(&v, kind, &opts)
                    .unwrap_or_else(|e| panic!("{kind:?} {shape:?}: {e}"));
                let ms = t.elapsed().as_millis();
                let tag = format!(
                    "{:?} {:?} {:?} {:?} {:?} {}",
                    shape.base,
                    shape.script,
                    shape.breaks,
                    kind,
                    lang,
                    layout.name()
                );
                if let Ok(dir) = std::env::var("NIRYAT_TORTURE_DUMP") {
                    let name = tag.replace(' ', "-");
                    std::fs::write(format!("{dir}/{name}.pdf"), &pdf).unwrap();
                }
                let pages = check::pages(&pdf).unwrap();
                let text = check::raw_text(&pdf).unwrap();
                let view: serde_json::Value =
                    serde_json::from_slice(&Renderer::template_input(&v, kind, &opts).unwrap())
                        .unwrap();
                let mut values = Vec::new();
                check::strings(&view["doc"], String::new(), &mut values);
                // Label keys name a label the template prints in the chosen language; they are
                // not printed themselves.
                values.retain(|(p, _)| !NOT_PRINTED.iter().any(|k| p.ends_with(k)));
                if kind == DocKind::PackingList {
                    values.retain(|(p, _)| !PACKING_LEAVES_OUT.contains(&p.as_str()));
                }
                let texts: Vec<String> = values.iter().map(|(_, s)| s.clone()).collect();
                let unchecked_before = f.unchecked;
                let missing = check::missing(&texts, &text, &mut f.unchecked);
                let mut over = check::overprints(&pages);
                // The CN22 is one label.
                if kind == DocKind::Cn22 && pages.len() > 1 {
                    over.push(format!("the CN22 runs to {} pages", pages.len()));
                }
                let off = check::off_page(&pages);
                let rules = check::rules(&pdf).unwrap();
                assert_eq!(rules.len(), pages.len(), "{tag}: page images and text pages differ");
                let cells = check::out_of_cell(&pages, &rules);
                eprintln!(
                    "{tag}: {} pages, {ms} ms, {} overprints, {} off page, {} out of their cell, {} missing, {} not checkable",
                    pages.len(),
                    over.len(),
                    off.len(),
                    cells.len(),
                    missing.len(),
                    f.unchecked - unchecked_before
                );
                for x in over.iter().chain(&off).chain(&cells).take(3) {
                    eprintln!("    {x}");
                }
                f.renders += 1;
                f.pages += pages.len();
                f.overprints.extend(over.into_iter().take(3).map(|o| format!("{tag}: {o}")));
                f.off_page.extend(off.into_iter().take(3).map(|o| format!("{tag}: {o}")));
                f.out_of_cell.extend(cells.into_iter().take(3).map(|o| format!("{tag}: {o}")));
                for m in missing {
                    let at = values
                        .iter()
                        .find(|(_, s)| s == m)
                        .map(|(p, _)| p.clone())
                        .unwrap_or_default();
                    let short: String = m.chars().take(60).collect();
                    f.missing.push(format!("{tag}: {at} {short:?} ({} chars)", m.chars().count()));
                }
            }
        }
    }
}

#[test]
fn torture_sample() {
    if !check::have_pdftotext() {
        eprintln!("SKIPPED: pdftotext (poppler-utils) not installed");
        return;
    }
    let r = Renderer::new();
    let mut f = Findings::default();
    let t = Instant::now();
    let max_chars =
        std::env::var("NIRYAT_TORTURE_CHARS").ok().and_then(|v| v.parse().ok()).unwrap_or(200);
    // NIRYAT_TORTURE_BASES=sea,post,gift picks the examples the sample grows from.
    let only = std::env::var("NIRYAT_TORTURE_BASES").unwrap_or_default().to_lowercase();
    let bases = [Base::Sea, Base::Post, Base::Gift];
    for base in bases
        .into_iter()
        .filter(|b| only.is_empty() || only.contains(&format!("{b:?}").to_lowercase()))
    {
        for (script, breaks, lang) in [
            (Script::Latin, Breaks::Unbreakable, Lang::En),
            (Script::Devanagari, Breaks::Words, Lang::Hi),
            (Script::Mixed, Breaks::Words, Lang::EnHi),
        ] {
            let shape =
                Shape { base, lines: 3, packages: 2, script, breaks, max_chars, huge: true };
            torture(&r, &shape, &[lang], &mut f);
        }
    }
    // The header case, smaller than in `torture_header`: every field above and below the
    // lines at up to 1,500 characters (`NIRYAT_TORTURE_HEADER_CHARS`), Latin words, the
    // invoice in English + Hindi. The header alone is then taller than a page (its rows must
    // break, and a text may continue on the next page): before the fix it ran under the
    // footer.
    if only.is_empty() || only.contains("sea") {
        let max_chars = std::env::var("NIRYAT_TORTURE_HEADER_CHARS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(1500);
        let shape = Shape {
            base: Base::Sea,
            lines: 3,
            packages: 2,
            script: Script::Latin,
            breaks: Breaks::Words,
            max_chars,
            huge: true,
        };
        let before = f.pages;
        let s = gen::header_shipment(&shape);
        torture_kinds(&r, &shape, &s, &[DocKind::CommercialInvoice], &[Lang::EnHi], &mut f);
        assert!(
            f.pages - before >= 3,
            "the header case should need at least three pages (it has {})",
            f.pages - before
        );
    }
    // The lines case (issue 15's full sweep): one line's description, one package's
    // contents, as long as validation accepts (4,000 characters, one unbreakable word), the
    // header short. Such a row is taller than a page; kept whole, it ran past the bottom of
    // the page (the invoice's words below the edge, the packing list's quantities printed
    // off the page and its column lines through the footer).
    if only.is_empty() || only.contains("sea") {
        let shape = Shape {
            base: Base::Sea,
            lines: 3,
            packages: 2,
            script: Script::Latin,
            breaks: Breaks::Unbreakable,
            max_chars: 4000,
            huge: true,
        };
        let s = gen::lines_shipment(&shape);
        let kinds = [DocKind::CommercialInvoice, DocKind::PackingList];
        torture_kinds(&r, &shape, &s, &kinds, &[Lang::En], &mut f);
    }
    report(&f, t);
}

/// The header case in full (`NIRYAT_TORTURE=header`, and part of `torture_full`; about an
/// hour in a debug build, so not in the default run, which has the smaller case of
/// [`torture_sample`]): every
/// field above and below the lines at 4,000 characters (as long as validation accepts), in
/// Latin (one unbreakable word per field) and Devanagari (words), by sea and by post, as
/// invoice, packing list, IEC sheet and proforma in every label language.
#[test]
fn torture_header() {
    if !matches!(std::env::var("NIRYAT_TORTURE").as_deref(), Ok("full" | "header")) {
        eprintln!(
            "SKIPPED: the header case runs with NIRYAT_TORTURE=full or NIRYAT_TORTURE=header"
        );
        return;
    }
    assert!(check::have_pdftotext(), "the header case needs pdftotext (poppler-utils)");
    let r = Renderer::new();
    let mut f = Findings::default();
    let t = Instant::now();
    header_cases(&r, 4000, &mut f);
    report(&f, t);
}

/// Every header case (see [`torture_header`]) with header text up to `max_chars`.
fn header_cases(r: &Renderer, max_chars: usize, f: &mut Findings) {
    let only = std::env::var("NIRYAT_TORTURE_BASES").unwrap_or_default().to_lowercase();
    for base in [Base::Sea, Base::Post]
        .into_iter()
        .filter(|b| only.is_empty() || only.contains(&format!("{b:?}").to_lowercase()))
    {
        for (script, breaks) in
            [(Script::Latin, Breaks::Unbreakable), (Script::Devanagari, Breaks::Words)]
        {
            let shape =
                Shape { base, lines: 3, packages: 2, script, breaks, max_chars, huge: true };
            torture_header_case(r, &shape, &[Lang::En, Lang::Hi, Lang::EnHi], f);
        }
    }
}

/// The full sweep (`NIRYAT_TORTURE=full`, run by `scripts/torture.sh` in release mode): every
/// base in every script, words and unbreakable, text at its longest, in every language; the
/// header case of [`torture_header`]; then 10,000 lines and 1,000 packages by sea and 1,000
/// lines by post in every script.
#[test]
fn torture_full() {
    if std::env::var("NIRYAT_TORTURE").as_deref() != Ok("full") {
        eprintln!("SKIPPED: the full sweep runs with NIRYAT_TORTURE=full (scripts/torture.sh)");
        return;
    }
    assert!(check::have_pdftotext(), "the full sweep needs pdftotext (poppler-utils)");
    let r = Renderer::new();
    let mut f = Findings::default();
    let t = Instant::now();
    let all = [Lang::En, Lang::Hi, Lang::EnHi];
    for base in [Base::Sea, Base::Post, Base::Gift] {
        for script in [Script::Latin, Script::Devanagari, Script::Mixed] {
            for breaks in [Breaks::Words, Breaks::Unbreakable] {
                let shape = Shape {
                    base,
                    lines: 20,
                    packages: 5,
                    script,
                    breaks,
                    max_chars: 4000,
                    huge: true,
                };
                torture(&r, &shape, &all, &mut f);
            }
        }
    }
    header_cases(&r, 4000, &mut f);
    for (base, lines, packages) in [(Base::Sea, 10_000, 1_000), (Base::Post, 1_000, 100)] {
        for script in [Script::Latin, Script::Devanagari, Script::Mixed] {
            let shape = Shape {
                base,
                lines,
                packages,
                script,
                breaks: Breaks::Words,
                max_chars: 60,
                huge: true,
            };
            torture(&r, &shape, &[Lang::EnHi], &mut f);
        }
    }
    report(&f, t);
}

/// Prints the figures and findings; fails on any overprint, word off the page, or (for text
/// that pdftotext gives back in logical order) any value not printed whole.
fn report(f: &Findings, t: Instant) {
    eprintln!(
        "torture: {} renders, {} pages, {:.1} s; {} overprints, {} words off the page, {} out of their cell, {} values not found, {} values in reordered scripts not checkable",
        f.renders,
        f.pages,
        t.elapsed().as_secs_f64(),
        f.overprints.len(),
        f.off_page.len(),
        f.out_of_cell.len(),
        f.missing.len(),
        f.unchecked
    );
    for x in
        f.overprints.iter().chain(&f.off_page).chain(&f.out_of_cell).chain(&f.missing).take(400)
    {
        eprintln!("  {x}");
    }
    assert!(
        f.overprints.is_empty()
            && f.off_page.is_empty()
            && f.out_of_cell.is_empty()
            && f.missing.is_empty(),
        "{} overprints, {} off page, {} out of their cell, {} missing",
        f.overprints.len(),
        f.off_page.len(),
        f.out_of_cell.len(),
        f.missing.len()
    );
}

/// Writes the inputs of the ceilings (`NIRYAT_TORTURE_OUT=DIR`, used by `scripts/torture.sh`):
/// 1,000 and 10,000 lines by sea, and the largest input niryat accepts.
#[test]
fn write_ceiling_inputs() {
    let Ok(dir) = std::env::var("NIRYAT_TORTURE_OUT") else { return };
    let dir = std::path::PathBuf::from(dir);
    std::fs::create_dir_all(&dir).unwrap();
    let shapes = [
        (
            "lines-1000",
            Shape {
                base: Base::Sea,
                lines: 1_000,
                packages: 100,
                script: Script::Mixed,
                breaks: Breaks::Words,
                max_chars: 60,
                huge: true,
            },
        ),
        (
            "lines-10000",
            Shape {
                base: Base::Sea,
                lines: 10_000,
                packages: 1_000,
                script: Script::Mixed,
                breaks: Breaks::Words,
                max_chars: 60,
                huge: true,
            },
        ),
        // Every line's description and SKU near the 4,000-character limit, one package per
        // line: about 50 MB of JSON, under the 64 MiB input limit.
        (
            "largest",
            Shape {
                base: Base::Sea,
                lines: 10_000,
                packages: 10_000,
                script: Script::Latin,
                breaks: Breaks::Words,
                max_chars: 1_500,
                huge: true,
            },
        ),
    ];
    for (name, shape) in shapes {
        let v = gen::generate(&shape);
        let bytes = serde_json::to_vec(&v).unwrap();
        assert!(bytes.len() <= niryat::LIMITS.max_input_bytes, "{name}: {} bytes", bytes.len());
        niryat::parse_json(&bytes).unwrap();
        std::fs::write(dir.join(format!("{name}.json")), &bytes).unwrap();
        eprintln!("{name}: {} bytes", bytes.len());
    }
}

/// Checks word boxes and column lines of every PDF under `NIRYAT_TORTURE_CHECK=DIR` (for
/// looking at renders made elsewhere, such as the CLI's): overprints, words off the page and
/// words out of their cell. Values are not checked (there is no view at hand).
#[test]
fn check_pdfs_in_dir() {
    let Ok(dir) = std::env::var("NIRYAT_TORTURE_CHECK") else { return };
    let mut files = Vec::new();
    let mut todo = vec![std::path::PathBuf::from(dir)];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                todo.push(p);
            } else if p.extension().is_some_and(|x| x == "pdf") {
                files.push(p);
            }
        }
    }
    files.sort();
    let mut bad = 0;
    for p in &files {
        let pdf = std::fs::read(p).unwrap();
        let pages = check::pages(&pdf).unwrap();
        let rules = check::rules(&pdf).unwrap();
        assert_eq!(rules.len(), pages.len(), "{}", p.display());
        let found: Vec<String> = check::overprints(&pages)
            .into_iter()
            .chain(check::off_page(&pages))
            .chain(check::out_of_cell(&pages, &rules))
            .collect();
        let lines: usize = rules.iter().map(Vec::len).sum();
        eprintln!(
            "{}: {} pages, {lines} column lines, {} findings",
            p.display(),
            pages.len(),
            found.len()
        );
        for x in found.iter().take(5) {
            eprintln!("    {x}");
        }
        bad += usize::from(!found.is_empty());
    }
    assert_eq!(bad, 0, "{bad} of {} PDFs with findings", files.len());
}
