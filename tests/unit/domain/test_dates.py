"""Dates in the forms letters use; two-digit years read against the letter's own dates."""

from __future__ import annotations

from datetime import date

import pytest

from imr_desk.domain.dates import DatesIn, find_dates, latest_plausible, parse_date

REF = date(2014, 5, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10/13/2016", date(2016, 10, 13)),
        ("10-13-16", date(1916, 10, 13)),  # not later than the 2014 reference
        ("8/6/79", date(1979, 8, 6)),
        ("2/27/08", date(2008, 2, 27)),
        ("12/31/14", date(1914, 12, 31)),  # after the reference date in 2014, so a century back
        ("4/30/14", date(2014, 4, 30)),
        ("October 20, 2016", date(2016, 10, 20)),
        ("Oct. 20, 2016", date(2016, 10, 20)),
        ("Sept 3, 2015", date(2015, 9, 3)),
        ("20 October 2016", date(2016, 10, 20)),
        ("15 October, 2016", date(2016, 10, 15)),
        ("2016-10-20", date(2016, 10, 20)),
        ("10.13.2016", date(2016, 10, 13)),
        ("11/18/ 2016", date(2016, 11, 18)),
        ("2/30/2016", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text, REF) == expected


def test_find_dates_skips_scores_levels_and_strengths():
    text = "pain 7/10 to 8/10 at L4-5, Norco 10/325, from 8/6/79- 2/27/08 and 4-17-2009."
    found = [text[d.start : d.end] for d in find_dates(text, reference=REF)]
    assert found == ["8/6/79", "2/27/08", "4-17-2009"]


def test_find_dates_finds_every_written_form_in_running_text():
    text = (
        "seen 10 /14/2013, on 5 Oct. 2016 and 20 October 2016 (Norco 10 mg), 2016-10-20 and 4.5.2012; "
        "on 15 October, 2016, OCTOBER 21, 2016 and Nov 3rd, 2016; "
        "codes 123/45/67, step 4.5.12 and 1.2.3.2014."
    )
    found = [text[d.start : d.end] for d in find_dates(text, reference=REF)]
    assert found == [
        "10 /14/2013", "5 Oct. 2016", "20 October 2016", "2016-10-20", "4.5.2012",
        "15 October, 2016", "OCTOBER 21, 2016", "Nov 3rd, 2016",
    ]


def test_a_range_written_without_spaces_gives_both_dates_and_longer_runs_none():
    text = "CT 1/1/2005-1/1/2012 and 8/6/79-2/27/08; claim 10-13-2016-5, 1-2-2013-3-4-2014, phone 555-12-1234-5."
    found = [text[d.start : d.end] for d in find_dates(text, reference=REF)]
    assert found == ["1/1/2005", "1/1/2012", "8/6/79", "2/27/08"]


def test_reference_date_is_the_latest_full_date():
    written = DatesIn("seen 1/2/2013, UR on 3/4/2014, DOI 5/6/07").four_digit()
    assert latest_plausible([], written) == date(2014, 3, 4)
    assert latest_plausible([date(2017, 2, 1)], DatesIn("anything").four_digit()) == date(2017, 2, 1)


def test_reference_date_is_never_before_review_began():
    written = DatesIn("injured 3/4/2009, UR on 2/3/15").four_digit()
    assert latest_plausible([], written) == date(2013, 1, 1)


def test_dates_in_windows_match_the_whole_scan():
    text = (
        "Seen 1/2/2013 and on October 20, 2016; UR on 3/4/2014 denied it, DOI 5/6/07 (CT 8/6/79- 2/27/08). "
        "Scores 5/10, L4-5, 2016-10-20 and 20 October 2016. "
    ) * 6
    whole = DatesIn(text, reference=REF)
    expected = {(d.start, d.end, d.value) for d in whole.between(0, len(text))}
    windowed = DatesIn(text, reference=REF)
    for start in range(0, len(text), 37):
        end = min(len(text), start + 90)
        got = {(d.start, d.end, d.value) for d in windowed.between(start, end)}
        assert got == {item for item in expected if item[0] >= start and item[1] <= end}
    assert len(expected) >= 6 * 7

