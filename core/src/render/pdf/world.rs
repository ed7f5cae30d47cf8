//! The typst `World` of one render: the embedded templates, one virtual JSON file with the
//! document's view, the embedded fonts, and a fixed date. No file system, no network, no
//! packages, no clock: any other file a template (or, impossibly, user data) asks for is
//! "not found".

use super::Shared;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, Source};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};

/// One document being compiled: borrows the renderer's shared state and owns only the data.
pub(crate) struct DocWorld<'a> {
    /// Library, fonts and template sources, built once per renderer.
    pub(crate) shared: &'a Shared,
    /// The template that is the main file.
    pub(crate) main: FileId,
    /// The view JSON, served at `/data.json`.
    pub(crate) data: Bytes,
    /// The document's date, answered for `datetime.today()`.
    pub(crate) today: Option<Datetime>,
}

impl World for DocWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.shared.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.shared.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.shared
            .sources
            .iter()
            .find(|(fid, _)| *fid == id)
            .map(|(_, src)| src.clone())
            .ok_or_else(|| not_found(id))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if Some(id) == self.shared.data_id {
            return Ok(self.data.clone());
        }
        self.shared
            .sources
            .iter()
            .find(|(fid, _)| *fid == id)
            .map(|(_, src)| Bytes::from_string(src.clone()))
            .ok_or_else(|| not_found(id))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}

/// The error for any file niryat does not provide.
fn not_found(id: FileId) -> FileError {
    FileError::NotFound(format!("{:?}", id.vpath()).into())
}
