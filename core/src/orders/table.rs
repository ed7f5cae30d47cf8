//! Reading delimited text: RFC 4180 quoting (eBay CSV, the SKU catalogue) and plain
//! tab-separated rows (Amazon), with a byte-order mark and CRLF line ends tolerated.

/// The records of `text` split on `sep`, each with its 1-based line number. Quoted fields
/// may hold the separator, doubled quotes and line breaks. Blank lines are skipped.
pub(crate) fn records(text: &str, sep: char) -> Vec<(usize, Vec<String>)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut line = 1;
    let mut start = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() && sep != '\t' => quoted = true,
            '\r' => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                push_row(&mut out, start, std::mem::take(&mut row));
                line += 1;
                start = line;
            }
            c if c == sep => row.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        push_row(&mut out, start, row);
    }
    out
}

fn push_row(out: &mut Vec<(usize, Vec<String>)>, line: usize, row: Vec<String>) {
    if row.iter().any(|f| !f.trim().is_empty()) {
        out.push((line, row));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_hold_commas_quotes_and_newlines() {
        let r = records("a,b\r\n\"x, y\",\"say \"\"hi\"\"\nthere\"\r\n\r\n", ',');
        assert_eq!(r.len(), 2);
        assert_eq!(r[1], (2, vec!["x, y".to_string(), "say \"hi\"\nthere".to_string()]));
    }

    #[test]
    fn tabs_split_without_quoting() {
        let r = records("\u{feff}a\tb\n\"q\tz", '\t');
        assert_eq!(r[0].1, ["a", "b"]);
        assert_eq!(r[1].1, ["\"q", "z"]);
    }
}
