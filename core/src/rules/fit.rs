//! Text that cannot fit a fixed form.
//!
//! Flowing documents (invoice, packing list, IEC sheet, CN23 and PBE with their continuation
//! sheets) wrap any text over as many lines and pages as it needs. The CN22 is one label of
//! fixed size: the layout torture (`core/tests/torture.rs`) found that a long sender name or
//! designation pushed the signature block onto a second page. Validation now says so before
//! rendering, at the field's path, with the limit.

use super::catalogue as c;
use super::ctx::Ctx;
use super::DocKind;

/// Most characters of each text printed in the CN22's signature block (the signer's name,
/// designation and the exporter's name) and of the explanation of the category "other".
/// The label has room for about three lines of each at its smallest type.
pub const CN22_MAX_SIGNATURE_TEXT: usize = 120;

/// Checks the texts of fixed forms asked for.
pub(crate) fn check(ctx: &mut Ctx<'_>) {
    if !ctx.wants(DocKind::Cn22) {
        return;
    }
    let s = ctx.s;
    let fields = [
        ("/signatory/name", s.signatory.as_ref().and_then(|x| x.name.as_deref())),
        ("/signatory/designation", s.signatory.as_ref().and_then(|x| x.designation.as_deref())),
        ("/exporter/legal_name", s.exporter.as_ref().and_then(|e| e.legal_name.as_deref())),
        ("/postal/explanation", s.postal.as_ref().and_then(|p| p.explanation.as_deref())),
    ];
    for (path, text) in fields {
        let n = text.map_or(0, |t| t.chars().count());
        if n > CN22_MAX_SIGNATURE_TEXT {
            ctx.push(c::CN22_TEXT_FIT, path, "")
                .set("chars", n)
                .set("max", CN22_MAX_SIGNATURE_TEXT);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{parse_json, validate, DocKind, Mode};

    fn gift_with(path: &str, len: usize) -> Vec<(String, String)> {
        let mut v: serde_json::Value =
            serde_json::from_str(include_str!("../../../examples/personal-gift.json"))
                .unwrap_or_default();
        let (parent, key) = path.rsplit_once('/').unwrap_or(("", path));
        if let Some(obj) = v.pointer_mut(parent).and_then(|p| p.as_object_mut()) {
            obj.insert(key.to_string(), serde_json::json!("W".repeat(len)));
        }
        let Ok(s) = parse_json(v.to_string().as_bytes()) else { return Vec::new() };
        validate(&s, &[DocKind::Cn22], Mode::Strict)
            .errors()
            .map(|i| (i.code.to_string(), i.path.clone()))
            .collect()
    }

    #[test]
    fn a_long_signer_does_not_fit_the_cn22() {
        let at_limit = gift_with("/exporter/legal_name", super::CN22_MAX_SIGNATURE_TEXT);
        assert!(at_limit.is_empty(), "{at_limit:?}");
        let over = gift_with("/exporter/legal_name", super::CN22_MAX_SIGNATURE_TEXT + 1);
        assert_eq!(
            over,
            [("cn22_text_does_not_fit".to_string(), "/exporter/legal_name".to_string())]
        );
    }
}
