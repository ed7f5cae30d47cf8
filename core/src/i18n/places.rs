//! Place names in the label language: countries (CLDR's Hindi names), Indian states (the
//! table in [`crate::data::states`]) and the customs locations niryat names
//! ([`crate::data::locations`]).

use super::pick;
use crate::data::{countries, locations, states};
use crate::render::Lang;

/// The Hindi name CLDR gives an ISO 3166 alpha-2 code (`US` → `संयुक्त राज्य`), from the
/// table generated out of CLDR ([`crate::data::countries_hi`]).
pub fn country_name_hi(code: &str) -> Option<String> {
    crate::data::lookup(crate::data::countries_hi::COUNTRIES_HI, code, |(c, _)| c)
        .map(|(_, hi)| (*hi).to_owned())
}

/// The name of a country code: English from niryat's table, Hindi from CLDR; the code itself
/// when neither knows it (a code is printable in any language).
pub fn country_name(code: &str, lang: Lang) -> String {
    let en = countries::country(code).map(|c| c.name);
    // English never looks at the CLDR data.
    let hi = if lang == Lang::En { None } else { country_name_hi(code) };
    match (lang, en, hi) {
        (Lang::En, Some(en), _) => en.to_owned(),
        (Lang::Hi, _, Some(hi)) => hi,
        (Lang::EnHi, Some(en), Some(hi)) => pick(lang, en, &hi),
        (Lang::EnHi, Some(en), None) => en.to_owned(),
        (Lang::EnHi, None, Some(hi)) => hi,
        _ => code.to_owned(),
    }
}

/// A GST state code with its name: `09 Uttar Pradesh`, `09 उत्तर प्रदेश`; the code alone when
/// it is not known.
pub fn state_name(code: &str, lang: Lang) -> String {
    match states::state(code) {
        Some(st) => {
            let hi = states::state_name_hi(code).unwrap_or(st.name);
            format!("{} {}", st.code, pick(lang, st.name, hi))
        }
        None => code.to_owned(),
    }
}

/// Hindi names of the locations in [`locations::LOCATIONS`]: the kind of office in Hindi
/// (विदेश डाकघर = Foreign Post Office, एयर कार्गो, समुद्री पत्तन, आईसीडी) and the city as
/// Hindi writes it.
fn location_hi(code: &str) -> Option<&'static str> {
    Some(match code {
        "INAGR5" => "विदेश डाकघर आगरा",
        "INAMD4" => "अहमदाबाद एयर कार्गो",
        "INAMD5" => "विदेश डाकघर अहमदाबाद",
        "INBLR4" => "बेंगलुरु एयर कार्गो",
        "INBLR5" => "विदेश डाकघर बेंगलुरु",
        "INBOM1" => "मुंबई समुद्री पत्तन",
        "INBOM4" => "मुंबई एयर कार्गो",
        "INBOM5" => "विदेश डाकघर मुंबई",
        "INBPL5" => "विदेश डाकघर भोपाल",
        "INBPS5" => "हवाई पार्सल छँटाई कार्यालय मुंबई",
        "INBSB6" => "आईसीडी वाराणसी",
        "INCCU1" => "कोलकाता समुद्री पत्तन",
        "INCCU4" => "कोलकाता एयर कार्गो",
        "INCCU5" => "विदेश डाकघर कोलकाता",
        "INDAD6" => "आईसीडी दादरी",
        "INDEL4" => "दिल्ली एयर कार्गो",
        "INDEL5" => "विदेश डाकघर नई दिल्ली",
        "INFCH5" => "विदेश डाकघर (समुद्री) चेन्नई",
        "INGAU5" => "विदेश डाकघर गुवाहाटी",
        "INHYD5" => "विदेश डाकघर हैदराबाद",
        "INIXL5" => "विदेश डाकघर लेह",
        "INJAI5" => "विदेश डाकघर जयपुर",
        "INKNU5" => "विदेश डाकघर कानपुर",
        "INKNU6" => "आईसीडी कानपुर",
        "INKOC5" => "विदेश डाकघर कोच्चि",
        "INLKO4" => "लखनऊ एयर कार्गो",
        "INLUH5" => "विदेश डाकघर लुधियाना",
        "INMAA1" => "चेन्नई समुद्री पत्तन",
        "INMAA4" => "चेन्नई एयर कार्गो",
        "INMAA5" => "विदेश डाकघर (हवाई) चेन्नई",
        "INMUN1" => "मुंद्रा",
        "INNSA1" => "न्हावा शेवा (जेएनपीटी)",
        "INPNF5" => "विदेश डाकघर पटना",
        "INPPG6" => "आईसीडी पटपड़गंज",
        "INRNC5" => "विदेश डाकघर राँची",
        "INRPU5" => "विदेश डाकघर रायपुर",
        "INSXR5" => "विदेश डाकघर श्रीनगर",
        "INTKD6" => "आईसीडी तुगलकाबाद",
        "INVGA5" => "विदेश डाकघर विजयवाड़ा",
        "INVNS4" => "वाराणसी एयर कार्गो",
        "INVNS5" => "विदेश डाकघर वाराणसी",
        _ => return None,
    })
}

/// A location code with its name: `Foreign Post Office Kanpur (INKNU5)`,
/// `विदेश डाकघर कानपुर (INKNU5)`; the code alone when it is not in niryat's list.
pub fn location_name(code: &str, lang: Lang) -> String {
    match locations::location(code) {
        Some(l) => {
            let name = pick(lang, l.name, location_hi(code).unwrap_or(l.name));
            format!("{name} ({})", l.code)
        }
        None => code.to_owned(),
    }
}

/// The name alone of a location in niryat's list (`Foreign Post Office Kanpur`,
/// `विदेश डाकघर कानपुर`, or both), without its code; `None` for a code not in the list.
pub fn location_only_name(code: &str, lang: Lang) -> Option<String> {
    let l = locations::location(code)?;
    Some(pick(lang, l.name, location_hi(code).unwrap_or(l.name)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_in_hindi_come_from_cldr() {
        assert_eq!(country_name_hi("IN").as_deref(), Some("भारत"));
        assert_eq!(country_name("DE", Lang::Hi), "जर्मनी");
        assert_eq!(country_name("DE", Lang::En), "Germany");
        assert_eq!(country_name("DE", Lang::EnHi), "Germany / जर्मनी");
        assert_eq!(country_name("ZZ9", Lang::Hi), "ZZ9");
        for c in countries::COUNTRIES {
            let hi = country_name_hi(c.alpha2);
            assert!(
                hi.as_ref()
                    .is_some_and(|h| h.chars().any(|ch| ('\u{900}'..='\u{97f}').contains(&ch))),
                "{}: {hi:?}",
                c.alpha2
            );
        }
    }

    #[test]
    fn every_location_has_a_hindi_name() {
        for l in locations::LOCATIONS {
            let hi = location_hi(l.code);
            assert!(hi.is_some(), "{}", l.code);
            assert!(!hi.unwrap_or_default().chars().any(|c| c.is_ascii_alphabetic()), "{}", l.code);
        }
        assert_eq!(location_name("INKNU5", Lang::Hi), "विदेश डाकघर कानपुर (INKNU5)");
        assert_eq!(location_name("INKNU5", Lang::En), "Foreign Post Office Kanpur (INKNU5)");
    }

    #[test]
    fn every_state_has_a_hindi_name() {
        for st in states::STATES {
            let hi = states::state_name_hi(st.code);
            assert!(
                hi.is_some_and(|h| !h.chars().any(|c| c.is_ascii_alphabetic())),
                "{}: {hi:?}",
                st.code
            );
        }
        assert_eq!(state_name("09", Lang::Hi), "09 उत्तर प्रदेश");
        assert_eq!(state_name("09", Lang::En), "09 Uttar Pradesh");
    }
}
