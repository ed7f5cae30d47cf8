//! WASM bindings of niryat: plain JS objects in, plain JS objects (or PDF bytes) out.
//!
//! This crate converts, calls core and maps errors; it holds no rule about exports.
//! Every failure reaches JS as an `Error` with a stable `code` (see [`errors`]), plus
//! `issues` for an invalid shipment and `path` for malformed input.
//!
//! Built twice: without features it only validates (no typst, small enough to check on
//! every keystroke); with `full` it also renders PDFs.
//!
//! Panics: wasm32-unknown-unknown aborts on panic, which poisons the instance. The
//! panic hook records the message through a JS import (JS memory survives the abort)
//! and schedules a re-instantiation, which wasm-bindgen's glue performs before the
//! next call (or the npm wrapper, asynchronously, where a browser refuses to instantiate
//! a large module synchronously); the wrapper (`js/index.js`) turns the trap into an
//! `Error` with code `panic` and the recorded message. See the README.

mod convert;
pub mod errors;
mod reports;

use errors::{invalid_argument, to_js, CodedError};
use niryat::render::{Flavor, Format, Lang, PdfOptions};
use niryat::{DocKind, Issue, MalformedInput, Mode, Shipment};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::Once;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"let last;
export function niryat_record_panic(m) { last = m; }
export function niryat_take_panic() { const m = last; last = undefined; return m; }
const STOP = {};
function plainJson(key, value) {
  const raw = this[key];
  switch (typeof raw) {
    case 'bigint': case 'symbol': case 'function': throw STOP;
    case 'number': if (!Number.isFinite(raw)) throw STOP; break;
    case 'object':
      if (raw !== null && !Array.isArray(raw)) {
        const proto = Object.getPrototypeOf(raw);
        if ((proto !== Object.prototype && proto !== null) || typeof raw.toJSON === 'function') throw STOP;
      }
  }
  return value;
}
export function niryat_stringify(v, maxUnits) {
  if (v === null || typeof v !== 'object') return undefined;
  try {
    const s = JSON.stringify(v, plainJson);
    return typeof s === 'string' && s.length <= maxUnits ? s : undefined;
  } catch (_) {
    return undefined;
  }
}"#)]
extern "C" {
    fn niryat_record_panic(message: &str);
    fn niryat_take_panic() -> Option<String>;
    /// JSON text of a plain JSON-compatible object, or `None` for anything else (cycles,
    /// BigInt, Symbol, Date, huge or non-plain values): those take the slow path of
    /// [`convert::to_json`], which names the offending value's path.
    fn niryat_stringify(value: &JsValue, max_units: u32) -> Option<String>;
}

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"import type { Shipment, ValidationResult, Issue, ValidateOptions, PdfOptions, RenderOptions, Kind, ReportOptions, ReportOutput, ImportOrdersOptions, ImportOutput } from "./types.js";"#;

static HOOK: Once = Once::new();

/// Installs the panic hook (once per instance; a re-instantiated module installs it again).
fn enter() {
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            niryat_record_panic(&info.to_string());
            wasm_bindgen::handler::schedule_reinit();
        }));
    });
}

/// What `validate` returns: the library's one validation result (`niryat::Validation`), the
/// same JSON as `niryat validate --format json` and Python's `validate`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ValidationResult {
    /// True when no issue is an error (in draft mode missing fields are warnings).
    pub valid: bool,
    /// The documents checked: those asked for, or those the shipment calls for.
    pub documents: Vec<DocKind>,
    /// Every issue, errors and warnings, in niryat's stable order; each names the documents
    /// it blocks.
    pub issues: Vec<niryat::BlockingIssue>,
}

impl From<niryat::Validation> for ValidationResult {
    fn from(v: niryat::Validation) -> Self {
        ValidationResult { valid: v.valid, documents: v.documents, issues: v.issues }
    }
}

/// Options of `validate`.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ValidateOptions {
    /// Documents to check for (`commercial_invoice`, `cn22` …); default: those the shipment calls for.
    #[serde(rename = "for")]
    pub for_: Option<Vec<String>>,
    /// Treat missing required fields as warnings (for a form being filled in).
    pub draft: bool,
    /// Language of the messages: `en` (default), `hi` or `en+hi`.
    pub lang: Option<String>,
}

/// Options of `renderPdf`.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[schemars(rename = "PdfOptions")]
pub struct PdfJsOptions {
    /// Label language: `en`, `hi` or `en+hi` (default).
    pub lang: Option<String>,
    /// Copies in one PDF, 1 to 3. Absent: the commercial invoice in triplicate with the Rule 48
    /// markings, other documents once (unmarked).
    pub copies: Option<i64>,
}

/// Options of `render`.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct RenderOptions {
    /// `xml`, `json` or `csv`; default: the document's first text format.
    pub format: Option<String>,
    /// XML vocabulary: `ubl` or `niryat`.
    pub flavor: Option<String>,
}

/// A document niryat makes.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Kind {
    /// snake_case name, as in `validate`'s `for` and `renderPdf`'s `doc`.
    pub name: String,
    /// English title.
    pub title: String,
    /// Formats it can be written in; the first is the default.
    pub formats: Vec<String>,
}

/// Reads a shipment. The fast path lets the engine's own `JSON.stringify` walk a plain
/// object (one call across the boundary instead of several per value); anything it
/// cannot take exactly is read value by value, so that the error names its path.
fn shipment_from(value: &JsValue) -> Result<Shipment, CodedError> {
    let list = convert::is_array(value).map_err(|message| MalformedInput {
        path: String::new(),
        message,
        line: None,
        column: None,
    })?;
    if list {
        // serde would read a list as a struct's fields in order; nobody means that.
        return Err(MalformedInput {
            path: String::new(),
            message: "expected the shipment as an object, got a list".into(),
            line: None,
            column: None,
        }
        .into());
    }
    let max = u32::try_from(niryat::LIMITS.max_input_bytes).unwrap_or(u32::MAX);
    if let Some(text) = niryat_stringify(value, max) {
        // Line and column would point into text the caller never saw: keep the path only.
        return niryat::parse_json(text.as_bytes())
            .map_err(|m| MalformedInput { line: None, column: None, ..m }.into());
    }
    let json = convert::to_json(value, "arg_shipment")?;
    Ok(niryat::parse_value(&json)?)
}

fn options_from<T: Default + for<'de> Deserialize<'de>>(
    value: Option<js_sys::Object>,
) -> Result<T, CodedError> {
    let Some(value) = value else {
        return Ok(T::default());
    };
    let json = convert::to_json(&value, "arg_options")?;
    serde_path_to_error::deserialize(&json).map_err(|e| {
        let path = e.path().to_string();
        invalid_argument(&format!("options.{path}: {}", e.into_inner()))
    })
}

fn kind_from(name: &str) -> Result<DocKind, CodedError> {
    word(name)
}

/// Parses one of niryat's words (kind, format, language …) with the library's message.
fn word<T: std::str::FromStr<Err = niryat::names::UnknownName>>(
    name: &str,
) -> Result<T, CodedError> {
    name.parse().map_err(|e: niryat::names::UnknownName| CodedError::unsupported(e.to_string()))
}

fn kind_arg(doc: &JsValue) -> Result<DocKind, CodedError> {
    match doc.as_string() {
        Some(name) => kind_from(&name),
        None => Err(invalid_argument(&format!(
            "doc must be a document name such as \"cn22\", got {}",
            convert::describe(doc)
        ))),
    }
}

fn serialize<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, CodedError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| CodedError::new("internal_error", format!("could not build the result: {e}")))
}

/// Checks a shipment for documents; returns every issue and never throws for an invalid
/// shipment (only for input that is not a shipment at all, or bad options).
#[wasm_bindgen(unchecked_return_type = "ValidationResult")]
pub fn validate(
    #[wasm_bindgen(unchecked_param_type = "Shipment")] shipment: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: Option<
        js_sys::Object,
    >,
) -> Result<JsValue, JsValue> {
    enter();
    run(|| {
        let opts: ValidateOptions = options_from(options)?;
        let lang = match opts.lang.as_deref() {
            None => Lang::En,
            Some(name) => word(name)?,
        };
        let s = shipment_from(&shipment).map_err(|e| e.in_lang(lang))?;
        let kinds = match &opts.for_ {
            Some(names) => Some(names.iter().map(|n| kind_from(n)).collect::<Result<Vec<_>, _>>()?),
            None => None,
        };
        let mode = if opts.draft { Mode::Draft } else { Mode::Strict };
        serialize(&ValidationResult::from(niryat::check(&s, kinds.as_deref(), mode).in_lang(lang)))
    })
}

/// The documents a shipment calls for (what a clerk would print for it), by name.
#[wasm_bindgen(js_name = documentsFor, unchecked_return_type = "string[]")]
pub fn documents_for(
    #[wasm_bindgen(unchecked_param_type = "Shipment")] shipment: JsValue,
) -> Result<JsValue, JsValue> {
    enter();
    run(|| {
        let s = shipment_from(&shipment)?;
        let names: Vec<&str> = DocKind::for_shipment(&s).into_iter().map(DocKind::name).collect();
        serialize(&names)
    })
}

/// Renders one document as PDF. Throws `invalid_shipment` (with `issues`) when the
/// shipment has errors for it, and `unsupported` in the validation-only build.
#[wasm_bindgen(js_name = renderPdf)]
pub fn render_pdf(
    #[wasm_bindgen(unchecked_param_type = "Shipment")] shipment: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] doc: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "PdfOptions")] options: Option<js_sys::Object>,
) -> Result<Vec<u8>, JsValue> {
    enter();
    run(|| {
        let s = shipment_from(&shipment)?;
        let kind = kind_arg(&doc)?;
        let opts: PdfJsOptions = options_from(options)?;
        let lang = match opts.lang.as_deref() {
            None => Lang::default(),
            Some(name) => word(name)?,
        };
        let copies = opts
            .copies
            .map(niryat::names::Copies::new)
            .transpose()
            .map_err(|e| CodedError::unsupported(e.to_string()))?;
        let copies = niryat::names::Copies::or_default(copies);
        pdf(&s, kind, &PdfOptions { lang, copies, ..PdfOptions::default() })
    })
}

#[cfg(feature = "full")]
fn pdf(s: &Shipment, kind: DocKind, opts: &PdfOptions) -> Result<Vec<u8>, CodedError> {
    thread_local! {
        static RENDERER: niryat::render::Renderer = niryat::render::Renderer::new();
    }
    Ok(RENDERER.with(|r| r.render(s, kind, opts))?)
}

#[cfg(not(feature = "full"))]
fn pdf(_: &Shipment, _: DocKind, _: &PdfOptions) -> Result<Vec<u8>, CodedError> {
    Err(CodedError::unsupported(
        "this is the validation-only build of niryat; load the full build for PDFs".into(),
    ))
}

/// Renders one document as text (`xml`, `json` or `csv`).
#[wasm_bindgen]
pub fn render(
    #[wasm_bindgen(unchecked_param_type = "Shipment")] shipment: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] doc: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "RenderOptions")] options: Option<
        js_sys::Object,
    >,
) -> Result<String, JsValue> {
    enter();
    run(|| {
        let s = shipment_from(&shipment)?;
        let kind = kind_arg(&doc)?;
        let opts: RenderOptions = options_from(options)?;
        let format = match opts.format.as_deref() {
            None => niryat::render::default_text_format(kind),
            Some(name) => word(name)?,
        };
        if format == Format::Pdf {
            return Err(invalid_argument("render() writes text; use renderPdf() for PDF"));
        }
        let flavor = opts.flavor.as_deref().map(word::<Flavor>).transpose()?;
        Ok(niryat::render::render_text(&s, kind, format, flavor)?)
    })
}

/// Every document niryat makes, with its formats.
#[wasm_bindgen(unchecked_return_type = "Kind[]")]
pub fn kinds() -> Result<JsValue, JsValue> {
    enter();
    run(|| {
        let out: Vec<Kind> = DocKind::ALL
            .into_iter()
            .map(|k| Kind {
                name: k.name().into(),
                title: k.title().into(),
                formats: niryat::render::formats_for(k)
                    .iter()
                    .map(|f| f.extension().to_string())
                    .collect(),
            })
            .collect();
        serialize(&out)
    })
}

/// Reads the IRP's response to "generate IRN" (JSON text: the whole response or its data
/// part) into the value of a shipment's `invoice.e_invoice`: `{irn, ack_no, ack_date,
/// signed_qr}`. Throws `malformed_input` with a path into the response when it holds no IRN.
#[wasm_bindgen(js_name = einvoiceFromIrp, unchecked_return_type = "Record<string, string>")]
pub fn einvoice_from_irp(response: &str) -> Result<JsValue, JsValue> {
    enter();
    run(|| serialize(&niryat::irp::registration_from_irp(response)?))
}

/// The JSON Schema (2020-12) of a shipment.
#[wasm_bindgen(unchecked_return_type = "Record<string, unknown>")]
pub fn schema() -> Result<JsValue, JsValue> {
    enter();
    run(|| parse_json_text(&niryat::shipment_schema()))
}

/// JSON Schema of every type this API takes or returns (used to generate the TypeScript types).
#[wasm_bindgen(js_name = apiSchema, unchecked_return_type = "Record<string, unknown>")]
pub fn api_schema() -> Result<JsValue, JsValue> {
    enter();
    run(|| {
        let mut gen = schemars::SchemaGenerator::default();
        let mut props = serde_json::Map::new();
        for (name, schema) in [
            ("shipment", gen.subschema_for::<Shipment>()),
            ("validationResult", gen.subschema_for::<ValidationResult>()),
            ("issue", gen.subschema_for::<Issue>()),
            ("validateOptions", gen.subschema_for::<ValidateOptions>()),
            ("pdfOptions", gen.subschema_for::<PdfJsOptions>()),
            ("renderOptions", gen.subschema_for::<RenderOptions>()),
            ("kind", gen.subschema_for::<Kind>()),
            ("reportOptions", gen.subschema_for::<reports::ReportOptions>()),
            ("reportOutput", gen.subschema_for::<niryat::report::ReportOutput>()),
            ("importOrdersOptions", gen.subschema_for::<reports::ImportOrdersOptions>()),
            ("importOutput", gen.subschema_for::<niryat::report::output::ImportOutput>()),
        ] {
            props.insert(name.into(), schema.to_value());
        }
        let defs = gen.take_definitions(true);
        let root = serde_json::json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "NiryatApi",
            "type": "object",
            "properties": props,
            "$defs": defs,
        });
        serialize(&root)
    })
}

fn parse_json_text(text: &str) -> Result<JsValue, CodedError> {
    js_sys::JSON::parse(text)
        .map_err(|_| CodedError::new("internal_error", "the schema is not JSON".into()))
}

/// niryat's version and whether this build renders PDFs.
#[wasm_bindgen(js_name = buildInfo, unchecked_return_type = "{ version: string, pdf: boolean }")]
pub fn build_info() -> Result<JsValue, JsValue> {
    enter();
    run(|| {
        serialize(
            &serde_json::json!({ "version": env!("CARGO_PKG_VERSION"), "pdf": cfg!(feature = "full") }),
        )
    })
}

/// The message of the last panic, if one happened since the last call (the JS wrapper
/// asks after a trap; asking also lets the glue re-instantiate the module first).
#[wasm_bindgen(js_name = __takePanic)]
pub fn take_panic() -> Option<String> {
    enter();
    niryat_take_panic()
}

/// Asks for a fresh instance before the next call (after a trap that was not a panic:
/// stack exhaustion or an exception thrown through Wasm frames).
#[wasm_bindgen(js_name = __scheduleReinit)]
pub fn schedule_reinit() {
    wasm_bindgen::handler::schedule_reinit();
}

/// Panics on purpose, so tests can check that the module recovers.
#[wasm_bindgen(js_name = __testPanic)]
#[allow(clippy::panic)] // the one deliberate panic: recovery is tested through it
pub fn test_panic(message: String) {
    enter();
    std::panic::panic_any(message);
}

/// Runs an export's body and turns a coded error into a thrown JS `Error`.
fn run<T>(f: impl FnOnce() -> Result<T, CodedError>) -> Result<T, JsValue> {
    f().map_err(to_js)
}
