//! Indian customs location codes: `IN` + three-letter UN/LOCODE + one type character.
//! Foreign Post Offices end in `5`. Source: india-compliance `PORT_CODES` (the e-invoice
//! port master) [C]; Notification 31/2017-Customs (N.T.) for the FPOs [C]. The meaning
//! of the sixth character is read off that list, not from an official key [U].

/// What a customs location is, by its sixth character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocationKind {
    /// `1`: seaport.
    Seaport,
    /// `2`: rail station.
    Rail,
    /// `4`: airport (air cargo).
    Airport,
    /// `5`: Foreign Post Office.
    ForeignPostOffice,
    /// `6`: ICD, CFS or SEZ.
    InlandDepot,
    /// `B`: land customs station.
    LandBorder,
}

impl LocationKind {
    /// The kind a code's sixth character suggests.
    pub fn of_code(code: &str) -> Option<LocationKind> {
        match code.as_bytes().get(5)? {
            b'1' => Some(LocationKind::Seaport),
            b'2' => Some(LocationKind::Rail),
            b'4' => Some(LocationKind::Airport),
            b'5' => Some(LocationKind::ForeignPostOffice),
            b'6' => Some(LocationKind::InlandDepot),
            b'B' => Some(LocationKind::LandBorder),
            _ => None,
        }
    }
}

/// A known location.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    /// Six-character code.
    pub code: &'static str,
    /// Name as printed.
    pub name: &'static str,
}

const fn l(code: &'static str, name: &'static str) -> Location {
    Location { code, name }
}

/// The locations niryat names on documents, sorted: every FPO in the port master and the
/// ports, airports and ICDs an Uttar Pradesh exporter most often uses. Codes outside this
/// list are accepted when well formed, with a warning.
pub static LOCATIONS: &[Location] = &[
    l("INAGR5", "Foreign Post Office Agra"),
    l("INAMD4", "Ahmedabad Air Cargo"),
    l("INAMD5", "Foreign Post Office Ahmedabad"),
    l("INBLR4", "Bengaluru Air Cargo"),
    l("INBLR5", "Foreign Post Office Bengaluru"),
    l("INBOM1", "Mumbai Sea"),
    l("INBOM4", "Mumbai Air Cargo"),
    l("INBOM5", "Foreign Post Office Mumbai"),
    l("INBPL5", "Foreign Post Office Bhopal"),
    l("INBPS5", "Air Parcel Sorting Office Mumbai"),
    l("INBSB6", "ICD Varanasi"),
    l("INCCU1", "Kolkata Sea"),
    l("INCCU4", "Kolkata Air Cargo"),
    l("INCCU5", "Foreign Post Office Kolkata"),
    l("INDAD6", "ICD Dadri"),
    l("INDEL4", "Delhi Air Cargo"),
    l("INDEL5", "Foreign Post Office New Delhi"),
    l("INFCH5", "Foreign Post Office (Sea) Chennai"),
    l("INGAU5", "Foreign Post Office Guwahati"),
    l("INHYD5", "Foreign Post Office Hyderabad"),
    l("INIXL5", "Foreign Post Office Leh"),
    l("INJAI5", "Foreign Post Office Jaipur"),
    l("INKNU5", "Foreign Post Office Kanpur"),
    l("INKNU6", "ICD Kanpur"),
    l("INKOC5", "Foreign Post Office Kochi"),
    l("INLKO4", "Lucknow Air Cargo"),
    l("INLUH5", "Foreign Post Office Ludhiana"),
    l("INMAA1", "Chennai Sea"),
    l("INMAA4", "Chennai Air Cargo"),
    l("INMAA5", "Foreign Post Office (Air) Chennai"),
    l("INMUN1", "Mundra"),
    l("INNSA1", "Nhava Sheva (JNPT)"),
    l("INPNF5", "Foreign Post Office Patna"),
    l("INPPG6", "ICD Patparganj"),
    l("INRNC5", "Foreign Post Office Ranchi"),
    l("INRPU5", "Foreign Post Office Raipur"),
    l("INSXR5", "Foreign Post Office Srinagar"),
    l("INTKD6", "ICD Tughlakabad"),
    l("INVGA5", "Foreign Post Office Vijayawada"),
    l("INVNS4", "Varanasi Air Cargo"),
    l("INVNS5", "Foreign Post Office Varanasi"),
];

/// Looks a code up.
pub fn location(code: &str) -> Option<&'static Location> {
    LOCATIONS.binary_search_by(|x| x.code.cmp(code)).ok().map(|i| &LOCATIONS[i])
}

/// Whether a code has the shape of an Indian customs location code.
pub fn is_well_formed(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 6
        && &b[0..2] == b"IN"
        && b[2..5].iter().all(|c| c.is_ascii_uppercase())
        && (b[5].is_ascii_digit() || b[5].is_ascii_uppercase())
}
