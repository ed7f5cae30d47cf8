//! Python bindings of niryat: the extension module `niryat._niryat`, re-exported by the
//! pure-Python package `niryat`.
//!
//! Each function converts its arguments (with the GIL), calls the core with the GIL
//! released, and maps the result or error back. No export rule lives here: a binding that
//! needs an `if` about exports means the logic belongs in core.

mod convert;
mod errors;
mod reports;

use errors::{guard, Failure};
use niryat::render::{PdfOptions, Renderer};
use niryat::{DocKind, Mode};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString};
use std::sync::OnceLock;

/// Validates a shipment: ``{"valid": bool, "documents": [names], "issues": [...]}``, each
/// issue with ``code``, ``path``, ``severity``, ``message``, ``params`` and ``blocks`` (the
/// documents it keeps from being made) — the same result as ``niryat validate --format json``
/// and the JavaScript ``validate``.
///
/// ``shipment`` is a dict, or JSON text as ``str`` or ``bytes``. ``for_`` names the documents
/// to check for (one name or a list); by default, those the shipment calls for. With
/// ``draft=True`` missing fields are warnings. ``lang`` is the language of the messages:
/// ``"en"`` (default), ``"hi"`` or ``"en+hi"``. An invalid shipment is not an exception: its
/// issues are returned. Raises ``MalformedInput`` when the input is not a shipment at all.
#[pyfunction]
#[pyo3(signature = (shipment, *, for_ = None, draft = false, lang = "en"))]
fn validate<'py>(
    py: Python<'py>,
    shipment: &Bound<'py, PyAny>,
    for_: Option<&Bound<'py, PyAny>>,
    draft: bool,
    lang: &str,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let lang = convert::lang(lang)?;
        let input = convert::read_input(shipment).map_err(|m| m.in_lang(lang))?;
        let targets = convert::targets(for_)?;
        let mode = if draft { Mode::Draft } else { Mode::Strict };
        let result = py.detach(|| {
            let s = input.parse().map_err(|m| m.in_lang(lang))?;
            Ok::<_, Failure>(niryat::check(&s, targets.as_deref(), mode).in_lang(lang))
        })?;
        Ok(pythonize::pythonize(py, &result)?)
    })
}

/// The renderer behind the module-level ``render_pdf``, built on first use.
static SHARED: OnceLock<Renderer> = OnceLock::new();

fn pdf(
    py: Python<'_>,
    renderer: Option<&Renderer>,
    shipment: &Bound<'_, PyAny>,
    doc: &str,
    lang: &str,
    copies: Option<i64>,
) -> Result<Vec<u8>, Failure> {
    let input = convert::read_input(shipment)?;
    let kind = convert::doc_kind(doc)?;
    let opts = PdfOptions {
        lang: convert::lang(lang)?,
        copies: convert::copies(copies)?,
        ..PdfOptions::default()
    };
    py.detach(|| {
        let s = input.parse()?;
        let renderer = renderer.unwrap_or_else(|| SHARED.get_or_init(Renderer::new));
        Ok(renderer.render(&s, kind, &opts)?)
    })
}

/// Renders one document of a shipment as PDF and returns its bytes.
///
/// The shipment is validated strictly for ``doc`` first; if it has errors,
/// ``InvalidShipment`` is raised with every issue. ``lang`` is ``"en"``, ``"hi"`` or
/// ``"en+hi"``; ``copies`` (1 to 3) is how many copies go in the file: by default the
/// commercial invoice in triplicate with the Rule 48 markings, other documents once.
#[pyfunction]
#[pyo3(signature = (shipment, doc, *, lang = "en+hi", copies = None))]
fn render_pdf<'py>(
    py: Python<'py>,
    shipment: &Bound<'py, PyAny>,
    doc: &str,
    lang: &str,
    copies: Option<i64>,
) -> PyResult<Bound<'py, PyBytes>> {
    guard(py, || pdf(py, None, shipment, doc, lang, copies).map(|b| PyBytes::new(py, &b)))
}

/// Renders one document of a shipment as text: ``format`` is ``"xml"``, ``"json"`` or
/// ``"csv"`` (by default the document's own: XML for the invoice, JSON for the e-invoice,
/// CSV for the PBE); ``flavor`` picks the XML vocabulary (``"ubl"`` or ``"niryat"``).
///
/// The shipment is validated strictly for ``doc`` first (``InvalidShipment`` on errors);
/// a combination niryat does not make raises ``UnsupportedError``.
#[pyfunction]
#[pyo3(signature = (shipment, doc, *, format = None, flavor = None))]
fn render<'py>(
    py: Python<'py>,
    shipment: &Bound<'py, PyAny>,
    doc: &str,
    format: Option<&str>,
    flavor: Option<&str>,
) -> PyResult<Bound<'py, PyString>> {
    guard(py, || {
        let input = convert::read_input(shipment)?;
        let kind = convert::doc_kind(doc)?;
        let format = convert::format(format, kind)?;
        if format == niryat::render::Format::Pdf {
            return Err(niryat::Error::Unsupported(
                "render() writes text; use render_pdf() for PDF".into(),
            )
            .into());
        }
        let flavor = convert::flavor(flavor)?;
        let text = py.detach(|| {
            let s = input.parse()?;
            Ok::<_, Failure>(niryat::render::render_text(&s, kind, format, flavor)?)
        })?;
        Ok(PyString::new(py, &text))
    })
}

/// The names of the documents niryat makes; given a shipment, the documents it calls for.
#[pyfunction]
#[pyo3(signature = (shipment = None))]
fn kinds<'py>(
    py: Python<'py>,
    shipment: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    guard(py, || {
        let kinds = match shipment {
            None => DocKind::ALL.to_vec(),
            Some(obj) => {
                let input = convert::read_input(obj)?;
                py.detach(|| input.parse().map(|s| DocKind::for_shipment(&s)))?
            }
        };
        Ok(PyList::new(py, kinds.iter().map(|k| k.name()))?)
    })
}

/// Reads the IRP's response to "generate IRN" (JSON text: the whole response or its data
/// part) into the dict for ``shipment["invoice"]["e_invoice"]``: ``irn``, ``ack_no``,
/// ``ack_date``, ``signed_qr``. Raises ``MalformedInput`` (path into the response) when the
/// response holds no IRN.
#[pyfunction]
fn einvoice_from_irp<'py>(py: Python<'py>, response: &str) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let registration = niryat::irp::registration_from_irp(response)?;
        Ok(pythonize::pythonize(py, &registration)?)
    })
}

/// The JSON Schema (draft 2020-12) of a shipment, as a dict.
#[pyfunction]
fn schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    guard(py, || {
        let value: serde_json::Value =
            serde_json::from_str(&niryat::shipment_schema()).map_err(|e| {
                Failure::Core(niryat::Error::Render(format!("the core's schema is not JSON: {e}")))
            })?;
        Ok(pythonize::pythonize(py, &value)?)
    })
}

/// Renders PDFs with fonts and templates loaded once: keep one for a batch.
///
/// One ``Renderer`` may be shared by many threads; each call releases the GIL.
#[pyclass(name = "Renderer", module = "niryat", frozen)]
struct PyRenderer {
    inner: Renderer,
}

#[pymethods]
impl PyRenderer {
    /// Loads niryat's embedded fonts and templates.
    #[new]
    fn new(py: Python<'_>) -> PyResult<Self> {
        guard(py, || Ok(PyRenderer { inner: py.detach(Renderer::new) }))
    }

    /// Renders one document of a shipment as PDF; same arguments and errors as
    /// ``niryat.render_pdf``.
    #[pyo3(signature = (shipment, doc, *, lang = "en+hi", copies = None))]
    fn render_pdf<'py>(
        &self,
        py: Python<'py>,
        shipment: &Bound<'py, PyAny>,
        doc: &str,
        lang: &str,
        copies: Option<i64>,
    ) -> PyResult<Bound<'py, PyBytes>> {
        guard(py, || {
            pdf(py, Some(&self.inner), shipment, doc, lang, copies).map(|b| PyBytes::new(py, &b))
        })
    }

    fn __repr__(&self) -> &'static str {
        "niryat.Renderer()"
    }
}

/// The native half of the `niryat` package; import `niryat`, not this module.
#[pymodule]
fn _niryat(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(validate, m)?)?;
    m.add_function(wrap_pyfunction!(render_pdf, m)?)?;
    m.add_function(wrap_pyfunction!(render, m)?)?;
    m.add_function(wrap_pyfunction!(kinds, m)?)?;
    m.add_function(wrap_pyfunction!(schema, m)?)?;
    m.add_function(wrap_pyfunction!(einvoice_from_irp, m)?)?;
    m.add_function(wrap_pyfunction!(reports::report_gstr1, m)?)?;
    m.add_function(wrap_pyfunction!(reports::report_realisation, m)?)?;
    m.add_function(wrap_pyfunction!(reports::import_orders, m)?)?;
    m.add_class::<PyRenderer>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
