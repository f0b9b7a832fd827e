import re

import pytest

from imr_desk.extract.scan import cues, cues_in_order, words_at_start

TEXT = "the hero said he/she, and she herself, ashe and his; him.  Hershey's /her _he he_ she"


@pytest.mark.parametrize("words", ["he|she|her|herself|his|him", "she|hers|herself|her|he|him|himself|his"])
def test_words_at_start_finds_what_a_word_boundary_pattern_finds(words: str) -> None:
    literal_first = re.compile(rf"(?:{words})(?![\w/])")
    bounded = re.compile(rf"\b(?:{words})(?![\w/])")
    found = [m.span() for m in words_at_start(literal_first, TEXT, 0, len(TEXT))]
    assert found == [m.span() for m in bounded.finditer(TEXT)]
    assert found  # the text holds several


def test_words_at_start_also_refuses_named_characters_before_a_match() -> None:
    pattern = re.compile(r"(?:she|her|he)(?![\w/])")
    found = [m.group() for m in words_at_start(pattern, "he/she saw /her and her", 0, 23, also_not_after="/")]
    assert found == ["her"]


def test_words_at_start_keeps_to_the_range() -> None:
    pattern = re.compile(r"he\b")
    text = "he said he would"
    assert [m.start() for m in words_at_start(pattern, text, 1, len(text))] == [8]


def test_cues_in_order_finds_what_cues_finds_across_stretches() -> None:
    sentence = "The worker fell at work. A utilization review denied it; the UR was upheld. Date of the industrial injury: 1/2/03. "
    text = "Intro. " + sentence * 40
    low = text[7:].lower()
    patterns = [re.compile(p) for p in (r"fell\b", r"utilization\s+review", r"date\s+of\s+(?:the\s+)?(?:industrial\s+)?injury")]
    exact = re.compile(r"UR\b")
    found = list(cues_in_order(text, low, patterns, exact, 7, len(text), offset=7))
    assert found == cues(text, low, patterns, exact, 7, len(text), offset=7)
    assert len(found) == 4 * 40
    assert all(text[s:e].lower().startswith(("fell", "utilization", "date", "ur")) for s, e in found)
