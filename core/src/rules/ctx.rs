//! The validation context: the shipment, what is asked for, and the issues found so far.

use super::catalogue::{self, Rule};
use super::{DocKind, Mode, Targets};
use crate::issue::{Issue, Severity};
use crate::model::Shipment;
use rust_decimal::Decimal;
use std::cell::OnceCell;
use std::collections::BTreeMap;

/// Where a missing field's parent object is: a path, or a list element whose path is only
/// written out if something is missing (this runs for every line).
#[derive(Clone, Copy)]
pub(crate) enum Parent<'p> {
    /// A JSON Pointer.
    At(&'p str),
    /// Element `.1` of the list at `.0` (`"/items"`, 3 → `/items/3`).
    Index(&'static str, usize),
}

impl Parent<'_> {
    fn pointer(self) -> String {
        match self {
            Parent::At(p) => p.to_string(),
            Parent::Index(list, i) => format!("{list}/{i}"),
        }
    }
}

impl<'p> From<&'p str> for Parent<'p> {
    fn from(p: &'p str) -> Self {
        Parent::At(p)
    }
}

impl<'p> From<&'p String> for Parent<'p> {
    fn from(p: &'p String) -> Self {
        Parent::At(p)
    }
}

/// Trims only when there is something to trim (most values have no surrounding space).
fn trimmed(v: &str) -> &str {
    let b = v.as_bytes();
    match (b.first(), b.last()) {
        (Some(f), Some(l))
            if !f.is_ascii_whitespace()
                && !l.is_ascii_whitespace()
                && f.is_ascii()
                && l.is_ascii() =>
        {
            v
        }
        _ => v.trim(),
    }
}

/// Most issues of one code listed in a report.
pub(crate) const MAX_PER_CODE: usize = 100;

pub(crate) struct Ctx<'a> {
    pub s: &'a Shipment,
    pub targets: Targets,
    pub mode: Mode,
    issues: Vec<Issue>,
    /// The lines' taxable values in INR, worked out at most once per check: the money rules
    /// and the PBE's column widths both need them.
    taxable: OnceCell<Option<Vec<Decimal>>>,
}

impl<'a> Ctx<'a> {
    pub fn new(s: &'a Shipment, targets: Targets, mode: Mode) -> Self {
        Ctx { s, targets, mode, issues: Vec::new(), taxable: OnceCell::new() }
    }

    /// Each line's taxable value in INR ([`crate::calc::taxable_values_inr`]), computed on
    /// first use.
    pub fn taxable_values_inr(&self) -> Option<&[Decimal]> {
        self.taxable.get_or_init(|| crate::calc::taxable_values_inr(self.s)).as_deref()
    }

    /// Whether `kind` was asked for.
    pub fn wants(&self, kind: DocKind) -> bool {
        self.targets.has(kind)
    }

    /// Whether any of `kinds` was asked for.
    pub fn wants_any(&self, kinds: &[DocKind]) -> bool {
        kinds.iter().any(|k| self.targets.has(*k))
    }

    /// Records an issue of `rule` at `path`, with the message template `variant` of its
    /// code (`""` for the code's main message); set the template's params on the result.
    pub fn push(
        &mut self,
        rule: Rule,
        path: impl Into<String>,
        variant: &'static str,
    ) -> &mut Issue {
        self.push_with(rule, rule.severity, path, variant)
    }

    /// Records an issue of `rule` at a chosen severity (for rules whose severity
    /// depends on the confidence of the underlying fact).
    pub fn push_with(
        &mut self,
        rule: Rule,
        severity: Severity,
        path: impl Into<String>,
        variant: &'static str,
    ) -> &mut Issue {
        self.issues.push(Issue {
            code: rule.code,
            path: path.into(),
            severity,
            message: String::new(),
            params: BTreeMap::new(),
            variant,
        });
        let last = self.issues.len() - 1;
        &mut self.issues[last]
    }

    /// Records that `field` of the object at `parent` is missing, for the documents in `need`;
    /// `why` is a phrase key (see `messages`) saying what is needed.
    pub fn missing<'p>(
        &mut self,
        parent: impl Into<Parent<'p>>,
        field: &str,
        need: Targets,
        why: Option<&'static str>,
    ) {
        let parent = parent.into().pointer();
        let sev = match self.mode {
            Mode::Strict => Severity::Error,
            Mode::Draft => Severity::Warning,
        };
        let variant = if why.is_some() { "why" } else { "" };
        let issue = self.push_with(catalogue::MISSING_FIELD, sev, parent, variant);
        issue.set("field", field).set("for", need.names());
        if let Some(why) = why {
            issue.set("why", why);
        }
    }

    /// Requires a text field; returns it trimmed when present.
    pub fn text<'v, 'p>(
        &mut self,
        parent: impl Into<Parent<'p>>,
        field: &str,
        value: Option<&'v String>,
        need: Targets,
    ) -> Option<&'v str> {
        match value.map(|v| trimmed(v)).filter(|v| !v.is_empty()) {
            Some(v) => Some(v),
            None => {
                if !need.is_empty() {
                    self.missing(parent, field, need, None);
                }
                None
            }
        }
    }

    /// Requires any present value.
    pub fn some<'v, 'p, T>(
        &mut self,
        parent: impl Into<Parent<'p>>,
        field: &str,
        value: Option<&'v T>,
        need: Targets,
    ) -> Option<&'v T> {
        if value.is_none() && !need.is_empty() {
            self.missing(parent, field, need, None);
        }
        value
    }

    /// The targets among `kinds` that were asked for.
    pub fn need(&self, kinds: &[DocKind]) -> Targets {
        self.targets.and(Targets::of(kinds))
    }

    /// The issues, with at most [`MAX_PER_CODE`] of any one code; the rest of a code are
    /// counted in one `issues_truncated` warning, so hostile input cannot make a report of
    /// millions of lines.
    pub fn finish(self) -> Vec<Issue> {
        let mut seen: Vec<(&'static str, usize)> = Vec::new();
        let mut kept = Vec::with_capacity(self.issues.len().min(4 * MAX_PER_CODE));
        for issue in self.issues {
            let n = match seen.iter_mut().find(|(c, _)| *c == issue.code) {
                Some(e) => {
                    e.1 += 1;
                    e.1
                }
                None => {
                    seen.push((issue.code, 1));
                    1
                }
            };
            if n <= MAX_PER_CODE {
                kept.push(issue);
            }
        }
        for (code, n) in seen {
            if n > MAX_PER_CODE {
                let omitted = n - MAX_PER_CODE;
                let mut params = BTreeMap::new();
                params.insert("code", code.to_string());
                params.insert("omitted", omitted.to_string());
                kept.push(Issue {
                    code: catalogue::ISSUES_TRUNCATED.code,
                    path: String::new(),
                    severity: catalogue::ISSUES_TRUNCATED.severity,
                    message: String::new(),
                    params,
                    variant: "",
                });
            }
        }
        // Messages are rendered once, for the issues kept: English (see `Report::in_lang`).
        for issue in &mut kept {
            issue.message = crate::messages::render(issue, crate::render::Lang::En);
        }
        kept
    }
}
