//! Core errors and Rust panics → the exception classes of `niryat._errors`.
//!
//! The classes are plain Python (see `python/niryat/_errors.py`) because `InvalidShipment`
//! and `MalformedInput` derive from both `NiryatError` and `ValueError`, which a class made
//! in Rust cannot. They are looked up once and instantiated with their documented
//! constructor arguments, so an exception raised here equals one a user builds by hand.

use niryat::{Error, MalformedInput};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyModule;
use std::any::Any;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Why a call failed, before the GIL is at hand to build the Python exception.
pub(crate) enum Failure {
    /// The core said no.
    Core(Error),
    /// A Python-side error (a `TypeError` for a wrong argument type, say).
    Py(PyErr),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Core(e)
    }
}

impl From<MalformedInput> for Failure {
    fn from(m: MalformedInput) -> Self {
        Failure::Core(Error::Malformed(m))
    }
}

impl From<PyErr> for Failure {
    fn from(e: PyErr) -> Self {
        Failure::Py(e)
    }
}

impl From<pythonize::PythonizeError> for Failure {
    fn from(e: pythonize::PythonizeError) -> Self {
        Failure::Py(e.into())
    }
}

impl Failure {
    /// The Python exception for this failure.
    pub(crate) fn into_pyerr(self, py: Python<'_>) -> PyErr {
        match self {
            Failure::Py(e) => e,
            Failure::Core(e) => core_error(py, e).unwrap_or_else(|lookup| lookup),
        }
    }
}

static ERRORS: PyOnceLock<Py<PyModule>> = PyOnceLock::new();

fn errors_module(py: Python<'_>) -> PyResult<&Bound<'_, PyModule>> {
    ERRORS
        .get_or_try_init(py, || py.import("niryat._errors").map(Bound::unbind))
        .map(|m| m.bind(py))
}

/// Builds the exception for a core error. `Err` only when the exception classes cannot be
/// imported (a broken installation); that error is raised instead.
fn core_error(py: Python<'_>, e: Error) -> PyResult<PyErr> {
    let module = errors_module(py)?;
    let message = e.to_string();
    let exc = match e {
        Error::Malformed(m) => {
            let text = m.to_string();
            module.getattr("MalformedInput")?.call1((text, m.path, m.line, m.column))?
        }
        Error::Invalid(issues) => {
            let issues = pythonize::pythonize(py, &issues)?;
            module.getattr("InvalidShipment")?.call1((message, issues))?
        }
        Error::Unsupported(text) => module.getattr("UnsupportedError")?.call1((text,))?,
        Error::Render(_) => module.getattr("RenderError")?.call1((message,))?,
    };
    Ok(PyErr::from_value(exc))
}

/// The exception for a Rust panic: a `NiryatError` with code `internal_error`.
fn internal_error(py: Python<'_>, what: &str) -> PyErr {
    let message = format!("internal error in niryat (a bug; please report it): {what}");
    let built = errors_module(py)
        .and_then(|m| m.getattr("NiryatError"))
        .and_then(|cls| cls.call1((message, "internal_error")));
    match built {
        Ok(exc) => PyErr::from_value(exc),
        Err(lookup) => lookup,
    }
}

fn panic_text(payload: &(dyn Any + Send)) -> &str {
    if let Some(s) = payload.downcast_ref::<&str>() {
        s
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s
    } else {
        "panic"
    }
}

/// Runs `f`, turning a failure into its Python exception and a panic into a `NiryatError`
/// (pyo3 alone would raise `PanicException`, which derives from `BaseException`).
pub(crate) fn guard<T>(py: Python<'_>, f: impl FnOnce() -> Result<T, Failure>) -> PyResult<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(failure)) => Err(failure.into_pyerr(py)),
        Err(payload) => Err(internal_error(py, panic_text(payload.as_ref()))),
    }
}
