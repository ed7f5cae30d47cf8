//! PDF rendering through typst: the [`Renderer`] (built once), the per-render `World`, and
//! the payload each template reads.
//!
//! How a document is made: the shipment is validated, its view (see [`crate::views`]) is
//! serialised to JSON together with the label language and the copies wanted, and that
//! JSON is handed to the document's template as the virtual file `/data.json`, which the
//! template reads with typst's `json(...)`. User data therefore never becomes markup: a
//! description such as `#read("/etc/passwd")` is a string in a dictionary and prints as
//! those characters. Templates and fonts are compiled into the binary (see `assets`); the
//! `World` answers nothing else.
//!
//! Output is byte-for-byte reproducible: the PDF identifier is derived from the document
//! kind and invoice number, and the timestamp is the document's own date (invoice date,
//! else dispatch date, else 1 January 2000), never the clock.

mod assets;
mod breaks;
mod world;

use crate::error::Error;
use crate::kind::DocKind;
use crate::model::Shipment;
use crate::render::{Lang, PdfOptions};
use crate::views;
use crate::Validated;
use serde::Serialize;
use std::sync::Mutex;
use typst::foundations::{Bytes, Datetime, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt};
use typst_layout::PagedDocument;
use world::DocWorld;

/// Renders PDFs; build once (fonts, templates), render many documents.
///
/// A `Renderer` is `Send + Sync`: one instance can serve many threads at once.
pub struct Renderer {
    shared: Shared,
    /// Renders and view bytes since typst's memo cache was last evicted.
    since_eviction: Mutex<Pacing>,
}

/// What was rendered since the last eviction of typst's memo cache.
#[derive(Debug, Default)]
struct Pacing {
    renders: usize,
    view_bytes: usize,
}

/// What every render shares: typst's standard library, the fonts and the parsed templates.
pub(crate) struct Shared {
    pub(crate) library: LazyHash<Library>,
    pub(crate) book: LazyHash<FontBook>,
    pub(crate) fonts: Vec<Font>,
    pub(crate) sources: Vec<(FileId, Source)>,
    /// Id of `/data.json` (always `Some`: the path is valid).
    pub(crate) data_id: Option<FileId>,
}

impl std::fmt::Debug for Renderer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Renderer")
            .field("fonts", &self.shared.fonts.len())
            .field("templates", &self.shared.sources.len())
            .finish()
    }
}

impl Default for Renderer {
    fn default() -> Self {
        Renderer::new()
    }
}

/// The JSON a template reads from `/data.json`.
#[derive(Serialize)]
struct Payload {
    /// `en`, `hi` or `en+hi`.
    lang: &'static str,
    /// Label keys of the copies' markings, in order (the Rule 48 markings of the invoice;
    /// `""`, no marking, for other documents).
    copies: Vec<&'static str>,
    /// CN22/CN23 layout: `label` (6 × 8 inch) or `a4`.
    layout: &'static str,
    /// The document's view.
    doc: views::View,
    /// Column layout of a tabular form (the Postal Bill of Export), in form order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    columns: Vec<Column>,
    /// For the invoice's item table: per column, the entries that may be the widest, so the
    /// template can size the column by measuring a handful of strings instead of typst
    /// measuring every cell (an `auto` column lays out each of its cells once more).
    #[serde(skip_serializing_if = "Option::is_none")]
    widest: Option<Widest>,
}

/// Candidates for the widest entry of each sized column of the invoice's item table.
#[derive(Serialize)]
struct Widest {
    sl: Vec<String>,
    hs_code: Vec<String>,
    quantity: Vec<String>,
    unit: Vec<String>,
    rate: Vec<String>,
    /// Line amounts and the totals under them (printed in the same column).
    amount: Vec<String>,
    /// Line taxable values, IGST rates and amounts (exports on payment of IGST).
    taxable: Vec<String>,
    gst_rate: Vec<String>,
    igst: Vec<String>,
}

impl Widest {
    fn of(inv: &views::InvoiceView) -> Widest {
        let lines = &inv.lines;
        Widest {
            sl: widest(lines.iter().map(|l| l.sl.as_str())),
            hs_code: widest(lines.iter().map(|l| l.hs_code.as_str())),
            quantity: widest(lines.iter().map(|l| l.quantity.as_str())),
            unit: widest(lines.iter().map(|l| l.unit.as_str())),
            rate: widest(lines.iter().map(|l| l.rate.as_str())),
            amount: widest(
                lines
                    .iter()
                    .map(|l| l.amount.as_str())
                    .chain(inv.totals.iter().map(|f| f.value.as_str())),
            ),
            taxable: widest(lines.iter().map(|l| l.taxable.as_str())),
            gst_rate: widest(lines.iter().map(|l| l.gst_rate.as_str())),
            igst: widest(lines.iter().map(|l| l.igst.as_str())),
        }
    }
}

/// Width of `s` in thousandths of an em for the characters numbers are made of, the larger
/// of Noto Sans Regular's and Bold's advances (totals print bold; digits are tabular, 572 in
/// both); any other character counts as 600, wider than most, so a text entry is not
/// underestimated against a number.
fn score(s: &str) -> u64 {
    s.chars()
        .map(|c| match c {
            '0'..='9' | '₹' => 572,
            ',' | '.' => 285,
            '-' => 322,
            ' ' => 260,
            _ => 600,
        })
        .sum()
}

/// The entries that may be the widest: the distinct entries whose score is within a tenth
/// of the highest, highest first, at most 16 (for numbers the first is the widest; for text
/// such as units, where the score is an estimate, the near-widest come too). The template
/// measures each with the real font and takes the largest.
fn widest<'a>(entries: impl Iterator<Item = &'a str> + Clone) -> Vec<String> {
    let top = entries.clone().map(score).max().unwrap_or(0);
    let mut near: Vec<(u64, &str)> =
        entries.map(|e| (score(e), e)).filter(|(s, _)| s * 10 >= top * 9).collect();
    near.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    near.dedup_by(|a, b| a.1 == b.1);
    near.into_iter().take(16).map(|(_, e)| e.to_string()).collect()
}

/// One column of a tabular form: its number on the form, the row field, the heading.
#[derive(Serialize)]
struct Column {
    no: usize,
    field: &'static str,
    heading: &'static str,
}

/// Renders between two evictions of typst's memo cache.
const EVICT_EVERY: usize = 16;

/// Bytes of view JSON (`/data.json`) rendered since the last eviction after which typst's
/// memo cache is emptied. typst memoises the layout of every piece of a document; what it
/// keeps grows with the document's text (0.25 to 0.9 MB per KiB of view for the layout
/// torture's documents, debug build), and a large document's pieces are not asked for again
/// by the next one. Counting renders alone let the full layout torture keep the memo of up
/// to 48 large documents at once (a 10 GB process); with this budget the cache holds at most
/// the renders of 256 KiB of views besides the one being made. Small documents (16 renders
/// of views under 16 KiB each) reach [`EVICT_EVERY`] first and keep the reuse between
/// documents that warm renders live on.
const EVICT_VIEW_BYTES: usize = 256 * 1024;

/// The interned id of a path in the virtual project root.
fn file_id(path: &str) -> Option<FileId> {
    Some(RootedPath::new(VirtualRoot::Project, VirtualPath::new(path).ok()?).intern())
}

/// The error for a document kind without a printed form.
fn no_pdf_form(kind: DocKind) -> Error {
    Error::Unsupported(format!("{} has no PDF form", kind.name()))
}

/// The template file that is the main file of `kind`.
fn template_of(kind: DocKind) -> Option<&'static str> {
    Some(match kind {
        DocKind::CommercialInvoice => "/invoice.typ",
        DocKind::PackingList => "/packing.typ",
        DocKind::IecDetails => "/iec.typ",
        DocKind::Cn22 => "/cn22.typ",
        DocKind::Cn23 => "/cn23.typ",
        DocKind::Pbe => "/pbe.typ",
        DocKind::ProformaInvoice => "/invoice.typ",
        _ => return None,
    })
}

impl Renderer {
    /// Builds a renderer with niryat's embedded fonts and templates.
    pub fn new() -> Renderer {
        let fonts: Vec<Font> =
            assets::FONTS.iter().flat_map(|data| Font::iter(Bytes::new(*data))).collect();
        let book = FontBook::from_fonts(&fonts);
        let sources = assets::TEMPLATES
            .iter()
            .filter_map(|(path, text)| {
                let id = file_id(path)?;
                Some((id, Source::new(id, (*text).to_string())))
            })
            .collect();
        let data_id = file_id(assets::DATA_PATH);
        Renderer {
            shared: Shared {
                library: LazyHash::new(Library::builder().build()),
                book: LazyHash::new(book),
                fonts,
                sources,
                data_id,
            },
            since_eviction: Mutex::new(Pacing::default()),
        }
    }

    /// Validates `shipment` strictly for `kind` and renders it.
    pub fn render(
        &self,
        shipment: &Shipment,
        kind: DocKind,
        opts: &PdfOptions,
    ) -> Result<Vec<u8>, Error> {
        let v = Validated::new(shipment.clone(), &[kind])?;
        self.render_validated(&v, kind, opts)
    }

    /// `kind` of `shipment` in any format: PDF through this renderer, the text formats through
    /// [`crate::render::render_text`] (`flavor` picks the XML flavour). The one switch the
    /// command line and the server share, so a document is made the same way by both.
    pub fn make(
        &self,
        shipment: &Shipment,
        kind: DocKind,
        format: crate::render::Format,
        flavor: Option<crate::render::Flavor>,
        opts: &PdfOptions,
    ) -> Result<Vec<u8>, Error> {
        match format {
            crate::render::Format::Pdf => self.render(shipment, kind, opts),
            _ => crate::render::render_text(shipment, kind, format, flavor).map(String::into_bytes),
        }
    }

    /// Renders an already validated shipment. Fails with [`Error::Invalid`] (carrying the
    /// issues) when the shipment was validated for other documents than `kind` and has
    /// errors for `kind`, and with [`Error::Unsupported`] for a kind without a printed form.
    pub fn render_validated(
        &self,
        v: &Validated,
        kind: DocKind,
        opts: &PdfOptions,
    ) -> Result<Vec<u8>, Error> {
        if !v.allows(kind) {
            // Validated for something else: check this kind too before printing it.
            let again = Validated::new(v.shipment().clone(), &[kind])?;
            return self.render_checked(&again, kind, opts);
        }
        self.render_checked(v, kind, opts)
    }

    /// The JSON that `kind`'s template reads as `/data.json` for this shipment: the
    /// document's view with the label language, the copies and layout hints. With it and the
    /// files of `doc-templates/`, the typst command line compiles the same document, which is
    /// how a template can be changed and tried outside niryat. Fails like
    /// [`Renderer::render_validated`] for a kind without a printed form.
    pub fn template_input(
        v: &Validated,
        kind: DocKind,
        opts: &PdfOptions,
    ) -> Result<Vec<u8>, Error> {
        template_of(kind).ok_or_else(|| no_pdf_form(kind))?;
        opts.check()?;
        let doc = match kind {
            DocKind::Cn23 => {
                views::View::Cn23(views::cn23_in(v, opts.layout, opts.lang.for_kind(kind)))
            }
            _ => views::view_in(v, kind, opts.lang.for_kind(kind))
                .ok_or_else(|| no_pdf_form(kind))?,
        };
        let columns = match &doc {
            views::View::Pbe(p) => p
                .columns()
                .iter()
                .enumerate()
                .map(|(i, (field, heading))| Column { no: i + 1, field, heading })
                .collect(),
            _ => Vec::new(),
        };
        let widest = match &doc {
            views::View::Invoice(inv) => Some(Widest::of(inv)),
            views::View::Proforma(p) => Some(Widest::of(&p.invoice)),
            _ => None,
        };
        let payload = Payload {
            lang: lang_name(opts.lang.for_kind(kind)),
            layout: opts.layout.name(),
            copies: opts.copy_markings(kind),
            doc,
            columns,
            widest,
        };
        let err = |e: serde_json::Error| Error::Render(format!("cannot serialise the view: {e}"));
        // Long unbreakable runs get break opportunities, or they run out of their cells.
        let mut value = serde_json::to_value(&payload).map_err(err)?;
        if let Some(doc) = value.get_mut("doc") {
            breaks::make_breakable(doc);
        }
        serde_json::to_vec(&value).map_err(err)
    }

    /// Renders `kind` of a shipment known to be valid for it.
    fn render_checked(
        &self,
        v: &Validated,
        kind: DocKind,
        opts: &PdfOptions,
    ) -> Result<Vec<u8>, Error> {
        let main = template_of(kind).and_then(file_id).ok_or_else(|| no_pdf_form(kind))?;
        let json = Self::template_input(v, kind, opts)?;
        let day = document_date(v.shipment());
        let ident = format!(
            "niryat/{}/{}",
            kind.name(),
            v.shipment().invoice.as_ref().and_then(|i| i.number.as_deref()).unwrap_or("-")
        );
        // typst recurses deeply: callers on small-stack threads (rayon workers have 2 MiB)
        // should give those threads a larger stack; see the CLI.
        let world = DocWorld {
            shared: &self.shared,
            main,
            data: Bytes::new(json),
            today: Datetime::from_ymd(day.0, day.1, day.2),
        };
        let document: PagedDocument = typst::compile(&world)
            .output
            .map_err(|errs| Error::Render(diagnostics(&world, &errs)))?;
        let options = typst_pdf::PdfOptions {
            ident: Smart::Custom(ident),
            creator: Smart::Custom(Some(format!("niryat {}", env!("CARGO_PKG_VERSION")))),
            timestamp: Datetime::from_ymd_hms(day.0, day.1, day.2, 0, 0, 0)
                .map(typst_pdf::Timestamp::new_utc),
            ..typst_pdf::PdfOptions::default()
        };
        let pdf = typst_pdf::pdf(&document, &options)
            .map_err(|errs| Error::Render(diagnostics(&world, &errs)));
        self.evict_after(world.data.len());
        pdf
    }
}

impl Renderer {
    /// Keeps typst's memo cache from growing without bound over a long batch or a server's
    /// life, after a render of `view_bytes` of view: once [`EVICT_VIEW_BYTES`] of views have
    /// been rendered since the last eviction, empty it (a large document's layout is not
    /// reused, and the next render pays a cold start of a few milliseconds after one of
    /// seconds); else every [`EVICT_EVERY`] renders, drop what the last 2 × `EVICT_EVERY`
    /// renders did not use (an eviction pass walks the whole cache, so doing it after every
    /// small render costs time, and emptying it loses the reuse between documents).
    fn evict_after(&self, view_bytes: usize) {
        let mut since = self.since_eviction.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        since.renders += 1;
        since.view_bytes = since.view_bytes.saturating_add(view_bytes);
        let max_age = if since.view_bytes >= EVICT_VIEW_BYTES {
            0
        } else if since.renders >= EVICT_EVERY {
            2
        } else {
            return;
        };
        *since = Pacing::default();
        drop(since);
        typst::comemo::evict(max_age);
    }
}

fn lang_name(lang: Lang) -> &'static str {
    lang.name()
}

/// The date printed into the PDF's metadata: invoice date, dispatch date, or 1 Jan 2000.
fn document_date(s: &Shipment) -> (i32, u8, u8) {
    let d = s
        .invoice
        .as_ref()
        .and_then(|i| i.date)
        .or_else(|| s.transport.as_ref().and_then(|t| t.dispatch_date));
    match d {
        Some(d) => (
            i32::from(d.year()),
            u8::try_from(d.month()).unwrap_or(1),
            u8::try_from(d.day()).unwrap_or(1),
        ),
        None => (2000, 1, 1),
    }
}

/// Typst diagnostics as one message with template file and line (these are template bugs,
/// never user data errors).
fn diagnostics(world: &DocWorld<'_>, errs: &[typst::diag::SourceDiagnostic]) -> String {
    use typst::{World, WorldExt};
    errs.iter()
        .map(|e| {
            let place = e.span.id().and_then(|id| {
                let src = world.source(id).ok()?;
                let line = src.lines().byte_to_line(world.range(e.span)?.start)?;
                Some(format!("{:?}:{}: ", id.vpath(), line + 1))
            });
            format!("{}{}", place.unwrap_or_default(), e.message)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::widest;

    #[test]
    fn the_widest_number_comes_first() {
        let amounts = ["9,99,999.00", "1,00,00,000.00", "99,99,999.99", "1,00,00,000.00", "5.00"];
        let w = widest(amounts.iter().copied());
        assert_eq!(w.first().map(String::as_str), Some("1,00,00,000.00"));
        // Equal entries once; entries far narrower not at all.
        assert_eq!(w.iter().filter(|s| s.as_str() == "1,00,00,000.00").count(), 1);
        assert!(!w.iter().any(|s| s == "5.00"));
    }

    #[test]
    fn digits_outweigh_separators() {
        // Same length, but "12345678" has more (wider) digits than "1,234.56".
        let w = widest(["1,234.56", "12345678"].into_iter());
        assert_eq!(w.first().map(String::as_str), Some("12345678"));
    }

    #[test]
    fn text_columns_keep_their_near_widest() {
        // Units are text: the score is only an estimate, so near-widest entries are kept for
        // the template to measure.
        let w = widest(["PCS", "NOS", "KGS", "PCS", "MTR"].into_iter());
        assert_eq!(w.len(), 4);
    }

    #[test]
    fn at_most_sixteen_candidates() {
        let many: Vec<String> = (1000..3000).map(|i| format!("{i}.00")).collect();
        let w = widest(many.iter().map(String::as_str));
        assert_eq!(w.len(), 16);
        assert!(widest(std::iter::empty()).is_empty());
    }
}
