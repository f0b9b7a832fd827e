"""The earliest letters' layout: the decisions listed first, after the cover data; the
reviewer's credentials and the case summary next; each item's guidelines and rationale
after the documents reviewed, under "1) Regarding the request for X:"."""

from __future__ import annotations

import pytest

from imr_desk.extract import extract_text
from imr_desk.readers import read_bytes
from tests.support.variants import as_export, as_pdf, hard_wrapped
from tests.unit.extract.spancheck import span_problems

COVER = """Notice of Independent Medical Review Determination

Dated: 10/29/2013

IMR Case Number: CM13-0004512

Date of Injury: 04/27/2012

Claims Number: 123456789

UR Denial Date: 07/31/2013

Priority: Standard

Application Received: 08/07/2013

Employee Name: John Doe

Provider Name: Jane Roe, MD

Dear Mr. Doe,

MAXIMUS Federal Services, Inc. has completed the Independent Medical Review (IMR) of the above workers' \
compensation case. This letter provides you with the IMR Final Determination and explains how the determination \
was made.

Final Determination: OVERTURN IN PART. This means we decided that some of the disputed items/services are \
medically necessary and appropriate.

INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE

An application for Independent Medical Review was filed on 8/7/2013 disputing the Utilization Review Denial \
dated 7/31/2013. A Notice of Assignment and Request for Information was provided to the above parties on \
8/14/2013. A decision has been made for each of the treatment and/or services that were in dispute:

{decisions}

Medical Qualifications of the Expert Reviewer:

The independent Physician who made the decision has no affiliation with the employer, employee, providers \
or the claims administrator. The physician reviewer is Board Certified in Physical Medicine and \
Rehabilitation, has a subspecialty in Pain Medicine and is licensed to practice in California. He/she has \
been in active clinical practice for more than five years.

Expert Reviewer Case Summary:

The expert reviewer based his/her decision on a review of the case file, including all medical records:

The patient is a 45 year old male who reported an injury on 04/27/2012 while lifting a crate. He has right \
shoulder pain and has had 12 sessions of physical therapy. The utilization review dated 07/31/2013 \
non-certified both requests.
"""

DECISIONS = (
    "1. Physical therapy 2x4 for the right shoulder is not medically necessary and appropriate.\n\n"
    "2. Tramadol 50mg #60 is medically necessary and appropriate."
)

DETAILS = """
Documents Reviewed for Determination:

Application of Independent Medical Review

Utilization Review Determination dated 7/31/2013

Medical Records from Jane Roe, MD, dated 1/2/2013 to 7/1/2013

1) Regarding the request for Physical therapy 2x4 for the right shoulder:

Medical Treatment Guideline(s) the Claims Administrator based its decision on:

The Claims Administrator based its decision on the Chronic Pain Medical Treatment Guidelines (May 2009), \
Physical Medicine section, page 99, which are part of the MTUS.

Medical Treatment Guideline(s) the Expert Reviewer based his/her decision on:

The Expert Reviewer found the guideline used by the Claims Administrator relevant and appropriate for the \
employee's clinical circumstance.

Rationale for the Decision:

The patient has had 12 sessions of therapy, more than the guidelines allow. {first_conclusion}

2) Regarding the request for Tramadol 50mg #60:

Medical Treatment Guideline(s) the Claims Administrator based its decision on:

The Claims Administrator based its decision on the Chronic Pain Medical Treatment Guidelines, Opioids, page 76-80.

Medical Treatment Guideline(s) the Expert Reviewer based his/her decision on:

The Expert Reviewer based his/her decision on the Chronic Pain Medical Treatment Guidelines, Tramadol, page 113.

Rationale for the Decision:

The records document pain relief and function with Tramadol. The request for Tramadol 50mg #60 is medically \
necessary and appropriate.

/sr
"""

FIRST_CONCLUSION = "The request for Physical therapy 2x4 for the right shoulder is not medically necessary and appropriate."


def early_letter(decisions: str = DECISIONS, details: str = DETAILS, first_conclusion: str = FIRST_CONCLUSION) -> str:
    return COVER.format(decisions=decisions) + details.format(first_conclusion=first_conclusion)


def extracted(data: bytes, fmt: str = "txt") -> dict:
    out = extract_text(read_bytes(data, fmt).text).as_dict()
    assert span_problems(out) == []
    return out


LAYOUTS = {
    "blank-line paragraphs": lambda plain: (plain.encode(), "txt"),
    "public export": lambda plain: (as_export(plain, footer_after=30).encode(), "txt"),
    "hard-wrapped lines": lambda plain: (hard_wrapped(plain).encode(), "txt"),
    "narrow hard-wrapped lines": lambda plain: (hard_wrapped(plain, width=50).encode(), "txt"),
    "pdf": lambda plain: (as_pdf(as_export(plain)), "pdf"),
}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_field_of_an_early_letter(layout):
    out = extracted(*LAYOUTS[layout](early_letter()))
    assert out["case"] == {
        "case_number": "CM13-0004512", "date_assigned": "2013-08-14", "date_of_injury": "2012-04-27",
        "decision_date": "2013-10-29", "ur_denial_date": "2013-07-31", "priority": "Standard",
        "application_received": "2013-08-07", "claim_number": "123456789", "employee_name": "John Doe",
    }
    assert out["reviewer"] == {"licensure_states": ["California"], "specialties": ["Physical Medicine and Rehabilitation", "Pain Medicine"]}
    assert out["patient"] == {"age": 45, "sex": "male"}
    assert out["injury"] == {"date": "2012-04-27", "end_date": None}
    assert out["ur_decision_date"] == "2013-07-31"
    assert out["clinical_case_summary"].startswith("The patient is a 45 year old male")
    assert out["clinical_case_summary"].endswith("non-certified both requests.")
    first, second = out["items"]
    assert (first["request"], first["decision"], first["quantity"]) == ("Physical therapy 2x4 for the right shoulder", "upheld", 8)
    assert (second["request"], second["decision"], second["quantity"]) == ("Tramadol 50mg #60", "overturned", 60)
    assert first["claims_administrator_guideline"].startswith("Chronic Pain Medical Treatment Guidelines (May 2009)")
    assert first["maximus_guideline"].startswith("The Expert Reviewer found the guideline used by the Claims Administrator")
    assert second["maximus_guideline"] == "Chronic Pain Medical Treatment Guidelines, Tramadol, page 113."
    assert first["rationale"] == "The patient has had 12 sessions of therapy, more than the guidelines allow. " + FIRST_CONCLUSION
    assert second["rationale"].endswith("is medically necessary and appropriate.")  # the closing "/sr" is not part of it
    assert out["final_determination"] == "partially overturned"
    assert out["warnings"] == []


@pytest.mark.parametrize("layout", ["blank-line paragraphs", "public export"])
def test_list_entries_on_consecutive_wrapped_lines_stay_apart(layout):
    """Entries with no blank line between them, each wrapped, as text copied from a PDF reads."""
    decisions = (
        "1) MAXIMUS Federal Services, Inc. has determined the request for Physical therapy 2x4 for the\n"
        "right shoulder is not medically necessary and appropriate.\n"
        "2) MAXIMUS Federal Services, Inc. has determined the request for Tramadol 50mg #60 is\n"
        "medically necessary and appropriate."
    )
    plain = early_letter(decisions=decisions, first_conclusion="Further therapy is not supported.")
    data = as_export(plain, footer_after=30, keep_lines=True) if layout == "public export" else plain
    out = extracted(data.encode())
    assert [(i["request"], i["decision"]) for i in out["items"]] == [
        ("Physical therapy 2x4 for the right shoulder", "upheld"),
        ("Tramadol 50mg #60", "overturned"),
    ]
    start, _ = out["spans"]["items.0.decision"]
    assert start < out["text"].index("Medical Qualifications")  # from the list: no warning that the rationale gave it
    assert out["warnings"] == []


def test_the_decision_comes_from_the_list_where_the_rationale_does_not_state_it():
    out = extracted(early_letter(first_conclusion="Further therapy is not supported.").encode())
    first = out["items"][0]
    assert first["decision"] == "upheld"
    start, end = out["spans"]["items.0.decision"]
    assert out["text"][start:end] == "is not medically necessary and appropriate."
    assert start < out["text"].index("Medical Qualifications")  # in the list, not in the rationale


def test_the_rationale_concludes_where_the_list_names_other_requests():
    decisions = "1. A different request is medically necessary and appropriate."
    out = extracted(early_letter(decisions=decisions).encode())
    assert [(i["request"], i["decision"]) for i in out["items"]] == [
        ("Physical therapy 2x4 for the right shoulder", "upheld"),
        ("Tramadol 50mg #60", "overturned"),
    ]
    assert {w["field"] for w in out["warnings"]} == {"items.0.decision", "items.1.decision"}


def test_a_letter_with_only_the_list_gives_its_entries_as_items():
    out = extracted(early_letter(details="").encode())
    assert [(i["request"], i["decision"]) for i in out["items"]] == [
        ("Physical therapy 2x4 for the right shoulder", "upheld"),
        ("Tramadol 50mg #60", "overturned"),
    ]
    assert out["patient"] == {"age": 45, "sex": "male"}


def test_the_outcome_the_letter_states_is_checked_against_its_items():
    agreeing = extracted(early_letter().encode())
    assert not [w for w in agreeing["warnings"] if w["field"] == "final_determination"]
    disagreeing = extracted(early_letter().replace("OVERTURN IN PART", "UPHOLD").encode())
    assert disagreeing["final_determination"] == "partially overturned"
    assert [w["message"] for w in disagreeing["warnings"] if w["field"] == "final_determination"] == [
        "the letter states 'upheld' but its items give 'partially overturned'"
    ]


def test_the_cover_dates_it_lacks_come_from_the_sentence_that_opens_the_decision():
    cover = "\n\nUR Denial Date: 07/31/2013\n\nPriority: Standard\n\nApplication Received: 08/07/2013\n"
    out = extracted(early_letter().replace(cover, "\n\nPriority: Standard\n").encode())
    assert (out["case"]["ur_denial_date"], out["case"]["application_received"]) == ("2013-07-31", "2013-08-07")
    assert out["ur_decision_date"] == "2013-07-31"
    start, end = out["spans"]["case.ur_denial_date"]
    assert out["text"][start - 60 : end] .endswith("disputing the Utilization Review Denial dated 7/31/2013")


@pytest.mark.parametrize("layout", ["blank-line paragraphs", "hard-wrapped lines"])
def test_without_the_cover_data_the_ur_date_comes_from_the_sentence_that_opens_the_decision(layout):
    plain = early_letter()
    plain = plain[: plain.index("IMR Case Number")] + plain[plain.index("Dear Mr. Doe") :]
    summary_ur = "The utilization review dated 07/31/2013 non-certified both requests."
    plain = plain.replace(summary_ur, "Both requests were discussed at the visit of 7/1/2013.")
    out = extracted(*LAYOUTS[layout](plain))
    assert out["case"] is None
    assert out["ur_decision_date"] == "2013-07-31"
    start, end = out["spans"]["ur_decision_date"]
    assert " ".join(out["text"][start - 60 : end].split()).endswith("disputing the Utilization Review Denial dated 7/31/2013")
    assert [w for w in out["warnings"] if w["field"] == "ur_decision_date"] == []


def test_a_heading_a_text_tool_ran_into_the_line_before_and_a_summary_after_its_disclaimer():
    plain = early_letter().replace(
        "medically necessary and appropriate.\n\nINDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE\n\n",
        "medically necessary and appropriate. INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE ",
    ).replace(
        "The expert reviewer based his/her decision on a review of the case file, including all medical records:\n\n",
        "Disclaimer: The following case summary was taken directly from the utilization review dated July 31, 2013. ",
    )
    assert "RATIONALE An application" in plain and "2013. The patient is" in plain
    out = extracted(*LAYOUTS["hard-wrapped lines"](plain))
    assert [(i["request"], i["decision"]) for i in out["items"]] == [
        ("Physical therapy 2x4 for the right shoulder", "upheld"),
        ("Tramadol 50mg #60", "overturned"),
    ]
    assert out["clinical_case_summary"].startswith("The patient is a 45 year old male")
    assert out["patient"] == {"age": 45, "sex": "male"}
