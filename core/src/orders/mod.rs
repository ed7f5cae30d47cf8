//! Marketplace orders in: an Amazon order report or an eBay orders CSV becomes one draft
//! shipment per order.
//!
//! The report gives the consignee, the address, the lines (SKU, title, quantity, price), the
//! currency, shipping charged, the order id and (eBay) the payment transaction. What it
//! cannot know (HS code, weights, GST rate, a customs-fit description) comes from the
//! exporter's SKU [`Catalogue`], or is left for the draft check to ask for. Everything else
//! (exporter, signatory, tax treatment, transport, postal particulars) is copied from a
//! template shipment the exporter keeps. Column mappings are data: [`columns`].

pub mod catalogue;
pub mod columns;
mod table;

pub use catalogue::{Catalogue, Product};
use columns::{Field, Layout};

use crate::issue::{Report, Severity};
use crate::model::{
    Address, Charges, Ecommerce, InvoiceHeader, LineItem, OrderReference, Package, PackageContent,
    Party, Shipment,
};
use crate::render::Lang;
use crate::rules::{catalogue as cat, DocKind, Mode, Rule};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

/// Which marketplace's report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Marketplace {
    /// Amazon Seller Central order report (tab-separated).
    Amazon,
    /// eBay Seller Hub orders report (CSV).
    Ebay,
}

impl Marketplace {
    /// Parses `amazon` or `ebay`.
    pub fn from_name(name: &str) -> Option<Marketplace> {
        use crate::names::Named;
        Marketplace::all().iter().copied().find(|m| m.word() == name)
    }

    /// The report layout.
    pub fn layout(self) -> &'static Layout {
        match self {
            Marketplace::Amazon => &columns::AMAZON,
            Marketplace::Ebay => &columns::EBAY,
        }
    }

    fn platform(self) -> &'static str {
        match self {
            Marketplace::Amazon => "Amazon",
            Marketplace::Ebay => "eBay",
        }
    }
}

/// A problem with the report or the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ImportIssue {
    /// Stable code from the rules catalogue.
    pub code: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// 1-based line of the report, when the issue is about a row.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The column heading concerned, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// A sentence a clerk can act on: English unless made with [`ImportIssue::in_lang`].
    pub message: String,
    /// Context values (order id, the value read …): every placeholder of the message
    /// template is one of them.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<&'static str, String>,
    /// Which of the code's message templates the message comes from (empty: the code's
    /// main one). Not serialized.
    #[serde(skip)]
    #[schemars(skip)]
    pub variant: &'static str,
}

impl ImportIssue {
    fn new(
        rule: Rule,
        line: Option<usize>,
        column: Option<&str>,
        variant: &'static str,
        params: &[(&'static str, &str)],
    ) -> ImportIssue {
        let mut issue = ImportIssue {
            code: rule.code,
            severity: rule.severity,
            line,
            column: column.map(str::to_string),
            message: String::new(),
            // A value read from the report is cut as a validation issue's value is.
            params: params
                .iter()
                .map(|(k, v)| {
                    (*k, if *k == "value" { crate::messages::cut(v) } else { v.to_string() })
                })
                .collect(),
            variant,
        };
        issue.message = issue.message_in(Lang::En);
        issue
    }

    /// The message in `lang`, rendered from the code's template and the params.
    pub fn message_in(&self, lang: Lang) -> String {
        crate::messages::render_parts(self.code, self.variant, &self.params, "", lang)
            .unwrap_or_else(|| self.message.clone())
    }

    /// The same issue with its message in `lang` (`en`, `hi` or `en+hi`).
    pub fn in_lang(&self, lang: Lang) -> ImportIssue {
        ImportIssue { message: self.message_in(lang), ..self.clone() }
    }
}

/// `issues` with their messages in `lang`: for the errors [`import`] and
/// [`Catalogue::parse`] fail with.
pub fn in_lang(issues: &[ImportIssue], lang: Lang) -> Vec<ImportIssue> {
    issues.iter().map(|i| i.in_lang(lang)).collect()
}

/// One order as a draft shipment, with its draft check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct DraftOrder {
    /// The marketplace order id.
    pub order_id: String,
    /// The draft shipment.
    pub shipment: Shipment,
    /// The shipment checked in draft mode for the documents it calls for: the warnings say
    /// what is still to fill in.
    pub check: Report,
}

/// What an import gives: the drafts and the warnings (SKUs not in the catalogue).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Imported {
    /// One draft per order, in the report's order.
    pub orders: Vec<DraftOrder>,
    /// Warnings about the report or catalogue that did not stop the import.
    pub issues: Vec<ImportIssue>,
}

impl Imported {
    /// The same drafts with every message in `lang` (`en`, `hi` or `en+hi`): the import's
    /// issues and each draft's check.
    pub fn in_lang(&self, lang: Lang) -> Imported {
        let orders = self
            .orders
            .iter()
            .map(|o| DraftOrder { check: o.check.in_lang(lang), ..o.clone() })
            .collect();
        Imported { orders, issues: in_lang(&self.issues, lang) }
    }
}

/// Reads `report` (the text of a `market` order report) into one draft shipment per order,
/// each starting from `template` and completed from `catalogue`. Fails, with every problem,
/// when a heading is unknown or missing or a value cannot be read.
pub fn import(
    market: Marketplace,
    report: &str,
    template: &Shipment,
    catalogue: Option<&Catalogue>,
) -> Result<Imported, Vec<ImportIssue>> {
    let layout = market.layout();
    let rows = table::records(report, layout.separator);
    let Some((_, head)) = rows.first() else {
        return Err(vec![ImportIssue::columns("empty", &[("report", layout.phrase)])]);
    };
    let head: Vec<&str> = head.iter().map(|h| h.trim()).collect();
    let known = |h: &str| layout.mapped.iter().any(|m| m.0 == h) || layout.ignored.contains(&h);
    let unknown: Vec<&str> = head.iter().copied().filter(|h| !known(h)).collect();
    let missing: Vec<&str> =
        layout.mapped.iter().filter(|m| m.2 && !head.contains(&m.0)).map(|m| m.0).collect();
    let mut errors = Vec::new();
    if !unknown.is_empty() {
        errors.push(ImportIssue::columns(
            "",
            &[("report", layout.phrase), ("columns", &quoted(&unknown))],
        ));
    }
    if !missing.is_empty() {
        errors.push(ImportIssue::columns(
            "missing",
            &[("report", layout.phrase), ("columns", &quoted(&missing))],
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let col = |f: Field| {
        layout.mapped.iter().find(|m| m.1 == f).and_then(|m| head.iter().position(|h| *h == m.0))
    };
    let mut orders: Vec<(String, Vec<Row>)> = Vec::new();
    let mut issues = Vec::new();
    for (line, rec) in &rows[1..] {
        // eBay appends "N record(s) downloaded" and "Seller ID: …" lines after the orders.
        if rec.len() == 1 && market == Marketplace::Ebay {
            continue;
        }
        let get = |f: Field| {
            col(f).and_then(|i| rec.get(i)).map(|v| v.trim().to_string()).filter(|v| !v.is_empty())
        };
        let row = Row { line: *line, values: FIELDS.iter().map(|f| get(*f)).collect() };
        let Some(id) = row.get(Field::OrderId) else {
            errors.push(ImportIssue::value(*line, "order id", "no_order_id", &[]));
            continue;
        };
        match orders.iter_mut().find(|(o, _)| *o == id) {
            Some((_, rows)) => rows.push(row),
            None => orders.push((id, vec![row])),
        }
    }
    let mut drafts = Vec::new();
    for (id, rows) in &orders {
        match order(market, id, rows, template, catalogue, &mut issues) {
            Ok(s) => {
                let kinds = DocKind::for_shipment(&s);
                let check = crate::validate(&s, &kinds, Mode::Draft);
                drafts.push(DraftOrder { order_id: id.clone(), shipment: s, check });
            }
            Err(mut e) => errors.append(&mut e),
        }
    }
    if errors.is_empty() {
        Ok(Imported { orders: drafts, issues })
    } else {
        Err(errors)
    }
}

fn quoted(names: &[&str]) -> String {
    names.iter().map(|n| format!("{n:?}")).collect::<Vec<_>>().join(", ")
}

/// The fields a row keeps, in [`Row::values`] order.
const FIELDS: [Field; 19] = [
    Field::OrderId,
    Field::OrderDate,
    Field::PaymentTransaction,
    Field::Sku,
    Field::Title,
    Field::Quantity,
    Field::Price,
    Field::Shipping,
    Field::Currency,
    Field::Name,
    Field::Phone,
    Field::Email,
    Field::Address1,
    Field::Address2,
    Field::Address3,
    Field::City,
    Field::State,
    Field::PostalCode,
    Field::Country,
];

struct Row {
    line: usize,
    values: Vec<Option<String>>,
}

impl Row {
    fn get(&self, f: Field) -> Option<String> {
        FIELDS.iter().position(|x| *x == f).and_then(|i| self.values.get(i).cloned().flatten())
    }

    fn heading(market: Marketplace, f: Field) -> &'static str {
        market.layout().mapped.iter().find(|m| m.1 == f).map_or("", |m| m.0)
    }
}

/// An amount: Amazon gives plain numbers with the currency in its own column; eBay prefixes
/// the currency (`£12.50`, `US $30.00`).
fn amount(market: Marketplace, text: &str) -> Option<(Decimal, Option<&'static str>)> {
    let t = text.trim();
    if market == Marketplace::Ebay {
        for (prefix, code) in columns::EBAY_CURRENCY_PREFIXES {
            if let Some(rest) = t.strip_prefix(prefix) {
                return rest.trim().replace(',', "").parse().ok().map(|d| (d, Some(*code)));
            }
        }
    }
    t.replace(',', "").parse().ok().map(|d| (d, None))
}

/// The date of an order: Amazon `2026-11-18T10:42:07+00:00`; eBay `Nov-18-26`.
fn order_date(text: &str) -> Option<jiff::civil::Date> {
    if let Some(d) = text.get(..10).and_then(|d| d.parse().ok()) {
        return Some(d);
    }
    const MONTHS: [&str; 12] =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let mut parts = text.split(['-', ' ']);
    let month = parts.next()?;
    let m = MONTHS.iter().position(|m| *m == month)?;
    let d: i8 = parts.next()?.parse().ok()?;
    let y: i16 = parts.next()?.parse().ok()?;
    let y = if y < 100 { 2000 + y } else { y };
    jiff::civil::Date::new(y, i8::try_from(m + 1).ok()?, d).ok()
}

/// An ISO alpha-2 code, or (eBay) a country's English name.
fn country(text: &str) -> Option<String> {
    let t = text.trim();
    if t.len() == 2 {
        return crate::data::countries::country(&t.to_uppercase()).map(|c| c.alpha2.to_string());
    }
    let alias = match t {
        "United States of America" | "USA" => "United States",
        "UK" | "Great Britain" => "United Kingdom",
        other => other,
    };
    crate::data::countries::COUNTRIES
        .iter()
        .find(|c| c.name.eq_ignore_ascii_case(alias))
        .map(|c| c.alpha2.to_string())
}

/// One order's draft shipment.
fn order(
    market: Marketplace,
    id: &str,
    rows: &[Row],
    template: &Shipment,
    catalogue: Option<&Catalogue>,
    warnings: &mut Vec<ImportIssue>,
) -> Result<Shipment, Vec<ImportIssue>> {
    let mut errors = Vec::new();
    let first = |f: Field| rows.iter().find_map(|r| r.get(f));
    let line0 = rows.first().map_or(0, |r| r.line);
    let mut currency = first(Field::Currency);
    let mut freight = Decimal::ZERO;
    let mut items = Vec::new();
    let mut gross = Vec::new();
    for r in rows {
        let mut read = |f: Field, errors: &mut Vec<ImportIssue>| -> Option<Decimal> {
            let v = r.get(f)?;
            match amount(market, &v) {
                Some((d, code)) if d >= Decimal::ZERO => {
                    if let Some(code) = code {
                        currency.get_or_insert_with(|| code.to_string());
                    }
                    Some(d)
                }
                _ => {
                    errors.push(ImportIssue::value(
                        r.line,
                        Row::heading(market, f),
                        "",
                        &[("order", id), ("value", &v)],
                    ));
                    None
                }
            }
        };
        if let Some(s) = read(Field::Shipping, &mut errors) {
            freight += s;
        }
        // An eBay order row of a multi-line order carries no item.
        let Some(qty_text) = r.get(Field::Quantity) else { continue };
        let qty: Decimal = match qty_text.parse() {
            Ok(q) if q > Decimal::ZERO => q,
            _ => {
                errors.push(ImportIssue::value(
                    r.line,
                    Row::heading(market, Field::Quantity),
                    "quantity",
                    &[("order", id), ("value", &qty_text)],
                ));
                continue;
            }
        };
        let Some(price) = read(Field::Price, &mut errors) else { continue };
        let (unit_price, line_amount) = match market {
            // Amazon: item-price is the whole line.
            Marketplace::Amazon => ((price / qty).round_dp(4), price),
            // eBay: Sold For is one unit.
            Marketplace::Ebay => (price, price * qty),
        };
        let sku = r.get(Field::Sku);
        let product = match (sku.as_ref(), catalogue) {
            (Some(s), Some(c)) => {
                let p = c.products.get(s);
                if p.is_none() {
                    warnings.push(ImportIssue::new(
                        cat::SKU_NOT_IN_CATALOGUE,
                        Some(r.line),
                        Some(Row::heading(market, Field::Sku)),
                        "",
                        &[("order", id), ("sku", s)],
                    ));
                }
                p.cloned()
            }
            _ => None,
        }
        .unwrap_or_default();
        gross.push(product.gross_weight_kg.map(|g| g * qty));
        items.push(LineItem {
            description: product.description.or(r.get(Field::Title)),
            hs_code: product.hs_code,
            quantity: Some(qty),
            unit: product.unit.or(Some("PCS".into())),
            unit_price: Some(unit_price),
            amount: Some(line_amount.round_dp(2)),
            origin_country: product.origin_country.or(Some("IN".into())),
            net_weight_kg: product.net_weight_kg.map(|w| w * qty),
            sku,
            gst_rate: product.gst_rate,
            ..LineItem::default()
        });
    }
    let date = first(Field::OrderDate);
    let date = match date.as_deref().map(order_date) {
        Some(Some(d)) => Some(d),
        Some(None) => {
            errors.push(ImportIssue::value(
                line0,
                Row::heading(market, Field::OrderDate),
                "date",
                &[("order", id), ("value", &date.unwrap_or_default())],
            ));
            None
        }
        None => None,
    };
    let country_text = first(Field::Country);
    let country_code = country_text.as_deref().and_then(country);
    if country_code.is_none() {
        errors.push(ImportIssue::value(
            line0,
            Row::heading(market, Field::Country),
            "country",
            &[("order", id), ("value", &country_text.unwrap_or_default())],
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let line2 = match (first(Field::Address2), first(Field::Address3)) {
        (Some(a), Some(b)) => Some(format!("{a}, {b}")),
        (a, b) => a.or(b),
    };
    let mut s = template.clone();
    s.consignee = Some(Party {
        name: first(Field::Name),
        address: Some(Address {
            line1: first(Field::Address1),
            line2,
            city: first(Field::City),
            state: first(Field::State),
            postal_code: first(Field::PostalCode),
            country: country_code.clone(),
            ..Address::default()
        }),
        phone: first(Field::Phone),
        email: first(Field::Email),
        ..Party::default()
    });
    let city = first(Field::City);
    if let Some(t) = s.terms.as_mut().filter(|t| t.incoterm.is_some() && t.incoterm_place.is_none())
    {
        // D terms name the buyer's place: the delivery city.
        t.incoterm_place = city;
    }
    s.destination_country = country_code;
    let invoice = s.invoice.get_or_insert_with(InvoiceHeader::default);
    invoice.marketplace_order_id = Some(id.to_string());
    invoice.buyer_order = Some(OrderReference { number: Some(id.to_string()), date });
    s.currency = currency;
    if !freight.is_zero() {
        s.charges = Some(Charges { freight: Some(freight), insurance: None });
    }
    let ecommerce = s.ecommerce.get_or_insert_with(Ecommerce::default);
    ecommerce.platform.get_or_insert_with(|| market.platform().to_string());
    ecommerce.payment_transaction_id = first(Field::PaymentTransaction);
    let net = crate::calc::sum(items.iter().map(|i: &LineItem| i.net_weight_kg));
    let contents = (1..=items.len())
        .map(|n| PackageContent {
            line: u32::try_from(n).ok(),
            quantity: items.get(n - 1).and_then(|i| i.quantity),
        })
        .collect();
    s.items = items;
    s.packages = vec![Package {
        number: Some(1),
        kind: Some("parcel".into()),
        net_weight_kg: net,
        gross_weight_kg: crate::calc::sum(gross),
        contents,
        ..Package::default()
    }];
    Ok(s)
}

/// The template every draft starts from, from the `--exporter` file: either an exporter
/// profile (the `exporter` object of a shipment: it has `legal_name` or `iec` at the top) or
/// a whole shipment whose particulars (exporter, signatory, tax, transport …) are copied.
pub fn template(json: &[u8]) -> Result<Shipment, crate::MalformedInput> {
    let value: serde_json::Value =
        serde_json::from_slice(json).map_err(|e| crate::MalformedInput {
            path: String::new(),
            message: format!("not JSON: {e}"),
            line: Some(e.line()),
            column: Some(e.column()),
        })?;
    let is_profile = value.get("legal_name").is_some() || value.get("iec").is_some();
    if is_profile {
        let wrapped = serde_json::json!({ "exporter": value });
        crate::parse_value(&wrapped).map_err(|mut e| {
            e.path = e.path.strip_prefix("/exporter").unwrap_or(&e.path).to_string();
            e
        })
    } else {
        crate::parse_value(&value)
    }
}
