//! Identifier, code-table, GST and date rules (ID-01 to ID-15, ID-21, ID-22 of the catalogue).

use super::catalogue as c;
use super::ctx::Ctx;
use super::ids::{self, GstinError, IecKind, PanError};
use super::DocKind::{self, *};
use crate::data::{countries, currencies, gst, incoterms, locations, states, uqc};
use crate::issue::Severity;
use crate::model::{Purpose, Shipment, TaxTreatment, TransportMode};
use jiff::civil::Date;
use jiff::ToSpan;

/// The documents a shipment calls for.
pub(crate) fn documents_for(s: &Shipment) -> Vec<DocKind> {
    let mut out = Vec::new();
    let postal = s.transport.as_ref().and_then(|t| t.mode) == Some(TransportMode::Post);
    if s.purpose == Purpose::Commercial {
        out.push(CommercialInvoice);
        if !s.packages.is_empty() {
            out.push(PackingList);
        }
        out.push(IecDetails);
    }
    if postal {
        out.push(if super::postal::cn22_suffices(s) { Cn22 } else { Cn23 });
        if s.purpose == Purpose::Commercial {
            out.push(Pbe);
        }
    }
    out
}

pub(crate) fn check(ctx: &mut Ctx<'_>) {
    exporter(ctx);
    parties(ctx);
    invoice(ctx);
    currency(ctx);
    terms(ctx);
    tax(ctx);
    transport(ctx);
    items(ctx);
    applicability(ctx);
}

fn pan_message(e: PanError) -> &'static str {
    match e {
        PanError::Shape => "a PAN is 5 letters, 4 digits and 1 letter (AAPPV8261K)",
        PanError::ZeroSerial => "the PAN's digits cannot be 0000",
        PanError::HolderType => "the 4th letter of a PAN is the holder type (P individual, F firm, E LLP, C company, A AOP, T trust …)",
    }
}

/// Checks a GSTIN at `path`; returns true when it is valid.
pub(crate) fn gstin(ctx: &mut Ctx<'_>, path: &str, value: &str) -> bool {
    match ids::check_gstin(value) {
        Ok(()) => {
            if !ids::gstin_14th_is_z(value) {
                ctx.push(c::GSTIN_DEFAULT_CHAR, path, format!("The 14th character of GSTIN {value} is not Z; check it against the registration certificate."));
            }
            true
        }
        Err(GstinError::Shape) => {
            ctx.push(c::GSTIN_FORMAT, path, format!("{} is not a GSTIN: 2-digit state code, 10-character PAN, entity number (not 0), Z, check character (27AAPFU0939F1ZV).", q(value)));
            false
        }
        Err(GstinError::StateCode) => {
            ctx.push(
                c::GSTIN_STATE_CODE,
                path,
                format!(
                    "GSTIN {value} begins with {}, which is not a GST state code.",
                    &value[0..2]
                ),
            );
            false
        }
        Err(GstinError::Pan(e)) => {
            ctx.push(
                c::GSTIN_FORMAT,
                path,
                format!("Characters 3-12 of GSTIN {value} must be a PAN: {}.", pan_message(e)),
            );
            false
        }
        Err(GstinError::Checksum(want)) => {
            ctx.push(c::GSTIN_CHECKSUM, path, format!("GSTIN {value} has a wrong check character: the 15th character should be {want}. A character was probably mistyped."))
                .params
                .insert("expected", want.to_string());
            false
        }
    }
}

fn exporter(ctx: &mut Ctx<'_>) {
    let Some(e) = ctx.s.exporter.as_ref() else { return };
    let pan = e.pan.as_deref().map(str::trim).filter(|v| !v.is_empty());
    let mut pan_ok = None;
    if let Some(pan) = pan {
        match ids::check_pan(pan) {
            Ok(()) => pan_ok = Some(pan),
            Err(err) => {
                ctx.push(
                    c::PAN_FORMAT,
                    "/exporter/pan",
                    format!("{} is not a valid PAN: {}.", q(pan), pan_message(err)),
                );
            }
        }
    }
    let mut gstin_pan = None;
    if let Some(g) = e.gstin.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
        if gstin(ctx, "/exporter/gstin", g) {
            gstin_pan = Some(&g[2..12]);
            if let Some(p) = pan_ok {
                if p != &g[2..12] {
                    ctx.push(
                        c::GSTIN_PAN_MISMATCH,
                        "/exporter/gstin",
                        format!(
                            "GSTIN {g} holds PAN {}, but the exporter's PAN is {p}.",
                            &g[2..12]
                        ),
                    );
                }
            }
            if let Some(a) = &e.address {
                let code = &g[0..2];
                if let Some(sc) = a.state_code.as_deref().filter(|v| !v.is_empty()) {
                    if sc != code {
                        ctx.push(c::GSTIN_STATE_MISMATCH, "/exporter/address/state_code", format!("The address is in state {sc} but the GSTIN is registered in state {code}."));
                    }
                }
                if let Some(pin) = a.postal_code.as_deref() {
                    if states::pin_matches_state(pin, code) == Some(false) {
                        let name = states::state(code).map_or(code, |s| s.name);
                        ctx.push(
                            c::GSTIN_STATE_MISMATCH,
                            "/exporter/address/postal_code",
                            format!("PIN {pin} is not in {name}, where the GSTIN is registered."),
                        );
                    }
                }
            }
        }
    }
    if let Some(iec) = e.iec.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
        match ids::iec_kind(iec) {
            None => {
                ctx.push(c::IEC_FORMAT, "/exporter/iec", format!("{} is not an IEC: since 2017 the IEC is the exporter's PAN (10 characters, like AAPPV8261K).", q(iec)));
            }
            Some(IecKind::Legacy) => {
                ctx.push(c::IEC_LEGACY, "/exporter/iec", format!("IEC {iec} is an old 10-digit number; DGFT has migrated IECs to the PAN. Use the PAN-based IEC shown on the DGFT portal."));
            }
            Some(IecKind::Permanent) => {}
            Some(IecKind::Pan) => {
                if let Some(gp) = gstin_pan {
                    if gp != iec {
                        ctx.push(c::IEC_PAN_MISMATCH, "/exporter/iec", format!("IEC {iec} differs from the PAN {gp} inside the GSTIN; customs matches them for IGST refunds (SB003)."));
                    }
                } else if let Some(p) = pan_ok {
                    if p != iec {
                        ctx.push(c::IEC_PAN_MISMATCH, "/exporter/iec", format!("IEC {iec} differs from the exporter's PAN {p}; since 2017 the IEC is the PAN."));
                    }
                }
            }
        }
    }
    if let Some(ad) = e.ad_code.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
        if !ids::is_ad_code(ad) {
            ctx.push(
                c::AD_CODE_FORMAT,
                "/exporter/ad_code",
                format!(
                    "{} is not an AD code: the bank's authorised-dealer code is 14 digits.",
                    q(ad)
                ),
            );
        }
    }
    if let Some(ifsc) =
        e.bank.as_ref().and_then(|b| b.ifsc.as_deref()).map(str::trim).filter(|v| !v.is_empty())
    {
        if !ids::is_ifsc(ifsc) {
            ctx.push(
                c::IFSC_FORMAT,
                "/exporter/bank/ifsc",
                format!(
                    "{} is not an IFSC: 4 letters, a zero, then 6 letters or digits (SBIN0001234).",
                    q(ifsc)
                ),
            );
        }
    }
    for (i, b) in e.branches.iter().enumerate() {
        if let Some(g) = b.gstin.as_deref().filter(|v| !v.is_empty()) {
            gstin(ctx, &format!("/exporter/branches/{i}/gstin"), g);
        }
        if let Some(country) =
            b.address.as_ref().and_then(|a| a.country.as_deref()).filter(|v| !v.is_empty())
        {
            country_code(ctx, &format!("/exporter/branches/{i}/address/country"), country);
        }
    }
    if let Some(country) =
        e.address.as_ref().and_then(|a| a.country.as_deref()).filter(|v| !v.is_empty())
    {
        country_code(ctx, "/exporter/address/country", country);
    }
}

/// Checks an ISO country code; returns true when known.
fn country_code(ctx: &mut Ctx<'_>, path: &str, code: &str) -> bool {
    if countries::country(code).is_some() {
        return true;
    }
    ctx.push(
        c::COUNTRY_CODE,
        path,
        format!(
            "{} is not an ISO 3166 country code; use two capital letters such as US, GB, DE, AE.",
            q(code)
        ),
    );
    false
}

fn parties(ctx: &mut Ctx<'_>) {
    let s = ctx.s;
    let consignee_country = s
        .consignee
        .as_ref()
        .and_then(|p| p.address.as_ref())
        .and_then(|a| a.country.as_deref())
        .filter(|v| !v.is_empty());
    if let Some(cc) = consignee_country {
        country_code(ctx, "/consignee/address/country", cc);
    }
    if let Some(bc) = s
        .buyer
        .as_ref()
        .and_then(|p| p.address.as_ref())
        .and_then(|a| a.country.as_deref())
        .filter(|v| !v.is_empty())
    {
        country_code(ctx, "/buyer/address/country", bc);
    }
    if let Some(dest) = s.destination_country.as_deref().filter(|v| !v.is_empty()) {
        if dest == "IN" {
            ctx.push(
                c::DESTINATION_INDIA,
                "/destination_country",
                "The country of final destination of an export cannot be India (IN).",
            );
        } else if country_code(ctx, "/destination_country", dest) {
            if let Some(cc) = consignee_country {
                if cc != dest && countries::country(cc).is_some() {
                    ctx.push(c::DESTINATION_MISMATCH, "/consignee/address/country", format!("The consignee is in {cc} but the country of final destination is {dest}; India Post and customs expect them to agree."));
                }
            }
        }
    }
}

fn invoice(ctx: &mut Ctx<'_>) {
    let Some(inv) = ctx.s.invoice.as_ref() else { return };
    if let Some(n) = inv.number.as_deref().filter(|v| !v.is_empty()) {
        if !ids::is_invoice_number(n) {
            ctx.push(c::INVOICE_NUMBER_FORMAT, "/invoice/number", format!("Invoice number {} must be at most 16 letters, digits, '-' or '/', starting with a letter or a digit other than 0 (GST Rule 46, e-invoice).", q(n)));
        }
    }
    if let Some(end) = inv.endorsement.as_deref().filter(|v| !v.trim().is_empty()) {
        endorsement(ctx, end);
    }
}

fn endorsement(ctx: &mut Ctx<'_>, text: &str) {
    let (exact, legacy, other) = match ctx.s.tax {
        Some(TaxTreatment::IgstPaid { .. }) => {
            (gst::ENDORSEMENT_IGST, gst::LEGACY_ENDORSEMENTS_IGST, gst::ENDORSEMENT_LUT)
        }
        Some(TaxTreatment::Lut { .. } | TaxTreatment::Bond { .. }) => {
            (gst::ENDORSEMENT_LUT, gst::LEGACY_ENDORSEMENTS_LUT, gst::ENDORSEMENT_IGST)
        }
        _ => return,
    };
    let norm = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if norm.eq_ignore_ascii_case(exact) {
        return;
    }
    if legacy.iter().any(|l| norm.eq_ignore_ascii_case(l)) {
        ctx.push(c::ENDORSEMENT_LEGACY, "/invoice/endorsement", format!("This is an old short form of the endorsement; print the notified text: \"{exact}\" (or leave the field empty and niryat prints it)."));
        return;
    }
    let why = if norm.eq_ignore_ascii_case(other) {
        "it is the endorsement for the other tax treatment"
    } else {
        "it is not the notified text"
    };
    ctx.push(c::ENDORSEMENT_MISMATCH, "/invoice/endorsement", format!("The endorsement does not match the tax treatment ({why}); it must read \"{exact}\". Leave the field empty and niryat prints the right one."))
        .params
        .insert("expected", exact.to_string());
}

fn currency(ctx: &mut Ctx<'_>) {
    let s = ctx.s;
    let Some(code) = s.currency.as_deref().filter(|v| !v.is_empty()) else { return };
    let Some(cur) = currencies::currency(code) else {
        ctx.push(
            c::CURRENCY_CODE,
            "/currency",
            format!("{} is not an ISO 4217 currency code (USD, EUR, GBP, AED, INR …).", q(code)),
        );
        return;
    };
    if code == "INR" {
        return;
    }
    if cur.cbic_schedule.is_none() {
        ctx.push(c::CURRENCY_NOT_NOTIFIED, "/currency", format!("CBIC does not notify an export exchange rate for {code}; customs will need the rate justified. Invoicing in USD or EUR avoids this."));
    }
    if let Some(r) = &s.exchange_rate {
        if let Some(rate) = r.rate {
            if rate <= rust_decimal::Decimal::ZERO {
                ctx.push(
                    c::EXCHANGE_RATE,
                    "/exchange_rate/rate",
                    "The exchange rate must be above zero.",
                );
            }
        }
        let expected_per = if cur.cbic_schedule == Some(2) { 100 } else { 1 };
        match r.per {
            Some(p) if p != 1 && p != 100 => {
                ctx.push(
                    c::EXCHANGE_RATE,
                    "/exchange_rate/per",
                    format!("Rates are quoted per 1 or per 100 units, not per {p}."),
                );
            }
            Some(p) if p != expected_per && cur.cbic_schedule.is_some() => {
                ctx.push(
                    c::EXCHANGE_RATE,
                    "/exchange_rate/per",
                    format!(
                        "CBIC quotes {code} per {expected_per} unit(s); the rate says per {p}."
                    ),
                );
            }
            None if expected_per == 100 => {
                ctx.push_with(c::EXCHANGE_RATE, Severity::Warning, "/exchange_rate", format!("CBIC quotes {code} per 100 units (Schedule II); set \"per\": 100 if the rate is for 100 {code}."));
            }
            _ => {}
        }
        if let (Some(rd), Some(dd)) = (r.date, s.transport.as_ref().and_then(|t| t.dispatch_date)) {
            if rd > dd {
                ctx.push(c::EXCHANGE_RATE_DATE, "/exchange_rate/date", format!("The rate is dated {rd}, after the goods are handed over on {dd}; use the rate in force on the day of handing over."));
            }
        }
    }
}

fn terms(ctx: &mut Ctx<'_>) {
    let s = ctx.s;
    let Some(t) = s.terms.as_ref() else { return };
    let Some(code) = t.incoterm.as_deref().filter(|v| !v.is_empty()) else { return };
    let Some(term) = incoterms::incoterm(code) else {
        ctx.push(c::INCOTERM, "/terms/incoterm", format!("{} is not an Incoterms 2020 rule (EXW, FCA, CPT, CIP, DAP, DPU, DDP, FAS, FOB, CFR, CIF).", q(code)));
        return;
    };
    let mode = s.transport.as_ref().and_then(|t| t.mode);
    if term.sea_only
        && matches!(mode, Some(TransportMode::Post | TransportMode::Air | TransportMode::Courier))
    {
        let alt = match code {
            "FOB" | "FAS" => "FCA",
            "CFR" => "CPT",
            _ => "CIP",
        };
        ctx.push(
            c::INCOTERM_SEA_ONLY,
            "/terms/incoterm",
            format!("{code} is a sea-only rule; for goods sent by post or air use {alt} instead."),
        );
    }
    let freight = s.charges.as_ref().and_then(|ch| ch.freight);
    let insurance = s.charges.as_ref().and_then(|ch| ch.insurance);
    if term.includes_freight && freight.is_none() && s.purpose == Purpose::Commercial {
        ctx.push(c::CHARGES_FOR_TERM, "/terms/incoterm", format!("Under {code} the price includes carriage: state the freight in charges.freight (0 if none) so that FOB can be shown on the invoice and the PBE."));
    }
    if term.includes_insurance
        && matches!(code, "CIF" | "CIP")
        && insurance.is_none()
        && s.purpose == Purpose::Commercial
    {
        ctx.push(
            c::CHARGES_FOR_TERM,
            "/terms/incoterm",
            format!("Under {code} the price includes insurance: state it in charges.insurance."),
        );
    }
    if !term.includes_freight
        && (freight.is_some_and(|f| !f.is_zero()) || insurance.is_some_and(|f| !f.is_zero()))
    {
        ctx.push(c::CHARGES_FOR_TERM, "/charges", format!("Under {code} the buyer pays carriage and insurance; they should not be charged on the invoice."));
    }
}

fn tax(ctx: &mut Ctx<'_>) {
    let s = ctx.s;
    let inv_date = s.invoice.as_ref().and_then(|i| i.date);
    match &s.tax {
        Some(TaxTreatment::Lut { arn, date }) => {
            if let (Some(lut), Some(inv)) = (date, inv_date) {
                if financial_year(*lut) != financial_year(inv) || *lut > inv {
                    ctx.push(c::LUT_PERIOD, "/tax/date", format!("An LUT covers one financial year and must be filed before exporting; this LUT is dated {lut} and the invoice {inv} (financial year {}).", fy_label(inv)));
                }
            }
            if let Some(arn) = arn.as_deref().filter(|v| !v.is_empty()) {
                let b = arn.as_bytes();
                let shape = b.len() == 15
                    && arn.starts_with("AD")
                    && b[2..4].iter().all(u8::is_ascii_digit)
                    && b.iter().all(|c| c.is_ascii_digit() || c.is_ascii_uppercase());
                if !shape {
                    ctx.push(c::LUT_ARN_FORMAT, "/tax/arn", format!("{} does not look like an LUT ARN (15 characters starting AD and the state code, like AD090326001234X).", q(arn)));
                } else if let Some(g) = s
                    .exporter
                    .as_ref()
                    .and_then(|e| e.gstin.as_deref())
                    .map(str::trim)
                    .filter(|g| ids::check_gstin(g).is_ok())
                {
                    if arn[2..4] != g[0..2] {
                        ctx.push(
                            c::LUT_ARN_FORMAT,
                            "/tax/arn",
                            format!(
                                "The ARN is for state {}, but the GSTIN is registered in state {}.",
                                &arn[2..4],
                                &g[0..2]
                            ),
                        );
                    }
                }
            }
            export_window(ctx, inv_date, true);
        }
        // (The IGST rate is checked against the slabs in force by the gst rules.)
        _ => export_window(ctx, inv_date, false),
    }
}

fn export_window(ctx: &mut Ctx<'_>, inv_date: Option<Date>, lut: bool) {
    let Some(inv) = inv_date else { return };
    let Some(dispatch) = ctx.s.transport.as_ref().and_then(|t| t.dispatch_date) else { return };
    if dispatch < inv {
        ctx.push(c::DATE_ORDER, "/transport/dispatch_date", format!("The goods are handed over on {dispatch}, before the invoice date {inv}; a goods invoice is issued before or at removal."));
    }
    if lut {
        if let Ok(limit) = inv.checked_add(crate::data::gst::LUT_EXPORT_WINDOW_MONTHS.months()) {
            if dispatch > limit {
                ctx.push(c::LUT_EXPORT_WINDOW, "/transport/dispatch_date", format!("Under LUT the goods must be exported within 3 months of the invoice date ({inv}, so by {limit}); otherwise IGST is payable with interest (Rule 96A)."));
            }
        }
    }
}

/// First calendar year of the April-March financial year holding `d`.
pub(crate) fn financial_year(d: Date) -> i16 {
    if d.month() >= 4 {
        d.year()
    } else {
        d.year() - 1
    }
}

fn fy_label(d: Date) -> String {
    let y = financial_year(d);
    format!("{}-{:02}", y, (y + 1) % 100)
}

fn location(ctx: &mut Ctx<'_>, path: &str, code: &str) -> bool {
    if !locations::is_well_formed(code) {
        ctx.push(c::PORT_CODE, path, format!("{} is not an Indian customs location code: IN, three letters, and a type character (INNSA1, INDEL4, INVNS5).", q(code)));
        return false;
    }
    if locations::location(code).is_none() {
        ctx.push(c::PORT_UNKNOWN, path, format!("{code} is not in niryat's list of ports and post offices; check it against the ICEGATE port master."));
    }
    true
}

fn transport(ctx: &mut Ctx<'_>) {
    let s = ctx.s;
    let Some(t) = s.transport.as_ref() else { return };
    if let Some(p) = t.port_of_loading.as_deref().filter(|v| !v.is_empty()) {
        location(ctx, "/transport/port_of_loading", p);
    }
    if let Some(fpo) = t.post.as_ref().and_then(|p| p.fpo_code.as_deref()).filter(|v| !v.is_empty())
    {
        if location(ctx, "/transport/post/fpo_code", fpo)
            && locations::LocationKind::of_code(fpo)
                != Some(locations::LocationKind::ForeignPostOffice)
        {
            ctx.push(c::FPO_CODE, "/transport/post/fpo_code", format!("{fpo} is not a Foreign Post Office code; FPO codes end in 5 (INVNS5 Varanasi, INKNU5 Kanpur, INDEL5 Delhi)."));
        }
    }
}

fn items(ctx: &mut Ctx<'_>) {
    let s = ctx.s;
    let registered_big = s.exporter.as_ref().and_then(|e| e.turnover_above_5_crore) == Some(true);
    let commercial_cn = s.purpose == Purpose::Commercial
        || matches!(
            s.postal.as_ref().and_then(|p| p.category),
            Some(
                crate::model::PostalCategory::SaleOfGoods
                    | crate::model::PostalCategory::CommercialSample
            )
        );
    let gst_invoice = ctx.wants(CommercialInvoice)
        && matches!(
            s.tax,
            Some(
                TaxTreatment::IgstPaid { .. }
                    | TaxTreatment::Lut { .. }
                    | TaxTreatment::Bond { .. }
            )
        );
    for (i, it) in s.items.iter().enumerate() {
        if let Some(hs) = it.hs_code.as_deref().filter(|v| !v.is_empty()) {
            let path = || format!("/items/{i}/hs_code");
            if !ids::is_hs_code(hs) {
                let hint = if hs.contains(['.', ' ']) {
                    " Write it without dots or spaces (61171010, not 6117.10.10)."
                } else {
                    ""
                };
                ctx.push(
                    c::HS_CODE_FORMAT,
                    path(),
                    format!("{} is not an HS code: 4, 6 or 8 digits.{hint}", q(hs)),
                );
            } else {
                let len = hs.len();
                if ctx.wants(Pbe) && len != 8 {
                    ctx.push(c::HS_CODE_LENGTH, path(), format!("The Postal Bill of Export needs the 8-digit ITC(HS) code; {hs} has {len} digits."));
                } else if ctx.wants_any(&[Cn22, Cn23]) && commercial_cn && len < 6 {
                    ctx.push(c::HS_CODE_LENGTH, path(), format!("CN22/CN23 need at least 6 HS digits for commercial items; {hs} has {len}."));
                } else if gst_invoice {
                    let min = if registered_big {
                        gst::HSN_DIGITS.above_5_crore
                    } else {
                        gst::HSN_DIGITS.up_to_5_crore
                    };
                    if len < min {
                        ctx.push(c::HS_CODE_LENGTH, path(), format!("A GST invoice of this exporter needs at least {min} HSN digits; {hs} has {len}."));
                    }
                }
            }
        }
        if let Some(u) = it.unit.as_deref().filter(|v| !v.is_empty()) {
            if uqc::uqc(u).is_none() {
                ctx.push(c::UNIT_CODE, format!("/items/{i}/unit"), format!("{} is not a GST unit quantity code; use PCS (pieces), NOS (numbers), SET, PRS (pairs), KGS, MTR …", q(u)));
            }
        }
        if let Some(o) = it.origin_country.as_deref().filter(|v| !v.is_empty()) {
            if countries::country(o).is_none() {
                country_code(ctx, &format!("/items/{i}/origin_country"), o);
            }
        }
    }
}

fn applicability(ctx: &mut Ctx<'_>) {
    let s = ctx.s;
    let mode = s.transport.as_ref().and_then(|t| t.mode);
    if ctx.wants(Pbe) && s.purpose == Purpose::Personal {
        ctx.push(
            c::NOT_APPLICABLE,
            "/purpose",
            "A personal parcel needs no Postal Bill of Export: only a CN22 or CN23.",
        );
    }
    let postal_docs = ctx.need(&[Cn22, Cn23, Pbe]);
    if !postal_docs.is_empty() {
        if let Some(m) = mode {
            if m != TransportMode::Post {
                let by = match m {
                    TransportMode::Post => "post",
                    TransportMode::Air => "air",
                    TransportMode::Sea => "sea",
                    TransportMode::Road => "road",
                    TransportMode::Rail => "rail",
                    TransportMode::Courier => "courier",
                };
                ctx.push(
                    c::NOT_APPLICABLE,
                    "/transport/mode",
                    format!(
                        "The {} are for goods sent by post; this shipment goes by {by}.",
                        postal_docs.titles()
                    ),
                );
            }
        }
    }
}

/// Whether `g` has the shape of a GSTIN of any registration type (15 capital letters and digits).
pub(crate) fn gstin_shape_ok_for_operator(g: &str) -> bool {
    g.len() == 15 && g.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
}

/// A user's value as quoted in a message: at most 40 characters, so that a huge input
/// does not make huge messages.
pub(crate) fn q(v: &str) -> String {
    const MAX: usize = 40;
    match v.char_indices().nth(MAX) {
        None => format!("{v:?}"),
        Some((cut, _)) => format!("{:?}…", &v[..cut]),
    }
}
