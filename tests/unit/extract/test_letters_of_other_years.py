"""Whole letters in the family's forms of other years (tests/support/letters): every field,
and the same fields however the letter's lines and pages are laid out."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from imr_desk.extract import extract_text
from imr_desk.readers import read_bytes
from tests.support.variants import as_export
from tests.unit.extract.spancheck import span_problems

LETTERS = Path(__file__).parents[2] / "support" / "letters"

def _letter(states, specialties, age, sex, injury, ur_date, final, items, case=None, injury_end=None) -> dict:
    return {
        "case": case,
        "reviewer": {"licensure_states": states, "specialties": specialties},
        "patient": {"age": age, "sex": sex},
        "injury": {"date": injury, "end_date": injury_end},
        "ur_decision_date": ur_date,
        "final_determination": final,
        "items": items,  # (request, decision, quantity, retrospective)
    }


EXPECTED = {
    "2013_labels_on_their_own_lines.txt": _letter(
        ["California", "Maryland"], ["Anesthesiology", "Pain Medicine"], 39, "female", "2011-02-14", "2013-07-09", "upheld",
        [
            ("Prospective request for 1 lumbar epidural steroid injection at L4-5 between 6/27/2013 and 8/11/2013", "upheld", 1, False),
            ("Prospective request for 1 prescription of Tramadol ER 150mg #30 between 6/27/2013 and 8/11/2013", "upheld", 30, False),
        ],
    ),
    "2014_applicant_summary.txt": _letter(
        ["California", "Florida", "Ohio"], ["Family Practice", "Occupational Medicine"], 58, "male", "2010-10-14", "2014-07-22",
        "partially overturned",
        [
            ("Norco 10/325mg #120", "upheld", 120, False),
            ("Physical therapy, twelve sessions", "overturned", 12, False),
            ("Retrospective request for urine drug screen (DOS: 06/30/2014)", "upheld", None, True),
        ],
    ),
    "2017_cover_and_partly_certified.txt": _letter(
        ["California"], ["Internal Medicine"], 63, "female", "1979-08-06", "2017-02-15", "partially overturned",
        [("Tramadol ER 150mg #15 with 2 refills", "overturned", 15, False), ("Lidoderm patches 5% #30", "upheld", 30, False)],
        case={
            "case_number": "CM17-0123456", "date_assigned": "2017-03-02", "date_of_injury": "1979-08-06",
            "decision_date": "2017-04-06", "ur_denial_date": "2017-02-15", "priority": "Standard",
            "application_received": "2017-02-24", "claim_number": None, "employee_name": None,
        },
        injury_end="2008-02-27",
    ),
    "2019_list_credentials_partly_certified.txt": _letter(
        ["Texas", "California"], ["Orthopaedic Surgery"], 44, "female", "2016-03-12", "2018-10-01", "partially overturned",
        [
            ("Post-operative physical therapy 1 time a week for 4 weeks for the right shoulder", "upheld", 4, False),
            ("Cold therapy unit, 7 day rental", "overturned", 7, False),
        ],
    ),
}

_SAME = ("case", "reviewer", "patient", "injury", "ur_decision_date", "final_determination", "clinical_case_summary", "items")


def _plain(name: str) -> str:
    return read_bytes((LETTERS / name).read_bytes(), "txt").text


def _extracted(raw: str) -> dict:
    out = extract_text(read_bytes(raw.encode(), "txt").text).as_dict()
    assert span_problems(out) == []
    return out


def _comparable(letter: dict) -> dict:
    """The fields, with runs of white space as one space: where a value's lines broke may move."""
    return {field: " ".join(repr(letter[field]).replace("\\n", " ").split()) for field in _SAME}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_field(name):
    out = _extracted(_plain(name))
    wanted = EXPECTED[name]
    assert {key: out[key] for key in wanted if key != "items"} == {key: v for key, v in wanted.items() if key != "items"}
    assert [(i["request"], i["decision"], i["quantity"], i["retrospective"]) for i in out["items"]] == wanted["items"]
    assert all(i["claims_administrator_guideline"] and i["maximus_guideline"] and i["rationale"] for i in out["items"])
    assert out["warnings"] == []


def test_partly_certified_requests_keep_what_was_asked_and_authorized():
    first = _extracted(_plain("2017_cover_and_partly_certified.txt"))["items"][0]
    assert (first["original_request"], first["authorized"]) == ("Tramadol ER 150mg #30 with 2 refills", "Tramadol ER 150mg #15")
    assert first["request_heading"].startswith("Tramadol ER 150mg #30 with 2 refills was the original request.")


@pytest.mark.parametrize("footer", ["Final", "2", "Final Determination Letter for IMR Case Number CM17-0123456 2"])
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_page_break_after_any_line_of_the_export_changes_no_field(name, footer):
    plain = _plain(name)
    expected = _comparable(_extracted(plain))
    lines = sum(len(textwrap.wrap(paragraph, 95)) for paragraph in plain.split("\n\n"))
    failures = []
    for after in range(1, lines):
        export = as_export(plain, footer_after=after, footer=footer)
        for form, raw in (("export", export), ("single-spaced", export.replace(" \n\n", "\n"))):
            got = _comparable(_extracted(raw))
            failures += [(after, form, field) for field in _SAME if got[field] != expected[field]]
    assert failures == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_lines_a_pdf_text_tool_gives_at_any_width_change_no_field(name):
    plain = _plain(name)
    expected = _comparable(_extracted(plain))
    failures = []
    for width in range(50, 131, 8):
        lines = [line for paragraph in plain.split("\n\n") for line in textwrap.wrap(paragraph, width, break_on_hyphens=False)]
        for form, raw in (("lines", "\n".join(lines)), ("export", "".join(f"{line} \n\n" for line in lines))):
            got = _comparable(_extracted(raw))
            failures += [(width, form, field) for field in _SAME if got[field] != expected[field]]
    assert failures == []
