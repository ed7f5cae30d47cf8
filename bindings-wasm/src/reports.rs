//! The reports and the order import for JavaScript: `reportGstr1`, `reportRealisation` and
//! `importOrders`, with the results of `niryat::report::output` (the same as Python's
//! `report_gstr1`, `report_realisation` and `import_orders`).

use crate::errors::{invalid_argument, CodedError};
use crate::{convert, enter, options_from, run, serialize, word};
use niryat::render::Lang;
use niryat::report::{self, output::args, ReportFormat, ReportInput};
use schemars::JsonSchema;
use serde::Deserialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

/// Options of `reportGstr1` and `reportRealisation`.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ReportOptions {
    /// A name for each shipment, used in the issues as the CLI uses file names (default
    /// `"1"`, `"2"` …).
    pub names: Option<Vec<String>>,
    /// Language of the issue messages: `en` (default), `hi` or `en+hi`.
    pub lang: Option<String>,
    /// `json` (default: the report as an object) or `csv` (its text).
    pub format: Option<String>,
}

/// Options of `importOrders`.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ImportOrdersOptions {
    /// The SKU catalogue CSV text (sku, description, hs_code, unit, net_weight_kg,
    /// gross_weight_kg, gst_rate, origin_country).
    pub catalogue: Option<String>,
    /// Language of the issue messages: `en` (default), `hi` or `en+hi`.
    pub lang: Option<String>,
}

fn lang_of(name: Option<&str>) -> Result<Lang, CodedError> {
    name.map_or(Ok(Lang::En), word::<Lang>)
}

/// The shipments (objects or JSON text) with their names; a shipment that is not one stops
/// the report, its name in the message.
fn inputs_from(
    shipments: &JsValue,
    names: Option<Vec<String>>,
    lang: Lang,
) -> Result<Vec<ReportInput>, CodedError> {
    if !convert::is_array(shipments).map_err(|m| invalid_argument(&m))? {
        return Err(invalid_argument(&format!(
            "shipments must be a list of shipments (objects or JSON text), got {}",
            convert::describe(shipments)
        )));
    }
    let Value::Array(list) =
        convert::to_json(shipments, "arg_shipments").map_err(|m| m.in_lang(lang))?
    else {
        return Err(invalid_argument("shipments must be a list"));
    };
    let names = args::names(names, list.len()).map_err(|m| invalid_argument(&m))?;
    list.iter()
        .zip(names)
        .map(|(item, name)| {
            let parsed = match item {
                Value::String(text) => niryat::parse_json(text.as_bytes()),
                other => niryat::parse_value(other),
            };
            Ok(args::shipment_in(name, parsed, lang)?)
        })
        .collect()
}

fn format_of(name: Option<&str>) -> Result<ReportFormat, CodedError> {
    name.map_or(Ok(ReportFormat::Json), |n| {
        args::format("options.format", n).map_err(|m| invalid_argument(&m))
    })
}

/// The export rows of GSTR-1 Table 6A of one month (`period`, `YYYY-MM`) from many shipments:
/// `{report, issues, has_errors}`, `report` being what `niryat report gstr1` writes (the GST
/// offline tool's JSON as an object, or the CSV text) and `issues` what it writes on
/// standard error.
#[wasm_bindgen(js_name = reportGstr1, unchecked_return_type = "ReportOutput")]
pub fn report_gstr1(
    #[wasm_bindgen(unchecked_param_type = "(Shipment | string)[]")] shipments: JsValue,
    period: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "ReportOptions")] options: Option<
        js_sys::Object,
    >,
) -> Result<JsValue, JsValue> {
    enter();
    run(|| {
        let opts: ReportOptions = options_from(options)?;
        let period = args::period(period).map_err(|m| invalid_argument(&m))?;
        let lang = lang_of(opts.lang.as_deref())?;
        let format = format_of(opts.format.as_deref())?;
        let inputs = inputs_from(&shipments, opts.names, lang)?;
        serialize(&report::gstr1_output(&inputs, period, format, lang))
    })
}

/// The realisation of export proceeds as of `asOf` (`YYYY-MM-DD`): `{report, issues,
/// has_errors}`, `report` being what `niryat report realisation` writes.
#[wasm_bindgen(js_name = reportRealisation, unchecked_return_type = "ReportOutput")]
pub fn report_realisation(
    #[wasm_bindgen(unchecked_param_type = "(Shipment | string)[]")] shipments: JsValue,
    #[wasm_bindgen(js_name = asOf)] as_of: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "ReportOptions")] options: Option<
        js_sys::Object,
    >,
) -> Result<JsValue, JsValue> {
    enter();
    run(|| {
        let opts: ReportOptions = options_from(options)?;
        let date = args::date("asOf", as_of).map_err(|m| invalid_argument(&m))?;
        let lang = lang_of(opts.lang.as_deref())?;
        let format = format_of(opts.format.as_deref())?;
        let inputs = inputs_from(&shipments, opts.names, lang)?;
        serialize(&report::realisation_output(&inputs, date, format, lang))
    })
}

/// Draft shipments, one per order, from an Amazon order report or an eBay orders CSV
/// (`marketplace`: `amazon` or `ebay`), starting from `exporter` (an exporter profile or a
/// template shipment, as an object or JSON text): `{ok, orders, issues}`. When the report or
/// catalogue cannot be read, `ok` is false, `orders` empty and `issues` says why.
#[wasm_bindgen(js_name = importOrders, unchecked_return_type = "ImportOutput")]
pub fn import_orders(
    #[wasm_bindgen(js_name = reportText)] report_text: &str,
    marketplace: &str,
    #[wasm_bindgen(unchecked_param_type = "Record<string, unknown> | string")] exporter: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ImportOrdersOptions")] options: Option<
        js_sys::Object,
    >,
) -> Result<JsValue, JsValue> {
    enter();
    run(|| {
        let opts: ImportOrdersOptions = options_from(options)?;
        let market = args::marketplace(marketplace).map_err(|m| invalid_argument(&m))?;
        let lang = lang_of(opts.lang.as_deref())?;
        let bytes = match exporter.as_string() {
            Some(text) => text.into_bytes(),
            None => serde_json::to_vec(
                &convert::to_json(&exporter, "arg_exporter").map_err(|m| m.in_lang(lang))?,
            )
            .unwrap_or_default(),
        };
        let template = niryat::orders::template(&bytes).map_err(|m| m.in_lang(lang))?;
        let out =
            report::import_output(market, report_text, &template, opts.catalogue.as_deref(), lang);
        serialize(&out)
    })
}
