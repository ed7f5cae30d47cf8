"""Stubs of the native module ``niryat._niryat`` (checked against it by ``mypy.stubtest``)."""

import datetime
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Union, final

from ._errors import ValidationResult
from ._reports import ImportResult, ReportResult

_ShipmentInput = Union[Mapping[str, Any], str, bytes, bytearray]
"""A shipment: a dict following ``niryat.schema()``, or the same as JSON text."""

__version__: str
__all__ = [
    "validate",
    "render_pdf",
    "render",
    "kinds",
    "schema",
    "einvoice_from_irp",
    "report_gstr1",
    "report_realisation",
    "import_orders",
    "Renderer",
    "__version__",
]

def validate(
    shipment: _ShipmentInput,
    *,
    for_: Union[str, Iterable[str], None] = None,
    draft: bool = False,
    lang: str = "en",
) -> ValidationResult:
    """``{valid, documents, issues}`` of ``shipment`` for the documents ``for_`` (default: those it
    calls for); each issue names the documents it ``blocks``.

    Raises ``MalformedInput`` when the input is not a shipment, ``UnsupportedError`` for an
    unknown document kind; never raises for an invalid shipment."""

def render_pdf(
    shipment: _ShipmentInput, doc: str, *, lang: str = "en+hi", copies: int | None = None
) -> bytes:
    """The PDF of document ``doc``. Raises ``InvalidShipment`` (with ``.issues``) when the
    shipment has errors for it, ``MalformedInput``, ``UnsupportedError``, ``RenderError``."""

def render(
    shipment: _ShipmentInput,
    doc: str,
    *,
    format: Optional[str] = None,
    flavor: Optional[str] = None,
) -> str:
    """Document ``doc`` as XML, JSON or CSV text (default: the document's own text format);
    same errors as ``render_pdf``."""

def kinds(shipment: Optional[_ShipmentInput] = None) -> List[str]:
    """All document kind names; given a shipment, the documents it calls for."""

def schema() -> Dict[str, Any]:
    """The JSON Schema of a shipment."""

@final
class Renderer:
    """Renders PDFs with fonts and templates loaded once; safe to share between threads."""

    def __new__(cls) -> "Renderer": ...
    def render_pdf(
        self, shipment: _ShipmentInput, doc: str, *, lang: str = "en+hi", copies: int | None = None
    ) -> bytes:
        """Same as ``niryat.render_pdf``."""

def einvoice_from_irp(response: str) -> dict[str, str]:
    """The IRP's response to "generate IRN" as the dict for ``shipment["invoice"]["e_invoice"]``."""
    ...

def report_gstr1(
    shipments: Sequence[_ShipmentInput],
    period: str,
    *,
    names: Optional[Sequence[str]] = None,
    lang: str = "en",
    format: str = "json",
) -> ReportResult:
    """GSTR-1 Table 6A export rows of ``period`` (``"YYYY-MM"``): ``report`` is what
    ``niryat report gstr1`` writes (a dict, or CSV text with ``format="csv"``), ``issues``
    what it writes on standard error, with messages in ``lang``. ``names`` name the shipments
    in the issues (default ``"1"``, ``"2"`` …). Raises ``MalformedInput`` for a shipment that
    is not one, ``ValueError`` for a bad period, format or names, ``UnsupportedError`` for an
    unknown language."""

def report_realisation(
    shipments: Sequence[_ShipmentInput],
    as_of: Union[str, datetime.date],
    *,
    names: Optional[Sequence[str]] = None,
    lang: str = "en",
    format: str = "json",
) -> ReportResult:
    """Realisation of export proceeds as of ``as_of``: ``report`` is what
    ``niryat report realisation`` writes; otherwise as ``report_gstr1``."""

def import_orders(
    report_text: str,
    marketplace: str,
    exporter: _ShipmentInput,
    *,
    catalogue: Optional[str] = None,
    lang: str = "en",
) -> ImportResult:
    """Draft shipments, one per order, from an Amazon order report or an eBay orders CSV
    (``marketplace`` ``"amazon"`` or ``"ebay"``), starting from the ``exporter`` profile or
    template shipment and completed from the SKU ``catalogue`` CSV text. ``ok`` is false, with
    the errors in ``issues``, when the report or catalogue cannot be read."""
