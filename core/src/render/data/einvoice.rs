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
//! HSN), so `IgstVal` equals the invoice's IGST. Under LUT or bond they are `OthChrg`. Numbers are written from exact decimals, never floats.

use crate::calc;
use crate::calc::{einvoice_port as port, igst_on_charges};
use crate::error::Error;
use crate::model::{Address, Party, Shipment, TaxTreatment};
use crate::money::round_amount;
use crate::Validated;
use rust_decimal::Decimal;

/// A JSON value with keys in the order written and numbers as exact decimal text.
enum J {
    Str(String),
    Num(String),
    Arr(Vec<J>),
    Obj(Vec<(&'static str, J)>),
}

fn s(v: impl Into<String>) -> J {
    J::Str(v.into())
}

fn n(v: Decimal) -> J {
    J::Num(v.to_string())
}

impl J {
    fn write(&self, out: &mut String, indent: usize) {
        match self {
            J::Str(v) => out.push_str(&serde_json::to_string(v).unwrap_or_else(|_| "\"\"".into())),
            J::Num(v) => out.push_str(v),
            J::Arr(items) => {
                out.push('[');
                for (i, it) in items.iter().enumerate() {
                    out.push_str(if i == 0 { "\n" } else { ",\n" });
                    pad(out, indent + 1);
                    it.write(out, indent + 1);
                }
                if !items.is_empty() {
                    out.push('\n');
                    pad(out, indent);
                }
                out.push(']');
            }
            J::Obj(fields) => {
                out.push('{');
                for (i, (k, v)) in fields.iter().enumerate() {
                    out.push_str(if i == 0 { "\n" } else { ",\n" });
                    pad(out, indent + 1);
                    out.push('"');
                    out.push_str(k);
                    out.push_str("\": ");
                    v.write(out, indent + 1);
                }
                if !fields.is_empty() {
                    out.push('\n');
                    pad(out, indent);
                }
                out.push('}');
            }
        }
    }
}

fn pad(out: &mut String, indent: usize) {
    for _ in 0..indent {
        out.push_str("  ");
    }
}

/// Builds an object, leaving out absent optional fields.
struct Obj(Vec<(&'static str, J)>);

impl Obj {
    fn put(mut self, k: &'static str, v: J) -> Obj {
        self.0.push((k, v));
        self
    }
    fn opt(mut self, k: &'static str, v: Option<J>) -> Obj {
        if let Some(v) = v {
            self.0.push((k, v));
        }
        self
    }
    fn done(self) -> J {
        J::Obj(self.0)
    }
}

fn missing(what: &str) -> Error {
    Error::Render(format!("the e-invoice needs {what}, which validation should have required"))
}

/// `dd/mm/yyyy`.
fn date(d: jiff::civil::Date) -> String {
    format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year())
}

/// Trimmed, non-empty text.
fn text(v: Option<&str>) -> Option<&str> {
    v.map(str::trim).filter(|v| !v.is_empty())
}

/// Text whose length (in characters) lies in `min..=max`, else nothing (optional fields).
fn fit(v: Option<&str>, min: usize, max: usize) -> Option<J> {
    text(v).filter(|v| (min..=max).contains(&v.chars().count())).map(s)
}

/// Digits of a phone number, when they make 6 to 12 digits.
fn phone(v: Option<&str>) -> Option<J> {
    let digits: String = v?.chars().filter(char::is_ascii_digit).collect();
    (6..=12).contains(&digits.len()).then(|| s(digits))
}

fn email(v: Option<&str>) -> Option<J> {
    text(v).filter(|e| (6..=100).contains(&e.chars().count()) && e.contains('@')).map(s)
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
    let mut out = String::with_capacity(2048 + v.shipment().items.len() * 400);
    build(v.shipment())?.write(&mut out, 0);
    out.push('\n');
    Ok(out)
}

fn build(sh: &Shipment) -> Result<J, Error> {
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

    let tran = Obj(vec![])
        .put("TaxSch", s("GST"))
        .put("SupTyp", s(sup_typ))
        .put("RegRev", s("N"))
        .put("IgstOnIntra", s("N"))
        .done();
    let doc = Obj(vec![])
        .put("Typ", s("INV"))
        .put("No", s(text(inv.number.as_deref()).ok_or_else(|| missing("the invoice number"))?))
        .put("Dt", s(date(inv.date.ok_or_else(|| missing("the invoice date"))?)))
        .done();

    let addr = exp.address.as_ref().ok_or_else(|| missing("the exporter's address"))?;
    let pin: Decimal = text(addr.postal_code.as_deref())
        .and_then(|p| p.parse().ok())
        .ok_or_else(|| missing("the exporter's 6-digit PIN"))?;
    let seller = Obj(vec![])
        .put("Gstin", s(gstin))
        .put(
            "LglNm",
            s(text(exp.legal_name.as_deref())
                .ok_or_else(|| missing("the exporter's legal name"))?),
        )
        .opt("TrdNm", fit(exp.trade_name.as_deref(), 3, 100))
        .put(
            "Addr1",
            s(text(addr.line1.as_deref()).ok_or_else(|| missing("the exporter's address line"))?),
        )
        .opt("Addr2", fit(addr.line2.as_deref(), 3, 100))
        .put("Loc", s(text(addr.city.as_deref()).ok_or_else(|| missing("the exporter's city"))?))
        .put("Pin", n(pin))
        .put("Stcd", s(gstin.get(0..2).unwrap_or_default()))
        .opt("Ph", phone(exp.phone.as_deref()))
        .opt("Em", email(exp.email.as_deref()))
        .done();

    let party: &Party =
        sh.buyer.as_ref().or(sh.consignee.as_ref()).ok_or_else(|| missing("the consignee"))?;
    let paddr: Address = party.address.clone().unwrap_or_default();
    let legal = text(party.business.as_deref())
        .or(text(party.name.as_deref()))
        .ok_or_else(|| missing("the buyer's name"))?;
    let trade = if text(party.business.as_deref()).is_some() {
        fit(party.name.as_deref(), 3, 100)
    } else {
        None
    };
    let buyer = Obj(vec![])
        .put("Gstin", s("URP"))
        .put("LglNm", s(legal))
        .opt("TrdNm", trade)
        .put("Pos", s("96"))
        .put(
            "Addr1",
            s(text(paddr.line1.as_deref()).ok_or_else(|| missing("the buyer's address line"))?),
        )
        .opt("Addr2", fit(paddr.line2.as_deref(), 3, 100))
        .put("Loc", s(text(paddr.city.as_deref()).ok_or_else(|| missing("the buyer's city"))?))
        .put("Pin", n(Decimal::from(999_999)))
        .put("Stcd", s("96"))
        .opt("Ph", phone(party.phone.as_deref()))
        .opt("Em", email(party.email.as_deref()))
        .done();

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
        lines.push(
            Obj(vec![])
                .put("SlNo", s((i + 1).to_string()))
                .put(
                    "PrdDesc",
                    s(text(it.description.as_deref())
                        .ok_or_else(|| missing("every line's description"))?),
                )
                .put("IsServc", s("N"))
                .put("HsnCd", s(hsn))
                .put("Qty", n(qty.normalize()))
                .put(
                    "Unit",
                    s(text(it.unit.as_deref()).ok_or_else(|| missing("every line's unit"))?),
                )
                .put("UnitPrice", n(unit_price))
                .put("TotAmt", n(tot))
                .put("AssAmt", n(tot))
                .put("GstRt", n(gst_rt.normalize()))
                .put("IgstAmt", n(igst))
                .put("CgstAmt", n(Decimal::new(0, 2)))
                .put("SgstAmt", n(Decimal::new(0, 2)))
                .put("TotItemVal", n(tot.checked_add(igst).ok_or_else(overflow)?))
                .opt("OrgCntry", text(it.origin_country.as_deref()).map(s))
                .done(),
        );
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
            lines.push(
                Obj(vec![])
                    .put("SlNo", s(sl.to_string()))
                    .put("PrdDesc", s("Freight and insurance charged on the invoice (part of the value of the goods)"))
                    .put("IsServc", s("N"))
                    .put("HsnCd", s(g.principal.1))
                    .put("UnitPrice", n(share))
                    .put("TotAmt", n(share))
                    .put("AssAmt", n(share))
                    .put("GstRt", n(g.rate.normalize()))
                    .put("IgstAmt", n(tax))
                    .put("CgstAmt", n(Decimal::new(0, 2)))
                    .put("SgstAmt", n(Decimal::new(0, 2)))
                    .put("TotItemVal", n(share.checked_add(tax).ok_or_else(overflow)?))
                    .done(),
            );
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
    let val = Obj(vec![])
        .put("AssVal", n(ass_total))
        .put("CgstVal", n(Decimal::new(0, 2)))
        .put("SgstVal", n(Decimal::new(0, 2)))
        .put("IgstVal", n(igst_total))
        .put("OthChrg", n(oth_chrg))
        .put("TotInvVal", n(total_inr))
        .opt("TotInvValFc", if foreign { calc::invoice_total(sh).map(n) } else { None })
        .done();

    let decl = sh.export_declaration.as_ref();
    let refund = match decl.and_then(|d| d.refund_claimed) {
        Some(b) => b,
        None => igst_paid,
    };
    let country = text(sh.destination_country.as_deref())
        .or_else(|| text(party.address.as_ref().and_then(|a| a.country.as_deref())));
    let expd = Obj(vec![])
        .opt("ShipBNo", text(decl.and_then(|d| d.number.as_deref())).map(s))
        .opt("ShipBDt", decl.and_then(|d| d.date).map(|d| s(date(d))))
        .opt("Port", port(sh).1.map(s))
        .put("RefClm", s(if refund { "Y" } else { "N" }))
        .opt("ForCur", foreign.then(|| s(currency)))
        .opt("CntCode", country.map(s))
        .done();

    Ok(Obj(vec![])
        .put("Version", s("1.1"))
        .put("TranDtls", tran)
        .put("DocDtls", doc)
        .put("SellerDtls", seller)
        .put("BuyerDtls", buyer)
        .put("ItemList", J::Arr(lines))
        .put("ValDtls", val)
        .put("ExpDtls", expd)
        .done())
}
