//! GSTR-1 Table 6A: the export invoices of one tax period, from many shipments.
//!
//! The JSON is the `exp` section as the GST offline tool and the GSTN GSTR-1 API take it:
//! `{"gstin", "fp": "MMYYYY", "exp": [{"exp_typ": "WPAY" | "WOPAY", "inv": [{"inum", "idt",
//! "val", "sbpcode", "sbnum", "sbdt", "itms": [{"txval", "rt", "iamt", "csamt"}]}]}]}` with
//! dates `dd-mm-yyyy` and amounts as JSON numbers in rupees. Keys and layout from the domain
//! reference §5.3 (india-compliance `report/gstr_1/gstr_1.py`), checked against an
//! open-source GSTN client's model of the same section (NanduGST `GSTR1Download/Exp.cs`:
//! `inum`, `idt`, `val`, `sbpcode`, `sbnum`, `sbdt`, `itms[]` with `txval`, `iamt`, `csamt`).
//!
//! Each invoice has one item per GST rate: the taxable value in INR of its lines at that rate
//! ([`crate::calc::taxable_values_inr`], freight and insurance shared in) and, for an export
//! on payment of IGST, the IGST of those lines. An export under LUT or bond (WOPAY) reports
//! the lines' rate when given (else 0) and no IGST.

use super::{
    financial_year, financial_year_name, gstn_date, to_csv, Period, ReportInput, ReportIssue,
};
use crate::calc;
use crate::model::{Purpose, Shipment, TaxTreatment};
use crate::rules::catalogue as cat;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// Export type of Table 6A.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum ExportType {
    /// Export on payment of IGST (EXPWP).
    #[serde(rename = "WPAY")]
    WithPayment,
    /// Export under LUT or bond without payment of IGST (EXPWOP).
    #[serde(rename = "WOPAY")]
    WithoutPayment,
}

impl ExportType {
    /// `WPAY` or `WOPAY`, as in the JSON.
    pub fn code(self) -> &'static str {
        match self {
            ExportType::WithPayment => "WPAY",
            ExportType::WithoutPayment => "WOPAY",
        }
    }

    /// `EXPWP` or `EXPWOP`, as in the offline tool's sheet.
    pub fn sheet_name(self) -> &'static str {
        match self {
            ExportType::WithPayment => "EXPWP",
            ExportType::WithoutPayment => "EXPWOP",
        }
    }
}

/// Taxable value and IGST of an invoice's lines at one rate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RateItem {
    /// GST rate in percent.
    pub rate: Decimal,
    /// Taxable value in INR.
    pub taxable_value: Decimal,
    /// IGST in INR (zero without payment).
    pub igst: Decimal,
    /// Compensation cess in INR (niryat records none: always zero).
    pub cess: Decimal,
}

/// One export invoice of Table 6A.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Gstr1Invoice {
    /// The file it came from.
    pub file: String,
    /// With or without payment of IGST.
    pub export_type: ExportType,
    /// Invoice number, exactly as on the invoice.
    pub number: String,
    /// Invoice date, `dd-mm-yyyy`.
    pub date: String,
    /// Invoice value in INR (the invoice total at the shipment's exchange rate).
    pub value: Decimal,
    /// Port code of the shipping bill or PBE (empty until known).
    pub port_code: String,
    /// Shipping bill or PBE number (empty until known).
    pub bill_number: String,
    /// Shipping bill or PBE date, `dd-mm-yyyy` (empty until known).
    pub bill_date: String,
    /// One item per rate, in rate order.
    pub items: Vec<RateItem>,
}

/// The GSTR-1 export rows of one period, and what could not be reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Gstr1 {
    /// The exporter's GSTIN (from the shipments), when one is given.
    pub gstin: Option<String>,
    /// Return period, `MMYYYY`.
    pub fp: String,
    /// The invoices dated in the period, in invoice date then number order.
    pub invoices: Vec<Gstr1Invoice>,
    /// Shipments left out or incomplete, and conflicts between files.
    pub issues: Vec<ReportIssue>,
}

impl Gstr1 {
    /// The same report with every issue's message in `lang` (`en`, `hi` or `en+hi`); rows,
    /// codes, paths and params do not change.
    pub fn in_lang(&self, lang: crate::render::Lang) -> Gstr1 {
        Gstr1 { issues: self.issues.iter().map(|i| i.in_lang(lang)).collect(), ..self.clone() }
    }

    /// Whether an issue is an error (the return should not be filed as it is).
    pub fn has_errors(&self) -> bool {
        self.issues.iter().any(|i| i.severity == crate::Severity::Error)
    }

    /// The offline tool's JSON (`gstin`, `fp`, `exp`), pretty-printed, ending in a newline.
    /// Empty shipping bill fields are left out, as the tool leaves them out before export.
    pub fn offline_json(&self) -> String {
        let mut groups: BTreeMap<ExportType, Vec<Value>> = BTreeMap::new();
        for inv in &self.invoices {
            let mut o = Map::new();
            o.insert("inum".into(), json!(inv.number));
            o.insert("idt".into(), json!(inv.date));
            o.insert("val".into(), number(inv.value));
            for (k, v) in
                [("sbpcode", &inv.port_code), ("sbnum", &inv.bill_number), ("sbdt", &inv.bill_date)]
            {
                if !v.is_empty() {
                    o.insert(k.into(), json!(v));
                }
            }
            let itms: Vec<Value> = inv
                .items
                .iter()
                .map(|i| {
                    json!({
                        "txval": number(i.taxable_value),
                        "rt": number(i.rate),
                        "iamt": number(i.igst),
                        "csamt": number(i.cess),
                    })
                })
                .collect();
            o.insert("itms".into(), Value::Array(itms));
            groups.entry(inv.export_type).or_default().push(Value::Object(o));
        }
        let exp: Vec<Value> =
            groups.into_iter().map(|(t, inv)| json!({"exp_typ": t.code(), "inv": inv})).collect();
        let mut root = Map::new();
        root.insert("gstin".into(), json!(self.gstin.clone().unwrap_or_default()));
        root.insert("fp".into(), json!(self.fp));
        root.insert("exp".into(), Value::Array(exp));
        let mut out = serde_json::to_string_pretty(&Value::Object(root)).unwrap_or_default();
        out.push('\n');
        out
    }

    /// The rows as CSV, one row per invoice and rate, with the offline tool's `exp` sheet
    /// headings plus the IGST amount and the file each row came from.
    pub fn csv(&self) -> String {
        let mut rows = vec![CSV_HEADINGS.iter().map(|h| h.to_string()).collect::<Vec<_>>()];
        for inv in &self.invoices {
            for item in &inv.items {
                rows.push(vec![
                    inv.export_type.sheet_name().to_string(),
                    inv.number.clone(),
                    inv.date.clone(),
                    inv.value.to_string(),
                    inv.port_code.clone(),
                    inv.bill_number.clone(),
                    inv.bill_date.clone(),
                    item.rate.normalize().to_string(),
                    item.taxable_value.to_string(),
                    item.igst.to_string(),
                    item.cess.to_string(),
                    inv.file.clone(),
                ]);
            }
        }
        to_csv(&rows)
    }
}

/// Headings of [`Gstr1::csv`].
pub const CSV_HEADINGS: [&str; 12] = [
    "Export Type",
    "Invoice Number",
    "Invoice date",
    "Invoice Value",
    "Port Code",
    "Shipping Bill Number",
    "Shipping Bill Date",
    "Rate",
    "Taxable Value",
    "IGST Amount",
    "Cess Amount",
    "File",
];

/// A decimal as a JSON number (amounts are to paise, so the shortest float form is exact).
fn number(d: Decimal) -> Value {
    let d = d.normalize();
    if d.scale() == 0 {
        if let Ok(i) = d.to_string().parse::<i64>() {
            return Value::from(i);
        }
    }
    d.to_string()
        .parse::<f64>()
        .ok()
        .and_then(serde_json::Number::from_f64)
        .map_or(Value::Null, Value::Number)
}

/// The GSTR-1 export rows of `period` from `inputs`. Shipments dated outside the period are
/// left out of the rows but still count for the uniqueness of invoice numbers within a
/// financial year, so give the report every file of the year to check that.
pub fn gstr1(inputs: &[ReportInput], period: Period) -> Gstr1 {
    let mut issues = Vec::new();
    duplicates(inputs, &mut issues);
    let mut gstin: Option<(String, String)> = None;
    let mut invoices = Vec::new();
    for input in inputs {
        let s = &input.shipment;
        let Some(date) = s.invoice.as_ref().and_then(|i| i.date) else {
            issues.push(missing(&input.name, "/invoice", "report_invoice_date", "date"));
            continue;
        };
        if Period::of(date) != period {
            continue;
        }
        let Some(export_type) = export_type(s) else {
            issues.push(ReportIssue::new(cat::GSTR1_NOT_REPORTABLE, &input.name, "", "", &[]));
            continue;
        };
        match s.exporter.as_ref().and_then(|e| e.gstin.clone()) {
            Some(g) => match &gstin {
                None => gstin = Some((g, input.name.clone())),
                Some((first, file)) if *first != g => issues.push(ReportIssue::new(
                    cat::GSTR1_GSTIN_MISMATCH,
                    &input.name,
                    "/exporter/gstin",
                    "",
                    &[("gstin", &g), ("first", first), ("first_file", file)],
                )),
                Some(_) => {}
            },
            None => {
                issues.push(missing(&input.name, "/exporter", "report_exporter_gstin", "gstin"))
            }
        }
        if let Some(inv) = row(input, date, export_type, &mut issues) {
            invoices.push(inv);
        }
    }
    invoices.sort_by(|a, b| {
        let key = |i: &Gstr1Invoice| (date_key(&i.date), i.number.clone(), i.file.clone());
        key(a).cmp(&key(b))
    });
    Gstr1 { gstin: gstin.map(|(g, _)| g), fp: period.fp(), invoices, issues }
}

/// `yyyymmdd` from `dd-mm-yyyy`, for sorting.
fn date_key(d: &str) -> String {
    d.split('-').rev().collect()
}

fn export_type(s: &Shipment) -> Option<ExportType> {
    if s.purpose == Purpose::Personal {
        return None;
    }
    match s.tax.as_ref()? {
        TaxTreatment::IgstPaid { .. } => Some(ExportType::WithPayment),
        TaxTreatment::Lut { .. } | TaxTreatment::Bond { .. } => Some(ExportType::WithoutPayment),
        TaxTreatment::Unregistered {} => None,
    }
}

/// A value the row needs is missing: `what` is a phrase key naming it.
fn missing(file: &str, path: &str, what: &str, field: &str) -> ReportIssue {
    ReportIssue::new(cat::MISSING_FIELD, file, path, "report", &[("what", what), ("field", field)])
}

/// The Table 6A invoice of one shipment dated in the period.
fn row(
    input: &ReportInput,
    date: jiff::civil::Date,
    export_type: ExportType,
    issues: &mut Vec<ReportIssue>,
) -> Option<Gstr1Invoice> {
    let s = &input.shipment;
    let file = input.name.as_str();
    let Some(number) = s.invoice.as_ref().and_then(|i| i.number.clone()).filter(|n| !n.is_empty())
    else {
        issues.push(missing(file, "/invoice", "report_invoice_number", "number"));
        return None;
    };
    let value = calc::invoice_total(s).and_then(|t| calc::to_inr(s, t));
    let taxable = calc::taxable_values_inr(s);
    let (Some(value), Some(taxable)) = (value, taxable) else {
        issues.push(ReportIssue::new(
            cat::MISSING_FIELD,
            file,
            "",
            "report_values",
            &[("number", &number)],
        ));
        return None;
    };
    let igst = match export_type {
        ExportType::WithPayment => match calc::line_igst_inr(s) {
            Some(v) if v.iter().all(Option::is_some) => v.into_iter().flatten().collect(),
            _ => {
                issues.push(missing(file, "/tax", "report_igst_rate", "rate"));
                return None;
            }
        },
        ExportType::WithoutPayment => vec![Decimal::ZERO; s.items.len()],
    };
    let mut by_rate: BTreeMap<Decimal, (Decimal, Decimal)> = BTreeMap::new();
    for ((item, tv), tax) in s.items.iter().zip(taxable).zip(igst) {
        let rate = calc::line_gst_rate(s, item).unwrap_or_default().normalize();
        let e = by_rate.entry(rate).or_default();
        e.0 += tv;
        e.1 += tax;
    }
    let items = by_rate
        .into_iter()
        .map(|(rate, (taxable_value, igst))| RateItem {
            rate,
            taxable_value,
            igst,
            cess: Decimal::ZERO,
        })
        .collect();
    let decl = s.export_declaration.as_ref();
    let bill_number = decl.and_then(|d| d.number.clone()).unwrap_or_default();
    let bill_date = decl.and_then(|d| d.date).map(gstn_date).unwrap_or_default();
    let port_code = port_code(s);
    let mut absent = Vec::new();
    for (name, v) in [("number", &bill_number), ("date", &bill_date), ("port_code", &port_code)] {
        if v.is_empty() {
            absent.push(name);
        }
    }
    if !absent.is_empty() {
        let path = if decl.is_some() { "/export_declaration" } else { "" };
        issues.push(ReportIssue::new(
            cat::EXPORT_DECLARATION_PENDING,
            file,
            path,
            if absent.len() == 1 { "one" } else { "" },
            &[
                ("number", &number),
                ("fields", &format!("export_declaration.{}", absent.join(", export_declaration."))),
            ],
        ));
    }
    Some(Gstr1Invoice {
        file: file.to_string(),
        export_type,
        number,
        date: gstn_date(date),
        value,
        port_code,
        bill_number,
        bill_date,
        items,
    })
}

/// The port code of the bill: as recorded, else the FPO of a postal export, else the port of
/// loading when it is a six-character code.
fn port_code(s: &Shipment) -> String {
    let declared = s.export_declaration.as_ref().and_then(|d| d.port_code.clone());
    let t = s.transport.as_ref();
    let fpo = t.and_then(|t| t.post.as_ref()).and_then(|p| p.fpo_code.clone());
    let loading = t.and_then(|t| t.port_of_loading.clone()).filter(|p| p.len() == 6);
    declared.or(fpo).or(loading).unwrap_or_default()
}

/// Invoice numbers used twice in one financial year across the inputs: an error on each later
/// use, naming the file of the first.
fn duplicates(inputs: &[ReportInput], issues: &mut Vec<ReportIssue>) {
    let mut seen: BTreeMap<(i16, String), &str> = BTreeMap::new();
    for input in inputs {
        let Some(inv) = input.shipment.invoice.as_ref() else { continue };
        let (Some(number), Some(date)) = (inv.number.as_ref(), inv.date) else { continue };
        let fy = financial_year(date);
        // Compared without regard to case: numbers differing only in case are one number to
        // a reader of the printed invoice (stricter than an exact match).
        let key = (fy, number.to_uppercase());
        match seen.get(&key) {
            Some(first) => issues.push(ReportIssue::new(
                cat::INVOICE_NUMBER_DUPLICATE,
                &input.name,
                "/invoice/number",
                "",
                &[
                    ("number", number),
                    ("first_file", first),
                    ("file", &input.name),
                    ("year", &financial_year_name(fy)),
                ],
            )),
            None => {
                seen.insert(key, input.name.as_str());
            }
        }
    }
}
