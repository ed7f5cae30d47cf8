//! The `/v1` handlers: validate, render one document, render every document as a ZIP, and
//! the catalogues (kinds, schema, rules). No export rule lives here: every answer is the
//! library's, and every name is parsed by the library's parsers.

use crate::openapi::{ShipmentDoc, ValidationDoc};
use crate::problem::{Problem, PROBLEM_JSON};
use crate::App;
use axum::body::Body;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use niryat::names::Copies;
use niryat::render::{Flavor, Format, Lang, Layout, PdfOptions};
use niryat::{DocKind, Mode, Validation};
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// Bodies larger than this are parsed and checked on the blocking pool instead of on the
/// async workers, so that one huge shipment does not stall other connections.
const INLINE_BODY: usize = 256 * 1024;

/// Query of `POST /v1/validate`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ValidateQuery {
    /// Documents to check for, comma-separated (see `/v1/kinds`); default: those the
    /// shipment calls for.
    #[serde(rename = "for")]
    pub for_: Option<String>,
    /// Report missing fields as warnings (a form being filled in).
    pub draft: Option<bool>,
    /// Language of the messages: `en` (default), `hi` or `en+hi`.
    pub lang: Option<String>,
}

/// Query of the rendering routes.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DocumentQuery {
    /// `pdf`, `xml`, `json` or `csv`; default: the document's first format (see `/v1/kinds`).
    pub format: Option<String>,
    /// Label language of a PDF: `en`, `hi` or `en+hi` (default).
    pub lang: Option<String>,
    /// Copies in one PDF, 1 to 3; default: the commercial invoice in triplicate, others once.
    pub copies: Option<String>,
    /// XML vocabulary: `ubl` (commercial invoice) or `niryat` (whole shipment).
    pub flavor: Option<String>,
    /// CN22/CN23 layout: `label` (default) or `a4`.
    pub layout: Option<String>,
}

/// One document kind.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct KindInfo {
    /// snake_case name, as in the path of `/v1/documents/{kind}`.
    pub name: &'static str,
    /// English title.
    pub title: &'static str,
    /// Formats it can be made in; the first is the default.
    pub formats: Vec<String>,
}

/// One rule of the catalogue.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct RuleInfo {
    /// Stable snake_case issue code.
    pub code: &'static str,
    /// `error` or `warning` when it fires.
    pub severity: &'static str,
    /// What the rule checks.
    pub checks: &'static str,
    /// Its legal or practical source.
    pub source: &'static str,
}

/// The answer of `/healthz`.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Health {
    /// Always `ok` while the server answers.
    pub status: &'static str,
    /// niryat's version.
    pub version: &'static str,
}

pub(crate) fn query<T>(q: Result<Query<T>, QueryRejection>) -> Result<T, Problem> {
    q.map(|Query(q)| q).map_err(|e| Problem::bad_parameter(e.body_text()))
}

/// Parses one of the library's words; a wrong one is answered with every choice.
fn word<T: std::str::FromStr<Err = niryat::names::UnknownName>>(w: &str) -> Result<T, Problem> {
    w.parse::<T>().map_err(|e| Problem::bad_parameter(e.to_string()))
}

pub(crate) fn opt<T: std::str::FromStr<Err = niryat::names::UnknownName>>(
    w: Option<&str>,
) -> Result<Option<T>, Problem> {
    w.map(word::<T>).transpose()
}

fn pdf_options(q: &DocumentQuery) -> Result<PdfOptions, Problem> {
    Ok(PdfOptions {
        lang: opt::<Lang>(q.lang.as_deref())?.unwrap_or_default(),
        copies: Copies::or_default(opt::<Copies>(q.copies.as_deref())?),
        layout: opt::<Layout>(q.layout.as_deref())?.unwrap_or_default(),
    })
}

/// True for `application/json` and `application/*+json`, with any parameters.
fn is_json(headers: &HeaderMap) -> bool {
    let Some(ct) = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let essence = ct.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

/// Reads the request body: JSON only, at most the configured size, within the body timeout.
pub(crate) async fn read_body(
    app: &App,
    headers: &HeaderMap,
    body: Body,
) -> Result<bytes::Bytes, Problem> {
    if !is_json(headers) {
        return Err(Problem::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "send the shipment as JSON with Content-Type: application/json",
        ));
    }
    let max = app.config.max_body;
    let too_large = || {
        Problem::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            format!("the body is larger than {max} bytes, the most this server reads"),
        )
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > max as u64) {
        return Err(too_large());
    }
    let read = axum::body::to_bytes(body, max);
    match tokio::time::timeout(app.config.body_timeout, read).await {
        Err(_) => Err(Problem::new(
            StatusCode::REQUEST_TIMEOUT,
            "request_timeout",
            format!("the body did not arrive within {} s", app.config.body_timeout.as_secs_f64()),
        )),
        Ok(Ok(bytes)) => Ok(bytes),
        Ok(Err(e)) => {
            let mut source: Option<&(dyn std::error::Error + 'static)> = Some(&e);
            while let Some(s) = source {
                if s.is::<http_body_util::LengthLimitError>() {
                    return Err(too_large());
                }
                source = s.source();
            }
            Err(Problem::new(
                StatusCode::BAD_REQUEST,
                "body_unreadable",
                format!("the body could not be read (cut short?): {e}"),
            ))
        }
    }
}

/// Runs `f` on the blocking pool when the body is large, inline otherwise.
pub(crate) async fn cpu<T: Send + 'static>(
    size: usize,
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Problem> {
    if size <= INLINE_BODY {
        return Ok(f());
    }
    joined(tokio::task::spawn_blocking(f).await)
}

fn joined<T>(r: Result<T, tokio::task::JoinError>) -> Result<T, Problem> {
    r.map_err(|e| {
        tracing::error!(error = %e, "a worker thread failed");
        Problem::internal("the server failed while working on this request")
    })
}

/// Check a shipment against the rules of the documents it needs.
#[utoipa::path(
    post, path = "/v1/validate", tag = "shipments",
    params(ValidateQuery),
    request_body(content = ShipmentDoc, content_type = "application/json"),
    responses(
        (status = 200, description = "Every issue found, each with the documents it blocks; `valid` is false when one is an error", body = ValidationDoc),
        (status = 400, description = "Not a shipment, or an unknown parameter", body = Problem, content_type = PROBLEM_JSON),
        (status = 413, description = "Body larger than the limit", body = Problem, content_type = PROBLEM_JSON),
        (status = 415, description = "Body not sent as JSON", body = Problem, content_type = PROBLEM_JSON),
    )
)]
pub async fn validate(
    State(app): State<App>,
    q: Result<Query<ValidateQuery>, QueryRejection>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<Validation>, Problem> {
    let q = query(q)?;
    let named: Option<Vec<DocKind>> = match q.for_.as_deref().filter(|s| !s.trim().is_empty()) {
        None => None,
        Some(list) => Some(list.split(',').map(word::<DocKind>).collect::<Result<_, _>>()?),
    };
    let lang = opt::<Lang>(q.lang.as_deref())?.unwrap_or(Lang::En);
    let mode = if q.draft.unwrap_or(false) { Mode::Draft } else { Mode::Strict };
    let bytes = read_body(&app, &headers, body).await?;
    let result = cpu(bytes.len(), move || {
        let shipment =
            niryat::parse_json(&bytes).map_err(|m| Problem::malformed(m.in_lang(lang)))?;
        Ok::<_, Problem>(niryat::check(&shipment, named.as_deref(), mode).in_lang(lang))
    })
    .await??;
    Ok(Json(result))
}

fn content_type(format: Format) -> &'static str {
    match format {
        Format::Pdf => "application/pdf",
        Format::Xml => "application/xml",
        Format::Json => "application/json",
        Format::Csv => "text/csv; charset=utf-8",
    }
}

fn attachment(bytes: Vec<u8>, ctype: &'static str, file: &str) -> Response {
    let mut res = (StatusCode::OK, bytes).into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(ctype));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{file}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    res
}

/// Runs PDF work on the blocking pool, at most `--pdf-workers` at once. The permit moves
/// into the worker, so a request that timed out still holds it until its render ends.
async fn on_pdf_pool<T: Send + 'static>(
    app: &App,
    f: impl FnOnce(&App) -> T + Send + 'static,
) -> Result<T, Problem> {
    app.metrics.renders_waiting.inc();
    let permit = app.pdf.clone().acquire_owned().await;
    app.metrics.renders_waiting.dec();
    let permit = permit.map_err(|_| Problem::internal("the PDF workers have stopped"))?;
    let worker = app.clone();
    let r = tokio::task::spawn_blocking(move || {
        crate::priority::lower_this_thread(worker.config.pdf_nice);
        worker.metrics.renders_in_flight.inc();
        let _done = scopeguard(|| {
            worker.metrics.renders_in_flight.dec();
        });
        let out = f(&worker);
        drop(permit);
        out
    })
    .await;
    joined(r)
}

/// Calls `f` when dropped (also while unwinding from a panic).
fn scopeguard<F: FnOnce()>(f: F) -> impl Drop {
    struct Guard<F: FnOnce()>(Option<F>);
    impl<F: FnOnce()> Drop for Guard<F> {
        fn drop(&mut self) {
            if let Some(f) = self.0.take() {
                f();
            }
        }
    }
    Guard(Some(f))
}

/// Make one document.
#[utoipa::path(
    post, path = "/v1/documents/{kind}", tag = "documents",
    params(("kind" = String, Path, description = "Document kind (see `/v1/kinds`)"), DocumentQuery),
    request_body(content = ShipmentDoc, content_type = "application/json"),
    responses(
        (status = 200, description = "The document, as an attachment with a file name", content(
            ("application/pdf"), ("application/xml"), ("application/json"), ("text/csv")
        )),
        (status = 400, description = "Not a shipment, an unknown parameter, or a format the document does not come in", body = Problem, content_type = PROBLEM_JSON),
        (status = 404, description = "Unknown document kind", body = Problem, content_type = PROBLEM_JSON),
        (status = 413, description = "Body larger than the limit", body = Problem, content_type = PROBLEM_JSON),
        (status = 415, description = "Body not sent as JSON", body = Problem, content_type = PROBLEM_JSON),
        (status = 422, description = "The shipment has errors for this document; the issues say which", body = Problem, content_type = PROBLEM_JSON),
    )
)]
pub async fn document(
    State(app): State<App>,
    Path(kind): Path<String>,
    q: Result<Query<DocumentQuery>, QueryRejection>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, Problem> {
    let kind = kind
        .parse::<DocKind>()
        .map_err(|e| Problem::new(StatusCode::NOT_FOUND, "unknown_kind", e.to_string()))?;
    let q = query(q)?;
    let formats = niryat::render::formats_for(kind);
    let format = opt::<Format>(q.format.as_deref())?.unwrap_or(formats[0]);
    if !formats.contains(&format) {
        let names: Vec<_> = formats.iter().map(|f| f.extension()).collect();
        return Err(Problem::new(
            StatusCode::BAD_REQUEST,
            "unsupported_format",
            format!(
                "the {} comes in {}, not {}",
                kind.title(),
                names.join(", "),
                format.extension()
            ),
        ));
    }
    let flavor = opt::<Flavor>(q.flavor.as_deref())?;
    let opts = pdf_options(&q)?;
    let bytes = read_body(&app, &headers, body).await?;
    let size = bytes.len();
    let shipment =
        cpu(size, move || niryat::parse_json(&bytes)).await?.map_err(Problem::malformed)?;
    let out = if format == Format::Pdf {
        on_pdf_pool(&app, move |app| app.renderer.make(&shipment, kind, format, flavor, &opts))
            .await?
    } else {
        let app2 = app.clone();
        cpu(size, move || app2.renderer.make(&shipment, kind, format, flavor, &opts)).await?
    }
    .map_err(Problem::from_error)?;
    let file = format!("{}.{}", kind.name(), format.extension());
    Ok(attachment(out, content_type(format), &file))
}

/// Make every document the shipment calls for, as one ZIP.
#[utoipa::path(
    post, path = "/v1/documents", tag = "documents",
    params(DocumentQuery),
    request_body(content = ShipmentDoc, content_type = "application/json"),
    responses(
        (status = 200, description = "A ZIP with one file per document (`commercial_invoice.pdf` …); with `format`, only the documents that come in it", content_type = "application/zip"),
        (status = 400, description = "Not a shipment, or an unknown parameter", body = Problem, content_type = PROBLEM_JSON),
        (status = 413, description = "Body larger than the limit", body = Problem, content_type = PROBLEM_JSON),
        (status = 415, description = "Body not sent as JSON", body = Problem, content_type = PROBLEM_JSON),
        (status = 422, description = "The shipment has errors, or calls for no document", body = Problem, content_type = PROBLEM_JSON),
    )
)]
pub async fn documents(
    State(app): State<App>,
    q: Result<Query<DocumentQuery>, QueryRejection>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, Problem> {
    let q = query(q)?;
    let format = opt::<Format>(q.format.as_deref())?;
    let flavor = opt::<Flavor>(q.flavor.as_deref())?;
    let opts = pdf_options(&q)?;
    let bytes = read_body(&app, &headers, body).await?;
    let shipment =
        cpu(bytes.len(), move || niryat::parse_json(&bytes)).await?.map_err(Problem::malformed)?;
    let jobs: Vec<(DocKind, Format)> = DocKind::for_shipment(&shipment)
        .into_iter()
        .filter_map(|k| {
            let formats = niryat::render::formats_for(k);
            match format {
                None => Some((k, formats[0])),
                Some(f) => formats.contains(&f).then_some((k, f)),
            }
        })
        .collect();
    if jobs.is_empty() {
        return Err(Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "no_documents",
            "the shipment calls for no document in this format (a personal parcel needs a transport mode of post for its CN22/CN23)",
        ));
    }
    let kinds: Vec<DocKind> = jobs.iter().map(|j| j.0).collect();
    let report = niryat::validate(&shipment, &kinds, Mode::Strict);
    if report.has_errors() {
        return Err(Problem::from_error(niryat::Error::Invalid(report.issues)));
    }
    let zip = on_pdf_pool(&app, move |app| {
        let mut files = Vec::new();
        for (kind, format) in jobs {
            let bytes = app.renderer.make(&shipment, kind, format, flavor, &opts)?;
            files.push((format!("{}.{}", kind.name(), format.extension()), format, bytes));
        }
        crate::zipfile::write(&files).map_err(|e| niryat::Error::Render(e.to_string()))
    })
    .await?
    .map_err(Problem::from_error)?;
    Ok(attachment(zip, "application/zip", "documents.zip"))
}

/// List the document kinds and their formats.
#[utoipa::path(get, path = "/v1/kinds", tag = "catalogues",
    responses((status = 200, description = "Every document kind", body = Vec<KindInfo>)))]
pub async fn kinds() -> Json<Vec<KindInfo>> {
    Json(
        DocKind::ALL
            .iter()
            .map(|k| KindInfo {
                name: k.name(),
                title: k.title(),
                formats: niryat::render::formats_for(*k)
                    .iter()
                    .map(|f| f.extension().to_string())
                    .collect(),
            })
            .collect(),
    )
}

/// The JSON Schema of the shipment (the request body of every POST).
#[utoipa::path(get, path = "/v1/schema", tag = "catalogues",
    responses((status = 200, description = "JSON Schema (draft 2020-12) of a shipment", content_type = "application/schema+json")))]
pub async fn schema() -> Response {
    let mut res = niryat::shipment_schema().into_response();
    res.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static("application/schema+json"));
    res
}

/// The rules catalogue: every issue code, what it checks, its severity and source.
#[utoipa::path(get, path = "/v1/rules", tag = "catalogues",
    responses((status = 200, description = "Every rule, in catalogue order", body = Vec<RuleInfo>)))]
pub async fn rules() -> Json<Vec<RuleInfo>> {
    Json(
        niryat::rules::catalogue::ALL
            .iter()
            .map(|r| RuleInfo {
                code: r.code,
                severity: r.severity.as_str(),
                checks: r.checks,
                source: r.source,
            })
            .collect(),
    )
}

/// Liveness: answers while the server runs.
#[utoipa::path(get, path = "/healthz", tag = "operations",
    responses((status = 200, description = "The server is up", body = Health)))]
pub async fn healthz() -> Json<Health> {
    Json(Health { status: "ok", version: env!("CARGO_PKG_VERSION") })
}

/// Prometheus metrics (OpenMetrics text): requests, latency histograms, renders in flight.
#[utoipa::path(get, path = "/metrics", tag = "operations",
    responses((status = 200, description = "Metrics", content_type = "application/openmetrics-text")))]
pub async fn metrics(State(app): State<App>) -> Response {
    let mut res = app.metrics.encode().into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/openmetrics-text; version=1.0.0; charset=utf-8"),
    );
    res
}

/// A timeout for the whole request (slow renders included), answered 503.
pub fn timed_out(limit: Duration) -> Problem {
    Problem::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "timeout",
        format!("the request took longer than {} s; try again later", limit.as_secs_f64()),
    )
}
