//! Errors as JS sees them: an `Error` whose `code` is stable.
//!
//! Codes from core: `malformed_input` (with `path`, and `line`/`column` when known),
//! `invalid_shipment` (with `issues`), `unsupported`, `render_failed`. Codes of this
//! binding: `invalid_argument` (bad options or document name type), `internal_error`.
//! The npm wrapper adds `panic` (a Rust panic; the module re-instantiates itself).

use js_sys::Reflect;
use niryat::{Issue, MalformedInput};
use wasm_bindgen::JsValue;

/// An error on its way to JS.
#[derive(Debug)]
pub struct CodedError {
    /// Stable snake_case code.
    pub code: &'static str,
    /// The message (English, or a malformed input's in the language asked for).
    pub message: String,
    /// For `malformed_input`: where, in the input.
    pub malformed: Option<Box<MalformedInput>>,
    /// For `invalid_shipment`: every issue.
    pub issues: Vec<Issue>,
}

impl CodedError {
    /// An error with only a code and a message.
    pub fn new(code: &'static str, message: String) -> Self {
        CodedError { code, message, malformed: None, issues: Vec::new() }
    }

    /// The same error with a malformed input's message in `lang` (see
    /// `MalformedInput::message_in`); other errors are unchanged.
    pub fn in_lang(self, lang: niryat::render::Lang) -> Self {
        match self.malformed {
            Some(m) => CodedError { issues: self.issues, ..m.in_lang(lang).into() },
            None => self,
        }
    }

    /// Code `unsupported`: a document, format or language niryat does not make.
    pub fn unsupported(message: String) -> Self {
        CodedError::new("unsupported", message)
    }
}

/// Code `invalid_argument`: options or arguments of the wrong shape.
pub fn invalid_argument(message: &str) -> CodedError {
    CodedError::new("invalid_argument", message.to_string())
}

impl From<niryat::Error> for CodedError {
    fn from(e: niryat::Error) -> Self {
        let mut out = CodedError::new(e.code(), e.to_string());
        match e {
            niryat::Error::Malformed(m) => {
                out.message = m.to_string();
                out.malformed = Some(Box::new(m));
            }
            niryat::Error::Invalid(issues) => out.issues = issues,
            _ => {}
        }
        out
    }
}

impl From<MalformedInput> for CodedError {
    fn from(m: MalformedInput) -> Self {
        niryat::Error::Malformed(m).into()
    }
}

fn set(target: &JsValue, key: &str, value: &JsValue) {
    // Setting a property on a fresh Error cannot fail; a failure would only lose detail.
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

/// Builds the JS `Error` (name `NiryatError`) with `code` and the details.
pub fn to_js(e: CodedError) -> JsValue {
    let err = js_sys::Error::new(&e.message);
    err.set_name("NiryatError");
    let v: JsValue = err.into();
    set(&v, "code", &JsValue::from_str(e.code));
    if let Some(m) = &e.malformed {
        set(&v, "path", &JsValue::from_str(&m.path));
        if let (Some(l), Some(c)) = (m.line, m.column) {
            set(&v, "line", &JsValue::from(l as u32));
            set(&v, "column", &JsValue::from(c as u32));
        }
    }
    if e.code == "invalid_shipment" {
        let issues = serde::Serialize::serialize(
            &e.issues,
            &serde_wasm_bindgen::Serializer::json_compatible(),
        )
        .unwrap_or(JsValue::UNDEFINED);
        set(&v, "issues", &issues);
    }
    v
}
