//! The `niryat` command as a user runs it: exit codes (0 clean, 1 errors, 2 bad input or
//! usage), text and JSON output of `validate`, `--for`, `--draft`, `-` for stdin, `schema`,
//! `kinds`, `rules`, and hostile input that must never make it panic.

#![allow(clippy::unwrap_used, clippy::panic)]

use serde_json::Value;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn niryat(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_niryat"));
    cmd.args(args).current_dir(root()).stdout(Stdio::piped()).stderr(Stdio::piped());
    cmd.stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() });
    let mut child = cmd.spawn().expect("run niryat");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().unwrap();
        let input = input.to_vec();
        // Write from a thread so a large input cannot deadlock against a full stdout pipe.
        let writer = std::thread::spawn(move || {
            let _ = pipe.write_all(&input);
        });
        let out = child.wait_with_output().unwrap();
        writer.join().unwrap();
        return out;
    }
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The exit code, after checking the process did not panic or die from a signal.
#[track_caller]
fn code(o: &Output) -> i32 {
    let err = stderr(o);
    assert!(!err.contains("panicked"), "niryat panicked:\n{err}");
    let c = o.status.code().unwrap_or_else(|| panic!("killed by a signal: {:?}\n{err}", o.status));
    assert!([0, 1, 2].contains(&c), "exit code {c}:\n{err}");
    c
}

/// A file in a fresh temporary directory, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, bytes: &[u8]) -> TempFile {
        let dir =
            std::env::temp_dir().join(format!("niryat-cli-test-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        TempFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if let Some(dir) = self.0.parent() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

fn example(name: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(root().join("examples").join(name)).unwrap())
        .unwrap()
}

fn json_out(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", stdout(o)))
}

// ---------------------------------------------------------------------------
// validate: the examples
// ---------------------------------------------------------------------------

#[test]
fn the_examples_validate_clean() {
    for (file, docs) in [
        (
            "lucknow-chikankari-ebay.json",
            "commercial_invoice, packing_list, iec_details, cn22, pbe",
        ),
        ("varanasi-silk-amazon.json", "commercial_invoice, packing_list, iec_details, cn23, pbe"),
        ("moradabad-brass-sea.json", "commercial_invoice, packing_list, iec_details"),
        ("personal-gift.json", "cn22"),
    ] {
        let arg = format!("examples/{file}");
        let o = niryat(&["validate", &arg], None);
        assert_eq!(code(&o), 0, "{file}:\n{}{}", stdout(&o), stderr(&o));
        assert_eq!(stdout(&o), format!("{arg}: 0 error(s), 0 warning(s) for {docs}\n"));
        assert_eq!(stderr(&o), "");
    }
}

#[test]
fn validate_text_lists_each_issue_with_path_severity_and_code() {
    let mut s = example("lucknow-chikankari-ebay.json");
    s["exporter"]["gstin"] = "09ABHPP4821K1ZC".into();
    s["terms"]["incoterm"] = "CIF".into();
    let f = TempFile::new("gstin.json", &serde_json::to_vec(&s).unwrap());
    let o = niryat(&["validate", f.path()], None);
    assert_eq!(code(&o), 1);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(
        lines[0].starts_with("error   /exporter/gstin: ")
            && lines[0].ends_with(" [gstin_checksum]"),
        "{}",
        lines[0]
    );
    assert!(
        lines[0].contains("should be B"),
        "the message says what the check character should be: {}",
        lines[0]
    );
    assert!(
        lines[1].starts_with("warning /terms/incoterm: ")
            && lines[1].ends_with(" [incoterm_sea_only]"),
        "{}",
        lines[1]
    );
    assert_eq!(lines[2], format!("{}: 1 error(s), 1 warning(s) for commercial_invoice, packing_list, iec_details, cn22, pbe", f.path()));
}

#[test]
fn warnings_alone_exit_zero() {
    let mut s = example("moradabad-brass-sea.json");
    s["exporter"]["iec"] = "0100000011".into();
    let f = TempFile::new("legacy.json", &serde_json::to_vec(&s).unwrap());
    let o = niryat(&["validate", f.path()], None);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert!(stdout(&o).starts_with("warning /exporter/iec: "), "{}", stdout(&o));
}

#[test]
fn validate_json_is_the_issues_as_data() {
    let mut s = example("moradabad-brass-sea.json");
    s["items"][1]["amount"] = "2500.00".into();
    let bytes = serde_json::to_vec(&s).unwrap();
    let f = TempFile::new("amount.json", &bytes);
    let o = niryat(&["validate", f.path(), "--format", "json"], None);
    assert_eq!(code(&o), 1);
    let v = json_out(&o);
    assert_eq!(v["valid"], false);
    assert_eq!(
        v["documents"],
        serde_json::json!(["commercial_invoice", "packing_list", "iec_details"])
    );
    let issues = v["issues"].as_array().unwrap();
    assert_eq!(issues.len(), 1, "{v}");
    assert_eq!(issues[0]["code"], "line_amount_mismatch");
    assert_eq!(issues[0]["path"], "/items/1/amount");
    assert_eq!(issues[0]["severity"], "error");
    assert_eq!(issues[0]["params"]["expected"], "2550.00");
    // The invoice cannot be made while the amount is wrong.
    assert!(issues[0]["blocks"].as_array().unwrap().contains(&"commercial_invoice".into()));
    // Exactly what the library reports.
    let shipment = niryat::parse_json(&bytes).unwrap();
    let result = niryat::check(&shipment, None, niryat::Mode::Strict);
    assert_eq!(v, serde_json::to_value(&result).unwrap());
    // A clean shipment.
    let o = niryat(&["validate", "examples/personal-gift.json", "--format", "json"], None);
    assert_eq!(code(&o), 0);
    assert_eq!(
        json_out(&o),
        serde_json::json!({"valid": true, "documents": ["cn22"], "issues": []})
    );
}

// ---------------------------------------------------------------------------
// --for, --draft, stdin
// ---------------------------------------------------------------------------

#[test]
fn for_picks_the_documents() {
    // Varanasi's EMS item is worth 340 SDR: fine on its CN23; a CN22 is refused twice over,
    // as EMS travels with a CN23 whatever its value, and for its value.
    let o = niryat(
        &["validate", "examples/varanasi-silk-amazon.json", "--for", "cn22", "--format", "json"],
        None,
    );
    assert_eq!(code(&o), 1);
    let v = json_out(&o);
    assert_eq!(v["documents"], serde_json::json!(["cn22"]));
    assert_eq!(v["issues"][0]["code"], "cn23_for_parcel");
    assert_eq!(v["issues"][0]["path"], "/transport/post/product");
    assert_eq!(v["issues"][1]["code"], "cn22_value_limit");
    assert_eq!(v["issues"][1]["path"], "/packages/0");
    let o = niryat(&["validate", "examples/varanasi-silk-amazon.json", "--for", "cn23,pbe"], None);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert!(stdout(&o).ends_with("0 error(s), 0 warning(s) for cn23, pbe\n"), "{}", stdout(&o));
    // Repeated flags and spaces after commas.
    let o = niryat(
        &[
            "validate",
            "examples/varanasi-silk-amazon.json",
            "--for",
            "cn23",
            "--for",
            "commercial_invoice, pbe",
        ],
        None,
    );
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    // A personal parcel has no PBE.
    let o = niryat(
        &["validate", "examples/personal-gift.json", "--for", "pbe", "--format", "json"],
        None,
    );
    assert_eq!(code(&o), 1);
    let codes: Vec<String> = json_out(&o)["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["code"].as_str().unwrap().to_string())
        .collect();
    assert!(codes.contains(&"document_not_applicable".to_string()), "{codes:?}");
}

#[test]
fn an_unknown_document_kind_is_a_usage_error() {
    for bad in ["invoice", "CN22", "", "cn22,,pbe", "cn22;pbe"] {
        let o = niryat(&["validate", "examples/personal-gift.json", "--for", bad], None);
        assert_eq!(code(&o), 2, "--for {bad:?}: {}", stdout(&o));
        assert!(stderr(&o).contains("unknown document kind"), "--for {bad:?}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("commercial_invoice"),
            "the error lists the known kinds: {}",
            stderr(&o)
        );
        assert_eq!(stdout(&o), "");
    }
}

#[test]
fn draft_turns_missing_fields_into_warnings() {
    let o = niryat(&["validate", "-", "--for", "cn22", "--draft"], Some(b"{}"));
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 10, "{out}");
    assert!(
        lines[..9].iter().all(|l| l.starts_with("warning /: ") && l.ends_with("[missing_field]")),
        "{out}"
    );
    assert_eq!(lines[9], "-: 0 error(s), 9 warning(s) for cn22");
    let o = niryat(&["validate", "-", "--for", "cn22"], Some(b"{}"));
    assert_eq!(code(&o), 1);
    assert!(stdout(&o).ends_with("-: 9 error(s), 0 warning(s) for cn22\n"), "{}", stdout(&o));
    // Draft mode in JSON: missing fields carry the field name.
    let o = niryat(
        &["validate", "-", "--for", "cn22", "--draft", "--format", "json"],
        Some(br#"{"exporter": {}}"#),
    );
    assert_eq!(code(&o), 0);
    let v = json_out(&o);
    let first = &v["issues"][0];
    assert_eq!(
        (first["code"].as_str(), first["path"].as_str(), first["severity"].as_str()),
        (Some("missing_field"), Some("/exporter"), Some("warning"))
    );
    assert_eq!(first["params"]["field"], "legal_name");
}

#[test]
fn dash_reads_standard_input() {
    let bytes = std::fs::read(root().join("examples/moradabad-brass-sea.json")).unwrap();
    let o = niryat(&["validate", "-"], Some(&bytes));
    assert_eq!(code(&o), 0);
    assert_eq!(
        stdout(&o),
        "-: 0 error(s), 0 warning(s) for commercial_invoice, packing_list, iec_details\n"
    );
}

#[test]
fn an_empty_shipment_calls_for_the_invoice_and_iec_details() {
    let o = niryat(&["validate", "-", "--format", "json"], Some(b"{}"));
    assert_eq!(code(&o), 1);
    let v = json_out(&o);
    assert_eq!(v["documents"], serde_json::json!(["commercial_invoice", "iec_details"]));
    assert!(v["issues"]
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i["code"] == "missing_field" && i["severity"] == "error" && i["path"] == ""));
}

// ---------------------------------------------------------------------------
// Unreadable and malformed input: exit 2
// ---------------------------------------------------------------------------

#[test]
fn unreadable_files_exit_2() {
    let o = niryat(&["validate", "does/not/exist.json"], None);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("cannot read does/not/exist.json"), "{}", stderr(&o));
    let o = niryat(&["validate", "examples"], None);
    assert_eq!(code(&o), 2, "a directory");
}

#[test]
fn malformed_input_names_the_path() {
    let o = niryat(&["validate", "-"], Some(br#"{"items": [{"quantity": "1 000"}]}"#));
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert!(err.contains("malformed input at /items/0/quantity: "), "{err}");
    assert!(err.contains("(line 1, column"), "{err}");
    assert_eq!(stdout(&o), "");
    let o = niryat(&["validate", "-", "--format", "json"], Some(br#"{"exporter": {"gstin": 27}}"#));
    assert_eq!(code(&o), 2);
    let v = json_out(&o);
    assert_eq!(v["valid"], false);
    assert_eq!(v["error"]["code"], "malformed_input");
    assert_eq!(v["error"]["path"], "/exporter/gstin");
    assert_eq!(v["error"]["line"], 1);
    assert!(v["error"]["message"].as_str().unwrap().contains("expected a string"), "{v}");
    let o = niryat(&["validate", "-"], Some(br#"{"exporter": {"name": "Nazia"}}"#));
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("/exporter/name: unknown field `name`"), "{}", stderr(&o));
}

fn hostile_inputs() -> Vec<(&'static str, Vec<u8>)> {
    let mut v: Vec<(&'static str, Vec<u8>)> = vec![
        ("empty", b"".to_vec()),
        ("blank", b" \n\t ".to_vec()),
        ("null", b"null".to_vec()),
        ("string", b"\"shipment\"".to_vec()),
        ("number", b"42".to_vec()),
        ("truncated", br#"{"items": [{"quantity": "1""#.to_vec()),
        ("trailing garbage", b"{} x".to_vec()),
        ("byte order mark", b"\xef\xbb\xbf{}".to_vec()),
        ("wrong type", br#"{"items": {}}"#.to_vec()),
        ("unknown field", br#"{"colour": "red"}"#.to_vec()),
        ("unknown enum", br#"{"transport": {"mode": "ship"}}"#.to_vec()),
        ("missing objects", br#"{"exporter": null, "items": [], "packages": []}"#.to_vec()),
        ("1e400", br#"{"items": [{"unit_price": 1e400}]}"#.to_vec()),
        ("32 nines", br#"{"items": [{"unit_price": 99999999999999999999999999999999}]}"#.to_vec()),
        ("32 nines as text", br#"{"items": [{"unit_price": "99999999999999999999999999999999"}]}"#.to_vec()),
        ("decimal max", br#"{"currency": "INR", "items": [{"quantity": "79228162514264337593543950335", "unit_price": "79228162514264337593543950335"}]}"#.to_vec()),
        ("number as string with spaces", br#"{"items": [{"quantity": " 1 "}]}"#.to_vec()),
        ("negative package number", br#"{"packages": [{"number": -1}]}"#.to_vec()),
        ("u32 overflow", br#"{"packages": [{"number": 4294967296}]}"#.to_vec()),
        ("raw control character", b"{\"currency\": \"U\x01SD\"}".to_vec()),
        ("escaped control character", br#"{"items": [{"description": "bell\u0007"}]}"#.to_vec()),
        ("lone surrogate", br#"{"items": [{"description": "\ud800"}]}"#.to_vec()),
        ("invalid UTF-8", b"{\"items\": [{\"description\": \"ab\xff\xfecd\"}]}".to_vec()),
        ("invalid UTF-8 outside strings", b"{\"items\": \xc3}".to_vec()),
        ("bad date", br#"{"invoice": {"date": "2026-02-30"}}"#.to_vec()),
        ("extreme dates", br#"{"invoice": {"date": "9999-12-31"}, "transport": {"dispatch_date": "-009999-01-01"}, "tax": {"kind": "lut", "date": "9999-12-31"}}"#.to_vec()),
        ("zero and negative", br#"{"currency": "INR", "sdr_rate": {"inr_per_sdr": "0"}, "items": [{"quantity": "-1", "unit_price": "-1"}], "packages": [{"number": 0, "gross_weight_kg": "-1"}]}"#.to_vec()),
    ];
    v.push(("deep arrays", format!(r#"{{"items": {}"#, "[".repeat(200_000)).into_bytes()));
    v.push((
        "deep objects",
        format!(r#"{{"invoice": {}"#, r#"{"a":"#.repeat(200_000)).into_bytes(),
    ));
    let long = "x".repeat(10 * 1024 * 1024);
    v.push((
        "10 MB description",
        format!(r#"{{"items": [{{"description": "{long}"}}]}}"#).into_bytes(),
    ));
    let items = vec!["{}"; 10_001].join(",");
    v.push(("10,001 lines", format!(r#"{{"items": [{items}]}}"#).into_bytes()));
    v
}

#[test]
fn hostile_input_gives_exit_2_or_issues_never_a_panic() {
    for (what, bytes) in hostile_inputs() {
        for format in ["text", "json"] {
            let o = niryat(
                &[
                    "validate",
                    "-",
                    "--format",
                    format,
                    "--for",
                    "commercial_invoice,packing_list,iec_details,cn22,cn23,pbe",
                ],
                Some(&bytes),
            );
            let c = code(&o);
            match c {
                2 => {
                    if format == "json" {
                        let v = json_out(&o);
                        assert_eq!(v["error"]["code"], "malformed_input", "{what}");
                        assert!(v["error"]["path"].is_string(), "{what}: {v}");
                    } else {
                        assert!(
                            stderr(&o).contains("malformed input at "),
                            "{what}: {}",
                            stderr(&o)
                        );
                    }
                }
                _ => {
                    // Parsed: every issue has a path.
                    if format == "json" {
                        let v = json_out(&o);
                        for i in v["issues"].as_array().unwrap() {
                            assert!(i["path"].is_string() && i["code"].is_string(), "{what}: {i}");
                        }
                    }
                }
            }
            let expected_2 = ![
                "missing objects",
                "escaped control character",
                "decimal max",
                "extreme dates",
                "zero and negative",
                "10 MB description",
                "byte order mark",
            ]
            .contains(&what);
            if expected_2 {
                assert_eq!(c, 2, "{what} should be refused as malformed");
            }
        }
    }
}

#[test]
fn specific_hostile_results() {
    let o = niryat(
        &["validate", "-", "--format", "json", "--for", "commercial_invoice"],
        Some(br#"{"items": [{"description": "bell\u0007"}]}"#),
    );
    assert_eq!(code(&o), 1);
    let v = json_out(&o);
    assert!(
        v["issues"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["code"] == "control_character" && i["path"] == "/items/0/description"),
        "{v}"
    );
    let long = "x".repeat(10 * 1024 * 1024);
    let o = niryat(
        &["validate", "-", "--format", "json", "--for", "commercial_invoice"],
        Some(format!(r#"{{"items": [{{"description": "{long}"}}]}}"#).as_bytes()),
    );
    assert_eq!(code(&o), 1);
    let v = json_out(&o);
    assert!(
        v["issues"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["code"] == "text_too_long" && i["path"] == "/items/0/description"),
        "text_too_long missing"
    );
    assert!(
        o.stdout.len() < 100_000,
        "the output repeats the 10 MB text ({} bytes)",
        o.stdout.len()
    );
    let items = vec!["{}"; 10_001].join(",");
    let o = niryat(
        &["validate", "-", "--format", "json"],
        Some(format!(r#"{{"items": [{items}]}}"#).as_bytes()),
    );
    assert_eq!(code(&o), 2);
    assert_eq!(json_out(&o)["error"]["path"], "/items");
}

#[test]
fn non_ascii_gstin_does_not_panic() {
    let mut s = example("moradabad-brass-sea.json");
    s["exporter"]["gstin"] = "0é".into();
    let o = niryat(&["validate", "-"], Some(&serde_json::to_vec(&s).unwrap()));
    assert_eq!(code(&o), 1);
}

#[test]
fn whole_u32_package_run_does_not_panic() {
    let o = niryat(&["validate", "-", "--for", "packing_list"], Some(br#"{"items": [{"quantity": "1"}], "packages": [{"number": 0, "to": 4294967295, "contents": [{"line": 1, "quantity": "1"}]}]}"#));
    assert_eq!(code(&o), 1);
}

#[test]
fn a_closed_output_pipe_is_not_a_panic() {
    // `niryat validate big.json | head -1`: the reader goes away while niryat still writes.
    let items = vec![r#"{"description": "x"}"#; 5_000].join(",");
    let input = format!(r#"{{"items": [{items}]}}"#);
    let mut child = Command::new(env!("CARGO_BIN_EXE_niryat"))
        .args(["validate", "-", "--draft", "--for", "commercial_invoice,packing_list,cn23,pbe"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(input.as_bytes());
    });
    let mut out = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    let _ = out.read(&mut first).unwrap();
    drop(out);
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    let status = child.wait().unwrap();
    writer.join().unwrap();
    assert!(!err.contains("panicked"), "niryat panicked on a closed pipe:\n{err}");
    assert!(status.code().is_some_and(|c| c <= 2) || status.code().is_none(), "{status:?}");
}

// ---------------------------------------------------------------------------
// Usage errors, schema, kinds, rules
// ---------------------------------------------------------------------------

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["frobnicate"],
        &["validate"],
        &["validate", "a.json", "--format", "xml"],
        &["validate", "a.json", "--bogus"],
        &["schema", "extra"],
    ] {
        let o = niryat(args, None);
        assert_eq!(code(&o), 2, "{args:?}: {}", stderr(&o));
        assert!(!stderr(&o).is_empty(), "{args:?} explains itself");
    }
    let o = niryat(&["--help"], None);
    assert_eq!(code(&o), 0);
    for sub in ["validate", "schema", "kinds", "rules"] {
        assert!(stdout(&o).contains(sub), "--help lists {sub}");
    }
    let o = niryat(&["--version"], None);
    assert_eq!(code(&o), 0);
    assert!(stdout(&o).starts_with("niryat "), "{}", stdout(&o));
}

#[test]
fn schema_prints_the_json_schema() {
    let o = niryat(&["schema"], None);
    assert_eq!(code(&o), 0);
    let v = json_out(&o);
    assert!(
        v["$schema"].as_str().is_some_and(|s| s.contains("json-schema.org")),
        "{}",
        v["$schema"]
    );
    for field in [
        "purpose",
        "exporter",
        "consignee",
        "invoice",
        "tax",
        "currency",
        "items",
        "packages",
        "postal",
        "ecommerce",
    ] {
        assert!(v["properties"].get(field).is_some(), "schema lacks {field}");
    }
    assert_eq!(v["additionalProperties"], false, "unknown fields are refused");
    assert_eq!(stdout(&o), niryat::shipment_schema(), "the CLI prints the library's schema");
    let committed = std::fs::read_to_string(root().join("schemas/shipment.schema.json")).unwrap();
    assert_eq!(stdout(&o), committed, "schemas/shipment.schema.json is out of date");
}

#[test]
fn kinds_lists_every_document_kind() {
    let o = niryat(&["kinds"], None);
    assert_eq!(code(&o), 0);
    let out = stdout(&o);
    let names: Vec<&str> = out.lines().map(|l| l.split_whitespace().next().unwrap()).collect();
    let want: Vec<&str> = niryat::DocKind::ALL.iter().map(|k| k.name()).collect();
    assert_eq!(names, want);
    for k in niryat::DocKind::ALL {
        assert!(
            out.lines().any(|l| l.starts_with(k.name()) && l.ends_with(k.title())),
            "{k}: {out}"
        );
    }
    for core in ["commercial_invoice", "packing_list", "iec_details", "cn22", "cn23", "pbe"] {
        assert!(names.contains(&core), "{core}");
    }
}

#[test]
fn rules_prints_the_catalogue() {
    let o = niryat(&["rules"], None);
    assert_eq!(code(&o), 0);
    let out = stdout(&o);
    assert_eq!(out, niryat::rules::catalogue_markdown());
    for r in niryat::rules::catalogue::ALL {
        assert!(out.contains(&format!("| `{}` | {} |", r.code, r.severity.as_str())), "{}", r.code);
    }
    assert_eq!(
        out,
        std::fs::read_to_string(root().join("docs/rules.md")).unwrap(),
        "docs/rules.md is out of date"
    );
}

#[test]
fn layout_option_picks_the_cn23_page() {
    let dir = std::env::temp_dir().join(format!("niryat-cli-layout-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    for (layout, size) in [("label", "432 x 576 pts"), ("a4", "595.276 x 841.89 pts")] {
        let out = dir.join(format!("cn23-{layout}.pdf"));
        let o = niryat(
            &[
                "render",
                "examples/varanasi-silk-amazon.json",
                "--doc",
                "cn23",
                "--layout",
                layout,
                "-o",
                out.to_str().unwrap_or_default(),
            ],
            None,
        );
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        if let Ok(info) = std::process::Command::new("pdfinfo").arg(&out).output() {
            let text = String::from_utf8_lossy(&info.stdout);
            assert!(text.contains(size), "{layout}: {text}");
        }
    }
    let o = niryat(
        &["render", "examples/varanasi-silk-amazon.json", "--doc", "cn23", "--layout", "letter"],
        None,
    );
    assert_ne!(code(&o), 0);
    assert!(stderr(&o).contains("unknown layout"), "{}", stderr(&o));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn rules_in_hindi_lists_every_code_and_message() {
    let o = niryat(&["rules", "--lang", "hi"], None);
    assert_eq!(code(&o), 0);
    let out = stdout(&o);
    assert_eq!(out, niryat::rules::catalogue_markdown_in(niryat::render::Lang::Hi));
    for r in niryat::rules::catalogue::ALL {
        assert!(out.contains(&format!("| `{}` |", r.code)), "{}", r.code);
    }
    assert!(out.contains("जाँच अक्षर"));
    let o = niryat(&["rules", "--lang", "fr"], None);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("en, hi or en+hi"));
}

#[test]
fn validate_in_hindi_keeps_codes_and_paths() {
    let mut bad: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("examples/lucknow-chikankari-ebay.json")).unwrap(),
    )
    .unwrap();
    bad["exporter"]["gstin"] = Value::String("09ABHPP4821K1ZD".into());
    let input = serde_json::to_vec(&bad).unwrap();
    let en = niryat(&["validate", "-", "--format", "json"], Some(&input));
    let hi = niryat(&["validate", "-", "--format", "json", "--lang", "hi"], Some(&input));
    assert_eq!((code(&en), code(&hi)), (1, 1));
    let en: Value = serde_json::from_str(&stdout(&en)).unwrap();
    let hi: Value = serde_json::from_str(&stdout(&hi)).unwrap();
    let strip = |v: &Value| {
        v["issues"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                (i["code"].clone(), i["path"].clone(), i["params"].clone(), i["blocks"].clone())
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(strip(&en), strip(&hi));
    let msg = hi["issues"][0]["message"].as_str().unwrap();
    assert!(msg.contains("GSTIN 09ABHPP4821K1ZD का जाँच अक्षर गलत है"), "{msg}");
    let text = niryat(&["validate", "-", "--lang", "hi"], Some(&input));
    assert!(stdout(&text).contains("का जाँच अक्षर गलत है"), "{}", stdout(&text));
    // Input that is not a shipment is refused in the language asked for too.
    let bad = br#"{"purpose": "gift"}"#;
    let o = niryat(&["validate", "-", "--lang", "hi"], Some(bad));
    assert_eq!(code(&o), 2);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("/purpose: अज्ञात शब्द `gift`: `commercial`, `personal` में से एक"), "{err}");
    let o = niryat(&["validate", "-", "--lang", "en+hi", "--format", "json"], Some(bad));
    let v = json_out(&o);
    let m = v["error"]["message"].as_str().unwrap_or_default();
    assert!(
        m.starts_with("unknown variant `gift`, expected `commercial` or `personal` / अज्ञात"),
        "{m}"
    );
}

#[test]
fn validate_reads_several_files_and_json_lines_as_render_does() {
    let good = example("personal-gift.json");
    let mut bad = good.clone();
    bad["consignee"]["name"] = "".into();
    let lines = format!("{}\n\n{}\n{{\"items\": 5}}\n", good, bad);
    let f = TempFile::new("batch.jsonl", lines.as_bytes());
    // JSON: one object per shipment, each with its source; malformed lines are reported too.
    let o = niryat(
        &["validate", f.path(), "examples/lucknow-chikankari-ebay.json", "--format", "json"],
        None,
    );
    assert_eq!(code(&o), 2, "a malformed line makes the run exit 2");
    let out: Vec<serde_json::Value> =
        stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let sources: Vec<_> = out.iter().map(|v| v["source"].as_str().unwrap().to_string()).collect();
    let name = f.path().to_string();
    assert_eq!(
        sources,
        [
            format!("{name} line 1"),
            format!("{name} line 3"),
            format!("{name} line 4"),
            "examples/lucknow-chikankari-ebay.json".to_string()
        ]
    );
    assert_eq!(out[0]["valid"], true);
    assert_eq!(out[1]["valid"], false);
    assert_eq!(out[2]["error"]["code"], "malformed_input");
    assert_eq!(out[2]["error"]["path"], "/items");
    assert_eq!(out[3]["valid"], true);
    // Without the malformed line: exit 1 for the invalid shipment, and text output has a
    // summary line per shipment.
    let lines = format!("{}\n{}\n", good, bad);
    let f = TempFile::new("batch2.jsonl", lines.as_bytes());
    let o = niryat(&["validate", f.path()], None);
    assert_eq!(code(&o), 1);
    let text = stdout(&o);
    assert!(text.contains(&format!("{} line 1: 0 error(s)", f.path())), "{text}");
    assert!(text.contains(&format!("{} line 2: 1 error(s)", f.path())), "{text}");
}

#[test]
fn names_are_parsed_by_the_library_with_every_choice_listed() {
    for (args, said) in [
        (
            &["render", "examples/personal-gift.json", "--doc", "cn22", "--lang", "fr"][..],
            "unknown label language \"fr\"; use en, hi or en+hi",
        ),
        (
            &["render", "examples/personal-gift.json", "--doc", "cn22", "--format", "docx"][..],
            "unknown format \"docx\"; use pdf, xml, json or csv",
        ),
        (
            &["render", "examples/personal-gift.json", "--doc", "cn22", "--copies", "4"][..],
            "unknown number of copies \"4\"; use 1, 2 or 3",
        ),
        (
            &["render", "examples/personal-gift.json", "--doc", "cn22", "--flavor", "x"][..],
            "unknown XML flavour \"x\"; use ubl or niryat",
        ),
        (
            &["validate", "examples/personal-gift.json", "--for", "cn99"][..],
            "unknown document kind \"cn99\"; use commercial_invoice",
        ),
    ] {
        let o = niryat(args, None);
        assert_eq!(code(&o), 2, "{args:?}");
        assert!(stderr(&o).contains(said), "{args:?}: {}", stderr(&o));
    }
}
