//! Shipments from the command line's files: a JSON file holds one shipment, `-` is standard
//! input, and a `.jsonl` file holds one shipment per line. `validate` and `render` both read
//! their inputs here, so they take the same inputs and name them the same way.

use niryat::{MalformedInput, Shipment};
use std::io::Read;
use std::path::Path;

/// One shipment read from the command line's inputs, or why it could not be read.
pub struct Input {
    /// Name for output paths: the file's stem, with `-N` for line N of a JSON Lines file.
    pub name: String,
    /// Where it came from, for messages: `a.json`, or `a.jsonl line 3`.
    pub source: String,
    /// The shipment, or where and why its JSON is malformed.
    pub shipment: Result<Shipment, MalformedInput>,
}

impl Input {
    /// The shipment, or the message for a malformed one (`SOURCE: malformed input at …`).
    pub fn shipment(&self) -> Result<&Shipment, String> {
        self.shipment.as_ref().map_err(|e| format!("{}: malformed input at {e}", self.source))
    }
}

/// Reads a file, or standard input for `-`.
pub fn read_input(file: &str) -> Result<Vec<u8>, String> {
    if file == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        Ok(buf)
    } else {
        std::fs::read(file).map_err(|e| format!("cannot read {file}: {e}"))
    }
}

/// Reads every file; a file that cannot be read at all stops here, a malformed shipment does
/// not (it is reported with the others).
pub fn load(files: &[String]) -> Result<Vec<Input>, String> {
    let mut inputs = Vec::new();
    for file in files {
        let bytes = read_input(file)?;
        let shown = file.as_str();
        if file.ends_with(".jsonl") {
            // Split on bytes so that one line with invalid UTF-8 fails alone, with its own error.
            for (n, line) in bytes.split(|b| *b == b'\n').enumerate() {
                if line.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                inputs.push(Input {
                    name: format!("{}-{}", stem(file), n + 1),
                    source: format!("{shown} line {}", n + 1),
                    shipment: niryat::parse_json(line),
                });
            }
        } else {
            inputs.push(Input {
                name: stem(file),
                source: shown.to_string(),
                shipment: niryat::parse_json(&bytes),
            });
        }
    }
    Ok(inputs)
}

/// The file's name without folder and extension (`stdin` for `-`).
pub fn stem(file: &str) -> String {
    if file == "-" {
        return "stdin".into();
    }
    Path::new(file)
        .file_stem()
        .map_or_else(|| "shipment".into(), |s| s.to_string_lossy().into_owned())
}
