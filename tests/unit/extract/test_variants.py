"""The same letter gives the same fields however it arrives: line endings, encodings,
one paragraph per line, DOCX, PDF."""

from __future__ import annotations

import pytest

from imr_desk.assets import resource_path
from imr_desk.extract import extract
from imr_desk.readers import read_bytes, read_document
from tests.support.variants import byte_variants
from tests.unit.extract.expected import TEXT_LETTERS, summary_of
from tests.unit.extract.spancheck import span_problems


def _fields(letter: dict) -> dict:
    out = summary_of(letter)
    out["guidelines"] = [
        (i["claims_administrator_guideline"], i["maximus_guideline"]) for i in letter["items"]
    ]
    out["rationale_ends"] = [(i["rationale"] or "")[-60:] for i in letter["items"]]
    return out


@pytest.mark.parametrize("name", sorted(TEXT_LETTERS))
def test_variants_extract_identically(name):
    path = resource_path("samples", name)
    export_text = path.read_text(encoding="utf-8")
    reference = extract(read_document(path)).as_dict()
    expected = _fields(reference)
    failures = {}
    for variant, (fmt, data) in byte_variants(export_text, reference["text"]).items():
        letter = extract(read_bytes(data, fmt, source_path=f"{name}.{variant}")).as_dict()
        got = _fields(letter)
        if got != expected:
            failures[variant] = {k: (got[k], expected[k]) for k in got if got[k] != expected[k]}
        problems = span_problems(letter)
        if problems:
            failures[f"{variant} spans"] = problems
    assert failures == {}


def test_curly_quotes_and_nbsp_are_normalized():
    path = resource_path("samples", "004_8aa5183601f98bf9.txt")
    export_text = path.read_text(encoding="utf-8")
    reference = extract(read_document(path)).as_dict()
    fmt, data = byte_variants(export_text, reference["text"])["cp1252-curly"]
    document = read_bytes(data, fmt)
    assert document.encoding == "windows-1252"
    assert "\u201c" not in document.text and "\u2019" not in document.text and "\u00a0" not in document.text
    assert '"4 A\'s"' in document.text
