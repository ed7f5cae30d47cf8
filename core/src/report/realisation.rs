//! Realisation of export proceeds: every invoice with its export date, the date by which the
//! proceeds are due under FEMA, and what the e-BRCs / FIRCs recorded on the shipment say was
//! received.
//!
//! The period is 15 months from the date of export (RBI notification FEMA 23(R)/(7)/2025-RB
//! of 13 November 2025, domain reference §14.1 [S]); [`FEMA_MONTHS`] holds it. The date of
//! export is the shipping bill / PBE date when recorded, else the dispatch date, else the
//! invoice date (the row says which). Core reads no clock: the caller gives the date the
//! report is made "as of".

use super::{gstn_date, to_csv, ReportInput, ReportIssue};
use crate::calc;
use crate::model::Purpose;
use crate::rules::catalogue as cat;
use jiff::civil::Date;
use jiff::ToSpan;
use rust_decimal::Decimal;
use serde::Serialize;

/// Months from export within which proceeds must be realised (FEMA 23(R)/(7)/2025-RB).
pub const FEMA_MONTHS: i32 = 15;

/// Where an invoice stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RealisationStatus {
    /// The full invoice value is realised.
    Realised,
    /// Part realised, not yet due.
    PartRealised,
    /// Nothing realised, not yet due.
    Outstanding,
    /// Not fully realised and the due date has passed.
    Overdue,
}

impl RealisationStatus {
    /// snake_case name, as in JSON and CSV.
    pub fn name(self) -> &'static str {
        match self {
            RealisationStatus::Realised => "realised",
            RealisationStatus::PartRealised => "part_realised",
            RealisationStatus::Outstanding => "outstanding",
            RealisationStatus::Overdue => "overdue",
        }
    }
}

/// One invoice of the realisation report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RealisationRow {
    /// The file it came from.
    pub file: String,
    /// Invoice number.
    pub invoice_number: String,
    /// Invoice date, ISO 8601.
    pub invoice_date: String,
    /// Date of export, ISO 8601.
    pub export_date: String,
    /// What the export date is: `export_declaration`, `dispatch` or `invoice`.
    pub export_date_source: &'static str,
    /// Last day for realisation, ISO 8601.
    pub due_date: String,
    /// Invoice currency.
    pub currency: String,
    /// Invoice value in the invoice currency.
    pub invoice_value: Decimal,
    /// Sum of the amounts realised.
    pub realised: Decimal,
    /// Invoice value less what is realised (never below zero).
    pub outstanding: Decimal,
    /// e-BRC / FIRC numbers, in the order recorded.
    pub certificates: Vec<String>,
    /// Where the invoice stands on the report's date.
    pub status: RealisationStatus,
    /// Something but not all is realised.
    pub part_realised: bool,
    /// Not fully realised after the due date.
    pub overdue: bool,
}

/// The realisation report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Realisation {
    /// The date the report is made as of, ISO 8601.
    pub as_of: String,
    /// One row per commercial invoice, in export date then invoice number order.
    pub rows: Vec<RealisationRow>,
    /// Shipments left out and why.
    pub issues: Vec<ReportIssue>,
}

impl Realisation {
    /// The same report with every issue's message in `lang` (`en`, `hi` or `en+hi`); rows,
    /// codes, paths and params do not change.
    pub fn in_lang(&self, lang: crate::render::Lang) -> Realisation {
        Realisation {
            issues: self.issues.iter().map(|i| i.in_lang(lang)).collect(),
            ..self.clone()
        }
    }

    /// The report as pretty JSON, ending in a newline.
    pub fn json(&self) -> String {
        let mut out = serde_json::to_string_pretty(self).unwrap_or_default();
        out.push('\n');
        out
    }

    /// The rows as RFC 4180 CSV; dates `dd-mm-yyyy`, certificates joined by `; `.
    pub fn csv(&self) -> String {
        let mut rows = vec![CSV_HEADINGS.iter().map(|h| h.to_string()).collect::<Vec<_>>()];
        let dmy = |iso: &str| iso.parse::<Date>().map(gstn_date).unwrap_or_default();
        for r in &self.rows {
            rows.push(vec![
                r.invoice_number.clone(),
                dmy(&r.invoice_date),
                dmy(&r.export_date),
                r.export_date_source.to_string(),
                dmy(&r.due_date),
                r.currency.clone(),
                r.invoice_value.to_string(),
                r.realised.to_string(),
                r.outstanding.to_string(),
                r.certificates.join("; "),
                r.status.name().to_string(),
                r.file.clone(),
            ]);
        }
        to_csv(&rows)
    }
}

/// Headings of [`Realisation::csv`].
pub const CSV_HEADINGS: [&str; 12] = [
    "Invoice Number",
    "Invoice Date",
    "Export Date",
    "Export Date From",
    "Due Date",
    "Currency",
    "Invoice Value",
    "Realised",
    "Outstanding",
    "e-BRC / FIRC",
    "Status",
    "File",
];

/// The realisation report of `inputs` as of `as_of`. Personal parcels (no foreign exchange)
/// are left out silently; a commercial shipment without invoice number, date or value is
/// reported as an issue.
pub fn realisation(inputs: &[ReportInput], as_of: Date) -> Realisation {
    let mut rows = Vec::new();
    let mut issues = Vec::new();
    for input in inputs {
        let s = &input.shipment;
        if s.purpose == Purpose::Personal {
            continue;
        }
        let file = input.name.as_str();
        let inv = s.invoice.as_ref();
        let (Some(number), Some(date)) =
            (inv.and_then(|i| i.number.clone()), inv.and_then(|i| i.date))
        else {
            issues.push(ReportIssue::new(
                cat::MISSING_FIELD,
                file,
                if inv.is_some() { "/invoice" } else { "" },
                "report_invoice",
                &[],
            ));
            continue;
        };
        let Some(value) = calc::invoice_total(s) else {
            issues.push(ReportIssue::new(
                cat::MISSING_FIELD,
                file,
                "",
                "report_value",
                &[("number", &number)],
            ));
            continue;
        };
        let (export_date, source) = match (
            s.export_declaration.as_ref().and_then(|d| d.date),
            s.transport.as_ref().and_then(|t| t.dispatch_date),
        ) {
            (Some(d), _) => (d, "export_declaration"),
            (None, Some(d)) => (d, "dispatch"),
            (None, None) => (date, "invoice"),
        };
        let Ok(due) = export_date.checked_add(FEMA_MONTHS.months()) else {
            continue;
        };
        let mut realised = Decimal::ZERO;
        let mut certificates = Vec::new();
        for (i, r) in s.realisations.iter().enumerate() {
            match r.amount {
                Some(a) => realised = realised.checked_add(a).unwrap_or(realised),
                None => issues.push(ReportIssue::new(
                    cat::MISSING_FIELD,
                    file,
                    &format!("/realisations/{i}"),
                    "report_amount",
                    &[("number", &number)],
                )),
            }
            if let Some(n) = &r.number {
                certificates.push(n.clone());
            }
        }
        let minor = calc::minor_units(s);
        let mut outstanding = (value - realised).max(Decimal::ZERO);
        for v in [&mut realised, &mut outstanding] {
            v.rescale(minor.max(v.scale()));
        }
        let full = outstanding.is_zero();
        let part_realised = !full && realised > Decimal::ZERO;
        let overdue = !full && as_of > due;
        let status = if full {
            RealisationStatus::Realised
        } else if overdue {
            RealisationStatus::Overdue
        } else if part_realised {
            RealisationStatus::PartRealised
        } else {
            RealisationStatus::Outstanding
        };
        rows.push(RealisationRow {
            file: file.to_string(),
            invoice_number: number,
            invoice_date: date.to_string(),
            export_date: export_date.to_string(),
            export_date_source: source,
            due_date: due.to_string(),
            currency: s.currency.clone().unwrap_or_default(),
            invoice_value: value,
            realised,
            outstanding,
            certificates,
            status,
            part_realised,
            overdue,
        });
    }
    rows.sort_by(|a, b| {
        (&a.export_date, &a.invoice_number, &a.file).cmp(&(
            &b.export_date,
            &b.invoice_number,
            &b.file,
        ))
    });
    Realisation { as_of: as_of.to_string(), rows, issues }
}
