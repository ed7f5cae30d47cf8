//! `niryat irn`: what the IRP returned put into a shipment; and the invoice's default copies.

#![allow(clippy::unwrap_used, clippy::panic)]

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn niryat(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_niryat")).args(args).current_dir(root()).output().unwrap()
}

fn temp(name: &str, text: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("niryat-cli-irn-{}-{name}", std::process::id()));
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn irn_reads_the_irp_response_into_the_shipment() {
    let example: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("examples/moradabad-brass-sea.json")).unwrap(),
    )
    .unwrap();
    let registration = example["invoice"]["e_invoice"].clone();
    let mut bare = example.clone();
    bare["invoice"].as_object_mut().unwrap().remove("e_invoice");
    // The IRP's response as it comes: Data is JSON text, AckNo a number, AckDt with the time.
    let data = json!({
        "AckNo": registration["ack_no"].as_str().unwrap().parse::<u64>().unwrap(),
        "AckDt": "2026-11-10 11:42:00",
        "Irn": registration["irn"],
        "SignedInvoice": "e30.e30.sig",
        "SignedQRCode": registration["signed_qr"],
        "Status": "ACT"
    });
    let response = json!({"Status": 1, "ErrorDetails": null, "Data": data.to_string()});
    let shipment = temp("shipment.json", &bare.to_string());
    let reply = temp("irp.json", &response.to_string());
    let out = niryat(&["irn", shipment.to_str().unwrap(), reply.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let filled: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(filled["invoice"]["e_invoice"], registration);

    // A response without an IRN is refused (exit 2) with the reason.
    let failed = temp("failed.json", r#"{"Status":0,"ErrorDetails":[{"ErrorCode":"2150"}]}"#);
    let out = niryat(&["irn", shipment.to_str().unwrap(), failed.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not registered"));
    for p in [shipment, reply, failed] {
        let _ = std::fs::remove_file(p);
    }
}

#[test]
fn the_invoice_is_printed_in_triplicate_unless_asked_otherwise() {
    let dir = std::env::temp_dir().join(format!("niryat-cli-copies-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pages = |copies: Option<&str>| {
        let pdf = dir.join(format!("inv-{}.pdf", copies.unwrap_or("default")));
        let mut args = vec![
            "render",
            "examples/varanasi-silk-amazon.json",
            "--doc",
            "commercial_invoice",
            "-o",
            pdf.to_str().unwrap(),
        ];
        if let Some(c) = copies {
            args.extend(["--copies", c]);
        }
        let out = niryat(&args);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
        let info = String::from_utf8_lossy(&info.stdout).into_owned();
        info.lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse::<usize>().ok())
            .unwrap_or(0)
    };
    if Command::new("pdfinfo").arg("-v").output().is_err() {
        eprintln!("SKIPPED: pdfinfo (poppler-utils) not installed");
        return;
    }
    let one = pages(Some("1"));
    assert!(one >= 1);
    assert_eq!(pages(None), 3 * one);
    let _ = std::fs::remove_dir_all(&dir);
}
