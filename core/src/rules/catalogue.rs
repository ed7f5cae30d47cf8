//! The rules catalogue: every issue code niryat can emit, its severity, what it checks
//! and where the rule comes from. `docs/rules.md` is generated from this list.
//!
//! Codes are append-only: a code, once published, is never renamed or reused.

use crate::issue::Severity;
use crate::render::Lang;

/// One rule of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// Stable snake_case code.
    pub code: &'static str,
    /// Severity when it fires (missing fields become warnings in draft mode).
    pub severity: Severity,
    /// What the rule checks.
    pub checks: &'static str,
    /// Legal or practical source, with its confidence tag from the domain reference:
    /// [C] confirmed, [S] secondary, [K] common practice, [U] unconfirmed; "arithmetic"
    /// for consistency that needs no source.
    pub source: &'static str,
}

macro_rules! catalogue {
    ($($name:ident = $code:literal, $sev:ident, $checks:literal, $source:literal;)*) => {
        $(
            #[doc = $checks]
            pub const $name: Rule = Rule { code: $code, severity: Severity::$sev, checks: $checks, source: $source };
        )*
        /// Every rule, in catalogue order.
        pub static ALL: &[Rule] = &[$($name),*];
    };
}

catalogue! {
    MISSING_FIELD = "missing_field", Error,
        "A field the requested documents need is absent or empty (a warning in draft mode).",
        "Form contents of each document: Rule 46 CGST, PBE-III/IV, UPU CN22/CN23 [C]";
    NOT_APPLICABLE = "document_not_applicable", Error,
        "The document does not apply to this shipment (a PBE for a personal parcel, a CN form off the post).",
        "Exports by Post Regulations; Mumbai Customs APSO procedure [C]";
    TEXT_TOO_LONG = "text_too_long", Error,
        "A text field is longer than niryat accepts (see the limits in the README).",
        "niryat limit";
    CONTROL_CHARACTER = "control_character", Error,
        "A text field holds a control character (other than tab and newline) that cannot be printed or written to XML, or a bidirectional override that would print the text in another order.",
        "XML 1.0 character range; printable documents";
    PAN_FORMAT = "pan_format", Error,
        "PAN is 5 letters, 4 digits, 1 letter; serial not 0000; 4th letter a known holder type.",
        "ID-01: python-stdnum pan.py; Income Tax Department [C]";
    GSTIN_FORMAT = "gstin_format", Error,
        "GSTIN matches GSTN's normal-taxpayer pattern (15 characters, PAN inside, 13th not 0).",
        "ID-02: GSTN developer portal regex via india-compliance [C]";
    GSTIN_STATE_CODE = "gstin_state_code", Error,
        "The first two digits of a GSTIN are a GST state code that can begin a GSTIN.",
        "ID-02: GST state code list [C]";
    GSTIN_CHECKSUM = "gstin_checksum", Error,
        "The 15th character of a GSTIN is its Luhn mod-36 check character.",
        "ID-02: python-stdnum gstin.py, india-compliance [C]";
    GSTIN_DEFAULT_CHAR = "gstin_14th_not_z", Warning,
        "The 14th character of a normal GSTIN is Z by default; other values are rare.",
        "ID-02: python-stdnum requires Z; GSTN admits more [C]/[K]";
    GSTIN_PAN_MISMATCH = "gstin_pan_mismatch", Error,
        "The PAN inside the GSTIN (characters 3-12) equals the exporter's PAN.",
        "ID-02: GSTIN layout [C]";
    GSTIN_STATE_MISMATCH = "gstin_state_mismatch", Warning,
        "The GSTIN's state code matches the exporter's address (state code, PIN range).",
        "ID-03: india-compliance state and PIN tables [C]; as a cross-check only";
    IEC_FORMAT = "iec_format", Error,
        "IEC is a PAN-form code, a permanent IEC from DGFT's list, or a legacy 10-digit number.",
        "ID-04: DGFT, HBP 2.07 [C]/[S]";
    IEC_LEGACY = "iec_legacy", Warning,
        "A 10-digit numeric IEC is pre-2017; DGFT migrated IECs to the PAN.",
        "ID-04: DGFT PN 09/2015-20 [S]";
    IEC_PAN_MISMATCH = "iec_pan_mismatch", Error,
        "For a GST-registered exporter the IEC equals the PAN inside the GSTIN (and the PAN given).",
        "ID-04: IEC is the PAN since 2017 [S]; mismatches block IGST refunds (SB003) [C]";
    AD_CODE_FORMAT = "ad_code_format", Error,
        "AD code is 14 digits.",
        "ID-05: bank practice [S]";
    IFSC_FORMAT = "ifsc_format", Error,
        "IFSC is 4 letters, 0, then 6 letters or digits.",
        "ID-06: RBI IFSC layout [S]";
    INVOICE_NUMBER_FORMAT = "invoice_number_format", Error,
        "Invoice number: at most 16 characters, letters, digits, - and /; starts with a letter or digit other than 0.",
        "ID-07: Rule 46(b) CGST [C]; IRP schema [C]";
    ENDORSEMENT_MISMATCH = "endorsement_mismatch", Error,
        "The invoice's endorsement is the notified Rule 46 text for its tax treatment.",
        "ID-08: Rule 46 proviso, CGST Rules [C]";
    ENDORSEMENT_LEGACY = "endorsement_legacy", Warning,
        "The endorsement is a pre-amendment short form; print the notified text.",
        "ID-08: Rule 46 as amended [S]";
    LUT_PERIOD = "lut_period", Warning,
        "The LUT is dated within the invoice's financial year (April-March) and not after the invoice.",
        "ID-09: Rule 96A, LUT per financial year [C]/[S]";
    LUT_ARN_FORMAT = "lut_arn_format", Warning,
        "LUT ARN looks like AD + state code + 11 characters, with the GSTIN's state code.",
        "ID-09: observed ARN shape [U]";
    LUT_EXPORT_WINDOW = "lut_export_window", Warning,
        "Goods under LUT leave within 3 months of the invoice date, and not before it is issued.",
        "ID-10: Rule 96A(1)(a) [C]";
    IGST_AMOUNT_MISMATCH = "igst_amount_mismatch", Error,
        "The stated IGST amount equals the sum of each line's rate × its taxable value in INR (freight and insurance shared by value), or with one rate for all lines rate × invoice value (to the rupee).",
        "arithmetic; section 170 CGST rounding [C]";
    IGST_RATE_UNUSUAL = "igst_rate_unusual", Warning,
        "The IGST rate of the shipment and of each line is a GST slab in force on the invoice date (0, 0.1, 0.25, 1.5, 3, 5, 18, 40 from 22 Sep 2025; 6, 12 and 28 before).",
        "GST rate schedules; 56th GST Council, slabs from 22 Sep 2025 [S]";
    COUNTRY_CODE = "country_code", Error,
        "A country is an ISO 3166-1 alpha-2 code.",
        "ID-11: ISO 3166-1 [C]";
    DESTINATION_INDIA = "destination_india", Error,
        "The country of final destination of an export is not India.",
        "ID-11 [C]";
    DESTINATION_MISMATCH = "destination_mismatch", Warning,
        "The consignee's country equals the country of final destination.",
        "ID-11; postal practice [K]";
    CURRENCY_CODE = "currency_code", Error,
        "Invoice currency is an ISO 4217 code.",
        "ISO 4217 [C]";
    CURRENCY_NOT_NOTIFIED = "currency_not_notified", Warning,
        "The currency has a CBIC export exchange-rate notification; otherwise the rate is not a notified one.",
        "CBIC section 14 notifications [C]; consequence [K]";
    EXCHANGE_RATE = "exchange_rate", Error,
        "The exchange rate is positive and quoted per 1 or per 100 units as CBIC quotes that currency.",
        "CBIC Schedules I and II [C]";
    EXCHANGE_RATE_DATE = "exchange_rate_date", Warning,
        "The exchange rate is in force on the day the goods are handed over (not dated after it).",
        "ID-21: CBIC Customs Manual, postal exports [C]";
    HS_CODE_FORMAT = "hs_code_format", Error,
        "HS code is digits only (no dots or spaces), 4, 6 or 8 digits, not all zeros.",
        "ID-12: HS/ITC(HS); e-invoice HsnCd [C]";
    HS_CODE_LENGTH = "hs_code_length", Error,
        "HS code has the digits each document needs: 8 for the PBE; 6+ on CN22/CN23; 4/6 on a GST invoice by turnover.",
        "ID-12: DGFT PC 25/2000; India Post CN22; Notification 78/2020-CT [C]";
    UNIT_CODE = "unit_code", Error,
        "Unit is one of the 45 GST unit quantity codes (UQC).",
        "ID-13: GST UQC master [C]";
    PORT_CODE = "port_code", Error,
        "A port or FPO is a 6-character Indian customs location code (IN + 3 letters + type).",
        "Customs location codes, e-invoice port master [C]";
    PORT_UNKNOWN = "port_unknown", Warning,
        "The location code is well formed but not in niryat's table; check it on ICEGATE.",
        "e-invoice port master [C]; niryat's table is partial";
    FPO_CODE = "fpo_code", Error,
        "The Foreign Post Office code is a postal location (ends in 5).",
        "ID-21: Notification 31/2017-Customs (N.T.) [C]; code pattern [U]";
    INCOTERM = "incoterm", Error,
        "The delivery term is one of the eleven Incoterms 2020 rules.",
        "ID-15: ICC Incoterms 2020 [C]";
    INCOTERM_SEA_ONLY = "incoterm_sea_only", Warning,
        "FAS, FOB, CFR and CIF are for sea and inland waterway; use FCA, CPT, CIP for post and air.",
        "ID-15: ICC guidance [K]";
    CHARGES_FOR_TERM = "charges_for_term", Warning,
        "Freight (and insurance for CIF/CIP) is stated when the term includes them, so FOB can be derived; not charged under E and F terms.",
        "Export invoice practice [K]";
    TRACKING_NUMBER_FORMAT = "tracking_number_format", Error,
        "A postal tracking number is UPU S10: 2 letters, 8 digits, check digit, 2-letter country (IN).",
        "UPU S10 [S]";
    TRACKING_CHECK_DIGIT = "tracking_check_digit", Warning,
        "The S10 check digit (weights 8 6 4 2 3 5 9 7, mod 11) is right.",
        "UPU S10 [K]";
    TRACKING_DUPLICATE = "tracking_duplicate", Error,
        "Each postal article has its own tracking number.",
        "PBE column 15, one article per row [C]";
    LINE_AMOUNT = "line_amount_mismatch", Error,
        "A line's amount equals quantity × unit price rounded to the currency's minor unit.",
        "ID-14: arithmetic";
    INVOICE_TOTAL = "invoice_total_mismatch", Error,
        "The stated invoice total equals the lines plus freight and insurance; the stated INR value equals FOB × rate.",
        "ID-14, ID-21: arithmetic";
    QUANTITY = "quantity", Error,
        "Quantities, prices and weights are positive (prices may be zero for free samples).",
        "arithmetic";
    CN22_VALUE_LIMIT = "cn22_value_limit", Error,
        "A CN22 covers contents worth up to 300 SDR at the given SDR rate; above that, CN23.",
        "ID-17: UPU Convention; India Post CN22; DoP OM 71-13/2020-CF [C]";
    CN22_WEIGHT_LIMIT = "cn22_weight_limit", Error,
        "A CN22 is for letter-post items up to 2 kg; heavier items take a CN23.",
        "ID-17: UPU Convention [C]";
    CN22_FIT = "cn22_does_not_fit", Error,
        "The contents fit on the CN22 label (at most 4 lines, descriptions up to 60 characters); otherwise use a CN23.",
        "UPU CN22 layout [C]; niryat label size";
    GENERIC_DESCRIPTION = "generic_description", Error,
        "Descriptions on customs forms are specific (\"2 men's cotton shirts\"), not generic (\"gift\", \"clothes\", \"samples\").",
        "ID-18: UPU CN22/CN23 instructions [C]";
    POSTAL_WEIGHT_LIMIT = "postal_weight_limit", Error,
        "A postal article is within its product's weight limit (ITPS 2 kg; EMS and parcel limits are warnings).",
        "ID-19: India Post [S]";
    POSTAL_PRODUCT_WITHDRAWN = "postal_product_withdrawn", Error,
        "Registered small packets do not carry goods from 1 January 2026.",
        "ID-19: DoP rationalisation, 1 Jan 2026 [S]";
    GIFT_SAMPLE_VALUE = "gift_sample_value", Error,
        "Gifts by post without foreign exchange are at most ₹25,000; free samples at most ₹50,000.",
        "ID-23: CBIC Customs Manual, postal exports [C]";
    PERSONAL_CATEGORY = "personal_category", Warning,
        "A personal parcel is declared as a gift, documents, returned goods or other, not a sale or sample.",
        "Mumbai Customs APSO procedure [C]; category use [K]";
    PBE_ECOMMERCE = "pbe_ecommerce", Warning,
        "PBE-III rows carry the website, payment transaction id and SKU; the operator GSTIN only for an operator registered in India (TCS form).",
        "ID-20: PBE-III columns 11-14 [C]; operator GSTIN [K]";
    PACKAGE_NUMBERING = "package_numbering", Error,
        "Package numbers run 1, 2, 3 … without gaps or overlaps.",
        "ID-16: packing list practice; arithmetic";
    PACKAGE_WEIGHT = "package_weight", Error,
        "Each package's gross weight is at least its net weight, and both are above zero.",
        "ID-16: arithmetic";
    PACKAGE_LINE = "package_line", Error,
        "Package contents refer to invoice lines that exist (numbered from 1).",
        "ID-16: arithmetic";
    PACKED_QUANTITY = "packed_quantity_mismatch", Error,
        "For each invoice line, the quantities packed over all packages add up to the invoiced quantity.",
        "ID-16: arithmetic";
    NET_WEIGHT_TOTAL = "net_weight_mismatch", Error,
        "The lines' net weights add up to the packages' net weight (to 0.001 kg).",
        "ID-16: arithmetic; CN23 and PBE both carry weights [C]";
    DATE_ORDER = "date_order", Warning,
        "Goods are handed over on or after the invoice date (Rule 46: invoice before removal).",
        "Section 31 CGST Act [S]";
    EINVOICE_FIELD = "einvoice_field_format", Error,
        "A value does not fit the GST e-invoice field it fills (name and address lengths, 6-digit PIN, 4/6/8-digit HSN, GST unit code, port code, shipping bill number, number ranges).",
        "ID-24: NIC e-invoice schema 1.1 [C]";
    EINVOICE_DATE_RANGE = "einvoice_date_range", Warning,
        "An e-invoice date (written dd/mm/yyyy) lies outside the years 2010-2029 that the schema's date pattern admits.",
        "ID-25: NIC e-invoice schema 1.1 date pattern [C]; whether the IRP still applies it [U]";
    EINVOICE_LINE_COUNT = "einvoice_line_count", Error,
        "An e-invoice holds at most 1,000 item lines (freight and insurance under IGST count as one).",
        "IRP limit (5,000 only on request) [S]";
    EINVOICE_THRESHOLD = "einvoice_threshold", Warning,
        "E-invoicing is mandatory only above Rs 5 crore aggregate turnover; the exporter is not marked as above it.",
        "Notification 10/2023-CT [C]";
    ISSUES_TRUNCATED = "issues_truncated", Warning,
        "More than 100 issues of one code were found; the rest are counted, not listed.",
        "niryat limit";
    CN23_FOR_PARCEL = "cn23_for_parcel", Error,
        "A parcel or EMS item travels with a CN23 whatever its value; a CN22 is only for letter-post items (tracked packets, letters).",
        "DoP OM 71-13/2020-CF of 30.09.2020 [C]; EMS treated as parcel [S]";
    EU_STOP_WORD = "eu_stop_word", Warning,
        "A description is one of EU customs' stop words (\"clothes\", \"gifts\", \"parts\" …), too vague to clear; checked for every destination.",
        "EU ICS2 stop-words list (DG TAXUD, update of 4 May 2026) [S]; DoP office memorandum of March 2026 [S]";
    SCHEME_AD_CODE = "scheme_needs_ad_code", Error,
        "A line claims drawback, RoDTEP or RoSCTL on the Postal Bill of Export; the exporter's AD code must be given.",
        "Notification 07/2026-Customs (N.T.); Circular 01/2026-Customs [C]";
    ICEGATE_REGISTRATION = "icegate_registration", Warning,
        "A scheme claim on a postal export needs the exporter registered on ICEGATE (bank details matching the DNK portal): a warning when not stated, an error when stated as not registered.",
        "Circular 01/2026-Customs [C]";
    CUSTOMS_UNIT = "customs_unit", Warning,
        "Where the customs tariff counts a heading in another unit than the line's GST unit (silk fabric in metres, brassware in kg), the PBE's Unit column needs the customs unit and quantity.",
        "PBE col. 6; First Schedule to the Customs Tariff Act units [K]";
    GST_RATE_PIECE_VALUE = "gst_rate_piece_value", Warning,
        "Apparel and made-ups of chapters 61-63 above Rs 2,500 a piece (Rs 1,000 before 22 Sep 2025) are taxed at the higher rate (18 %, earlier 12 %), not the lower slab.",
        "IGST rate schedule, chapters 61-63 entries; 56th GST Council [S]";
    IRN_MISSING = "irn_missing", Error,
        "An exporter under e-invoicing (turnover above Rs 5 crore) has the invoice registered on the IRP: without an IRN the invoice is not a valid invoice (a warning in draft mode).",
        "Rule 48(4)-(5) CGST Rules [C]";
    IRN_FORMAT = "irn_format", Error,
        "The IRN is 64 hexadecimal characters, the acknowledgement number 1-20 digits, and the acknowledgement date not before the invoice date.",
        "IRP generate-IRN response (einv-apisandbox.nic.in) [C]";
    SIGNED_QR_FORMAT = "signed_qr_format", Error,
        "The signed QR code is the IRP's JWT: three base64url parts whose payload is JSON (decoded here, not verified: niryat ships no IRP public key).",
        "IRP generate-IRN response, SignedQRCode (RFC 7519 JWT) [C]";
    SIGNED_QR_MISMATCH = "signed_qr_mismatch", Error,
        "The signed QR code's payload names this invoice: same invoice number, date, seller GSTIN and IRN, the same total value (within a rupee) and number of lines.",
        "Rule 48(4) CGST Rules; IRP QR payload fields [C]";
    INVOICE_NUMBER_DUPLICATE = "invoice_number_duplicate", Error,
        "Across the files of a report, an invoice number is used once in a financial year (April to March); the message names both files.",
        "Rule 46(b) CGST Rules: a consecutive serial number unique for a financial year [C]";
    EXPORT_DECLARATION_PENDING = "export_declaration_pending", Warning,
        "A GSTR-1 export row lacks the shipping bill / PBE number, date or port code (known only after export): the row is reported with them empty, to be completed before filing.",
        "GSTR-1 Table 6A; IGST refund matching (SB001, SB005) [C]";
    GSTR1_NOT_REPORTABLE = "gstr1_not_reportable", Warning,
        "A shipment given to the GSTR-1 report is not an export of a GST-registered exporter (a personal parcel, an unregistered exporter, no tax treatment) and is left out.",
        "GSTR-1 Table 6A covers zero-rated exports of a registered person [C]";
    GSTR1_GSTIN_MISMATCH = "gstr1_gstin_mismatch", Error,
        "All shipments of one GSTR-1 report belong to one GSTIN (a return is filed per GSTIN).",
        "Section 37 CGST Act [C]";
    ORDER_REPORT_COLUMNS = "order_report_columns", Error,
        "A marketplace order report has the columns niryat maps (unknown, changed or missing columns are named).",
        "Amazon Seller Central order report fields; eBay Seller Hub orders report [S]";
    ORDER_REPORT_VALUE = "order_report_value", Error,
        "A value in a marketplace order report can be read (a number, a date, a known country).",
        "Amazon Seller Central order report fields; eBay Seller Hub orders report [S]";
    SKU_NOT_IN_CATALOGUE = "sku_not_in_catalogue", Warning,
        "An ordered SKU is in the exporter's SKU catalogue, which supplies what the order report cannot know (HS code, weight, GST rate).",
        "niryat import; PBE-III needs HS code and weights [C]";
    PROFORMA_VALIDITY = "proforma_validity", Error,
        "The proforma invoice's validity date (proforma.valid_until) is after its date.",
        "arithmetic (a date after a date); the proforma itself is customary, domain reference §3.5";
    CN22_TEXT_FIT = "cn22_text_does_not_fit", Error,
        "Texts printed in the CN22's signature block (signer's name, designation, exporter's name) and the explanation of the category \"other\" fit the one label: at most 120 characters each.",
        "niryat layout (the CN22 is one 6 x 8 inch label; layout torture, issue 15)";
    CN23_TEXT_FIT = "cn23_text_does_not_fit", Error,
        "Texts printed in the CN23's boxes fit the form (6 x 8 inch label or A4): names and the signer at most 50 characters, other lines (trade name, address line, references, e-mail, booking office, explanation, comments, licences, certificates, designation) 50, city, district and state 20, postal code, telephone and tax id 16, each line's description 80.",
        "niryat layout (the CN23's boxes and contents rows are of fixed size; layout torture, issue 15)";
    PBE_TEXT_FIT = "pbe_text_does_not_fit", Error,
        "Texts printed on the Postal Bill of Export fit its columns and boxes (A4 landscape, 34 columns a few letters wide): the CN23's limits where the CN23 prints the same text (names and the signatory 50 characters, address lines, business, booking office, designation and a scheme's end use 50, city, district, state and place 20, postal code, bill number, agent's licence and scheme codes 16, each line's description 80), the customs unit 8, the SKU 40, the website's URL 60 and the platform 30, the payment transaction id and the LUT's ARN or bond reference 30, the agent's address 150.",
        "PBE-III/IV forms substituted by Notification 07/2026-Customs (N.T.), in force from 15 January 2026 (Postal Export (Electronic Declaration and Processing) Regulations, 2022); niryat layout (one row of the bill per article's line; layout torture, issue 15)";
    TEXT_NOT_PRINTABLE = "text_not_printable", Error,
        "A text field holds a character that none of the bundled fonts (Noto Sans: Latin, Greek, Cyrillic; Noto Sans Devanagari) can draw, such as Arabic, Chinese or an emoji: printed, it would be an empty box. Checked whatever the documents asked for: each of them is printed, or (the e-invoice) is the data of a printed invoice.",
        "niryat printing: the fonts embedded in every PDF, their coverage read from the fonts (src/data/font_coverage.rs); printed values are never cut or lost (layout torture, issue 15); applies on any date";
    PBE_VALUE_FIT = "pbe_value_does_not_fit", Error,
        "Numbers printed on the Postal Bill of Export fit their columns in type no smaller than three quarters of the sheet's (3.6 pt): each line's quantity (col. 7), the total gross and net weights (9, 10), the total FOB (16), its amount in INR (19), the taxable value (23) and the IGST paid (29), the exchange rate (18). A number wider than its column is printed smaller down to that size; a row's figures are shares of the totals, so they fit when the totals do.",
        "PBE-III/IV forms substituted by Notification 07/2026-Customs (N.T.), in force from 15 January 2026; niryat layout (the PBE's column widths in pbe.typ; numbers have no break opportunities and ran over the next column before)";
}

/// The catalogue as Markdown: the text of `docs/rules.md`.
pub fn markdown() -> String {
    let mut out = String::from(
        "# Rules catalogue\n\nGenerated from `core/src/rules/catalogue.rs` by `niryat rules` (a test fails when this file drifts;\nregenerate with `cargo run -p niryat-cli -- rules > docs/rules.md`).\n\nEvery issue niryat reports carries one of these codes. Severity is the default: in draft mode\n`missing_field` is a warning, and a few rules lower their severity where the underlying fact is\nunconfirmed (noted in the source column). Confidence tags: [C] confirmed from a primary text,\n[S] secondary source, [K] common practice, [U] unconfirmed. Rules resting on [K] or [U] facts are\nwarnings; arithmetic consistency needs no source and is an error. Most rules apply to the\ndocuments asked for; the exporter's PAN, GSTIN, AD code, IFSC and branches are checked when a\ndocument that prints or files them is asked for, not for the CN22 or CN23 alone (they print the\nIEC, which is always checked).\n\nIn Hindi, with every message template in English and Hindi: `docs/rules.hi.md`\n(`niryat rules --lang en+hi`; `--lang hi` for Hindi only).\n\n| code | severity | checks | source |\n| --- | --- | --- | --- |\n",
    );
    for r in ALL {
        out.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            r.code,
            r.severity.as_str(),
            r.checks.replace('|', "\\|"),
            r.source.replace('|', "\\|")
        ));
    }
    out
}

impl Rule {
    /// What the rule checks, in `lang` (`en+hi`: `English / हिन्दी`).
    pub fn checks_in(&self, lang: Lang) -> String {
        let hi = super::catalogue_hi::checks_hi(self.code).unwrap_or(self.checks);
        match lang {
            Lang::En => self.checks.to_string(),
            Lang::Hi => hi.to_string(),
            Lang::EnHi => format!("{} / {hi}", self.checks),
        }
    }
}

fn severity_hi(s: Severity) -> &'static str {
    match s {
        Severity::Error => "त्रुटि",
        Severity::Warning => "चेतावनी",
    }
}

/// The catalogue as Markdown in `lang`: English is [`markdown`]; Hindi (or both) gives what
/// each rule checks in Hindi and then every message template of every code, so that the
/// Hindi a clerk reads can be reviewed in one place. Sources stay as cited.
pub fn markdown_in(lang: Lang) -> String {
    if lang == Lang::En {
        return markdown();
    }
    let cell = |v: &str| v.replace('|', "\\|");
    let mut out = String::from(
        "# नियम सूची (Rules catalogue)\n\n`core/src/rules/catalogue.rs` और `catalogue_hi.rs` से बनी (`niryat rules --lang hi`; दोनों भाषाएँ: `--lang en+hi`, जो `docs/rules.hi.md` है)।\nniryat की हर समस्या (issue) इनमें से किसी एक कोड के साथ आती है। गंभीरता डिफ़ॉल्ट है: ड्राफ़्ट मोड में\n`missing_field` चेतावनी होती है। निर्यातक के PAN, GSTIN, AD कोड, IFSC और शाखाओं की जाँच तभी होती है जब\nउन्हें छापने या दाखिल करने वाला कोई दस्तावेज़ माँगा गया हो, केवल CN22 या CN23 के लिए नहीं (वे IEC छापते हैं,\nजिसकी जाँच हमेशा होती है)। स्रोत अंग्रेज़ी में, जैसे उद्धृत हैं।\n\n",
    );
    if lang == Lang::EnHi {
        out.push_str(
            "| code | severity | checks | जाँच | source |\n| --- | --- | --- | --- | --- |\n",
        );
    } else {
        out.push_str("| कोड | गंभीरता | क्या जाँचता है | स्रोत |\n| --- | --- | --- | --- |\n");
    }
    for r in ALL {
        let hi = super::catalogue_hi::checks_hi(r.code).unwrap_or(r.checks);
        if lang == Lang::EnHi {
            out.push_str(&format!(
                "| `{}` | {} | {} | {} | {} |\n",
                r.code,
                r.severity.as_str(),
                cell(r.checks),
                cell(hi),
                cell(r.source)
            ));
        } else {
            out.push_str(&format!(
                "| `{}` | {} | {} | {} |\n",
                r.code,
                severity_hi(r.severity),
                cell(hi),
                cell(r.source)
            ));
        }
    }
    out.push_str(
        "\n## संदेश (messages)\n\nहर कोड के संदेश का साँचा; `{…}` में समस्या के params भरे जाते हैं।\n\n",
    );
    if lang == Lang::EnHi {
        out.push_str("| message | English | हिन्दी |\n| --- | --- | --- |\n");
    } else {
        out.push_str("| संदेश | हिन्दी |\n| --- | --- |\n");
    }
    for t in crate::messages::TEMPLATES {
        if lang == Lang::EnHi {
            out.push_str(&format!("| `{}` | {} | {} |\n", t.id(), cell(t.en), cell(t.hi)));
        } else {
            out.push_str(&format!("| `{}` | {} |\n", t.id(), cell(t.hi)));
        }
    }
    out
}
