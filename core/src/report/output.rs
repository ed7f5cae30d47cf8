//! What the front ends other than the CLI (Python, WASM) get from the reports and the order
//! import: one shape, built here so that the two bindings cannot drift apart.
//!
//! A report gives `{report, issues, has_errors}`: `report` is what `niryat report …` writes
//! (the GSTR-1 offline tool JSON or the realisation JSON as an object, or the CSV text) and
//! `issues` what it writes on standard error. The import gives `{ok, orders, issues}`: the
//! drafts, each with its draft check, or no drafts and the errors that stopped it.

use super::{gstr1, realisation, Period, ReportInput, ReportIssue};
use crate::orders::{self, Catalogue, DraftOrder, ImportIssue, Marketplace};
use crate::render::Lang;
use crate::Shipment;
use jiff::civil::Date;
use serde::Serialize;
use serde_json::Value;

/// How a report is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReportFormat {
    /// JSON (the GSTR-1 offline tool's layout; the realisation rows and issues).
    #[default]
    Json,
    /// RFC 4180 CSV.
    Csv,
}

impl ReportFormat {
    /// Parses `json` or `csv`.
    pub fn from_name(name: &str) -> Option<ReportFormat> {
        use crate::names::Named;
        ReportFormat::all().iter().copied().find(|f| f.word() == name)
    }
}

/// Parses the date a report is made as of: `YYYY-MM-DD`. `None` for anything else.
pub fn parse_date(text: &str) -> Option<Date> {
    let b = text.as_bytes();
    let shape = b.len() == 10 && b[4] == b'-' && b[7] == b'-';
    if !shape {
        return None;
    }
    text.parse().ok()
}

/// The arguments the bindings take as text, each read with one message, so that Python and
/// JavaScript refuse the same things in the same words. `arg` is the argument's name as the
/// caller spells it (`as_of` in Python, `asOf` in JavaScript).
pub mod args {
    use super::{parse_date, Date, Lang, Marketplace, Period, ReportFormat, ReportInput};
    use crate::{MalformedInput, Shipment};

    /// A month `YYYY-MM`, 2017 or later.
    pub fn period(text: &str) -> Result<Period, String> {
        Period::parse(text).ok_or_else(|| {
            format!("period must be a month \"YYYY-MM\" (2017 or later), got {text:?}")
        })
    }

    /// A date `YYYY-MM-DD`.
    pub fn date(arg: &str, text: &str) -> Result<Date, String> {
        parse_date(text).ok_or_else(|| format!("{arg} must be a date \"YYYY-MM-DD\", got {text:?}"))
    }

    /// `json` or `csv`.
    pub fn format(arg: &str, name: &str) -> Result<ReportFormat, String> {
        ReportFormat::from_name(name)
            .ok_or_else(|| format!("{arg} must be \"json\" or \"csv\", got {name:?}"))
    }

    /// `amazon` or `ebay`.
    pub fn marketplace(name: &str) -> Result<Marketplace, String> {
        Marketplace::from_name(name)
            .ok_or_else(|| format!("marketplace must be \"amazon\" or \"ebay\", got {name:?}"))
    }

    /// The names of `count` shipments: those given (one each), else `"1"`, `"2"` …
    pub fn names(given: Option<Vec<String>>, count: usize) -> Result<Vec<String>, String> {
        let names = given.unwrap_or_else(|| (1..=count).map(|n| n.to_string()).collect());
        if names.len() != count {
            return Err(format!(
                "{} names for {count} shipments: give one name per shipment",
                names.len()
            ));
        }
        Ok(names)
    }

    /// One shipment of a report: a shipment that could not be read stops the report, as a
    /// file that is not one stops `niryat report`, with its name in the message.
    pub fn shipment(
        name: String,
        parsed: Result<Shipment, MalformedInput>,
    ) -> Result<ReportInput, MalformedInput> {
        shipment_in(name, parsed, Lang::En)
    }

    /// [`shipment`] with the message in `lang` (`en+hi`: `English / हिन्दी`); a message that
    /// has no Hindi (see `MalformedInput::message_in`) stays in English.
    pub fn shipment_in(
        name: String,
        parsed: Result<Shipment, MalformedInput>,
        lang: Lang,
    ) -> Result<ReportInput, MalformedInput> {
        let m = match parsed {
            Ok(shipment) => return Ok(ReportInput { name, shipment }),
            Err(m) => m,
        };
        let en = format!("shipment {name}: {}", m.message);
        let hindi = match lang {
            Lang::En => None,
            _ => Some(m.message_in(Lang::Hi)).filter(|hindi| *hindi != m.message),
        };
        let message = match (lang, hindi) {
            (Lang::Hi, Some(hindi)) => format!("प्रेषण {name}: {hindi}"),
            (Lang::EnHi, Some(hindi)) => format!("{en} / प्रेषण {name}: {hindi}"),
            _ => en,
        };
        Err(MalformedInput { message, ..m })
    }
}

/// A report for a front end.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ReportOutput {
    /// The report as `niryat report …` writes it: an object for `json`, the text for `csv`.
    pub report: Value,
    /// What the report could not put in a row, and conflicts between files, with messages in
    /// the language asked for (the CLI writes them on standard error).
    pub issues: Vec<ReportIssue>,
    /// True when an issue is an error (the CLI exits with 1): do not file as it is.
    pub has_errors: bool,
}

fn output(
    json: String,
    csv: impl FnOnce() -> String,
    format: ReportFormat,
    issues: Vec<ReportIssue>,
) -> ReportOutput {
    let report = match format {
        ReportFormat::Json => serde_json::from_str(&json).unwrap_or(Value::Null),
        ReportFormat::Csv => Value::String(csv()),
    };
    let has_errors = issues.iter().any(|i| i.severity == crate::Severity::Error);
    ReportOutput { report, issues, has_errors }
}

/// GSTR-1 Table 6A rows of `period` ([`gstr1::gstr1`]) with messages in `lang`.
pub fn gstr1_output(
    inputs: &[ReportInput],
    period: Period,
    format: ReportFormat,
    lang: Lang,
) -> ReportOutput {
    let r = gstr1::gstr1(inputs, period).in_lang(lang);
    output(r.offline_json(), || r.csv(), format, r.issues.clone())
}

/// The realisation report as of `as_of` ([`realisation::realisation`]) with messages in
/// `lang`.
pub fn realisation_output(
    inputs: &[ReportInput],
    as_of: Date,
    format: ReportFormat,
    lang: Lang,
) -> ReportOutput {
    let r = realisation::realisation(inputs, as_of).in_lang(lang);
    output(r.json(), || r.csv(), format, r.issues.clone())
}

/// An order import for a front end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ImportOutput {
    /// False when the report or the catalogue could not be read (then `orders` is empty
    /// and `issues` says why; the CLI exits with 2).
    pub ok: bool,
    /// One draft shipment per order, in the report's order, each with its draft check.
    pub orders: Vec<DraftOrder>,
    /// Warnings (SKUs not in the catalogue) or the errors that stopped the import, with
    /// messages in the language asked for.
    pub issues: Vec<ImportIssue>,
}

/// Imports `report` (the text of a `market` order report) into drafts starting from
/// `template`, completed from the catalogue CSV text `catalogue` when given
/// ([`orders::import`]), with messages in `lang`.
pub fn import_output(
    market: Marketplace,
    report: &str,
    template: &Shipment,
    catalogue: Option<&str>,
    lang: Lang,
) -> ImportOutput {
    let failed = |issues: Vec<ImportIssue>| ImportOutput {
        ok: false,
        orders: Vec::new(),
        issues: orders::in_lang(&issues, lang),
    };
    let catalogue = match catalogue.map(Catalogue::parse) {
        Some(Err(issues)) => return failed(issues),
        Some(Ok(c)) => Some(c),
        None => None,
    };
    match orders::import(market, report, template, catalogue.as_ref()) {
        Ok(imported) => {
            let imported = imported.in_lang(lang);
            ImportOutput { ok: true, orders: imported.orders, issues: imported.issues }
        }
        Err(issues) => failed(issues),
    }
}

#[cfg(test)]
mod tests {
    use super::{args, Lang};

    #[test]
    fn the_bindings_arguments_are_read_with_one_message_each() {
        assert_eq!(args::period("2026-04").map(|p| p.name()), Ok("2026-04".to_string()));
        assert!(args::period("2026-4").is_err_and(|m| m.contains("\"YYYY-MM\"")));
        assert!(args::date("asOf", "1/12/2026").is_err_and(|m| m.starts_with("asOf must be")));
        assert!(args::format("options.format", "xml").is_err_and(|m| m.contains("\"xml\"")));
        assert!(args::marketplace("etsy").is_err_and(|m| m.contains("\"etsy\"")));
        assert_eq!(args::names(None, 2), Ok(vec!["1".to_string(), "2".to_string()]));
        assert_eq!(
            args::names(Some(vec!["a.json".into()]), 2),
            Err("1 names for 2 shipments: give one name per shipment".to_string())
        );
        let named = args::shipment("march.json".into(), crate::parse_json(b"[]"));
        assert!(named.is_err_and(|m| m.message.starts_with("shipment march.json: ")));
        // In Hindi, and in both, when the message has Hindi; in English when it has none.
        let said = |text: &[u8], lang| {
            args::shipment_in("b.json".into(), crate::parse_json(text), lang)
                .err()
                .map(|m| m.message)
                .unwrap_or_default()
        };
        let gift = br#"{"purpose": "gift"}"#;
        let en = "shipment b.json: unknown variant `gift`, expected `commercial` or `personal`";
        let hi = "प्रेषण b.json: अज्ञात शब्द `gift`: `commercial`, `personal` में से एक होना चाहिए";
        assert_eq!(said(gift, Lang::En), en);
        assert_eq!(said(gift, Lang::Hi), hi);
        assert_eq!(said(gift, Lang::EnHi), format!("{en} / {hi}"));
        let untold = args::shipment_in(
            "b.json".into(),
            Err(crate::MalformedInput {
                path: String::new(),
                message: "something else".into(),
                line: None,
                column: None,
            }),
            Lang::EnHi,
        );
        assert!(untold.is_err_and(|m| m.message == "shipment b.json: something else"));
    }
}
