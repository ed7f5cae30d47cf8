//! Prometheus metrics: requests by route and status, latency histograms, renders in flight.

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;

/// Labels of one request.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RequestLabels {
    /// The route as declared (`/v1/documents/{kind}`), or `other`.
    pub route: String,
    /// HTTP method.
    pub method: String,
    /// Status code.
    pub status: u16,
}

/// Labels of a latency observation.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RouteLabels {
    /// The route as declared.
    pub route: String,
}

/// Every metric the service keeps.
pub struct Metrics {
    registry: Registry,
    /// Requests answered.
    pub requests: Family<RequestLabels, Counter>,
    /// Seconds from the request's arrival to its answer's headers.
    pub latency: Family<RouteLabels, Histogram, fn() -> Histogram>,
    /// Requests being handled.
    pub in_flight: Gauge,
    /// PDF renders running on the blocking pool.
    pub renders_in_flight: Gauge,
    /// PDF renders waiting for a worker.
    pub renders_waiting: Gauge,
}

fn latency_histogram() -> Histogram {
    // 0.1 ms to ~13 s.
    Histogram::new(exponential_buckets(0.0001, 2.5, 14))
}

impl Metrics {
    /// Registers the metrics.
    pub fn new() -> Metrics {
        let mut registry = Registry::with_prefix("niryat");
        let requests = Family::<RequestLabels, Counter>::default();
        let latency = Family::<RouteLabels, Histogram, fn() -> Histogram>::new_with_constructor(
            latency_histogram,
        );
        let in_flight = Gauge::default();
        let renders_in_flight = Gauge::default();
        let renders_waiting = Gauge::default();
        registry.register("http_requests", "HTTP requests answered", requests.clone());
        registry.register(
            "http_request_duration_seconds",
            "Time to answer an HTTP request",
            latency.clone(),
        );
        registry.register(
            "http_requests_in_flight",
            "HTTP requests being handled",
            in_flight.clone(),
        );
        registry.register("renders_in_flight", "PDF renders running", renders_in_flight.clone());
        registry.register(
            "renders_waiting",
            "PDF renders waiting for a worker",
            renders_waiting.clone(),
        );
        Metrics { registry, requests, latency, in_flight, renders_in_flight, renders_waiting }
    }

    /// The metrics in the OpenMetrics text format (read by Prometheus).
    pub fn encode(&self) -> String {
        let mut out = String::new();
        if prometheus_client::encoding::text::encode(&mut out, &self.registry).is_err() {
            out.clear();
        }
        out
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics::new()
    }
}
