//! `niryat report gstr1|realisation` and `niryat import-orders` on the bundled examples.
#![allow(clippy::disallowed_methods)] // the tests read the bundled examples and write temp dirs
#![allow(clippy::unwrap_used, clippy::panic)]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn niryat(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_niryat")).args(args).current_dir(root()).output().unwrap()
}

fn month() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(root().join("examples/month"))
        .unwrap()
        .map(|e| format!("examples/month/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    v.sort();
    v
}

#[test]
fn report_gstr1_writes_the_offline_tool_json_and_warns_of_pending_bills() {
    let files = month();
    let mut args = vec!["report", "gstr1", "--period", "2026-03"];
    args.extend(files.iter().map(String::as_str));
    let o = niryat(&args);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["fp"], "032026");
    assert_eq!(v["exp"][0]["exp_typ"], "WPAY");
    assert_eq!(v["exp"][0]["inv"].as_array().unwrap().len(), 2);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("2026-03-12-kbshg-102.json") && err.contains("[export_declaration_pending]"),
        "{err}"
    );
}

#[test]
fn report_gstr1_csv_and_a_duplicate_fails_naming_both_files() {
    let dir = std::env::temp_dir().join(format!("niryat-cli-gstr1-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let copy = dir.join("copy.json");
    std::fs::copy(root().join("examples/month/2026-03-04-kbshg-101.json"), &copy).unwrap();
    let copy = copy.to_string_lossy().into_owned();
    let o = niryat(&[
        "report",
        "gstr1",
        "--period",
        "2026-03",
        "--format",
        "csv",
        "examples/month/2026-03-04-kbshg-101.json",
        &copy,
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("[invoice_number_duplicate]")
            && err.contains("examples/month/2026-03-04-kbshg-101.json")
            && err.contains("copy.json"),
        "{err}"
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.starts_with("Export Type,Invoice Number,"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn report_usage_errors_exit_2() {
    assert_eq!(
        niryat(&[
            "report",
            "gstr1",
            "--period",
            "2026-3",
            "examples/month/2026-03-04-kbshg-101.json"
        ])
        .status
        .code(),
        Some(2)
    );
    assert_eq!(
        niryat(&[
            "report",
            "realisation",
            "--as-of",
            "tomorrow",
            "examples/month/2026-03-04-kbshg-101.json"
        ])
        .status
        .code(),
        Some(2)
    );
    assert_eq!(
        niryat(&["report", "gstr1", "--period", "2026-03", "no-such-file.json"]).status.code(),
        Some(2)
    );
    // A file that is not a shipment stops the report, said in the language asked for.
    let dir = std::env::temp_dir().join(format!("niryat-report-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(&bad, br#"{"purpose": "gift"}"#).unwrap();
    let bad = bad.to_str().unwrap();
    let o = niryat(&["report", "gstr1", "--period", "2026-03", "--lang", "hi", bad]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("/purpose: अज्ञात शब्द `gift`"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn report_realisation_flags_overdue() {
    let files = month();
    let mut args = vec!["report", "realisation", "--as-of", "2026-04-30", "--format", "csv"];
    args.extend(files.iter().map(String::as_str));
    let o = niryat(&args);
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.lines().any(|l| l.starts_with("KBSHG/2425/077,") && l.contains(",overdue,")),
        "{out}"
    );
    assert!(out.lines().any(|l| l.starts_with("KBSHG/2526/102,") && l.contains(",part_realised,")));
}

#[test]
fn import_orders_writes_one_draft_per_order() {
    let dir = std::env::temp_dir().join(format!("niryat-cli-orders-{}", std::process::id()));
    let out = dir.to_string_lossy().into_owned();
    let o = niryat(&[
        "import-orders",
        "--from",
        "ebay",
        "examples/orders/ebay-orders.csv",
        "--exporter",
        "examples/orders/exporter.json",
        "--catalogue",
        "examples/orders/skus.csv",
        "-o",
        &out,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["05-11830-22110.json", "12-11823-40917.json"]);
    // Each draft validates in draft mode without errors.
    for n in &names {
        let p = dir.join(n).to_string_lossy().into_owned();
        assert_eq!(niryat(&["validate", "--draft", &p]).status.code(), Some(0), "{n}");
    }
    let _ = std::fs::remove_dir_all(&dir);
    // Stdout: a JSON array of the drafts.
    let o = niryat(&[
        "import-orders",
        "--from",
        "amazon",
        "examples/orders/amazon-order-report.txt",
        "--exporter",
        "examples/orders/exporter.json",
    ]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);
    // The wrong report for the marketplace names the columns and exits 2.
    let o = niryat(&[
        "import-orders",
        "--from",
        "amazon",
        "examples/orders/ebay-orders.csv",
        "--exporter",
        "examples/orders/exporter.json",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("[order_report_columns]"));
}

#[test]
fn reports_and_import_speak_hindi_with_lang_hi() {
    let files = month();
    let mut args = vec!["report", "gstr1", "--period", "2026-03", "--lang", "hi"];
    args.extend(files.iter().map(String::as_str));
    let o = niryat(&args);
    assert_eq!(o.status.code(), Some(0));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(
            "[export_declaration_pending] बीजक KBSHG/2526/102: शिपिंग बिल / डाक निर्यात बिल"
        ),
        "{err}"
    );
    // The offline tool's JSON does not change with the language.
    let mut en = vec!["report", "gstr1", "--period", "2026-03"];
    en.extend(files.iter().map(String::as_str));
    assert_eq!(o.stdout, niryat(&en).stdout);
    // Realisation: the JSON's issues are in the language asked for.
    let mut args = vec!["report", "realisation", "--as-of", "2026-04-30", "--lang", "hi"];
    args.push("examples/orders/exporter.json");
    let o = niryat(&args);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["issues"][0]["code"], "missing_field");
    assert_eq!(
        v["issues"][0]["message"],
        "बीजक संख्या या दिनांक नहीं दिया गया है: बीजक सूची में नहीं रखा जा सकता"
    );
    // Import: a changed column is named in Hindi; drafts are summed up in Hindi.
    let dir = std::env::temp_dir().join(format!("niryat-cli-orders-hi-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.txt");
    let text = std::fs::read_to_string(root().join("examples/orders/amazon-order-report.txt"))
        .unwrap()
        .replace("ship-city", "city");
    std::fs::write(&bad, text).unwrap();
    let bad = bad.to_string_lossy().into_owned();
    let exporter = "examples/orders/exporter.json";
    let o = niryat(&[
        "import-orders",
        "--from",
        "amazon",
        &bad,
        "--exporter",
        exporter,
        "--lang",
        "hi",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("Amazon ऑर्डर रिपोर्ट में ये कॉलम नहीं हैं: \"ship-city\""), "{err}");
    let o = niryat(&[
        "import-orders",
        "--from",
        "amazon",
        "examples/orders/amazon-order-report.txt",
        "--exporter",
        exporter,
        "--lang",
        "hi",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("ऑर्डर 204-7719023-5531147: 2 पंक्ति का प्रारूप"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
