//! GST rate slabs with the dates they were in force, and the value-dependent rate of apparel
//! and made-up textiles (chapters 61-63).
//!
//! Sources: the rate schedules of Notification 1/2017-Integrated Tax (Rate) as amended until
//! 21 Sep 2025 [C]; the 56th GST Council's rationalisation in force from 22 Sep 2025, main
//! slabs 0 / 5 / 18 / 40 % with the special rates 0.25 %, 1.5 % and 3 % kept, 12 % and 28 %
//! largely withdrawn (domain reference §14.1) [S]; 0.1 % is the concessional rate for supplies
//! to merchant exporters (Notification 41/2017-Integrated Tax (Rate)) [C]. Apparel and made-ups
//! of chapters 61-63: 5 % up to ₹1,000 a piece and 12 % above until 21 Sep 2025, 5 % up to
//! ₹2,500 a piece and 18 % above from 22 Sep 2025 [S].

use super::Validity;
use jiff::civil::{date, Date};
use rust_decimal::Decimal;

/// The GST (IGST) rates of one period, in percent.
#[derive(Debug, Clone, Copy)]
pub struct Slabs {
    /// Rates in hundredths of a percent (`500` = 5 %), ascending.
    pub rates_bp: &'static [u32],
    /// Period in which these were the rates.
    pub valid: Validity,
}

/// The day the 56th GST Council's slabs took effect.
pub const REFORM_2025: Date = date(2025, 9, 22);

/// Slab tables, oldest first.
pub static SLABS: &[Slabs] = &[
    Slabs {
        rates_bp: &[0, 10, 25, 150, 300, 500, 600, 1200, 1800, 2800],
        valid: Validity::until(REFORM_2025),
    },
    Slabs { rates_bp: &[0, 10, 25, 150, 300, 500, 1800, 4000], valid: Validity::from(REFORM_2025) },
];

/// The value-dependent rate of apparel and made-ups: `lower` % up to `threshold_inr` a
/// piece, `upper` % above.
#[derive(Debug, Clone, Copy)]
pub struct PieceRate {
    /// HS chapters it covers.
    pub chapters: &'static [&'static str],
    /// Sale value per piece in rupees up to which the lower rate applies.
    pub threshold_inr: u32,
    /// Lower rate, percent.
    pub lower: u32,
    /// Rate above the threshold, percent.
    pub upper: u32,
    /// In force.
    pub valid: Validity,
}

/// Apparel and made-up textiles (chapters 61, 62, 63).
pub static PIECE_RATES: &[PieceRate] = &[
    PieceRate {
        chapters: &["61", "62", "63"],
        threshold_inr: 1000,
        lower: 5,
        upper: 12,
        valid: Validity::until(REFORM_2025),
    },
    PieceRate {
        chapters: &["61", "62", "63"],
        threshold_inr: 2500,
        lower: 5,
        upper: 18,
        valid: Validity::from(REFORM_2025),
    },
];

/// Units in which a line counts pieces (the per-piece rate applies only to them).
pub static PIECE_UNITS: &[&str] = &["PCS", "NOS", "PRS", "SET", "UNT"];

/// The slab table in force on `day` (the newest when no date is known).
pub fn slabs_on(day: Option<Date>) -> Option<&'static Slabs> {
    match day {
        Some(d) => SLABS.iter().find(|s| s.valid.covers(d)),
        None => SLABS.last(),
    }
}

/// Whether `rate` (percent) is a slab in force on `day`.
pub fn is_slab(rate: Decimal, day: Option<Date>) -> bool {
    let Some(table) = slabs_on(day) else { return false };
    let Some(bp) = rate.checked_mul(Decimal::ONE_HUNDRED) else { return false };
    table.rates_bp.iter().any(|r| Decimal::from(*r) == bp)
}

/// The rates of `table` as text: `0, 0.1, 0.25, 1.5, 3, 5, 18, 40`.
pub fn describe(table: &Slabs) -> String {
    table
        .rates_bp
        .iter()
        .map(|bp| Decimal::new(i64::from(*bp), 2).normalize().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The per-piece rate rule covering an HS code on `day` (the newest when no date is known).
pub fn piece_rate(hs_code: &str, day: Option<Date>) -> Option<&'static PieceRate> {
    let chapter = hs_code.get(0..2)?;
    let mut rules = PIECE_RATES.iter().filter(|p| p.chapters.contains(&chapter));
    match day {
        Some(d) => rules.find(|p| p.valid.covers(d)),
        None => rules.next_back(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slabs_change_on_22_september_2025() {
        let before = Some(date(2025, 9, 21));
        let after = Some(date(2025, 9, 22));
        assert!(is_slab(Decimal::from(12), before));
        assert!(!is_slab(Decimal::from(12), after));
        assert!(!is_slab(Decimal::from(40), before));
        assert!(is_slab(Decimal::from(40), after));
        assert!(is_slab(Decimal::new(25, 2), after));
        assert!(!is_slab(Decimal::from(7), None));
        assert_eq!(
            slabs_on(after).map(describe).unwrap_or_default(),
            "0, 0.1, 0.25, 1.5, 3, 5, 18, 40"
        );
    }

    #[test]
    fn apparel_threshold_by_date() {
        assert_eq!(
            piece_rate("62141020", Some(date(2026, 1, 1))).map(|p| p.threshold_inr),
            Some(2500)
        );
        assert_eq!(piece_rate("6109", Some(date(2025, 1, 1))).map(|p| p.threshold_inr), Some(1000));
        assert!(piece_rate("50072010", None).is_none());
    }
}
