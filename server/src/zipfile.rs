//! The ZIP answer of `POST /v1/documents`: one file per document, with fixed timestamps so
//! that the same shipment always gives the same bytes.

use niryat::render::Format;
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::CompressionMethod;

/// Writes `files` (name, format, bytes) into a ZIP. PDFs are stored (they are compressed
/// already); text is deflated.
pub fn write(files: &[(String, Format, Vec<u8>)]) -> zip::result::ZipResult<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, format, bytes) in files {
        let method = if *format == Format::Pdf {
            CompressionMethod::Stored
        } else {
            CompressionMethod::Deflated
        };
        let opts = SimpleFileOptions::default()
            .compression_method(method)
            .last_modified_time(zip::DateTime::default())
            .unix_permissions(0o644);
        zip.start_file(name.as_str(), opts)?;
        zip.write_all(bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}
