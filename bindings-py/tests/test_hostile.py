"""Hostile input never crashes the interpreter: it raises MalformedInput (with a path) or
comes back as issues. Each case also checks the module still works afterwards."""

from __future__ import annotations

import datetime
import decimal
import math
from typing import Any, Callable, Dict, List

import niryat
import pytest

SHIPMENT_FUNCS: List[Callable[[Any], Any]] = [
    niryat.validate,
    niryat.kinds,
    lambda s: niryat.render(s, "commercial_invoice"),
    lambda s: niryat.render_pdf(s, "cn22"),
]


def _refused_or_issues(shipment: Any) -> List[niryat.NiryatError]:
    """Runs every entry point on ``shipment``; returns the errors raised (never a crash)."""
    errors: List[niryat.NiryatError] = []
    for func in SHIPMENT_FUNCS:
        try:
            result = func(shipment)
        except niryat.NiryatError as e:
            assert e.code in {"malformed_input", "invalid_shipment", "unsupported"}, e
            errors.append(e)
        else:
            assert isinstance(result, (dict, list, str, bytes))
    assert niryat.validate({"purpose": "personal"}, draft=True) is not None  # still alive
    return errors


WRONG_TOP_LEVEL = [
    None,
    0,
    1.5,
    True,
    [],
    (),
    "[]",
    [{}],
    "",
    "null",
    "[]x",
    b"",
    b"\x00",
    "{",
    object(),
    {1, 2},
    frozenset(),
    memoryview(b"{}"),
]


@pytest.mark.parametrize("value", WRONG_TOP_LEVEL, ids=repr)
def test_wrong_top_level_types(value: Any) -> None:
    with pytest.raises(niryat.MalformedInput) as info:
        niryat.validate(value)
    assert info.value.path == ""
    _refused_or_issues(value)


@pytest.mark.parametrize(
    "shipment, path",
    [
        ({"items": "many"}, "/items"),
        ({"items": [{}, 5]}, "/items/1"),
        ({"items": [{"quantity": [1]}]}, "/items/0/quantity"),
        ({"items": [{"quantity": {"a": 1}}]}, "/items/0/quantity"),
        ({"items": [{"quantity": float("nan")}]}, "/items/0/quantity"),
        ({"items": [{"unit_price": float("inf")}]}, "/items/0/unit_price"),
        ({"items": [{"unit_price": -math.inf}]}, "/items/0/unit_price"),
        ({"items": [{"unit_price": decimal.Decimal("NaN")}]}, "/items/0/unit_price"),
        ({"items": [{"unit_price": decimal.Decimal("-Infinity")}]}, "/items/0/unit_price"),
        ({"items": [{"quantity": 10**40}]}, "/items/0/quantity"),
        ({"items": [{"quantity": 1e300}]}, "/items/0/quantity"),
        ({"items": [{"description": b"bytes"}]}, "/items/0/description"),
        ({"items": [{"description": object()}]}, "/items/0/description"),
        ({"consignee": {"name": "\ud800"}}, "/consignee/name"),
        ({"consignee": {1: "x"}}, "/consignee"),
        ({"consignee": {("a",): "x"}}, "/consignee"),
        ({"consignee": {"a/b~c": 1}}, "/consignee/a~1b~0c"),
        ({"purpose": "smuggling"}, "/purpose"),
        ({"tax": {"kind": "vat"}}, "/tax/kind"),
        ({"packages": [{"number": -1}]}, "/packages/0/number"),
        ({"packages": [{"number": 2**32}]}, "/packages/0/number"),
        ({"packages": [{"number": 1.5}]}, "/packages/0/number"),
        ({"packages": [{"number": float(2**32)}]}, "/packages/0/number"),
        ({"transport": {"dispatch_date": "2026-02-30"}}, "/transport/dispatch_date"),
    ],
)
def test_wrong_values_name_their_path(shipment: Dict[str, Any], path: str) -> None:
    with pytest.raises(niryat.MalformedInput) as info:
        niryat.validate(shipment)
    assert info.value.path == path, str(info.value)
    assert str(info.value)
    _refused_or_issues(shipment)


def test_whole_floats_are_whole_numbers(lucknow: Dict[str, Any]) -> None:
    """A number column read by pandas comes back as floats (3.0): JSON Schema's integers."""
    as_ints = niryat.validate(lucknow)
    for package in lucknow["packages"]:
        package["number"] = float(package.get("number", 1))
    lucknow["exchange_rate"]["per"] = 1.0
    assert niryat.validate(lucknow) == as_ints


class _Index:
    """An integer type that is not an `int`, as numpy's `int64` is: it has `__index__`."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def __index__(self) -> Any:
        if isinstance(self.value, Exception):
            raise self.value
        return self.value


def test_integer_types_with_index_are_integers(lucknow: Dict[str, Any]) -> None:
    as_ints = niryat.validate(lucknow)
    for package in lucknow["packages"]:
        package["number"] = _Index(package.get("number", 1))
    lucknow["exchange_rate"]["per"] = _Index(1)
    lucknow["items"][0]["quantity"] = _Index(int(lucknow["items"][0]["quantity"]))
    assert niryat.validate(lucknow) == as_ints
    # Refused at the value's path: too large, a failing or a lying __index__.
    for bad, words in [
        (_Index(2**70), "too large"),
        (_Index(RuntimeError("boom")), "as an integer"),
        (_Index("3"), "as an integer"),
    ]:
        with pytest.raises(niryat.MalformedInput) as info:
            niryat.validate({"packages": [{"number": bad}]})
        assert info.value.path == "/packages/0/number"
        assert words in str(info.value), str(info.value)


def test_datetimes_at_midnight_are_dates(lucknow: Dict[str, Any]) -> None:
    """A spreadsheet's date cell read by pandas is a Timestamp, a datetime at midnight."""
    as_text = niryat.validate(lucknow)
    y, m, d = (int(p) for p in lucknow["invoice"]["date"].split("-"))
    lucknow["invoice"]["date"] = datetime.datetime(y, m, d)
    assert niryat.validate(lucknow) == as_text
    aware = datetime.datetime(
        y, m, d, tzinfo=datetime.timezone(datetime.timedelta(hours=5, minutes=30))
    )
    lucknow["invoice"]["date"] = aware
    assert niryat.validate(lucknow) == as_text
    # Another time of day is refused at the value's path, not cut off.
    for when in [datetime.datetime(y, m, d, 14, 30), datetime.datetime(y, m, d, 0, 0, 0, 1)]:
        with pytest.raises(niryat.MalformedInput) as info:
            niryat.validate({"invoice": {"date": when}})
        assert info.value.path == "/invoice/date"
        assert "time of day" in str(info.value), str(info.value)


def test_cyclic_dict() -> None:
    d: Dict[str, Any] = {}
    d["exporter"] = d
    with pytest.raises(niryat.MalformedInput, match="levels deep"):
        niryat.validate(d)
    lst: List[Any] = []
    lst.append(lst)
    with pytest.raises(niryat.MalformedInput, match="levels deep") as info:
        niryat.validate({"items": lst})
    assert info.value.path.startswith("/items/0/0/0")
    _refused_or_issues(d)


def test_deep_nesting_in_json_text() -> None:
    with pytest.raises(niryat.MalformedInput):
        niryat.validate('{"items": ' + "[" * 100_000 + "]" * 100_000 + "}")
    with pytest.raises(niryat.MalformedInput):
        niryat.validate(_nested(10_000))


def _nested(depth: int) -> Dict[str, Any]:
    root: Dict[str, Any] = {}
    node = root
    for _ in range(depth):
        child: Dict[str, Any] = {}
        node["exporter"] = child
        node = child
    return root


def test_nested_junk() -> None:
    junk = {"items": [{"description": {"deep": [[[{"x": [None, {"y": float("nan")}]}]]]}}]}
    with pytest.raises(niryat.MalformedInput) as info:
        niryat.validate(junk)
    # the NaN is refused before the type error is even looked at, with its full path
    assert info.value.path == "/items/0/description/deep/0/0/0/x/1/y"


def test_huge_strings_become_issues() -> None:
    huge = "क" * 2_000_000
    issues = niryat.validate({"consignee": {"name": huge}}, draft=True)["issues"]
    assert any(i["code"] == "text_too_long" and i["path"] == "/consignee/name" for i in issues)
    _refused_or_issues({"consignee": {"name": huge}})


def test_control_characters_become_issues() -> None:
    issues = niryat.validate({"consignee": {"name": "Emily\x00\x1b[31m"}}, draft=True)["issues"]
    assert any(i["path"] == "/consignee/name" and i["severity"] == "error" for i in issues)


def test_huge_json_text_is_refused() -> None:
    with pytest.raises(niryat.MalformedInput, match="at most"):
        niryat.validate(b" " * (64 * 1024 * 1024 + 1))


def test_huge_lists_are_refused() -> None:
    with pytest.raises(niryat.MalformedInput) as info:
        niryat.validate({"items": [{}] * 10_001})
    assert info.value.path == "/items"


def test_non_utf8_bytes() -> None:
    for raw in (
        b'{"consignee": {"name": "\xff\xfe"}}',
        b'{"consignee": {"name": "\xc3\x28"}}',
        b'{"purpose": "personal"}\x80',
    ):
        with pytest.raises(niryat.MalformedInput) as info:
            niryat.validate(raw)
        assert info.value.line is not None
        _refused_or_issues(raw)


def test_lone_surrogate_in_json_text() -> None:
    with pytest.raises(niryat.MalformedInput, match="Unicode"):
        niryat.validate('{"consignee": {"name": "\udcff"}}')
    # an escaped lone surrogate inside JSON is the JSON parser's to refuse
    with pytest.raises(niryat.MalformedInput):
        niryat.validate('{"consignee": {"name": "\\udcff"}}')


def test_trailing_garbage() -> None:
    with pytest.raises(niryat.MalformedInput) as info:
        niryat.validate('{"purpose": "personal"} {"purpose": "personal"}')
    assert info.value.line == 1


def test_mutating_the_input_while_it_is_read_is_a_niryat_error() -> None:
    """A Decimal subclass whose ``is_finite`` grows the dict being read: pyo3 panics on the
    changed dict, and the panic surfaces as a NiryatError (code ``internal_error``), never as
    pyo3's PanicException (a BaseException) or a crash."""
    item: Dict[str, Any] = {}

    class Evil(decimal.Decimal):
        def is_finite(self) -> bool:
            for i in range(64):
                item[f"k{i}"] = i
            return True

    item["quantity"] = Evil("1")
    item["unit"] = "PCS"
    with pytest.raises(niryat.NiryatError) as info:
        niryat.validate({"items": [item]})
    assert info.value.code in {"internal_error", "malformed_input"}
    assert niryat.validate({"purpose": "personal"}, draft=True) is not None


def test_objects_that_raise_when_inspected() -> None:
    class Bomb(dict):  # type: ignore[type-arg]
        def items(self):  # type: ignore[no-untyped-def]
            raise RuntimeError("boom")

        def keys(self):  # type: ignore[no-untyped-def]
            raise RuntimeError("boom")

    # a dict subclass is read as a dict (its storage, not its overridden methods)
    assert isinstance(niryat.validate(Bomb(purpose="personal"), draft=True)["issues"], list)

    class Weird(decimal.Decimal):
        def is_finite(self) -> bool:
            raise RuntimeError("boom")

    with pytest.raises(niryat.MalformedInput):
        niryat.validate({"items": [{"quantity": Weird("1")}]})


@pytest.mark.parametrize(
    "value, english, hindi",
    [
        (
            {"items": [{"quantity": math.nan}]},
            "NaN and infinity are not numbers niryat can read",
            "NaN और infinity",
        ),
        ({"items": [{"quantity": 10**30}]}, "integer is too large", "पूर्णांक बहुत बड़ा है"),
        (
            {1: "x"},
            "keys must be str; found a key of type int",
            "कुंजियाँ str होनी चाहिए; int प्रकार की कुंजी मिली",
        ),
        (
            {"invoice": {"date": datetime.datetime(2026, 11, 18, 10, 30)}},
            "a date is expected, not a date and a time of day: pass its .date()",
            "दिनांक चाहिए, समय के साथ दिनांक नहीं: उसका .date() दें",
        ),
        (
            {"exporter": object()},
            "a Python object cannot be read as JSON",
            "Python का object JSON के रूप में पढ़ा नहीं जा सकता",
        ),
        ({"items": {"\ud800": 1}}, "a key is not valid Unicode", "एक कुंजी मान्य यूनिकोड नहीं है"),
        ("\ud800", "text is not valid Unicode", "पाठ मान्य यूनिकोड नहीं है"),
        ({"items": [{"quantity": decimal.Decimal("NaN")}]}, "NaN and infinity", "NaN और infinity"),
    ],
)
def test_what_the_converter_refuses_is_said_in_hindi(value: Any, english: str, hindi: str) -> None:
    with pytest.raises(niryat.MalformedInput) as en:
        niryat.validate(value)
    assert english in str(en.value) and hindi not in str(en.value)
    with pytest.raises(niryat.MalformedInput) as hi:
        niryat.validate(value, lang="hi")
    assert hindi in str(hi.value) and english not in str(hi.value), str(hi.value)
    assert hi.value.path == en.value.path
    with pytest.raises(niryat.MalformedInput) as both:
        niryat.validate(value, lang="en+hi")
    assert english in str(both.value) and hindi in str(both.value)
    with pytest.raises(niryat.MalformedInput) as report:
        niryat.report_gstr1([value], "2026-03", names=["a.json"], lang="hi")
    assert hindi in str(report.value), str(report.value)
