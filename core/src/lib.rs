//! niryat (निर्यात, "export"): Indian export documents from one shipment description.
//!
//! Data flows one way: [`model`] (serde types) → [`validate`] (rules, issues with
//! JSON Pointer paths) → [`Validated`] → views → renderers. Nothing here reads the
//! operating system: templates and fonts are embedded and the clock is an input.
//!
//! ```
//! let json = br#"{"purpose": "personal"}"#;
//! let shipment = niryat::parse_json(json).unwrap();
//! let report = niryat::validate(&shipment, &[niryat::DocKind::Cn22], niryat::Mode::Draft);
//! assert!(!report.has_errors());
//! ```

pub mod calc;
pub mod data;
mod error;
pub mod i18n;
mod input;
pub mod irp;
pub mod issue;
pub mod kind;
pub mod messages;
pub mod model;
pub mod money;
pub mod names;
pub mod orders;
pub mod pointer;
pub mod render;
pub mod report;
pub mod rules;
mod schema;
pub mod validation;
pub mod views;

pub use error::{Error, MalformedInput};
pub use input::{parse_json, parse_json_as, parse_value, Limits, LIMITS};
pub use issue::{Issue, Report, Severity};
pub use kind::{DocKind, Targets};
pub use model::Shipment;
pub use rules::{validate, Mode, Validated};
pub use schema::shipment_schema;
pub use validation::{check, BlockingIssue, Validation};
