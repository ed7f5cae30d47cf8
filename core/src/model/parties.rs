//! People and places: the exporter profile ("IEC details"), consignee, buyer, addresses.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A postal address. Indian addresses add `state_code` (GST state code, e.g. `09`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Address {
    /// First address line (house, street).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line1: Option<String>,
    /// Second address line (locality, landmark).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line2: Option<String>,
    /// City, town or village.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// District (useful for Indian addresses; printed when given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    /// State, province or region name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// GST state code for Indian addresses (`09` for Uttar Pradesh).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state_code: Option<String>,
    /// PIN or postcode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// ISO 3166-1 alpha-2 country code (`IN`, `US`, `GB`, `DE`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// Kind of legal entity holding the IEC; printed on the IEC details sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// Sole proprietorship (an individual artisan).
    SoleProprietor,
    /// Partnership firm.
    Partnership,
    /// Limited liability partnership.
    Llp,
    /// Private or public limited company.
    Company,
    /// Self-help group.
    SelfHelpGroup,
    /// Registered society.
    Society,
    /// Trust.
    Trust,
    /// Hindu undivided family.
    Huf,
    /// Government department or agency.
    Government,
    /// Anything else.
    Other,
}

/// A bank account used for export proceeds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct BankAccount {
    /// Bank name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bank_name: Option<String>,
    /// Branch name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub branch: Option<String>,
    /// Account number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_number: Option<String>,
    /// IFSC of the branch (`SBIN0001234`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ifsc: Option<String>,
    /// SWIFT/BIC for foreign remittances.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub swift: Option<String>,
}

/// Registration-cum-Membership Certificate from an export promotion council.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Rcmc {
    /// Certificate number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Issuing council (EPCH, FIEO, AEPC …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub council: Option<String>,
    /// Last day of validity.
    #[serde(
        default,
        deserialize_with = "super::date::optional",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<super::DateRepr>")]
    pub valid_until: Option<jiff::civil::Date>,
}

/// A branch of the exporter (IEC details list them).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Branch {
    /// Branch name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Branch GSTIN, when registered separately.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gstin: Option<String>,
    /// Branch address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
}

/// The exporter profile: everything the "IEC details" sheet and the document headers need.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Exporter {
    /// Legal name as registered with DGFT / GST.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legal_name: Option<String>,
    /// Trade name, when different from the legal name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trade_name: Option<String>,
    /// Kind of entity.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<EntityKind>,
    /// Importer-Exporter Code: the PAN, a permanent IEC, or a legacy 10-digit number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iec: Option<String>,
    /// Date the IEC was issued.
    #[serde(
        default,
        deserialize_with = "super::date::optional",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<super::DateRepr>")]
    pub iec_issued_on: Option<jiff::civil::Date>,
    /// PAN of the entity.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pan: Option<String>,
    /// GSTIN, when registered under GST.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gstin: Option<String>,
    /// Whether aggregate turnover in the preceding financial year exceeded ₹5 crore
    /// (decides 4- or 6-digit HSN on the GST invoice and e-invoice applicability).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub turnover_above_5_crore: Option<bool>,
    /// Registered address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    /// Telephone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// E-mail.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Authorised Dealer code (14 digits) from the exporter's bank.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ad_code: Option<String>,
    /// Bank account for export proceeds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bank: Option<BankAccount>,
    /// Export promotion council membership.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rcmc: Option<Rcmc>,
    /// Branches.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub branches: Vec<Branch>,
    /// Whether the exporter is registered on ICEGATE with bank details matching the DNK
    /// portal: drawback, RoDTEP and RoSCTL on postal exports are paid only then
    /// (Circular 01/2026-Customs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub icegate_registered: Option<bool>,
}

/// A party abroad: consignee or buyer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Party {
    /// Person's or business's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Business name, when the name above is a person's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub business: Option<String>,
    /// Address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    /// Telephone (India Post asks for the addressee's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// E-mail.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Importer reference: tax code, VAT number or importer code (CN23).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tax_id: Option<String>,
}

/// The person who signs the documents.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Signatory {
    /// Name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Designation (Proprietor, Partner, Director, Secretary of the SHG …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub designation: Option<String>,
    /// Place of signing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
}
