"""Page furniture: footer lines ("Page 2 of 5", "Final Determination Letter for IMR Case
Number ..."), footer words stranded at the end of a line whose sentence goes on, and what a
footer left beside a text letter's page break (``drop_footer_tail``, ``without_footer_head``)."""

from __future__ import annotations

import re

from imr_desk.domain.letter import CASE_NUMBER
from imr_desk.readers.lines import Gap, SourceLine

# Whole lines that are page furniture, not letter text.
_FOOTER_LINE = re.compile(
    rf"""^\s*(?:
        Page\s+\d{{1,3}}(?:\s*(?:of|/)\s*\d{{1,3}})? | \d{{1,3}}(?:\s+of\s+\d{{1,3}})?
      | (?:IMR\s+)?Final(?:\s+Determination(?:\s+Letter)?)?
        (?:\s+for\s+IMR\s+Case\s+(?:Number\s+)?{CASE_NUMBER})?
        (?:\s+(?:Page\s+)?\d{{1,3}}(?:\s*(?:of|/)\s*\d{{1,3}})?)?
      | IMR\s+Case\s+(?:Number\s+)?{CASE_NUMBER}(?:\s+(?:Page\s+)?\d{{1,3}}(?:\s*(?:of|/)\s*\d{{1,3}})?)?
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# A footer word left at the end of a line whose sentence goes on in the next line.
_FOOTER_TAIL = re.compile(
    r"\s+(?:Final(?:\s+Determination)?|Page\s+\d{1,3}(?:\s+of\s+\d{1,3})?)\s*$"
)


# The case number on a line of its own, as a running page header repeats it ("CM16-0237844",
# "Case Number: CM16-0237844"): the letter's own stands among its first lines, once.
_CASE_LINE = re.compile(rf"(?:(?:IMR\s+)?Case\s+(?:Number|No\.?)\s*:?\s*)?{CASE_NUMBER}", re.IGNORECASE)


def drop_footers(lines: list[SourceLine]) -> list[SourceLine]:
    """Strip lines; remove page-footer lines, repeated page headers and footer words stranded
    at a line's end."""
    kept: list[SourceLine] = []
    carry: Gap | None = None  # the gap of a dropped footer line, passed on to the next line
    case_lines: set[str] = set()
    cover = True  # until the letter's body starts: a case number on a line of its own is the cover's
    for i, line in enumerate(lines):
        text = line.text.strip()
        if not text:
            continue
        if cover and (i >= _COVER_LINES or text.startswith(_BODY_STARTS)):
            cover = False
        if carry is not None:
            line = line._replace(gap=_stronger(carry, line.gap))
            carry = None
        if len(text) < 90 and (  # a footer is short and starts with a digit, "Page", "Final" or "IMR"
            text[0] in _FOOTER_INITIALS and _FOOTER_LINE.match(text)
            and not (text[0].isdigit() and kept and kept[-1].text.endswith(":"))  # "Quantity requested:" / "12"
            or "-" in text and text[0] in "CIci" and _running_case_line(text, case_lines, cover)
        ):
            if line.gap is not Gap.NONE:
                carry = line.gap
            continue
        if text.endswith(("Final", "Determination")) or text[-1].isdigit():
            tail = _FOOTER_TAIL.search(text, max(len(text) - 30, 0))
            if tail and _next_text(lines, i)[:1].islower():
                text = text[: tail.start()]
        kept.append(line if text is line.text else line._replace(text=text))
    return kept


_FOOTER_INITIALS = frozenset("PFI0123456789")


_COVER_LINES = 20  # the lines a cover header may take
_BODY_STARTS = ("Dear ", "HOW THE IMR", "CLINICAL CASE", "IMR ISSUES", "IMR DECISION")  # what ends it sooner


def _running_case_line(text: str, seen: set[str], on_cover: bool) -> bool:
    """Is ``text`` a case-number line that a page header repeats (seen before, or past the cover)?"""
    if not _CASE_LINE.fullmatch(text):
        return False
    key = " ".join(text.upper().split())
    if key in seen or not on_cover:
        return True
    seen.add(key)
    return False


def _next_text(lines: list[SourceLine], i: int) -> str:
    for line in lines[i + 1 :]:
        if line.text.strip():
            return line.text.strip()
    return ""


def _stronger(a: Gap, b: Gap) -> Gap:
    order = [Gap.NONE, Gap.PAGE, Gap.PARAGRAPH]
    return max(a, b, key=order.index)


_FINAL_DETERMINATION = re.compile(r"Final\s+Determination")  # the letter's own words (capitals), not a footer's


def drop_footer_tail(lines: list[SourceLine]) -> bool:
    """At a page break (a text letter's padding), drop what the footer left on the page's
    last line, ``lines[-1]``: a footer line ("2", "Final Determination Letter for IMR Case
    Number CM17-0123456 2"), or "Final" (the footer's first word) at the line's end. True
    when a dropped footer line started a paragraph (the next line then does)."""
    last = lines[-1].text.strip()
    if last.endswith(" Final"):
        lines[-1] = lines[-1]._replace(text=last[:-6].rstrip())
    elif len(last) < 90 and last[:1] in _FOOTER_INITIALS and _FOOTER_LINE.match(last):
        return lines.pop().gap is Gap.PARAGRAPH
    return False


def without_footer_head(line: str) -> str:
    """A page's first line less "Final" (the footer's first word) ahead of it; the letter's
    own "Final Determination" stays."""
    return line[6:] if line.startswith("Final ") and not _FINAL_DETERMINATION.match(line) else line
