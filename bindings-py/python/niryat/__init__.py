"""niryat (निर्यात, "export"): Indian export documents from one shipment description.

Plain data in, plain data out, in the same JSON shapes as niryat's CLI::

    import niryat

    result = niryat.validate(shipment)   # {"valid", "documents", "issues"}; never raises for an invalid shipment
    pdf = niryat.render_pdf(shipment, "commercial_invoice")   # bytes
    xml = niryat.render(shipment, "commercial_invoice", format="xml", flavor="ubl")
    rows = niryat.report_gstr1(shipments, "2026-03")   # {"report", "issues", "has_errors"}
    drafts = niryat.import_orders(text, "amazon", exporter, catalogue=csv)   # {"ok", "orders", "issues"}

A shipment is a dict (or JSON text as ``str`` or ``bytes``) following ``niryat.schema()``.
For many documents keep one ``niryat.Renderer()``; it can be shared by threads, and every
call releases the GIL. Errors are ``NiryatError`` subclasses with a stable ``code``.
"""

from ._errors import (
    BlockingIssue,
    InvalidShipment,
    Issue,
    MalformedInput,
    NiryatError,
    RenderError,
    UnsupportedError,
    ValidationResult,
)
from ._niryat import (
    Renderer,
    __version__,
    einvoice_from_irp,
    import_orders,
    kinds,
    render,
    render_pdf,
    report_gstr1,
    report_realisation,
    schema,
    validate,
)
from ._reports import DraftOrder, ImportIssue, ImportResult, ReportIssue, ReportResult

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
    "Issue",
    "BlockingIssue",
    "ValidationResult",
    "ReportIssue",
    "ReportResult",
    "ImportIssue",
    "DraftOrder",
    "ImportResult",
    "NiryatError",
    "MalformedInput",
    "InvalidShipment",
    "UnsupportedError",
    "RenderError",
    "__version__",
]
