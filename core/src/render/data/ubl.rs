//! The commercial invoice as an OASIS UBL 2.1 Invoice following EN 16931 (CustomizationID
//! `urn:cen.eu:en16931:2017`), for buyers whose systems read UBL.
//!
//! Mapping, in the UBL element order:
//! * seller: IEC as party identifier, GSTIN as the tax identifier with the `IN` prefix (BT-31),
//!   legal name, address, contact; buyer (or consignee) with its tax id when it has a
//!   country prefix (BT-48), else as legal registration id (BT-47);
//! * delivery to the consignee, Incoterms 2020 rule and named place as delivery terms,
//!   payment means (the exporter's bank account, credit transfer) and payment terms;
//! * freight and insurance as document-level charges (UNCL 7161 `FC`, `IN`);
//! * tax: an export is zero-rated, category `G` ("export outside the EU", VATEX-EU-G) with the
//!   Rule 46 endorsement as exemption reason. Under LUT or bond nothing more; on payment of
//!   IGST the tax the exporter paid is shown in the INR tax currency (BT-6, BT-111), since the
//!   buyer is not charged it. An unregistered exporter's invoice is category `O`;
//! * lines: quantity with its UN/ECE Rec 20/21 unit code, HS code (`listID="HS"`), origin
//!   country, SKU, net weight as an item property, price.
//!
//! The exchange rate, transport particulars and references without a UBL place go in notes.

use super::xw::Xw;
use crate::calc;
use crate::data::{countries, gst};
use crate::model::{Address, Party, Shipment, TaxTreatment};
use crate::money::round_amount;
use crate::Validated;
use rust_decimal::Decimal;

const NS_INVOICE: &str = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
const NS_CAC: &str = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
const NS_CBC: &str = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
/// EN 16931 core invoice, no further CIUS.
const CUSTOMIZATION: &str = "urn:cen.eu:en16931:2017";

/// UN/ECE Recommendation 20 (or Rec 21 with the `X` prefix) code for a GST UQC.
pub(crate) fn unit_code(uqc: &str) -> &'static str {
    match uqc {
        "BAG" => "XBG",
        "BAL" => "XBN",
        "BDL" => "XBE",
        "BOX" => "XBX",
        "BTL" => "XBO",
        "BUN" => "XBH",
        "CAN" => "XCA",
        "CBM" => "MTQ",
        "CCM" => "CMQ",
        "CMS" => "CMT",
        "CTN" => "XCT",
        "DOZ" => "DZN",
        "DRM" => "XDR",
        "GGK" => "GGR",
        "GMS" => "GRM",
        "GRS" => "GRO",
        "KGS" => "KGM",
        "KLR" => "K6",
        "KME" => "KMT",
        "LTR" => "LTR",
        "MLT" => "MLT",
        "MTR" => "MTR",
        "MTS" | "TON" => "TNE",
        "NOS" | "UNT" => "C62",
        "PAC" => "XPA",
        "PCS" => "H87",
        "PRS" => "PR",
        "QTL" => "DTN",
        "ROL" => "XRO",
        "SET" => "SET",
        "SQF" => "FTK",
        "SQM" => "MTK",
        "SQY" => "YDK",
        "TBS" => "U2",
        "THD" => "MIL",
        "TUB" => "XTU",
        "UGS" => "GLL",
        "YDS" => "YRD",
        // BKL, BOU, GYD, TGM, OTH and anything unknown: "mutually defined".
        _ => "ZZ",
    }
}

/// Writes the UBL invoice of a shipment validated for the commercial invoice.
pub(crate) fn write(v: &Validated) -> Result<String, String> {
    let s = v.shipment();
    let mut u = Ubl {
        x: Xw::new(4096 + s.items.len() * 900),
        s,
        cur: text(s.currency.as_deref()).unwrap_or("INR"),
        minor: calc::minor_units(s),
    };
    u.invoice().map_err(|e| format!("cannot write the UBL invoice: {e}"))?;
    Ok(u.x.finish())
}

fn text(v: Option<&str>) -> Option<&str> {
    v.map(str::trim).filter(|v| !v.is_empty())
}

struct Ubl<'a> {
    x: Xw,
    s: &'a Shipment,
    cur: &'a str,
    minor: u32,
}

type R = std::io::Result<()>;

/// The tax category the invoice uses, with its exemption reason.
struct Category {
    id: &'static str,
    exemption_code: &'static str,
    reason: String,
}

impl<'a> Ubl<'a> {
    fn amount(&mut self, name: &str, value: Decimal) -> R {
        let cur = self.cur;
        self.x.leaf_with(name, &[("currencyID", cur)], &round_amount(value, self.minor).to_string())
    }

    fn category(&self) -> Category {
        let s = self.s;
        let endorsement = |default: &str| {
            text(s.invoice.as_ref().and_then(|i| i.endorsement.as_deref()))
                .unwrap_or(default)
                .to_string()
        };
        match &s.tax {
            Some(TaxTreatment::Lut { arn, date }) => {
                let mut reason = endorsement(gst::ENDORSEMENT_LUT);
                if let Some(a) = text(arn.as_deref()) {
                    reason.push_str(&format!(". LUT ARN {a}"));
                    if let Some(d) = date {
                        reason.push_str(&format!(" dated {d}"));
                    }
                }
                Category { id: "G", exemption_code: "VATEX-EU-G", reason }
            }
            Some(TaxTreatment::Bond { reference, date }) => {
                let mut reason = endorsement(gst::ENDORSEMENT_LUT);
                if let Some(r) = text(reference.as_deref()) {
                    reason.push_str(&format!(". Bond {r}"));
                    if let Some(d) = date {
                        reason.push_str(&format!(" dated {d}"));
                    }
                }
                Category { id: "G", exemption_code: "VATEX-EU-G", reason }
            }
            Some(TaxTreatment::IgstPaid { .. }) => {
                let mut reason = endorsement(gst::ENDORSEMENT_IGST);
                // Each line's own rate (Rule 46(l)): "5%" or "5%, 18%".
                let mut rates: Vec<Decimal> =
                    self.s.items.iter().filter_map(|it| calc::line_gst_rate(self.s, it)).collect();
                rates.sort();
                rates.dedup();
                if let (false, Some(amt)) = (rates.is_empty(), self.igst_inr()) {
                    let rates: Vec<String> =
                        rates.iter().map(|r| format!("{}%", r.normalize())).collect();
                    reason.push_str(&format!(
                        ". IGST at {} paid by the exporter: INR {amt}; not charged to the buyer",
                        rates.join(", ")
                    ));
                }
                Category { id: "G", exemption_code: "VATEX-EU-G", reason }
            }
            Some(TaxTreatment::Unregistered {}) | None => Category {
                id: "O",
                exemption_code: "VATEX-EU-O",
                reason: "Exporter not registered under GST: no tax invoice".into(),
            },
        }
    }

    /// IGST in INR: as stated by the exporter (validated against the lines), else the sum of
    /// each line's IGST at its own rate.
    fn igst_inr(&self) -> Option<Decimal> {
        let Some(TaxTreatment::IgstPaid { amount, .. }) = &self.s.tax else { return None };
        if let Some(a) = amount {
            return Some(round_amount(*a, 2));
        }
        calc::igst_total_inr(self.s)
    }

    fn invoice(&mut self) -> R {
        let s = self.s;
        let inv = s.invoice.clone().unwrap_or_default();
        let cat = self.category();
        self.x.open_with(
            "Invoice",
            &[("xmlns", NS_INVOICE), ("xmlns:cac", NS_CAC), ("xmlns:cbc", NS_CBC)],
        )?;
        self.x.leaf("cbc:CustomizationID", CUSTOMIZATION)?;
        self.x.opt("cbc:ID", inv.number.as_deref())?;
        if let Some(d) = inv.date {
            self.x.leaf("cbc:IssueDate", &d.to_string())?;
        }
        self.x.leaf("cbc:InvoiceTypeCode", "380")?;
        for note in self.notes(&cat) {
            self.x.leaf("cbc:Note", &note)?;
        }
        self.x.leaf("cbc:DocumentCurrencyCode", self.cur)?;
        let igst = self.igst_inr();
        let tax_currency = igst.is_some() && self.cur != "INR";
        if tax_currency {
            self.x.leaf("cbc:TaxCurrencyCode", "INR")?;
        }
        let order = inv
            .buyer_order
            .as_ref()
            .and_then(|o| text(o.number.as_deref()))
            .or(text(inv.marketplace_order_id.as_deref()));
        if let Some(o) = order {
            self.x.open("cac:OrderReference")?;
            self.x.leaf("cbc:ID", o)?;
            self.x.close("cac:OrderReference")?;
        }
        let mut refs: Vec<(String, &str)> = Vec::new();
        if let Some(r) = text(inv.exporter_reference.as_deref()) {
            refs.push((r.to_string(), "Exporter's reference"));
        }
        if inv.buyer_order.as_ref().and_then(|o| text(o.number.as_deref())).is_some() {
            if let Some(m) = text(inv.marketplace_order_id.as_deref()) {
                refs.push((m.to_string(), "Marketplace order"));
            }
        }
        if let Some(p) = text(inv.packing_list_number.as_deref()) {
            refs.push((p.to_string(), "Packing list"));
        }
        for r in inv.other_references.iter().filter_map(|r| text(Some(r))) {
            refs.push((r.to_string(), "Other reference"));
        }
        for (id, what) in &refs {
            self.x.open("cac:AdditionalDocumentReference")?;
            self.x.leaf("cbc:ID", id)?;
            self.x.leaf("cbc:DocumentDescription", what)?;
            self.x.close("cac:AdditionalDocumentReference")?;
        }
        self.supplier(cat.id)?;
        self.customer()?;
        self.delivery()?;
        self.payment()?;
        let charges =
            [("FC", "Freight", calc::freight(s)), ("IN", "Insurance", calc::insurance(s))];
        for (code, reason, amount) in charges {
            if amount.is_zero() {
                continue;
            }
            self.x.open("cac:AllowanceCharge")?;
            self.x.leaf("cbc:ChargeIndicator", "true")?;
            self.x.leaf("cbc:AllowanceChargeReasonCode", code)?;
            self.x.leaf("cbc:AllowanceChargeReason", reason)?;
            self.amount("cbc:Amount", amount)?;
            self.tax_category("cac:TaxCategory", &cat, false)?;
            self.x.close("cac:AllowanceCharge")?;
        }
        let goods = calc::goods_total(s).unwrap_or_default();
        let total = calc::invoice_total(s).unwrap_or_default();
        let zero = Decimal::ZERO;
        self.x.open("cac:TaxTotal")?;
        self.amount("cbc:TaxAmount", zero)?;
        self.x.open("cac:TaxSubtotal")?;
        self.amount("cbc:TaxableAmount", total)?;
        self.amount("cbc:TaxAmount", zero)?;
        self.tax_category("cac:TaxCategory", &cat, true)?;
        self.x.close("cac:TaxSubtotal")?;
        self.x.close("cac:TaxTotal")?;
        if let (true, Some(igst)) = (tax_currency, igst) {
            self.x.open("cac:TaxTotal")?;
            self.x.leaf_with("cbc:TaxAmount", &[("currencyID", "INR")], &igst.to_string())?;
            self.x.close("cac:TaxTotal")?;
        }
        self.x.open("cac:LegalMonetaryTotal")?;
        self.amount("cbc:LineExtensionAmount", goods)?;
        self.amount("cbc:TaxExclusiveAmount", total)?;
        self.amount("cbc:TaxInclusiveAmount", total)?;
        let charged = calc::freight(s).checked_add(calc::insurance(s)).unwrap_or_default();
        if !charged.is_zero() {
            self.amount("cbc:ChargeTotalAmount", charged)?;
        }
        self.amount("cbc:PayableAmount", total)?;
        self.x.close("cac:LegalMonetaryTotal")?;
        for i in 0..s.items.len() {
            self.line(i, &cat)?;
        }
        self.x.close("Invoice")
    }

    fn notes(&self, cat: &Category) -> Vec<String> {
        let s = self.s;
        let mut notes = vec![cat.reason.clone()];
        if self.cur != "INR" {
            if let Some(r) = &s.exchange_rate {
                if let Some(rate) = r.rate {
                    let per = r.per.unwrap_or(1).max(1);
                    let mut n = format!("Exchange rate: {per} {} = INR {rate}", self.cur);
                    if let Some(d) = r.date {
                        n.push_str(&format!(", in force from {d}"));
                    }
                    if let Some(src) = text(r.source.as_deref()) {
                        n.push_str(&format!("; source: {src}"));
                    }
                    if let Some(fob) = calc::fob(s).and_then(|f| calc::to_inr(s, f)) {
                        n.push_str(&format!("; FOB value INR {fob}"));
                    }
                    notes.push(n);
                }
            }
        }
        if let Some(t) = &s.transport {
            let mut parts = Vec::new();
            for (label, v) in [
                ("Pre-carriage by", t.pre_carriage.as_deref()),
                ("Place of receipt", t.place_of_receipt.as_deref()),
                ("Vessel/flight", t.vessel_or_flight.as_deref()),
                ("Port of loading", t.port_of_loading.as_deref()),
                ("Foreign Post Office", t.post.as_ref().and_then(|p| p.fpo_code.as_deref())),
                ("Port of discharge", t.port_of_discharge.as_deref()),
                ("Final destination", t.final_destination.as_deref()),
            ] {
                if let Some(v) = text(v) {
                    parts.push(format!("{label}: {v}"));
                }
            }
            if !parts.is_empty() {
                notes.push(parts.join("; "));
            }
        }
        if let Some(c) = text(s.destination_country.as_deref()) {
            let name = countries::country(c).map_or(c, |k| k.name);
            notes.push(format!("Country of final destination: {name}"));
        }
        notes
    }

    fn address(&mut self, name: &str, a: &Address) -> R {
        self.x.open(name)?;
        self.x.opt("cbc:StreetName", a.line1.as_deref())?;
        self.x.opt("cbc:AdditionalStreetName", a.line2.as_deref())?;
        self.x.opt("cbc:CityName", a.city.as_deref())?;
        self.x.opt("cbc:PostalZone", a.postal_code.as_deref())?;
        self.x.opt("cbc:CountrySubentity", a.state.as_deref())?;
        if let Some(d) = text(a.district.as_deref()) {
            self.x.open("cac:AddressLine")?;
            self.x.leaf("cbc:Line", &format!("District {d}"))?;
            self.x.close("cac:AddressLine")?;
        }
        if let Some(c) = text(a.country.as_deref()) {
            self.x.open("cac:Country")?;
            self.x.leaf("cbc:IdentificationCode", c)?;
            self.x.close("cac:Country")?;
        }
        self.x.close(name)
    }

    fn contact(&mut self, name: Option<&str>, phone: Option<&str>, email: Option<&str>) -> R {
        if text(name).or(text(phone)).or(text(email)).is_none() {
            return Ok(());
        }
        self.x.open("cac:Contact")?;
        self.x.opt("cbc:Name", name)?;
        self.x.opt("cbc:Telephone", phone)?;
        self.x.opt("cbc:ElectronicMail", email)?;
        self.x.close("cac:Contact")
    }

    fn supplier(&mut self, category: &str) -> R {
        let e = self.s.exporter.clone().unwrap_or_default();
        self.x.open("cac:AccountingSupplierParty")?;
        self.x.open("cac:Party")?;
        if let Some(iec) = text(e.iec.as_deref()) {
            self.x.open("cac:PartyIdentification")?;
            self.x.leaf("cbc:ID", iec)?;
            self.x.close("cac:PartyIdentification")?;
        }
        if let Some(t) = text(e.trade_name.as_deref()) {
            self.x.open("cac:PartyName")?;
            self.x.leaf("cbc:Name", t)?;
            self.x.close("cac:PartyName")?;
        }
        self.address("cac:PostalAddress", &e.address.clone().unwrap_or_default())?;
        if let (Some(g), true) = (text(e.gstin.as_deref()), category != "O") {
            self.x.open("cac:PartyTaxScheme")?;
            self.x.leaf("cbc:CompanyID", &format!("IN{g}"))?;
            self.x.open("cac:TaxScheme")?;
            self.x.leaf("cbc:ID", "VAT")?;
            self.x.close("cac:TaxScheme")?;
            self.x.close("cac:PartyTaxScheme")?;
        }
        self.x.open("cac:PartyLegalEntity")?;
        self.x.opt("cbc:RegistrationName", e.legal_name.as_deref())?;
        self.x.opt("cbc:CompanyID", e.pan.as_deref())?;
        self.x.close("cac:PartyLegalEntity")?;
        let signatory = self.s.signatory.as_ref().and_then(|g| g.name.clone());
        self.contact(signatory.as_deref(), e.phone.as_deref(), e.email.as_deref())?;
        self.x.close("cac:Party")?;
        self.x.close("cac:AccountingSupplierParty")
    }

    fn customer(&mut self) -> R {
        let p: Party =
            self.s.buyer.clone().or_else(|| self.s.consignee.clone()).unwrap_or_default();
        let business = text(p.business.as_deref()).map(str::to_string);
        let legal = business.clone().or_else(|| text(p.name.as_deref()).map(str::to_string));
        let tax_id = text(p.tax_id.as_deref()).map(str::to_string);
        let vat_like = tax_id
            .as_deref()
            .is_some_and(|t| t.len() > 2 && t.as_bytes()[..2].iter().all(u8::is_ascii_uppercase));
        self.x.open("cac:AccountingCustomerParty")?;
        self.x.open("cac:Party")?;
        self.address("cac:PostalAddress", &p.address.clone().unwrap_or_default())?;
        if let (Some(t), true) = (tax_id.as_deref(), vat_like) {
            self.x.open("cac:PartyTaxScheme")?;
            self.x.leaf("cbc:CompanyID", t)?;
            self.x.open("cac:TaxScheme")?;
            self.x.leaf("cbc:ID", "VAT")?;
            self.x.close("cac:TaxScheme")?;
            self.x.close("cac:PartyTaxScheme")?;
        }
        self.x.open("cac:PartyLegalEntity")?;
        self.x.opt("cbc:RegistrationName", legal.as_deref())?;
        if !vat_like {
            self.x.opt("cbc:CompanyID", tax_id.as_deref())?;
        }
        self.x.close("cac:PartyLegalEntity")?;
        let person = if business.is_some() { p.name.as_deref() } else { None };
        self.contact(person, p.phone.as_deref(), p.email.as_deref())?;
        self.x.close("cac:Party")?;
        self.x.close("cac:AccountingCustomerParty")
    }

    fn delivery(&mut self) -> R {
        let s = self.s;
        if let Some(c) = &s.consignee {
            self.x.open("cac:Delivery")?;
            if let Some(a) = &c.address {
                self.x.open("cac:DeliveryLocation")?;
                self.address("cac:Address", a)?;
                self.x.close("cac:DeliveryLocation")?;
            }
            let name = text(c.business.as_deref()).or(text(c.name.as_deref()));
            if let Some(n) = name {
                self.x.open("cac:DeliveryParty")?;
                self.x.open("cac:PartyName")?;
                self.x.leaf("cbc:Name", n)?;
                self.x.close("cac:PartyName")?;
                self.x.close("cac:DeliveryParty")?;
            }
            self.x.close("cac:Delivery")?;
        }
        if let Some(t) = &s.terms {
            if let Some(code) = text(t.incoterm.as_deref()) {
                self.x.open("cac:DeliveryTerms")?;
                self.x.leaf("cbc:ID", code)?;
                let place =
                    text(t.incoterm_place.as_deref()).map(|p| format!(" {p}")).unwrap_or_default();
                self.x.leaf("cbc:SpecialTerms", &format!("{code}{place}, Incoterms 2020"))?;
                self.x.close("cac:DeliveryTerms")?;
            }
        }
        Ok(())
    }

    fn payment(&mut self) -> R {
        let s = self.s;
        let e = s.exporter.clone().unwrap_or_default();
        if let Some(bank) = &e.bank {
            if let Some(acct) = text(bank.account_number.as_deref()) {
                self.x.open("cac:PaymentMeans")?;
                self.x.leaf("cbc:PaymentMeansCode", "30")?;
                self.x.open("cac:PayeeFinancialAccount")?;
                self.x.leaf("cbc:ID", acct)?;
                self.x.opt("cbc:Name", e.legal_name.as_deref())?;
                if let Some(b) = text(bank.swift.as_deref()).or(text(bank.ifsc.as_deref())) {
                    self.x.open("cac:FinancialInstitutionBranch")?;
                    self.x.leaf("cbc:ID", b)?;
                    self.x.close("cac:FinancialInstitutionBranch")?;
                }
                self.x.close("cac:PayeeFinancialAccount")?;
                self.x.close("cac:PaymentMeans")?;
            }
        }
        if let Some(p) = s.terms.as_ref().and_then(|t| text(t.payment.as_deref())) {
            self.x.open("cac:PaymentTerms")?;
            self.x.leaf("cbc:Note", p)?;
            self.x.close("cac:PaymentTerms")?;
        }
        Ok(())
    }

    fn tax_category(&mut self, name: &str, cat: &Category, with_reason: bool) -> R {
        self.x.open(name)?;
        self.x.leaf("cbc:ID", cat.id)?;
        if cat.id != "O" {
            self.x.leaf("cbc:Percent", "0")?;
        }
        if with_reason {
            self.x.leaf("cbc:TaxExemptionReasonCode", cat.exemption_code)?;
            self.x.leaf("cbc:TaxExemptionReason", &cat.reason)?;
        }
        self.x.open("cac:TaxScheme")?;
        self.x.leaf("cbc:ID", "VAT")?;
        self.x.close("cac:TaxScheme")?;
        self.x.close(name)
    }

    fn line(&mut self, i: usize, cat: &Category) -> R {
        let it = &self.s.items[i];
        let qty = it.quantity.unwrap_or_default();
        let unit = unit_code(text(it.unit.as_deref()).unwrap_or("OTH"));
        self.x.open("cac:InvoiceLine")?;
        self.x.leaf("cbc:ID", &(i + 1).to_string())?;
        self.x.leaf_with(
            "cbc:InvoicedQuantity",
            &[("unitCode", unit)],
            &qty.normalize().to_string(),
        )?;
        self.amount(
            "cbc:LineExtensionAmount",
            calc::line_amount(it, self.minor).unwrap_or_default(),
        )?;
        self.x.open("cac:Item")?;
        self.x.opt("cbc:Name", it.description.as_deref())?;
        if let Some(sku) = text(it.sku.as_deref()) {
            self.x.open("cac:SellersItemIdentification")?;
            self.x.leaf("cbc:ID", sku)?;
            self.x.close("cac:SellersItemIdentification")?;
        }
        if let Some(o) = text(it.origin_country.as_deref()) {
            self.x.open("cac:OriginCountry")?;
            self.x.leaf("cbc:IdentificationCode", o)?;
            self.x.close("cac:OriginCountry")?;
        }
        if let Some(hs) = text(it.hs_code.as_deref()) {
            self.x.open("cac:CommodityClassification")?;
            self.x.leaf_with("cbc:ItemClassificationCode", &[("listID", "HS")], hs)?;
            self.x.close("cac:CommodityClassification")?;
        }
        self.tax_category("cac:ClassifiedTaxCategory", cat, false)?;
        if let Some(w) = it.net_weight_kg {
            self.x.open("cac:AdditionalItemProperty")?;
            self.x.leaf("cbc:Name", "Net weight (kg)")?;
            self.x.leaf("cbc:Value", &w.to_string())?;
            self.x.close("cac:AdditionalItemProperty")?;
        }
        self.x.close("cac:Item")?;
        self.x.open("cac:Price")?;
        let cur = self.cur;
        self.x.leaf_with(
            "cbc:PriceAmount",
            &[("currencyID", cur)],
            &it.unit_price.unwrap_or_default().to_string(),
        )?;
        self.x.close("cac:Price")?;
        self.x.close("cac:InvoiceLine")
    }
}
