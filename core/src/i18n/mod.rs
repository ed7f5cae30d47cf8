//! The words niryat composes itself (not the labels, which live in the templates' label
//! table, and not user data, which prints as given), in the label language: dates, yes/no,
//! package kinds and counts, transport modes and postal products, the tax-mode lines, entity
//! types, "dated", "(Incoterms 2020)", amounts in words, and place names (see [`places`]).
//!
//! Every function takes the label language [`Lang`]:
//! * [`Lang::En`] gives exactly what the English documents have always printed;
//! * [`Lang::Hi`] gives Hindi only, keeping Latin digits and lakh/crore grouping as GST
//!   invoices print amounts, and codes (ISO, HS, IEC …) as they are;
//! * [`Lang::EnHi`] gives `English / हिन्दी` for words (the separator the templates use for
//!   inline labels), and the English form for dates, which read the same in both.
//!
//! A view that prints composed text calls these functions with the language it was built for;
//! see [`crate::views::view_in`]. Core never guesses the language from anywhere else.

pub mod places;

use crate::data::currencies::Currency;
use crate::data::postal;
use crate::model::{EntityKind, PostalProduct, TransportMode};
use crate::money::{amount_in_words as words_en, amount_in_words_hi, Numbering};
use crate::render::Lang;
use jiff::civil::Date;
use rust_decimal::Decimal;

pub use places::{country_name, location_name, state_name};

/// The English text, the Hindi text, or both as `English / हिन्दी` (once when they are equal).
pub fn pick(lang: Lang, en: &str, hi: &str) -> String {
    match lang {
        Lang::En => en.to_owned(),
        Lang::Hi => hi.to_owned(),
        Lang::EnHi if en == hi => en.to_owned(),
        Lang::EnHi => format!("{en} / {hi}"),
    }
}

const MONTHS_EN: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// Hindi month names as CLDR's Hindi calendar data writes them (format, wide).
const MONTHS_HI: [&str; 12] = [
    "जनवरी",
    "फ़रवरी",
    "मार्च",
    "अप्रैल",
    "मई",
    "जून",
    "जुलाई",
    "अगस्त",
    "सितंबर",
    "अक्तूबर",
    "नवंबर",
    "दिसंबर",
];

/// A date as printed on documents: `20 Nov 2026`, in Hindi `20 नवंबर 2026` (Latin digits).
/// `en+hi` prints the English form.
pub fn date(d: Date, lang: Lang) -> String {
    let i = usize::try_from(d.month().saturating_sub(1)).unwrap_or(0);
    let month = match lang {
        Lang::Hi => MONTHS_HI.get(i),
        Lang::En | Lang::EnHi => MONTHS_EN.get(i),
    };
    format!("{} {} {}", d.day(), month.copied().unwrap_or(""), d.year())
}

/// [`date`] of an optional date, or empty.
pub fn date_opt(d: Option<Date>, lang: Lang) -> String {
    d.map(|d| date(d, lang)).unwrap_or_default()
}

/// The value of a "valid until" box: the date, in Hindi followed by `तक वैध` ("valid till"),
/// as the review of the Hindi labels asks (`31 मार्च 2027 तक वैध`).
pub fn valid_until(d: Option<Date>, lang: Lang) -> String {
    match (d, lang) {
        (None, _) => String::new(),
        (Some(d), Lang::Hi) => format!("{} तक वैध", date(d, lang)),
        (Some(d), _) => date(d, lang),
    }
}

/// `Yes` / `हाँ`, `No` / `नहीं`.
pub fn yes_no(b: bool, lang: Lang) -> String {
    if b {
        pick(lang, "Yes", "हाँ")
    } else {
        pick(lang, "No", "नहीं")
    }
}

/// `NO dated DATE` (`NO दिनांक DATE`), or whichever of the two is present.
pub fn dated(no: &str, day: &str, lang: Lang) -> String {
    match (no.is_empty(), day.is_empty()) {
        (false, false) => format!("{no} {} {day}", pick(lang, "dated", "दिनांक")),
        (false, true) => no.to_owned(),
        (true, _) => day.to_owned(),
    }
}

/// `DAP Portland (Incoterms 2020)`: the rule's code and place, then the edition.
pub fn incoterms(code: Option<&str>, place: Option<&str>, lang: Lang) -> String {
    let edition = pick(lang, "(Incoterms 2020)", "(इनकोटर्म्स 2020)");
    match (code, place) {
        (Some(c), Some(p)) => format!("{c} {p} {edition}"),
        (Some(c), None) => format!("{c} {edition}"),
        (None, Some(p)) => p.to_owned(),
        (None, None) => String::new(),
    }
}

/// A package number or range on the marks: `No. 1` / `सं. 1`, `Nos. 1-40` / `सं. 1-40`.
pub fn package_numbers(first: u32, last: u32, lang: Lang) -> String {
    if last > first {
        format!("{} {first}-{last}", pick(lang, "Nos.", "सं."))
    } else {
        format!("{} {first}", pick(lang, "No.", "सं."))
    }
}

/// Hindi (singular, plural) of the package kinds exporters write, keyed by the English word.
/// Masculine nouns in -ā take -e in the plural (डिब्बा → डिब्बे), feminine in -ī take -iyā̃
/// (पेटी → पेटियाँ); loan words such as कार्टन do not change.
const KINDS_HI: [(&str, &str, &str); 16] = [
    ("carton", "कार्टन", "कार्टन"),
    ("box", "डिब्बा", "डिब्बे"),
    ("bag", "थैला", "थैले"),
    ("packet", "पैकेट", "पैकेट"),
    ("parcel", "पार्सल", "पार्सल"),
    ("package", "पैकेज", "पैकेज"),
    ("crate", "क्रेट", "क्रेट"),
    ("pallet", "पैलेट", "पैलेट"),
    ("case", "पेटी", "पेटियाँ"),
    ("bale", "गाँठ", "गाँठें"),
    ("drum", "ड्रम", "ड्रम"),
    ("envelope", "लिफ़ाफ़ा", "लिफ़ाफ़े"),
    ("roll", "रोल", "रोल"),
    ("bundle", "बंडल", "बंडल"),
    ("sack", "बोरा", "बोरे"),
    ("tube", "ट्यूब", "ट्यूब"),
];

/// The English singular of a package kind as a user may write it (`Cartons` → `carton`).
fn singular(kind: &str) -> String {
    let k = kind.trim().to_lowercase();
    if KINDS_HI.iter().any(|(en, _, _)| *en == k) {
        return k;
    }
    for suffix in ["es", "s"] {
        if let Some(stem) = k.strip_suffix(suffix) {
            if KINDS_HI.iter().any(|(en, _, _)| *en == stem) {
                return stem.to_owned();
            }
        }
    }
    k
}

/// English plural of a package kind (`box` → `boxes`).
fn plural_en(kind: &str, n: u64) -> String {
    if n == 1 || kind.ends_with('s') && !kind.ends_with("ss") {
        kind.to_owned()
    } else if ["x", "ss", "ch", "sh"].iter().any(|e| kind.ends_with(e)) {
        format!("{kind}es")
    } else {
        format!("{kind}s")
    }
}

/// A package kind for `n` packages, without the number: `carton`/`cartons`, `कार्टन`,
/// `डिब्बा`/`डिब्बे`. A kind niryat does not know prints as the user wrote it (lower case in
/// English, with an English plural; unchanged in Hindi, being user data). A missing kind is a
/// package (`पैकेज`).
pub fn package_kind(kind: Option<&str>, n: u64, lang: Lang) -> String {
    let kind = kind.filter(|k| !k.trim().is_empty()).unwrap_or("package");
    let key = singular(kind);
    let en = plural_en(&kind.trim().to_lowercase(), n);
    let hi = match KINDS_HI.iter().find(|(en, _, _)| *en == key) {
        Some((_, one, many)) => {
            if n == 1 {
                (*one).to_owned()
            } else {
                (*many).to_owned()
            }
        }
        None => kind.trim().to_owned(),
    };
    pick(lang, &en, &hi)
}

/// `40 cartons`, `40 कार्टन`, `1 डिब्बा`: a count of packages of one kind.
pub fn package_count(kind: Option<&str>, n: u64, lang: Lang) -> String {
    match lang {
        Lang::EnHi => format!(
            "{n} {} / {n} {}",
            package_kind(kind, n, Lang::En),
            package_kind(kind, n, Lang::Hi)
        ),
        _ => format!("{n} {}", package_kind(kind, n, lang)),
    }
}

/// The name of an India Post product.
pub fn postal_product(p: PostalProduct, lang: Lang) -> String {
    let hi = match p {
        PostalProduct::InternationalTrackedPacket => "अंतरराष्ट्रीय ट्रैक्ड पैकेट",
        PostalProduct::Ems => "अंतरराष्ट्रीय ईएमएस (स्पीड पोस्ट)",
        PostalProduct::Parcel => "अंतरराष्ट्रीय हवाई पार्सल",
        PostalProduct::Letter => "अंतरराष्ट्रीय पत्र",
        PostalProduct::RegisteredSmallPacket => "पंजीकृत छोटा पैकेट",
    };
    pick(lang, postal::product(p).name, hi)
}

/// The mode of transport as printed: `Sea`, `समुद्री मार्ग`, and for post the product:
/// `Post (India Post International EMS (Speed Post))`, `डाक (भारतीय डाक अंतरराष्ट्रीय …)`.
pub fn transport_mode(mode: TransportMode, product: Option<PostalProduct>, lang: Lang) -> String {
    let one = |lang: Lang| -> String {
        match mode {
            TransportMode::Post => {
                let (post, india_post) = match lang {
                    Lang::Hi => ("डाक", "भारतीय डाक"),
                    _ => ("Post", "India Post"),
                };
                match product {
                    Some(p) => format!("{post} ({india_post} {})", postal_product(p, lang)),
                    None => format!("{post} ({india_post})"),
                }
            }
            TransportMode::Air => pick(lang, "Air", "हवाई मार्ग"),
            TransportMode::Sea => pick(lang, "Sea", "समुद्री मार्ग"),
            TransportMode::Road => pick(lang, "Road", "सड़क मार्ग"),
            TransportMode::Rail => pick(lang, "Rail", "रेल मार्ग"),
            TransportMode::Courier => pick(lang, "Courier", "कूरियर"),
        }
    };
    match lang {
        Lang::EnHi => pick(lang, &one(Lang::En), &one(Lang::Hi)),
        _ => one(lang),
    }
}

/// The GST lines niryat writes for an export, by tax treatment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaxLine {
    /// Place of supply of an export: outside India, GST state code 96.
    OutsideIndia,
    /// IGST nil: export under LUT.
    NilUnderLut,
    /// IGST nil: export under bond.
    NilUnderBond,
    /// Export on payment of IGST.
    IgstPaid,
}

/// The text of a [`TaxLine`]: `Nil (export under LUT without payment of IGST)`,
/// `शून्य (आईजीएसटी के भुगतान के बिना एलयूटी के अंतर्गत निर्यात)` …
pub fn tax_line(line: TaxLine, lang: Lang) -> String {
    let (en, hi) = match line {
        TaxLine::OutsideIndia => ("Outside India (96 Other Countries)", "भारत से बाहर (96 अन्य देश)"),
        TaxLine::NilUnderLut => (
            "Nil (export under LUT without payment of IGST)",
            "शून्य (आईजीएसटी के भुगतान के बिना एलयूटी के अंतर्गत निर्यात)",
        ),
        TaxLine::NilUnderBond => (
            "Nil (export under bond without payment of IGST)",
            "शून्य (आईजीएसटी के भुगतान के बिना बंधपत्र के अंतर्गत निर्यात)",
        ),
        TaxLine::IgstPaid => ("Export on payment of IGST", "आईजीएसटी के भुगतान पर निर्यात"),
    };
    pick(lang, en, hi)
}

/// The constitution of an exporter as printed on the IEC sheet.
pub fn entity(kind: EntityKind, lang: Lang) -> String {
    let (en, hi) = match kind {
        EntityKind::SoleProprietor => ("Sole proprietorship", "एकल स्वामित्व"),
        EntityKind::Partnership => ("Partnership firm", "साझेदारी फ़र्म"),
        EntityKind::Llp => ("Limited liability partnership", "सीमित देयता भागीदारी"),
        EntityKind::Company => ("Company", "कंपनी"),
        EntityKind::SelfHelpGroup => ("Self-help group", "स्वयं सहायता समूह"),
        EntityKind::Society => ("Registered society", "पंजीकृत सोसाइटी"),
        EntityKind::Trust => ("Trust", "न्यास"),
        EntityKind::Huf => ("Hindu undivided family", "हिंदू अविभाजित परिवार"),
        EntityKind::Government => ("Government department or agency", "सरकारी विभाग या एजेंसी"),
        EntityKind::Other => ("Other", "अन्य"),
    };
    pick(lang, en, hi)
}

/// The category of a permanent IEC (DGFT's list), by its English text in
/// [`crate::data::iec`]; the English text itself when niryat has no Hindi for it.
pub fn permanent_iec_category(category_en: &str, lang: Lang) -> String {
    let hi = match category_en {
        "State Government departments and their agencies" => "राज्य सरकार के विभाग और उनकी एजेंसियाँ",
        "Central Government ministries, departments and their agencies" => {
            "केंद्र सरकार के मंत्रालय, विभाग और उनकी एजेंसियाँ"
        }
        "ATA carnet: exhibitions and fairs" => "एटीए कार्नेट: प्रदर्शनियाँ और मेले",
        "Diplomatic and consular personnel, UN officials" => {
            "राजनयिक और कांसुलर कर्मी, संयुक्त राष्ट्र के अधिकारी"
        }
        "Diplomatic and consular personnel, UN officials (alternative reading)" => {
            "राजनयिक और कांसुलर कर्मी, संयुक्त राष्ट्र के अधिकारी (वैकल्पिक पाठ)"
        }
        "Indians returning or going abroad under the Baggage Rules" => {
            "बैगेज नियमों के अंतर्गत विदेश से लौटने या विदेश जाने वाले भारतीय"
        }
        "Trade with Bhutan" => "भूटान के साथ व्यापार",
        "Trade with Myanmar through border areas" => "सीमावर्ती क्षेत्रों से म्यांमार के साथ व्यापार",
        "Trade with Nepal" => "नेपाल के साथ व्यापार",
        "Import or export for personal use by persons, institutions or hospitals" => {
            "व्यक्तियों, संस्थाओं या अस्पतालों द्वारा निजी उपयोग के लिए आयात या निर्यात"
        }
        other => other,
    };
    pick(lang, category_en, hi)
}

/// `CODE (permanent IEC: category)`, `CODE (स्थायी आईईसी: श्रेणी)`.
pub fn permanent_iec(code: &str, category_en: &str, lang: Lang) -> String {
    let label = pick(lang, "permanent IEC", "स्थायी आईईसी");
    format!("{code} ({label}: {})", permanent_iec_category(category_en, lang))
}

/// `Lucknow district`, `लखनऊ ज़िला`: a district name (user data) with the word for district.
pub fn district(name: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{name} district"),
        Lang::Hi => format!("{name} ज़िला"),
        Lang::EnHi => format!("{name} district / ज़िला"),
    }
}

/// The Rule 46 endorsement of an export invoice in Hindi, for an export on payment of IGST
/// (`igst_paid`) or under bond or LUT. The notified words are English
/// ([`crate::data::gst::ENDORSEMENT_IGST`], [`crate::data::gst::ENDORSEMENT_LUT`]); the Hindi
/// text of the CGST Rules was not found in a public source, so this is niryat's rendering of
/// them, in the GST vocabulary used elsewhere (एकीकृत कर, बंधपत्र, वचनपत्र, एसईज़ेड).
pub fn endorsement_hi(igst_paid: bool) -> &'static str {
    if igst_paid {
        "निर्यात हेतु आपूर्ति / एसईज़ेड इकाई या एसईज़ेड विकासकर्ता को प्राधिकृत संक्रियाओं हेतु \
         आपूर्ति, एकीकृत कर के भुगतान पर"
    } else {
        "निर्यात हेतु आपूर्ति / एसईज़ेड इकाई या एसईज़ेड विकासकर्ता को प्राधिकृत संक्रियाओं हेतु \
         आपूर्ति, बंधपत्र या वचनपत्र (एलयूटी) के अधीन एकीकृत कर के भुगतान के बिना"
    }
}

/// An amount in words: English in the given numbering ([`crate::money::amount_in_words`]),
/// Hindi in the Indian system ([`crate::money::amount_in_words_hi`]), or both joined by
/// ` / ` for `en+hi` (a view that wants them on two lines calls this twice).
pub fn amount_in_words(
    value: Decimal,
    currency: &Currency,
    numbering: Numbering,
    lang: Lang,
) -> String {
    match lang {
        Lang::En => words_en(value, currency, numbering),
        Lang::Hi => amount_in_words_hi(value, currency),
        Lang::EnHi => format!(
            "{} / {}",
            words_en(value, currency, numbering),
            amount_in_words_hi(value, currency)
        ),
    }
}

#[cfg(test)]
mod tests;
