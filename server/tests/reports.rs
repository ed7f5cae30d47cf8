//! The reports and the order import over a real socket: the answers equal the library's
//! (`niryat::report::output`, what Python and JavaScript get), and a body that is not one is a
//! problem naming the path of the bad value in the body.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use common::*;
use niryat::render::Lang;
use niryat::report::output::args;
use niryat::report::{self, ReportFormat, ReportInput};
use serde_json::{json, Value};

fn repo(path: &str) -> String {
    format!("{}/../{path}", env!("CARGO_MANIFEST_DIR"))
}

/// The month of example shipments (examples/month), sorted by file name.
fn month() -> Vec<(String, Value)> {
    let mut names: Vec<String> = std::fs::read_dir(repo("examples/month"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|n| {
            let v = serde_json::from_slice(
                &std::fs::read(repo(&format!("examples/month/{n}"))).unwrap(),
            );
            (n, v.unwrap())
        })
        .collect()
}

fn inputs(month: &[(String, Value)]) -> Vec<ReportInput> {
    month
        .iter()
        .map(|(n, v)| ReportInput { name: n.clone(), shipment: niryat::parse_value(v).unwrap() })
        .collect()
}

fn body(month: &[(String, Value)]) -> Vec<u8> {
    let shipments: Vec<&Value> = month.iter().map(|(_, v)| v).collect();
    let names: Vec<&str> = month.iter().map(|(n, _)| n.as_str()).collect();
    serde_json::to_vec(&json!({ "shipments": shipments, "names": names })).unwrap()
}

fn text(path: &str) -> String {
    std::fs::read_to_string(repo(path)).unwrap()
}

#[tokio::test]
async fn gstr1_is_the_librarys_report() {
    let s = start().await;
    let month = month();
    let period = args::period("2026-03").unwrap();
    for (query, format, lang) in [
        ("period=2026-03", ReportFormat::Json, Lang::En),
        ("period=2026-03&format=csv", ReportFormat::Csv, Lang::En),
        ("period=2026-03&lang=hi", ReportFormat::Json, Lang::Hi),
    ] {
        let a = post_json(s.addr, &format!("/v1/reports/gstr1?{query}"), &body(&month)).await;
        assert_eq!(a.status, 200, "{query}: {}", String::from_utf8_lossy(&a.body));
        assert_eq!(a.header("content-type"), Some("application/json"));
        let want = report::gstr1_output(&inputs(&month), period, format, lang);
        assert_eq!(a.json(), serde_json::to_value(&want).unwrap(), "{query}");
    }
    // The March invoices are there, and the issues name the shipments by the names sent.
    let a = post_json(s.addr, "/v1/reports/gstr1?period=2026-03", &body(&month)).await.json();
    let invoices: Vec<&str> = a["report"]["exp"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| e["inv"].as_array().unwrap())
        .map(|i| i["inum"].as_str().unwrap())
        .collect();
    assert_eq!(invoices, ["KBSHG/2526/101", "KBSHG/2526/103", "KBSHG/2526/102"], "{a}");
    assert_eq!(a["issues"][0]["file"], "2026-03-12-kbshg-102.json", "{a}");
    // Without names the shipments are "1", "2" …, as in Python and JavaScript.
    let shipments: Vec<&Value> = month.iter().map(|(_, v)| v).collect();
    let unnamed = serde_json::to_vec(&json!({ "shipments": shipments })).unwrap();
    let a = post_json(s.addr, "/v1/reports/gstr1?period=2024-11", &unnamed).await;
    assert_eq!(a.status, 200);
    let mut numbered = inputs(&month);
    for (i, input) in numbered.iter_mut().enumerate() {
        input.name = (i + 1).to_string();
    }
    let want = report::gstr1_output(
        &numbered,
        args::period("2024-11").unwrap(),
        ReportFormat::Json,
        Lang::En,
    );
    assert_eq!(a.json(), serde_json::to_value(&want).unwrap());
}

#[tokio::test]
async fn realisation_is_the_librarys_report() {
    let s = start().await;
    let month = month();
    for (query, format, lang) in [
        ("as_of=2026-04-30", ReportFormat::Json, Lang::En),
        ("as_of=2026-04-30&format=csv&lang=en%2Bhi", ReportFormat::Csv, Lang::EnHi),
        ("as_of=2027-12-31", ReportFormat::Json, Lang::En),
    ] {
        let as_of = args::date("as_of", &query[6..16]).unwrap();
        let a = post_json(s.addr, &format!("/v1/reports/realisation?{query}"), &body(&month)).await;
        assert_eq!(a.status, 200, "{query}: {}", String::from_utf8_lossy(&a.body));
        let want = report::realisation_output(&inputs(&month), as_of, format, lang);
        assert_eq!(a.json(), serde_json::to_value(&want).unwrap(), "{query}");
    }
}

#[tokio::test]
async fn orders_are_the_librarys_drafts() {
    let s = start().await;
    let exporter: Value = serde_json::from_str(&text("examples/orders/exporter.json")).unwrap();
    let template =
        niryat::orders::template(text("examples/orders/exporter.json").as_bytes()).unwrap();
    let catalogue = text("examples/orders/skus.csv");
    for (market, file) in [("amazon", "amazon-order-report.txt"), ("ebay", "ebay-orders.csv")] {
        let report_text = text(&format!("examples/orders/{file}"));
        let m = args::marketplace(market).unwrap();
        for (cat, lang, query) in [(Some(&catalogue), Lang::En, ""), (None, Lang::Hi, "?lang=hi")] {
            let req = json!({ "report": report_text, "exporter": exporter, "catalogue": cat });
            let a = post_json(
                s.addr,
                &format!("/v1/orders/{market}{query}"),
                &serde_json::to_vec(&req).unwrap(),
            )
            .await;
            assert_eq!(a.status, 200, "{market}: {}", String::from_utf8_lossy(&a.body));
            let want =
                report::import_output(m, &report_text, &template, cat.map(String::as_str), lang);
            assert!(want.ok && !want.orders.is_empty(), "{market}");
            assert_eq!(a.json(), serde_json::to_value(&want).unwrap(), "{market} {query}");
        }
    }
    // A report from the other marketplace cannot be read: ok is false and the issues say why.
    let req = json!({ "report": text("examples/orders/ebay-orders.csv"), "exporter": exporter });
    let a = post_json(s.addr, "/v1/orders/amazon", &serde_json::to_vec(&req).unwrap()).await;
    assert_eq!(a.status, 200);
    let j = a.json();
    assert_eq!(j["ok"], false);
    assert_eq!(j["orders"], json!([]));
    assert!(!j["issues"].as_array().unwrap().is_empty(), "{j}");
}

/// The code, path and detail of a problem answer.
fn problem(a: &Answer) -> (u16, String, String) {
    assert_eq!(a.header("content-type"), Some("application/problem+json"), "{}", a.status);
    let j = a.json();
    let path = j["issues"][0]["path"].as_str().unwrap_or("-").to_string();
    (
        a.status,
        format!("{} {path}", j["code"].as_str().unwrap()),
        j["detail"].as_str().unwrap().to_string(),
    )
}

#[tokio::test]
async fn a_body_that_is_not_one_is_a_problem_at_its_path() {
    let s = start().await;
    let month = month();
    let mut bad = month.iter().map(|(_, v)| v.clone()).collect::<Vec<_>>();
    bad[2]["items"][0]["quantity"] = json!("three");
    let cases: Vec<(&str, Vec<u8>, u16, &str)> = vec![
        (
            "/v1/reports/gstr1?period=2026-03",
            serde_json::to_vec(&json!({ "shipments": bad })).unwrap(),
            400,
            "malformed_input /shipments/2/items/0/quantity",
        ),
        (
            "/v1/reports/realisation?as_of=2026-04-30",
            serde_json::to_vec(&json!({ "shipments": bad })).unwrap(),
            400,
            "malformed_input /shipments/2/items/0/quantity",
        ),
        (
            "/v1/reports/gstr1?period=2026-03",
            br#"{"shipments": {}}"#.to_vec(),
            400,
            "malformed_input /shipments",
        ),
        (
            "/v1/reports/gstr1?period=2026-03",
            br#"{"shipments": [], "name": []}"#.to_vec(),
            400,
            "malformed_input /name",
        ),
        (
            "/v1/reports/gstr1?period=2026-03",
            br#"{"shipments": [{}], "names": ["a", "b"]}"#.to_vec(),
            400,
            "malformed_input /names",
        ),
        (
            "/v1/reports/gstr1?period=2026-03",
            br#"[{"purpose": "gift"}]"#.to_vec(),
            400,
            "malformed_input ",
        ),
        (
            "/v1/reports/gstr1?period=2026-03",
            br#"{"shipments": []} {}"#.to_vec(),
            400,
            "malformed_input ",
        ),
        (
            "/v1/reports/gstr1?period=2026-03",
            b"{\"shipments\": [\xff]}".to_vec(),
            400,
            "malformed_input /shipments/0",
        ),
        (
            "/v1/reports/gstr1?period=2026-13",
            br#"{"shipments": []}"#.to_vec(),
            400,
            "invalid_parameter -",
        ),
        ("/v1/reports/gstr1", br#"{"shipments": []}"#.to_vec(), 400, "invalid_parameter -"),
        (
            "/v1/reports/gstr1?period=2026-03&format=xml",
            br#"{"shipments": []}"#.to_vec(),
            400,
            "invalid_parameter -",
        ),
        (
            "/v1/reports/realisation?as_of=30-04-2026",
            br#"{"shipments": []}"#.to_vec(),
            400,
            "invalid_parameter -",
        ),
        (
            "/v1/reports/realisation?as_of=2026-04-30&lang=fr",
            br#"{"shipments": []}"#.to_vec(),
            400,
            "invalid_parameter -",
        ),
        (
            "/v1/orders/flipkart",
            br#"{"report": "", "exporter": {}}"#.to_vec(),
            404,
            "unknown_marketplace -",
        ),
        (
            "/v1/orders/amazon",
            br#"{"report": 5, "exporter": {}}"#.to_vec(),
            400,
            "malformed_input /report",
        ),
        ("/v1/orders/amazon", br#"{"exporter": {}}"#.to_vec(), 400, "malformed_input "),
        (
            "/v1/orders/ebay",
            br#"{"report": "", "exporter": {"iec": 7}}"#.to_vec(),
            400,
            "malformed_input /exporter/iec",
        ),
        (
            "/v1/orders/ebay",
            br#"{"report": "", "exporter": {"items": "none"}}"#.to_vec(),
            400,
            "malformed_input /exporter/items",
        ),
    ];
    for (path, body, status, want) in cases {
        let a = post_json(s.addr, path, &body).await;
        let (got_status, got, detail) = problem(&a);
        assert_eq!((got_status, got.as_str()), (status, want), "{path}: {detail}");
        assert!(!detail.is_empty());
    }
    // A key written twice in a shipment, refused by `/v1/validate`, is refused here too, at
    // the second one (a JSON value would keep the last and let the shipment through).
    let twice =
        |text: String, at: &str| text.replacen(at, &format!("{at}\"purpose\":\"gift\","), 1);
    let report = twice(String::from_utf8(body(&month)).unwrap(), "\"shipments\":[{");
    let exporter: Value = serde_json::from_str(&text("examples/orders/exporter.json")).unwrap();
    let orders = twice(json!({ "report": "", "exporter": exporter }).to_string(), "\"exporter\":{");
    for (path, body, want) in [
        (
            "/v1/reports/gstr1?period=2026-03",
            report.clone(),
            "malformed_input /shipments/0/purpose",
        ),
        (
            "/v1/reports/realisation?as_of=2026-04-30",
            report,
            "malformed_input /shipments/0/purpose",
        ),
        ("/v1/orders/amazon", orders, "malformed_input /exporter/purpose"),
    ] {
        let a = post_json(s.addr, path, body.as_bytes()).await;
        let (status, got, detail) = problem(&a);
        assert_eq!((status, got.as_str()), (400, want), "{path}: {detail}");
        assert!(detail.contains("appears twice"), "{detail}");
    }
    // In the language of the report's messages.
    let mut bad = month.iter().map(|(_, v)| v.clone()).collect::<Vec<_>>();
    bad[1]["purpose"] = json!("gift");
    let in_hindi = serde_json::to_vec(&json!({ "shipments": bad })).unwrap();
    let a = post_json(s.addr, "/v1/reports/gstr1?period=2026-03&lang=hi", &in_hindi).await;
    let j = a.json();
    assert_eq!((a.status, j["issues"][0]["path"].as_str()), (400, Some("/shipments/1/purpose")));
    let m = j["issues"][0]["message"].as_str().unwrap_or_default();
    assert!(m.starts_with("प्रेषण 2: अज्ञात शब्द `gift`"), "{m}");
    // Nesting past serde_json's depth limit is refused, not followed.
    let deep = format!("{{\"shipments\": [{}]}}", "[".repeat(5000));
    let a = post_json(s.addr, "/v1/reports/gstr1?period=2026-03", deep.as_bytes()).await;
    let (status, got, detail) = problem(&a);
    assert_eq!(status, 400, "{detail}");
    assert!(got.starts_with("malformed_input /shipments/0"), "{got}: {detail}");
    // The detail says what the body should have been.
    let a = post_json(s.addr, "/v1/reports/gstr1?period=2026-03", br#"{"shipments": 1}"#).await;
    let (_, _, detail) = problem(&a);
    assert!(detail.starts_with("the body is not a report request"), "{detail}");
    // The position in the text is kept apart from the message.
    let j = post_json(s.addr, "/v1/reports/gstr1?period=2026-03", b"{\n  \"shipments\": [1,]\n}")
        .await
        .json();
    assert_eq!(
        (j["issues"][0]["params"]["line"].as_str(), j["issues"][0]["params"]["column"].as_str()),
        (Some("2"), Some("19")),
        "{j}"
    );
    assert!(!j["issues"][0]["message"].as_str().unwrap().contains("line"), "{j}");
    // Not JSON, and a body over the limit, as for every POST.
    let a = raw(
        s.addr,
        &request(
            "POST",
            "/v1/reports/gstr1?period=2026-03",
            &[("Content-Type", "text/csv")],
            b"a,b",
        ),
    )
    .await;
    assert_eq!(problem(&a).0, 415);
    let small = niryat_server::Config { max_body: 1000, ..niryat_server::Config::default() };
    let s2 = start_with(small, axum::Router::new()).await;
    let a = post_json(s2.addr, "/v1/orders/amazon", &body(&month)).await;
    assert_eq!(problem(&a).0, 413);
}
