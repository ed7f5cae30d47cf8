//! `niryat serve`: the niryat library over HTTP, stateless, for portals written in any
//! language and for a desk that opens the form in a browser.
//!
//! [`router`] builds the service (routes, limits, timeouts, logs, metrics); [`serve`] runs it
//! on a listener until a shutdown signal, then finishes the requests in flight. No export rule
//! lives here: answers are the library's, byte for byte.

// A `Problem` is an answer, made at most once per failed request: boxing it would save
// nothing worth the noise.
#![allow(clippy::result_large_err)]

pub mod api;
pub mod metrics;
pub mod openapi;
mod priority;
pub mod problem;
pub mod reports;
pub mod web;
mod zipfile;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use niryat::render::Renderer;
use problem::Problem;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::request_id::{
    MakeRequestId, PropagateRequestIdLayer, RequestId, SetRequestIdLayer,
};
use tower_http::trace::TraceLayer;
use utoipa::OpenApi as _;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub use web::Files;

/// The default port of `--listen`.
pub const DEFAULT_PORT: u16 = 8080;

/// How the service runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// Largest request body, in bytes (default: the library's input limit).
    pub max_body: usize,
    /// PDF renders at once (default: the number of cores).
    pub pdf_workers: usize,
    /// Bearer token required on `/v1/…` and `/metrics`, if any.
    pub token: Option<String>,
    /// Origins allowed to call the API from a browser (CORS); none by default.
    pub cors_origins: Vec<String>,
    /// Longest wait for a request's head and then for its body (slow clients).
    pub body_timeout: Duration,
    /// Longest time for a whole request, rendering included.
    pub request_timeout: Duration,
    /// Longest wait for requests in flight at shutdown.
    pub shutdown_grace: Duration,
    /// Where the form's files come from.
    pub files: Files,
    /// How many nice steps the threads that make PDFs run below the service (Linux; 0 keeps
    /// them at its priority): above 0, the checks a form sends on every keystroke are
    /// scheduled before PDF work when the cores are busy.
    pub pdf_nice: i32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            max_body: niryat::LIMITS.max_input_bytes,
            pdf_workers: std::thread::available_parallelism().map_or(2, usize::from),
            token: None,
            cors_origins: Vec::new(),
            body_timeout: Duration::from_secs(30),
            request_timeout: Duration::from_secs(120),
            shutdown_grace: Duration::from_secs(30),
            files: Files::Embedded,
            pdf_nice: priority::DEFAULT_PDF_NICE,
        }
    }
}

/// Shared by every request: the configuration, the PDF renderer and its workers, metrics.
pub struct Inner {
    /// The configuration.
    pub config: Config,
    /// The library's PDF renderer (fonts and templates loaded once).
    pub renderer: Renderer,
    /// One permit per PDF worker.
    pub pdf: Arc<Semaphore>,
    /// Metrics.
    pub metrics: metrics::Metrics,
    /// The form's files.
    pub files: Files,
}

/// The state handlers get (cheap to clone).
pub type App = Arc<Inner>;

/// The API routes and their OpenAPI description, from the same annotated handlers.
fn api_routes() -> (Router<App>, utoipa::openapi::OpenApi) {
    OpenApiRouter::with_openapi(openapi::ApiDoc::openapi())
        .routes(routes!(api::validate))
        .routes(routes!(api::documents))
        .routes(routes!(api::document))
        .routes(routes!(reports::gstr1))
        .routes(routes!(reports::realisation))
        .routes(routes!(reports::orders))
        .routes(routes!(api::kinds))
        .routes(routes!(api::schema))
        .routes(routes!(api::rules))
        .routes(routes!(api::healthz))
        .routes(routes!(api::metrics))
        .split_for_parts()
}

/// The OpenAPI description served at `/openapi.json`.
pub fn openapi_document() -> serde_json::Value {
    let (_, mut api) = api_routes();
    api.paths.paths.insert(
        "/openapi.json".into(),
        utoipa::openapi::PathItem::new(
            utoipa::openapi::HttpMethod::Get,
            utoipa::openapi::path::OperationBuilder::new()
                .summary(Some("This description (OpenAPI 3.1)"))
                .tag("operations")
                .response("200", utoipa::openapi::Response::new("The description")),
        ),
    );
    api.paths.paths.insert(
        "/".into(),
        utoipa::openapi::PathItem::new(
            utoipa::openapi::HttpMethod::Get,
            utoipa::openapi::path::OperationBuilder::new()
                .summary(Some("The browser form"))
                .tag("operations")
                .response("200", utoipa::openapi::Response::new("The form (HTML)")),
        ),
    );
    openapi::document(&api)
}

/// Request ids: a per-process counter, echoed in `x-request-id` and in every log line.
#[derive(Clone, Default)]
struct Counter(Arc<AtomicU64>);

impl MakeRequestId for Counter {
    fn make_request_id<B>(&mut self, _: &axum::http::Request<B>) -> Option<RequestId> {
        let n = self.0.fetch_add(1, Ordering::Relaxed) + 1;
        HeaderValue::from_str(&format!("{n:08x}")).ok().map(RequestId::new)
    }
}

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Counts, times and bounds every request; answers 503 past the request timeout.
async fn observe(State(app): State<App>, req: Request, next: Next) -> Response {
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "other".to_string(), |m| m.as_str().to_string());
    let method = req.method().to_string();
    let start = Instant::now();
    app.metrics.in_flight.inc();
    let limit = app.config.request_timeout;
    let res = match tokio::time::timeout(limit, next.run(req)).await {
        Ok(res) => res,
        Err(_) => {
            tracing::warn!(timeout_s = limit.as_secs_f64(), "request timed out");
            api::timed_out(limit).into_response()
        }
    };
    app.metrics.in_flight.dec();
    let status = res.status().as_u16();
    app.metrics
        .requests
        .get_or_create(&metrics::RequestLabels { route: route.clone(), method, status })
        .inc();
    app.metrics
        .latency
        .get_or_create(&metrics::RouteLabels { route })
        .observe(start.elapsed().as_secs_f64());
    res
}

/// Compares in time independent of where the strings differ.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The bearer token, when one is configured, on `/v1/…` and `/metrics`.
async fn authorize(State(app): State<App>, req: Request, next: Next) -> Response {
    let Some(token) = &app.config.token else { return next.run(req).await };
    let path = req.uri().path();
    if !(path.starts_with("/v1/") || path == "/metrics") {
        return next.run(req).await;
    }
    let given = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    if same(given.as_bytes(), token.as_bytes()) {
        next.run(req).await
    } else {
        Problem::new(StatusCode::UNAUTHORIZED, "unauthorized", "send Authorization: Bearer TOKEN")
            .into_response()
    }
}

fn panic_answer(err: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let what = err
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| err.downcast_ref::<&str>().copied())
        .unwrap_or("(no message)");
    tracing::error!(panic = what, "a handler panicked");
    Problem::internal("the server failed while working on this request").into_response()
}

/// Builds the state shared by requests.
pub fn state(config: Config) -> App {
    let workers = config.pdf_workers.max(1);
    Arc::new(Inner {
        files: config.files.clone(),
        config,
        renderer: Renderer::new(),
        pdf: Arc::new(Semaphore::new(workers)),
        metrics: metrics::Metrics::new(),
    })
}

/// The whole service. `extra` routes (tests use it for a handler that panics) get the same
/// limits, logs and metrics as the API.
pub fn router(app: App, extra: Router<App>) -> Router {
    let (api, _) = api_routes();
    let doc = openapi_document();
    let statics = Router::new()
        .fallback(get(web::serve))
        .layer(tower_http::compression::CompressionLayer::new());
    let mut router = api
        .merge(extra)
        .route("/openapi.json", get(move || async move { axum::Json(doc) }))
        .merge(statics)
        .layer(middleware::from_fn_with_state(app.clone(), authorize))
        .layer(middleware::from_fn_with_state(app.clone(), observe))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(panic_answer))
        // The body limit is enforced where the body is read (api::read_body), as a problem.
        .layer(axum::extract::DefaultBodyLimit::disable())
        .with_state(app.clone());
    if !app.config.cors_origins.is_empty() {
        let origins: Vec<HeaderValue> =
            app.config.cors_origins.iter().filter_map(|o| HeaderValue::from_str(o).ok()).collect();
        router = router.layer(
            CorsLayer::new()
                .allow_origin(AllowOrigin::list(origins))
                .allow_methods([Method::GET, Method::POST])
                .allow_headers([header::CONTENT_TYPE, header::AUTHORIZATION])
                .expose_headers([header::CONTENT_DISPOSITION, REQUEST_ID]),
        );
    }
    router
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|req: &axum::http::Request<_>| {
                    let id = req
                        .headers()
                        .get(REQUEST_ID)
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("-");
                    // Method and path only: never the body or the query (they carry shipment data).
                    tracing::info_span!("request", id, method = %req.method(), path = req.uri().path())
                })
                .on_request(())
                .on_response(
                    |res: &Response, latency: Duration, _: &tracing::Span| {
                        tracing::info!(status = res.status().as_u16(), ms = latency.as_secs_f64() * 1e3, "answered");
                    },
                ),
        )
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(SetRequestIdLayer::new(REQUEST_ID, Counter::default()))
}

/// Serves `router` on `listener` until `shutdown` completes, then stops accepting and waits
/// (at most `grace`) for the requests in flight to be answered.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    header_timeout: Duration,
    grace: Duration,
    shutdown: impl Future<Output = ()> + Send,
) -> std::io::Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    use hyper_util::service::TowerToHyperService;
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let (stream, _peer) = match accepted {
                    Ok(c) => c,
                    Err(e) => {
                        // Out of file descriptors and the like: wait a moment, go on.
                        tracing::warn!(error = %e, "accept failed");
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    }
                };
                let _ = stream.set_nodelay(true);
                let service = TowerToHyperService::new(router.clone());
                let mut http = hyper::server::conn::http1::Builder::new();
                http.timer(TokioTimer::new()).header_read_timeout(header_timeout);
                let conn = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
                tokio::spawn(async move {
                    if let Err(e) = conn.await {
                        tracing::debug!(error = %e, "connection ended with an error");
                    }
                });
            }
            () = &mut shutdown => break,
        }
    }
    drop(listener);
    tracing::info!("shutting down: finishing the requests in flight");
    tokio::select! {
        () = graceful.shutdown() => tracing::info!("all requests answered"),
        () = tokio::time::sleep(grace) => tracing::warn!("requests still in flight after the grace period"),
    }
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}

/// Runs the service on `addr` until Ctrl-C or SIGTERM (what `niryat serve` calls).
pub fn run(addr: SocketAddr, config: Config) -> Result<(), String> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        // typst recurses deeply: room for it on the blocking pool's threads.
        .thread_stack_size(64 << 20)
        .build()
        .map_err(|e| format!("cannot start the runtime: {e}"))?;
    runtime.block_on(async move {
        let listener =
            TcpListener::bind(addr).await.map_err(|e| format!("cannot listen on {addr}: {e}"))?;
        let local = listener.local_addr().map_err(|e| e.to_string())?;
        let (header_timeout, grace) = (config.body_timeout, config.shutdown_grace);
        let wasm = if config.files.has_wasm() { "with" } else { "without" };
        tracing::info!(
            "niryat serve: http://{local}/ ({} PDF workers, body limit {} bytes, form {wasm} the validation WASM)",
            config.pdf_workers,
            config.max_body
        );
        let app = state(config);
        serve(listener, router(app, Router::new()), header_timeout, grace, shutdown_signal())
            .await
            .map_err(|e| e.to_string())
    })
}

/// Logs to standard error: `RUST_LOG` filters (default `info`); `json` gives one JSON object
/// per line.
pub fn init_logging(json: bool) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    let _ = if json { builder.json().try_init() } else { builder.try_init() };
}
