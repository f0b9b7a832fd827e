"""Turn the lines of any source into the letter's paragraphs.

Sources differ: the public text export doubles every line break and marks page breaks
with empty lines, PDFs give hard-wrapped lines with no blank lines at all, DOCX gives
real paragraphs. Each reader hands over ``SourceLine``s (``readers.lines``); ``build_text``
drops page-footer remnants (``readers.footers``), joins wrapped lines into paragraphs (one
blank line between paragraphs) and records where each source page starts in the result.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from imr_desk.domain.dates import starts_with_date
from imr_desk.domain.letter import DECISION_ENDINGS, JOINING_WORDS, ORIGINAL_REQUEST_STATED, ends_mid_phrase, last_word
from imr_desk.domain.lazy import once
from imr_desk.readers.chars import broken_word, hyphen_stays
from imr_desk.readers.footers import drop_footers
from imr_desk.readers.linetraits import ENTRY_NUMBER, SALUTATIONS, LazyTraits, may_end_with_decision
from imr_desk.readers.lines import Gap, SourceLine

_SENTENCE_ENDS = frozenset(".:!?)\"'")  # what most paragraphs end with
_TERMINAL = re.compile(r"[.!?][\"')\]]*\s*$")
_SOFT_STOP = re.compile(r"[.!?:;][\"')\]]*$")

PARAGRAPH_BREAK = "\n\n"
_LINE_END_HYPHEN = re.compile(r"(?<=[A-Za-z])-\n(?=[A-Za-z])")  # "radicul-" / "opathy"


def build_text(lines: list[SourceLine], *, real_paragraphs: bool = False) -> tuple[str, tuple[int, ...]]:
    """Join source lines into normalized text; returns (text, page start offsets).

    ``real_paragraphs`` says every line already is a whole paragraph (DOCX), unless the
    lines turn out to be hard-wrapped.
    """
    content = drop_footers(lines)
    if not content:
        return "", (0,)
    wrapped = _looks_wrapped(content) if real_paragraphs else True
    unmerged = content
    last_widths: dict[int, int] = {}  # of the lines merged: the width of the last line merged in
    if wrapped:
        content = _merge_wrapped(content, last_widths)
    blank_structured = sum(1 for ln in content if ln.gap is Gap.PARAGRAPH) >= 2
    paged = blank_structured and any(ln.gap is Gap.PAGE for ln in content)
    typical = _typical_width(unmerged) if paged or not blank_structured else 0  # only the line-width rule needs it
    traits = LazyTraits(content)
    starts, inner, ends = _heading_runs(content, traits) if wrapped else (set(), set(), set())

    parts: list[str] = []
    page_starts: dict[int, int] = {}
    page = None
    before = ""  # the text of the line before
    paragraph = Gap.PARAGRAPH
    whole: str | None = None  # the letter's lines, once a hyphen asks
    glued: Callable[[], str] | None = None  # them with every hyphen that breaks a word at a line end shut
    for i, line in enumerate(content):
        text = line.text
        if i == 0:
            sep = ""
        elif not wrapped:
            sep = PARAGRAPH_BREAK
        elif (
            line.gap is paragraph and i not in inner and not text[:1].islower()
            and (before[-1:] in _SENTENCE_ENDS or not _continues(before, text))
        ):
            sep = PARAGRAPH_BREAK  # the common case of the rules below: a blank line, and no sentence carries on
        else:
            sep = _separator(content, traits, i, (starts, inner, ends), (typical, last_widths), blank_structured)
            left, right = ("", "") if sep else broken_word(before, text)
            if left:  # a word broken at a hyphen: whole unless the hyphen stays (see chars.hyphen_stays)
                if whole is None or glued is None:
                    whole = "\n".join(ln.text for ln in content)
                    glued = once(partial(_LINE_END_HYPHEN.sub, "x", whole))
                if not hyphen_stays(left, right, whole, glued):
                    parts[-1] = before[:-1]
        if line.page != page:  # a page starts at its first line
            page = line.page
            page_starts.setdefault(page, sum(map(len, parts)) + len(sep))
        parts += (sep, text)
        before = text
    text = "".join(parts)
    pages = _fill_pages(page_starts)
    return text, pages


def _separator(
    content: list[SourceLine],
    traits: LazyTraits,
    index: int,
    runs: tuple[set[int], set[int], set[int]],
    widths: tuple[int, dict[int, int]],
    blank_structured: bool,
) -> str:
    """What goes between the line at ``index`` and the one before; ``widths`` is the typical
    line width and, for merged lines, the width of the last line merged in."""
    prev, cur = content[index - 1], content[index]
    typical, last_widths = widths
    joiner = "" if _hyphen_end(prev.text) else " "
    starts, inner, ends = runs
    if index in inner:
        return joiner
    if index in starts or index - 1 in ends:
        return PARAGRAPH_BREAK
    if cur.gap is Gap.PARAGRAPH:
        # Only a line that carries on a sentence goes on across a blank line; a label or heading does not.
        if not _continues(prev.text, cur.text) or traits[index - 1].breaks_after:
            return PARAGRAPH_BREAK
        if not cur.text[:1].islower() and (traits[index].label or traits[index].heading):
            return PARAGRAPH_BREAK
        return joiner
    cur_traits, prev_traits = traits[index], traits[index - 1]
    if cur_traits.label or cur_traits.heading or prev_traits.breaks_after:
        return PARAGRAPH_BREAK
    if cur_traits.enumerated and (prev_traits.terminal or prev.text[-1:] == ":"):  # "…requires:" / "1. Pain relief."
        return PARAGRAPH_BREAK
    if cur.gap is Gap.PAGE:
        if _continues(prev.text, cur.text) or not prev_traits.terminal:
            return joiner
        if typical > _WRAPPED_WIDTH:  # whole paragraphs on their lines: a page breaks between them
            return PARAGRAPH_BREAK
    elif blank_structured:  # blank lines mark paragraphs
        return joiner
    # Hard-wrapped lines, a page's last one too: a sentence ends its paragraph where its line is
    # short, unless the next goes on citing guidelines ("… Page(s): 41-42." / "Decision based on Non-MTUS …").
    width = last_widths.get(index - 1, len(prev.text))
    if prev_traits.terminal and width < 0.8 * typical and not cur.text.startswith(_CITATION_GOES_ON):
        return PARAGRAPH_BREAK
    return joiner


_CITATION_GOES_ON = ("Decision based on ", "Decision Based on ")


def _continues(prev: str, cur: str) -> bool:
    """Does ``cur`` carry on the sentence ``prev`` broke off (across a blank line)? It does
    in lower case or with "#", and with a number or a capital after a comma or a joining
    word ("… injury of October 14," / "2010."; "… licensed in California," / "Florida and
    Ohio."), but not after a salutation ("Dear Mr. Smith,")."""
    if _hyphen_end(prev):
        return True
    first = cur[:1]
    if first.islower() or first == "#":  # no paragraph starts with a count's "#"
        return not _SOFT_STOP.search(prev[-4:])
    if not (first.isdigit() or first.isupper()):
        return False
    last = prev[-1:]
    if last == ",":
        goes_on = not prev.startswith(SALUTATIONS)
    elif last.isalpha():
        word = last_word(prev)
        goes_on = word in JOINING_WORDS or first.isdigit() and word in _MONTH_WORDS  # "dated July" / "22, 2014"
    else:
        goes_on = False
    return goes_on and ENTRY_NUMBER.match(cur) is None


_MONTH_WORDS = frozenset((
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
))


def _merge_wrapped(content: list[SourceLine], last_widths: dict[int, int]) -> list[SourceLine]:
    """Join ordinary wrapped lines (ending in a word or comma, next starting in lower case) at once.

    Every joining rule gives a plain space for such a pair, so only the remaining
    boundaries need the rules; this keeps reading fast. ``last_widths`` gets, for each
    line merged, the width of its last source line (the line-width rule asks for it).
    """
    out: list[SourceLine] = []
    head: SourceLine | None = None
    tail = ""  # the text of the last line joined into head
    joined: list[str] | None = None  # the texts of head and the lines joined to it, once there are any
    paragraph = Gap.PARAGRAPH
    for line in content:
        text = line.text
        if (
            text[:1].islower()  # tested first: it rules out most lines
            and head is not None
            and line.gap is not paragraph
            and line.page == head.page
            and (tail[-1:].islower() or tail[-1:] == ",")
            and not tail.endswith(DECISION_ENDINGS)
        ):
            if joined is None:
                joined = [head.text]
            joined.append(text)
            tail = text
            continue
        if head is not None:
            if joined is not None:
                last_widths[len(out)] = len(tail)
            out.append(head if joined is None else head._replace(text=" ".join(joined)))
        head, tail, joined = line, text, None
    if head is not None:
        if joined is not None:
            last_widths[len(out)] = len(tail)
        out.append(head if joined is None else head._replace(text=" ".join(joined)))
    return out


def _typical_width(content: list[SourceLine]) -> int:
    """The width most lines keep under (the 90th percentile): a shorter line that ends a
    sentence ends its paragraph."""
    widths = sorted(len(ln.text) for ln in content)
    return widths[int(len(widths) * 0.9)]


def _hyphen_end(text: str) -> bool:
    """Ends with a hyphen attached to a word or number ("non-", "L4-"), not a list dash."""
    return text[-1:] == "-" and text[-2:-1].isalnum()


def _heading_runs(content: list[SourceLine], traits: LazyTraits) -> tuple[set[int], set[int], set[int]]:
    """Find item headings whose text wraps over several lines and ends with a decision.

    Returns the indexes of lines that start a heading, continue one, and end one.
    """
    starts: set[int] = set()
    inner: set[int] = set()
    ends: set[int] = set()
    for i, line in enumerate(content):
        if not may_end_with_decision(line.text):
            continue
        trait = traits[i]
        if not trait.decision_end or trait.label:
            continue
        start = i
        longest = 6
        while start > 0 and i - start < longest:
            if content[start].gap is Gap.PARAGRAPH and (  # tested first: it needs no traits
                content[start - 1].text[-1:] in _SENTENCE_ENDS or not _continues(content[start - 1].text, content[start].text)
            ) and not _ends_partly_certified_sentence(content, start - 1):
                break
            before = traits[start - 1]
            if before.terminal and _ends_partly_certified_sentence(content, start - 1):
                longest = 14  # a partly certified request's heading: three sentences
            elif (
                before.terminal
                or before.label
                or before.section
                or before.intro_end
                or before.decision_end
                # the line before carries on a label's text: "Decision rationale: … see ODG," / "Pain chapter"
                or start > 1 and traits[start - 2].label and ends_mid_phrase(content[start - 2].text)
            ):
                break
            start -= 1
        if not _carries_on_broken_line(content, traits, start):
            starts.add(start)  # else the items take the heading out of the line it carries on
        inner.update(range(start + 1, i + 1))
        ends.add(i)
    return starts, inner, ends


# The sentences a partly certified request's heading holds before its last: "X was the original
# request.", "Y was authorized by the Claims Administrator.", "… leaving the original request IMR eligible."
_PARTLY_CERTIFIED_SENTENCE_END = re.compile(
    rf"(?:{ORIGINAL_REQUEST_STATED}(?:\s+IMR[\s-]+eligible)?|authori[sz]ed\s+by\s+the\s+Claims\s+Administrator)\s*\.$",
    re.IGNORECASE,
)


def _ends_partly_certified_sentence(content: list[SourceLine], index: int) -> bool:
    """Does the line at ``index`` end a sentence of a partly certified request's heading
    before its last? The heading goes on after it."""
    text = content[index].text
    if not text.endswith(("request.", "eligible.", "Administrator.")):
        return False
    before = content[index - 1].text[-60:] + " " if index > 0 else ""
    return _PARTLY_CERTIFIED_SENTENCE_END.search(before + text[-80:]) is not None


def _carries_on_broken_line(content: list[SourceLine], traits: LazyTraits, index: int) -> bool:
    """Does the line at ``index`` carry on the line before it, which it cannot start a
    paragraph within: it starts in lower case, or with a date after a line that ends no
    sentence ("… urine drug screen (DOS:" / "06/30/2014): Upheld")?"""
    text = content[index].text
    if text[:1].islower():
        return True
    return index > 0 and starts_with_date(text) and not traits[index - 1].terminal


_WRAPPED_WIDTH = 140  # hard-wrapped lines keep under it; wider ones hold whole paragraphs


def _looks_wrapped(content: list[SourceLine]) -> bool:
    """Are these lines hard-wrapped text rather than one paragraph each?"""
    widths = sorted(len(ln.text) for ln in content)
    if len(content) < 8 or widths[int(len(widths) * 0.9)] > _WRAPPED_WIDTH:
        return False
    open_ended = sum(1 for ln in content if not _TERMINAL.search(ln.text))
    return open_ended / len(content) > 0.5


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
