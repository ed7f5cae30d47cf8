//! niryat XML import: any text is read or refused without a panic; what is read validates,
//! and writes back to XML that reads as the same shipment.
#![no_main]

use libfuzzer_sys::fuzz_target;
use niryat::render::data::{from_niryat_xml, to_niryat_xml};
use niryat::{validate, DocKind, Mode};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(shipment) = from_niryat_xml(text) else { return };
    let _ = validate(&shipment, &DocKind::ALL, Mode::Strict);
    if let Ok(again) = to_niryat_xml(&shipment) {
        let back = from_niryat_xml(&again);
        assert_eq!(back.as_ref().ok(), Some(&shipment), "XML round trip changed the shipment");
    }
});
