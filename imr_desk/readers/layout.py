"""Turn the lines of any source into the letter's paragraphs.

Sources differ: the public text export doubles every line break and marks page breaks
with empty lines, PDFs give hard-wrapped lines with no blank lines at all, DOCX gives
real paragraphs. Each reader hands over ``SourceLine``s; ``build_text`` joins wrapped
lines into paragraphs (one blank line between paragraphs), drops page-footer remnants
and records where each source page starts in the result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum


class UnreadableSource(ValueError):
    """A format reader's refusal; the message says why in the user's words."""


class Gap(Enum):
    """What separates a line from the line before it in the source."""

    NONE = "none"  # an ordinary line break
    PARAGRAPH = "paragraph"  # a blank line
    PAGE = "page"  # a page break or page-break padding


@dataclass(frozen=True)
class SourceLine:
    text: str
    page: int = 1
    gap: Gap = Gap.NONE


_DECISION_WORD = r"(?:upheld|overturned)"
# A line that ends an item heading: "...#120:  Upheld", "... is: Overturned", "Upheld" alone.
DECISION_END = re.compile(rf"(?:^|:|\s-|\s\s)\s*{_DECISION_WORD}\s*\.?\s*$", re.IGNORECASE)

_LABEL_START = re.compile(
    r"""^\s*(?:
        State\(s\)\s+of\s+Licensure | Certification\(s\)\s*/\s*Specialt
      | Claims\s+Administrator\s+guideline | MAXIMUS\s+guideline | Decision\s+rationale
      | (?:The\s+)?(?:Expert|Physician|Professional)\s+Reviewer(?:'s)?\s+decision\s+rationale
      | Case\s+Number\s*: | Date\s+Assigned\s*: | Decision\s+Date\s*: | Priority\s*:
      | Date\s+of\s+Injury\s*: | UR\s+Denial\s+Date\s*: | Application\s+Received\s*:
      | IMR\s+Case\s+(?:Number|No\.?)\s*: | Claim\s+(?:Number|No\.?)\s*: | Employee\s*:
      | The\s+Expert\s+Reviewer\s+has\s+the\s+following\s+credentials
      | The\s+Final\s+Determination\s+was\s+based
      | The\s+expert\s+reviewer\s+developed\s+the\s+following
      | Medical\s+Qualifications\s+of\s+the\s+Expert\s+Reviewer | Case\s+Summary\s*:
      | Disclaimer\s*:
    )""",
    re.IGNORECASE | re.VERBOSE,
)

# Sentences that introduce what follows on its own line.
_INTRO_END = re.compile(
    r"(?:set\s+forth\s+below|medical\s+records|following\s+credentials|in\s+dispute)\s*:\s*$",
    re.IGNORECASE,
)

# Section headings of the letter (item headings in capitals are not among them).
SECTION_HEADING = re.compile(
    r"^\s*(?:HOW\s+THE\s+IMR\s+FINAL\s+DETERMINATION\s+WAS\s+MADE|CLINICAL\s+CASE\s+SUMMARY"
    r"|IMR\s+ISSUES,?\s+DECISIONS?,?\s+AND\s+RATIONALES?|IMR\s+DECISIONS?\(?S?\)?\s+AND\s+RATIONALES?\(?S?\)?"
    r"|DOCUMENTS\s+REVIEWED|INDEPENDENT\s+MEDICAL\s+REVIEW\s+DECISION\s+AND\s+RATIONALE)\s*:?\s*$",
    re.IGNORECASE,
)

_TERMINAL = re.compile(r"[.!?][\"')\]]*\s*$")
_HYPHEN_END = re.compile(r"[A-Za-z0-9]-$")

# Whole lines that are page furniture, not letter text.
_FOOTER_LINE = re.compile(
    r"""^\s*(?:
        Page\s+\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})? | \d{1,3}(?:\s+of\s+\d{1,3})?
      | (?:IMR\s+)?Final(?:\s+Determination(?:\s+Letter)?)?
        (?:\s+for\s+IMR\s+Case\s+(?:Number\s+)?[A-Z]{2}\d{2}-\d{5,8})?
        (?:\s+(?:Page\s+)?\d{1,3}\s*(?:of|/)\s*\d{1,3})?
      | IMR\s+Case\s+(?:Number\s+)?[A-Z]{2}\d{2}-\d{5,8}(?:\s+(?:Page\s+)?\d{1,3}\s*(?:of|/)\s*\d{1,3})?
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# A footer word left at the end of a line whose sentence goes on in the next line.
_FOOTER_TAIL = re.compile(
    r"\s+(?:Final(?:\s+Determination)?|Page\s+\d{1,3}(?:\s+of\s+\d{1,3})?)\s*$"
)

PARAGRAPH_BREAK = "\n\n"


def is_heading(text: str) -> bool:
    """An all-capitals heading line such as ``CLINICAL CASE SUMMARY``."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 8 or len(text) > 90 or DECISION_END.search(text):
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper / len(letters) > 0.9 and len(text.split()) >= 2


def build_text(lines: list[SourceLine], *, real_paragraphs: bool = False) -> tuple[str, tuple[int, ...]]:
    """Join source lines into normalized text; returns (text, page start offsets).

    ``real_paragraphs`` says every line already is a whole paragraph (DOCX), unless the
    lines turn out to be hard-wrapped.
    """
    lines = _drop_footers([SourceLine(ln.text.strip(), ln.page, ln.gap) for ln in lines])
    content = [ln for ln in lines if ln.text]
    if not content:
        return "", (0,)
    wrapped = _looks_wrapped(content) if real_paragraphs else True
    widths = sorted(len(ln.text) for ln in content)
    typical = widths[int(len(widths) * 0.9)]
    blank_structured = sum(1 for ln in content if ln.gap is Gap.PARAGRAPH) >= 2
    starts, inner, ends = _heading_runs(content) if wrapped else (set(), set(), set())

    parts: list[str] = []
    length = 0
    page_starts: dict[int, int] = {}
    for i, line in enumerate(content):
        if i == 0:
            sep = ""
        elif not wrapped:
            sep = PARAGRAPH_BREAK
        else:
            sep = _separator(content[i - 1], line, i, (starts, inner, ends), typical, blank_structured)
        parts.append(sep)
        length += len(sep)
        page_starts.setdefault(line.page, length)
        parts.append(line.text)
        length += len(line.text)
    text = "".join(parts)
    pages = _fill_pages(page_starts)
    return text, pages


def _separator(
    prev: SourceLine,
    cur: SourceLine,
    index: int,
    runs: tuple[set[int], set[int], set[int]],
    typical: int,
    blank_structured: bool,
) -> str:
    joiner = "" if _HYPHEN_END.search(prev.text) else " "
    starts, inner, ends = runs
    if index in inner:
        return joiner
    if index in starts or index - 1 in ends:
        return PARAGRAPH_BREAK
    if _breaks_before(cur.text) or _breaks_after(prev.text):
        return PARAGRAPH_BREAK
    if cur.gap is Gap.PARAGRAPH:
        return joiner if _continues(prev.text, cur.text) else PARAGRAPH_BREAK
    if cur.gap is Gap.PAGE:
        return joiner if _continues(prev.text, cur.text) or not _TERMINAL.search(prev.text) else PARAGRAPH_BREAK
    if not blank_structured and _TERMINAL.search(prev.text) and len(prev.text) < 0.8 * typical:
        return PARAGRAPH_BREAK
    return joiner


def _breaks_before(text: str) -> bool:
    return bool(_LABEL_START.match(text)) or is_heading(text)


def _breaks_after(text: str) -> bool:
    return is_heading(text) or bool(_INTRO_END.search(text)) or bool(
        re.fullmatch(rf"\s*{_DECISION_WORD}\s*\.?\s*", text, re.IGNORECASE)
    )


def _continues(prev: str, cur: str) -> bool:
    """Does ``cur`` carry on the sentence ``prev`` broke off (across a blank line)?"""
    if _HYPHEN_END.search(prev):
        return True
    return not re.search(r"[.!?:;][\"')\]]*$", prev) and cur[:1].islower()


def _heading_runs(content: list[SourceLine]) -> tuple[set[int], set[int], set[int]]:
    """Find item headings whose text wraps over several lines and ends with a decision.

    Returns the indexes of lines that start a heading, continue one, and end one.
    """
    starts: set[int] = set()
    inner: set[int] = set()
    ends: set[int] = set()
    for i, line in enumerate(content):
        if not DECISION_END.search(line.text) or _LABEL_START.match(line.text):
            continue
        if line.text.lower().startswith("decision rationale"):
            continue
        start = i
        while start > 0 and i - start < 6:
            before = content[start - 1].text
            if (
                content[start].gap is Gap.PARAGRAPH
                or _TERMINAL.search(before)
                or _LABEL_START.match(before)
                or SECTION_HEADING.match(before)
                or _INTRO_END.search(before)
                or DECISION_END.search(before)
            ):
                break
            start -= 1
        starts.add(start)
        inner.update(range(start + 1, i + 1))
        ends.add(i)
    return starts, inner, ends


def _looks_wrapped(content: list[SourceLine]) -> bool:
    """Are these lines hard-wrapped text rather than one paragraph each?"""
    widths = sorted(len(ln.text) for ln in content)
    if widths[int(len(widths) * 0.9)] > 140:
        return False
    open_ended = sum(1 for ln in content if not _TERMINAL.search(ln.text))
    return open_ended / len(content) > 0.5


def _drop_footers(lines: list[SourceLine]) -> list[SourceLine]:
    """Remove page-footer lines and footer words stranded at the end of a line."""
    kept: list[SourceLine] = []
    for i, line in enumerate(lines):
        if line.text and _FOOTER_LINE.match(line.text) and not _is_header_value(lines, i):
            # Keep the line's gap on the next line so a paragraph break is not lost.
            if i + 1 < len(lines) and line.gap is not Gap.NONE:
                nxt = lines[i + 1]
                lines[i + 1] = SourceLine(nxt.text, nxt.page, _stronger(line.gap, nxt.gap))
            continue
        if line.text:
            nxt = _next_text(lines, i)
            tail = _FOOTER_TAIL.search(line.text)
            if tail and nxt[:1].islower():
                line = SourceLine(line.text[: tail.start()], line.page, line.gap)
        kept.append(line)
    return kept


def _is_header_value(lines: list[SourceLine], i: int) -> bool:
    """A bare number right after a header label ("Received:") is data, not a page number."""
    return i > 0 and lines[i - 1].text.rstrip().endswith(":")


def _next_text(lines: list[SourceLine], i: int) -> str:
    for line in lines[i + 1 :]:
        if line.text:
            return line.text
    return ""


def _stronger(a: Gap, b: Gap) -> Gap:
    order = [Gap.NONE, Gap.PAGE, Gap.PARAGRAPH]
    return max(a, b, key=order.index)


def _fill_pages(page_starts: dict[int, int]) -> tuple[int, ...]:
    """Page start offsets for pages 1..N; a page with no text starts where the next does."""
    if not page_starts:
        return (0,)
    last = max(page_starts)
    out: list[int] = []
    for page in range(last, 0, -1):
        out.append(page_starts.get(page, out[-1] if out else 0))
    out.reverse()
    out[0] = 0
    return tuple(out)
