"""Exceptions and the ``Issue`` type of niryat.

Every exception niryat raises about a shipment is a ``NiryatError`` with a stable ``code``:

- ``MalformedInput`` (``malformed_input``): the input is not a shipment (wrong type, bad JSON,
  unknown field, NaN, a cycle); ``.path`` says where, ``.line``/``.column`` for JSON text.
- ``InvalidShipment`` (``invalid_shipment``): rendering a shipment that has errors for the
  document; ``.issues`` holds every issue.
- ``UnsupportedError`` (``unsupported``): an unknown document kind, format, flavor or language,
  or a combination niryat does not make.
- ``RenderError`` (``render_failed``): the renderer failed (a bug, never the input's fault).
- ``NiryatError`` itself (``internal_error``): a bug inside niryat (a Rust panic), caught.

``MalformedInput``, ``InvalidShipment`` and ``UnsupportedError`` are also ``ValueError`` subclasses.
Arguments of the wrong Python type other than the shipment (``doc=5``) raise ``TypeError``.
"""

from __future__ import annotations

from typing import Any, Dict, List, Literal, Optional, Tuple, TypedDict

__all__ = [
    "Issue",
    "BlockingIssue",
    "ValidationResult",
    "NiryatError",
    "MalformedInput",
    "InvalidShipment",
    "UnsupportedError",
    "RenderError",
]


class _IssueFields(TypedDict):
    """The keys every issue has (``params`` is added by ``Issue``)."""

    code: str
    """Stable snake_case name of the rule (see docs/rules.md)."""
    path: str
    """RFC 6901 JSON Pointer into the input, such as ``/items/0/hs_code``."""
    severity: Literal["error", "warning"]
    """Errors block rendering; warnings never do."""
    message: str
    """An English sentence a clerk can act on."""


# ``total=False`` rather than ``NotRequired``: the latter needs Python 3.11 or typing_extensions.
class Issue(_IssueFields, total=False):
    """One finding about a shipment, exactly as in niryat's JSON output: ``code``, ``path``,
    ``severity``, ``message`` and, when there are context values, ``params``."""

    params: Dict[str, str]
    """Context values (the missing field, the expected value …); absent when there are none."""


class _Blocks(TypedDict):
    blocks: List[str]
    """The documents this issue keeps from being made (empty for a warning that blocks none)."""


class BlockingIssue(Issue, _Blocks):
    """An issue of a validation result: an ``Issue`` with ``blocks``."""


class ValidationResult(TypedDict):
    """What ``niryat.validate`` returns: the same JSON as ``niryat validate --format json``."""

    valid: bool
    """No issue is an error (in draft mode missing fields are warnings)."""
    documents: List[str]
    """The documents checked: those asked for, or those the shipment calls for."""
    issues: List[BlockingIssue]
    """Every issue, errors and warnings, in a stable order."""


class NiryatError(Exception):
    """Base class of niryat's exceptions; ``code`` names the kind of error."""

    code: str

    def __init__(self, message: str, code: str = "niryat_error") -> None:
        super().__init__(message)
        self.code = code

    def __reduce__(self) -> Tuple[Any, ...]:
        return (type(self), (str(self), self.code))


class MalformedInput(NiryatError, ValueError):
    """The input is not a shipment. ``path`` is the JSON Pointer of the bad value (``""`` for
    the whole document); ``line`` and ``column`` are set for JSON text."""

    path: str
    line: Optional[int]
    column: Optional[int]

    def __init__(
        self, message: str, path: str = "", line: Optional[int] = None, column: Optional[int] = None
    ) -> None:
        super().__init__(message, "malformed_input")
        self.path = path
        self.line = line
        self.column = column

    def __reduce__(self) -> Tuple[Any, ...]:
        return (type(self), (str(self), self.path, self.line, self.column))


class InvalidShipment(NiryatError, ValueError):
    """The shipment has errors for the document asked for; ``issues`` lists every issue
    (warnings included), as ``validate`` would return them."""

    issues: List[Issue]

    def __init__(self, message: str, issues: Optional[List[Issue]] = None) -> None:
        super().__init__(message, "invalid_shipment")
        self.issues = list(issues) if issues is not None else []

    def __reduce__(self) -> Tuple[Any, ...]:
        return (type(self), (str(self), self.issues))


class UnsupportedError(NiryatError, ValueError):
    """An unknown document kind, format, flavor or label language, an impossible option value,
    or a combination niryat does not make (a UBL packing list, say)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "unsupported")

    def __reduce__(self) -> Tuple[Any, ...]:
        return (type(self), (str(self),))


class RenderError(NiryatError):
    """The renderer failed: a bug in a template or the engine, never the input's fault."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "render_failed")

    def __reduce__(self) -> Tuple[Any, ...]:
        return (type(self), (str(self),))


# Shown as ``niryat.MalformedInput`` in tracebacks; pickling finds them there too.
for _cls in (NiryatError, MalformedInput, InvalidShipment, UnsupportedError, RenderError):
    _cls.__module__ = "niryat"
del _cls
