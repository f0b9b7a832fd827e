"""The same letter gives the same fields however it arrives: line endings, encodings,
one paragraph per line, DOCX, PDF."""

from __future__ import annotations

import textwrap

import pytest

from imr_desk.assets import resource_path
from imr_desk.extract import extract, extract_text
from imr_desk.readers import read_bytes, read_document
from tests.support.variants import as_export, as_pdf, byte_variants
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


@pytest.mark.parametrize("name", sorted(TEXT_LETTERS))
def test_a_page_break_after_any_line_changes_no_field(name):
    """The public export breaks pages mid-paragraph, also after a line that ends a sentence."""
    plain = read_document(resource_path("samples", name)).text
    expected = extract_text(plain).as_dict()
    lines = sum(len(textwrap.wrap(paragraph, 95)) for paragraph in plain.split("\n\n"))
    failures = []
    for after in range(1, lines):
        letter = extract_text(read_bytes(as_export(plain, footer_after=after).encode(), "txt").text).as_dict()
        for path in ("clinical_case_summary", "items"):
            if letter[path] != expected[path]:
                failures.append((after, path))
    assert failures == []


def _without_hyphens(value: object) -> str:
    """A field's text with hyphens left out: a PDF may break "drug-/related" at its hyphen,
    which no reader can tell from a word broken in two."""
    return repr(value).replace("-", "")


@pytest.mark.parametrize("name", sorted(TEXT_LETTERS))
def test_a_pdf_page_that_ends_mid_paragraph_after_a_sentence_does_not_split_it(name):
    path = resource_path("samples", name)
    expected = extract(read_document(path)).as_dict()
    export_text = path.read_text(encoding="utf-8")
    failures = []
    for lines_per_page in range(12, 60):
        letter = extract_text(read_bytes(as_pdf(export_text, lines_per_page), "pdf").text).as_dict()
        for field in ("clinical_case_summary", "items"):
            if _without_hyphens(letter[field]) != _without_hyphens(expected[field]):
                failures.append((lines_per_page, field))
    assert failures == []
