//! The GST e-invoice JSON (NIC IRP schema 1.1) of an export invoice.
//!
//! Export specifics (domain reference §5.2): `SupTyp` EXPWP (IGST paid) or EXPWOP (LUT or
//! bond), buyer GSTIN `URP`, place of supply and state code `96`, PIN `999999`, `ExpDtls`
//! with the shipping bill or PBE number and date when allotted, the port of loading or FPO
//! code, the invoice currency and the destination country. Dates are `dd/mm/yyyy`.
//!
//! The e-invoice is in rupees: each line is the invoice line converted at the shipment's rate
//! (`TotAmt` = line amount × rate, to paise; `UnitPrice` = unit price × rate, to 3 decimals).
//! Each line carries its own rate (`GstRt`, from `items[].gst_rate` or the shipment's rate).
//! Under IGST the tax is levied on the whole invoice value, freight and insurance included,
//! shared among the lines by value exactly as on the printed invoice
//! ([`calc::taxable_values_inr`], [`calc::line_igst_inr`]); the share of each rate's lines
//! becomes one more taxed line at that rate (the composite supply takes the principal goods'
//! HSN), so `IgstVal` equals the invoice's IGST. Under LUT or bond they are `OthChrg`.
//!
//! The document is a tree of serde-derived structs whose fields carry schema 1.1's names
//! (`#[serde(rename)]`), in the schema's order; absent optional fields are left out. Numbers
//! are written from exact decimals, never floats: a [`Num`] goes through serde_json's pretty
//! writer as a bare number (see [`NumberFormatter`]).

use crate::calc;
use crate::calc::{einvoice_port as port, igst_on_charges};
use crate::error::Error;
use crate::model::{Party, Shipment, TaxTreatment};
use crate::money::round_amount;
use crate::Validated;
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};
use serde_json::ser::{CharEscape, CompactFormatter, Formatter, PrettyFormatter};
use std::io;

/// An exact decimal written as a JSON number (`2550.00`, never through a float).
#[derive(Debug, Clone, Copy)]
struct Num(Decimal);

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // A string led by NUL, which no text of the e-invoice holds (validation refuses
        // control characters): [`NumberFormatter`] writes what follows as a bare number.
        s.serialize_str(&format!("\0{}", self.0))
    }
}

/// Schema 1.1 `TranDtls`.
#[derive(Serialize)]
struct TranDtls {
    #[serde(rename = "TaxSch")]
    tax_sch: &'static str,
    #[serde(rename = "SupTyp")]
    sup_typ: &'static str,
    #[serde(rename = "RegRev")]
    reg_rev: &'static str,
    #[serde(rename = "IgstOnIntra")]
    igst_on_intra: &'static str,
}

/// Schema 1.1 `DocDtls`.
#[derive(Serialize)]
struct DocDtls<'a> {
    #[serde(rename = "Typ")]
    typ: &'static str,
    #[serde(rename = "No")]
    no: &'a str,
    #[serde(rename = "Dt")]
    dt: String,
}

/// Schema 1.1 `SellerDtls` and `BuyerDtls` (`Pos` only for the buyer).
#[derive(Serialize)]
struct PartyDtls<'a> {
    #[serde(rename = "Gstin")]
    gstin: &'a str,
    #[serde(rename = "LglNm")]
    lgl_nm: &'a str,
    #[serde(rename = "TrdNm", skip_serializing_if = "Option::is_none")]
    trd_nm: Option<&'a str>,
    #[serde(rename = "Pos", skip_serializing_if = "Option::is_none")]
    pos: Option<&'static str>,
    #[serde(rename = "Addr1")]
    addr1: &'a str,
    #[serde(rename = "Addr2", skip_serializing_if = "Option::is_none")]
    addr2: Option<&'a str>,
    #[serde(rename = "Loc")]
    loc: &'a str,
    #[serde(rename = "Pin")]
    pin: Num,
    #[serde(rename = "Stcd")]
    stcd: &'a str,
    #[serde(rename = "Ph", skip_serializing_if = "Option::is_none")]
    ph: Option<String>,
    #[serde(rename = "Em", skip_serializing_if = "Option::is_none")]
    em: Option<&'a str>,
}

/// Schema 1.1 `ItemList` entry (the freight-and-insurance line has no `Qty`, `Unit`).
#[derive(Serialize)]
struct Item<'a> {
    #[serde(rename = "SlNo")]
    sl_no: String,
    #[serde(rename = "PrdDesc")]
    prd_desc: &'a str,
    #[serde(rename = "IsServc")]
    is_servc: &'static str,
    #[serde(rename = "HsnCd")]
    hsn_cd: &'a str,
    #[serde(rename = "Qty", skip_serializing_if = "Option::is_none")]
    qty: Option<Num>,
    #[serde(rename = "Unit", skip_serializing_if = "Option::is_none")]
    unit: Option<&'a str>,
    #[serde(rename = "UnitPrice")]
    unit_price: Num,
    #[serde(rename = "TotAmt")]
    tot_amt: Num,
    #[serde(rename = "AssAmt")]
    ass_amt: Num,
    #[serde(rename = "GstRt")]
    gst_rt: Num,
    #[serde(rename = "IgstAmt")]
    igst_amt: Num,
    #[serde(rename = "CgstAmt")]
    cgst_amt: Num,
    #[serde(rename = "SgstAmt")]
    sgst_amt: Num,
    #[serde(rename = "TotItemVal")]
    tot_item_val: Num,
    #[serde(rename = "OrgCntry", skip_serializing_if = "Option::is_none")]
    org_cntry: Option<&'a str>,
}

/// Schema 1.1 `ValDtls`.
#[derive(Serialize)]
struct ValDtls {
    #[serde(rename = "AssVal")]
    ass_val: Num,
    #[serde(rename = "CgstVal")]
    cgst_val: Num,
    #[serde(rename = "SgstVal")]
    sgst_val: Num,
    #[serde(rename = "IgstVal")]
    igst_val: Num,
    #[serde(rename = "OthChrg")]
    oth_chrg: Num,
    #[serde(rename = "TotInvVal")]
    tot_inv_val: Num,
    #[serde(rename = "TotInvValFc", skip_serializing_if = "Option::is_none")]
    tot_inv_val_fc: Option<Num>,
}

/// Schema 1.1 `ExpDtls`.
#[derive(Serialize)]
struct ExpDtls<'a> {
    #[serde(rename = "ShipBNo", skip_serializing_if = "Option::is_none")]
    ship_b_no: Option<&'a str>,
    #[serde(rename = "ShipBDt", skip_serializing_if = "Option::is_none")]
    ship_b_dt: Option<String>,
    #[serde(rename = "Port", skip_serializing_if = "Option::is_none")]
    port: Option<&'a str>,
    #[serde(rename = "RefClm")]
    ref_clm: &'static str,
    #[serde(rename = "ForCur", skip_serializing_if = "Option::is_none")]
    for_cur: Option<&'a str>,
    #[serde(rename = "CntCode", skip_serializing_if = "Option::is_none")]
    cnt_code: Option<&'a str>,
}

/// The e-invoice: schema 1.1's top level, in the schema's order.
#[derive(Serialize)]
struct EInvoice<'a> {
    #[serde(rename = "Version")]
    version: &'static str,
    #[serde(rename = "TranDtls")]
    tran_dtls: TranDtls,
    #[serde(rename = "DocDtls")]
    doc_dtls: DocDtls<'a>,
    #[serde(rename = "SellerDtls")]
    seller_dtls: PartyDtls<'a>,
    #[serde(rename = "BuyerDtls")]
    buyer_dtls: PartyDtls<'a>,
    #[serde(rename = "ItemList")]
    item_list: Vec<Item<'a>>,
    #[serde(rename = "ValDtls")]
    val_dtls: ValDtls,
    #[serde(rename = "ExpDtls")]
    exp_dtls: ExpDtls<'a>,
}

/// serde_json's pretty layout (two spaces), except that a string led by NUL (a [`Num`]) is
/// written as a bare number: serde_json writes exact decimals only through floats otherwise.
struct NumberFormatter {
    pretty: PrettyFormatter<'static>,
    /// Inside a string whose opening quote is held back until its first character is seen.
    pending_quote: bool,
    /// Inside a [`Num`]: no quotes, no escapes.
    number: bool,
}

impl Formatter for NumberFormatter {
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.pretty.begin_array(w)
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.pretty.end_array(w)
    }
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.pretty.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.pretty.end_array_value(w)
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.pretty.begin_object(w)
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.pretty.end_object(w)
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.pretty.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.pretty.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.pretty.end_object_value(w)
    }
    fn begin_string<W: ?Sized + io::Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.pending_quote = true;
        Ok(())
    }
    fn end_string<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        let was_number = std::mem::take(&mut self.number);
        if std::mem::take(&mut self.pending_quote) {
            w.write_all(b"\"")?; // an empty string: both quotes
        }
        if was_number {
            Ok(())
        } else {
            w.write_all(b"\"")
        }
    }
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        if std::mem::take(&mut self.pending_quote) {
            w.write_all(b"\"")?;
        }
        w.write_all(fragment.as_bytes())
    }
    fn write_char_escape<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        escape: CharEscape,
    ) -> io::Result<()> {
        if std::mem::take(&mut self.pending_quote) {
            if matches!(escape, CharEscape::AsciiControl(0)) {
                self.number = true;
                return Ok(());
            }
            w.write_all(b"\"")?;
        }
        CompactFormatter.write_char_escape(w, escape)
    }
}

/// `value` as pretty JSON with [`Num`]s as bare numbers.
fn to_json<T: Serialize>(value: &T) -> Result<String, Error> {
    let formatter =
        NumberFormatter { pretty: PrettyFormatter::new(), pending_quote: false, number: false };
    let mut out = Vec::with_capacity(4096);
    let mut ser = serde_json::Serializer::with_formatter(&mut out, formatter);
    value
        .serialize(&mut ser)
        .map_err(|e| Error::Render(format!("cannot write the e-invoice JSON: {e}")))?;
    String::from_utf8(out)
        .map_err(|e| Error::Render(format!("the e-invoice JSON is not UTF-8: {e}")))
}

fn missing(what: &str) -> Error {
    Error::Render(format!("the e-invoice needs {what}, which validation should have required"))
}

/// Trimmed, non-empty text.
fn text(v: Option<&str>) -> Option<&str> {
    v.map(str::trim).filter(|v| !v.is_empty())
}

/// Text whose length (in characters) lies in `min..=max`, else nothing (optional fields).
fn fit(v: Option<&str>, min: usize, max: usize) -> Option<&str> {
    text(v).filter(|v| (min..=max).contains(&v.chars().count()))
}

/// Digits of a phone number, when they make 6 to 12 digits.
fn phone(v: Option<&str>) -> Option<String> {
    let digits: String = v?.chars().filter(char::is_ascii_digit).collect();
    (6..=12).contains(&digits.len()).then_some(digits)
}

fn email(v: Option<&str>) -> Option<&str> {
    text(v).filter(|e| (6..=100).contains(&e.chars().count()) && e.contains('@'))
}

/// The item lines taxed at one rate: (index, value in INR, IGST) each, and the principal
/// line's value and HSN code.
struct RateGroup<'a> {
    rate: Decimal,
    lines: Vec<(usize, Decimal, Decimal)>,
    principal: (Decimal, &'a str),
}

/// The e-invoice JSON of a shipment validated for [`crate::DocKind::Einvoice`].
pub(crate) fn json(v: &Validated) -> Result<String, Error> {
    let mut out = to_json(&build(v.shipment())?)?;
    out.push('\n');
    Ok(out)
}

/// What the IRP's signed QR code repeats of the e-invoice niryat writes for `sh`: the total
/// invoice value in rupees (`TotInvVal`) and the number of lines (`ItemCnt`, freight lines
/// included); `None` when the shipment lacks what the e-invoice needs.
pub(crate) fn qr_facts(sh: &Shipment) -> Option<(Decimal, usize)> {
    let e = build(sh).ok()?;
    Some((e.val_dtls.tot_inv_val.0, e.item_list.len()))
}

fn build(sh: &Shipment) -> Result<EInvoice<'_>, Error> {
    let sup_typ = match &sh.tax {
        Some(TaxTreatment::IgstPaid { .. }) => "EXPWP",
        Some(TaxTreatment::Lut { .. } | TaxTreatment::Bond { .. }) => "EXPWOP",
        _ => return Err(missing("a GST tax treatment")),
    };
    let igst_paid = sup_typ == "EXPWP";
    // Each line's own rate (Rule 46(l)); under LUT or bond no tax is paid and GstRt is 0.
    let line_rates: Vec<Decimal> = sh
        .items
        .iter()
        .map(|it| {
            if igst_paid {
                calc::line_gst_rate(sh, it).ok_or_else(|| missing("every line's IGST rate"))
            } else {
                Ok(Decimal::ZERO)
            }
        })
        .collect::<Result<_, _>>()?;
    let rate = calc::rate_per_unit(sh).ok_or_else(|| missing("an exchange rate"))?;
    let minor = calc::minor_units(sh);
    let inv = sh.invoice.as_ref().ok_or_else(|| missing("the invoice"))?;
    let exp = sh.exporter.as_ref().ok_or_else(|| missing("the exporter"))?;
    let gstin = text(exp.gstin.as_deref()).ok_or_else(|| missing("the GSTIN"))?;

    let tran = TranDtls { tax_sch: "GST", sup_typ, reg_rev: "N", igst_on_intra: "N" };
    let doc = DocDtls {
        typ: "INV",
        no: text(inv.number.as_deref()).ok_or_else(|| missing("the invoice number"))?,
        dt: crate::views::date_dmy(inv.date.ok_or_else(|| missing("the invoice date"))?),
    };

    let addr = exp.address.as_ref().ok_or_else(|| missing("the exporter's address"))?;
    let pin: Decimal = text(addr.postal_code.as_deref())
        .and_then(|p| p.parse().ok())
        .ok_or_else(|| missing("the exporter's 6-digit PIN"))?;
    let seller = PartyDtls {
        gstin,
        lgl_nm: text(exp.legal_name.as_deref())
            .ok_or_else(|| missing("the exporter's legal name"))?,
        trd_nm: fit(exp.trade_name.as_deref(), 3, 100),
        pos: None,
        addr1: text(addr.line1.as_deref()).ok_or_else(|| missing("the exporter's address line"))?,
        addr2: fit(addr.line2.as_deref(), 3, 100),
        loc: text(addr.city.as_deref()).ok_or_else(|| missing("the exporter's city"))?,
        pin: Num(pin),
        stcd: gstin.get(0..2).unwrap_or_default(),
        ph: phone(exp.phone.as_deref()),
        em: email(exp.email.as_deref()),
    };

    let party: &Party =
        sh.buyer.as_ref().or(sh.consignee.as_ref()).ok_or_else(|| missing("the consignee"))?;
    let paddr = party.address.as_ref();
    let legal = text(party.business.as_deref())
        .or(text(party.name.as_deref()))
        .ok_or_else(|| missing("the buyer's name"))?;
    let trade = if text(party.business.as_deref()).is_some() {
        fit(party.name.as_deref(), 3, 100)
    } else {
        None
    };
    let buyer = PartyDtls {
        gstin: "URP",
        lgl_nm: legal,
        trd_nm: trade,
        pos: Some("96"),
        addr1: text(paddr.and_then(|a| a.line1.as_deref()))
            .ok_or_else(|| missing("the buyer's address line"))?,
        addr2: fit(paddr.and_then(|a| a.line2.as_deref()), 3, 100),
        loc: text(paddr.and_then(|a| a.city.as_deref()))
            .ok_or_else(|| missing("the buyer's city"))?,
        pin: Num(Decimal::from(999_999)),
        stcd: "96",
        ph: phone(party.phone.as_deref()),
        em: email(party.email.as_deref()),
    };

    let hundred = Decimal::ONE_HUNDRED;
    let tax_of = |amount: Decimal, rt: Decimal| -> Option<Decimal> {
        Some(round_amount(amount.checked_mul(rt)?.checked_div(hundred)?, 2))
    };
    let overflow = || Error::Render("an e-invoice amount is too large to compute exactly".into());
    let (mut ass_total, mut igst_total) = (Decimal::ZERO, Decimal::ZERO);
    let mut lines = Vec::with_capacity(sh.items.len() + 1);
    // Per rate: the line values and tax, and the principal line (for the charges' HSN).
    let mut by_rate: Vec<RateGroup<'_>> = Vec::new();
    for (i, (it, &gst_rt)) in sh.items.iter().zip(&line_rates).enumerate() {
        let qty = it.quantity.ok_or_else(|| missing("every line's quantity"))?;
        let up = it.unit_price.ok_or_else(|| missing("every line's unit price"))?;
        let amount_fc = calc::line_amount(it, minor).ok_or_else(overflow)?;
        let unit_price = round_amount(up.checked_mul(rate).ok_or_else(overflow)?, 3);
        let tot = round_amount(amount_fc.checked_mul(rate).ok_or_else(overflow)?, 2);
        let igst = tax_of(tot, gst_rt).ok_or_else(overflow)?;
        let hsn = text(it.hs_code.as_deref()).ok_or_else(|| missing("every line's HSN code"))?;
        let group = match by_rate.iter().position(|g| g.rate == gst_rt) {
            Some(k) => &mut by_rate[k],
            None => {
                by_rate.push(RateGroup { rate: gst_rt, lines: Vec::new(), principal: (tot, hsn) });
                let last = by_rate.len() - 1;
                &mut by_rate[last]
            }
        };
        group.lines.push((i, tot, igst));
        if tot > group.principal.0 {
            group.principal = (tot, hsn);
        }
        ass_total = ass_total.checked_add(tot).ok_or_else(overflow)?;
        igst_total = igst_total.checked_add(igst).ok_or_else(overflow)?;
        lines.push(Item {
            sl_no: (i + 1).to_string(),
            prd_desc: text(it.description.as_deref())
                .ok_or_else(|| missing("every line's description"))?,
            is_servc: "N",
            hsn_cd: hsn,
            qty: Some(Num(qty.normalize())),
            unit: Some(text(it.unit.as_deref()).ok_or_else(|| missing("every line's unit"))?),
            unit_price: Num(unit_price),
            tot_amt: Num(tot),
            ass_amt: Num(tot),
            gst_rt: Num(gst_rt.normalize()),
            igst_amt: Num(igst),
            cgst_amt: Num(Decimal::new(0, 2)),
            sgst_amt: Num(Decimal::new(0, 2)),
            tot_item_val: Num(tot.checked_add(igst).ok_or_else(overflow)?),
            org_cntry: text(it.origin_country.as_deref()),
        });
    }

    let mut oth_chrg = Decimal::new(0, 2);
    if igst_on_charges(sh) {
        // Freight and insurance are part of the taxable value of each line, shared by value
        // (calc::taxable_values_inr, as on the printed invoice): one line per rate carries
        // the share of that rate's lines, and the tax that the invoice charges on it.
        let taxable = calc::taxable_values_inr(sh).ok_or_else(|| missing("every line's amount"))?;
        let line_igst = calc::line_igst_inr(sh).ok_or_else(|| missing("every line's amount"))?;
        let mut sl = sh.items.len();
        for g in &by_rate {
            let (mut share, mut tax) = (Decimal::ZERO, Decimal::ZERO);
            for &(i, tot, igst) in &g.lines {
                let value = taxable.get(i).copied().ok_or_else(overflow)?;
                let due = line_igst.get(i).copied().flatten().ok_or_else(overflow)?;
                share = share
                    .checked_add(value.checked_sub(tot).ok_or_else(overflow)?)
                    .ok_or_else(overflow)?;
                tax = tax
                    .checked_add(due.checked_sub(igst).ok_or_else(overflow)?)
                    .ok_or_else(overflow)?;
            }
            if share.is_zero() && tax.is_zero() {
                continue;
            }
            sl += 1;
            ass_total = ass_total.checked_add(share).ok_or_else(overflow)?;
            igst_total = igst_total.checked_add(tax).ok_or_else(overflow)?;
            lines.push(Item {
                sl_no: sl.to_string(),
                prd_desc:
                    "Freight and insurance charged on the invoice (part of the value of the goods)",
                is_servc: "N",
                hsn_cd: g.principal.1,
                qty: None,
                unit: None,
                unit_price: Num(share),
                tot_amt: Num(share),
                ass_amt: Num(share),
                gst_rt: Num(g.rate.normalize()),
                igst_amt: Num(tax),
                cgst_amt: Num(Decimal::new(0, 2)),
                sgst_amt: Num(Decimal::new(0, 2)),
                tot_item_val: Num(share.checked_add(tax).ok_or_else(overflow)?),
                org_cntry: None,
            });
        }
    } else {
        let charges_fc = calc::freight(sh).checked_add(calc::insurance(sh)).ok_or_else(overflow)?;
        oth_chrg = round_amount(charges_fc.checked_mul(rate).ok_or_else(overflow)?, 2);
    }

    let total_inr = ass_total
        .checked_add(igst_total)
        .and_then(|t| t.checked_add(oth_chrg))
        .ok_or_else(overflow)?;
    let currency = text(sh.currency.as_deref()).unwrap_or("INR");
    let foreign = currency != "INR";
    let val = ValDtls {
        ass_val: Num(ass_total),
        cgst_val: Num(Decimal::new(0, 2)),
        sgst_val: Num(Decimal::new(0, 2)),
        igst_val: Num(igst_total),
        oth_chrg: Num(oth_chrg),
        tot_inv_val: Num(total_inr),
        tot_inv_val_fc: if foreign { calc::invoice_total(sh).map(Num) } else { None },
    };

    let decl = sh.export_declaration.as_ref();
    let refund = match decl.and_then(|d| d.refund_claimed) {
        Some(b) => b,
        None => igst_paid,
    };
    let country = text(sh.destination_country.as_deref())
        .or_else(|| text(party.address.as_ref().and_then(|a| a.country.as_deref())));
    let expd = ExpDtls {
        ship_b_no: text(decl.and_then(|d| d.number.as_deref())),
        ship_b_dt: decl.and_then(|d| d.date).map(crate::views::date_dmy),
        port: port(sh).1,
        ref_clm: if refund { "Y" } else { "N" },
        for_cur: foreign.then_some(currency),
        cnt_code: country,
    };

    Ok(EInvoice {
        version: "1.1",
        tran_dtls: tran,
        doc_dtls: doc,
        seller_dtls: seller,
        buyer_dtls: buyer,
        item_list: lines,
        val_dtls: val,
        exp_dtls: expd,
    })
}

#[cfg(test)]
mod tests {
    use super::{to_json, Num};
    use rust_decimal::Decimal;
    use serde::Serialize;

    #[derive(Serialize)]
    struct Sample {
        a: Num,
        b: &'static str,
        c: &'static str,
        d: &'static str,
        e: Vec<Num>,
        f: Vec<Num>,
        g: Num,
    }

    #[test]
    fn numbers_are_bare_exact_decimals_and_strings_as_serde_json_writes_them() {
        let t = Sample {
            a: Num(Decimal::new(255_000, 2)),
            b: "",
            c: "say \"hi\"\n\tनमस्ते",
            d: "\"quoted\" first",
            e: vec![],
            f: vec![Num(Decimal::ZERO), Num(Decimal::new(-5, 1))],
            g: Num(Decimal::new(999_999, 0)),
        };
        let got = to_json(&t).unwrap();
        let strings = serde_json::to_string_pretty(&(t.b, t.c, t.d)).unwrap();
        assert!(strings.contains(r#""say \"hi\"\n\tनमस्ते""#), "{strings}");
        let want = "{\n  \"a\": 2550.00,\n  \"b\": \"\",\n  \"c\": \"say \\\"hi\\\"\\n\\tनमस्ते\",\n  \"d\": \"\\\"quoted\\\" first\",\n  \"e\": [],\n  \"f\": [\n    0,\n    -0.5\n  ],\n  \"g\": 999999\n}";
        assert_eq!(got, want);
        let back: serde_json::Value = serde_json::from_str(&got).unwrap();
        assert_eq!(back["c"], t.c);
        assert_eq!(back["d"], t.d);
    }
}
