//! The documents niryat makes ([`DocKind`]) and sets of them ([`Targets`]).
//!
//! A small module of its own so that rules, views and renderers all name documents the
//! same way without depending on one another. Which documents a shipment calls for is
//! decided by the rules ([`DocKind::for_shipment`], in `rules/applicability.rs`).

use serde::{Deserialize, Serialize};

/// A document niryat can make.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    /// Export invoice (GST Rule 46) that also serves as the commercial invoice.
    CommercialInvoice,
    /// Packing list.
    PackingList,
    /// The exporter profile sheet.
    IecDetails,
    /// UPU CN22 customs declaration (small letter-post items).
    Cn22,
    /// UPU CN23 customs declaration.
    Cn23,
    /// Postal Bill of Export (PBE-III for e-commerce, PBE-IV otherwise).
    Pbe,
    /// GST e-invoice JSON (NIC IRP schema 1.1) for exporters above the e-invoice threshold.
    Einvoice,
    /// Proforma invoice: a quotation in the invoice's layout, with a validity date and no
    /// tax endorsement or invoice-number sequence (not a tax invoice).
    ProformaInvoice,
}

impl DocKind {
    /// Every kind, in a stable order.
    pub const ALL: [DocKind; 8] = [
        DocKind::CommercialInvoice,
        DocKind::PackingList,
        DocKind::IecDetails,
        DocKind::Cn22,
        DocKind::Cn23,
        DocKind::Pbe,
        DocKind::Einvoice,
        DocKind::ProformaInvoice,
    ];

    /// snake_case name, as on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            DocKind::CommercialInvoice => "commercial_invoice",
            DocKind::PackingList => "packing_list",
            DocKind::IecDetails => "iec_details",
            DocKind::Cn22 => "cn22",
            DocKind::Cn23 => "cn23",
            DocKind::Pbe => "pbe",
            DocKind::Einvoice => "einvoice",
            DocKind::ProformaInvoice => "proforma_invoice",
        }
    }

    /// English title.
    pub fn title(self) -> &'static str {
        match self {
            DocKind::CommercialInvoice => "commercial invoice",
            DocKind::PackingList => "packing list",
            DocKind::IecDetails => "IEC details",
            DocKind::Cn22 => "CN22",
            DocKind::Cn23 => "CN23",
            DocKind::Pbe => "Postal Bill of Export",
            DocKind::Einvoice => "GST e-invoice",
            DocKind::ProformaInvoice => "proforma invoice",
        }
    }

    /// Parses a snake_case name (see [`crate::names`] for the error that lists the choices).
    pub fn from_name(name: &str) -> Option<DocKind> {
        name.parse().ok()
    }

    pub(crate) fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

impl std::fmt::Display for DocKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A set of document kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Targets(u8);

impl Targets {
    /// The set holding `kinds`.
    pub fn of(kinds: &[DocKind]) -> Targets {
        Targets(kinds.iter().fold(0, |acc, k| acc | k.bit()))
    }

    /// Whether `kind` is in the set.
    pub fn has(self, kind: DocKind) -> bool {
        self.0 & kind.bit() != 0
    }

    /// The kinds in both sets.
    pub fn and(self, other: Targets) -> Targets {
        Targets(self.0 & other.0)
    }

    /// The set plus `kind`.
    pub fn with(self, kind: DocKind) -> Targets {
        Targets(self.0 | kind.bit())
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The kinds, in [`DocKind::ALL`] order.
    pub fn kinds(self) -> impl Iterator<Item = DocKind> {
        DocKind::ALL.into_iter().filter(move |k| self.has(*k))
    }

    /// "commercial invoice, CN23" for messages.
    pub fn titles(self) -> String {
        self.kinds().map(DocKind::title).collect::<Vec<_>>().join(", ")
    }

    /// "commercial_invoice,cn23" for params.
    pub fn names(self) -> String {
        self.kinds().map(DocKind::name).collect::<Vec<_>>().join(",")
    }
}
