//! Reports over many shipments: the export rows of GSTR-1 Table 6A ([`gstr1`]) and the
//! realisation of export proceeds ([`realisation`]).
//!
//! A report reads a list of [`ReportInput`]s (a file name and the shipment read from it) and
//! never fails: what it cannot put in a row it says in a [`ReportIssue`] that names the file
//! and the JSON Pointer in it. Each report writes JSON and RFC 4180 CSV.

pub mod gstr1;
pub mod output;
pub mod realisation;

use crate::issue::Severity;
use crate::model::Shipment;
use crate::render::Lang;
use jiff::civil::Date;
use serde::Serialize;
use std::collections::BTreeMap;

pub use gstr1::{gstr1, Gstr1};
pub use output::{gstr1_output, import_output, realisation_output, ReportFormat, ReportOutput};
pub use realisation::{realisation, Realisation, RealisationStatus};

/// The catalogue codes only the reports and the order import give (never `validate`): the
/// fixture cases of `validate` cannot produce them, so core/tests/reports.rs covers them.
pub const CODES: &[&str] = &[
    "invoice_number_duplicate",
    "export_declaration_pending",
    "gstr1_not_reportable",
    "gstr1_gstin_mismatch",
    "order_report_columns",
    "order_report_value",
    "sku_not_in_catalogue",
];

/// One shipment given to a report, with the name of the file it came from (used in issues).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportInput {
    /// File name or any label the caller uses for the shipment.
    pub name: String,
    /// The shipment.
    pub shipment: Shipment,
}

/// Something a report could not put in a row, or a conflict between files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ReportIssue {
    /// Stable snake_case code from the rules catalogue.
    pub code: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// The file ([`ReportInput::name`]) the issue is about.
    pub file: String,
    /// RFC 6901 JSON Pointer into that file's shipment.
    pub path: String,
    /// A sentence a clerk can act on: English unless made with [`ReportIssue::in_lang`].
    pub message: String,
    /// Context values (invoice number, file names …): every placeholder of the message
    /// template is one of them.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<&'static str, String>,
    /// Which of the code's message templates the message comes from (empty: the code's
    /// main one). Not serialized: the code and params say the same to a machine.
    #[serde(skip)]
    #[schemars(skip)]
    pub variant: &'static str,
}

impl ReportIssue {
    fn new(
        rule: crate::rules::Rule,
        file: &str,
        path: &str,
        variant: &'static str,
        params: &[(&'static str, &str)],
    ) -> ReportIssue {
        let mut issue = ReportIssue {
            code: rule.code,
            severity: rule.severity,
            file: file.to_string(),
            path: path.to_string(),
            message: String::new(),
            params: params.iter().map(|(k, v)| (*k, v.to_string())).collect(),
            variant,
        };
        issue.message = issue.message_in(Lang::En);
        issue
    }

    /// The message in `lang`, rendered from the code's template and the params.
    pub fn message_in(&self, lang: Lang) -> String {
        crate::messages::render_parts(self.code, self.variant, &self.params, &self.path, lang)
            .unwrap_or_else(|| self.message.clone())
    }

    /// The same issue with its message in `lang` (`en`, `hi` or `en+hi`).
    pub fn in_lang(&self, lang: Lang) -> ReportIssue {
        ReportIssue { message: self.message_in(lang), ..self.clone() }
    }
}

/// A GST tax period: one calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    year: i16,
    month: i8,
}

impl Period {
    /// Parses `YYYY-MM` (`2026-03`). `None` for anything else.
    pub fn parse(text: &str) -> Option<Period> {
        let (y, m) = text.split_once('-')?;
        if y.len() != 4 || m.len() != 2 || !(y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()))
        {
            return None;
        }
        let year: i16 = y.parse().ok()?;
        let month: i8 = m.parse().ok()?;
        ((1..=12).contains(&month) && year >= 2017).then_some(Period { year, month })
    }

    /// The period of `date`.
    pub fn of(date: Date) -> Period {
        Period { year: date.year(), month: date.month() }
    }

    /// GSTN's `fp` (return period): `MMYYYY`, `032026` for March 2026.
    pub fn fp(self) -> String {
        format!("{:02}{:04}", self.month, self.year)
    }

    /// `YYYY-MM`.
    pub fn name(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }
}

/// The Indian financial year (April to March) `date` falls in, as its first calendar year:
/// 2025 for 15 March 2026, 2026 for 1 April 2026.
pub fn financial_year(date: Date) -> i16 {
    if date.month() >= 4 {
        date.year()
    } else {
        date.year() - 1
    }
}

/// `2025-26` for the financial year beginning in 2025.
pub fn financial_year_name(start: i16) -> String {
    format!("{}-{:02}", start, (start + 1).rem_euclid(100))
}

/// `dd-mm-yyyy`, the date form of GSTR-1.
pub(crate) fn gstn_date(d: Date) -> String {
    format!("{:02}-{:02}-{:04}", d.day(), d.month(), d.year())
}

/// Writes `rows` (the first is the heading) as RFC 4180 CSV: CRLF line ends, a field quoted
/// (with `"` doubled) when it holds a comma, a quote or a line break.
pub(crate) fn to_csv(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for row in rows {
        for (i, v) in row.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            if v.contains([',', '"', '\r', '\n']) {
                out.push('"');
                out.push_str(&v.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(v);
            }
        }
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_parse_strictly() {
        assert_eq!(Period::parse("2026-03").map(Period::fp).as_deref(), Some("032026"));
        for bad in ["2026-3", "2026-13", "2026-00", "26-03", "2026/03", "abcd-ef", "2016-04", ""] {
            assert_eq!(Period::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn financial_years_turn_in_april() {
        assert_eq!(financial_year(jiff::civil::date(2026, 3, 31)), 2025);
        assert_eq!(financial_year(jiff::civil::date(2026, 4, 1)), 2026);
        assert_eq!(financial_year_name(2099), "2099-00");
        assert_eq!(gstn_date(jiff::civil::date(2026, 4, 1)), "01-04-2026");
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let rows = vec![vec!["a,b".to_string(), "say \"hi\"".to_string(), "plain".to_string()]];
        assert_eq!(to_csv(&rows), "\"a,b\",\"say \"\"hi\"\"\",plain\r\n");
    }
}
