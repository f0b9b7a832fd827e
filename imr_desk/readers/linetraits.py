"""What the layout asks of a source line: a label, a heading, a sentence's end, an item
heading's decision at its end, … worked out once per line (``LazyTraits``)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from imr_desk.domain.letter import (
    DECISION_ENDINGS, DOCUMENTS_HEADING, HOW_HEADING, ISSUES_HEADING, SECTION_NUMBER, SUMMARY_HEADING, decision_search_start,
)
from imr_desk.readers.labels import LABEL_INITIALS, LABELS
from imr_desk.readers.lines import Gap, SourceLine

_DECISION_WORD = r"(?:upheld|overturned)"
# A line that ends an item heading: "...#120:  Upheld", "... is: Overturned", "Upheld" alone.
DECISION_END = re.compile(rf"(?:^|:|\s-|\s\s)\s*{_DECISION_WORD}\s*\.?\s*$", re.IGNORECASE)

_LABEL_START = re.compile(rf"^\s*{LABELS}", re.IGNORECASE | re.VERBOSE)

# Sentences that introduce what follows on its own line.
_INTRO_END = re.compile(
    r"(?:set\s+forth\s+below|medical\s+records|following\s+credentials|in\s+dispute)\s*:\s*$",
    re.IGNORECASE,
)

_INTRO_WORDS = ("below", "records", "credentials", "dispute")  # the words _INTRO_END ends with

# Section headings of the letter (item headings in capitals are not among them).
SECTION_HEADING = re.compile(
    rf"^\s*{SECTION_NUMBER}(?:{HOW_HEADING}|{SUMMARY_HEADING}|{ISSUES_HEADING}|{DOCUMENTS_HEADING})\s*:?\s*$",
    re.IGNORECASE,
)

_SECTION_INITIALS = frozenset("HCIDVX0123456789")  # what SECTION_HEADING's headings start with (numbered too)

_LOWER = re.compile(r"[a-z]")
_LETTER = re.compile(r"[A-Za-z]")


def is_heading(text: str) -> bool:
    """An all-capitals heading line such as ``CLINICAL CASE SUMMARY``."""
    if not text[:1].isupper() or len(text) > 90 or len(text) < 8 or " " not in text.strip():
        return False
    first = text.split(None, 1)[0]
    if len(first) < 2 or not first.isupper():
        return False
    lower, letters = _letter_counts(text)
    if letters < 8 or lower > 0.1 * letters:
        return False
    return not ends_with_decision(text)


_ASCII_LOWER = bytes(range(ord("a"), ord("z") + 1))
_ASCII_LETTERS = _ASCII_LOWER + bytes(range(ord("A"), ord("Z") + 1))


def _letter_counts(text: str) -> tuple[int, int]:
    """(lower-case letters, letters) in ``text``; ASCII is counted at byte speed."""
    if not text.isascii():
        return len(_LOWER.findall(text)), len(_LETTER.findall(text))
    raw = text.encode("ascii")
    return len(raw) - len(raw.translate(None, _ASCII_LOWER)), len(raw) - len(raw.translate(None, _ASCII_LETTERS))


def ends_with_decision(text: str) -> bool:
    """Does the line end an item heading with its decision: "…#120:  Upheld", "… - Overturned.",
    "Upheld" alone? The cheap test first, then ``DECISION_END`` from where it can start (see
    ``decision_search_start``), as a search over the whole line is slow."""
    if not may_end_with_decision(text):
        return False
    tail = text[-40:]
    at = decision_search_start(tail)
    return at >= 0 and DECISION_END.search(tail, at) is not None


def may_end_with_decision(text: str) -> bool:
    """The cheap test that must hold before ``DECISION_END`` can match (the last letter first)."""
    if text[-1:] not in _DECISION_LAST:
        return False
    tail = text[-40:].rstrip(" .")
    return tail[-1:] in ("d", "D") and tail.lower().endswith(("upheld", "overturned"))


_DECISION_LAST = frozenset("dD. ")  # what a line ending with a decision may end with


class Traits(NamedTuple):
    """What the joining rules ask of a line, worked out once."""

    label: bool
    heading: bool
    breaks_after: bool
    terminal: bool
    decision_end: bool
    section: bool
    intro_end: bool
    enumerated: bool  # starts with an entry's number: "2. ", "3) "


_PLAIN = Traits(False, False, False, False, False, False, False, False)
ENTRY_NUMBER = re.compile(r"\d{1,2}[.)]\s+[A-Z(]")
_new_traits = tuple.__new__  # skips the keyword handling of the named tuple's constructor

#: How the lines start that greet or sign off ("Dear Mr. Smith,", "Sincerely,"): each a paragraph of its own.
SALUTATIONS = ("Dear ", "Sincerely", "Respectfully", "Regards", "Cc:", "cc:")


def _traits(text: str, carried_on: bool = False) -> Traits:
    """Cheap string tests first; a regex runs only where they leave a doubt. A line that the
    next carries on in lower case (``carried_on``) is no heading in capitals: "… use of the
    medication. MTUS ACOEM" / "guidelines were cited."; a section heading still is."""
    last = text[-1:]
    if text[:1].islower() and (last.islower() or last == ",") and not text.endswith(DECISION_ENDINGS):
        return _PLAIN  # an ordinary wrapped line: starts and ends mid-sentence
    tail = text[-60:]
    bare = tail.rstrip()
    heading = is_heading(text) or (  # a section heading in title case: "Clinical Case Summary"
        len(text) < 70 and text[:1] in _SECTION_INITIALS and SECTION_HEADING.match(text) is not None
    )
    section = heading and SECTION_HEADING.match(text) is not None
    heading = heading and (section or not carried_on)
    intro_end = bare.endswith(":") and bare.rstrip(": ").lower().endswith(_INTRO_WORDS) and bool(_INTRO_END.search(tail))
    decision_end = ends_with_decision(text)
    decision_only = decision_end and len(text) < 14
    return _new_traits(  # positional, as the fields are declared: label, heading, breaks_after, ...
        Traits,
        (
            text[:1] in LABEL_INITIALS and _LABEL_START.match(text) is not None,
            heading,
            heading or intro_end or decision_only or bare.endswith((",", ":")) and text.startswith(SALUTATIONS),
            bare.rstrip("\"')]").endswith((".", "!", "?")),
            decision_end,
            section,
            intro_end,
            text[:1].isdigit() and ENTRY_NUMBER.match(text) is not None,
        ),
    )


#: Short lines (headings, labels, boilerplate sentences) recur from letter to letter.
_SHORT_LINE = 100
_short_line_traits = lru_cache(maxsize=4096)(_traits)


class LazyTraits:
    """Each line's traits, worked out the first time a rule asks."""

    def __init__(self, content: list[SourceLine]) -> None:
        self._content = content
        self._cache: list[Traits | None] = [None] * len(content)

    def __getitem__(self, index: int) -> Traits:
        found = self._cache[index]
        if found is None:
            text = self._content[index].text
            following = self._content[index + 1] if index + 1 < len(self._content) else None
            carried_on = following is not None and following.gap is not Gap.PARAGRAPH and following.text[:1].islower()
            found = self._cache[index] = (
                _short_line_traits(text, carried_on) if len(text) <= _SHORT_LINE else _traits(text, carried_on)
            )
        return found
