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

/// The value check is anchored at the generator's markers: repeating words and other
/// fields' markers elsewhere in the text no longer make up a value that was cut.
#[test]
fn the_value_check_is_not_fooled_by_repeating_text() {
    let v = vec!["Q5Q Handwoven brass J5J".to_string()];
    let mut n = 0;
    // The value is cut at the foot of page 1 ("ss J5J" lost); the next pages print other
    // fields, whose words and markers hold "ssJ" and "5J" ("brass J15J").
    let cut = "Exporter Q5Q Handwoven bra\n\u{c}Q15Q brass J15J footer\n\u{c}Q15Q brass J15J\n";
    assert!(check::missing_before_markers(&v, cut).is_empty(), "the old check was fooled");
    assert_eq!(check::missing(&v, cut, &mut n), [v[0].as_str()]);
    // The end printed, the middle lost; "brass" is on the next page, but in another field.
    let v2 = vec!["Q5Q Handwoven brass WWWWMMMM J5J".to_string()];
    let middle_lost = "Q5Q Handwoven\n\u{c}Q2Q brass QUALITY J2J\n\u{c}WWWWMMMM J5J";
    assert!(check::missing_before_markers(&v2, middle_lost).is_empty(), "the old check was fooled");
    assert_eq!(check::missing(&v2, middle_lost, &mut n), [v2[0].as_str()]);
    // Printed whole: on one page, or continued on the next pages (anywhere on them).
    for whole in [
        "x Q5Q Handwoven\nbrass WWWWMMMM J5J y",
        "x Q5Q Handwoven brass\n\u{c}header Q2Q brass J2J WWWWMMMM J5J footer",
        "x Q5Q Handwoven\n\u{c}brass\n\u{c}WWWWMMMM J5J",
    ] {
        assert!(check::missing(&v2, whole, &mut n).is_empty(), "{whole:?}");
    }
    // A composed value (the generator's city, then a postcode of the view's own) whose
    // unmarked end continues on the next page, under its running title; lost there, it is cut.
    let v3 = vec!["Q0Q Handwoven brass J0J, LE4 6AR".to_string()];
    let continued = "x Q0Q Handwoven brass J0J, LE4\n\u{c}Packing List\n6AR\nUnited Kingdom";
    assert!(check::missing(&v3, continued, &mut n).is_empty(), "{continued:?}");
    let lost = "x Q0Q Handwoven brass J0J, LE4\n\u{c}Packing List\nUnited Kingdom";
    assert_eq!(check::missing(&v3, lost, &mut n), [v3[0].as_str()]);
    // The pieces out of order: the end on an earlier page than the start.
    let swapped = "WWWWMMMM J5J\n\u{c}Q5Q Handwoven brass";
    assert_eq!(check::missing(&v2, swapped, &mut n), [v2[0].as_str()]);
    // A script pdftotext reorders: its markers, in order.
    let hi = vec!["Q3Q पीतल J3J".to_string()];
    assert!(check::missing(&hi, "Q3Q ीपतल J3J", &mut n).is_empty());
    assert_eq!(check::missing(&hi, "J3J x \u{c} Q3Q पीतल", &mut n), [hi[0].as_str()]);
    assert_eq!(n, 0);
}

/// A one-page PDF (A4, Helvetica) with `words` drawn at their (x, y) in PDF points from
/// the bottom left, for the checks' own tests.
fn hand_made_pdf(words: &[(&str, i32, i32)]) -> Vec<u8> {
    let content: String =
        words.iter().map(|(w, x, y)| format!("BT /F1 12 Tf {x} {y} Td ({w}) Tj ET\n")).collect();
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_string(),
        format!("<< /Length {} >>\nstream\n{content}endstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    let mut pdf = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.push_str(&format!("{} 0 obj\n{o}\nendobj\n", i + 1));
    }
    let xref = pdf.len();
    pdf.push_str(&format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1));
    for o in offsets {
        pdf.push_str(&format!("{o:010} 00000 n \n"));
    }
    pdf.push_str(&format!(
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    ));
    pdf.into_bytes()
}

/// Text wholly outside the page: pdftotext alone drops it (it was seen only as a missing
/// value); the widened media box shows it, and it is reported off the page with its word.
#[test]
fn text_wholly_off_the_page_is_reported() {
    if !check::have_pdftotext() {
        eprintln!("SKIPPED: pdftotext (poppler-utils) not installed");
        return;
    }
    let pdf = hand_made_pdf(&[
        ("Inside", 100, 700),
        ("Below", 100, -40),
        ("Above", 100, 900),
        ("Left", -200, 400),
        ("Right", 700, 400),
    ]);
    let words = |pages: &[check::Page]| -> Vec<String> {
        pages.iter().flat_map(|p| p.words.iter().map(|w| w.text.clone())).collect()
    };
    let clipped = check::pages_clipped(&pdf).unwrap();
    assert_eq!(words(&clipped), ["Inside"]);
    assert!(check::off_page(&clipped).is_empty(), "what pdftotext alone shows");
    let pages = check::pages(&pdf).unwrap();
    assert_eq!(pages.len(), 1);
    assert!((pages[0].width - 595.0).abs() < 0.01 && (pages[0].height - 842.0).abs() < 0.01);
    let inside = &pages[0].words.iter().find(|w| w.text == "Inside").unwrap();
    let before = &clipped[0].words[0];
    assert!((inside.x0 - before.x0).abs() < 0.01 && (inside.y0 - before.y0).abs() < 0.01);
    let off = check::off_page(&pages);
    for w in ["Below", "Above", "Left", "Right"] {
        assert!(off.iter().any(|o| o.contains(&format!("{w:?}"))), "{w}: {off:?}");
    }
    assert_eq!(off.len(), 4, "{off:?}");
}

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

/// Renders every document of `shape` in every language and checks the word boxes. The CN23
/// and the Postal Bill of Export have texts validation limits (`cn23_text_does_not_fit`,
/// `pbe_text_does_not_fit`): each gets a shipment of its own, each text as long as
/// validation accepts for it; the other documents one with each text as long as validation
/// accepts for them.
fn torture(r: &Renderer, shape: &Shape, langs: &[Lang], f: &mut Findings) {
    let limited = [DocKind::Cn23, DocKind::Pbe];
    let (forms, rest): (Vec<DocKind>, Vec<DocKind>) =
        gen::kinds(shape.base).into_iter().partition(|k| limited.contains(k));
    // NIRYAT_TORTURE_KINDS=pbe … generates only the shipments of those kinds.
    let only = std::env::var("NIRYAT_TORTURE_KINDS").unwrap_or_default().to_lowercase();
    let wanted = |k: &DocKind| {
        only.is_empty() || only.split(',').any(|o| o == format!("{k:?}").to_lowercase())
    };
    let groups = std::iter::once(rest).chain(forms.into_iter().map(|k| vec![k]));
    for kinds in groups {
        if kinds.iter().any(wanted) {
            torture_kinds(r, shape, &gen::shipment_for(shape, &kinds), &kinds, langs, f);
        }
    }
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
                let memory = memory();
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
                let payload = Renderer::template_input(&v, kind, &opts).unwrap();
                let view: serde_json::Value = serde_json::from_slice(&payload).unwrap();
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
                // A CN23 form takes one page per sheet: its first sheet and each
                // continuation sheet of the view (a box that grows pushes the rest over).
                if kind == DocKind::Cn23 {
                    let sheets: usize = view["doc"]["forms"]
                        .as_array()
                        .map(|fs| {
                            fs.iter()
                                .map(|f| 1 + f["continuation"].as_array().map_or(0, Vec::len))
                                .sum()
                        })
                        .unwrap_or(0);
                    if pages.len() != sheets {
                        over.push(format!(
                            "the CN23 runs to {} pages for {sheets} sheets",
                            pages.len()
                        ));
                    }
                }
                let off = check::off_page(&pages);
                let rules = check::rules(&pdf).unwrap();
                assert_eq!(rules.len(), pages.len(), "{tag}: page images and text pages differ");
                let cells = check::out_of_cell(&pages, &rules);
                eprintln!(
                    "{tag}: {} pages, {ms} ms, {} KiB of view, {memory}; {} overprints, {} off page, {} out of their cell, {} missing, {} not checkable",
                    pages.len(),
                    payload.len() / 1024,
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

/// The process's resident memory now and at its peak (Linux `/proc/self/status`), for the
/// log: the sweep renders hundreds of documents in one process.
fn memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            .map_or("?".to_string(), |kb| format!("{} MiB", kb / 1024))
    };
    format!("RSS {} (peak {})", field("VmRSS:"), field("VmHWM:"))
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
    // NIRYAT_TORTURE_BASES=sea,post,gift picks the bases, as in the sample.
    let only = std::env::var("NIRYAT_TORTURE_BASES").unwrap_or_default().to_lowercase();
    let picked = |b: &Base| only.is_empty() || only.contains(&format!("{b:?}").to_lowercase());
    for base in [Base::Sea, Base::Post, Base::Gift].into_iter().filter(picked) {
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
    large_cases(&r, &mut f);
    report(&f, t);
}

/// The large part of the full sweep alone (`NIRYAT_TORTURE=large`): the largest documents,
/// one after the other in one process, which is what the sweep's memory peak is made of.
#[test]
fn torture_large() {
    if std::env::var("NIRYAT_TORTURE").as_deref() != Ok("large") {
        eprintln!("SKIPPED: the large documents run with NIRYAT_TORTURE=large");
        return;
    }
    assert!(check::have_pdftotext(), "the large documents need pdftotext (poppler-utils)");
    let r = Renderer::new();
    let mut f = Findings::default();
    let t = Instant::now();
    large_cases(&r, &mut f);
    report(&f, t);
}

/// 10,000 lines and 1,000 packages by sea, 1,000 lines by post, in every script, with the
/// English + Hindi labels (`NIRYAT_TORTURE_BASES` picks sea or post).
fn large_cases(r: &Renderer, f: &mut Findings) {
    let only = std::env::var("NIRYAT_TORTURE_BASES").unwrap_or_default().to_lowercase();
    let picked = |b: &Base| only.is_empty() || only.contains(&format!("{b:?}").to_lowercase());
    for (base, lines, packages) in
        [(Base::Sea, 10_000, 1_000), (Base::Post, 1_000, 100)].into_iter().filter(|c| picked(&c.0))
    {
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
            torture(r, &shape, &[Lang::EnHi], f);
        }
    }
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

/// The CN23 with every text of `niryat::rules::fit::cn23_texts` at its limit, written in the
/// widest letters (Latin W, Devanagari आ, both wider than any other letter of their font, as
/// unbroken runs and as words), in every language and both layouts, 39 lines (the first
/// sheet, a full continuation sheet and part of another on A4; on the label three
/// continuation labels, two full): each form takes exactly the pages the view gives it (one
/// per sheet), with no overprint, nothing off the page or out of its cell, and every Latin
/// value printed whole. One character more in any field is refused by validation.
#[test]
fn cn23_holds_every_text_at_its_limit() {
    if !check::have_pdftotext() {
        eprintln!("SKIPPED: pdftotext (poppler-utils) not installed");
        return;
    }
    let r = Renderer::new();
    let mut f = Findings::default();
    let t = Instant::now();
    let lines = 39;
    let probe = niryat::parse_value(&gen::post_at_limits(lines, &[], &|_| String::new())).unwrap();
    let fields: Vec<(String, usize)> =
        niryat::rules::fit::cn23_texts(&probe).into_iter().map(|(p, _, max)| (p, max)).collect();
    // One character more than its limit, in any one field, is refused at that field.
    for (k, (path, max)) in fields.iter().enumerate() {
        let mut over = fields.clone();
        over[k].1 = max + 1;
        let s =
            niryat::parse_value(&gen::post_at_limits(lines, &over, &|n| "W".repeat(n))).unwrap();
        let errors = errors_for(&s, DocKind::Cn23);
        assert_eq!(errors, [("cn23_text_does_not_fit".to_string(), path.clone())], "{path}");
    }
    let fills: [(&str, &Fill); 4] = [
        ("W", &|n| "W".repeat(n)),
        ("आ", &|n| "आ".repeat(n)),
        ("W words", &|n| words("WWWWW", n)),
        ("आ words", &|n| words("आआआआआ", n)),
    ];
    for (name, fill) in fills {
        let v = gen::post_at_limits(lines, &fields, fill);
        let s = niryat::parse_value(&v).unwrap();
        let errors = errors_for(&s, DocKind::Cn23);
        assert!(errors.is_empty(), "{name}: {errors:?}");
        let shape = shape_at_limits(name, lines, 1);
        torture_kinds(&r, &shape, &s, &[DocKind::Cn23], &[Lang::En, Lang::Hi, Lang::EnHi], &mut f);
    }
    report(&f, t);
}

/// The Postal Bill of Export with every text of `niryat::rules::fit::pbe_texts` at its limit,
/// written in the widest letters (Latin W and Devanagari आ, unbroken and as words), six lines
/// in two parcels (six rows), a scheme claim on every line, an authorised agent, under LUT
/// (Latin) or bond (Devanagari): no overprint, nothing off the page or out of its cell, every
/// Latin value printed whole, and no row taller than a page (the bill takes at most a page
/// per row and one for the header and closing blocks). One character more in any field is
/// refused by validation at that field. The default run renders each fill in one language
/// (English, Hindi, English + Hindi, English + Hindi); `NIRYAT_TORTURE=full` in all three.
#[test]
fn pbe_holds_every_text_at_its_limit() {
    if !check::have_pdftotext() {
        eprintln!("SKIPPED: pdftotext (poppler-utils) not installed");
        return;
    }
    let r = Renderer::new();
    let mut f = Findings::default();
    let t = Instant::now();
    let lines = 6;
    let probe =
        niryat::parse_value(&gen::pbe_at_limits(lines, &[], &|_| String::new(), false)).unwrap();
    let probe_bond =
        niryat::parse_value(&gen::pbe_at_limits(lines, &[], &|_| String::new(), true)).unwrap();
    let limits = |s: &niryat::Shipment| -> Vec<(String, usize)> {
        niryat::rules::fit::pbe_texts(s).into_iter().map(|(p, _, max)| (p, max)).collect()
    };
    let (fields, fields_bond) = (limits(&probe), limits(&probe_bond));
    assert!(fields.len() > 40, "{fields:?}");
    assert!(fields_bond.iter().any(|(p, _)| p == "/tax/reference"));
    // One character more than its limit, in any one field, is refused at that field.
    for (fields, bond) in [(&fields, false), (&fields_bond, true)] {
        for (k, (path, max)) in fields.iter().enumerate() {
            let mut over = fields.clone();
            over[k].1 = max + 1;
            let v = gen::pbe_at_limits(lines, &over, &|n| "W".repeat(n), bond);
            let s = niryat::parse_value(&v).unwrap();
            let errors = errors_for(&s, DocKind::Pbe);
            assert_eq!(errors, [("pbe_text_does_not_fit".to_string(), path.clone())], "{path}");
        }
    }
    let full = std::env::var("NIRYAT_TORTURE").as_deref() == Ok("full");
    let fills: [(&str, &Fill, Lang); 4] = [
        ("W", &|n| "W".repeat(n), Lang::En),
        ("आ", &|n| "आ".repeat(n), Lang::Hi),
        ("W words", &|n| words("WWWWW", n), Lang::EnHi),
        ("आ words", &|n| words("आआआआआ", n), Lang::EnHi),
    ];
    for (name, fill, lang) in fills {
        let bond = name.contains('आ');
        let v = gen::pbe_at_limits(lines, if bond { &fields_bond } else { &fields }, fill, bond);
        let s = niryat::parse_value(&v).unwrap();
        let errors = errors_for(&s, DocKind::Pbe);
        assert!(errors.is_empty(), "{name}: {errors:?}");
        let shape = shape_at_limits(name, lines, 2);
        let langs = if full { vec![Lang::En, Lang::Hi, Lang::EnHi] } else { vec![lang] };
        let (renders, pages) = (f.renders, f.pages);
        torture_kinds(&r, &shape, &s, &[DocKind::Pbe], &langs, &mut f);
        let per_render = (f.pages - pages) / (f.renders - renders).max(1);
        assert!(
            per_render <= lines + 1,
            "{name}: the PBE of {lines} rows at the limits runs to {per_render} pages"
        );
    }
    report(&f, t);
}

/// Numbers on the Postal Bill of Export at the widest validation accepts
/// (`pbe_value_does_not_fit`): the first line's price and customs quantity made of nines, as
/// many as validation takes, and rendered: nothing overprinted, out of its cell or lost. One
/// nine more is refused. Before `fit-number`, a line of ₹19 crore ran over three columns.
#[test]
fn pbe_holds_its_widest_numbers() {
    if !check::have_pdftotext() {
        eprintln!("SKIPPED: pdftotext (poppler-utils) not installed");
        return;
    }
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/varanasi-silk-amazon.json");
    let base = niryat::parse_json(&std::fs::read(path).unwrap()).unwrap();
    // Line 1 at `price` (nines, two places) and a customs quantity of `digits` nines.
    let with = |price_digits: usize, digits: usize| {
        let mut s = base.clone();
        let nines = |n: usize| "9".repeat(n).parse::<rust_decimal::Decimal>().unwrap();
        s.items[0].unit_price = Some(nines(price_digits + 2) / rust_decimal::Decimal::ONE_HUNDRED);
        s.items[0].amount = None;
        s.items[0].customs_quantity = Some(nines(digits));
        if let Some(inv) = s.invoice.as_mut() {
            inv.total = None;
            inv.fob_inr = None;
        }
        let igst = niryat::calc::igst_total_inr(&s);
        if let Some(niryat::model::TaxTreatment::IgstPaid { amount, .. }) = s.tax.as_mut() {
            *amount = igst;
        }
        s
    };
    let too_wide = |s: &niryat::Shipment| {
        errors_for(s, DocKind::Pbe)
            .into_iter()
            .filter(|(c, _)| c == "pbe_value_does_not_fit")
            .count()
    };
    let widest = |f: &dyn Fn(usize) -> niryat::Shipment| {
        (1..40).take_while(|&n| too_wide(&f(n)) == 0).last().unwrap()
    };
    let price = widest(&|n| with(n, 1));
    let digits = widest(&|n| with(1, n));
    // A line of 999,999.99 GBP × 2 is ₹22 crore; the bill holds about ₹99 crore in col. 23.
    eprintln!("widest accepted: a price of {price} digits, a customs quantity of {digits}");
    assert!(price >= 6 && digits >= 6, "price {price} digits, quantity {digits} digits");
    let s = with(price, digits);
    assert_eq!(errors_for(&s, DocKind::Pbe), [], "at the limits");
    for (over, path) in [
        (with(price + 1, digits), "/items"),
        (with(price, digits + 1), "/items/0/customs_quantity"),
    ] {
        let errors = errors_for(&over, DocKind::Pbe);
        assert!(
            !errors.is_empty() && errors.iter().all(|(c, _)| c == "pbe_value_does_not_fit"),
            "{errors:?}"
        );
        assert!(errors.iter().any(|(_, p)| p == path), "{errors:?}");
    }
    let r = Renderer::new();
    let mut f = Findings::default();
    let t = Instant::now();
    let shape = shape_at_limits("W", s.items.len(), s.packages.len());
    torture_kinds(&r, &shape, &s, &[DocKind::Pbe], &[Lang::En, Lang::EnHi], &mut f);
    report(&f, t);
}

/// Text of `n` characters for a field at its limit `n`.
type Fill = dyn Fn(usize) -> String;

/// The errors of validating `s` for `kind` alone: (code, path).
fn errors_for(s: &niryat::Shipment, kind: DocKind) -> Vec<(String, String)> {
    niryat::validate(s, &[kind], niryat::Mode::Strict)
        .errors()
        .map(|i| (i.code.to_string(), i.path.clone()))
        .collect()
}

/// The shape a limits test reports a fill under: its script and breaks read from the fill's
/// name ("W", "आ", "W words", "आ words").
fn shape_at_limits(name: &str, lines: usize, packages: usize) -> Shape {
    Shape {
        base: Base::Post,
        lines,
        packages,
        script: if name.contains('W') { Script::Latin } else { Script::Devanagari },
        breaks: if name.contains("words") { Breaks::Words } else { Breaks::Unbreakable },
        max_chars: 0,
        huge: false,
    }
}

/// Text of `n` characters: `word` repeated, separated by spaces.
fn words(word: &str, n: usize) -> String {
    let mut s = String::new();
    while s.chars().count() < n {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(word);
    }
    let mut s: String = s.chars().take(n).collect();
    if s.ends_with(' ') {
        s.pop();
        s.extend(word.chars().next());
    }
    s
}
