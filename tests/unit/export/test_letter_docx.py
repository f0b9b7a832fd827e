"""The exported letter, read back with python-docx: every value in its place."""

from __future__ import annotations

import shutil
import subprocess

import docx
import pytest

from imr_desk.export.letter_docx import DRAFT_MARK, render
from imr_desk.export.text import xml_safe
from imr_desk.services.exporting import default_template

LETTER = {
    "case": {"case_number": "CM16-0237844", "employee_name": "Jane Doe", "claim_number": "CLM-42",
             "date_assigned": "2016-12-14", "decision_date": None},
    "reviewer": {"licensure_states": ["California", "Texas"], "specialties": ["Family Practice"]},
    "patient": {"age": 51, "sex": "female"},
    "injury": {"date": "1998-03-01", "end_date": "2011-09-15"},
    "ur_decision_date": None,
    "clinical_case_summary": "First paragraph of the summary.\n\nSecond paragraph.",
    "final_determination": "partially overturned",
    "items": [
        {"request": "Norco 10/325 mg #120", "decision": "upheld", "claims_administrator_guideline": "MTUS Opioids",
         "maximus_guideline": "ODG Pain", "rationale": 'Risk & benefit: "<5%" of cases\x0cContinues on a new page.\x00'},
        {"request": "Physical therapy x6", "decision": "overturned", "claims_administrator_guideline": None,
         "maximus_guideline": "MTUS Physical Medicine", "rationale": "Supported."},
    ],
    "letter": {"date": "2026-11-20", "mailed_on": None},
    "recipients": [
        {"role": "employee", "name": "Jane Doe", "address": ["1 Main St", "Fresno, CA 93701"]},
        {"role": "claims administrator", "name": "ACME Claims", "address": ["PO Box 1"]},
    ],
}


def _text(document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


@pytest.fixture
def rendered(tmp_path):
    path = tmp_path / "letter.docx"
    render(default_template(), LETTER).save(path)
    return docx.Document(path)


def test_values_land_in_order(rendered):
    text = _text(rendered)
    order = ["November 20, 2026", "Jane Doe\n1 Main St\nFresno, CA 93701", "RE:", "IMR case number: CM16-0237844",
             "Dear Jane Doe:", "partially overturned", "Your right to appeal", "How the determination was made",
             "certified in Family Practice and is licensed to practice in California and Texas",
             "First paragraph of the summary.", "1. Norco 10/325 mg #120: Upheld", "cc:"]
    positions = [text.index(piece) for piece in order]
    assert positions == sorted(positions)
    assert "Date of injury: March 1, 1998 through September 15, 2011 (cumulative)" in text
    assert "Claim number: CLM-42" in text and "Employee: Jane Doe" in text
    assert "None" not in text and "{{" not in text
    assert "Utilization Review decision:" not in text  # no UR date: left out, not printed empty
    assert "Decision date:" not in text
    assert "Physical therapy x6" in text.split("partially overturned", 1)[1].split("\n")[0]
    assert "ACME Claims, Claims administrator" in text


def test_items_table(rendered):
    table = rendered.tables[0]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows == [["Disputed item or service", "Decision"], ["Norco 10/325 mg #120", "Upheld"], ["Physical therapy x6", "Overturned"]]
    assert table.rows[0]._tr.trPr.find(docx.oxml.ns.qn("w:tblHeader")) is not None


def test_special_characters_and_form_feed(rendered):
    text = _text(rendered)
    assert 'Decision rationale: Risk & benefit: "<5%" of casesContinues on a new page.' in text
    xml = rendered.element.xml
    assert 'w:type="page"' in xml and "\x00" not in xml and "&amp;" in xml and "&lt;5%" in xml


@pytest.mark.parametrize(
    ("final", "phrase"),
    [("upheld", "none of the disputed items or services is medically necessary"),
     ("overturned", "all of the disputed items and services are medically necessary")],
)
def test_upheld_and_overturned_wording(tmp_path, final, phrase):
    letter = {**LETTER, "final_determination": final,
              "items": [{**i, "decision": final} for i in LETTER["items"]]}
    render(default_template(), letter).save(tmp_path / "l.docx")
    assert phrase in _text(docx.Document(tmp_path / "l.docx"))


def test_draft_is_marked_on_every_page(tmp_path):
    render(default_template(), LETTER, draft=True).save(tmp_path / "d.docx")
    document = docx.Document(tmp_path / "d.docx")
    for section in document.sections:
        for header in (section.header, section.first_page_header, section.even_page_header):
            assert header.paragraphs[0].text == DRAFT_MARK
    final = docx.Document(_saved(tmp_path, draft=False))
    assert DRAFT_MARK not in final.sections[0].header.paragraphs[0].text


def _saved(tmp_path, draft):
    path = tmp_path / f"x{draft}.docx"
    render(default_template(), LETTER, draft=draft).save(path)
    return path


def test_page_x_of_y_fields_in_the_footer(rendered):
    footer_xml = rendered.sections[0].footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml


def test_addressed_to_another_recipient(tmp_path):
    render(default_template(), LETTER, addressee=1).save(tmp_path / "a.docx")
    text = _text(docx.Document(tmp_path / "a.docx"))
    assert "Dear ACME Claims:" in text and "cc:\nJane Doe, Employee" in text


def test_xml_safe():
    assert xml_safe("a\x00b\x0bc\ufffed\x0ce") == "abcd\x0ce"


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) and pdftotext are not installed here")
@pytest.mark.timeout(180)
def test_pdf_round_trip(tmp_path):
    from imr_desk.services.exporting import _to_pdf

    source = tmp_path / "letter.docx"
    render(default_template(), LETTER).save(source)
    _to_pdf(source, tmp_path / "letter.pdf")
    text = subprocess.run(["pdftotext", str(tmp_path / "letter.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert "IMR case number: CM16-0237844" in text and "Physical therapy x6" in text
    assert "Page 1 of" in text
