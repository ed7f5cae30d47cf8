//! The error type of every fallible operation, with a stable code per variant.

use crate::issue::Issue;

/// Input that is not a shipment: wrong types, unknown fields, bad JSON, limits exceeded.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct MalformedInput {
    /// JSON Pointer to the offending value (`""` for the document itself).
    pub path: String,
    /// What is wrong, in English.
    pub message: String,
    /// Line in the input text, when known (1-based).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Column in the input text, when known (1-based).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

impl std::fmt::Display for MalformedInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = if self.path.is_empty() { "(document)" } else { &self.path };
        write!(f, "{path}: {}", self.message)?;
        if let (Some(l), Some(c)) = (self.line, self.column) {
            write!(f, " (line {l}, column {c})")?;
        }
        Ok(())
    }
}

/// Everything that can go wrong in niryat.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input is not a shipment.
    #[error("malformed input at {0}")]
    Malformed(MalformedInput),
    /// The shipment has errors for the documents asked for; the issues say which.
    #[error("the shipment has {} error(s) for the documents asked for; first: {}", count_errors(.0), first_error(.0))]
    Invalid(Vec<Issue>),
    /// A document kind or format niryat does not make.
    #[error("{0}")]
    Unsupported(String),
    /// The renderer failed (a bug in a template or the engine, never the input's fault).
    #[error("rendering failed: {0}")]
    Render(String),
}

fn count_errors(issues: &[Issue]) -> usize {
    issues.iter().filter(|i| i.severity == crate::Severity::Error).count()
}

fn first_error(issues: &[Issue]) -> String {
    issues
        .iter()
        .find(|i| i.severity == crate::Severity::Error)
        .map(|i| {
            format!(
                "{} at {}: {}",
                i.code,
                if i.path.is_empty() { "/" } else { &i.path },
                i.message
            )
        })
        .unwrap_or_default()
}

impl Error {
    /// Stable snake_case code for the kind of error.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Malformed(_) => "malformed_input",
            Error::Invalid(_) => "invalid_shipment",
            Error::Unsupported(_) => "unsupported",
            Error::Render(_) => "render_failed",
        }
    }

    /// The issues, for [`Error::Invalid`].
    pub fn issues(&self) -> &[Issue] {
        match self {
            Error::Invalid(issues) => issues,
            _ => &[],
        }
    }
}

impl From<MalformedInput> for Error {
    fn from(m: MalformedInput) -> Self {
        Error::Malformed(m)
    }
}
