//! Issues are data: a stable code, a JSON Pointer into the input, a severity, a message.

use serde::Serialize;
use std::collections::BTreeMap;

/// How serious an issue is. Warnings never block rendering.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The document would be refused or wrong: rendering is blocked.
    Error,
    /// Worth a look; the document can still be made.
    Warning,
}

impl Severity {
    /// `"error"` or `"warning"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One finding about a shipment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Issue {
    /// Stable snake_case code (see `docs/rules.md`); never renamed.
    pub code: &'static str,
    /// RFC 6901 JSON Pointer into the input; it always resolves. For a missing field it
    /// points at the nearest object that exists and `params.field` names the field.
    pub path: String,
    /// Error or warning.
    pub severity: Severity,
    /// An English sentence a clerk can act on.
    pub message: String,
    /// Context values (the field that is missing, the expected value …).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<&'static str, String>,
}

impl Issue {
    /// Adds a context value.
    pub fn with(mut self, key: &'static str, value: impl Into<String>) -> Self {
        self.params.insert(key, value.into());
        self
    }
}

/// Every issue found in one validation, in a stable order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Report {
    /// The issues, errors and warnings together.
    pub issues: Vec<Issue>,
}

impl Report {
    /// True when at least one issue is an error.
    pub fn has_errors(&self) -> bool {
        self.issues.iter().any(|i| i.severity == Severity::Error)
    }

    /// The errors.
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.severity == Severity::Error)
    }

    /// The warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.severity == Severity::Warning)
    }

    /// True when no issue at all was found.
    pub fn is_clean(&self) -> bool {
        self.issues.is_empty()
    }
}
