//! RFC 9457 problem details (`application/problem+json`) carrying niryat's issues.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use niryat::{Issue, MalformedInput, Severity};
use serde::Serialize;
use std::collections::BTreeMap;

/// The media type of every error answer.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// An error answer: what went wrong, with a stable code and, for a shipment, every issue.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem: `urn:niryat:problem:` and the code.
    #[serde(rename = "type")]
    pub kind: String,
    /// A short, fixed summary of the kind of problem.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong this time, in English.
    pub detail: String,
    /// Stable snake_case code (`malformed_input`, `invalid_shipment`, `payload_too_large` …).
    pub code: String,
    /// niryat's issues (code, JSON Pointer path, severity, message); empty for problems that
    /// are not about the shipment's content.
    #[schema(value_type = Vec<crate::openapi::IssueDoc>)]
    pub issues: Vec<Issue>,
}

impl Problem {
    /// A problem with no issues.
    pub fn new(status: StatusCode, code: &str, detail: impl Into<String>) -> Problem {
        Problem {
            kind: format!("urn:niryat:problem:{code}"),
            title: status.canonical_reason().unwrap_or("Error").to_string(),
            status: status.as_u16(),
            detail: detail.into(),
            code: code.to_string(),
            issues: Vec::new(),
        }
    }

    /// Adds issues.
    pub fn with_issues(mut self, issues: Vec<Issue>) -> Problem {
        self.issues = issues;
        self
    }

    /// Input that is not a shipment: one issue at the path of the bad value.
    pub fn malformed(m: MalformedInput) -> Problem {
        Problem::malformed_body(m, "a shipment")
    }

    /// A body that is not `what` (`a shipment`, `a report request` …): one issue at the path
    /// of the bad value.
    pub fn malformed_body(m: MalformedInput, what: &str) -> Problem {
        let mut params = BTreeMap::new();
        if let (Some(l), Some(c)) = (m.line, m.column) {
            params.insert("line", l.to_string());
            params.insert("column", c.to_string());
        }
        let detail = format!("the body is not {what}: {m}");
        let issue = Issue {
            code: "malformed_input",
            path: m.path,
            severity: Severity::Error,
            message: m.message,
            params,
            variant: "",
        };
        Problem::new(StatusCode::BAD_REQUEST, "malformed_input", detail).with_issues(vec![issue])
    }

    /// A parameter with a value niryat does not know.
    pub fn bad_parameter(detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::BAD_REQUEST, "invalid_parameter", detail)
    }

    /// The library's error, with the status it calls for.
    pub fn from_error(e: niryat::Error) -> Problem {
        match e {
            niryat::Error::Malformed(m) => Problem::malformed(m),
            niryat::Error::Invalid(issues) => {
                let detail = niryat::Error::Invalid(issues.clone()).to_string();
                Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_shipment", detail)
                    .with_issues(issues)
            }
            niryat::Error::Unsupported(m) => {
                Problem::new(StatusCode::BAD_REQUEST, "unsupported", m)
            }
            niryat::Error::Render(m) => {
                tracing::error!(error = %m, "rendering failed");
                Problem::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "render_failed",
                    format!("rendering failed: {m}"),
                )
            }
        }
    }

    /// A failure of the server itself (a panic, a lost worker).
    pub fn internal(detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::INTERNAL_SERVER_ERROR, "internal_error", detail)
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_vec(&self).unwrap_or_default();
        let mut res = (status, body).into_response();
        res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        if status == StatusCode::UNAUTHORIZED {
            res.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        res
    }
}
