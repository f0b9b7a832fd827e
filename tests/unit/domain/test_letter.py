import re

import pytest

from imr_desk.domain.letter import decision_search_start
from imr_desk.extract.items import _DECISION
from imr_desk.readers.linetraits import DECISION_END

HEADINGS = [
    "RETROSPECTIVE REQUEST FOR FEXMID 7.5 MG, #120:  Upheld",
    "Norco 10/325mg #90 is:    Overturned.",
    "Physical therapy x 12 - Upheld",
    "Physical therapy x 12 \u2014 OVERTURNED",
    "Xanax #60 (Upheld)",
    "Xanax #60 ( upheld ) .",
    "Upheld",
    "   Upheld",
    "MRI of the lumbar spine   UPHELD",
    "the request is upheld",
    "Toradol injection:Upheld.",
    "Not a decision at all",
    "upheld the request",
]


@pytest.mark.parametrize("pattern", [DECISION_END, _DECISION], ids=["layout", "items"])
@pytest.mark.parametrize("heading", HEADINGS)
def test_a_search_from_the_decision_start_finds_what_a_whole_search_finds(pattern: re.Pattern[str], heading: str) -> None:
    at = decision_search_start(heading)
    whole = pattern.search(heading)
    if at < 0:
        assert whole is None
    else:
        near = pattern.search(heading, at)
        assert (near and near.span()) == (whole and whole.span())


def test_the_start_is_just_before_the_spaces_ahead_of_the_decision() -> None:
    heading = "Norco #90:    Upheld"
    assert decision_search_start(heading) == heading.index(":") - 1
    assert decision_search_start("Norco #90 is medically necessary") == -1
