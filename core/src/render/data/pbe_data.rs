//! Postal Bill of Export rows for DNK data entry, as CSV and as JSON.
//!
//! Both come from the same [`PbeView`] the printed PBE sheet is made from, so the three say
//! the same thing to the character. Columns are those of the view's form (PBE-III for
//! e-commerce exports, PBE-IV otherwise), in the form's order, headed by the form's headings.
//!
//! Numbers are machine-readable: amounts, weights, quantities and rates carry no digit
//! grouping (`32277.00`, not `32,277.00`), so a spreadsheet or the DNK upload reads them as
//! numbers. Text columns are exactly as printed.
//!
//! CSV follows RFC 4180: comma-separated, CRLF line ends, a heading row, and a field quoted
//! (with `"` doubled) when it holds a comma, a quote, or a line break.
//!
//! Spreadsheet formula injection: a text cell that begins with `=`, `+`, `-`, `@`, a tab or a
//! carriage return would be run as a formula by Excel, LibreOffice or Google Sheets when the
//! CSV is opened. Such a cell is written with a leading apostrophe (`'=1+2`), as OWASP's
//! "CSV Injection" page advises; the spreadsheet shows the text and runs nothing. Numeric
//! columns are niryat's own numbers and are written as they are.

use crate::error::Error;
use crate::views::{self, pbe::PbeRow, PbeView};
use crate::Validated;
use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};

/// The PBE rows as RFC 4180 CSV.
pub(crate) fn csv(v: &Validated) -> Result<String, Error> {
    Ok(to_csv(&views::pbe(v)))
}

/// The PBE as JSON: form, header, the form's columns, the rows (keys in column order), totals.
pub(crate) fn json(v: &Validated) -> Result<String, Error> {
    let view = views::pbe(v);
    let mut out = serde_json::to_string_pretty(&Data(&view))
        .map_err(|e| Error::Render(format!("cannot write the PBE JSON: {e}")))?;
    out.push('\n');
    Ok(out)
}

/// Columns that hold numbers (written without digit grouping).
const NUMERIC: &[&str] = &[
    "quantity",
    "gross_weight_kg",
    "net_weight_kg",
    "fob",
    "amount_inr",
    "value",
    "export_duty_rate",
    "export_duty_amount",
    "cess_rate",
    "cess_amount",
    "igst_rate",
    "igst_amount",
    "comp_cess_rate",
    "comp_cess_amount",
    "duties",
    "cess",
];

/// The value of column `name` of `row` for machine reading: grouping commas dropped from
/// numbers; text guarded against formula injection.
fn cell(row: &PbeRow, name: &str) -> String {
    let v = row.get(name).unwrap_or_default();
    if NUMERIC.contains(&name) {
        plain(v)
    } else {
        defused(v)
    }
}

/// Characters that make a spreadsheet read a cell as a formula when it starts with one.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `v`, with a leading apostrophe when it starts like a formula (`=HYPERLINK(…)` →
/// `'=HYPERLINK(…)`).
fn defused(v: &str) -> String {
    if v.starts_with(FORMULA_START) {
        format!("'{v}")
    } else {
        v.to_string()
    }
}

/// A formatted number without its grouping commas (`32,277.00` → `32277.00`).
fn plain(v: &str) -> String {
    v.replace(',', "")
}

/// Writes the rows of `view` as CSV.
fn to_csv(view: &PbeView) -> String {
    let cols = view.columns();
    let mut out = String::with_capacity(256 + view.rows.len() * cols.len() * 16);
    for (i, (_, heading)) in cols.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        field(&mut out, heading);
    }
    out.push_str("\r\n");
    for row in &view.rows {
        for (i, (name, _)) in cols.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            field(&mut out, &cell(row, name));
        }
        out.push_str("\r\n");
    }
    out
}

/// Appends one CSV field, quoted when RFC 4180 needs it.
fn field(out: &mut String, v: &str) {
    if v.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&v.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(v);
    }
}

/// The JSON document.
struct Data<'a>(&'a PbeView);

impl Serialize for Data<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let v = self.0;
        let cols = v.columns();
        let t = &v.totals;
        let totals: Vec<(&str, String)> = vec![
            ("rows", t.rows.clone()),
            ("articles", t.articles.clone()),
            ("gross_weight_kg", plain(&t.gross_weight_kg)),
            ("net_weight_kg", plain(&t.net_weight_kg)),
            ("fob", plain(&t.fob)),
            ("amount_inr", plain(&t.amount_inr)),
            ("value", plain(&t.value)),
            ("igst_amount", plain(&t.igst_amount)),
            ("duties", plain(&t.duties)),
            ("cess", plain(&t.cess)),
        ];
        let mut st = s.serialize_struct("PbeData", 7)?;
        st.serialize_field("form", v.form)?;
        st.serialize_field("header", &v.header)?;
        st.serialize_field("columns", &Columns(cols))?;
        st.serialize_field("rows", &Rows(cols, &v.rows))?;
        st.serialize_field("totals", &Ordered(&totals))?;
        st.serialize_field("schemes", &v.schemes)?;
        st.serialize_field("declarations", &v.declarations)?;
        st.end()
    }
}

/// Key-value pairs as a JSON object, in order.
struct Ordered<'a>(&'a [(&'a str, String)]);

impl Serialize for Ordered<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

struct Columns(&'static [(&'static str, &'static str)]);

impl Serialize for Columns {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|(field, heading)| Column { field, heading }))
    }
}

#[derive(Serialize)]
struct Column<'a> {
    field: &'a str,
    heading: &'a str,
}

struct Rows<'a>(&'static [(&'static str, &'static str)], &'a [PbeRow]);

impl Serialize for Rows<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.1.iter().map(|r| Row(self.0, r)))
    }
}

/// One row as an object whose keys follow the form's column order.
struct Row<'a>(&'static [(&'static str, &'static str)], &'a PbeRow);

impl Serialize for Row<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (name, _) in self.0 {
            m.serialize_entry(name, &cell(self.1, name))?;
        }
        m.end()
    }
}

#[cfg(test)]
mod tests {
    use super::{defused, field, plain};

    #[test]
    fn numbers_lose_their_grouping() {
        assert_eq!(plain("32,277.00"), "32277.00");
        assert_eq!(plain("1,23,45,678.90"), "12345678.90");
        assert_eq!(plain(""), "");
    }

    #[test]
    fn csv_quoting_follows_rfc_4180() {
        let cases = [
            ("plain", "plain"),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("", ""),
        ];
        for (input, want) in cases {
            let mut out = String::new();
            field(&mut out, input);
            assert_eq!(out, want);
        }
    }

    /// One CSV cell as written for a text column.
    fn text_cell(v: &str) -> String {
        let mut out = String::new();
        field(&mut out, &defused(v));
        out
    }

    #[test]
    fn a_cell_starting_with_equals_is_not_a_formula() {
        assert_eq!(text_cell("=1+2"), "'=1+2");
        assert_eq!(
            text_cell("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
        );
    }

    #[test]
    fn a_cell_starting_with_plus_is_not_a_formula() {
        assert_eq!(text_cell("+91 98765"), "'+91 98765");
    }

    #[test]
    fn a_cell_starting_with_minus_is_not_a_formula() {
        assert_eq!(text_cell("-2+3"), "'-2+3");
    }

    #[test]
    fn a_cell_starting_with_at_is_not_a_formula() {
        assert_eq!(text_cell("@SUM(A1:A2)"), "'@SUM(A1:A2)");
    }

    #[test]
    fn a_cell_starting_with_tab_is_not_a_formula() {
        assert_eq!(text_cell("\t=1"), "'\t=1");
    }

    #[test]
    fn a_cell_starting_with_carriage_return_is_not_a_formula() {
        // The CR also makes RFC 4180 quote the field.
        assert_eq!(text_cell("\r=1"), "\"'\r=1\"");
    }

    #[test]
    fn ordinary_text_and_inner_signs_are_left_alone() {
        for v in ["Cotton stole", "a=b", "EE123456785IN", "", "'quoted"] {
            assert_eq!(text_cell(v), v);
        }
    }
}
