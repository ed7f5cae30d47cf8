//! India Post and UPU limits for postal exports.
//! Sources: India Post CN22 instructions and UPU convention (CN22 up to 300 SDR, letter post ≤ 2 kg) [C];
//! DoP rationalisation of 1 Jan 2026 (registered small packets withdrawn for goods) [S];
//! ITPS ≤ 2 kg [S]; CBIC Customs Manual (gifts ≤ ₹25,000, samples ≤ ₹50,000 without
//! foreign exchange) [C]; EMS ≤ 35 kg depending on destination [S];
//! DoP OM 71-13/2020-CF of 30.09.2020 (CN 22 for letter post up to 300 SDR, CN 23 for each
//! parcel) [C]; DoP office memorandum of March 2026 (harmonised 6 × 8 inch CN22/CN23
//! labels) [S].

use super::Validity;
use crate::model::PostalProduct;
use jiff::civil::{date, Date};
use rust_decimal::Decimal;

/// CN22 is for contents worth up to this many SDR; above it, CN23 (DoP OM 71-13/2020-CF: "CN 22
/// for a letter post item whose contents are of value up to 300 SDR", and India Post's CN22: "If
/// the value of the contents is over 300 SDR, you must use a CN 23").
pub const CN22_MAX_SDR: Decimal = Decimal::from_parts(300, 0, 0, false, 0);

/// CN22 is for letter-post items up to this weight (kg).
pub const CN22_MAX_KG: Decimal = Decimal::from_parts(2, 0, 0, false, 0);

/// Personal gifts by post without foreign exchange: at most this value in INR.
pub const GIFT_MAX_INR: Decimal = Decimal::from_parts(25_000, 0, 0, false, 0);

/// Free commercial samples by post without foreign exchange: at most this value in INR.
pub const SAMPLE_MAX_INR: Decimal = Decimal::from_parts(50_000, 0, 0, false, 0);

/// Rows on the front of a CN22 label; more lines do not fit and need a CN23.
pub const CN22_MAX_ROWS: usize = 4;

/// Characters a CN22 description cell holds before it would be clipped.
pub const CN22_MAX_DESCRIPTION: usize = 60;

/// Rows on the first CN23 sheet (A4 layout); the rest go on continuation sheets. Four rows
/// of up to four lines each (a description at its limit, `rules::fit`) leave room for every
/// box at its longest; eight rows of three lines pushed the signature block onto a page of
/// its own (layout torture, issue 15).
pub const CN23_ROWS_PER_SHEET: usize = 4;

/// Rows on the first CN23 label (6 × 8 inch layout); the rest go on continuation labels.
/// Three rows of up to three lines each (a description at its limit, `rules::fit`) leave room
/// for every box at its longest; four pushed the signature block onto a second label
/// (layout torture, issue 15).
pub const CN23_ROWS_PER_LABEL: usize = 3;

/// Rows on each further CN23 label (6 × 8 inch layout).
pub const CN23_ROWS_PER_CONTINUATION_LABEL: usize = 14;

/// How the UPU treats an India Post product for the customs declaration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProductClass {
    /// Letter post (letters, small packets, tracked packets): CN22 up to 300 SDR, else CN23.
    LetterPost,
    /// Parcels and EMS items with goods: a CN23 whatever the value.
    Parcel,
}

/// Limits of one India Post product.
#[derive(Debug, Clone, Copy)]
pub struct ProductRule {
    /// The product.
    pub product: PostalProduct,
    /// Printed name.
    pub name: &'static str,
    /// Heaviest article accepted (kg).
    pub max_kg: Decimal,
    /// Whether the limit comes from a confirmed source (an error) or not (a warning).
    pub confirmed: bool,
    /// Period in which the product carries goods.
    pub goods_allowed: Validity,
    /// Letter post or parcel, for the choice of CN22 or CN23.
    pub class: ProductClass,
}

const fn kg(n: i64) -> Decimal {
    Decimal::from_parts(n as u32, 0, 0, false, 0)
}

/// India Post export products.
pub static PRODUCTS: &[ProductRule] = &[
    ProductRule {
        product: PostalProduct::InternationalTrackedPacket,
        name: "International Tracked Packet",
        max_kg: kg(2),
        confirmed: true,
        goods_allowed: Validity::ALWAYS,
        class: ProductClass::LetterPost,
    },
    ProductRule {
        product: PostalProduct::Ems,
        name: "International EMS (Speed Post)",
        max_kg: kg(35),
        confirmed: false,
        goods_allowed: Validity::ALWAYS,
        class: ProductClass::Parcel,
    },
    ProductRule {
        product: PostalProduct::Parcel,
        name: "International Air Parcel",
        max_kg: kg(20),
        confirmed: false,
        goods_allowed: Validity::ALWAYS,
        class: ProductClass::Parcel,
    },
    ProductRule {
        product: PostalProduct::Letter,
        name: "International Letter",
        max_kg: kg(2),
        confirmed: true,
        goods_allowed: Validity::ALWAYS,
        class: ProductClass::LetterPost,
    },
    ProductRule {
        product: PostalProduct::RegisteredSmallPacket,
        name: "Registered Small Packet",
        max_kg: kg(2),
        confirmed: true,
        goods_allowed: Validity::until(date(2026, 1, 1)),
        class: ProductClass::LetterPost,
    },
];

/// The rule for a product.
pub fn product(product: PostalProduct) -> &'static ProductRule {
    // PRODUCTS lists every variant; the fallback is unreachable but keeps this total.
    PRODUCTS.iter().find(|p| p.product == product).unwrap_or(&PRODUCTS[0])
}

/// Letter post or parcel. EMS items carrying goods take a CN23 like parcels (UPU EMS
/// practice as India Post describes it [S]).
pub fn class(product: PostalProduct) -> ProductClass {
    self::product(product).class
}

/// Whether goods may travel as `product` on `day`.
pub fn goods_allowed(product: PostalProduct, day: Date) -> bool {
    self::product(product).goods_allowed.covers(day)
}

/// Words that are not acceptable as a whole description on a CN22/CN23 (UPU instructions).
pub static GENERIC_DESCRIPTIONS: &[&str] = &[
    "clothes",
    "clothing",
    "garments",
    "gift",
    "gifts",
    "goods",
    "handicraft",
    "handicrafts",
    "items",
    "merchandise",
    "misc",
    "miscellaneous",
    "products",
    "sample",
    "samples",
    "spare parts",
    "food",
    "food products",
    "textiles",
    "accessories",
    "stuff",
    "parts",
    "general merchandise",
    "personal items",
    "personal effects",
    "other",
    "others",
];
