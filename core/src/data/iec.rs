//! Permanent IECs issued to exempt categories (HBP para 2.07(b), DGFT PN 09/2015-20).
//! They are PAN-shaped but are not PANs. Source: eximkey HBP text [C] for the first two,
//! an OCR'd copy [S] for the rest (spellings as printed there).

/// One permanent IEC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PermanentIec {
    /// The code.
    pub iec: &'static str,
    /// Who may use it.
    pub category: &'static str,
}

const fn p(iec: &'static str, category: &'static str) -> PermanentIec {
    PermanentIec { iec, category }
}

/// The allow-list, sorted.
pub static PERMANENT_IECS: &[PermanentIec] = &[
    p("ADSGA0129E", "State Government departments and their agencies"),
    p("AMDCG0111E", "Central Government ministries, departments and their agencies"),
    p("ATAEF1096E", "ATA carnet: exhibitions and fairs"),
    p("DCUN00137E", "Diplomatic and consular personnel, UN officials"),
    p("DCUNO0137E", "Diplomatic and consular personnel, UN officials (alternative reading)"),
    p("IABBR0145E", "Indians returning or going abroad under the Baggage Rules"),
    p("IIEGB0180E", "Trade with Bhutan"),
    p("IIEGM0170E", "Trade with Myanmar through border areas"),
    p("IIEGN0161E", "Trade with Nepal"),
    p("IIHIE0153E", "Import or export for personal use by persons, institutions or hospitals"),
];

/// Looks a code up.
pub fn permanent_iec(code: &str) -> Option<&'static PermanentIec> {
    PERMANENT_IECS.binary_search_by(|x| x.iec.cmp(code)).ok().map(|i| &PERMANENT_IECS[i])
}
