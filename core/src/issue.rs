//! Issues are data: a stable code, a JSON Pointer into the input, a severity, a message.
//!
//! The message is rendered from the code's template (see [`crate::messages`]) with the
//! issue's params: English in [`Issue::message`], any language with [`Report::in_lang`].

use crate::render::Lang;
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
    /// A sentence a clerk can act on: English unless the report was made with
    /// [`Report::in_lang`].
    pub message: String,
    /// Context values (the field that is missing, the expected value …): every
    /// placeholder of the message template is one of them.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<&'static str, String>,
    /// Which of the code's message templates the message comes from (empty: the code's
    /// main one). Not serialized: the code and params say the same to a machine.
    #[serde(skip)]
    #[schemars(skip)]
    pub variant: &'static str,
}

impl Issue {
    /// Adds a context value.
    pub fn with(mut self, key: &'static str, value: impl Into<String>) -> Self {
        self.params.insert(key, value.into());
        self
    }

    /// Sets a context value in place (for chaining after `Ctx::push`).
    pub fn set(&mut self, key: &'static str, value: impl ToString) -> &mut Issue {
        self.params.insert(key, value.to_string());
        self
    }

    /// The message in `lang`, rendered from the code's template and the params.
    pub fn message_in(&self, lang: Lang) -> String {
        crate::messages::render(self, lang)
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

    /// The same report with every message in `lang` (`en`, `hi`, or `en+hi` for
    /// `English / हिन्दी`). Codes, paths, severities and params do not change. This is the
    /// one call the CLI, Python and WASM make for a language.
    pub fn in_lang(&self, lang: Lang) -> Report {
        let issues = self
            .issues
            .iter()
            .map(|i| Issue { message: i.message_in(lang), ..i.clone() })
            .collect();
        Report { issues }
    }

    /// True when no issue at all was found.
    pub fn is_clean(&self) -> bool {
        self.issues.is_empty()
    }
}
