//! The exporter's SKU catalogue: what an order report cannot know about a product (its HS
//! code, unit, weights, GST rate, origin), one CSV row per SKU.
//!
//! Headings (first row, any order; only `sku` is required): `sku`, `description`, `hs_code`,
//! `unit`, `net_weight_kg`, `gross_weight_kg`, `gst_rate`, `origin_country`. Weights are per
//! unit. An unknown heading is an error naming it.

use super::{table, ImportIssue};
use crate::rules::catalogue as cat;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// Headings the catalogue may have.
pub const HEADINGS: [&str; 8] = [
    "sku",
    "description",
    "hs_code",
    "unit",
    "net_weight_kg",
    "gross_weight_kg",
    "gst_rate",
    "origin_country",
];

/// One product of the catalogue.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Product {
    /// Description to print instead of the marketplace title (specific, for customs).
    pub description: Option<String>,
    /// HS / ITC(HS) code, digits only.
    pub hs_code: Option<String>,
    /// GST unit quantity code.
    pub unit: Option<String>,
    /// Net weight of one unit, kg.
    pub net_weight_kg: Option<Decimal>,
    /// Gross (packed) weight of one unit, kg.
    pub gross_weight_kg: Option<Decimal>,
    /// GST rate, percent.
    pub gst_rate: Option<Decimal>,
    /// Country of origin, ISO alpha-2.
    pub origin_country: Option<String>,
}

/// The catalogue: products by SKU.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalogue {
    /// Products by SKU, exactly as written.
    pub products: BTreeMap<String, Product>,
}

impl Catalogue {
    /// Reads the CSV. Fails with every problem found (unknown headings, bad numbers,
    /// a SKU given twice).
    pub fn parse(text: &str) -> Result<Catalogue, Vec<ImportIssue>> {
        let rows = table::records(text, ',');
        let Some((_, head)) = rows.first() else {
            return Err(vec![ImportIssue::columns("catalogue_empty", &[])]);
        };
        let head: Vec<String> = head.iter().map(|h| h.trim().to_lowercase()).collect();
        let unknown: Vec<&str> =
            head.iter().map(String::as_str).filter(|h| !HEADINGS.contains(h)).collect();
        let mut issues = Vec::new();
        if !unknown.is_empty() {
            issues.push(ImportIssue::columns(
                "catalogue_unknown",
                &[("columns", &unknown.join(", ")), ("known", &HEADINGS.join(", "))],
            ));
        }
        if !head.iter().any(|h| h == "sku") {
            issues.push(ImportIssue::columns("catalogue_no_sku", &[]));
        }
        if !issues.is_empty() {
            return Err(issues);
        }
        let mut products = BTreeMap::new();
        for (line, row) in &rows[1..] {
            let get = |name: &str| {
                head.iter()
                    .position(|h| h == name)
                    .and_then(|i| row.get(i))
                    .map(|v| v.trim().to_string())
                    .filter(|v| !v.is_empty())
            };
            let mut num = |name: &str| -> Option<Decimal> {
                let v = get(name)?;
                match v.parse::<Decimal>() {
                    Ok(d) if d >= Decimal::ZERO => Some(d),
                    _ => {
                        issues.push(ImportIssue::value(
                            *line,
                            name,
                            "catalogue_number",
                            &[("column", name), ("value", &v)],
                        ));
                        None
                    }
                }
            };
            let Some(sku) = get("sku") else {
                issues.push(ImportIssue::value(*line, "sku", "catalogue_no_sku", &[]));
                continue;
            };
            let product = Product {
                description: get("description"),
                hs_code: get("hs_code"),
                unit: get("unit"),
                net_weight_kg: num("net_weight_kg"),
                gross_weight_kg: num("gross_weight_kg"),
                gst_rate: num("gst_rate"),
                origin_country: get("origin_country").map(|c| c.to_uppercase()),
            };
            if products.insert(sku.clone(), product).is_some() {
                issues.push(ImportIssue::value(*line, "sku", "catalogue_twice", &[("sku", &sku)]));
            }
        }
        if issues.is_empty() {
            Ok(Catalogue { products })
        } else {
            Err(issues)
        }
    }
}

impl ImportIssue {
    /// An `order_report_columns` error with the message of `variant`.
    pub(crate) fn columns(variant: &'static str, params: &[(&'static str, &str)]) -> ImportIssue {
        ImportIssue::new(cat::ORDER_REPORT_COLUMNS, None, None, variant, params)
    }

    /// An `order_report_value` error at a line and column, with the message of `variant`.
    pub(crate) fn value(
        line: usize,
        column: &str,
        variant: &'static str,
        params: &[(&'static str, &str)],
    ) -> ImportIssue {
        ImportIssue::new(cat::ORDER_REPORT_VALUE, Some(line), Some(column), variant, params)
    }
}
