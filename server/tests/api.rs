//! The API over a real socket: answers equal the library's, errors are problem+json with
//! niryat's issues, the OpenAPI description lists every route, and the service's own
//! behaviour (metrics, token, CORS, panics, graceful shutdown).
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use common::*;
use niryat::render::{Format, PdfOptions, Renderer};
use niryat::{DocKind, Mode};
use niryat_server::Config;
use std::io::Read;
use std::time::Duration;

#[tokio::test]
async fn validate_answers_what_the_library_finds() {
    let s = start().await;
    for name in examples() {
        let body = example(&name);
        let shipment = niryat::parse_json(&body).unwrap();
        for draft in [false, true] {
            let a = post_json(s.addr, &format!("/v1/validate?draft={draft}"), &body).await;
            assert_eq!(a.status, 200, "{name}");
            assert_eq!(a.header("content-type"), Some("application/json"));
            let mode = if draft { Mode::Draft } else { Mode::Strict };
            let want = serde_json::to_value(niryat::check(&shipment, None, mode)).unwrap();
            assert_eq!(a.json(), want, "{name} draft={draft}");
        }
    }
}

#[tokio::test]
async fn validate_speaks_the_language_asked_for() {
    let s = start().await;
    let body = br#"{"purpose": "commercial"}"#;
    let shipment = niryat::parse_json(body).unwrap();
    for (word, lang) in [("hi", niryat::render::Lang::Hi), ("en%2Bhi", niryat::render::Lang::EnHi)]
    {
        let a = post_json(s.addr, &format!("/v1/validate?lang={word}"), body).await;
        assert_eq!(a.status, 200, "{word}");
        let want = niryat::check(&shipment, None, Mode::Strict).in_lang(lang);
        assert_eq!(a.json(), serde_json::to_value(&want).unwrap(), "{word}");
    }
    let a = post_json(s.addr, "/v1/validate?lang=hi", body).await;
    let first = a.json()["issues"][0]["message"].as_str().unwrap().to_string();
    assert!(first.chars().any(|c| ('\u{0900}'..='\u{097f}').contains(&c)), "{first}");
}

#[tokio::test]
async fn validate_for_named_documents_reports_their_errors() {
    let s = start().await;
    let body = br#"{"purpose": "commercial"}"#;
    let a = post_json(s.addr, "/v1/validate?for=commercial_invoice,packing_list", body).await;
    assert_eq!(a.status, 200);
    let j = a.json();
    assert_eq!(j["valid"], false);
    assert_eq!(j["documents"], serde_json::json!(["commercial_invoice", "packing_list"]));
    let shipment = niryat::parse_json(body).unwrap();
    let want = niryat::check(
        &shipment,
        Some(&[DocKind::CommercialInvoice, DocKind::PackingList]),
        Mode::Strict,
    );
    assert_eq!(j, serde_json::to_value(&want).unwrap());
    // Each issue carries code, path, severity, message and the documents it blocks.
    assert!(j["issues"].as_array().unwrap().iter().all(|i| i["code"].is_string()
        && i["path"].is_string()
        && i["severity"].is_string()
        && i["message"].is_string()
        && i["blocks"].is_array()));
    assert!(j["issues"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["blocks"] == serde_json::json!(["commercial_invoice"])
            || i["blocks"].as_array().unwrap().len() == 2));
}

#[tokio::test]
async fn a_pdf_is_the_renderers_bytes() {
    let s = start().await;
    let body = example("varanasi-silk-amazon");
    let a = post_json(s.addr, "/v1/documents/packing_list?lang=en&copies=2", &body).await;
    assert_eq!(a.status, 200, "{}", String::from_utf8_lossy(&a.body));
    assert_eq!(a.header("content-type"), Some("application/pdf"));
    assert_eq!(a.header("content-disposition"), Some("attachment; filename=\"packing_list.pdf\""));
    let shipment = niryat::parse_json(&body).unwrap();
    let opts = PdfOptions { lang: niryat::render::Lang::En, copies: 2, ..PdfOptions::default() };
    let want = Renderer::new().render(&shipment, DocKind::PackingList, &opts).unwrap();
    assert!(a.body == want, "the served PDF differs from the library's");
}

#[tokio::test]
async fn text_formats_are_the_librarys_text() {
    let s = start().await;
    let body = example("moradabad-brass-sea");
    let shipment = niryat::parse_json(&body).unwrap();
    for (kind, format, flavor, ctype) in [
        (
            DocKind::CommercialInvoice,
            Format::Xml,
            Some(niryat::render::Flavor::Ubl),
            "application/xml",
        ),
        (DocKind::PackingList, Format::Json, None, "application/json"),
        (
            DocKind::CommercialInvoice,
            Format::Xml,
            Some(niryat::render::Flavor::Niryat),
            "application/xml",
        ),
    ] {
        let flavor_q = flavor.map_or(String::new(), |f| {
            format!("&flavor={}", if f == niryat::render::Flavor::Ubl { "ubl" } else { "niryat" })
        });
        let path = format!("/v1/documents/{}?format={}{flavor_q}", kind.name(), format.extension());
        let a = post_json(s.addr, &path, &body).await;
        let want = niryat::render::render_text(&shipment, kind, format, flavor);
        match want {
            Ok(text) => {
                assert_eq!(a.status, 200, "{path}: {}", String::from_utf8_lossy(&a.body));
                assert_eq!(a.header("content-type"), Some(ctype));
                assert_eq!(a.body, text.into_bytes(), "{path}");
            }
            Err(e) => {
                assert_ne!(a.status, 200, "{path}: the library refuses it ({e})");
                assert_eq!(a.json()["code"], e.code());
            }
        }
    }
}

#[tokio::test]
async fn the_zip_holds_every_document_as_the_library_makes_it() {
    let s = start().await;
    let body = example("personal-gift");
    let a = post_json(s.addr, "/v1/documents", &body).await;
    assert_eq!(a.status, 200, "{}", String::from_utf8_lossy(&a.body));
    assert_eq!(a.header("content-type"), Some("application/zip"));
    let shipment = niryat::parse_json(&body).unwrap();
    let kinds = DocKind::for_shipment(&shipment);
    assert!(!kinds.is_empty());
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(a.body)).unwrap();
    assert_eq!(zip.len(), kinds.len());
    let renderer = Renderer::new();
    for kind in kinds {
        let format = niryat::render::formats_for(kind)[0];
        let mut got = Vec::new();
        zip.by_name(&format!("{}.{}", kind.name(), format.extension()))
            .unwrap()
            .read_to_end(&mut got)
            .unwrap();
        let want = match format {
            Format::Pdf => renderer.render(&shipment, kind, &PdfOptions::default()).unwrap(),
            _ => niryat::render::render_text(&shipment, kind, format, None).unwrap().into_bytes(),
        };
        assert!(got == want, "{} differs", kind.name());
    }
}

#[tokio::test]
async fn an_invalid_shipment_is_a_problem_with_every_issue() {
    let s = start().await;
    let body = br#"{"purpose": "commercial", "items": [{"description": "Silk saree"}]}"#;
    let a = post_json(s.addr, "/v1/documents/commercial_invoice?format=pdf", body).await;
    assert_eq!(a.status, 422);
    assert_eq!(a.header("content-type"), Some("application/problem+json"));
    let j = a.json();
    assert_eq!(j["type"], "urn:niryat:problem:invalid_shipment");
    assert_eq!(j["status"], 422);
    assert_eq!(j["code"], "invalid_shipment");
    let shipment = niryat::parse_json(body).unwrap();
    let report = niryat::validate(&shipment, &[DocKind::CommercialInvoice], Mode::Strict);
    assert_eq!(j["issues"], serde_json::to_value(&report.issues).unwrap());
    // Every path resolves in the input.
    let input: serde_json::Value = serde_json::from_slice(body).unwrap();
    for i in j["issues"].as_array().unwrap() {
        assert!(input.pointer(i["path"].as_str().unwrap()).is_some(), "{i}");
    }
}

#[tokio::test]
async fn malformed_input_names_the_path() {
    let s = start().await;
    let a = post_json(s.addr, "/v1/validate", br#"{"items": [{"quantity": "many"}]}"#).await;
    assert_eq!(a.status, 400);
    let j = a.json();
    assert_eq!(j["code"], "malformed_input");
    assert_eq!(j["issues"][0]["code"], "malformed_input");
    assert_eq!(j["issues"][0]["path"], "/items/0/quantity");
    assert_eq!(j["issues"][0]["severity"], "error");
    // In the language of the messages asked for; the path and code stay as they are.
    let body = br#"{"packages": [{"number": "5"}]}"#;
    let a = post_json(s.addr, "/v1/validate?lang=hi", body).await;
    let j = a.json();
    assert_eq!((a.status, j["issues"][0]["path"].as_str()), (400, Some("/packages/0/number")));
    let hi = "गलत प्रकार (स्ट्रिंग \"5\"): 0 से 4294967295 तक की पूर्ण संख्या चाहिए";
    assert_eq!(j["issues"][0]["message"], hi);
    assert!(j["detail"].as_str().unwrap_or_default().contains(hi), "{j}");
}

#[tokio::test]
async fn names_are_checked_with_the_choices_in_the_answer() {
    let s = start().await;
    let body = example("personal-gift");
    for (path, status, code, needle) in [
        ("/v1/documents/bill_of_lading", 404, "unknown_kind", "commercial_invoice"),
        ("/v1/documents/cn22?lang=fr", 400, "invalid_parameter", "en+hi"),
        ("/v1/documents/cn22?format=docx", 400, "invalid_parameter", "csv"),
        ("/v1/documents/cn22?format=csv", 400, "unsupported_format", "pdf"),
        ("/v1/documents/cn22?copies=7", 400, "invalid_parameter", "1, 2 or 3"),
        ("/v1/documents/cn22?copies=two", 400, "invalid_parameter", "copies"),
        (
            "/v1/documents/commercial_invoice?format=xml&flavor=cxml",
            400,
            "invalid_parameter",
            "ubl",
        ),
        ("/v1/validate?for=cn99", 400, "invalid_parameter", "cn23"),
        ("/v1/validate?draft=maybe", 400, "invalid_parameter", "draft"),
    ] {
        let a = post_json(s.addr, path, &body).await;
        assert_eq!(a.status, status, "{path}");
        assert_eq!(a.header("content-type"), Some("application/problem+json"), "{path}");
        let j = a.json();
        assert_eq!(j["code"], code, "{path}: {j}");
        assert!(j["detail"].as_str().unwrap().contains(needle), "{path}: {j}");
    }
}

#[tokio::test]
async fn catalogues_and_health() {
    let s = start().await;
    let kinds = get(s.addr, "/v1/kinds").await.json();
    let names: Vec<_> =
        kinds.as_array().unwrap().iter().map(|k| k["name"].as_str().unwrap()).collect();
    assert_eq!(names, DocKind::ALL.iter().map(|k| k.name()).collect::<Vec<_>>());
    assert_eq!(kinds[0]["formats"][0], "pdf");
    let schema = get(s.addr, "/v1/schema").await;
    assert_eq!(schema.header("content-type"), Some("application/schema+json"));
    assert_eq!(schema.body, niryat::shipment_schema().into_bytes());
    let rules = get(s.addr, "/v1/rules").await.json();
    assert_eq!(rules.as_array().unwrap().len(), niryat::rules::catalogue::ALL.len());
    assert_eq!(rules[0]["code"], niryat::rules::catalogue::ALL[0].code);
    let h = get(s.addr, "/healthz").await;
    assert_eq!((h.status, h.json()["status"].as_str()), (200, Some("ok")));
    assert!(h.header("x-request-id").is_some());
}

#[tokio::test]
async fn the_openapi_description_has_every_route_and_the_examples_fit_it() {
    let s = start().await;
    let doc = get(s.addr, "/openapi.json").await.json();
    assert_eq!(doc["openapi"], "3.1.0");
    let paths = doc["paths"].as_object().unwrap();
    let mut listed: Vec<String> = Vec::new();
    for (path, item) in paths {
        for method in item.as_object().unwrap().keys() {
            listed.push(format!("{} {path}", method.to_uppercase()));
        }
    }
    listed.sort();
    let mut routes = vec![
        "POST /v1/validate",
        "POST /v1/documents",
        "POST /v1/documents/{kind}",
        "POST /v1/reports/gstr1",
        "POST /v1/reports/realisation",
        "POST /v1/orders/{marketplace}",
        "GET /v1/kinds",
        "GET /v1/schema",
        "GET /v1/rules",
        "GET /healthz",
        "GET /metrics",
        "GET /openapi.json",
        "GET /",
    ];
    routes.sort_unstable();
    assert_eq!(listed, routes);
    // Every listed route answers (none is a 404 or 405 of the router).
    for r in &routes {
        let (method, path) = r.split_once(' ').unwrap();
        let path = path.replace("{kind}", "cn22").replace("{marketplace}", "amazon");
        let a =
            raw(s.addr, &request(method, &path, &[("Content-Type", "application/json")], b"{}"))
                .await;
        assert!(a.status != 404 && a.status != 405, "{r}: {}", a.status);
    }
    // Every $ref resolves, and each example validates against the request body's schema.
    fn refs(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(o) => {
                if let Some(serde_json::Value::String(r)) = o.get("$ref") {
                    out.push(r.clone());
                }
                o.values().for_each(|v| refs(v, out));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|v| refs(v, out)),
            _ => {}
        }
    }
    let mut all = Vec::new();
    refs(&doc, &mut all);
    for r in &all {
        assert!(doc.pointer(r.strip_prefix('#').unwrap()).is_some(), "{r} does not resolve");
    }
    let body_ref = doc["paths"]["/v1/validate"]["post"]["requestBody"]["content"]
        ["application/json"]["schema"]["$ref"]
        .as_str()
        .unwrap();
    assert_eq!(body_ref, "#/components/schemas/Shipment");
    let mut schema = doc.clone();
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema".into();
    schema["$ref"] = body_ref.into();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for name in examples() {
        let v: serde_json::Value = serde_json::from_slice(&example(&name)).unwrap();
        let errors: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
    }
    // And something that is not a shipment does not.
    assert!(!validator.is_valid(&serde_json::json!({"items": "none"})));
    // The reports' body holds shipments of the same schema; the answers are the library's.
    let report_body = doc["paths"]["/v1/reports/gstr1"]["post"]["requestBody"]["content"]
        ["application/json"]["schema"]["$ref"]
        .as_str()
        .unwrap();
    schema["$ref"] = report_body.into();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let shipments: Vec<serde_json::Value> =
        examples().iter().map(|n| serde_json::from_slice(&example(n)).unwrap()).collect();
    let body = serde_json::json!({"shipments": shipments, "names": examples()});
    let errors: Vec<String> = validator.iter_errors(&body).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert!(!validator.is_valid(&serde_json::json!({"shipments": [{"items": "none"}]})));
    assert!(!validator.is_valid(&serde_json::json!({"shipments": [], "name": []})));
    for (path, answer) in
        [("/v1/reports/realisation", "ReportOutput"), ("/v1/orders/{marketplace}", "ImportOutput")]
    {
        assert_eq!(
            doc["paths"][path]["post"]["responses"]["200"]["content"]["application/json"]["schema"]
                ["$ref"],
            format!("#/components/schemas/{answer}")
        );
    }
    assert!(doc["components"]["schemas"]["ImportOutput"]["properties"]["orders"].is_object());
    // Every parameter that takes a word lists the words the server accepts, and the patterns
    // of the others accept what the library's parsers accept.
    let param = |path: &str, name: &str| -> serde_json::Value {
        let op = &doc["paths"][path]["post"]["parameters"];
        let p = op.as_array().unwrap().iter().find(|p| p["name"] == name);
        p.unwrap_or_else(|| panic!("{path} has no parameter {name}"))["schema"].clone()
    };
    let words = |path: &str, name: &str| -> Vec<String> {
        let e = param(path, name)["enum"].as_array().unwrap().clone();
        e.iter().map(|w| w.as_str().unwrap().to_string()).collect()
    };
    use niryat::names::Named;
    assert_eq!(words("/v1/validate", "lang"), ["en", "hi", "en+hi"]);
    assert_eq!(words("/v1/documents/{kind}", "format"), ["pdf", "xml", "json", "csv"]);
    assert_eq!(words("/v1/documents/{kind}", "copies"), ["1", "2", "3"]);
    assert_eq!(words("/v1/documents/{kind}", "kind"), DocKind::words());
    assert_eq!(words("/v1/documents", "layout"), niryat::render::Layout::words());
    assert_eq!(words("/v1/documents", "flavor"), niryat::render::Flavor::words());
    for w in words("/v1/reports/gstr1", "format") {
        assert!(niryat::report::output::args::format("format", &w).is_ok(), "{w}");
    }
    for w in words("/v1/orders/{marketplace}", "marketplace") {
        assert!(niryat::report::output::args::marketplace(&w).is_ok(), "{w}");
    }
    let matches = |schema: serde_json::Value, text: &str| {
        jsonschema::validator_for(&schema).unwrap().is_valid(&serde_json::json!(text))
    };
    let period = param("/v1/reports/gstr1", "period");
    for year in [1999, 2016, 2017, 2026, 2100, 9999] {
        for month in 0..=13 {
            let text = format!("{year:04}-{month:02}");
            let parsed = niryat::report::output::args::period(&text).is_ok();
            assert_eq!(matches(period.clone(), &text), parsed, "{text}");
        }
    }
    let as_of = param("/v1/reports/realisation", "as_of");
    assert!(matches(as_of.clone(), "2026-04-30") && !matches(as_of, "30-04-2026"));
    let for_ = param("/v1/validate", "for");
    assert!(matches(for_.clone(), "commercial_invoice,cn22") && matches(for_.clone(), "pbe"));
    assert!(!matches(for_.clone(), "cn22,") && !matches(for_.clone(), "invoice"));
    assert!(matches(for_, ""));
    // The order import's exporter: a profile or a shipment, nothing else.
    let mut schema = doc.clone();
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema".into();
    schema["$ref"] = "#/components/schemas/OrdersRequest".into();
    let orders = jsonschema::validator_for(&schema).unwrap();
    let profile: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(format!(
            "{}/../examples/orders/exporter.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap(),
    )
    .unwrap();
    let shipment: serde_json::Value =
        serde_json::from_slice(&example("varanasi-silk-amazon")).unwrap();
    for exporter in [profile, shipment] {
        let body = serde_json::json!({"report": "", "exporter": exporter});
        let errors: Vec<String> = orders.iter_errors(&body).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{errors:?}");
    }
    assert!(!orders.is_valid(&serde_json::json!({"report": "", "exporter": {"nonsense": 1}})));
    // An answer's issue may leave out `params` (it does when there are none).
    let required = doc["components"]["schemas"]["Issue"]["required"].as_array().unwrap().clone();
    assert!(!required.contains(&serde_json::json!("params")), "{required:?}");
    assert!(doc["components"]["schemas"]["DraftOrder"]["properties"]["shipment"].is_object());
    // The validation answer and the issue are the library's types.
    assert_eq!(
        doc["paths"]["/v1/validate"]["post"]["responses"]["200"]["content"]["application/json"]
            ["schema"]["$ref"],
        "#/components/schemas/Validation"
    );
    assert!(doc["components"]["schemas"]["Validation"]["properties"]["documents"].is_object());
    assert_eq!(doc["components"]["schemas"]["Issue"]["properties"]["path"]["type"], "string");
}

#[tokio::test]
async fn metrics_count_requests_by_route_and_status() {
    let s = start().await;
    post_json(s.addr, "/v1/validate", &example("personal-gift")).await;
    post_json(s.addr, "/v1/validate", b"{").await;
    let m = get(s.addr, "/metrics").await;
    assert_eq!(m.status, 200);
    let text = String::from_utf8(m.body).unwrap();
    assert!(
        text.contains(
            r#"niryat_http_requests_total{route="/v1/validate",method="POST",status="200"} 1"#
        ),
        "{text}"
    );
    assert!(
        text.contains(
            r#"niryat_http_requests_total{route="/v1/validate",method="POST",status="400"} 1"#
        ),
        "{text}"
    );
    assert!(
        text.contains(r#"niryat_http_request_duration_seconds_count{route="/v1/validate"} 2"#),
        "{text}"
    );
    assert!(text.contains("niryat_renders_in_flight 0"), "{text}");
}

#[tokio::test]
async fn a_token_when_configured_guards_the_api_but_not_health() {
    let config = Config { token: Some("s3cret".into()), ..Config::default() };
    let s = start_with(config, axum::Router::new()).await;
    let body = example("personal-gift");
    let no = post_json(s.addr, "/v1/validate", &body).await;
    assert_eq!(no.status, 401);
    assert_eq!(no.header("www-authenticate"), Some("Bearer"));
    assert_eq!(no.json()["code"], "unauthorized");
    let wrong = raw(
        s.addr,
        &request(
            "POST",
            "/v1/validate",
            &[("Content-Type", "application/json"), ("Authorization", "Bearer s3cres")],
            &body,
        ),
    )
    .await;
    assert_eq!(wrong.status, 401);
    let ok = raw(
        s.addr,
        &request(
            "POST",
            "/v1/validate",
            &[("Content-Type", "application/json"), ("Authorization", "Bearer s3cret")],
            &body,
        ),
    )
    .await;
    assert_eq!(ok.status, 200);
    assert_eq!(get(s.addr, "/metrics").await.status, 401);
    assert_eq!(get(s.addr, "/healthz").await.status, 200);
}

#[tokio::test]
async fn cors_is_off_unless_origins_are_given() {
    let preflight = |origin: &str| {
        request(
            "OPTIONS",
            "/v1/validate",
            &[("Origin", origin), ("Access-Control-Request-Method", "POST")],
            b"",
        )
    };
    let off = start().await;
    let a = raw(off.addr, &preflight("https://portal.example")).await;
    assert_eq!(a.header("access-control-allow-origin"), None);
    let config =
        Config { cors_origins: vec!["https://portal.example".into()], ..Config::default() };
    let on = start_with(config, axum::Router::new()).await;
    let a = raw(on.addr, &preflight("https://portal.example")).await;
    assert_eq!(a.header("access-control-allow-origin"), Some("https://portal.example"));
    let a = raw(on.addr, &preflight("https://elsewhere.example")).await;
    assert_eq!(a.header("access-control-allow-origin"), None);
}

#[tokio::test]
async fn a_panic_is_answered_500_and_the_server_goes_on() {
    #[allow(clippy::panic)]
    async fn boom() -> &'static str {
        panic!("test panic")
    }
    let extra = axum::Router::new().route("/boom", axum::routing::get(boom));
    let s = start_with(Config::default(), extra).await;
    let a = get(s.addr, "/boom").await;
    assert_eq!(a.status, 500);
    assert_eq!(a.header("content-type"), Some("application/problem+json"));
    assert_eq!(a.json()["code"], "internal_error");
    assert!(a.header("x-request-id").is_some());
    assert_eq!(get(s.addr, "/healthz").await.status, 200);
}

#[tokio::test]
async fn shutdown_finishes_the_requests_in_flight() {
    async fn slow() -> &'static str {
        tokio::time::sleep(Duration::from_millis(1500)).await;
        "done"
    }
    let extra = axum::Router::new().route("/slow", axum::routing::get(slow));
    let mut s = start_with(Config::default(), extra).await;
    let addr = s.addr;
    let in_flight = tokio::spawn(async move { get(addr, "/slow").await });
    tokio::time::sleep(Duration::from_millis(300)).await;
    s.shutdown();
    let a = within(Duration::from_secs(10), in_flight).await.unwrap();
    assert_eq!((a.status, a.body.as_slice()), (200, b"done".as_slice()));
    within(Duration::from_secs(10), &mut s.done).await.unwrap().unwrap();
    // No longer listening.
    assert!(tokio::net::TcpStream::connect(addr).await.is_err());
}

#[tokio::test]
async fn the_form_is_served_and_told_it_is_served() {
    let s = start().await;
    let page = get(s.addr, "/").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.header("content-type"), Some("text/html; charset=utf-8"));
    let html = String::from_utf8(page.body).unwrap();
    assert!(html.contains(r#"<meta name="niryat-api" content="v1">"#));
    let app = get(s.addr, "/app.js").await;
    assert_eq!(app.status, 200);
    assert_eq!(app.header("content-type"), Some("text/javascript; charset=utf-8"));
    assert_eq!(get(s.addr, "/../Cargo.toml").await.status, 404);
    assert_eq!(get(s.addr, "/nothing-here.js").await.status, 404);
    if s.app.files.has_wasm() {
        let wasm = get(s.addr, "/pkg-validate/niryat_wasm_bg.wasm").await;
        assert_eq!(wasm.header("content-type"), Some("application/wasm"));
        assert!(!html.contains("niryat-wasm"));
    } else {
        assert!(html.contains(r#"<meta name="niryat-wasm" content="none">"#));
    }
}

#[tokio::test]
async fn a_request_past_the_timeout_is_503() {
    async fn slow() -> &'static str {
        tokio::time::sleep(Duration::from_secs(5)).await;
        "late"
    }
    let extra = axum::Router::new().route("/slow", axum::routing::get(slow));
    let config = Config { request_timeout: Duration::from_millis(500), ..Config::default() };
    let s = start_with(config, extra).await;
    let a = within(Duration::from_secs(4), get(s.addr, "/slow")).await;
    assert_eq!(a.status, 503);
    assert_eq!(a.json()["code"], "timeout");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn validation_does_not_wait_behind_pdfs() {
    let config = Config { pdf_workers: 1, ..Config::default() };
    let s = start_with(config, axum::Router::new()).await;
    let addr = s.addr;
    let body = example("varanasi-silk-amazon");
    // Four invoices for one PDF worker: three wait.
    let pdfs: Vec<_> = (0..4)
        .map(|_| {
            let body = body.clone();
            tokio::spawn(async move {
                post_json(addr, "/v1/documents/commercial_invoice", &body).await.status
            })
        })
        .collect();
    within(Duration::from_secs(30), async {
        while s.app.metrics.renders_waiting.get() < 1 || s.app.metrics.renders_in_flight.get() < 1 {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await;
    assert_eq!(s.app.metrics.renders_in_flight.get(), 1, "one worker, one render");
    let t0 = std::time::Instant::now();
    let a = post_json(addr, "/v1/validate", &body).await;
    let took = t0.elapsed();
    assert_eq!(a.status, 200);
    // Renders are still queued: the check did not wait for them.
    assert!(
        s.app.metrics.renders_waiting.get() >= 1,
        "the PDFs finished first; the test proves nothing"
    );
    assert!(took < Duration::from_secs(2), "validation took {took:?} behind the PDFs");
    for p in pdfs {
        assert_eq!(within(Duration::from_secs(300), p).await.unwrap(), 200);
    }
}

/// A package file with a `.br` twin (bindings-wasm/build.sh writes one for the validation
/// module) is sent as the twin to a browser that accepts br, and as itself otherwise.
#[tokio::test]
async fn the_brotli_twin_goes_to_browsers_that_accept_br() {
    let dir = std::env::temp_dir().join(format!("niryat-web-{}", std::process::id()));
    let pkg = dir.join("pkg-validate");
    std::fs::create_dir_all(dir.join("web")).unwrap();
    std::fs::create_dir_all(&pkg).unwrap();
    std::fs::write(dir.join("web/index.html"), "<html><head></head><body></body></html>").unwrap();
    let module = b"\0asm plain module bytes".to_vec();
    let twin = b"pretend brotli bytes".to_vec();
    std::fs::write(pkg.join("niryat_wasm_bg.wasm"), &module).unwrap();
    std::fs::write(pkg.join("niryat_wasm_bg.wasm.br"), &twin).unwrap();
    let config = Config { files: niryat_server::Files::Dir(dir.clone()), ..Config::default() };
    let s = start_with(config, axum::Router::new()).await;
    let path = "/pkg-validate/niryat_wasm_bg.wasm";
    let ask = |enc: &'static str| {
        let addr = s.addr;
        async move {
            let headers: Vec<(&str, &str)> =
                if enc.is_empty() { vec![] } else { vec![("Accept-Encoding", enc)] };
            raw(addr, &request("GET", path, &headers, b"")).await
        }
    };
    let br = ask("gzip, deflate, br, zstd").await;
    assert_eq!(br.status, 200);
    assert_eq!(br.header("content-encoding"), Some("br"));
    assert_eq!(br.header("content-type"), Some("application/wasm"));
    assert_eq!(br.body, twin);
    for enc in ["", "identity", "gzip;q=0, br;q=0"] {
        let plain = ask(enc).await;
        assert_eq!(plain.status, 200, "{enc}");
        assert_eq!(plain.header("content-encoding"), None, "{enc}");
        assert_eq!(plain.body, module, "{enc}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
