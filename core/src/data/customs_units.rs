//! Units of quantity of the Customs Tariff (First Schedule) for tariff headings where they
//! commonly differ from the unit a small exporter invoices in: the PBE's "Unit" column
//! (col. 6) is the customs unit of the heading.
//!
//! Source: the units column of the First Schedule to the Customs Tariff Act, 1975, as niryat's
//! maintainers know it [K]: not checked against the schedule's current text line by line, so
//! every rule built on this table is a warning, and headings not listed are not checked. The
//! units are written as GST unit codes (`MTR` for "m", `KGS` for "kg", `NOS` for "u").

/// The customs unit of a heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CustomsUnit {
    /// First four digits of the tariff item.
    pub heading: &'static str,
    /// Unit of the tariff, as a GST unit code.
    pub unit: &'static str,
    /// What the heading covers (for messages).
    pub what: &'static str,
}

const fn cu(heading: &'static str, unit: &'static str, what: &'static str) -> CustomsUnit {
    CustomsUnit { heading, unit, what }
}

/// Headings niryat knows the customs unit of, sorted.
pub static UNITS: &[CustomsUnit] = &[
    cu("5007", "MTR", "woven fabrics of silk"),
    cu("5208", "MTR", "woven fabrics of cotton"),
    cu("7418", "KGS", "household articles of copper and brass"),
    cu("8306", "KGS", "statuettes and other ornaments of base metal"),
];

/// The customs unit of the heading of `hs_code`, when niryat knows it.
pub fn unit_for(hs_code: &str) -> Option<&'static CustomsUnit> {
    let heading = hs_code.get(..4)?;
    UNITS.iter().find(|u| u.heading == heading)
}

/// Whether GST unit `gst` counts the same way as customs unit `customs` (`PCS`, `NOS` and
/// `UNT` all count pieces).
pub fn same_unit(gst: &str, customs: &str) -> bool {
    fn norm(u: &str) -> String {
        let u = u.trim().to_ascii_uppercase();
        match u.as_str() {
            "PCS" | "NOS" | "UNT" => "NOS".into(),
            _ => u,
        }
    }
    norm(gst) == norm(customs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn look_up_by_heading() {
        assert_eq!(unit_for("50072010").map(|u| u.unit), Some("MTR"));
        assert!(unit_for("62141020").is_none());
        assert!(unit_for("50").is_none());
        assert!(same_unit("PCS", "NOS"));
        assert!(!same_unit("PCS", "MTR"));
        let mut sorted: Vec<&str> = UNITS.iter().map(|u| u.heading).collect();
        sorted.sort_unstable();
        assert_eq!(sorted, UNITS.iter().map(|u| u.heading).collect::<Vec<_>>());
    }
}
