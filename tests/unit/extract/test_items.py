import pytest

from imr_desk.extract.items import _strip_trailing
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
    ],
)
def test_strip_trailing_drops_punctuation_and_a_dangling_verb(heading: str, expected: str) -> None:
    text = f"before|{heading}|after"
    start = text.index("|") + 1
    s, e = _strip_trailing(text, start, text.rindex("|"))
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
