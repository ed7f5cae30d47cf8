//! One validation result for every front end: the command line's JSON, Python, JavaScript
//! and the service all answer `{valid, documents, issues}`, and every issue names the
//! documents it keeps from being made, so a form knows which buttons to enable from one call.

use crate::issue::{Issue, Severity};
use crate::model::Shipment;
use crate::rules::catalogue::{IRN_MISSING, MISSING_FIELD};
use crate::rules::{validate, Mode};
use crate::DocKind;
use serde::Serialize;

/// The answer to "is this shipment ready for these documents?".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Validation {
    /// True when no issue is an error in the mode asked for (in draft mode a missing field is
    /// a warning, so a half-filled form can be valid and still block documents).
    pub valid: bool,
    /// The documents checked: those asked for, or else those the shipment calls for.
    pub documents: Vec<DocKind>,
    /// Every issue, errors and warnings, in the rules' stable order.
    pub issues: Vec<BlockingIssue>,
}

/// An issue and the documents it blocks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct BlockingIssue {
    /// The issue: code, path, severity, message, params.
    #[serde(flatten)]
    pub issue: Issue,
    /// The documents (of [`Validation::documents`]) that cannot be made while this issue
    /// stands: those whose own strict check — the one rendering runs — reports it as an error.
    /// Empty for a warning that blocks nothing.
    pub blocks: Vec<DocKind>,
}

impl Validation {
    /// The documents no issue blocks: ready to render.
    pub fn ready(&self) -> Vec<DocKind> {
        self.documents
            .iter()
            .copied()
            .filter(|k| !self.issues.iter().any(|i| i.blocks.contains(k)))
            .collect()
    }

    /// The issues without the documents they block (what [`validate`] answers).
    pub fn plain_issues(&self) -> Vec<Issue> {
        self.issues.iter().map(|i| i.issue.clone()).collect()
    }
}

/// The codes whose issues are warnings in [`Mode::Draft`] and errors in [`Mode::Strict`]
/// (things still to fill in); every other code has the same severity in both modes
/// (`core/tests/validation.rs` checks this over every fixture case).
pub const DRAFT_WARNINGS: [&str; 2] = [MISSING_FIELD.code, IRN_MISSING.code];

/// Checks `shipment` for `documents` (by default, those it calls for) in `mode`, and works out
/// which documents each issue blocks by running, for each document, the strict check that
/// rendering it would run. The issues are exactly those of [`validate`] for the same documents
/// and mode.
pub fn check(shipment: &Shipment, documents: Option<&[DocKind]>, mode: Mode) -> Validation {
    let documents = match documents {
        Some(d) => d.to_vec(),
        None => DocKind::for_shipment(shipment),
    };
    let report = validate(shipment, &documents, mode);
    let valid = !report.has_errors();
    // An issue blocks a document when that document's own strict check has it as an error.
    // Severities do not depend on the documents asked for, only on the mode for the codes of
    // `DRAFT_WARNINGS`, so with no error and none of those nothing can block and the
    // per-document checks are skipped; one document checked strictly is its own check.
    let can_block = report.issues.iter().any(|i| {
        i.severity == Severity::Error || (mode == Mode::Draft && DRAFT_WARNINGS.contains(&i.code))
    });
    let refusals: Vec<(DocKind, Vec<(&'static str, String)>)> = if !can_block {
        Vec::new()
    } else if mode == Mode::Strict && documents.len() == 1 {
        let errors = report
            .issues
            .iter()
            .filter(|i| i.severity == Severity::Error)
            .map(|i| (i.code, i.path.clone()))
            .collect();
        documents.first().map(|&k| (k, errors)).into_iter().collect()
    } else {
        documents
            .iter()
            .map(|&k| {
                let own = validate(shipment, &[k], Mode::Strict);
                let errors = own
                    .issues
                    .into_iter()
                    .filter(|i| i.severity == Severity::Error)
                    .map(|i| (i.code, i.path))
                    .collect();
                (k, errors)
            })
            .collect()
    };
    let issues = report
        .issues
        .into_iter()
        .map(|issue| {
            let blocks = refusals
                .iter()
                .filter(|(_, errors)| {
                    errors.iter().any(|(code, path)| *code == issue.code && *path == issue.path)
                })
                .map(|(k, _)| *k)
                .collect();
            BlockingIssue { issue, blocks }
        })
        .collect();
    Validation { valid, documents, issues }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(json: &str) -> Shipment {
        crate::parse_json(json.as_bytes()).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn an_empty_shipment_is_invalid_and_blocks_what_it_is_checked_for() {
        let s = parse("{}");
        let v = check(&s, Some(&[DocKind::Cn22, DocKind::PackingList]), Mode::Strict);
        assert!(!v.valid);
        assert_eq!(v.documents, vec![DocKind::Cn22, DocKind::PackingList]);
        assert!(v.ready().is_empty());
        let plain = validate(&s, &v.documents, Mode::Strict).issues;
        assert_eq!(v.plain_issues(), plain);
        // Every error blocks at least one document it was checked for, and nothing else.
        for i in &v.issues {
            if i.issue.severity == Severity::Error {
                assert!(
                    !i.blocks.is_empty(),
                    "{} at {} blocks nothing",
                    i.issue.code,
                    i.issue.path
                );
            }
            assert!(i.blocks.iter().all(|k| v.documents.contains(k)));
        }
    }

    #[test]
    fn a_wrong_gstin_blocks_the_documents_that_print_it_not_the_postal_label() {
        let mut s = parse(include_str!("../../examples/varanasi-silk-amazon.json"));
        let e = s.exporter.as_mut().unwrap_or_else(|| unreachable!());
        let good = e.gstin.clone().unwrap_or_default();
        // The same GSTIN with another check character.
        let last = if good.ends_with('A') { 'B' } else { 'A' };
        e.gstin = Some(format!("{}{last}", &good[..14]));
        let asked = [DocKind::CommercialInvoice, DocKind::Cn23, DocKind::Pbe];
        let v = check(&s, Some(&asked), Mode::Strict);
        let blocks: Vec<_> = v.issues.iter().map(|i| (i.issue.code, i.blocks.clone())).collect();
        assert_eq!(
            blocks,
            [("gstin_checksum", vec![DocKind::CommercialInvoice, DocKind::Pbe])],
            "the CN23 prints the IEC, not the GSTIN"
        );
        assert_eq!(v.ready(), [DocKind::Cn23]);
        // Asked for the CN23 alone, the GSTIN is not its business; the IEC it prints still is.
        assert!(validate(&s, &[DocKind::Cn23], Mode::Strict).issues.is_empty());
        s.exporter.as_mut().unwrap_or_else(|| unreachable!()).iec = Some("AAK".into());
        let codes: Vec<_> = validate(&s, &[DocKind::Cn23], Mode::Strict)
            .issues
            .into_iter()
            .map(|i| (i.code, i.path))
            .collect();
        assert_eq!(codes, [("iec_format", "/exporter/iec".to_string())]);
    }

    #[test]
    fn in_draft_a_missing_field_is_a_warning_that_still_blocks() {
        let s = parse("{}");
        let v = check(&s, Some(&[DocKind::Cn22]), Mode::Draft);
        assert!(v.valid, "draft mode has no errors for an empty form");
        assert!(v
            .issues
            .iter()
            .any(|i| i.issue.severity == Severity::Warning && i.blocks == vec![DocKind::Cn22]));
        assert!(v.ready().is_empty());
    }
}
