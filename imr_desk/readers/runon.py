"""A letter that lost its line breaks (pasted from a form, kept in a database field).

Its paragraphs are put back where the letter's own structure shows them: around the
section headings, before the labels of credentials and items, after the sentences that
introduce what follows, and before an item heading that follows the last rationale. A
footer word stranded inside a sentence goes, as it does from lines.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from imr_desk.domain.letter import (
    CA_GUIDELINE_LABEL, DOCUMENTS_HEADING, GUIDELINES_OF_LABEL, GUIDELINES_USED_BY_LABEL, HOW_HEADING, ISSUES_HEADING,
    ITEMS_INTRO, MAXIMUS_GUIDELINE_LABEL, ORIGINAL_REQUEST_STATED, REVIEWER_RATIONALE_LABEL, SUMMARY_HEADING,
    UR_GUIDELINES_LABEL,
)

#: Without a line break in its first this many characters, a letter is one run-on line.
RUN_ON_PREFIX = 2000

_HEADINGS = rf"\s*({HOW_HEADING}|{SUMMARY_HEADING}|{ISSUES_HEADING}|{DOCUMENTS_HEADING})\s*"  # in capitals, as printed
_LABELS = (
    rf"\s+(?={CA_GUIDELINE_LABEL}|{MAXIMUS_GUIDELINE_LABEL}|States?(?:\(s\))? of Licensure:"
    r"|Certifications?(?:\(s\))?/Specialt(?:y|ies):|The expert reviewer developed the following"
    rf"|The Expert Reviewer has the following credentials|{ITEMS_INTRO}|{GUIDELINES_OF_LABEL}|{GUIDELINES_USED_BY_LABEL}|{UR_GUIDELINES_LABEL})"
    # The rationale's labels, each split off whole, not where a longer one ends
    rf"|(?<!\sthe)(?<!\s)\s+(?={REVIEWER_RATIONALE_LABEL})"
    r"|(?<!reviewer's)(?<!reviewer)(?<!\s)\s+(?=decision\s+rationale\s*:)|(?<!decision)(?<!\s)\s+(?=rationale\s*:)"
)
_INTROS = r"(set forth below:|including all medical records:|following credentials:)\s+"
# A paragraph that ends with an item's decision, and the sentence end before that item's heading.
_ENDS_WITH_DECISION = r"(?:\bis)?:?\s*(?:Upheld|Overturned)\s*\.?$"
_SENTENCE_END = r"[.!?][\"')\]]*\s+(?=[A-Z0-9(])"
# A page footer's word stranded inside a sentence: "a lumbar Final spinal cord stimulator".
_FOOTER_WORD = r"(?<=[a-z,]) Final (?=[a-z])"


class _Patterns(NamedTuple):
    headings: re.Pattern[str]
    labels: re.Pattern[str]
    intros: re.Pattern[str]
    ends_with_decision: re.Pattern[str]
    sentence_end: re.Pattern[str]
    footer_word: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    """Compiled on first need: run-on letters are rare."""
    return _Patterns(
        re.compile(_HEADINGS), re.compile(_LABELS, re.IGNORECASE), re.compile(_INTROS, re.IGNORECASE),
        re.compile(_ENDS_WITH_DECISION, re.IGNORECASE), re.compile(_SENTENCE_END), re.compile(_FOOTER_WORD),
    )


def is_run_on(text: str) -> bool:
    """A long letter with no line break near its start."""
    return len(text) > RUN_ON_PREFIX and text.find("\n", 0, RUN_ON_PREFIX) < 0


def paragraphs_of_run_on(text: str) -> str:
    """``text`` with blank lines where its paragraphs were."""
    patterns = _patterns()
    text = patterns.footer_word.sub(" ", text)
    text = patterns.headings.sub(lambda m: f"\n\n{m.group(1)}\n\n", text)
    text = patterns.intros.sub(lambda m: f"{m.group(1)}\n\n", patterns.labels.sub("\n\n", text))
    return "\n\n".join(_heading_apart(paragraph.strip()) for paragraph in text.split("\n\n") if paragraph.strip())


def _heading_apart(paragraph: str) -> str:
    """An item heading glued to the end of the rationale before it, set apart."""
    patterns = _patterns()
    if not patterns.ends_with_decision.search(paragraph[-40:]):
        return paragraph
    stops = [m.end() for m in patterns.sentence_end.finditer(paragraph)]
    if not stops:
        return paragraph
    cut = stops[-1]
    if _REMAINING.match(paragraph, cut):  # a partly certified request: its heading starts with the original one
        original = [m.start() for m in _ORIGINAL.finditer(paragraph, 0, cut)]
        cut = max((stop for stop in stops if original and stop <= original[-1]), default=0)
    return paragraph if cut == 0 else f"{paragraph[:cut].rstrip()}\n\n{paragraph[cut:]}"


# The last sentence of a partly certified request's heading, and what its first one says:
# "X was the original request. Y was authorized … The remaining IMR eligible portion of the
# original request, Z is: Upheld", or "… authorized Y, leaving the original request IMR eligible.
# The original request, X is: Upheld".
_REMAINING = re.compile(r"The\s+(?:remaining\s+IMR|original\s+request\s*,)", re.IGNORECASE)
_ORIGINAL = re.compile(rf"\s{ORIGINAL_REQUEST_STATED}", re.IGNORECASE)
