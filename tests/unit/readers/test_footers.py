"""Page furniture is dropped; letter text is not."""

from __future__ import annotations

from imr_desk.readers.footers import drop_footers
from imr_desk.readers.lines import Gap, SourceLine


def test_footer_lines_go_and_their_gap_passes_on():
    lines = [
        SourceLine("The request was reviewed and"),
        SourceLine("Page 2 of 5", 1, Gap.PAGE),
        SourceLine("Final Determination Letter for IMR Case Number CM16-0123456", 2),
        SourceLine("found reasonable.", 2),
    ]
    assert drop_footers(lines) == [
        SourceLine("The request was reviewed and"),
        SourceLine("found reasonable.", 2, Gap.PAGE),
    ]


def test_footer_word_at_a_line_end_goes_only_where_the_sentence_goes_on():
    kept = drop_footers([SourceLine("pain in the low back, although both Final"), SourceLine("should be used.")])
    assert [line.text for line in kept] == ["pain in the low back, although both", "should be used."]
    kept = drop_footers([SourceLine("The decision is Final"), SourceLine("Claims Administrator guideline: x")])
    assert kept[0].text == "The decision is Final"


def test_a_number_after_a_colon_is_letter_text():
    kept = drop_footers([SourceLine("Quantity requested:"), SourceLine("12")])
    assert [line.text for line in kept] == ["Quantity requested:", "12"]


def test_a_running_case_number_header_goes_but_the_covers_own_stays():
    cover = [SourceLine("Case Number: CM16-0237844"), SourceLine("Date Assigned: 12/14/2016")]
    body = [SourceLine(f"Body line {n} of the letter that carries on", 1) for n in range(25)]
    running = [SourceLine("Case Number: CM16-0237844", 2, Gap.PAGE), SourceLine("and ends here.", 2)]
    kept = drop_footers(cover + body + running)
    assert [line.text for line in kept].count("Case Number: CM16-0237844") == 1
    assert kept[0].text == "Case Number: CM16-0237844"
    assert kept[-1] == SourceLine("and ends here.", 2, Gap.PAGE)


def test_a_bare_case_number_past_the_cover_is_a_page_header():
    lines = [SourceLine(f"Line {n} of the case summary goes on", 1) for n in range(25)]
    lines += [SourceLine("CM16-0237844", 2, Gap.PAGE), SourceLine("with the rest.", 2), SourceLine("IMR Case No.: CM16-0237844", 3)]
    assert [line.text for line in drop_footers(lines)][-1] == "with the rest."


def test_a_footer_word_after_a_line_ending_in_a_colon_goes_but_a_number_stays():
    kept = drop_footers([SourceLine("set forth below:"), SourceLine("Final", 1, Gap.PAGE), SourceLine("Norco #90: Upheld", 2)])
    assert [line.text for line in kept] == ["set forth below:", "Norco #90: Upheld"]
    kept = drop_footers([SourceLine("Quantity requested:"), SourceLine("12")])
    assert [line.text for line in kept] == ["Quantity requested:", "12"]
