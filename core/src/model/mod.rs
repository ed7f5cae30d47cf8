//! The shipment model: serde types only, one consignment described once.
//!
//! Every document niryat makes is a view of a [`Shipment`]. Almost every field is
//! optional at the serde level so that a half-filled form still parses: whether a
//! field is *required* depends on the documents wanted, and that is decided by
//! [`crate::validate`], which reports a missing field as an issue with a path
//! instead of failing to parse.
//!
//! Wire format: JSON with snake_case keys. Decimal values (money, quantities,
//! weights, rates) are accepted as JSON numbers or strings and are always written
//! back as strings, so no binary float ever touches an amount.

pub(crate) mod date;
mod decimal;
mod parties;
mod reports;
mod shipment;

pub use decimal::{DateRepr, DecimalRepr};
pub use parties::*;
pub use reports::*;
pub use shipment::*;
