//! The files compiled into niryat for PDF output: the typst templates of `doc-templates/`
//! and the four Noto fonts of `doc-templates/fonts/` (SIL OFL 1.1, see `OFL.txt` there).
//!
//! Nothing is read from disk at run time; these bytes are the renderer's whole file system.

/// Templates by their path in the virtual project root, as `#import` and the main files use them.
pub(crate) static TEMPLATES: &[(&str, &str)] = &[
    ("/common.typ", include_str!("../../../doc-templates/common.typ")),
    ("/labels.typ", include_str!("../../../doc-templates/labels.typ")),
    ("/invoice.typ", include_str!("../../../doc-templates/invoice.typ")),
    ("/packing.typ", include_str!("../../../doc-templates/packing.typ")),
    ("/iec.typ", include_str!("../../../doc-templates/iec.typ")),
    ("/cn22.typ", include_str!("../../../doc-templates/cn22.typ")),
    ("/cn23.typ", include_str!("../../../doc-templates/cn23.typ")),
    ("/pbe.typ", include_str!("../../../doc-templates/pbe.typ")),
];

/// Noto Sans (Latin, with ₹) and Noto Sans Devanagari, regular and bold.
pub(crate) static FONTS: &[&[u8]] = &[
    include_bytes!("../../../doc-templates/fonts/NotoSans-Regular.ttf"),
    include_bytes!("../../../doc-templates/fonts/NotoSans-Bold.ttf"),
    include_bytes!("../../../doc-templates/fonts/NotoSansDevanagari-Regular.ttf"),
    include_bytes!("../../../doc-templates/fonts/NotoSansDevanagari-Bold.ttf"),
];

/// Virtual path of the view JSON every template reads with `json(...)`.
pub(crate) const DATA_PATH: &str = "/data.json";
