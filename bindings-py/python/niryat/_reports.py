"""The types ``report_gstr1``, ``report_realisation`` and ``import_orders`` return.

They are the JSON of ``niryat.report::output`` (the same as the JavaScript ``reportGstr1``,
``reportRealisation`` and ``importOrders``), as plain dicts.
"""

from __future__ import annotations

from typing import Any, Dict, List, Literal, TypedDict, Union

from ._errors import Issue

__all__ = ["ReportIssue", "ReportResult", "ImportIssue", "DraftOrder", "ImportResult"]


class _ReportIssueFields(TypedDict):
    code: str
    """Stable snake_case name of the rule (see docs/rules.md)."""
    severity: Literal["error", "warning"]
    """An error means the return should not be filed as it is."""
    file: str
    """The name of the shipment the issue is about (``names``, default ``"1"``, ``"2"`` …)."""
    path: str
    """RFC 6901 JSON Pointer into that shipment."""
    message: str
    """A sentence a clerk can act on, in the language asked for."""


class ReportIssue(_ReportIssueFields, total=False):
    """Something a report could not put in a row, or a conflict between shipments."""

    params: Dict[str, str]
    """Context values (invoice number, names …); absent when there are none."""


class ReportResult(TypedDict):
    """What ``report_gstr1`` and ``report_realisation`` return."""

    report: Union[Dict[str, Any], str]
    """The report as ``niryat report …`` writes it: a dict for ``format="json"``, the CSV text
    for ``format="csv"``."""
    issues: List[ReportIssue]
    """What the CLI writes on standard error."""
    has_errors: bool
    """True when an issue is an error."""


class _ImportIssueFields(TypedDict):
    code: str
    """``order_report_columns``, ``order_report_value`` or ``sku_not_in_catalogue``."""
    severity: Literal["error", "warning"]
    message: str
    """A sentence a clerk can act on, in the language asked for."""


class ImportIssue(_ImportIssueFields, total=False):
    """A problem with the order report or the SKU catalogue."""

    line: int
    """1-based line of the report or catalogue, when the issue is about a row."""
    column: str
    """The column heading concerned, if any."""
    params: Dict[str, str]
    """Context values (order id, the value read …)."""


class _Check(TypedDict):
    issues: List[Issue]


class DraftOrder(TypedDict):
    """One order as a draft shipment."""

    order_id: str
    """The marketplace order id."""
    shipment: Dict[str, Any]
    """The draft shipment (a dict following ``niryat.schema()``)."""
    check: _Check
    """The draft checked in draft mode for the documents it calls for: what is still to fill in."""


class ImportResult(TypedDict):
    """What ``import_orders`` returns."""

    ok: bool
    """False when the report or catalogue could not be read (``orders`` is then empty)."""
    orders: List[DraftOrder]
    """One draft per order, in the report's order."""
    issues: List[ImportIssue]
    """Warnings (SKUs not in the catalogue), or the errors that stopped the import."""
