//! ISO 4217 currencies: codes, names, minor units, the words used for amounts, and CBIC schedules.
//!
//! This module owns the currency table. It lists the circulating currencies of ISO 4217; fund
//! codes, precious metals and testing codes (BOV, CLF, XAU, XDR, XXX ...) and withdrawn
//! currencies (HRK, SLL, ZWL, ANG, BGN ...) are left out because no invoice is priced in them.
//!
//! `cbic_schedule` records which schedule of CBIC's customs exchange-rate notification quotes
//! the currency: Schedule I gives rupees per 1 unit, Schedule II rupees per 100 units.

use serde::Serialize;

/// One ISO 4217 currency and how export documents write amounts in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Currency {
    /// ISO 4217 alphabetic code (`"USD"`).
    pub code: &'static str,
    /// English name (`"US Dollar"`).
    pub name: &'static str,
    /// ISO 4217 exponent: digits after the decimal point (2 for most, 0 for JPY, 3 for KWD).
    pub minor_units: u32,
    /// Plural name of the major unit used when writing amounts in words (`"US Dollars"`).
    pub major_words: &'static str,
    /// Plural name of the minor unit for amounts in words (`"Cents"`); `None` when the currency
    /// has no minor unit, or when its minor unit is not a hundredth (MGA, MRU).
    pub minor_words: Option<&'static str>,
    /// CBIC customs exchange-rate schedule: `Some(1)` for Schedule I (rate per 1 unit),
    /// `Some(2)` for Schedule II (rate per 100 units), `None` when CBIC does not notify a rate.
    pub cbic_schedule: Option<u8>,
}

/// Table row builder: `""` means no minor-unit word, `0` means no CBIC schedule.
const fn c(
    code: &'static str,
    name: &'static str,
    minor_units: u32,
    major_words: &'static str,
    minor_words: &'static str,
    cbic_schedule: u8,
) -> Currency {
    Currency {
        code,
        name,
        minor_units,
        major_words,
        minor_words: if minor_words.is_empty() { None } else { Some(minor_words) },
        cbic_schedule: if cbic_schedule == 0 { None } else { Some(cbic_schedule) },
    }
}

/// All circulating ISO 4217 currencies, sorted by code.
#[rustfmt::skip]
pub static CURRENCIES: &[Currency] = &[
    c("AED", "UAE Dirham", 2, "UAE Dirhams", "Fils", 1),
    c("AFN", "Afghani", 2, "Afghanis", "Puls", 0),
    c("ALL", "Albanian Lek", 2, "Albanian Leke", "Qindarka", 0),
    c("AMD", "Armenian Dram", 2, "Armenian Drams", "Luma", 0),
    c("AOA", "Angolan Kwanza", 2, "Kwanzas", "Centimos", 0),
    c("ARS", "Argentine Peso", 2, "Argentine Pesos", "Centavos", 0),
    c("AUD", "Australian Dollar", 2, "Australian Dollars", "Cents", 1),
    c("AWG", "Aruban Florin", 2, "Aruban Florins", "Cents", 0),
    c("AZN", "Azerbaijani Manat", 2, "Azerbaijani Manats", "Qapik", 0),
    c("BAM", "Convertible Mark", 2, "Convertible Marks", "Fenings", 0),
    c("BBD", "Barbados Dollar", 2, "Barbados Dollars", "Cents", 0),
    c("BDT", "Bangladeshi Taka", 2, "Taka", "Poisha", 0),
    c("BHD", "Bahraini Dinar", 3, "Bahraini Dinars", "Fils", 1),
    c("BIF", "Burundi Franc", 0, "Burundi Francs", "", 0),
    c("BMD", "Bermudian Dollar", 2, "Bermudian Dollars", "Cents", 0),
    c("BND", "Brunei Dollar", 2, "Brunei Dollars", "Cents", 0),
    c("BOB", "Boliviano", 2, "Bolivianos", "Centavos", 0),
    c("BRL", "Brazilian Real", 2, "Brazilian Reais", "Centavos", 0),
    c("BSD", "Bahamian Dollar", 2, "Bahamian Dollars", "Cents", 0),
    c("BTN", "Ngultrum", 2, "Ngultrum", "Chhertum", 0),
    c("BWP", "Pula", 2, "Pula", "Thebe", 0),
    c("BYN", "Belarusian Ruble", 2, "Belarusian Rubles", "Kopecks", 0),
    c("BZD", "Belize Dollar", 2, "Belize Dollars", "Cents", 0),
    c("CAD", "Canadian Dollar", 2, "Canadian Dollars", "Cents", 1),
    c("CDF", "Congolese Franc", 2, "Congolese Francs", "Centimes", 0),
    c("CHF", "Swiss Franc", 2, "Swiss Francs", "Centimes", 1),
    c("CLP", "Chilean Peso", 0, "Chilean Pesos", "", 0),
    c("CNY", "Chinese Yuan Renminbi", 2, "Chinese Yuan", "Fen", 1),
    c("COP", "Colombian Peso", 2, "Colombian Pesos", "Centavos", 0),
    c("CRC", "Costa Rican Colon", 2, "Costa Rican Colones", "Centimos", 0),
    c("CUP", "Cuban Peso", 2, "Cuban Pesos", "Centavos", 0),
    c("CVE", "Cape Verde Escudo", 2, "Cape Verde Escudos", "Centavos", 0),
    c("CZK", "Czech Koruna", 2, "Czech Korunas", "Halers", 0),
    c("DJF", "Djibouti Franc", 0, "Djibouti Francs", "", 0),
    c("DKK", "Danish Krone", 2, "Danish Kroner", "Ore", 1),
    c("DOP", "Dominican Peso", 2, "Dominican Pesos", "Centavos", 0),
    c("DZD", "Algerian Dinar", 2, "Algerian Dinars", "Centimes", 0),
    c("EGP", "Egyptian Pound", 2, "Egyptian Pounds", "Piastres", 0),
    c("ERN", "Nakfa", 2, "Nakfa", "Cents", 0),
    c("ETB", "Ethiopian Birr", 2, "Ethiopian Birr", "Santim", 0),
    c("EUR", "Euro", 2, "Euros", "Cents", 1),
    c("FJD", "Fiji Dollar", 2, "Fiji Dollars", "Cents", 0),
    c("FKP", "Falkland Islands Pound", 2, "Falkland Islands Pounds", "Pence", 0),
    c("GBP", "Pound Sterling", 2, "Pounds Sterling", "Pence", 1),
    c("GEL", "Georgian Lari", 2, "Georgian Lari", "Tetri", 0),
    c("GHS", "Ghana Cedi", 2, "Ghana Cedis", "Pesewas", 0),
    c("GIP", "Gibraltar Pound", 2, "Gibraltar Pounds", "Pence", 0),
    c("GMD", "Dalasi", 2, "Dalasis", "Bututs", 0),
    c("GNF", "Guinean Franc", 0, "Guinean Francs", "", 0),
    c("GTQ", "Quetzal", 2, "Quetzales", "Centavos", 0),
    c("GYD", "Guyana Dollar", 2, "Guyana Dollars", "Cents", 0),
    c("HKD", "Hong Kong Dollar", 2, "Hong Kong Dollars", "Cents", 1),
    c("HNL", "Lempira", 2, "Lempiras", "Centavos", 0),
    c("HTG", "Gourde", 2, "Gourdes", "Centimes", 0),
    c("HUF", "Hungarian Forint", 2, "Hungarian Forints", "Filler", 0),
    c("IDR", "Indonesian Rupiah", 2, "Indonesian Rupiah", "Sen", 0),
    c("ILS", "Israeli New Shekel", 2, "Israeli New Shekels", "Agorot", 0),
    c("INR", "Indian Rupee", 2, "Rupees", "Paise", 0),
    c("IQD", "Iraqi Dinar", 3, "Iraqi Dinars", "Fils", 0),
    c("IRR", "Iranian Rial", 2, "Iranian Rials", "Dinars", 0),
    c("ISK", "Iceland Krona", 0, "Icelandic Kronur", "", 0),
    c("JMD", "Jamaican Dollar", 2, "Jamaican Dollars", "Cents", 0),
    c("JOD", "Jordanian Dinar", 3, "Jordanian Dinars", "Fils", 0),
    c("JPY", "Japanese Yen", 0, "Yen", "", 2),
    c("KES", "Kenyan Shilling", 2, "Kenyan Shillings", "Cents", 0),
    c("KGS", "Kyrgyzstani Som", 2, "Kyrgyzstani Som", "Tyiyn", 0),
    c("KHR", "Cambodian Riel", 2, "Cambodian Riels", "Sen", 0),
    c("KMF", "Comorian Franc", 0, "Comorian Francs", "", 0),
    c("KPW", "North Korean Won", 2, "North Korean Won", "Chon", 0),
    c("KRW", "South Korean Won", 0, "South Korean Won", "", 2),
    c("KWD", "Kuwaiti Dinar", 3, "Kuwaiti Dinars", "Fils", 1),
    c("KYD", "Cayman Islands Dollar", 2, "Cayman Islands Dollars", "Cents", 0),
    c("KZT", "Kazakhstani Tenge", 2, "Kazakhstani Tenge", "Tiyn", 0),
    c("LAK", "Lao Kip", 2, "Lao Kip", "Att", 0),
    c("LBP", "Lebanese Pound", 2, "Lebanese Pounds", "Piastres", 0),
    c("LKR", "Sri Lanka Rupee", 2, "Sri Lanka Rupees", "Cents", 0),
    c("LRD", "Liberian Dollar", 2, "Liberian Dollars", "Cents", 0),
    c("LSL", "Lesotho Loti", 2, "Maloti", "Lisente", 0),
    c("LYD", "Libyan Dinar", 3, "Libyan Dinars", "Dirhams", 0),
    c("MAD", "Moroccan Dirham", 2, "Moroccan Dirhams", "Centimes", 0),
    c("MDL", "Moldovan Leu", 2, "Moldovan Lei", "Bani", 0),
    c("MGA", "Malagasy Ariary", 2, "Malagasy Ariary", "", 0),
    c("MKD", "Macedonian Denar", 2, "Macedonian Denars", "Deni", 0),
    c("MMK", "Myanmar Kyat", 2, "Myanmar Kyats", "Pyas", 0),
    c("MNT", "Mongolian Tugrik", 2, "Mongolian Tugriks", "Mongo", 0),
    c("MOP", "Macao Pataca", 2, "Macao Patacas", "Avos", 0),
    c("MRU", "Mauritanian Ouguiya", 2, "Mauritanian Ouguiyas", "", 0),
    c("MUR", "Mauritius Rupee", 2, "Mauritius Rupees", "Cents", 0),
    c("MVR", "Maldivian Rufiyaa", 2, "Maldivian Rufiyaa", "Laari", 0),
    c("MWK", "Malawi Kwacha", 2, "Malawi Kwacha", "Tambala", 0),
    c("MXN", "Mexican Peso", 2, "Mexican Pesos", "Centavos", 0),
    c("MYR", "Malaysian Ringgit", 2, "Malaysian Ringgit", "Sen", 0),
    c("MZN", "Mozambique Metical", 2, "Mozambique Meticais", "Centavos", 0),
    c("NAD", "Namibia Dollar", 2, "Namibia Dollars", "Cents", 0),
    c("NGN", "Nigerian Naira", 2, "Naira", "Kobo", 0),
    c("NIO", "Cordoba Oro", 2, "Cordobas", "Centavos", 0),
    c("NOK", "Norwegian Krone", 2, "Norwegian Kroner", "Ore", 1),
    c("NPR", "Nepalese Rupee", 2, "Nepalese Rupees", "Paisa", 0),
    c("NZD", "New Zealand Dollar", 2, "New Zealand Dollars", "Cents", 1),
    c("OMR", "Omani Rial", 3, "Omani Rials", "Baisa", 0),
    c("PAB", "Balboa", 2, "Balboas", "Centesimos", 0),
    c("PEN", "Peruvian Sol", 2, "Soles", "Centimos", 0),
    c("PGK", "Kina", 2, "Kina", "Toea", 0),
    c("PHP", "Philippine Peso", 2, "Philippine Pesos", "Centavos", 0),
    c("PKR", "Pakistan Rupee", 2, "Pakistani Rupees", "Paisa", 0),
    c("PLN", "Polish Zloty", 2, "Polish Zlotys", "Groszy", 0),
    c("PYG", "Paraguayan Guarani", 0, "Guaranies", "", 0),
    c("QAR", "Qatari Riyal", 2, "Qatari Riyals", "Dirhams", 1),
    c("RON", "Romanian Leu", 2, "Romanian Lei", "Bani", 0),
    c("RSD", "Serbian Dinar", 2, "Serbian Dinars", "Paras", 0),
    c("RUB", "Russian Ruble", 2, "Russian Rubles", "Kopecks", 0),
    c("RWF", "Rwanda Franc", 0, "Rwanda Francs", "", 0),
    c("SAR", "Saudi Riyal", 2, "Saudi Riyals", "Halalas", 1),
    c("SBD", "Solomon Islands Dollar", 2, "Solomon Islands Dollars", "Cents", 0),
    c("SCR", "Seychelles Rupee", 2, "Seychelles Rupees", "Cents", 0),
    c("SDG", "Sudanese Pound", 2, "Sudanese Pounds", "Piastres", 0),
    c("SEK", "Swedish Krona", 2, "Swedish Kronor", "Ore", 1),
    c("SGD", "Singapore Dollar", 2, "Singapore Dollars", "Cents", 1),
    c("SHP", "Saint Helena Pound", 2, "Saint Helena Pounds", "Pence", 0),
    c("SLE", "Sierra Leonean Leone", 2, "Leones", "Cents", 0),
    c("SOS", "Somali Shilling", 2, "Somali Shillings", "Cents", 0),
    c("SRD", "Surinam Dollar", 2, "Surinam Dollars", "Cents", 0),
    c("SSP", "South Sudanese Pound", 2, "South Sudanese Pounds", "Piasters", 0),
    c("STN", "Dobra", 2, "Dobras", "Centimos", 0),
    c("SVC", "El Salvador Colon", 2, "Salvadoran Colones", "Centavos", 0),
    c("SYP", "Syrian Pound", 2, "Syrian Pounds", "Piastres", 0),
    c("SZL", "Lilangeni", 2, "Emalangeni", "Cents", 0),
    c("THB", "Thai Baht", 2, "Thai Baht", "Satang", 0),
    c("TJS", "Somoni", 2, "Somoni", "Diram", 0),
    c("TMT", "Turkmenistan Manat", 2, "Turkmenistan Manats", "Tenge", 0),
    c("TND", "Tunisian Dinar", 3, "Tunisian Dinars", "Millimes", 0),
    c("TOP", "Tongan Pa'anga", 2, "Tongan Pa'anga", "Seniti", 0),
    c("TRY", "Turkish Lira", 2, "Turkish Lira", "Kurus", 1),
    c("TTD", "Trinidad and Tobago Dollar", 2, "Trinidad and Tobago Dollars", "Cents", 0),
    c("TWD", "New Taiwan Dollar", 2, "New Taiwan Dollars", "Cents", 0),
    c("TZS", "Tanzanian Shilling", 2, "Tanzanian Shillings", "Cents", 0),
    c("UAH", "Ukrainian Hryvnia", 2, "Ukrainian Hryvnias", "Kopiykas", 0),
    c("UGX", "Uganda Shilling", 0, "Uganda Shillings", "", 0),
    c("USD", "US Dollar", 2, "US Dollars", "Cents", 1),
    c("UYU", "Uruguayan Peso", 2, "Uruguayan Pesos", "Centesimos", 0),
    c("UZS", "Uzbekistan Sum", 2, "Uzbekistan Sum", "Tiyin", 0),
    c("VED", "Venezuelan Digital Bolivar", 2, "Digital Bolivares", "Centimos", 0),
    c("VES", "Venezuelan Bolivar", 2, "Bolivares", "Centimos", 0),
    c("VND", "Vietnamese Dong", 0, "Vietnamese Dong", "", 0),
    c("VUV", "Vanuatu Vatu", 0, "Vatu", "", 0),
    c("WST", "Samoan Tala", 2, "Tala", "Sene", 0),
    c("XAF", "Central African CFA Franc", 0, "CFA Francs BEAC", "", 0),
    c("XCD", "East Caribbean Dollar", 2, "East Caribbean Dollars", "Cents", 0),
    c("XCG", "Caribbean Guilder", 2, "Caribbean Guilders", "Cents", 0),
    c("XOF", "West African CFA Franc", 0, "CFA Francs BCEAO", "", 0),
    c("XPF", "CFP Franc", 0, "CFP Francs", "", 0),
    c("YER", "Yemeni Rial", 2, "Yemeni Rials", "Fils", 0),
    c("ZAR", "South African Rand", 2, "South African Rand", "Cents", 1),
    c("ZMW", "Zambian Kwacha", 2, "Zambian Kwacha", "Ngwee", 0),
    c("ZWG", "Zimbabwe Gold", 2, "Zimbabwe Gold", "Cents", 0),
];

/// Looks up a currency by its ISO 4217 alphabetic code.
///
/// The match is exact and case-sensitive: codes are upper case, so `"usd"` finds nothing.
pub fn currency(code: &str) -> Option<&'static Currency> {
    super::lookup(CURRENCIES, code, |c| c.code)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(code: &str) -> &'static Currency {
        currency(code).expect("currency in table")
    }

    #[test]
    fn sorted_and_unique() {
        for pair in CURRENCIES.windows(2) {
            assert!(pair[0].code < pair[1].code, "{} / {}", pair[0].code, pair[1].code);
        }
    }

    #[test]
    fn size_is_plausible() {
        assert!((150..=180).contains(&CURRENCIES.len()), "{}", CURRENCIES.len());
    }

    #[test]
    fn codes_are_three_upper_case_letters() {
        for c in CURRENCIES {
            assert_eq!(c.code.len(), 3, "{}", c.code);
            assert!(c.code.bytes().all(|b| b.is_ascii_uppercase()), "{}", c.code);
        }
    }

    #[test]
    fn lookup_finds_every_entry() {
        for c in CURRENCIES {
            assert_eq!(currency(c.code), Some(c));
        }
    }

    #[test]
    fn unknown_or_malformed_codes_are_none() {
        for code in ["usd", "Usd", "", "US", "USDX", "XXX", "XAU", "XDR", "HRK", "ZWL", "ANG"] {
            assert_eq!(currency(code), None, "{code}");
        }
    }

    #[test]
    fn inr_is_as_documents_need_it() {
        let inr = get("INR");
        assert_eq!(inr.name, "Indian Rupee");
        assert_eq!(inr.minor_units, 2);
        assert_eq!(inr.major_words, "Rupees");
        assert_eq!(inr.minor_words, Some("Paise"));
        assert_eq!(inr.cbic_schedule, None);
    }

    #[test]
    fn minor_units() {
        assert_eq!(get("JPY").minor_units, 0);
        assert_eq!(get("KRW").minor_units, 0);
        assert_eq!(get("KWD").minor_units, 3);
        assert_eq!(get("INR").minor_units, 2);
        assert_eq!(get("USD").minor_units, 2);
        for code in ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"] {
            assert_eq!(get(code).minor_units, 3, "{code}");
        }
        for c in CURRENCIES {
            assert!(c.minor_units <= 3, "{}", c.code);
        }
    }

    #[test]
    fn minor_words_only_when_there_is_a_minor_unit() {
        for c in CURRENCIES {
            if c.minor_units == 0 {
                assert_eq!(c.minor_words, None, "{}", c.code);
            } else if !matches!(c.code, "MGA" | "MRU") {
                assert!(c.minor_words.is_some(), "{}", c.code);
            }
        }
    }

    #[test]
    fn words_are_plain_title_case() {
        for c in CURRENCIES {
            let words = std::iter::once(c.major_words).chain(c.minor_words);
            for w in words {
                assert!(!w.is_empty(), "{}", c.code);
                assert!(w.is_ascii(), "{}", c.code);
                assert!(!w.contains(['-', ',']), "{}", c.code);
                for part in w.split(' ').filter(|p| *p != "and") {
                    let first = part.chars().next();
                    assert!(first.is_some_and(|ch| ch.is_ascii_uppercase()), "{}: {w}", c.code);
                }
            }
            assert!(c.name.is_ascii() && !c.name.is_empty(), "{}", c.code);
        }
    }

    #[test]
    fn cbic_schedules() {
        assert_eq!(get("USD").cbic_schedule, Some(1));
        assert_eq!(get("JPY").cbic_schedule, Some(2));
        assert_eq!(get("KRW").cbic_schedule, Some(2));
        assert_eq!(get("MXN").cbic_schedule, None);
        assert_eq!(get("INR").cbic_schedule, None);
        let schedule_one = [
            "AUD", "BHD", "CAD", "CNY", "DKK", "EUR", "HKD", "KWD", "NZD", "NOK", "GBP", "QAR",
            "SAR", "SGD", "ZAR", "SEK", "CHF", "TRY", "AED", "USD",
        ];
        for code in schedule_one {
            assert_eq!(get(code).cbic_schedule, Some(1), "{code}");
        }
        let listed = CURRENCIES.iter().filter(|c| c.cbic_schedule.is_some()).count();
        assert_eq!(listed, schedule_one.len() + 2);
    }

    #[test]
    fn familiar_words() {
        assert_eq!(get("USD").major_words, "US Dollars");
        assert_eq!(get("EUR").major_words, "Euros");
        assert_eq!(get("GBP").major_words, "Pounds Sterling");
        assert_eq!(get("GBP").minor_words, Some("Pence"));
        assert_eq!(get("AED").major_words, "UAE Dirhams");
        assert_eq!(get("AED").minor_words, Some("Fils"));
        assert_eq!(get("JPY").major_words, "Yen");
        assert_eq!(get("AUD").major_words, "Australian Dollars");
        assert_eq!(get("CAD").major_words, "Canadian Dollars");
        assert_eq!(get("SGD").major_words, "Singapore Dollars");
        assert_eq!(get("KWD").major_words, "Kuwaiti Dinars");
        assert_eq!(get("KWD").minor_words, Some("Fils"));
    }
}
