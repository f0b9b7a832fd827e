"""Find the letter's sections: cover header, credentials, case summary, disputed items."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from imr_desk.domain.letter import (
    CA_GUIDELINE_LABEL, DOCUMENTS_HEADING, HOW_HEADING, ISSUES_HEADING, MAXIMUS_GUIDELINE_LABEL, RATIONALE_LABEL, SECTION_NUMBER,
    SUMMARY_HEADING,
)

_HOW = re.compile(rf"{HOW_HEADING}|Medical\s+Qualifications\s+of\s+the\s+Expert\s+Reviewer\s*:?", re.IGNORECASE)
_SUMMARY = re.compile(
    rf"^\s*{SECTION_NUMBER}(?:{SUMMARY_HEADING}|(?:Expert\s+Reviewer\s+)?Case\s+Summary\s*:"
    r"|(?:(?:Clinical|Case)\s+Summary|Summary\s+of\s+(?:the\s+)?Case)\s*:?[ \t]*$)",  # a heading alone: "CASE SUMMARY"
    re.IGNORECASE | re.MULTILINE,
)
_DOCUMENTS = re.compile(
    rf"^\s*(?:{DOCUMENTS_HEADING}\b|Documents\s+Reviewed(?:\s+for\s+(?:this\s+)?Determination)?\s*:)", re.MULTILINE
)
# The earliest letters list the decisions first and give each item's reasons after the documents:
# "1) Regarding the request for X:".
REGARDING = re.compile(r"^[ \t]*(?:\d{1,2}\s*[.)]\s*)?Regarding\s+the\s+requests?\s+for\s+", re.IGNORECASE | re.MULTILINE)
_TRANSCRIBER = re.compile(r"(?:\n|(?<=[.!?])[ \t])\s*/[a-z]{2,4}\s*$")  # "/sr" closing the letter, on its line or after the last sentence
_ISSUES = re.compile(
    rf"^\s*{SECTION_NUMBER}(?:{ISSUES_HEADING})(?!\w)(?:\s*:)?",  # "(S)" and a colon included
    re.IGNORECASE | re.MULTILINE,
)


class _Fallbacks(NamedTuple):
    """Patterns for letters that lack the usual headings, compiled on first need."""

    glued_summary: re.Pattern[str]  # a heading in capitals a text tool ran into the sentence before it
    glued_issues: re.Pattern[str]
    item_label: re.Pattern[str]  # where no heading names the items: the labels that open an item's paragraphs
    story: re.Pattern[str]  # where no heading marks the case summary: what tells of the patient


@cache
def _fallbacks() -> _Fallbacks:
    glued = r"(?<=[.!?:;\"]\s)"
    return _Fallbacks(
        re.compile(rf"{glued}{SUMMARY_HEADING}(?![a-z])"),
        re.compile(rf"{glued}(?:{ISSUES_HEADING})(?![a-z])"),
        re.compile(rf"^(?:{CA_GUIDELINE_LABEL}|{MAXIMUS_GUIDELINE_LABEL}|{RATIONALE_LABEL})", re.I | re.M),
        re.compile(
            r"\b(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)[- ]years?[- ]old\b|\binjured\s+worker\b"
            r"|\b(?:the|this)\s+(?:patient|claimant|applicant)\b",
            re.IGNORECASE,
        ),
    )


_SUMMARY_INTRO = re.compile(
    r"(?:The\s+expert\s+reviewer\s+(?:developed\s+the\s+following\s+clinical\s+case\s+summary|based\s+his/her\s+"
    r"decision\s+on\s+a\s+review\s+of\s+the\s+case\s+file)[^:]*:"
    r"|Disclaimer\s*:(?:[^\n]*?\.(?=\s)|[^\n]*))\s*",  # its one sentence, where the summary runs on after it
    re.IGNORECASE,
)


_BLANK_LINE = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Sections:
    """Offsets (start, end) of each section's body in the normalized text."""

    header: tuple[int, int]
    credentials: tuple[int, int]
    summary: tuple[int, int]
    issues: tuple[int, int]
    found: frozenset[str]
    decisions: tuple[int, int] | None = None  # the list of decisions ahead of the credentials, where a letter has one


class _Found:
    """A heading located by plain string search (same interface as a regex match)."""

    def __init__(self, start: int, length: int) -> None:
        self._start, self._end = start, start + length

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


def _locate(text: str, usual: str, pattern: re.Pattern[str], start: int) -> _Found | re.Match[str] | None:
    """The heading as letters usually spell it (fast), else by the tolerant pattern."""
    at = text.find(usual, start)
    if at >= 0:
        return _Found(at, len(usual))
    return pattern.search(text, start)


def find_sections(text: str) -> Sections:
    n = len(text)
    how = _locate(text, "HOW THE IMR FINAL DETERMINATION WAS MADE", _HOW, 0)
    after_how = how.end() if how else 0
    summary = _locate(text, "\nCLINICAL CASE SUMMARY", _SUMMARY, after_how) or _fallbacks().glued_summary.search(text, after_how)
    after_summary = summary.end() if summary else 0
    issues = (
        _locate(text, "\nIMR ISSUES, DECISIONS AND RATIONALES", _ISSUES, after_summary)
        or _fallbacks().glued_issues.search(text, after_summary)
    )
    decisions = (
        (_ISSUES.search(text, 0, how.start()) or _fallbacks().glued_issues.search(text, 0, how.start())) if how and not issues else None
    )
    has_documents = text.find("DOCUMENTS REVIEWED", after_summary) >= 0 or (  # the earliest letters write it in title case
        decisions is not None and text.find("Documents Reviewed", after_summary) >= 0
    )
    documents = _DOCUMENTS.search(text, after_summary) if has_documents else None
    details = REGARDING.search(text, summary.end() if summary else how.end()) if decisions else None
    found = {name for name, m in (("how", how), ("summary", summary), ("issues", issues or decisions)) if m}

    body_end = issues.start() if issues else (details.start() if details else n)  # where the items begin
    if not (issues or decisions):  # no heading names the items: they begin with the first one's labels
        body_end = _first_item(text, after_summary, n)
        intro = text.find(_ITEMS_INTRO, after_summary, body_end)
        if intro >= 0:  # or with the sentence that introduces them, and a heading of any words before it
            body_end = _heading_before(text, after_summary, intro)
    header_end = how.start() if how else (summary.start() if summary else min(n, 600))
    cred_start = _past_colon(text, how.end()) if how else 0
    cred_end = summary.start() if summary else (_first_story(text, cred_start, body_end) or body_end)
    sum_start = _past_colon(text, summary.end()) if summary else cred_end
    sum_end = body_end
    if documents and documents.start() < sum_end:
        sum_end = documents.start()
    intro = _SUMMARY_INTRO.match(text, _skip_space(text, sum_start))
    if intro:
        sum_start = intro.end()
    iss_start = _past_colon(text, issues.end()) if issues else sum_end
    iss_end = n
    listed = None
    if details:
        iss_start = details.start()
        listed = (decisions.end(), how.start())
    elif decisions:  # only the list: its entries are the items
        iss_start, iss_end = decisions.end(), how.start()
    closing = _TRANSCRIBER.search(text, max(iss_start, iss_end - 12), iss_end) if "/" in text[iss_end - 8 : iss_end] else None
    if closing:
        iss_end = closing.start()
    if documents and iss_start < documents.start() < iss_end:  # the documents listed after the items
        iss_end = documents.start()
    iss_end = _before_sign_off(text, iss_start, iss_end)
    return Sections(
        header=(0, header_end),
        credentials=(cred_start, cred_end),
        summary=(_skip_space(text, sum_start), sum_end),
        issues=(iss_start, iss_end),
        found=frozenset(found),
        decisions=listed,
    )


# A paragraph that closes a letter after its last item: the sign-off, or the copies sent.
_SIGN_OFF = re.compile(r"\n\n(?:Sincerely|Respectfully|[Cc][Cc]:)(?![A-Za-z])")


def _before_sign_off(text: str, start: int, end: int) -> int:
    """Where the letter's closing starts between ``start`` and ``end`` (a paragraph that opens
    with "Sincerely," or "cc:"), else ``end``."""
    found = _SIGN_OFF.search(text, start, end)
    return found.start() if found else end


def _first_item(text: str, start: int, end: int) -> int:
    """Where the first item begins: the paragraph before the first item label; ``end`` for none."""
    label = _fallbacks().item_label.search(text, start, end)
    heading_end = text.rfind("\n\n", start, label.start()) if label else -1
    return end if heading_end < 0 else _paragraph_start(text, start, heading_end)


_ITEMS_INTRO = "The Final Determination was based on decisions"


def _heading_before(text: str, floor: int, at: int) -> int:
    """The start of the paragraph before ``at`` where it is a heading (short, in capitals, no
    full stop), else ``at``."""
    start = _paragraph_start(text, floor, max(floor, at - 2))
    before = text[start:at].strip()
    if before and len(before) <= 80 and before.upper() == before and not before.endswith("."):
        return start
    return at


def _first_story(text: str, start: int, end: int) -> int | None:
    """The start of the first paragraph that tells of the patient, where no heading marks the case summary."""
    told = _fallbacks().story.search(text, start, end)
    return None if told is None else _paragraph_start(text, start, told.start())


def _paragraph_start(text: str, floor: int, at: int) -> int:
    """The start of the paragraph holding ``at``: past the last blank line before it, else ``floor``."""
    found = text.rfind("\n\n", floor, at)
    return floor if found < 0 else found + 2


def _past_colon(text: str, i: int) -> int:
    """Past a colon that ends a heading ("CLINICAL CASE SUMMARY:"), if there is one."""
    j = i
    while j < len(text) and text[j] in " \t":
        j += 1
    return j + 1 if text[j : j + 1] == ":" else i


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink (start, end) past surrounding whitespace and trailing punctuation , ;."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return start, end


def squash(text: str) -> str:
    """Collapse runs of whitespace within paragraphs; keep paragraph breaks."""
    text = text.strip()
    if "\n" not in text or (
        text.count("\n") == 2 * text.count("\n\n") and "\n\n\n" not in text and " \n" not in text and "\n " not in text
    ):  # the usual shape: one paragraph, or paragraphs split by one blank line; at most some doubled spaces
        return _single_spaced(text)
    paragraphs = [" ".join(p.split()) for p in _BLANK_LINE.split(text)]
    return "\n\n".join(p for p in paragraphs if p)


def _single_spaced(text: str) -> str:
    """Runs of spaces as one space (``str.replace`` is several times faster than a regex here)."""
    while "  " in text:
        text = text.replace("  ", " ")
    return text
