//! Incoterms 2020: the eleven rules, what their named place is, and which are sea-only.
//! Source: ICC Incoterms 2020 via the UN/ECE code list [C]; sea-only warning per ICC guidance [K].

/// One Incoterms 2020 rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Incoterm {
    /// Three-letter code.
    pub code: &'static str,
    /// Full name.
    pub name: &'static str,
    /// What the named place is.
    pub place: &'static str,
    /// Sea and inland waterway only (FAS, FOB, CFR, CIF).
    pub sea_only: bool,
    /// The invoice price includes main carriage (C and D rules): freight must be taken out to reach FOB.
    pub includes_freight: bool,
    /// The invoice price includes insurance (CIF, CIP, and D rules in practice).
    pub includes_insurance: bool,
}

const fn t(
    code: &'static str,
    name: &'static str,
    place: &'static str,
    sea_only: bool,
    freight: bool,
    insurance: bool,
) -> Incoterm {
    Incoterm {
        code,
        name,
        place,
        sea_only,
        includes_freight: freight,
        includes_insurance: insurance,
    }
}

/// The eleven rules, sorted by code.
pub static INCOTERMS: &[Incoterm] = &[
    t("CFR", "Cost and Freight", "port of destination", true, true, false),
    t("CIF", "Cost, Insurance and Freight", "port of destination", true, true, true),
    t("CIP", "Carriage and Insurance Paid To", "place of destination", false, true, true),
    t("CPT", "Carriage Paid To", "place of destination", false, true, false),
    t("DAP", "Delivered at Place", "place of destination", false, true, false),
    t("DDP", "Delivered Duty Paid", "place of destination", false, true, false),
    t("DPU", "Delivered at Place Unloaded", "place of destination", false, true, false),
    t("EXW", "Ex Works", "place of delivery", false, false, false),
    t("FAS", "Free Alongside Ship", "port of shipment", true, false, false),
    t("FCA", "Free Carrier", "place of delivery", false, false, false),
    t("FOB", "Free On Board", "port of shipment", true, false, false),
];

/// Looks a rule up (upper case, exact).
pub fn incoterm(code: &str) -> Option<&'static Incoterm> {
    INCOTERMS.binary_search_by(|x| x.code.cmp(code)).ok().map(|i| &INCOTERMS[i])
}
