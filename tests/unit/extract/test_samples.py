"""Every sample letter extracts to its hand-checked values, and every span holds its value."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from imr_desk.assets import resource_path, sample_letters
from imr_desk.extract import extract
from imr_desk.readers import read_bytes, read_document
from tests.conftest import REAL_LETTERS as REAL_DIR
from tests.support.variants import flat
from tests.unit.extract.expected import REAL_LETTERS, TEXT_LETTERS, summary_of
from tests.unit.extract.spancheck import span_problems


@pytest.mark.parametrize("name", sorted(TEXT_LETTERS))
def test_text_letter_fields(name):
    letter = extract(read_document(resource_path("samples", name))).as_dict()
    assert summary_of(letter) == TEXT_LETTERS[name]


@pytest.mark.parametrize("name", sorted(REAL_LETTERS))
def test_real_letter_fields(name):
    path = REAL_DIR / name
    if not path.exists():
        pytest.skip(f"real sample letters not present at {REAL_DIR}")
    letter = extract(read_document(path)).as_dict()
    assert summary_of(letter) == REAL_LETTERS[name]


@pytest.mark.parametrize("name", sorted(TEXT_LETTERS) + sorted(REAL_LETTERS))
def test_every_span_holds_its_value(name):
    path = resource_path("samples", name) if name.endswith(".txt") else REAL_DIR / name
    if not path.exists():
        pytest.skip(f"real sample letters not present at {REAL_DIR}")
    letter = extract(read_document(path)).as_dict()
    assert span_problems(letter) == []


def test_real_letter_header_is_complete(real_letters):
    letter = extract(read_document(REAL_DIR / "CM16-0237844.pdf")).as_dict()
    assert letter["case"] == {
        "case_number": "CM16-0237844",
        "date_assigned": "2016-12-14",
        "date_of_injury": "2016-10-20",
        "decision_date": "2017-01-12",
        "ur_denial_date": "2016-12-05",
        "priority": "Standard",
        "application_received": "2016-12-12",
        "claim_number": None,  # public letters are redacted
        "employee_name": None,
    }


def test_partly_certified_request_keeps_whole_heading(real_letters):
    letter = extract(read_document(REAL_DIR / "CM17-0014320.pdf")).as_dict()
    item = letter["items"][0]
    assert item["request"] == "three physical therapy visits for the right shoulder"
    assert item["request_heading"].startswith("Twelve physical therapy visits for the right shoulder was the original request.")
    assert item["original_request"] == "Twelve physical therapy visits for the right shoulder"
    assert item["authorized"] == "Nine physical therapy visits for the right shoulder"


def test_header_disagreeing_with_summary_is_warned(real_letters):
    letter = extract(read_document(REAL_DIR / "CM16-0239569.pdf")).as_dict()
    assert letter["injury"]["date"] == "2016-11-15"
    assert any(w["field"] == "injury.date" and "header" in w["message"] for w in letter["warnings"])


def test_footer_remnant_never_reaches_a_value():
    letter = extract(read_document(resource_path("samples", "002_4c5777553f12bddd.txt"))).as_dict()
    rationale = letter["items"][2]["rationale"]
    assert "although both should be employed" in rationale
    assert " Final " not in rationale


def test_rationale_and_guidelines_are_complete():
    letter = extract(read_document(resource_path("samples", "000_c9487fd7d3241e39.txt"))).as_dict()
    item = letter["items"][0]
    assert item["claims_administrator_guideline"] == (
        "Decision based on MTUS Chronic Pain Treatment Guidelines NSAIDs, GI SYMPTOMS AND CARDIOVASCULAR RISK Page(s): 68."
    )
    assert item["maximus_guideline"].endswith("Decision based on Non-MTUS Citation Pain, Cyclobenzaprine (Flexeril) Up To Date, Flexeril")
    assert item["rationale"].startswith('MTUS Chronic Pain Medical Treatment states for FEXMID (Cyclobenzaprine), "Recommended')
    assert item["rationale"].endswith("As such, the request for Fexmid 7.5mg #120 is not medically necessary.")
    assert letter["clinical_case_summary"].startswith("This is a 54 year old male who sustained")
    assert letter["clinical_case_summary"].endswith("these issues are not eligible for the IMR and will not be considered.")


@pytest.mark.parametrize("sample", sample_letters(), ids=lambda p: p.name)
def test_a_sample_flattened_onto_one_line_gives_the_same_fields(sample):
    text = sample.read_text(encoding="utf-8")
    lines = extract(read_bytes(text.encode(), "txt")).as_dict()
    one_line = extract(read_bytes(" ".join(flat(text).split()).encode(), "txt")).as_dict()
    for key in ("case", "reviewer", "patient", "injury", "ur_decision_date", "final_determination"):
        assert one_line[key] == lines[key], key
    fields = ("request", "decision", "quantity", "retrospective", "claims_administrator_guideline", "maximus_guideline")
    assert [[item[k] for k in fields] for item in one_line["items"]] == [[item[k] for k in fields] for item in lines["items"]]
    assert span_problems(one_line) == []


def _pdftotext(pdf, tmp_path, *options):
    out = tmp_path / f"{pdf.stem}{''.join(options)}.txt"
    subprocess.run(["pdftotext", *options, str(pdf), str(out)], check=True)
    return out


def _as_export(path):
    """A text file laid out as the public export prints letters: each line followed by a
    blank one, a page break as empty lines."""
    lines = path.read_text(encoding="utf-8").replace("\f", "\n\n\n").split("\n")
    out = path.with_suffix(".export.txt")
    out.write_text("".join(" ".join(line.split()) + " \n\n" for line in lines), encoding="utf-8")
    return out


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
@pytest.mark.parametrize(
    ("options", "export"), [((), False), (("-layout",), False), (("-layout",), True)],
    ids=["columns-read-down", "layout", "layout-as-export"],
)
def test_real_letters_as_pdftotext_writes_them_give_the_pdfs_fields(real_letters, tmp_path, options, export):
    """Text that a common tool takes out of the PDFs: the cover table read column by column, or in
    two columns with a label wrapped around its value; words hyphenated at line ends; and that
    text in the public export's layout."""
    failures = {}
    for pdf in real_letters:
        want = extract(read_document(pdf)).as_dict()
        text_file = _pdftotext(pdf, tmp_path, *options)
        got = extract(read_document(_as_export(text_file) if export else text_file)).as_dict()
        for key in ("case", "reviewer", "patient", "injury", "ur_decision_date", "final_determination"):
            if got[key] != want[key]:
                failures[f"{pdf.name} {key}"] = (got[key], want[key])
        wanted_items = [{k: " ".join(str(v).split()) for k, v in item.items()} for item in want["items"]]
        got_items = [{k: " ".join(str(v).split()) for k, v in item.items()} for item in got["items"]]
        if got_items != wanted_items and (options, pdf.name) != ((), "CM17-0009574.pdf"):  # it writes "evidencebased"
            failures[f"{pdf.name} items"] = (got_items, wanted_items)
        if export and " ".join(got["clinical_case_summary"].split()) != " ".join(want["clinical_case_summary"].split()):
            failures[f"{pdf.name} summary"] = (got["clinical_case_summary"], want["clinical_case_summary"])
        if span_problems(got):
            failures[f"{pdf.name} spans"] = span_problems(got)
    assert failures == {}


def test_a_word_pdfium_broke_at_a_line_end_keeps_its_hyphen_where_the_letter_never_spells_it_whole(real_letters):
    text = read_document(REAL_DIR / "CM17-0009574.pdf").text
    assert "the evidence-based guideline review" in text
    assert "evidencebased" not in text
