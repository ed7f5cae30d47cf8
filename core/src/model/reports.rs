//! What happens to an invoice after the counter: the proforma's terms and the export
//! proceeds realised against it (e-BRC / FIRC).

use super::DecimalRepr;
use jiff::civil::Date;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Particulars of a proforma invoice (no statutory form; domain reference §3.5).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Proforma {
    /// Last day the quotation is valid.
    #[serde(
        default,
        deserialize_with = "super::date::optional",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<super::DateRepr>")]
    pub valid_until: Option<Date>,
    /// Samples or gifts: the proforma states "no commercial value, no foreign exchange involved".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub no_commercial_value: Option<bool>,
}

/// The kind of document that proves export proceeds were received.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RealisationKind {
    /// Electronic Bank Realisation Certificate (DGFT e-BRC).
    Ebrc,
    /// Foreign Inward Remittance Certificate issued by the bank.
    Firc,
}

/// One receipt of export proceeds against the invoice.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Realisation {
    /// e-BRC or FIRC.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<RealisationKind>,
    /// Certificate number as the bank or DGFT gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Date the proceeds were realised (or the certificate's date).
    #[serde(
        default,
        deserialize_with = "super::date::optional",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<super::DateRepr>")]
    pub date: Option<Date>,
    /// Amount realised, in the invoice currency.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<DecimalRepr>")]
    pub amount: Option<Decimal>,
}
