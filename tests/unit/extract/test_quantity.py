"""The quantity convention."""

from __future__ import annotations

import pytest

from imr_desk.extract.quantity import find_quantity, number

CASES = {
    "RETROSPECTIVE REQUEST FOR FEXMID 7.5 MG, #120": 120,
    "Cyclobenzaprine 7.5mg QTY: 60.00": 60,
    "Norco 10/325mg No. 120": 120,
    "Norco 10/325mg, number 90": 90,
    "(Retro) Flexeril 7.5mg # 180": 180,
    "Fexmid (Cyclobenzaprine 7.5mg) one PO BID #60": 60,
    "Additional physical therapy two times four visits (8) for the lumbar and bilateral knees": 8,
    "Physical therapy evaluation and treatment 3 times a week for 4 weeks (12 sessions)": 12,
    "Chiropractic spinal manipulation times 6": 6,
    "Physical therapy 6 sessions 2 times a week for 3 weeks to the lumbar and cervical spine": 6,
    "Twelve infrared acupuncture visits, 2 times weekly for 6 weeks": 12,
    "Twelve manual acupuncture visits (15 mins), 2 times weekly for 6 weeks": 12,
    "Physical therapy three times a week for two weeks for the cervical, thoracic, and lumbar": 6,
    "Massage therapy, twice a week for 4 weeks": 8,
    "Acupuncture 2x6 for the lumbar spine": 12,
    "Physical therapy 2 x 4": 8,
    "Physical therapy 3x4 lumbar spine": 12,
    "Chiropractic x 12 sessions": 12,
    "2 sessions of physical therapy": 2,
    "Two physical therapy visits for the left hand/finger": 2,
    "Twenty-four sessions of aquatic therapy": 24,
    "TENS unit rental for 30 days": 30,
    "Norco 10/325 mg #120 with 2 refills": 120,
    "Ondansetron 8mg ODT #30 x 2 refills": 30,
    "Urine drug screen x1": 1,
    "Norco 10/325mg (modified to #30) #60": 60,
    "Physical therapy (certified for 6 visits) 12 visits": 12,
    "One (1) lumbar support brace": 1,
    "Tramadol ER 150mg, thirty count": 30,
    "Functional restoration program x 160 hours": 160,
    "Functional restoration program, 80 hours, lumbar": 80,
    # a rate counts only with its duration; a number restated in digits is no total
    "Physical therapy 2 visits per week for 6 weeks": 12,
    "Psychotherapy 1 session per week for 6 weeks": 6,
    "Post-operative physical therapy 1 time a week for 4 weeks for the right shoulder": 4,
    "Home health care 4 hours a day, 5 days a week for 6 weeks": 30,
    "Physical therapy, two (2) times a week for six (6) weeks": 12,
    "Twelve (12) sessions of physical therapy": 12,
    "Two (3) visits of chiropractic care": 3,
    "Physical therapy 2x6 weeks": 12,
    "PT 3 x 4 wks lumbar": 12,
    # a supply's length is no total beside a dispensed count; a count may open the request
    "Norco 10/325 mg, #120 (1 month supply)": 120,
    "TENS unit rental (30 days)": 30,
    "Physical therapy (12-sessions)": 12,
    "Prospective request for 1 MRI of the lumbar spine": 1,
    "Retrospective request for 1 urine drug screen (DOS 6/12/2013)": 1,
    "Prospective request for 1 prescription of Norco 10/325mg #120 between 7/22/2013 and 9/5/2013": 120,
    "3 trigger point injections": 3,
    "Psychotherapy sessions, 6": 6,
    "Acupuncture visits: eight": 8,
    "Physical therapy sessions 2 times a week for 3 weeks": 6,
    "Chiropractic visits 2x/week": None,
    # never quantities: strengths, percentages, dates, spinal levels, durations
    "Etodolac": None,
    "Flector 1.3% transdermal patch": None,
    "Lidoderm 5% patches, 3 refills": None,
    "Lumbar epidural steroid injection at L4-L5": None,
    "Cervical fusion C5-6 and C6-7": None,
    "Open carpal tunnel release DOS 12/13/2016": None,
    "Home health care 4 hours per day": None,
    "Home health 4 hours/day, 7 days a week": None,
    "PERMANENT IMPLANTATION OF LUMBAR SPINAL CORD STIMULATOR (SCS)": None,
    "Norco 10/325 mg": None,
    "Gym membership for 6 months": None,
    "6 month gym membership": None,
    "2 weeks of home health care": None,
}


@pytest.mark.parametrize(("request_text", "expected"), CASES.items())
def test_quantity(request_text, expected):
    found = find_quantity(request_text)
    assert (found[0] if found else None) == expected


def test_quantity_span_points_at_the_count():
    value, (start, end) = find_quantity("Norco 10/325 mg #180")
    assert "Norco 10/325 mg #180"[start:end] == "180"


@pytest.mark.parametrize(("word", "value"), [("Twelve", 12), ("twenty-four", 24), ("forty", 40), ("7", 7), ("60.00", 60)])
def test_number_words(word, value):
    assert number(word) == value


def test_every_number_word_passes_the_quick_hint():
    from imr_desk.extract.quantity import _NUMBER_WORD_HINT, _TENS, _UNITS_ONES

    words = [w for w in [*_UNITS_ONES, *_TENS] if w not in {"a", "an", "single"}] + ["thrice"]
    assert all(_NUMBER_WORD_HINT.search(word) for word in words)
    assert find_quantity("Lumbar spinal cord stimulator implantation") is None
