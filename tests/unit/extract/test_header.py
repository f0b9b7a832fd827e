"""The cover header of complete public letters, in the forms text tools write it."""

from __future__ import annotations

import pytest

from imr_desk.extract import extract_text
from imr_desk.readers import read_bytes
from tests.unit.extract.spancheck import span_problems

_BODY = (
    "HOW THE IMR FINAL DETERMINATION WAS MADE\n\nThe expert reviewer is Board Certified in Neurology and is "
    "licensed to practice in Utah.\n\nCLINICAL CASE SUMMARY\n\nThe patient is a 45 year old male {injury}\n\n"
    "IMR ISSUES, DECISIONS AND RATIONALES\n\nNorco #90: Upheld\n\nDecision rationale: No.\n"
)


def _extract(header: str, injury: str = "with a cumulative trauma injury.") -> dict:
    out = extract_text(read_bytes((header + _BODY.format(injury=injury)).encode(), "txt").text).as_dict()
    assert span_problems(out) == []
    return out


def _labelled(injury_date: str) -> str:
    return (
        f"Case Number: CM16-0237844\nDate Assigned: 12/14/2016\nDate of Injury: {injury_date}\n"
        "Decision Date: 01/12/2017\nUR Denial Date: 12/05/2016\nPriority: Standard\nApplication Received: 12/12/2016\n\n"
    )


@pytest.mark.parametrize(
    "header",
    [
        _labelled("08/06/1979 - 02/27/2008"),
        _labelled("08/06/1979-02/27/2008"),
        _labelled("CT: 08/06/1979 - 02/27/2008"),
        _labelled("CT 8/6/1979 to 2/27/2008"),
        _labelled("Cumulative Trauma 08/06/1979 through 02/27/2008"),
        # the cover table read column by column
        "Case Number:\nDate Assigned:\nDecision Date:\nPriority:\n\nCM16-0237844\n12/14/2016\n01/12/2017\nStandard\n\n"
        "Date of Injury:\nUR Denial Date:\nApplication Received:\n\nCT 08/06/1979 - 02/27/2008\n12/05/2016\n12/12/2016\n\n",
    ],
)
def test_a_cumulative_injury_range_in_the_header_gives_both_dates(header):
    out = _extract(header)
    assert out["case"]["date_of_injury"] == "1979-08-06"
    assert (out["case"]["ur_denial_date"], out["case"]["application_received"]) == ("2016-12-05", "2016-12-12")
    assert out["injury"] == {"date": "1979-08-06", "end_date": "2008-02-27"}
    assert not [w for w in out["warnings"] if (w["field"] or "").startswith(("case.", "injury."))]
    end = out["spans"]["injury.end_date"]
    assert out["text"][end[0] : end[1]] == ("02/27/2008" if "02/27" in header else "2/27/2008")


def test_the_header_range_ends_a_summary_that_gives_only_its_start():
    out = _extract(_labelled("08/06/1979 - 02/27/2008"), injury="injured on 8/6/1979.")
    assert out["injury"] == {"date": "1979-08-06", "end_date": "2008-02-27"}


def test_a_summary_that_disagrees_yields_to_the_header_range():
    out = _extract(_labelled("08/06/1979 - 02/27/2008"), injury="injured on 3/3/2003.")
    assert out["injury"] == {"date": "1979-08-06", "end_date": "2008-02-27"}
    assert any("the header is used" in w["message"] for w in out["warnings"])


def test_a_single_header_date_gives_no_range_end():
    out = _extract(_labelled("08/06/1979") + "Reference 12/12/2017 - 01/01/2018\n\n")
    assert out["injury"] == {"date": "1979-08-06", "end_date": None}


def test_a_case_number_alone_above_the_letter_is_kept_without_warnings_of_a_cover():
    out = _extract("IMR Case Number: CM15-0456789\n\n", injury="injured on 3/4/2012.")
    assert out["case"]["case_number"] == "CM15-0456789"
    assert [w for w in out["warnings"] if (w["field"] or "").startswith("case.")] == []


def test_a_cover_with_dates_is_warned_of_the_fields_it_lacks():
    out = _extract("Case Number: CM16-0237844\nDate Assigned: 12/14/2016\nDecision Date: 01/12/2017\n\n", injury="injured on 3/4/2012.")
    assert {w["field"] for w in out["warnings"] if (w["field"] or "").startswith("case.")} == {
        "case.date_of_injury", "case.ur_denial_date", "case.application_received",
    }
