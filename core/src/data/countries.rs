//! ISO 3166-1 alpha-2 country codes and the plain English names printed on export documents.
//!
//! This module owns the country table. Names are the short forms a customs or postal clerk
//! recognises ("United States", "South Korea", "Iran"), written in plain ASCII so that they
//! survive every output format unchanged (for example "Cote d'Ivoire", "Curacao", "Reunion").

use serde::Serialize;

/// One ISO 3166-1 country or territory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code, upper case (`"IN"`).
    pub alpha2: &'static str,
    /// Common English short name as printed on shipping documents (`"India"`).
    pub name: &'static str,
}

const fn k(alpha2: &'static str, name: &'static str) -> Country {
    Country { alpha2, name }
}

/// Every officially assigned ISO 3166-1 alpha-2 code (249 entries), sorted by code.
pub static COUNTRIES: &[Country] = &[
    k("AD", "Andorra"),
    k("AE", "United Arab Emirates"),
    k("AF", "Afghanistan"),
    k("AG", "Antigua and Barbuda"),
    k("AI", "Anguilla"),
    k("AL", "Albania"),
    k("AM", "Armenia"),
    k("AO", "Angola"),
    k("AQ", "Antarctica"),
    k("AR", "Argentina"),
    k("AS", "American Samoa"),
    k("AT", "Austria"),
    k("AU", "Australia"),
    k("AW", "Aruba"),
    k("AX", "Aland Islands"),
    k("AZ", "Azerbaijan"),
    k("BA", "Bosnia and Herzegovina"),
    k("BB", "Barbados"),
    k("BD", "Bangladesh"),
    k("BE", "Belgium"),
    k("BF", "Burkina Faso"),
    k("BG", "Bulgaria"),
    k("BH", "Bahrain"),
    k("BI", "Burundi"),
    k("BJ", "Benin"),
    k("BL", "Saint Barthelemy"),
    k("BM", "Bermuda"),
    k("BN", "Brunei"),
    k("BO", "Bolivia"),
    k("BQ", "Bonaire, Sint Eustatius and Saba"),
    k("BR", "Brazil"),
    k("BS", "Bahamas"),
    k("BT", "Bhutan"),
    k("BV", "Bouvet Island"),
    k("BW", "Botswana"),
    k("BY", "Belarus"),
    k("BZ", "Belize"),
    k("CA", "Canada"),
    k("CC", "Cocos (Keeling) Islands"),
    k("CD", "Democratic Republic of the Congo"),
    k("CF", "Central African Republic"),
    k("CG", "Republic of the Congo"),
    k("CH", "Switzerland"),
    k("CI", "Cote d'Ivoire"),
    k("CK", "Cook Islands"),
    k("CL", "Chile"),
    k("CM", "Cameroon"),
    k("CN", "China"),
    k("CO", "Colombia"),
    k("CR", "Costa Rica"),
    k("CU", "Cuba"),
    k("CV", "Cape Verde"),
    k("CW", "Curacao"),
    k("CX", "Christmas Island"),
    k("CY", "Cyprus"),
    k("CZ", "Czech Republic"),
    k("DE", "Germany"),
    k("DJ", "Djibouti"),
    k("DK", "Denmark"),
    k("DM", "Dominica"),
    k("DO", "Dominican Republic"),
    k("DZ", "Algeria"),
    k("EC", "Ecuador"),
    k("EE", "Estonia"),
    k("EG", "Egypt"),
    k("EH", "Western Sahara"),
    k("ER", "Eritrea"),
    k("ES", "Spain"),
    k("ET", "Ethiopia"),
    k("FI", "Finland"),
    k("FJ", "Fiji"),
    k("FK", "Falkland Islands"),
    k("FM", "Micronesia"),
    k("FO", "Faroe Islands"),
    k("FR", "France"),
    k("GA", "Gabon"),
    k("GB", "United Kingdom"),
    k("GD", "Grenada"),
    k("GE", "Georgia"),
    k("GF", "French Guiana"),
    k("GG", "Guernsey"),
    k("GH", "Ghana"),
    k("GI", "Gibraltar"),
    k("GL", "Greenland"),
    k("GM", "Gambia"),
    k("GN", "Guinea"),
    k("GP", "Guadeloupe"),
    k("GQ", "Equatorial Guinea"),
    k("GR", "Greece"),
    k("GS", "South Georgia and the South Sandwich Islands"),
    k("GT", "Guatemala"),
    k("GU", "Guam"),
    k("GW", "Guinea-Bissau"),
    k("GY", "Guyana"),
    k("HK", "Hong Kong"),
    k("HM", "Heard Island and McDonald Islands"),
    k("HN", "Honduras"),
    k("HR", "Croatia"),
    k("HT", "Haiti"),
    k("HU", "Hungary"),
    k("ID", "Indonesia"),
    k("IE", "Ireland"),
    k("IL", "Israel"),
    k("IM", "Isle of Man"),
    k("IN", "India"),
    k("IO", "British Indian Ocean Territory"),
    k("IQ", "Iraq"),
    k("IR", "Iran"),
    k("IS", "Iceland"),
    k("IT", "Italy"),
    k("JE", "Jersey"),
    k("JM", "Jamaica"),
    k("JO", "Jordan"),
    k("JP", "Japan"),
    k("KE", "Kenya"),
    k("KG", "Kyrgyzstan"),
    k("KH", "Cambodia"),
    k("KI", "Kiribati"),
    k("KM", "Comoros"),
    k("KN", "Saint Kitts and Nevis"),
    k("KP", "North Korea"),
    k("KR", "South Korea"),
    k("KW", "Kuwait"),
    k("KY", "Cayman Islands"),
    k("KZ", "Kazakhstan"),
    k("LA", "Laos"),
    k("LB", "Lebanon"),
    k("LC", "Saint Lucia"),
    k("LI", "Liechtenstein"),
    k("LK", "Sri Lanka"),
    k("LR", "Liberia"),
    k("LS", "Lesotho"),
    k("LT", "Lithuania"),
    k("LU", "Luxembourg"),
    k("LV", "Latvia"),
    k("LY", "Libya"),
    k("MA", "Morocco"),
    k("MC", "Monaco"),
    k("MD", "Moldova"),
    k("ME", "Montenegro"),
    k("MF", "Saint Martin (French part)"),
    k("MG", "Madagascar"),
    k("MH", "Marshall Islands"),
    k("MK", "North Macedonia"),
    k("ML", "Mali"),
    k("MM", "Myanmar"),
    k("MN", "Mongolia"),
    k("MO", "Macao"),
    k("MP", "Northern Mariana Islands"),
    k("MQ", "Martinique"),
    k("MR", "Mauritania"),
    k("MS", "Montserrat"),
    k("MT", "Malta"),
    k("MU", "Mauritius"),
    k("MV", "Maldives"),
    k("MW", "Malawi"),
    k("MX", "Mexico"),
    k("MY", "Malaysia"),
    k("MZ", "Mozambique"),
    k("NA", "Namibia"),
    k("NC", "New Caledonia"),
    k("NE", "Niger"),
    k("NF", "Norfolk Island"),
    k("NG", "Nigeria"),
    k("NI", "Nicaragua"),
    k("NL", "Netherlands"),
    k("NO", "Norway"),
    k("NP", "Nepal"),
    k("NR", "Nauru"),
    k("NU", "Niue"),
    k("NZ", "New Zealand"),
    k("OM", "Oman"),
    k("PA", "Panama"),
    k("PE", "Peru"),
    k("PF", "French Polynesia"),
    k("PG", "Papua New Guinea"),
    k("PH", "Philippines"),
    k("PK", "Pakistan"),
    k("PL", "Poland"),
    k("PM", "Saint Pierre and Miquelon"),
    k("PN", "Pitcairn Islands"),
    k("PR", "Puerto Rico"),
    k("PS", "Palestine"),
    k("PT", "Portugal"),
    k("PW", "Palau"),
    k("PY", "Paraguay"),
    k("QA", "Qatar"),
    k("RE", "Reunion"),
    k("RO", "Romania"),
    k("RS", "Serbia"),
    k("RU", "Russia"),
    k("RW", "Rwanda"),
    k("SA", "Saudi Arabia"),
    k("SB", "Solomon Islands"),
    k("SC", "Seychelles"),
    k("SD", "Sudan"),
    k("SE", "Sweden"),
    k("SG", "Singapore"),
    k("SH", "Saint Helena, Ascension and Tristan da Cunha"),
    k("SI", "Slovenia"),
    k("SJ", "Svalbard and Jan Mayen"),
    k("SK", "Slovakia"),
    k("SL", "Sierra Leone"),
    k("SM", "San Marino"),
    k("SN", "Senegal"),
    k("SO", "Somalia"),
    k("SR", "Suriname"),
    k("SS", "South Sudan"),
    k("ST", "Sao Tome and Principe"),
    k("SV", "El Salvador"),
    k("SX", "Sint Maarten (Dutch part)"),
    k("SY", "Syria"),
    k("SZ", "Eswatini"),
    k("TC", "Turks and Caicos Islands"),
    k("TD", "Chad"),
    k("TF", "French Southern Territories"),
    k("TG", "Togo"),
    k("TH", "Thailand"),
    k("TJ", "Tajikistan"),
    k("TK", "Tokelau"),
    k("TL", "Timor-Leste"),
    k("TM", "Turkmenistan"),
    k("TN", "Tunisia"),
    k("TO", "Tonga"),
    k("TR", "Turkey"),
    k("TT", "Trinidad and Tobago"),
    k("TV", "Tuvalu"),
    k("TW", "Taiwan"),
    k("TZ", "Tanzania"),
    k("UA", "Ukraine"),
    k("UG", "Uganda"),
    k("UM", "United States Minor Outlying Islands"),
    k("US", "United States"),
    k("UY", "Uruguay"),
    k("UZ", "Uzbekistan"),
    k("VA", "Vatican City"),
    k("VC", "Saint Vincent and the Grenadines"),
    k("VE", "Venezuela"),
    k("VG", "British Virgin Islands"),
    k("VI", "US Virgin Islands"),
    k("VN", "Vietnam"),
    k("VU", "Vanuatu"),
    k("WF", "Wallis and Futuna"),
    k("WS", "Samoa"),
    k("YE", "Yemen"),
    k("YT", "Mayotte"),
    k("ZA", "South Africa"),
    k("ZM", "Zambia"),
    k("ZW", "Zimbabwe"),
];

/// Looks up a country by its ISO 3166-1 alpha-2 code.
///
/// The match is exact and case-sensitive: codes are upper case, so `"us"` finds nothing.
/// Callers that accept user input should upper-case it first.
pub fn country(alpha2: &str) -> Option<&'static Country> {
    super::lookup(COUNTRIES, alpha2, |c| c.alpha2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_all_249_codes() {
        assert_eq!(COUNTRIES.len(), 249);
    }

    #[test]
    fn sorted_and_unique() {
        for pair in COUNTRIES.windows(2) {
            assert!(
                pair[0].alpha2 < pair[1].alpha2,
                "{} must come before {}",
                pair[0].alpha2,
                pair[1].alpha2
            );
        }
    }

    #[test]
    fn codes_are_two_upper_case_letters() {
        for c in COUNTRIES {
            assert_eq!(c.alpha2.len(), 2, "{}", c.alpha2);
            assert!(c.alpha2.bytes().all(|b| b.is_ascii_uppercase()), "{}", c.alpha2);
        }
    }

    #[test]
    fn names_are_plain_and_trimmed() {
        for c in COUNTRIES {
            assert!(!c.name.is_empty(), "{}", c.alpha2);
            assert_eq!(c.name.trim(), c.name, "{}", c.alpha2);
            assert!(c.name.is_ascii(), "{}", c.alpha2);
            assert!(!c.name.contains("  "), "{}", c.alpha2);
        }
    }

    #[test]
    fn names_are_unique() {
        let mut names: Vec<&str> = COUNTRIES.iter().map(|c| c.name).collect();
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(names.len(), before);
    }

    #[test]
    fn common_lookups() {
        let name = |code| country(code).map(|c| c.name);
        assert_eq!(name("IN"), Some("India"));
        assert_eq!(name("US"), Some("United States"));
        assert_eq!(name("GB"), Some("United Kingdom"));
        assert_eq!(name("DE"), Some("Germany"));
        assert_eq!(name("AE"), Some("United Arab Emirates"));
        assert_eq!(name("KR"), Some("South Korea"));
        assert_eq!(name("AD"), Some("Andorra"));
        assert_eq!(name("ZW"), Some("Zimbabwe"));
    }

    #[test]
    fn lookup_returns_the_entry_with_that_code() {
        for c in COUNTRIES {
            assert_eq!(country(c.alpha2), Some(c));
        }
    }

    #[test]
    fn unknown_or_malformed_codes_are_none() {
        assert_eq!(country("us"), None);
        assert_eq!(country("Us"), None);
        assert_eq!(country(""), None);
        assert_eq!(country("USA"), None);
        assert_eq!(country("XX"), None);
        assert_eq!(country("UK"), None);
        assert_eq!(country(" IN"), None);
        assert_eq!(country("\u{0}\u{0}"), None);
    }

    #[test]
    fn withdrawn_codes_are_absent() {
        for code in ["AN", "CS", "YU", "TP", "ZR", "BU", "SU", "DD"] {
            assert_eq!(country(code), None, "{code}");
        }
    }
}
