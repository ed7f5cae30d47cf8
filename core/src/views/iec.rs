//! The IEC details view: the exporter profile on one sheet (identity, registrations,
//! address and contact, bank, export promotion council, branches), the sheet a DNK or bank
//! asks for when an exporter first registers.

use super::localized::{address_lines, exporter_block};
use super::{fields, text, Field, PartyBlock};
use crate::data::iec;
use crate::i18n;
use crate::render::Lang;
use crate::rules::Validated;
use serde::Serialize;

/// Everything printed on the IEC details sheet, formatted.
#[derive(Debug, Clone, Default, Serialize)]
pub struct IecView {
    /// The IEC, as given.
    pub iec: String,
    /// Name and address of the exporter.
    pub exporter: PartyBlock,
    /// Identity and registrations: legal and trade name, entity, IEC and its date, PAN,
    /// GSTIN, state, turnover band.
    pub identity: Vec<Field>,
    /// Contact: address on one line, phone, e-mail.
    pub contact: Vec<Field>,
    /// Bank: AD code, bank, branch, account, IFSC, SWIFT.
    pub bank: Vec<Field>,
    /// Export promotion council membership (RCMC).
    pub rcmc: Vec<Field>,
    /// Branches: name, GSTIN, address.
    pub branches: Vec<BranchRow>,
    /// Date of the sheet (the invoice date, when there is one).
    pub date: String,
}

/// One branch of the exporter.
#[derive(Debug, Clone, Default, Serialize)]
pub struct BranchRow {
    /// Serial number.
    pub sl: String,
    /// Branch name.
    pub name: String,
    /// Branch GSTIN.
    pub gstin: String,
    /// Address on one line.
    pub address: String,
}

/// Builds the IEC details view of a validated shipment, in English.
pub fn iec_details(v: &Validated) -> IecView {
    iec_details_in(v, Lang::En)
}

/// Builds the IEC details view with the text niryat composes (entity type, dates, state,
/// yes/no, permanent-IEC category, country) in `lang`; user data prints as given.
pub fn iec_details_in(v: &Validated, lang: Lang) -> IecView {
    let s = v.shipment();
    let e = s.exporter.clone().unwrap_or_default();
    let block = exporter_block(s, lang);
    let iec_text = match e.iec.as_deref() {
        Some(code) => match iec::permanent_iec(code) {
            Some(p) => i18n::permanent_iec(code, p.category, lang),
            None => code.to_string(),
        },
        None => String::new(),
    };
    let identity = fields(vec![
        ("legal_name", text(&e.legal_name)),
        ("trade_name", text(&e.trade_name)),
        ("entity", e.entity.map(|k| i18n::entity(k, lang)).unwrap_or_default()),
        ("iec", iec_text),
        ("iec_issued_on", i18n::date_opt(e.iec_issued_on, lang)),
        ("pan", text(&e.pan)),
        ("gstin", text(&e.gstin)),
        (
            "state_code",
            e.address
                .as_ref()
                .and_then(|a| a.state_code.as_deref())
                .map(|c| i18n::state_name(c, lang))
                .unwrap_or_default(),
        ),
        (
            "turnover_above_5_crore",
            e.turnover_above_5_crore.map(|b| i18n::yes_no(b, lang)).unwrap_or_default(),
        ),
    ]);
    let contact = fields(vec![
        ("address", block.address.join(", ")),
        ("phone", text(&e.phone)),
        ("email", text(&e.email)),
    ]);
    let b = e.bank.clone().unwrap_or_default();
    let bank = fields(vec![
        ("ad_code", text(&e.ad_code)),
        ("bank_name", text(&b.bank_name)),
        ("branch", text(&b.branch)),
        ("account_number", text(&b.account_number)),
        ("ifsc", text(&b.ifsc)),
        ("swift", text(&b.swift)),
    ]);
    let r = e.rcmc.clone().unwrap_or_default();
    let rcmc = fields(vec![
        ("rcmc_number", text(&r.number)),
        ("council", text(&r.council)),
        ("valid_until", i18n::valid_until(r.valid_until, lang)),
    ]);
    let branches = e
        .branches
        .iter()
        .enumerate()
        .map(|(i, br)| BranchRow {
            sl: (i + 1).to_string(),
            name: text(&br.name),
            gstin: text(&br.gstin),
            address: br
                .address
                .as_ref()
                .map(|a| address_lines(a, lang))
                .unwrap_or_default()
                .join(", "),
        })
        .collect();
    IecView {
        iec: text(&e.iec),
        exporter: block,
        identity,
        contact,
        bank,
        rcmc,
        branches,
        date: i18n::date_opt(s.invoice.as_ref().and_then(|i| i.date), lang),
    }
}
