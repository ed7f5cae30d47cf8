//! The reports and the order import for Python: `report_gstr1`, `report_realisation` and
//! `import_orders`. Each converts its arguments, calls `niryat::report::output` with the GIL
//! released and returns the result as plain Python data: the same shapes as the JavaScript
//! `reportGstr1`, `reportRealisation` and `importOrders`.

use crate::convert::{self, Input};
use crate::errors::{guard, Failure};
use niryat::render::Lang;
use niryat::report::{self, output::args, ReportInput};
use niryat::MalformedInput;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString, PyTuple};

/// The shipments of a report with their names: `names` when given (one per shipment),
/// else `"1"`, `"2"` …
fn items<'py>(
    shipments: &Bound<'py, PyAny>,
    names: Option<&Bound<'py, PyAny>>,
) -> Result<(Vec<Bound<'py, PyAny>>, Vec<String>), Failure> {
    let list: Vec<Bound<'py, PyAny>> = if let Ok(l) = shipments.cast::<PyList>() {
        l.iter().collect()
    } else if let Ok(t) = shipments.cast::<PyTuple>() {
        t.iter().collect()
    } else {
        return Err(PyTypeError::new_err(format!(
            "shipments must be a list of shipments (dicts or JSON text), got {}",
            convert::type_name(shipments)
        ))
        .into());
    };
    let names: Option<Vec<String>> = match names {
        None => None,
        Some(n) if n.cast::<PyString>().is_ok() => {
            return Err(PyTypeError::new_err("names must be a list of str, not one str").into());
        }
        Some(n) => {
            Some(n.extract().map_err(|_| PyTypeError::new_err("names must be a list of str"))?)
        }
    };
    let names = args::names(names, list.len()).map_err(PyValueError::new_err)?;
    Ok((list, names))
}

/// Parses every shipment (no GIL needed); a shipment that is not one stops the report.
fn parse_all(
    inputs: &[Input<'_>],
    names: &[String],
    lang: Lang,
) -> Result<Vec<ReportInput>, MalformedInput> {
    inputs
        .iter()
        .zip(names)
        .map(|(input, name)| args::shipment_in(name.clone(), input.parse(), lang))
        .collect()
}

/// The export rows of GSTR-1 Table 6A (EXPWP / EXPWOP) of one month from many shipments:
/// ``{"report", "issues", "has_errors"}``.
///
/// ``shipments`` is a list of shipments (dicts or JSON text), ``period`` the month
/// ``"YYYY-MM"``. Give every shipment of the financial year: invoice numbers are checked
/// unique within a year, and only the invoices dated in the period are reported. ``names``
/// (one per shipment, default ``"1"``, ``"2"`` …) name the shipments in the issues, as file
/// names do in the CLI. ``report`` is the JSON ``niryat report gstr1`` writes (the GST
/// offline tool's layout) as a dict, or with ``format="csv"`` its CSV text; ``issues`` are
/// what the CLI writes on standard error, with messages in ``lang``; ``has_errors`` is true
/// when one is an error. Raises ``MalformedInput`` when a shipment is not one.
#[pyfunction]
#[pyo3(signature = (shipments, period, *, names = None, lang = "en", format = "json"))]
pub(crate) fn report_gstr1<'py>(
    py: Python<'py>,
    shipments: &Bound<'py, PyAny>,
    period: &str,
    names: Option<&Bound<'py, PyAny>>,
    lang: &str,
    format: &str,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let period = args::period(period).map_err(PyValueError::new_err)?;
        let lang = convert::lang(lang)?;
        let format = args::format("format", format).map_err(PyValueError::new_err)?;
        let (list, names) = items(shipments, names)?;
        let inputs = list
            .iter()
            .map(|o| convert::read_input(o).map_err(|m| m.in_lang(lang)))
            .collect::<Result<Vec<_>, _>>()?;
        let out = py.detach(|| {
            let inputs = parse_all(&inputs, &names, lang)?;
            Ok::<_, Failure>(report::gstr1_output(&inputs, period, format, lang))
        })?;
        Ok(pythonize::pythonize(py, &out)?)
    })
}

/// The realisation of export proceeds as of a date: every invoice with its export date, the
/// date the proceeds are due (15 months after export), what the e-BRCs / FIRCs recorded say
/// was received, and whether it is overdue or part-realised: ``{"report", "issues",
/// "has_errors"}``.
///
/// ``as_of`` is a ``datetime.date`` or ``"YYYY-MM-DD"`` (niryat reads no clock). ``report``
/// is the JSON ``niryat report realisation`` writes (``as_of``, ``rows``, ``issues``) as a
/// dict, or with ``format="csv"`` its CSV text; the other arguments and keys are as for
/// ``report_gstr1``.
#[pyfunction]
#[pyo3(signature = (shipments, as_of, *, names = None, lang = "en", format = "json"))]
pub(crate) fn report_realisation<'py>(
    py: Python<'py>,
    shipments: &Bound<'py, PyAny>,
    as_of: &Bound<'py, PyAny>,
    names: Option<&Bound<'py, PyAny>>,
    lang: &str,
    format: &str,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let text: String = match as_of.cast::<PyString>() {
            Ok(s) => s.to_cow()?.into_owned(),
            Err(_) => match convert::to_value(as_of) {
                Ok(serde_json::Value::String(s)) => s,
                _ => {
                    return Err(PyTypeError::new_err(format!(
                        "as_of must be a datetime.date or \"YYYY-MM-DD\", got {}",
                        convert::type_name(as_of)
                    ))
                    .into())
                }
            },
        };
        let as_of = args::date("as_of", &text).map_err(PyValueError::new_err)?;
        let lang = convert::lang(lang)?;
        let format = args::format("format", format).map_err(PyValueError::new_err)?;
        let (list, names) = items(shipments, names)?;
        let inputs = list
            .iter()
            .map(|o| convert::read_input(o).map_err(|m| m.in_lang(lang)))
            .collect::<Result<Vec<_>, _>>()?;
        let out = py.detach(|| {
            let inputs = parse_all(&inputs, &names, lang)?;
            Ok::<_, Failure>(report::realisation_output(&inputs, as_of, format, lang))
        })?;
        Ok(pythonize::pythonize(py, &out)?)
    })
}

/// Draft shipments, one per order, from a marketplace's order report: ``{"ok", "orders",
/// "issues"}``.
///
/// ``report_text`` is the report's text (Amazon: the tab-separated order report; eBay: the
/// Seller Hub orders CSV), ``marketplace`` ``"amazon"`` or ``"ebay"``, ``exporter`` an
/// exporter profile (the ``exporter`` object of a shipment) or a whole template shipment,
/// as a dict or JSON text; ``catalogue`` the SKU catalogue CSV text. ``orders`` holds
/// ``{"order_id", "shipment", "check"}`` per order (``check``: the draft's issues, what is
/// still to fill in). When the report or catalogue cannot be read (unknown or missing
/// columns, unreadable values) ``ok`` is false, ``orders`` empty and ``issues`` says why;
/// otherwise ``issues`` holds the warnings (SKUs not in the catalogue). Messages are in
/// ``lang``. Raises ``MalformedInput`` when ``exporter`` is not a profile or a shipment.
#[pyfunction]
#[pyo3(signature = (report_text, marketplace, exporter, *, catalogue = None, lang = "en"))]
pub(crate) fn import_orders<'py>(
    py: Python<'py>,
    report_text: &str,
    marketplace: &str,
    exporter: &Bound<'py, PyAny>,
    catalogue: Option<&str>,
    lang: &str,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let market = args::marketplace(marketplace).map_err(PyValueError::new_err)?;
        let lang = convert::lang(lang)?;
        let exporter = match convert::read_input(exporter).map_err(|m| m.in_lang(lang))? {
            Input::Value(v) => serde_json::to_vec(&v).unwrap_or_default(),
            Input::Borrowed(b) => b.to_vec(),
            Input::Text(t) => t.as_bytes().to_vec(),
            Input::Owned(b) => b,
        };
        let out = py.detach(|| {
            let template = niryat::orders::template(&exporter).map_err(|m| m.in_lang(lang))?;
            Ok::<_, Failure>(report::import_output(market, report_text, &template, catalogue, lang))
        })?;
        Ok(pythonize::pythonize(py, &out)?)
    })
}
