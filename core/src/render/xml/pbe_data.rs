//! Postal Bill of Export rows for DNK data entry, as CSV and JSON (being written).

use crate::error::Error;
use crate::rules::Validated;

pub(crate) fn csv(_v: &Validated) -> Result<String, Error> {
    Err(Error::Unsupported("PBE CSV is not available yet".into()))
}

pub(crate) fn json(_v: &Validated) -> Result<String, Error> {
    Err(Error::Unsupported("PBE JSON is not available yet".into()))
}
