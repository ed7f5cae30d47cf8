//! The commercial invoice view: an export invoice under GST Rule 46 laid out in the
//! customary aligned (ADS) boxes: exporter, references, consignee and buyer, transport,
//! terms, marks and packages, lines, totals in figures and words, FOB/freight/insurance,
//! the INR equivalent, the GST block with the Rule 46 endorsement, and the signatory.

use super::localized::{
    exporter_block, marks, origin_country, packages, party_block, signature, transport,
};
use super::{field, fields, inr, num, num_opt, text, Field, Money, PartyBlock, Signature};
use crate::calc;
use crate::data::{currencies, gst, incoterms};
use crate::i18n::{self, TaxLine};
use crate::model::{Shipment, TaxTreatment};
use crate::money::{format_amount, round_amount};
use crate::render::Lang;
use crate::rules::Validated;
use rust_decimal::Decimal;
use serde::Serialize;

/// Everything printed on the commercial invoice, formatted.
#[derive(Debug, Clone, Default, Serialize)]
pub struct InvoiceView {
    /// Invoice number.
    pub number: String,
    /// Invoice date (`20 Nov 2026`).
    pub date: String,
    /// Whether this is a GST tax invoice (registered exporter): prints the Rule 46 note.
    pub gst_invoice: bool,
    /// The exporter's name and address.
    pub exporter: PartyBlock,
    /// Exporter's identifiers: `iec`, `gstin`, `pan`, `ad_code`, `state_code`.
    pub exporter_ids: Vec<Field>,
    /// Invoice references: invoice number and date, exporter's reference, buyer's order,
    /// marketplace order, other references.
    pub references: Vec<Field>,
    /// Consignee.
    pub consignee: PartyBlock,
    /// Buyer, when other than the consignee.
    pub buyer: Option<PartyBlock>,
    /// Country of origin of the goods (name).
    pub origin_country: String,
    /// Country of final destination (name).
    pub destination_country: String,
    /// Transport particulars: mode, pre-carriage, place of receipt, vessel/flight, port of
    /// loading (or FPO), port of discharge, final destination.
    pub transport: Vec<Field>,
    /// Terms of delivery (Incoterm with named place) and payment.
    pub terms: Vec<Field>,
    /// Marks and numbers.
    pub marks: String,
    /// Number and kind of packages ("40 cartons").
    pub packages: String,
    /// Invoice currency code.
    pub currency: String,
    /// The lines.
    pub lines: Vec<InvoiceLine>,
    /// Totals under the lines: goods, freight, insurance (when they apply), invoice total.
    pub totals: Vec<Field>,
    /// Invoice total in the invoice currency.
    pub total: String,
    /// Invoice total in words.
    pub total_words: String,
    /// Rupee figures for a foreign-currency invoice: exchange rate, invoice value in INR,
    /// FOB value in INR.
    pub inr: Vec<Field>,
    /// Invoice value in rupees, in words (foreign-currency invoices; empty for INR invoices).
    pub inr_words: String,
    /// GST particulars (absent for an unregistered exporter).
    pub gst: Option<Box<GstBlock>>,
    /// Whether the lines carry their IGST rate and amount (exports on payment of IGST).
    pub tax_per_line: bool,
    /// The e-invoice's IRN, acknowledgement and QR code, when the invoice was registered.
    pub irn: Option<Box<IrnBlock>>,
    /// Who signs, for whom, where and when.
    pub signature: Signature,
}

/// One invoice line.
#[derive(Debug, Clone, Default, Serialize)]
pub struct InvoiceLine {
    /// Serial number, from 1.
    pub sl: String,
    /// Description of the goods.
    pub description: String,
    /// HS / ITC(HS) code.
    pub hs_code: String,
    /// Quantity.
    pub quantity: String,
    /// Unit (UQC).
    pub unit: String,
    /// Unit price in the invoice currency (at least the currency's places; more when given).
    pub rate: String,
    /// Line amount in the invoice currency.
    pub amount: String,
    /// Taxable value of the line in rupees (its amount in INR plus its share of freight and
    /// insurance, Rule 46(k)) when IGST is paid; empty otherwise. The line's IGST is its rate
    /// on this value, so an officer can check each line on its own.
    pub taxable: String,
    /// IGST rate of the line (`18%`) when IGST is paid; empty otherwise.
    pub gst_rate: String,
    /// IGST of the line in rupees (on its taxable value: amount plus its share of freight
    /// and insurance, in INR) when IGST is paid; empty otherwise.
    pub igst: String,
}

/// Taxable value and IGST of the lines taxed at one rate.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RateSummary {
    /// The rate (`5%`).
    pub rate: String,
    /// Taxable value of those lines in rupees.
    pub taxable: String,
    /// Their IGST in rupees.
    pub igst: String,
}

/// What the IRP returned for the invoice (exporters under e-invoicing, Rule 48(4)).
#[derive(Debug, Clone, Default, Serialize)]
pub struct IrnBlock {
    /// IRN, Ack No, Ack Date.
    pub rows: Vec<Field>,
    /// The signed QR code as an SVG document made here from the code's modules (one path of
    /// the dark runs, a four-module quiet zone); empty when there is none. It carries no user
    /// text, only the geometry, and prints as vectors.
    pub qr_svg: String,
}

/// The GST block of a registered exporter's export invoice.
#[derive(Debug, Clone, Default, Serialize)]
pub struct GstBlock {
    /// Place of supply, taxable value, IGST rate and amount, LUT/bond reference, reverse charge.
    pub rows: Vec<Field>,
    /// Under IGST with lines at more than one rate: taxable value and IGST per rate.
    pub by_rate: Vec<RateSummary>,
    /// The Rule 46 endorsement, as given or as notified for the tax mode (in Hindi, niryat's
    /// Hindi rendering of the notified words; see [`i18n::endorsement_hi`]).
    pub endorsement: String,
    /// With `en+hi`, the Hindi rendering printed under the notified English words; else empty.
    pub endorsement_hi: String,
}

/// Builds the commercial invoice view of a validated shipment, in English.
pub fn commercial_invoice(v: &Validated) -> InvoiceView {
    commercial_invoice_in(v, Lang::En)
}

/// Builds the commercial invoice view with every string niryat composes (dates, countries,
/// state, transport, packages, tax lines, amounts in words, yes/no, the Rule 46
/// endorsement) in `lang`; user data, identifiers, codes and units print as given.
pub fn commercial_invoice_in(v: &Validated, lang: Lang) -> InvoiceView {
    let s = v.shipment();
    let money = Money::of(s);
    let inv = s.invoice.clone().unwrap_or_default();
    let e = s.exporter.clone().unwrap_or_default();
    let number = text(&inv.number);
    let day = i18n::date_opt(inv.date, lang);

    let exporter_ids = fields(vec![
        ("iec", text(&e.iec)),
        ("gstin", text(&e.gstin)),
        ("pan", text(&e.pan)),
        ("ad_code", text(&e.ad_code)),
        (
            "state_code",
            e.address
                .as_ref()
                .and_then(|a| a.state_code.as_deref())
                .map(|c| i18n::state_name(c, lang))
                .unwrap_or_default(),
        ),
    ]);
    let buyer_order = inv
        .buyer_order
        .as_ref()
        .map(|o| i18n::dated(&text(&o.number), &i18n::date_opt(o.date, lang), lang))
        .unwrap_or_default();
    let references = fields(vec![
        ("invoice_no_date", i18n::dated(&number, &day, lang)),
        ("exporter_ref", text(&inv.exporter_reference)),
        ("buyer_order", buyer_order),
        ("marketplace_order", text(&inv.marketplace_order_id)),
        ("other_refs", inv.other_references.join("; ")),
    ]);

    let origin = origin_country(s, lang);
    let igst_paid = matches!(s.tax, Some(TaxTreatment::IgstPaid { .. }));
    let line_igst = if igst_paid { calc::line_igst_inr(s) } else { None };
    let line_taxable = if igst_paid { calc::taxable_values_inr(s) } else { None };
    let lines: Vec<InvoiceLine> = s
        .items
        .iter()
        .enumerate()
        .map(|(i, it)| InvoiceLine {
            taxable: line_taxable
                .as_ref()
                .and_then(|v| v.get(i).copied())
                .map(inr)
                .unwrap_or_default(),
            gst_rate: if igst_paid {
                calc::line_gst_rate(s, it).map(|r| format!("{}%", num(r))).unwrap_or_default()
            } else {
                String::new()
            },
            igst: line_igst
                .as_ref()
                .and_then(|v| v.get(i).copied().flatten())
                .map(inr)
                .unwrap_or_default(),
            sl: (i + 1).to_string(),
            description: text(&it.description),
            hs_code: text(&it.hs_code),
            quantity: num_opt(it.quantity),
            unit: text(&it.unit),
            rate: it.unit_price.map(|p| rate(&money, p)).unwrap_or_default(),
            amount: money.opt(calc::line_amount(it, money.minor)),
        })
        .collect();

    let term = s.terms.as_ref().and_then(|t| t.incoterm.as_deref()).and_then(incoterms::incoterm);
    let (freight, insurance) = (calc::freight(s), calc::insurance(s));
    let show_freight = term.is_some_and(|t| t.includes_freight) || !freight.is_zero();
    let show_insurance = term.is_some_and(|t| t.includes_insurance) || !insurance.is_zero();
    let goods = calc::goods_total(s);
    let total = calc::invoice_total(s);
    let mut totals = Vec::new();
    if show_freight || show_insurance {
        totals.push(field("goods_total", money.opt(goods)));
        if show_freight {
            totals.push(field("freight", money.fmt(freight)));
        }
        if show_insurance {
            totals.push(field("insurance", money.fmt(insurance)));
        }
    }
    totals.push(field("invoice_total", money.opt(total)));

    let mut inr_rows = Vec::new();
    let mut inr_words = String::new();
    let total_inr = total.and_then(|t| calc::to_inr(s, t));
    if !money.is_inr() {
        if let Some(r) = s.exchange_rate.as_ref() {
            let per = r.per.unwrap_or(1).max(1);
            let mut rate_text = format!("{per} {} = ₹{}", money.code, num_opt(r.rate));
            let src: Vec<String> = [text(&r.source), i18n::date_opt(r.date, lang)]
                .into_iter()
                .filter(|x| !x.is_empty())
                .collect();
            if !src.is_empty() {
                rate_text.push_str(&format!(" ({})", src.join(", ")));
            }
            inr_rows.push(field("exchange_rate", rate_text));
        }
        inr_rows.push(field(
            "invoice_value_inr",
            total_inr.map(|x| format!("₹{}", inr(x))).unwrap_or_default(),
        ));
        inr_words = words(total_inr, "INR", lang);
    }
    let fob = calc::fob(s);
    if show_freight || show_insurance || !money.is_inr() {
        let fob_inr = fob.and_then(|f| calc::to_inr(s, f));
        let fob_text = match (money.is_inr(), fob, fob_inr) {
            (true, _, Some(fi)) => format!("₹{}", inr(fi)),
            (false, Some(f), Some(fi)) => format!("{} {} = ₹{}", money.code, money.fmt(f), inr(fi)),
            _ => String::new(),
        };
        inr_rows.push(field("fob_value", fob_text));
    }
    inr_rows.retain(|f| !f.value.is_empty());

    InvoiceView {
        gst_invoice: matches!(
            s.tax,
            Some(
                TaxTreatment::IgstPaid { .. }
                    | TaxTreatment::Lut { .. }
                    | TaxTreatment::Bond { .. }
            )
        ),
        exporter: exporter_block(s, lang),
        exporter_ids,
        references,
        consignee: s.consignee.as_ref().map(|c| party_block(c, lang)).unwrap_or_default(),
        buyer: s
            .buyer
            .as_ref()
            .filter(|b| Some(*b) != s.consignee.as_ref())
            .map(|b| party_block(b, lang)),
        origin_country: origin,
        destination_country: s
            .destination_country
            .as_deref()
            .map(|c| i18n::country_name(c, lang))
            .unwrap_or_default(),
        transport: transport(s, lang),
        terms: terms(s, lang),
        marks: marks(s, lang),
        packages: packages(s, lang),
        currency: money.code.clone(),
        lines,
        totals,
        total: money.opt(total),
        total_words: words(total, &money.code, lang),
        inr: inr_rows,
        inr_words,
        gst: gst_block(s, total_inr, lang).map(Box::new),
        tax_per_line: igst_paid,
        irn: irn_block(s, lang).map(Box::new),
        signature: signature(s, inv.date, lang),
        number,
        date: day,
    }
}

/// An amount in words in `lang` in the currency `code` (its own numbering in English, the
/// Indian system in Hindi); empty when the value or the currency is unknown.
fn words(v: Option<Decimal>, code: &str, lang: Lang) -> String {
    match (v, currencies::currency(code)) {
        (Some(v), Some(c)) => i18n::amount_in_words(v, c, crate::money::numbering_for(code), lang),
        _ => String::new(),
    }
}

/// A unit price: the currency's places, or more when the price has more.
fn rate(money: &Money, p: Decimal) -> String {
    let places = money.minor.max(p.normalize().scale());
    format_amount(p, places, money.numbering)
}

/// `DAP Portland, Oregon (Incoterms 2020)` and the payment terms.
fn terms(s: &Shipment, lang: Lang) -> Vec<Field> {
    let Some(t) = s.terms.as_ref() else { return Vec::new() };
    let delivery = i18n::incoterms(t.incoterm.as_deref(), t.incoterm_place.as_deref(), lang);
    fields(vec![("delivery_terms", delivery), ("payment_terms", text(&t.payment))])
}

/// The GST block: place of supply, values, IGST or LUT/bond, the endorsement.
fn gst_block(s: &Shipment, total_inr: Option<Decimal>, lang: Lang) -> Option<GstBlock> {
    let tax = s.tax.as_ref()?;
    let given =
        s.invoice.as_ref().and_then(|i| i.endorsement.clone()).filter(|e| !e.trim().is_empty());
    let mut rows = vec![field("place_of_supply", i18n::tax_line(TaxLine::OutsideIndia, lang))];
    let mut by_rate = Vec::new();
    let taxable = total_inr.map(|x| format!("₹{}", inr(x))).unwrap_or_default();
    let ref_dated = |no: &Option<String>, d: &Option<jiff::civil::Date>| {
        i18n::dated(&text(no), &i18n::date_opt(*d, lang), lang)
    };
    let igst_paid = match tax {
        TaxTreatment::IgstPaid { amount, .. } => {
            rows.push(field("taxable_value", taxable));
            let rates: Vec<Option<Decimal>> =
                s.items.iter().map(|it| calc::line_gst_rate(s, it)).collect();
            let mut distinct: Vec<Decimal> = rates.iter().flatten().copied().collect();
            distinct.sort();
            distinct.dedup();
            let rate_text = match distinct.as_slice() {
                [one] => format!("{}%", num(*one)),
                [] => String::new(),
                _ => i18n::pick(lang, "As per line (see below)", "पंक्ति अनुसार (नीचे देखें)"),
            };
            rows.push(field("igst_rate", rate_text));
            // The stated amount (validation checked it against the lines), else the lines' sum.
            // A stated amount rounded to the rupee (section 170) shows the lines' sum and the
            // round-off above it, so the lines still add up to what is printed.
            let lines_igst = calc::igst_total_inr(s);
            let total_igst = amount.map(|a| round_amount(a, 2)).or(lines_igst);
            if let (Some(stated), Some(sum)) = (total_igst, lines_igst) {
                if stated != sum {
                    rows.push(field("igst_on_lines", format!("₹{}", inr(sum))));
                    let off = stated - sum;
                    let sign = if off.is_sign_negative() { "−" } else { "+" };
                    rows.push(field("igst_round_off", format!("{sign}₹{}", inr(off.abs()))));
                }
            }
            rows.push(field(
                "igst_amount",
                total_igst.map(|x| format!("₹{}", inr(x))).unwrap_or_default(),
            ));
            if distinct.len() > 1 {
                by_rate = rate_summary(s, &rates, &distinct);
            }
            true
        }
        TaxTreatment::Lut { arn, date: d } => {
            rows.push(field("taxable_value", taxable));
            rows.push(field("igst_amount", i18n::tax_line(TaxLine::NilUnderLut, lang)));
            rows.push(field("lut", ref_dated(arn, d)));
            false
        }
        TaxTreatment::Bond { reference, date: d } => {
            rows.push(field("taxable_value", taxable));
            rows.push(field("igst_amount", i18n::tax_line(TaxLine::NilUnderBond, lang)));
            rows.push(field("bond", ref_dated(reference, d)));
            false
        }
        TaxTreatment::Unregistered {} => return None,
    };
    rows.push(field("reverse_charge", i18n::yes_no(false, lang)));
    rows.retain(|f| !f.value.is_empty());
    let (endorsement, endorsement_hi) = match given {
        // The exporter's own wording is user data: printed as given, in every language.
        Some(g) => (g, String::new()),
        None => {
            let en = if igst_paid { gst::ENDORSEMENT_IGST } else { gst::ENDORSEMENT_LUT };
            let hi = i18n::endorsement_hi(igst_paid);
            match lang {
                Lang::En => (en.to_owned(), String::new()),
                Lang::Hi => (hi.to_owned(), String::new()),
                Lang::EnHi => (en.to_owned(), hi.to_owned()),
            }
        }
    };
    Some(GstBlock { rows, by_rate, endorsement, endorsement_hi })
}

/// Taxable value and IGST per rate, in the order of the rates.
fn rate_summary(s: &Shipment, rates: &[Option<Decimal>], distinct: &[Decimal]) -> Vec<RateSummary> {
    let (Some(taxable), Some(igst)) = (calc::taxable_values_inr(s), calc::line_igst_inr(s)) else {
        return Vec::new();
    };
    distinct
        .iter()
        .map(|r| {
            let mut value = Decimal::ZERO;
            let mut tax = Decimal::ZERO;
            for ((rate, v), t) in rates.iter().zip(&taxable).zip(&igst) {
                if *rate == Some(*r) {
                    value = value.checked_add(*v).unwrap_or(value);
                    tax = tax.checked_add(t.unwrap_or_default()).unwrap_or(tax);
                }
            }
            RateSummary { rate: format!("{}%", num(*r)), taxable: inr(value), igst: inr(tax) }
        })
        .collect()
}

/// IRN, acknowledgement and QR code of a registered e-invoice.
fn irn_block(s: &Shipment, lang: Lang) -> Option<IrnBlock> {
    let reg = s.invoice.as_ref()?.e_invoice.as_ref()?;
    let rows = fields(vec![
        ("irn", text(&reg.irn)),
        ("ack_no", text(&reg.ack_no)),
        ("ack_date", i18n::date_opt(reg.ack_date, lang)),
    ]);
    let qr = reg.signed_qr.as_deref().map(str::trim).filter(|q| !q.is_empty());
    let qr_svg = qr.map(qr_svg).unwrap_or_default();
    if rows.is_empty() && qr_svg.is_empty() {
        return None;
    }
    Some(IrnBlock { rows, qr_svg })
}

/// The QR code of `data` (byte mode, error correction M, the smallest version that holds
/// it) as an SVG document: a white square with the four-module quiet zone the QR standard asks
/// for, and one black path in which each horizontal run of dark modules is a rectangle. One
/// path instead of a shape per module keeps the page quick to lay out. Empty when the data does
/// not fit a QR code.
pub(crate) fn qr_svg(data: &str) -> String {
    use std::fmt::Write as _;
    let Ok(code) = qrcode::QrCode::with_error_correction_level(data.as_bytes(), qrcode::EcLevel::M)
    else {
        return String::new();
    };
    const QUIET: usize = 4;
    let width = code.width().max(1);
    let size = width + 2 * QUIET;
    let colors = code.into_colors();
    let mut d = String::with_capacity(colors.len() * 3);
    for (y, row) in colors.chunks(width).enumerate() {
        let mut x = 0;
        while x < row.len() {
            if row[x] != qrcode::Color::Dark {
                x += 1;
                continue;
            }
            let start = x;
            while x < row.len() && row[x] == qrcode::Color::Dark {
                x += 1;
            }
            let run = x - start;
            let _ = write!(d, "M{} {}h{run}v1h-{run}z", start + QUIET, y + QUIET);
        }
    }
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" \
         shape-rendering=\"crispEdges\"><rect width=\"{size}\" height=\"{size}\" \
         fill=\"#fff\"/><path d=\"{d}\" fill=\"#000\"/></svg>"
    )
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // the tests read the bundled examples
mod tests {
    use super::*;
    use crate::rules::DocKind;

    fn example(name: &str) -> InvoiceView {
        example_in(name, Lang::En)
    }

    fn example_in(name: &str, lang: Lang) -> InvoiceView {
        let path = format!("{}/../examples/{name}.json", env!("CARGO_MANIFEST_DIR"));
        let s = crate::parse_json(&std::fs::read(path).unwrap_or_default()).unwrap_or_default();
        match Validated::new(s, &[DocKind::CommercialInvoice]) {
            Ok(v) => commercial_invoice_in(&v, lang),
            Err(e) => unreachable!("{name}: {e}"),
        }
    }

    /// In Hindi the values niryat writes are Hindi; figures, codes and user data stay.
    #[test]
    fn hindi_invoice_values() {
        let v = example_in("moradabad-brass-sea", Lang::Hi);
        assert_eq!(v.total, "9,234.00");
        assert_eq!(v.packages, "40 कार्टन");
        assert_eq!(v.marks, "HT/HAMBURG/PO-0457, सं. 1-40");
        assert_eq!(v.date, "10 नवंबर 2026");
        assert_eq!(v.destination_country, "जर्मनी");
        assert_eq!(v.total_words, "नौ हज़ार दो सौ चौंतीस यूरो मात्र");
        assert!(v.inr_words.starts_with("नौ लाख पैंतीस हज़ार"), "{}", v.inr_words);
        let gst = v.gst.unwrap_or_default();
        let row = |k: &str| gst.rows.iter().find(|f| f.key == k).map(|f| f.value.clone());
        assert_eq!(row("place_of_supply").as_deref(), Some("भारत से बाहर (96 अन्य देश)"));
        assert_eq!(row("reverse_charge").as_deref(), Some("नहीं"));
        assert_eq!(row("lut").as_deref(), Some("AD090426004321M दिनांक 2 अप्रैल 2026"));
        assert_eq!(gst.endorsement, i18n::endorsement_hi(false));
        assert!(gst.endorsement_hi.is_empty());
        let irn = v.irn.unwrap_or_default();
        assert!(irn.rows.iter().any(|f| f.key == "ack_date" && f.value == "10 नवंबर 2026"));
        // Several rates under IGST: the rate row points to the lines, in Hindi.
        let v = example_in("varanasi-silk-amazon", Lang::Hi);
        let gst = v.gst.unwrap_or_default();
        assert!(gst.rows.iter().any(|f| f.value == "पंक्ति अनुसार (नीचे देखें)"), "{:?}", gst.rows);
        assert_eq!(gst.endorsement, i18n::endorsement_hi(true));
        // en+hi: the notified English words, the Hindi under them.
        let both = example_in("varanasi-silk-amazon", Lang::EnHi).gst.unwrap_or_default();
        assert_eq!(both.endorsement, gst::ENDORSEMENT_IGST);
        assert_eq!(both.endorsement_hi, i18n::endorsement_hi(true));
    }

    #[test]
    fn brass_invoice() {
        let v = example("moradabad-brass-sea");
        assert_eq!(v.total, "9,234.00");
        assert_eq!(v.packages, "40 cartons");
        assert_eq!(v.marks, "HT/HAMBURG/PO-0457, Nos. 1-40");
        assert_eq!(v.lines[0].rate, "6.80");
        assert!(
            v.total_words.starts_with("Euros Nine Thousand Two Hundred Thirty Four"),
            "{}",
            v.total_words
        );
        let gst = v.gst.unwrap_or_default();
        assert!(gst.endorsement.contains("LETTER OF UNDERTAKING"));
        assert!(
            v.inr.iter().any(|f| f.key == "invoice_value_inr" && f.value == "₹9,35,865.90"),
            "{:?}",
            v.inr
        );
    }

    #[test]
    fn postal_invoice_shows_freight_and_fpo() {
        let v = example("lucknow-chikankari-ebay");
        assert_eq!(
            v.totals.iter().map(|f| f.key).collect::<Vec<_>>(),
            ["goods_total", "freight", "invoice_total"]
        );
        assert_eq!(v.total, "80.00");
        assert!(v.transport.iter().any(|f| f.value == "Foreign Post Office Kanpur (INKNU5)"));
        assert_eq!(v.packages, "1 packet");
    }
}
