//! Shipment arithmetic shared by the rules and the document views, so that what is
//! checked is exactly what is printed. All operations are checked: a value too large
//! for exact decimal arithmetic gives `None`, never a panic.

use crate::data::currencies;
use crate::model::{LineItem, Package, Shipment};
use crate::money::round_amount;
use rust_decimal::Decimal;

/// Minor units of the shipment's currency (2 when the currency is unknown or absent).
pub fn minor_units(s: &Shipment) -> u32 {
    s.currency.as_deref().and_then(currencies::currency).map_or(2, |c| c.minor_units)
}

/// Quantity × unit price, rounded to the currency's minor unit.
pub fn line_amount(item: &LineItem, minor: u32) -> Option<Decimal> {
    let v = item.quantity?.checked_mul(item.unit_price?)?;
    Some(round_amount(v, minor))
}

/// Sum of `values`, or `None` on a missing value or overflow.
pub fn sum<I: IntoIterator<Item = Option<Decimal>>>(values: I) -> Option<Decimal> {
    values.into_iter().try_fold(Decimal::ZERO, |acc, v| acc.checked_add(v?))
}

/// Sum of the line amounts: the value of the goods (FOB under E and F terms).
pub fn goods_total(s: &Shipment) -> Option<Decimal> {
    let minor = minor_units(s);
    sum(s.items.iter().map(|i| line_amount(i, minor)))
}

/// Freight charged on the invoice (zero when not stated).
pub fn freight(s: &Shipment) -> Decimal {
    s.charges.as_ref().and_then(|c| c.freight).unwrap_or_default()
}

/// Insurance charged on the invoice (zero when not stated).
pub fn insurance(s: &Shipment) -> Decimal {
    s.charges.as_ref().and_then(|c| c.insurance).unwrap_or_default()
}

/// Invoice total: goods plus freight and insurance.
pub fn invoice_total(s: &Shipment) -> Option<Decimal> {
    let minor = minor_units(s);
    Some(round_amount(goods_total(s)?.checked_add(freight(s))?.checked_add(insurance(s))?, minor))
}

/// FOB value: the goods, without freight and insurance.
pub fn fob(s: &Shipment) -> Option<Decimal> {
    goods_total(s)
}

/// IGST in INR at `rate` percent: rate × invoice total in INR, to paise.
pub fn igst_amount(s: &Shipment, rate: Decimal) -> Option<Decimal> {
    let inr = to_inr(s, invoice_total(s)?)?;
    Some(round_amount(inr.checked_mul(rate)?.checked_div(Decimal::ONE_HUNDRED)?, 2))
}

/// INR per one unit of the invoice currency (1 for INR).
pub fn rate_per_unit(s: &Shipment) -> Option<Decimal> {
    if s.currency.as_deref() == Some("INR") {
        return Some(Decimal::ONE);
    }
    let r = s.exchange_rate.as_ref()?;
    let per = Decimal::from(r.per.unwrap_or(1).max(1));
    r.rate?.checked_div(per)
}

/// `amount` of the invoice currency in INR, rounded to paise.
pub fn to_inr(s: &Shipment, amount: Decimal) -> Option<Decimal> {
    Some(round_amount(amount.checked_mul(rate_per_unit(s)?)?, 2))
}

/// `inr` in SDR at the shipment's SDR rate, to 2 places (for printing).
pub fn to_sdr(s: &Shipment, inr: Decimal) -> Option<Decimal> {
    Some(round_amount(to_sdr_exact(s, inr)?, 2))
}

/// `inr` in SDR, unrounded: thresholds are compared on this, so 299.995 SDR is below 300.
pub fn to_sdr_exact(s: &Shipment, inr: Decimal) -> Option<Decimal> {
    let rate = s.sdr_rate.as_ref()?.inr_per_sdr?;
    if rate <= Decimal::ZERO {
        return None;
    }
    inr.checked_div(rate)
}

/// How many packages a package row stands for (a run `number..=to` counts each).
pub fn package_count(p: &Package) -> u64 {
    match (p.number, p.to) {
        (Some(a), Some(b)) if b >= a => u64::from(b - a) + 1,
        _ => 1,
    }
}

/// Quantity of invoice line `line` (1-based) in one package of the row.
pub fn packed_in(p: &Package, line: u32) -> Decimal {
    p.contents
        .iter()
        .filter(|c| c.line == Some(line))
        .filter_map(|c| c.quantity)
        .fold(Decimal::ZERO, |a, q| a.saturating_add(q))
}

/// One postal article and the part of each invoice line it carries.
#[derive(Debug, Clone)]
pub struct Article<'a> {
    /// Index of the package row, when the shipment lists packages.
    pub package: Option<usize>,
    /// (line index, quantity) pairs.
    pub lines: Vec<(usize, Decimal)>,
    /// The package row.
    pub row: Option<&'a Package>,
}

/// The postal articles of a shipment: each package row (runs expanded is not needed for post:
/// a postal article is one row), or the whole shipment as one article when no packages are listed.
pub fn articles(s: &Shipment) -> Vec<Article<'_>> {
    if s.packages.is_empty() {
        let lines = s
            .items
            .iter()
            .enumerate()
            .map(|(i, it)| (i, it.quantity.unwrap_or_default()))
            .collect();
        return vec![Article { package: None, lines, row: None }];
    }
    s.packages
        .iter()
        .enumerate()
        .map(|(pi, p)| {
            let mut lines: Vec<(usize, Decimal)> = Vec::new();
            for c in &p.contents {
                if let (Some(l), Some(q)) = (c.line, c.quantity) {
                    let idx = l as usize;
                    if idx >= 1 && idx <= s.items.len() {
                        match lines.iter_mut().find(|(i, _)| *i == idx - 1) {
                            Some(e) => e.1 = e.1.saturating_add(q),
                            None => lines.push((idx - 1, q)),
                        }
                    }
                }
            }
            // A single article with no contents list carries everything.
            if p.contents.is_empty() && s.packages.len() == 1 {
                lines = s
                    .items
                    .iter()
                    .enumerate()
                    .map(|(i, it)| (i, it.quantity.unwrap_or_default()))
                    .collect();
            }
            Article { package: Some(pi), lines, row: Some(p) }
        })
        .collect()
}

/// Value of an article's contents in the invoice currency.
pub fn article_value(s: &Shipment, a: &Article<'_>) -> Option<Decimal> {
    let minor = minor_units(s);
    sum(a.lines.iter().map(|(i, q)| {
        let price = s.items.get(*i)?.unit_price?;
        Some(round_amount(q.checked_mul(price)?, minor))
    }))
}

/// Net weight of an article's contents, from the lines' net weights pro rata.
pub fn article_net_weight(s: &Shipment, a: &Article<'_>) -> Option<Decimal> {
    sum(a.lines.iter().map(|(i, q)| {
        let it = s.items.get(*i)?;
        let w = it.net_weight_kg?;
        let qty = it.quantity?;
        if qty.is_zero() {
            return Some(Decimal::ZERO);
        }
        w.checked_mul(*q)?.checked_div(qty)
    }))
}
