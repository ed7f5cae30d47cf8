//! GST Unique Quantity Codes: the 45 units an e-invoice or GST return accepts.
//! Source: india-compliance `UOM_MAP` [C].

/// A unit quantity code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Uqc {
    /// Three-letter code.
    pub code: &'static str,
    /// What it means.
    pub name: &'static str,
}

const fn u(code: &'static str, name: &'static str) -> Uqc {
    Uqc { code, name }
}

/// All 45 codes, sorted.
pub static UQCS: &[Uqc] = &[
    u("BAG", "bags"),
    u("BAL", "bale"),
    u("BDL", "bundles"),
    u("BKL", "buckles"),
    u("BOU", "billion of units"),
    u("BOX", "box"),
    u("BTL", "bottles"),
    u("BUN", "bunches"),
    u("CAN", "cans"),
    u("CBM", "cubic metres"),
    u("CCM", "cubic centimetres"),
    u("CMS", "centimetres"),
    u("CTN", "cartons"),
    u("DOZ", "dozens"),
    u("DRM", "drums"),
    u("GGK", "great gross"),
    u("GMS", "grammes"),
    u("GRS", "gross"),
    u("GYD", "gross yards"),
    u("KGS", "kilograms"),
    u("KLR", "kilolitre"),
    u("KME", "kilometre"),
    u("LTR", "litres"),
    u("MLT", "millilitre"),
    u("MTR", "metres"),
    u("MTS", "metric ton"),
    u("NOS", "numbers"),
    u("OTH", "others"),
    u("PAC", "packs"),
    u("PCS", "pieces"),
    u("PRS", "pairs"),
    u("QTL", "quintal"),
    u("ROL", "rolls"),
    u("SET", "sets"),
    u("SQF", "square feet"),
    u("SQM", "square metres"),
    u("SQY", "square yards"),
    u("TBS", "tablets"),
    u("TGM", "ten gross"),
    u("THD", "thousands"),
    u("TON", "tonnes"),
    u("TUB", "tubes"),
    u("UGS", "US gallons"),
    u("UNT", "units"),
    u("YDS", "yards"),
];

/// Looks a code up (upper case, exact).
pub fn uqc(code: &str) -> Option<&'static Uqc> {
    super::lookup(UQCS, code, |x| x.code)
}
