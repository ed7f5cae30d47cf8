"""Stubs of the native module ``niryat._niryat`` (checked against it by ``mypy.stubtest``)."""

from typing import Any, Dict, Iterable, List, Mapping, Optional, Union, final

from ._errors import ValidationResult

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
    "Renderer",
    "__version__",
]

def validate(
    shipment: _ShipmentInput,
    *,
    for_: Union[str, Iterable[str], None] = None,
    draft: bool = False,
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
