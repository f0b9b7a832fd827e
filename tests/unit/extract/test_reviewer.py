import re

import pytest

from imr_desk.extract.reviewer import _split
from tests.unit.extract.letterparts import ITEM, letter

_OLD_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s*;\s*|\s+and\s+")
_AND_NAMES = re.compile(r"physical medicine\s+(?:and|&)\s+rehabilitation|obstetrics\s+(?:and|&)\s+gynecology", re.IGNORECASE)


def _split_with_one_pattern(text: str) -> list[str]:
    protected = [m.span() for m in _AND_NAMES.finditer(text)]
    pieces, pos = [], 0
    for sep in _OLD_SEPARATOR.finditer(text):
        if any(a < sep.start() < b for a, b in protected):
            continue
        pieces.append(text[pos : sep.start()])
        pos = sep.end()
    pieces.append(text[pos:])
    return [p.strip().rstrip(",;").strip().rstrip(".") for p in pieces if p.strip(" ,;.")]


@pytest.mark.parametrize(
    "names",
    [
        "Preventive Medicine, Occupational Medicine, Public Health & Gen Prev Med",
        "California and Nevada",
        "California, Oregon, and Washington.",
        "Internal Medicine; Cardiovascular Disease ; Nephrology",
        "Physical Medicine and Rehabilitation, Pain Medicine and Orthopaedic Surgery",
        "Obstetrics & Gynecology , Grand Rounds and Band Surgery",
        "Texas  and  Ohio",
        "Family Practice",
    ],
)
def test_split_names_as_one_separator_pattern_would(names: str) -> None:
    text = f"In: {names}"
    found = [text[s:e] for s, e in _split(text, 4, len(text))]
    assert found == _split_with_one_pattern(names)
    assert len(found) >= 1


_SUMMARY = "The patient is a 52 year old female injured on 4/5/2011. UR dated 6/7/2015 denied the request."


@pytest.mark.parametrize(
    ("credentials", "specialties"),
    [
        ("The expert reviewer is a Physical Therapist and is licensed to practice in California.", ["Physical Therapist"]),
        ("The Expert Reviewer is a Chiropractor and is licensed to practice in California.", ["Chiropractor"]),
        ("The expert reviewer is an Acupuncturist and is licensed to practice in California.", ["Acupuncturist"]),
        ("The expert reviewer is a Physician Assistant, licensed in California.", ["Physician Assistant"]),
        ("The expert reviewer is a practicing Neurologist licensed in California.", ["Neurologist"]),
        ("The expert reviewer is a Doctor of Chiropractic and is licensed to practice in California.", ["Doctor of Chiropractic"]),
        ("The expert reviewer is a Physician and is licensed to practice in California.", []),
        ("The expert reviewer is Board Certified in Neurology and is a Pain Specialist licensed in California.", ["Neurology"]),
    ],
)
def test_a_profession_named_without_a_cue_word(credentials, specialties):
    out = letter(credentials, _SUMMARY, ITEM.format(heading="Lumbar MRI: Upheld", why="Not indicated."))
    assert out["reviewer"] == {"licensure_states": ["California"], "specialties": specialties}
    missing = {"field": "reviewer.specialties", "message": "no specialty or certification found"}
    assert (missing in out["warnings"]) == (not specialties)


def test_a_degree_before_a_board_certification_is_no_second_specialty():
    out = letter(
        "The expert reviewer is a Doctor of Osteopathy, Board Certified in Family Practice and is licensed to practice "
        "in California.",
        _SUMMARY,
        ITEM.format(heading="Lumbar MRI: Upheld", why="Not indicated."),
    )
    assert out["reviewer"] == {"licensure_states": ["California"], "specialties": ["Family Practice"]}


@pytest.mark.parametrize(
    "credentials",
    [
        "The expert reviewer is Board Certified in Orthopaedic Surgery and is licensed to practice in Washington, D.C. and Virginia.",
        "The expert reviewer has the following credentials:\n\nState(s) of Licensure: Washington, D.C., Virginia\n\n"
        "Certification(s)/Specialty: Orthopaedic Surgery",
    ],
    ids=["prose", "list"],
)
def test_washington_dc_is_one_place_not_the_state(credentials):
    out = letter(credentials, "The patient is a 52 year old female injured on 4/5/2011.", ITEM.format(heading="Norco #90: Upheld", why="No."))
    assert out["reviewer"] == {"licensure_states": ["District of Columbia", "Virginia"], "specialties": ["Orthopaedic Surgery"]}
