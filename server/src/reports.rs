//! The reports and the order import over HTTP: `POST /v1/reports/gstr1`,
//! `POST /v1/reports/realisation` and `POST /v1/orders/{marketplace}`. Each answers what
//! Python's `report_gstr1`, `report_realisation` and `import_orders` return (the library's
//! `niryat::report::output`), so a portal in any language gets the same rows and drafts.

use crate::api::{cpu, opt, query, read_body};
use crate::openapi::{ImportOutputDoc, ReportOutputDoc, ShipmentDoc};
use crate::problem::{Problem, PROBLEM_JSON};
use crate::App;
use axum::body::Body;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use niryat::render::Lang;
use niryat::report::output::{args, ImportOutput};
use niryat::report::{ReportFormat, ReportInput, ReportOutput};
use niryat::MalformedInput;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;

/// Query of `POST /v1/reports/gstr1`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Gstr1Query {
    /// The month of the return, `YYYY-MM` (2017 or later).
    pub period: String,
    /// `json` (default: the GST offline tool's JSON as an object) or `csv` (its text).
    pub format: Option<String>,
    /// Language of the issue messages: `en` (default), `hi` or `en+hi`.
    pub lang: Option<String>,
}

/// Query of `POST /v1/reports/realisation`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RealisationQuery {
    /// The date the report is made as of, `YYYY-MM-DD`.
    pub as_of: String,
    /// `json` (default) or `csv`.
    pub format: Option<String>,
    /// Language of the issue messages: `en` (default), `hi` or `en+hi`.
    pub lang: Option<String>,
}

/// Query of `POST /v1/orders/{marketplace}`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OrdersQuery {
    /// Language of the issue messages and of each draft's check: `en` (default), `hi` or
    /// `en+hi`.
    pub lang: Option<String>,
}

/// The body of the report routes: many shipments, as `niryat report` takes many files.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportRequest {
    /// The shipments, each as `/v1/validate` takes it.
    #[schema(value_type = Vec<ShipmentDoc>)]
    pub shipments: Vec<Value>,
    /// A name for each shipment, used in the issues as the CLI uses file names (default
    /// `"1"`, `"2"` …).
    #[serde(default)]
    pub names: Option<Vec<String>>,
}

/// The body of `POST /v1/orders/{marketplace}`.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrdersRequest {
    /// The text of the order report: Amazon's tab-separated order report or eBay's orders
    /// CSV, as downloaded.
    pub report: String,
    /// What every draft starts from: an exporter profile (a shipment's `exporter` object)
    /// or a whole shipment whose particulars are copied.
    #[schema(value_type = Object)]
    pub exporter: Value,
    /// The SKU catalogue's CSV text (sku, description, hs_code, unit, net_weight_kg,
    /// gross_weight_kg, gst_rate, origin_country).
    #[serde(default)]
    pub catalogue: Option<String>,
}

/// `message` about the value at `path` of a body that should be `what`, answered 400 like a
/// malformed shipment.
fn malformed_at(path: String, message: String, what: &str) -> Problem {
    let m = MalformedInput { path, message, line: None, column: None };
    Problem::malformed_body(m, what)
}

/// What the report routes' body is, for their problems' detail.
const REPORT_BODY: &str = "a report request ({\"shipments\": [...], \"names\": [...]})";
/// What the order import's body is.
const ORDERS_BODY: &str =
    "an order import ({\"report\": ..., \"exporter\": {...}, \"catalogue\": ...})";

/// Reads the body as `T` (a struct) as strictly as a shipment is read (an array for an
/// object or a key written twice, in the body or in a shipment inside it, is refused); a
/// failure names the JSON Pointer, line and column of the value.
fn body_as<T: DeserializeOwned>(bytes: &[u8], what: &str, lang: Lang) -> Result<T, Problem> {
    niryat::parse_json_as(bytes).map_err(|m| Problem::malformed_body(m.in_lang(lang), what))
}

/// The shipments of a report body, each read as `/v1/validate` reads one; a shipment that
/// is not one stops the report with its path in the body (`/shipments/2/...`).
fn report_inputs(req: ReportRequest, lang: Lang) -> Result<Vec<ReportInput>, Problem> {
    let names = args::names(req.names, req.shipments.len())
        .map_err(|m| malformed_at("/names".into(), m, REPORT_BODY))?;
    req.shipments
        .iter()
        .zip(names)
        .enumerate()
        .map(|(i, (value, name))| {
            args::shipment_in(name, niryat::parse_value(value), lang).map_err(|mut m| {
                m.path = format!("/shipments/{i}{}", m.path);
                Problem::malformed_body(m, REPORT_BODY)
            })
        })
        .collect()
}

/// Reads a report's body and makes the report of its shipments with `make` (on the blocking
/// pool when the body is large).
async fn report(
    app: &App,
    headers: &HeaderMap,
    body: Body,
    lang: Lang,
    make: impl FnOnce(&[ReportInput]) -> ReportOutput + Send + 'static,
) -> Result<Json<ReportOutput>, Problem> {
    let bytes = read_body(app, headers, body).await?;
    let out = cpu(bytes.len(), move || {
        let req = body_as(&bytes, REPORT_BODY, lang)?;
        Ok::<_, Problem>(make(&report_inputs(req, lang)?))
    })
    .await??;
    Ok(Json(out))
}

fn format_of(format: Option<&str>) -> Result<ReportFormat, Problem> {
    format.map_or(Ok(ReportFormat::Json), |f| {
        args::format("format", f).map_err(Problem::bad_parameter)
    })
}

/// GSTR-1 Table 6A: the export invoices of one month from many shipments.
#[utoipa::path(
    post, path = "/v1/reports/gstr1", tag = "reports",
    params(Gstr1Query),
    request_body(content = ReportRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "`{report, issues, has_errors}`: `report` is what `niryat report gstr1` writes (the GST offline tool's JSON, or the CSV text); `has_errors` true means do not file it as it is", body = ReportOutputDoc),
        (status = 400, description = "A shipment that is not one (its path in the body), or a wrong parameter", body = Problem, content_type = PROBLEM_JSON),
        (status = 413, description = "Body larger than the limit", body = Problem, content_type = PROBLEM_JSON),
        (status = 415, description = "Body not sent as JSON", body = Problem, content_type = PROBLEM_JSON),
    )
)]
pub async fn gstr1(
    State(app): State<App>,
    q: Result<Query<Gstr1Query>, QueryRejection>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<ReportOutput>, Problem> {
    let q = query(q)?;
    let period = args::period(&q.period).map_err(Problem::bad_parameter)?;
    let format = format_of(q.format.as_deref())?;
    let lang = opt::<Lang>(q.lang.as_deref())?.unwrap_or(Lang::En);
    report(&app, &headers, body, lang, move |inputs| {
        niryat::report::gstr1_output(inputs, period, format, lang)
    })
    .await
}

/// The realisation of export proceeds as of a date: every invoice with its due date,
/// what has been realised and what is overdue.
#[utoipa::path(
    post, path = "/v1/reports/realisation", tag = "reports",
    params(RealisationQuery),
    request_body(content = ReportRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "`{report, issues, has_errors}`: `report` is what `niryat report realisation` writes", body = ReportOutputDoc),
        (status = 400, description = "A shipment that is not one (its path in the body), or a wrong parameter", body = Problem, content_type = PROBLEM_JSON),
        (status = 413, description = "Body larger than the limit", body = Problem, content_type = PROBLEM_JSON),
        (status = 415, description = "Body not sent as JSON", body = Problem, content_type = PROBLEM_JSON),
    )
)]
pub async fn realisation(
    State(app): State<App>,
    q: Result<Query<RealisationQuery>, QueryRejection>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<ReportOutput>, Problem> {
    let q = query(q)?;
    let as_of = args::date("as_of", &q.as_of).map_err(Problem::bad_parameter)?;
    let format = format_of(q.format.as_deref())?;
    let lang = opt::<Lang>(q.lang.as_deref())?.unwrap_or(Lang::En);
    report(&app, &headers, body, lang, move |inputs| {
        niryat::report::realisation_output(inputs, as_of, format, lang)
    })
    .await
}

/// Draft shipments, one per order, from a marketplace's order report.
#[utoipa::path(
    post, path = "/v1/orders/{marketplace}", tag = "reports",
    params(("marketplace" = String, Path, description = "`amazon` (the order report, tab-separated) or `ebay` (the orders CSV)"), OrdersQuery),
    request_body(content = OrdersRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "`{ok, orders, issues}`: one draft shipment per order with its draft check; when the report or catalogue cannot be read, `ok` is false, `orders` empty and `issues` says why", body = ImportOutputDoc),
        (status = 400, description = "A body that is not `{report, exporter, catalogue}`, an exporter that is not one (its path in the body), or a wrong parameter", body = Problem, content_type = PROBLEM_JSON),
        (status = 404, description = "Unknown marketplace", body = Problem, content_type = PROBLEM_JSON),
        (status = 413, description = "Body larger than the limit", body = Problem, content_type = PROBLEM_JSON),
        (status = 415, description = "Body not sent as JSON", body = Problem, content_type = PROBLEM_JSON),
    )
)]
pub async fn orders(
    State(app): State<App>,
    Path(marketplace): Path<String>,
    q: Result<Query<OrdersQuery>, QueryRejection>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<ImportOutput>, Problem> {
    let market = args::marketplace(&marketplace)
        .map_err(|m| Problem::new(StatusCode::NOT_FOUND, "unknown_marketplace", m))?;
    let q = query(q)?;
    let lang = opt::<Lang>(q.lang.as_deref())?.unwrap_or(Lang::En);
    let bytes = read_body(&app, &headers, body).await?;
    let out = cpu(bytes.len(), move || {
        let req: OrdersRequest = body_as(&bytes, ORDERS_BODY, lang)?;
        let exporter = serde_json::to_vec(&req.exporter).unwrap_or_default();
        let template = niryat::orders::template(&exporter).map_err(|m| {
            let mut m = m.in_lang(lang);
            m.path = format!("/exporter{}", m.path);
            Problem::malformed_body(m, ORDERS_BODY)
        })?;
        let catalogue = req.catalogue.as_deref();
        Ok::<_, Problem>(niryat::report::import_output(
            market,
            &req.report,
            &template,
            catalogue,
            lang,
        ))
    })
    .await??;
    Ok(Json(out))
}
