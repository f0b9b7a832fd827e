import pytest

from imr_desk.extract.item_values import strip_trailing
from tests.unit.extract.letterparts import ITEM, letter


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Norco 10/325mg #120:", "Norco 10/325mg #120"),
        ("  Physical therapy 2x6 is: ", "Physical therapy 2x6"),
        ("Lumbar MRI ARE ;", "Lumbar MRI"),
        ("Diagnosis", "Diagnosis"),
        ("Home health care -:, ", "Home health care"),
        ("Request is is", "Request"),
        ("is", "is"),
        ("Norco #90: The request is", "Norco #90"),
        ("Norco #90. This request is:", "Norco #90"),
        ("The request is", "The request"),
        ("Denial of the request is", "Denial of the request"),
        ("Norco 10/325mg #90 ........", "Norco 10/325mg #90"),
        ("Prilosec 20 mg q.d.", "Prilosec 20 mg q.d."),
    ],
)
def test_strip_trailing_drops_punctuation_and_a_dangling_verb(heading: str, expected: str) -> None:
    text = f"before|{heading}|after"
    start = text.index("|") + 1
    s, e = strip_trailing(text, start, text.rindex("|"))
    assert text[s:e] == expected


_CREDENTIALS = "State(s) of Licensure: California\n\nCertification(s)/Specialty: Internal Medicine"
_SUMMARY = "The patient is a 52 year old female injured on 4/5/2011. UR dated 6/7/2015 denied the request."


@pytest.mark.parametrize(
    ("first", "second", "wanted"),
    [
        ("Retrospective request for Toradol 60mg IM injection", "(DOS 5/1/2015): Upheld",
         "Retrospective request for Toradol 60mg IM injection (DOS 5/1/2015)"),
        ("Physical therapy for the lumbar spine,", "twelve sessions: Upheld", "Physical therapy for the lumbar spine, twelve sessions"),
        ("Transforaminal epidural steroid injection at", "L4-5 and L5-S1: Upheld",
         "Transforaminal epidural steroid injection at L4-5 and L5-S1"),
        ("Chiropractic treatment 2 x", "6 (12 sessions): Upheld", "Chiropractic treatment 2 x 6 (12 sessions)"),
        ("Home health aide, 4 hours a day -", "8 weeks: Upheld", "Home health aide, 4 hours a day - 8 weeks"),
        ("Retrospective Toradol injection between", "5/1/2015 and 5/2/2015: Upheld",
         "Retrospective Toradol injection between 5/1/2015 and 5/2/2015"),
    ],
)
def test_a_heading_broken_into_two_paragraphs_is_one_request(first, second, wanted):
    broken = ITEM.format(heading=f"{first}\n\n{second}", why="Not indicated.")
    before = ITEM.format(heading="Norco #60: Overturned", why="The request is medically necessary.")
    alone = letter(_CREDENTIALS, _SUMMARY, broken)["items"]
    after = letter(_CREDENTIALS, _SUMMARY, before + broken)["items"]
    assert [(item["request"], item["decision"]) for item in alone] == [(wanted, "upheld")]
    assert [(item["request"], item["decision"]) for item in after] == [("Norco #60", "overturned"), (wanted, "upheld")]
    assert after[0]["rationale"] == "The request is medically necessary."


def test_a_rationales_last_paragraph_stays_out_of_the_next_heading():
    items = (
        ITEM.format(heading="Norco #60: Overturned", why="Indicated.\n\nThe request is medically necessary")
        + ITEM.format(heading="(Retro) Toradol injection: Upheld", why="Not indicated.")
    )
    out = letter(_CREDENTIALS, _SUMMARY, items)
    assert [item["request"] for item in out["items"]] == ["Norco #60", "(Retro) Toradol injection"]
    assert out["items"][0]["rationale"] == "Indicated.\n\nThe request is medically necessary"


@pytest.mark.parametrize(
    ("administrator", "maximus", "rationale"),
    [
        ("Claims Administrator guidelines:", "MAXIMUS guidelines:", "Decision rationale:"),
        ("Claims Administrator Guideline(s):", "MAXIMUS Guideline(s):", "Decision Rationale:"),
        ("Claims Administrator Guideline Used:", "MAXIMUS Guideline Used:", "Rationale:"),
        ("Claims Administrator's guideline:", "Maximus guideline:", "Expert Reviewer's Decision Rationale:"),
        ("CLAIMS ADMINISTRATOR GUIDELINE:", "MAXIMUS GUIDELINE:", "DECISION RATIONALE:"),
        ("Claims Administrator Guideline:", "MAXIMUS' Guideline:", "Rationale:"),
        ("The Claims Administrator based its decision on:", "The Expert Reviewer based his/her decision on:",
         "Expert Reviewer's decision rationale:"),
        ("Guideline Used by the Claims Administrator:", "Guidelines Used by the Expert Reviewer:",
         "Rationale Used by the Expert Reviewer:"),
        ("Guideline(s) Used by the Claims Administrator:", "Guideline(s) Used by the Physician Reviewer:", "Rationale:"),
    ],
)
@pytest.mark.parametrize("form", [{}, {"wrapped": True}, {"footer_after": 20}], ids=["plain", "wrapped", "export"])
def test_item_labels_are_read_in_their_other_spellings(administrator, maximus, rationale, form):
    def item(heading: str) -> str:
        return (
            f"{heading}\n\n{administrator} Decision based on MTUS Chronic Pain.\n\n"
            f"{maximus} Decision based on ODG Pain.\n\n{rationale} The request is not supported.\n\n"
        )

    out = letter(_CREDENTIALS, _SUMMARY, item("Physical therapy x 12 visits: Upheld") + item("Norco #90: Overturned"), **form)
    assert [
        (i["request"], i["decision"], i["claims_administrator_guideline"], i["maximus_guideline"], i["rationale"])
        for i in out["items"]
    ] == [
        (request, decision, "Decision based on MTUS Chronic Pain.", "Decision based on ODG Pain.", "The request is not supported.")
        for request, decision in (("Physical therapy x 12 visits", "upheld"), ("Norco #90", "overturned"))
    ]
    assert not [w for w in out["warnings"] if w["field"] and w["field"].startswith("items")]


@pytest.mark.parametrize("form", [{}, {"wrapped": True}, {"footer_after": 20}], ids=["plain", "wrapped", "export"])
def test_labels_on_a_line_of_their_own_above_the_sentence_they_introduce(form):
    def item(heading: str) -> str:
        return (
            f"{heading}\n\nGuidelines Used in Utilization Review (UR) Decision\n"
            "The Claims Administrator based its decision on the MTUS Chronic Pain Guidelines.\n\n"
            "Medical Treatment Guideline(s) Used by the Expert Reviewer:\n"
            "The Expert Reviewer based his/her decision on the ODG, Low Back chapter.\n\n"
            "Rationale Used by the Expert Reviewer:\nThe request is not supported.\n\n"
        )

    items = (
        item("1. Physical therapy 2 times a week for 6 weeks is not medically necessary and appropriate.")
        + item("2. Norco 10/325mg #90 is medically necessary and appropriate.")
    )
    out = letter(_CREDENTIALS, _SUMMARY, items, **form)
    assert [
        (i["request"], i["decision"], i["quantity"], i["claims_administrator_guideline"], i["maximus_guideline"], i["rationale"])
        for i in out["items"]
    ] == [
        (request, decision, quantity, "MTUS Chronic Pain Guidelines.", "ODG, Low Back chapter.", "The request is not supported.")
        for request, decision, quantity in (
            ("Physical therapy 2 times a week for 6 weeks", "upheld", 12), ("Norco 10/325mg #90", "overturned", 90),
        )
    ]
    assert not [w for w in out["warnings"] if w["field"] and w["field"].startswith("items")]
