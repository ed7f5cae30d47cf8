//! Text renderers (XML in both flavours, JSON, CSV, the GST e-invoice) on shipments made by
//! mutating a valid example with `arbitrary`: mostly hostile free text and extreme amounts, at
//! times any change at all. Each render is done twice and must give the same bytes.
#![no_main]

use libfuzzer_sys::arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use niryat::render::{render_text, text_outputs};
use niryat::{parse_value, validate, DocKind, Mode};
use niryat_fuzz::{mutate_gently, mutate_roughly, seed};

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(mut v) = seed(&mut u) else { return };
    if mutate_gently(&mut u, &mut v, 4000).is_err() {
        return;
    }
    if u.ratio(1, 4).unwrap_or(false) && mutate_roughly(&mut u, &mut v).is_err() {
        return;
    }
    let Ok(shipment) = parse_value(&v) else { return };
    let _ = validate(&shipment, &DocKind::ALL, Mode::Draft);
    for kind in DocKind::ALL {
        for (format, flavor) in text_outputs(kind) {
            if let Ok(one) = render_text(&shipment, kind, format, flavor) {
                let two = render_text(&shipment, kind, format, flavor).ok();
                assert_eq!(Some(&one), two.as_ref(), "{kind:?} {format:?} {flavor:?} differs");
            }
        }
    }
});
