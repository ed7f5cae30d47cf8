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

/// The Hindi name of a GST state code, as the Hindi pages of the Government of India write
/// the states and union territories (the spellings of Hindi Wikipedia's list "भारत के राज्य
/// तथा केन्द्र-शासित प्रदेश", which follows them) [K: not checked against a gazette]; the
/// special codes 96, 97 and 99 in the words of the GST portal's English list, translated.
pub fn state_name_hi(code: &str) -> Option<&'static str> {
    Some(match code {
        "01" => "जम्मू और कश्मीर",
        "02" => "हिमाचल प्रदेश",
        "03" => "पंजाब",
        "04" => "चंडीगढ़",
        "05" => "उत्तराखंड",
        "06" => "हरियाणा",
        "07" => "दिल्ली",
        "08" => "राजस्थान",
        "09" => "उत्तर प्रदेश",
        "10" => "बिहार",
        "11" => "सिक्किम",
        "12" => "अरुणाचल प्रदेश",
        "13" => "नागालैंड",
        "14" => "मणिपुर",
        "15" => "मिज़ोरम",
        "16" => "त्रिपुरा",
        "17" => "मेघालय",
        "18" => "असम",
        "19" => "पश्चिम बंगाल",
        "20" => "झारखंड",
        "21" => "ओडिशा",
        "22" => "छत्तीसगढ़",
        "23" => "मध्य प्रदेश",
        "24" => "गुजरात",
        "25" => "दमन और दीव",
        "26" => "दादरा और नगर हवेली और दमन और दीव",
        "27" => "महाराष्ट्र",
        "28" => "आंध्र प्रदेश (2014 से पहले)",
        "29" => "कर्नाटक",
        "30" => "गोवा",
        "31" => "लक्षद्वीप",
        "32" => "केरल",
        "33" => "तमिलनाडु",
        "34" => "पुदुचेरी",
        "35" => "अंडमान और निकोबार द्वीपसमूह",
        "36" => "तेलंगाना",
        "37" => "आंध्र प्रदेश",
        "38" => "लद्दाख",
        "96" => "अन्य देश",
        "97" => "अन्य क्षेत्र",
        "99" => "केंद्र क्षेत्राधिकार",
        _ => return None,
    })
}
