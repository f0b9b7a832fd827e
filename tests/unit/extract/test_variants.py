"""The same letter gives the same fields however it arrives: line endings, encodings,
one paragraph per line, DOCX, PDF."""

from __future__ import annotations

import shutil
import subprocess
import textwrap

import pytest

from imr_desk.assets import resource_path
from imr_desk.extract import extract, extract_text
from imr_desk.readers import read_bytes, read_document
from tests.support.variants import as_export, as_pdf, byte_variants, flat
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


@pytest.mark.parametrize(
    "footer",
    ["2", "Page 2 of 4", "Final Determination Letter for IMR Case Number CM16-0245466 2", "CM16-0245466"],
)
def test_a_page_footer_or_header_of_any_form_after_any_line_changes_no_field(footer):
    """A page number, the whole footer line, or a running case-number header; after a line
    that ends with a colon too ("… set forth below:" / "2")."""
    failures = []
    for name in sorted(TEXT_LETTERS):
        plain = read_document(resource_path("samples", name)).text
        expected = extract_text(plain).as_dict()
        lines = sum(len(textwrap.wrap(paragraph, 95)) for paragraph in plain.split("\n\n"))
        for after in range(1, lines):
            raw = as_export(plain, footer_after=after, footer=footer)
            letter = extract_text(read_bytes(raw.encode(), "txt").text).as_dict()
            failures += [(name, after, path) for path in _FIELDS if letter[path] != expected[path]]
    assert failures == []


_FIELDS = ("reviewer", "patient", "injury", "ur_decision_date", "clinical_case_summary", "items")


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


@pytest.mark.parametrize("name", sorted(TEXT_LETTERS))
def test_the_lines_a_pdf_text_tool_gives_at_any_width_give_the_same_fields(name):
    """One line each and no paragraph marks, as they are or in the export layout. Compared
    without hyphens and white space: a line may break at a dash ("8/6/79-" / "2/27/08"),
    which no reader can tell from a word's hyphen."""
    plain = read_document(resource_path("samples", name)).text
    expected = extract_text(plain).as_dict()
    failures = []
    for width in range(50, 131, 10):
        lines = [line for paragraph in plain.split("\n\n") for line in textwrap.wrap(paragraph, width)]
        for form, raw in (("lines", "\n".join(lines)), ("export", "".join(f"{line} \n\n" for line in lines))):
            letter = extract_text(read_bytes(raw.encode(), "txt").text).as_dict()
            for field in _FIELDS:
                got, wanted = _without_hyphens(letter[field]), _without_hyphens(expected[field])
                if "".join(got.replace("\\n", "").split()) != "".join(wanted.replace("\\n", "").split()):
                    failures.append((width, form, field))
    assert failures == []


def _whitespace_normalized(letter: dict) -> dict:
    """The fields compared with every run of white space as one space: a word processor
    lays lines out anew, so where a value's paragraphs break may move, never its words."""
    fields = {
        **_fields(letter),
        "rationales": [item["rationale"] for item in letter["items"]],
        "clinical_case_summary": letter["clinical_case_summary"],
    }
    return {key: " ".join(repr(value).replace("\\n", " ").split()) for key, value in fields.items()}


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed here")
@pytest.mark.parametrize("layout", ["export", "flat"])
def test_letters_libreoffice_made_into_pdf_and_docx_give_the_same_fields(layout, tmp_path):
    """What a user gets by opening a text letter in LibreOffice and saving it as PDF or DOCX:
    its lines re-wrapped to the page, the export's blank lines kept as empty lines."""
    sources = []
    for name in sorted(TEXT_LETTERS):
        text = resource_path("samples", name).read_text(encoding="utf-8")
        source = tmp_path / name
        source.write_text(text if layout == "export" else text.replace(" \n\n", "\n"), encoding="utf-8")
        sources.append(source)
    failures = {}
    for fmt in ("pdf", "docx"):
        subprocess.run(
            ["soffice", "--headless", "--convert-to", fmt, "--outdir", str(tmp_path / fmt), *map(str, sources)],
            check=True, capture_output=True, timeout=300,
        )
        for source in sources:
            expected = _whitespace_normalized(extract(read_document(source)).as_dict())
            letter = extract(read_document(tmp_path / fmt / f"{source.stem}.{fmt}")).as_dict()
            got = _whitespace_normalized(letter)
            # A range broken at its hyphen ("8/6/79-" / "2/27/08") loses its space: no reader can tell it was there.
            got = {k: v.replace("79-2/27", "79- 2/27") for k, v in got.items()}
            if got != expected:
                failures[f"{source.name} {fmt}"] = {k: (got[k], expected[k]) for k in got if got[k] != expected[k]}
            if span_problems(letter):
                failures[f"{source.name} {fmt} spans"] = span_problems(letter)
    assert failures == {}


@pytest.mark.parametrize("footer", ["Final", "2", "Final Determination Letter for IMR Case Number CM16-0245466 2"])
def test_single_spaced_page_breaks_with_a_footer_change_no_field(footer):
    """Ordinary newlines, where blank lines both end paragraphs and pad a page break: the
    footer tells a page break, and the layout then judges whether the paragraph goes on.
    Left out: a break right after a line that ends a sentence, which the reader takes for
    the paragraph's end (the export keeps a paragraph's break ahead of the page padding;
    with its doubled lines undone, nothing does)."""
    failures = []
    for name in sorted(TEXT_LETTERS):
        plain = read_document(resource_path("samples", name)).text
        expected = extract_text(plain).as_dict()
        paragraphs = [textwrap.wrap(paragraph, 95) or [""] for paragraph in plain.strip().split("\n\n")]
        wrapped = [line for lines in paragraphs for line in lines]
        for after, line in enumerate(wrapped[:-1], start=1):
            if line.rstrip("\"')").endswith((".", "!", "?")):
                continue
            raw = flat(as_export(plain, footer_after=after, footer=footer))
            letter = extract_text(read_bytes(raw.encode(), "txt").text).as_dict()
            failures += [(name, after, path) for path in _FIELDS if letter[path] != expected[path]]
    assert failures == []
