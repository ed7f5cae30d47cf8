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

/// GST rate of a line in percent: the line's own `gst_rate`, else the shipment's IGST rate
/// (`tax.rate` of an IGST-paid export). `None` when neither is given.
pub fn line_gst_rate(s: &Shipment, item: &LineItem) -> Option<Decimal> {
    item.gst_rate.or(match &s.tax {
        Some(crate::model::TaxTreatment::IgstPaid { rate, .. }) => *rate,
        _ => None,
    })
}

/// Taxable value of every line in INR, to paise: the line amount plus its share of the
/// invoice's freight and insurance, shared in proportion to the line amounts. The shares are
/// apportioned by largest remainder, so the values add up exactly to the invoice total in INR.
/// `None` when an amount or the exchange rate is missing, or on overflow.
pub fn taxable_values_inr(s: &Shipment) -> Option<Vec<Decimal>> {
    let minor = minor_units(s);
    let amounts: Vec<Decimal> =
        s.items.iter().map(|i| line_amount(i, minor)).collect::<Option<_>>()?;
    let goods = sum(amounts.iter().copied().map(Some))?;
    let total_inr = to_inr(s, invoice_total(s)?)?;
    if amounts.is_empty() {
        return Some(Vec::new());
    }
    // Work in paise: exact shares, floored, then the remaining paise to the largest remainders.
    let total_paise = total_inr.checked_mul(Decimal::ONE_HUNDRED)?.round();
    let mut shares = Vec::with_capacity(amounts.len());
    for (i, a) in amounts.iter().enumerate() {
        let exact = if goods.is_zero() {
            // No goods value to share by: equal shares.
            total_paise.checked_div(Decimal::from(amounts.len()))?
        } else {
            total_paise.checked_mul(*a)?.checked_div(goods)?
        };
        let floor = exact.floor();
        shares.push((floor, exact.checked_sub(floor)?, i));
    }
    let assigned = sum(shares.iter().map(|(f, _, _)| Some(*f)))?;
    let mut left = total_paise.checked_sub(assigned)?;
    let mut order: Vec<usize> = (0..shares.len()).collect();
    // Largest remainder first; ties to the earlier line, so the result is deterministic.
    order.sort_by(|&a, &b| shares[b].1.cmp(&shares[a].1).then(a.cmp(&b)));
    for &k in order.iter().cycle().take(shares.len() * 2) {
        if left <= Decimal::ZERO {
            break;
        }
        shares[k].0 = shares[k].0.checked_add(Decimal::ONE)?;
        left = left.checked_sub(Decimal::ONE)?;
    }
    shares.iter().map(|(p, _, _)| p.checked_div(Decimal::ONE_HUNDRED)).collect()
}

/// IGST of every line in INR, to paise: the line's rate ([`line_gst_rate`]) × its taxable
/// value ([`taxable_values_inr`]). A line without a rate gives `None` in its place.
pub fn line_igst_inr(s: &Shipment) -> Option<Vec<Option<Decimal>>> {
    Some(line_igst_of(s, &taxable_values_inr(s)?))
}

/// [`line_igst_inr`] from taxable values already worked out.
pub fn line_igst_of(s: &Shipment, taxable: &[Decimal]) -> Vec<Option<Decimal>> {
    s.items
        .iter()
        .zip(taxable)
        .map(|(item, value)| {
            let rate = line_gst_rate(s, item)?;
            let tax = value.checked_mul(rate)?.checked_div(Decimal::ONE_HUNDRED)?;
            Some(round_amount(tax, 2))
        })
        .collect()
}

/// The invoice's IGST in INR: the sum of [`line_igst_inr`]. `None` when a line has no rate
/// or an amount is missing.
pub fn igst_total_inr(s: &Shipment) -> Option<Decimal> {
    igst_total_of(s, &taxable_values_inr(s)?)
}

/// [`igst_total_inr`] from taxable values already worked out.
pub fn igst_total_of(s: &Shipment, taxable: &[Decimal]) -> Option<Decimal> {
    line_igst_of(s, taxable).into_iter().try_fold(Decimal::ZERO, |acc, x| acc.checked_add(x?))
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

/// The port code the e-invoice names, with its path: the port of loading, else the FPO.
pub fn einvoice_port(s: &Shipment) -> (&'static str, Option<&str>) {
    let t = s.transport.as_ref();
    match t.and_then(|t| t.port_of_loading.as_deref()).map(str::trim).filter(|p| !p.is_empty()) {
        Some(p) => ("/transport/port_of_loading", Some(p)),
        None => (
            "/transport/post/fpo_code",
            t.and_then(|t| t.post.as_ref())
                .and_then(|p| p.fpo_code.as_deref())
                .map(str::trim)
                .filter(|p| !p.is_empty()),
        ),
    }
}

/// Whether freight and insurance become their own taxed line (IGST paid on a value that includes them).
pub fn igst_on_charges(s: &Shipment) -> bool {
    matches!(s.tax, Some(crate::model::TaxTreatment::IgstPaid { .. }))
        && freight(s).checked_add(insurance(s)).is_none_or(|v| !v.is_zero())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Charges, ExchangeRate, TaxTreatment};
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap_or_else(|e| unreachable!("{s}: {e}"))
    }

    fn line(q: &str, p: &str, rate: Option<&str>) -> LineItem {
        LineItem {
            quantity: Some(d(q)),
            unit_price: Some(d(p)),
            gst_rate: rate.map(d),
            ..LineItem::default()
        }
    }

    fn usd(items: Vec<LineItem>, freight: &str) -> Shipment {
        Shipment {
            currency: Some("USD".into()),
            exchange_rate: Some(ExchangeRate { rate: Some(d("83.45")), ..ExchangeRate::default() }),
            charges: Some(Charges { freight: Some(d(freight)), ..Charges::default() }),
            tax: Some(TaxTreatment::IgstPaid { rate: Some(d("5")), amount: None }),
            items,
            ..Shipment::default()
        }
    }

    #[test]
    fn taxable_values_add_up_to_the_invoice_total_in_inr() {
        let s = usd(
            vec![line("3", "10.01", None), line("7", "3.33", Some("18")), line("1", "0.01", None)],
            "9.99",
        );
        let values = taxable_values_inr(&s).unwrap_or_default();
        let total = to_inr(&s, invoice_total(&s).unwrap_or_default()).unwrap_or_default();
        assert_eq!(values.len(), 3);
        assert_eq!(values.iter().copied().sum::<Decimal>(), total);
        // Each share is within a paisa of its exact proportion.
        let goods = goods_total(&s).unwrap_or_default();
        for (v, item) in values.iter().zip(&s.items) {
            let exact = total * line_amount(item, 2).unwrap_or_default() / goods;
            assert!((*v - exact).abs() < d("0.01"), "{v} vs {exact}");
        }
    }

    #[test]
    fn each_line_is_taxed_at_its_own_rate_or_the_shipment_rate() {
        let s = usd(vec![line("1", "100", None), line("1", "100", Some("18"))], "0");
        assert_eq!(line_gst_rate(&s, &s.items[0]), Some(d("5")));
        assert_eq!(line_gst_rate(&s, &s.items[1]), Some(d("18")));
        // 100 USD × 83.45 = 8,345.00 INR per line.
        let igst = line_igst_inr(&s).unwrap_or_default();
        assert_eq!(igst, vec![Some(d("417.25")), Some(d("1502.10"))]);
    }

    #[test]
    fn a_line_without_any_rate_has_no_igst() {
        let mut s = usd(vec![line("1", "100", None)], "0");
        s.tax = Some(TaxTreatment::Lut { arn: None, date: None });
        assert_eq!(line_gst_rate(&s, &s.items[0]), None);
        assert_eq!(line_igst_inr(&s), Some(vec![None]));
    }

    #[test]
    fn missing_amounts_or_rate_give_none() {
        let mut s = usd(vec![line("1", "100", None)], "0");
        s.items.push(LineItem::default());
        assert_eq!(taxable_values_inr(&s), None);
        let mut s = usd(vec![line("1", "100", None)], "0");
        s.exchange_rate = None;
        assert_eq!(taxable_values_inr(&s), None);
    }
}
