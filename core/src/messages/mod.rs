//! Issue messages: one English and one Hindi template for every message a rule can give,
//! with named parameters filled from [`Issue::params`].
//!
//! A check records a code, a path and parameters; it never composes a sentence. The
//! message is rendered here, from the template of the issue's code (and variant, for codes
//! that say different things in different situations), in the language asked for:
//! [`Issue::message`] is English, [`crate::Report::in_lang`] gives a report in Hindi.
//!
//! A placeholder is `{name}` or `{name:format}`; `name` is a key of the issue's params.
//! Formats turn a language-neutral value into words of the language:
//! * `q`: a user's value, quoted and cut to 40 characters (`"27AAPFU…"`);
//! * `docs`: a comma-separated list of document kinds, as titles (`commercial invoice, CN23`);
//! * `phrase`: a key of the phrase table below (a reason or a noun that depends on the case);
//! * `dotted`: a field name, shown with the issue's path as `exporter.address.city`;
//! * `state`: a GST state code, as the state's name;
//! * `product`: an India Post product (its snake_case name), as the product's name;
//! * `oneof`: comma-separated words, as serde lists what it expected (`` `a` or `b` ``,
//!   `` one of `a`, `b`, `c` ``) or as Hindi says it.

mod malformed;
mod templates;

use crate::data::{postal, states};
use crate::issue::Issue;
use crate::kind::DocKind;
use crate::model::PostalProduct;
use crate::render::Lang;
use std::collections::BTreeMap;

pub use malformed::{converter_message, read_back as read_back_malformed, CONVERTERS, MALFORMED};
pub use templates::{PHRASES, TEMPLATES};

/// The English and Hindi template of one message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Template {
    /// The issue code (see the rules catalogue).
    pub code: &'static str,
    /// Which of the code's messages: empty for the code's main message.
    pub variant: &'static str,
    /// English template.
    pub en: &'static str,
    /// Hindi template, with the same placeholders.
    pub hi: &'static str,
}

impl Template {
    /// `code` or `code.variant`.
    pub fn id(&self) -> String {
        if self.variant.is_empty() {
            self.code.to_string()
        } else {
            format!("{}.{}", self.code, self.variant)
        }
    }
}

/// The template of `code` and `variant`, if there is one.
pub fn template(code: &str, variant: &str) -> Option<&'static Template> {
    TEMPLATES
        .iter()
        .chain(MALFORMED)
        .chain(CONVERTERS)
        .find(|t| t.code == code && t.variant == variant)
}

/// The placeholders of a template, as `(name, format)` in order of appearance.
pub fn placeholders(text: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let inner = &after[..close];
        let (name, format) = inner.split_once(':').unwrap_or((inner, ""));
        out.push((name, format));
        rest = &after[close + 1..];
    }
    out
}

/// The message of `issue` in `lang` (`en+hi` gives `English / हिन्दी`). An issue whose
/// template is unknown keeps its message as it is.
pub fn render(issue: &Issue, lang: Lang) -> String {
    render_parts(issue.code, issue.variant, &issue.params, &issue.path, lang)
        .unwrap_or_else(|| issue.message.clone())
}

/// The message of `code` and `variant` in `lang`, filled from `params` (`path` is the
/// JSON Pointer a `dotted` field is shown under); `None` when there is no such template.
/// Issues that are not [`Issue`]s (those of the reports and the order import) render here.
pub fn render_parts(
    code: &str,
    variant: &str,
    params: &BTreeMap<&'static str, String>,
    path: &str,
    lang: Lang,
) -> Option<String> {
    let t = template(code, variant)?;
    let at = Fields { params, path };
    Some(match lang {
        Lang::En => fill(t.en, &at, false),
        Lang::Hi => fill(t.hi, &at, true),
        Lang::EnHi => format!("{} / {}", fill(t.en, &at, false), fill(t.hi, &at, true)),
    })
}

/// What a template is filled from: the params, and the path `dotted` fields are under.
struct Fields<'a> {
    params: &'a BTreeMap<&'static str, String>,
    path: &'a str,
}

/// `text` with its placeholders replaced by the issue's params; a param that is absent
/// stays as `{name}` (a test makes sure none is).
fn fill(text: &str, issue: &Fields<'_>, hi: bool) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            rest = &rest[open..];
            break;
        };
        let inner = &after[..close];
        let (name, format) = inner.split_once(':').unwrap_or((inner, ""));
        match issue.params.get(name) {
            Some(v) => out.push_str(&format_value(v, format, issue, hi)),
            None => {
                out.push('{');
                out.push_str(inner);
                out.push('}');
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

fn format_value(v: &str, format: &str, issue: &Fields<'_>, hi: bool) -> String {
    match format {
        "q" => quote(v),
        "docs" => v
            .split(',')
            .map(|name| match DocKind::from_name(name) {
                Some(k) if hi => doc_title_hi(k).to_string(),
                Some(k) => k.title().to_string(),
                None => name.to_string(),
            })
            .collect::<Vec<_>>()
            .join(", "),
        "phrase" => match PHRASES.iter().find(|p| p.0 == v) {
            Some(p) if hi => p.2.to_string(),
            Some(p) => p.1.to_string(),
            None => v.to_string(),
        },
        "oneof" => malformed::one_of(v, hi),
        "dotted" => {
            if issue.path.is_empty() {
                v.to_string()
            } else {
                format!("{}/{}", &issue.path[1..], v).replace('/', ".")
            }
        }
        "state" => {
            let en = states::state(v).map_or(v, |s| s.name);
            if hi {
                states::state_name_hi(v).unwrap_or(en).to_string()
            } else {
                en.to_string()
            }
        }
        "product" => {
            match serde_json::from_value::<PostalProduct>(serde_json::Value::String(v.into())) {
                Ok(p) if hi => crate::i18n::postal_product(p, Lang::Hi),
                Ok(p) => postal::product(p).name.to_string(),
                Err(_) => v.to_string(),
            }
        }
        _ => v.to_string(),
    }
}

impl crate::validation::Validation {
    /// The same result with every message in `lang` (`en`, `hi`, or `en+hi` for
    /// `English / हिन्दी`); validity, documents, codes, paths, params and what each issue
    /// blocks do not change. With [`crate::Report::in_lang`], the call every front end makes
    /// for a language: `niryat::check(shipment, documents, mode).in_lang(lang)`.
    pub fn in_lang(&self, lang: Lang) -> crate::validation::Validation {
        let mut out = self.clone();
        for i in &mut out.issues {
            i.issue.message = render(&i.issue, lang);
        }
        out
    }
}

/// A document's title in Hindi, with the terms of the printed labels.
pub fn doc_title_hi(kind: DocKind) -> &'static str {
    match kind {
        DocKind::CommercialInvoice => "वाणिज्यिक बीजक",
        DocKind::PackingList => "पैकिंग सूची",
        DocKind::IecDetails => "आईईसी विवरण",
        DocKind::Cn22 => "CN22",
        DocKind::Cn23 => "CN23",
        DocKind::Pbe => "डाक निर्यात बिल",
        DocKind::Einvoice => "जीएसटी ई-इनवॉइस",
        DocKind::ProformaInvoice => "प्रोफ़ॉर्मा बीजक",
    }
}

/// A user's value as kept in params: at most 40 characters, then `…` when cut, so that a
/// huge input makes neither huge params nor huge messages (`{value:q}` of the cut value reads
/// exactly as of the whole one).
pub(crate) fn cut(v: &str) -> String {
    const MAX: usize = 40;
    match v.char_indices().nth(MAX) {
        None => v.to_string(),
        Some((at, _)) => format!("{}…", &v[..at]),
    }
}

/// A user's value as quoted in a message: at most 40 characters, so that a huge input
/// does not make huge messages.
pub(crate) fn quote(v: &str) -> String {
    const MAX: usize = 40;
    match v.char_indices().nth(MAX) {
        None => format!("{v:?}"),
        Some((cut, _)) => format!("{:?}…", &v[..cut]),
    }
}
