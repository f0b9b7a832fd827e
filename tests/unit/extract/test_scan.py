import re

import pytest

from imr_desk.extract.scan import cues, cues_in_order, keyword_hits, literal_prefix, words_at_start

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


@pytest.mark.parametrize(
    ("source", "flags", "prefix"),
    [
        (r"utilization\s+review", 0, "utilization"),
        (r"non-?certifi", 0, "non"),
        (r"deni(?:ed|al)\b", 0, "deni"),
        (r"ab?c", 0, "a"),  # an optional last character is no part of it
        (r"abc*", 0, "ab"),
        (r"ab{0,2}", 0, "a"),
        (r"denied|modified", 0, ""),  # alternatives at the top level start differently
        (r"ab[(]c|d", 0, ""),
        (r"(?:a|b)c", 0, ""),
        (r"x\|y", 0, "x"),  # an escaped bar is a character
        (r"d\.o\.i\.?", 0, "d.o.i"),  # so is escaped punctuation, unless optional
        (r"a\-b\/c\(", 0, "a-b/c("),
        (r"a\s", 0, "a"),
        (r"denied", re.IGNORECASE, ""),  # find() cannot ignore case
        (r"\bdenied", 0, ""),
    ],
)
def test_literal_prefix_is_what_every_match_starts_with(source: str, flags: int, prefix: str) -> None:
    assert literal_prefix(re.compile(source, flags)) == prefix


def test_keyword_hits_finds_what_finditer_finds() -> None:
    low = "the utilization review non-certified; prior review, prior  decision. a nonce; previous determination deni deniedx denial"
    text = "Intro. " + low
    patterns = [
        re.compile(p)
        for p in (r"utilization\s+review", r"prior\s+(?:review|decision)", r"non-?certifi", r"deni(?:ed|al)\b", r"aa|prior", r"(?:pre|pri)\w+")
    ]
    expected = sorted({(m.start() + 7, m.end() + 7) for p in patterns for m in p.finditer(low, 3, len(low) - 2)})
    assert keyword_hits(low, patterns, 10, len(text) - 2, offset=7) == expected
    assert len(expected) == 7
