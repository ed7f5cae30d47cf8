//! The IEC details view: the exporter profile on one sheet (identity, registrations,
//! address and contact, bank, export promotion council, branches), the sheet a DNK or bank
//! asks for when an exporter first registers.

use super::{date_opt, exporter_block, fields, state, text, Field, PartyBlock};
use crate::data::iec;
use crate::model::EntityKind;
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

/// The printed name of an entity kind.
fn entity(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::SoleProprietor => "Sole proprietorship",
        EntityKind::Partnership => "Partnership firm",
        EntityKind::Llp => "Limited liability partnership",
        EntityKind::Company => "Company",
        EntityKind::SelfHelpGroup => "Self-help group",
        EntityKind::Society => "Registered society",
        EntityKind::Trust => "Trust",
        EntityKind::Huf => "Hindu undivided family",
        EntityKind::Government => "Government department or agency",
        EntityKind::Other => "Other",
    }
}

/// Builds the IEC details view of a validated shipment.
pub fn iec_details(v: &Validated) -> IecView {
    let s = v.shipment();
    let e = s.exporter.clone().unwrap_or_default();
    let block = exporter_block(s);
    let iec_text = match e.iec.as_deref() {
        Some(code) => match iec::permanent_iec(code) {
            Some(p) => format!("{code} (permanent IEC: {})", p.category),
            None => code.to_string(),
        },
        None => String::new(),
    };
    let identity = fields(vec![
        ("legal_name", text(&e.legal_name)),
        ("trade_name", text(&e.trade_name)),
        ("entity", e.entity.map(entity).unwrap_or_default().to_string()),
        ("iec", iec_text),
        ("iec_issued_on", date_opt(e.iec_issued_on)),
        ("pan", text(&e.pan)),
        ("gstin", text(&e.gstin)),
        (
            "state_code",
            e.address.as_ref().and_then(|a| a.state_code.as_deref()).map(state).unwrap_or_default(),
        ),
        (
            "turnover_above_5_crore",
            match e.turnover_above_5_crore {
                Some(true) => "Yes".into(),
                Some(false) => "No".into(),
                None => String::new(),
            },
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
        ("valid_until", date_opt(r.valid_until)),
    ]);
    let branches = e
        .branches
        .iter()
        .enumerate()
        .map(|(i, br)| BranchRow {
            sl: (i + 1).to_string(),
            name: text(&br.name),
            gstin: text(&br.gstin),
            address: br.address.as_ref().map(super::address_lines).unwrap_or_default().join(", "),
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
        date: date_opt(s.invoice.as_ref().and_then(|i| i.date)),
    }
}
