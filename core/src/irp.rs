//! What the GST Invoice Registration Portal (IRP) returns for an e-invoice: reading its
//! response into the model ([`registration_from_irp`]) and decoding the payload of the signed
//! QR code ([`decode_signed_qr`]).
//!
//! The signed QR code is a JWT (RFC 7519): header, payload and signature, each base64url,
//! joined by dots. Its payload is `{"data": "<JSON text>", "iss": "NIC"}`, where the inner
//! JSON names the seller's GSTIN, the document number, type and date, the invoice value, the
//! item count, the main HSN code, the IRN and its date. niryat **decodes** the payload to
//! compare it with the shipment; it does **not verify** the signature (that needs the IRP's
//! public key, which niryat does not ship).

use crate::error::MalformedInput;
use crate::model::EinvoiceRegistration;
use base64::engine::general_purpose::{URL_SAFE, URL_SAFE_NO_PAD};
use base64::Engine;
use serde_json::Value;

/// Longest IRP response read (a response with the signed invoice is a few tens of kB).
const MAX_RESPONSE_BYTES: usize = 1 << 20;

/// The fields of a signed QR code's payload that niryat compares with the shipment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QrPayload {
    /// `SellerGstin`.
    pub seller_gstin: Option<String>,
    /// `DocNo`.
    pub doc_no: Option<String>,
    /// `DocDt` as written (`dd/mm/yyyy`).
    pub doc_date: Option<String>,
    /// `Irn`.
    pub irn: Option<String>,
    /// `TotInvVal`: the total invoice value in rupees, as written.
    pub total_value: Option<String>,
    /// `ItemCnt`: the number of lines, as written.
    pub item_count: Option<String>,
}

fn bad(path: &str, message: impl Into<String>) -> MalformedInput {
    MalformedInput { path: path.to_string(), message: message.into(), line: None, column: None }
}

/// Reads the IRP's response to "generate IRN" into an [`EinvoiceRegistration`]: the whole
/// response (`{"Status": 1, "Data": {...}}`, `Data` an object or a JSON string) or its data
/// part alone (`{"AckNo": …, "AckDt": …, "Irn": …, "SignedQRCode": …}`). `AckNo` may be a
/// number or a string; `AckDt` is `yyyy-mm-dd hh:mm:ss` (the date is kept). Errors carry a
/// JSON Pointer into the response.
pub fn registration_from_irp(text: &str) -> Result<EinvoiceRegistration, MalformedInput> {
    if text.len() > MAX_RESPONSE_BYTES {
        return Err(bad("", format!("the IRP response is larger than {MAX_RESPONSE_BYTES} bytes")));
    }
    let root: Value = serde_json::from_str(text).map_err(|e| bad("", format!("not JSON: {e}")))?;
    let (data, base) = match root.get("Data").or_else(|| root.get("data")) {
        Some(Value::String(inner)) => (
            serde_json::from_str::<Value>(inner)
                .map_err(|e| bad("/Data", format!("Data is a string but not JSON: {e}")))?,
            "/Data",
        ),
        Some(v @ Value::Object(_)) => (v.clone(), "/Data"),
        Some(Value::Null) | None => (root.clone(), ""),
        Some(_) => return Err(bad("/Data", "Data is neither an object nor a JSON string")),
    };
    if !data.is_object() {
        return Err(bad(base, "the IRP response is not a JSON object"));
    }
    let text_of = |key: &str| -> Result<Option<String>, MalformedInput> {
        match data.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.trim().to_string()).filter(|s| !s.is_empty())),
            Some(Value::Number(n)) => Ok(Some(n.to_string())),
            Some(_) => Err(bad(&format!("{base}/{key}"), format!("{key} is not text"))),
        }
    };
    let irn = text_of("Irn")?;
    if irn.is_none() {
        let status = root.get("Status").map(|s| s.to_string()).unwrap_or_default();
        return Err(bad(
            base,
            format!(
                "the IRP response has no Irn (Status {status}): the invoice was not registered"
            ),
        ));
    }
    let ack_date = match text_of("AckDt")? {
        None => None,
        Some(d) => {
            let day = d.get(0..10).unwrap_or(&d);
            Some(day.parse::<jiff::civil::Date>().map_err(|_| {
                bad(&format!("{base}/AckDt"), format!("AckDt {d:?} is not yyyy-mm-dd hh:mm:ss"))
            })?)
        }
    };
    Ok(EinvoiceRegistration {
        irn,
        ack_no: text_of("AckNo")?,
        ack_date,
        signed_qr: text_of("SignedQRCode")?,
    })
}

/// Why a signed QR code could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QrError {
    /// Not three dot-separated base64url parts.
    Shape,
    /// The payload is not base64url.
    Base64,
    /// The payload is not the JSON the IRP writes.
    Json,
}

impl std::fmt::Display for QrError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            QrError::Shape => "a signed QR code is a JWT: three base64url parts joined by dots",
            QrError::Base64 => "the JWT's payload (its middle part) is not base64url",
            QrError::Json => "the JWT's payload is not the JSON the IRP writes",
        })
    }
}

/// Decodes (does not verify) the payload of the IRP's signed QR code.
pub fn decode_signed_qr(jwt: &str) -> Result<QrPayload, QrError> {
    let parts: Vec<&str> = jwt.trim().split('.').collect();
    let url_safe = |p: &&str| p.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_=".contains(&b));
    if parts.len() != 3 || parts[..2].iter().any(|p| p.is_empty()) || !parts.iter().all(url_safe) {
        return Err(QrError::Shape);
    }
    let bytes = URL_SAFE_NO_PAD
        .decode(parts[1])
        .or_else(|_| URL_SAFE.decode(parts[1]))
        .map_err(|_| QrError::Base64)?;
    let payload: Value = serde_json::from_slice(&bytes).map_err(|_| QrError::Json)?;
    // The fields sit in `data`, a JSON string (as the IRP writes it) or an object.
    let data = match payload.get("data") {
        Some(Value::String(s)) => serde_json::from_str(s).map_err(|_| QrError::Json)?,
        Some(v @ Value::Object(_)) => v.clone(),
        _ => payload,
    };
    if !data.is_object() {
        return Err(QrError::Json);
    }
    let field = |k: &str| match data.get(k) {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    Ok(QrPayload {
        seller_gstin: field("SellerGstin"),
        doc_no: field("DocNo"),
        doc_date: field("DocDt"),
        irn: field("Irn"),
        total_value: field("TotInvVal"),
        item_count: field("ItemCnt"),
    })
}

/// What the signed QR code of `s`'s registered e-invoice must repeat, as niryat writes that
/// e-invoice: the total invoice value in rupees (`TotInvVal`) and the number of lines
/// (`ItemCnt`, freight lines included). `None` when the shipment lacks what the e-invoice needs.
pub fn registered_values(s: &crate::Shipment) -> Option<(rust_decimal::Decimal, usize)> {
    crate::render::data::einvoice::qr_facts(s)
}

/// An unsigned sample of the signed QR code the IRP would return for `s` as it stands (its
/// seller GSTIN, invoice number and date, IRN, total value and number of lines), for examples
/// and tests that change a registered invoice; `None` without an e-invoice registration or
/// what the e-invoice needs. Like [`sample_signed_qr`], it is not an IRP signature.
pub fn sample_signed_qr_for(s: &crate::Shipment) -> Option<String> {
    let (total, lines) = registered_values(s)?;
    let inv = s.invoice.as_ref()?;
    let irn = inv.e_invoice.as_ref()?.irn.clone().unwrap_or_default();
    let gstin = s.exporter.as_ref().and_then(|e| e.gstin.clone()).unwrap_or_default();
    let date = inv.date.map(crate::views::date_dmy);
    // A JSON number, as the IRP writes it, while a double holds it to the paisa (up to about
    // ₹90 lakh crore); beyond, the exact figure as text (the reader takes either).
    let total = match total.to_string().parse::<f64>() {
        Ok(f) if f.abs() < 9e13 => Value::from(f),
        _ => Value::from(total.to_string()),
    };
    let mut data = serde_json::Map::new();
    for (k, v) in [
        ("SellerGstin", Value::from(gstin)),
        ("BuyerGstin", Value::from("URP")),
        ("DocNo", Value::from(inv.number.clone().unwrap_or_default())),
        ("DocTyp", Value::from("INV")),
        ("DocDt", Value::from(date.unwrap_or_default())),
        ("TotInvVal", total),
        ("ItemCnt", Value::from(lines)),
        ("MainHsnCode", Value::from(s.items.first().and_then(|i| i.hs_code.clone()))),
        ("Irn", Value::from(irn)),
    ] {
        data.insert(k.to_string(), v);
    }
    Some(sample_signed_qr(&data))
}

/// Puts [`sample_signed_qr_for`] into `s`'s e-invoice registration, as if the changed invoice
/// had been registered again; whether there was one to put it in.
pub fn put_sample_signed_qr(s: &mut crate::Shipment) -> bool {
    let Some(qr) = sample_signed_qr_for(s) else { return false };
    match s.invoice.as_mut().and_then(|i| i.e_invoice.as_mut()) {
        Some(reg) => {
            reg.signed_qr = Some(qr);
            true
        }
        None => false,
    }
}

/// Builds an unsigned sample JWT with the IRP's payload layout, for examples and tests. Its
/// signature part is the text `SAMPLE-NOT-SIGNED` in base64url: it is not an IRP signature.
pub fn sample_signed_qr(data: &serde_json::Map<String, Value>) -> String {
    let header = r#"{"alg":"RS256","kid":"SAMPLE","typ":"JWT"}"#;
    let inner = Value::Object(data.clone()).to_string();
    let payload = serde_json::json!({ "data": inner, "iss": "NIC SAMPLE" }).to_string();
    format!(
        "{}.{}.{}",
        URL_SAFE_NO_PAD.encode(header),
        URL_SAFE_NO_PAD.encode(payload),
        URL_SAFE_NO_PAD.encode("SAMPLE-NOT-SIGNED")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> String {
        let mut m = serde_json::Map::new();
        m.insert("SellerGstin".into(), "09AAPFU0939F1ZV".into());
        m.insert("DocNo".into(), "HT/2627/0457".into());
        m.insert("DocDt".into(), "10/11/2026".into());
        m.insert("Irn".into(), "ab".repeat(32).into());
        sample_signed_qr(&m)
    }

    #[test]
    fn decodes_the_payload_of_a_signed_qr() {
        let p = decode_signed_qr(&sample()).unwrap_or_default();
        assert_eq!(p.doc_no.as_deref(), Some("HT/2627/0457"));
        assert_eq!(p.doc_date.as_deref(), Some("10/11/2026"));
        assert_eq!(p.seller_gstin.as_deref(), Some("09AAPFU0939F1ZV"));
        assert_eq!(p.irn.map(|i| i.len()), Some(64));
    }

    #[test]
    fn refuses_what_is_not_a_jwt() {
        assert_eq!(decode_signed_qr("abc"), Err(QrError::Shape));
        assert_eq!(decode_signed_qr("a.b c.d"), Err(QrError::Shape));
        assert_eq!(decode_signed_qr("eyJ.!!!.x"), Err(QrError::Shape));
        assert_eq!(decode_signed_qr("eyJ.bm90IGpzb24.x"), Err(QrError::Json));
        assert_eq!(decode_signed_qr("eyJ.a.x"), Err(QrError::Base64));
    }

    #[test]
    fn reads_the_irp_response_whole_or_its_data() {
        let qr = sample();
        let data = serde_json::json!({
            "AckNo": 112010000123456_u64, "AckDt": "2026-11-10 11:42:00",
            "Irn": "ab".repeat(32), "SignedQRCode": qr, "Status": "ACT"
        });
        let whole = serde_json::json!({"Status": 1, "Data": data.to_string()}).to_string();
        for text in [whole, data.to_string()] {
            let r = registration_from_irp(&text).unwrap_or_default();
            assert_eq!(r.ack_no.as_deref(), Some("112010000123456"));
            assert_eq!(r.ack_date.map(|d| d.to_string()).as_deref(), Some("2026-11-10"));
            assert_eq!(r.signed_qr.as_deref(), Some(qr.as_str()));
        }
        let err = registration_from_irp(r#"{"Status":0,"ErrorDetails":[{"ErrorCode":"2150"}]}"#);
        assert!(err.is_err_and(|e| e.message.contains("not registered")));
        let err = registration_from_irp(r#"{"Irn":"x","AckDt":"10/11/2026"}"#);
        assert!(err.is_err_and(|e| e.path == "/AckDt"));
    }
}
