//! GST state codes (first two characters of a GSTIN) and the PIN ranges used to cross-check them.
//! Source: india-compliance `STATE_NUMBERS` [C]; 25/28 history and 99 from secondary sites [S].

use super::Validity;
use jiff::civil::date;

/// A GST state or special code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GstState {
    /// Two-digit code.
    pub code: &'static str,
    /// English name.
    pub name: &'static str,
    /// Whether a GSTIN may begin with this code (96 "Other Countries" may not).
    pub gstin_prefix: bool,
    /// When the code is in force.
    pub valid: Validity,
}

const fn s(code: &'static str, name: &'static str) -> GstState {
    GstState { code, name, gstin_prefix: true, valid: Validity::ALWAYS }
}

/// Every known code, sorted.
pub static STATES: &[GstState] = &[
    s("01", "Jammu and Kashmir"),
    s("02", "Himachal Pradesh"),
    s("03", "Punjab"),
    s("04", "Chandigarh"),
    s("05", "Uttarakhand"),
    s("06", "Haryana"),
    s("07", "Delhi"),
    s("08", "Rajasthan"),
    s("09", "Uttar Pradesh"),
    s("10", "Bihar"),
    s("11", "Sikkim"),
    s("12", "Arunachal Pradesh"),
    s("13", "Nagaland"),
    s("14", "Manipur"),
    s("15", "Mizoram"),
    s("16", "Tripura"),
    s("17", "Meghalaya"),
    s("18", "Assam"),
    s("19", "West Bengal"),
    s("20", "Jharkhand"),
    s("21", "Odisha"),
    s("22", "Chhattisgarh"),
    s("23", "Madhya Pradesh"),
    s("24", "Gujarat"),
    // Daman and Diu merged into 26 on 26 January 2020; old GSTINs keep the prefix.
    GstState {
        code: "25",
        name: "Daman and Diu",
        gstin_prefix: true,
        valid: Validity::until(date(2020, 1, 26)),
    },
    s("26", "Dadra and Nagar Haveli and Daman and Diu"),
    s("27", "Maharashtra"),
    s("28", "Andhra Pradesh (before 2014)"),
    s("29", "Karnataka"),
    s("30", "Goa"),
    s("31", "Lakshadweep"),
    s("32", "Kerala"),
    s("33", "Tamil Nadu"),
    s("34", "Puducherry"),
    s("35", "Andaman and Nicobar Islands"),
    s("36", "Telangana"),
    s("37", "Andhra Pradesh"),
    s("38", "Ladakh"),
    GstState { code: "96", name: "Other Countries", gstin_prefix: false, valid: Validity::ALWAYS },
    s("97", "Other Territory"),
    s("99", "Centre Jurisdiction"),
];

/// Looks a code up.
pub fn state(code: &str) -> Option<&'static GstState> {
    STATES.binary_search_by(|st| st.code.cmp(code)).ok().map(|i| &STATES[i])
}

/// Whether `pin` lies in the PIN range of GST state `code`; `None` when niryat has no
/// range for that state or the PIN is not six digits. Ranges may overlap between
/// states (Uttarakhand's lies inside Uttar Pradesh's), so the question is asked per state.
/// Source: india-compliance `STATE_PINCODE_MAPPING` [C].
pub fn pin_matches_state(pin: &str, code: &str) -> Option<bool> {
    if pin.len() != 6 || !pin.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let head: u32 = pin.get(0..3)?.parse().ok()?;
    let (_, lo, hi) = PIN_RANGES.iter().find(|(c, _, _)| *c == code)?;
    Some((*lo..=*hi).contains(&head))
}

/// (state code, first and last three-digit PIN prefix).
static PIN_RANGES: &[(&str, u32, u32)] = &[
    ("03", 140, 160),
    ("05", 244, 263),
    ("06", 121, 136),
    ("07", 110, 110),
    ("08", 301, 345),
    ("09", 201, 285),
    ("10", 800, 855),
    ("19", 700, 743),
    ("24", 360, 396),
    ("27", 400, 445),
    ("29", 560, 591),
    ("33", 600, 643),
];
