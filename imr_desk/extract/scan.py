"""Fast scanning helpers.

Python's regex engine skips ahead quickly only when a pattern starts with a literal or a
character class; an alternation or a case-insensitive flag makes it try every position.
So keyword searches run as several literal-first patterns over a lower-cased copy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

_ASCII_LOWER = str.maketrans({chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)})


def lowered(text: str) -> str:
    """``text`` in lower case with every offset unchanged."""
    low = text.lower()
    return low if len(low) == len(text) else text.translate(_ASCII_LOWER)


def keyword_hits(
    low: str, patterns: Iterable[re.Pattern[str]], start: int, end: int, offset: int = 0
) -> list[tuple[int, int]]:
    """Spans of every match of the (lower-case, literal-first) patterns, in text order, as
    ``finditer`` finds them.

    ``low`` is the lower-case copy of the text from ``offset`` on; spans are offsets into the
    text. Each pattern's leading word is found by ``str.find``, several times faster than the
    regex engine's own scan, and the pattern is matched only there."""
    hits: set[tuple[int, int]] = set()
    first, stop = start - offset, end - offset
    for pattern in patterns:
        prefix = literal_prefix(pattern)
        if not prefix:
            hits.update((m.start() + offset, m.end() + offset) for m in pattern.finditer(low, first, stop))
            continue
        at = low.find(prefix, first, stop)
        while at >= 0:
            m = pattern.match(low, at, stop)
            if m is None:
                at = low.find(prefix, at + 1, stop)
                continue
            hits.add((at + offset, m.end() + offset))
            at = low.find(prefix, max(m.end(), at + 1), stop)  # no overlaps, as finditer
    return sorted(hits)


_PLAIN_UNIT = re.compile(r"[a-z0-9 ]|\\[.\-/'(),]")  # a plain character, or escaped punctuation


@cache
def literal_prefix(pattern: re.Pattern[str]) -> str:
    """The plain characters every match of ``pattern`` starts with ("" for none, or for a
    pattern that ignores case, is verbose or has alternatives at its top level)."""
    source = pattern.pattern
    if pattern.flags & (re.IGNORECASE | re.VERBOSE) or _has_top_level_alternative(source):
        return ""
    units: list[str] = []
    pos = 0
    while unit := _PLAIN_UNIT.match(source, pos):
        units.append(unit.group()[-1])
        pos = unit.end()
    if units and source[pos : pos + 1] in ("?", "*", "{"):  # its last character is optional
        units.pop()
    return "".join(units)


def _has_top_level_alternative(source: str) -> bool:
    depth = 0
    escaped = in_class = False
    for ch in source:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return True
    return False


def word_start(text: str, pos: int) -> bool:
    return pos == 0 or not text[pos - 1].isalnum()


def words_at_start(pattern: re.Pattern[str], low: str, start: int, end: int, also_not_after: str = "") -> Iterator[re.Match[str]]:
    """Matches of a literal-first ``pattern`` that start a word, as ``\\b(?:pattern)`` finds
    them, at the speed of a literal-first scan; ``also_not_after`` names more characters
    that must not stand just before a match."""
    pos = start
    while True:
        m = pattern.search(low, pos, end)
        if m is None:
            return
        at = m.start()
        before = low[at - 1] if at else ""
        if before and (before.isalnum() or before == "_" or before in also_not_after):
            pos = at + 1
            continue
        yield m
        pos = m.end() if m.end() > at else at + 1


def cues(
    text: str, low: str, lowered_patterns: Iterable[re.Pattern[str]], exact: re.Pattern[str] | None, start: int, end: int,
    offset: int = 0,
) -> list[tuple[int, int]]:
    """Where cue words start a word: lower-case patterns over ``low`` (the lower-case copy of
    ``text`` from ``offset`` on) plus one case-sensitive pattern (an abbreviation such as
    "UR") over ``text``, in text order."""
    hits = keyword_hits(low, lowered_patterns, start, end, offset)
    if exact is not None:
        hits += [m.span() for m in exact.finditer(text, start, end)]
    return [hit for hit in sorted(hits) if word_start(low, hit[0] - offset)]


def cues_in_order(
    text: str, low: str, lowered_patterns: Iterable[re.Pattern[str]], exact: re.Pattern[str], start: int, end: int, offset: int = 0
) -> Iterator[tuple[int, int]]:
    """``cues`` found a stretch at a time, so a caller that stops at the first good cue
    scans only the start of a long text. A cue may run on past its stretch by ``_CUE_REACH``."""
    patterns = tuple(lowered_patterns)
    pos = start
    while pos < end:
        stop = min(end, pos + _CUE_STRETCH)
        yield from (hit for hit in cues(text, low, patterns, exact, pos, min(end, stop + _CUE_REACH), offset) if hit[0] < stop)
        pos = stop


_CUE_STRETCH = 500
_CUE_REACH = 80  # longer than any cue


_ABBREVIATIONS = ("Dr", "vs", "Mr", "Ms", "Mrs", "No", "St", "approx", "e.g", "i.e")


def sentence_end(text: str, pos: int, limit: int) -> int:
    """Offset of the end of the sentence running at ``pos`` (a full stop, or a line break)."""
    newline = text.find("\n", pos, limit)
    hard = limit if newline < 0 else newline
    i = text.find(". ", pos, hard)
    while i >= 0:
        nxt = text[i + 2 : i + 3]
        word = text[max(pos, i - 6) : i].rsplit(" ", 1)[-1]
        abbreviated = word.endswith(_ABBREVIATIONS) or (len(word) == 1 and word.isupper())
        if (nxt[:1].isupper() or nxt in ('(', '"')) and not abbreviated:
            return i
        i = text.find(". ", i + 2, hard)
    if hard == limit and text[:limit].endswith("."):
        return limit - 1
    return hard


def sentence_start(text: str, pos: int, floor: int) -> int:
    """Start of the sentence holding ``pos`` (after the last ". " or line break before it)."""
    stop = max(text.rfind(". ", floor, pos), text.rfind("\n", floor, pos))
    return floor if stop < 0 else stop + (2 if text[stop] == "." else 1)
