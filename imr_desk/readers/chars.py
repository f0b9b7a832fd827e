"""Character-level normalization shared by every reader."""

from __future__ import annotations

import re
from collections.abc import Callable

from imr_desk.domain.lazy import once

# Typographic characters mapped to the plain ones letters are searched with.
_TRANSLATE = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
        "\u2002": " ", "\u2003": " ", "\t": " ",
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2212": "-",
        "\ufb01": "fi", "\ufb02": "fl", "\ufb00": "ff", "\ufb03": "ffi", "\ufb04": "ffl",
        "\u2026": "...",
        "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None,
    }
    # Control characters other than tab, newline, carriage return and form feed (page break).
    | {c: None for c in [*range(0, 9), 11, *range(14, 32), *range(0x7F, 0xA0)]}
)

# A hyphen the PDF engine marks as a line-end break inside a word (U+FFFE), or a soft hyphen.
_BREAK_HYPHEN = re.compile(r"(\w*)[\ufffe\u00ad]\s*(\w*)")


# The same for ASCII text, as a byte table: tab to space, control characters dropped.
_ASCII_TABLE = bytes.maketrans(b"\t", b" ")
_ASCII_DROP = bytes([*range(0, 9), 11, *range(14, 32), 0x7F])


def normalize_ascii(data: bytes) -> tuple[str, int]:
    """ASCII bytes as normalized text, and how many control characters were dropped.

    The common case of ``normalize_chars``, done on the bytes at C speed."""
    if b"\r" in data:
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    kept = data.translate(_ASCII_TABLE, _ASCII_DROP)
    return kept.decode("ascii"), len(data) - len(kept)


def normalize_chars(text: str) -> str:
    """Unify line endings, quotes, spaces and dashes; drop invisible and control chars."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isascii():  # the common case, done at byte speed
        return text.encode("ascii").translate(_ASCII_TABLE, _ASCII_DROP).decode("ascii")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").translate(_TRANSLATE)
    if "\ufffe" in text or "\u00ad" in text:
        text = _resolve_break_hyphens(text)
    return text


def spelled_whole(text: str, word: str) -> bool:
    """Does ``word`` stand in ``text`` as a whole word, as written or in lower case?"""
    for form in {word, word.lower()}:
        at = text.find(form)
        while at >= 0:
            end = at + len(form)
            if (at == 0 or not text[at - 1].isalpha()) and (end == len(text) or not text[end].isalpha()):
                return True
            at = text.find(form, end)
    return False


_FIRST_WORD = re.compile(r"[A-Za-z]+")


def broken_word(line: str, next_line: str) -> tuple[str, str]:
    """The two parts of the word ``line`` breaks off at its closing hyphen and ``next_line``
    finishes ("Guide-" + "lines," -> ("Guide", "lines")); ("", "") for none."""
    left = line[line.rfind(" ") + 1 : -1].lstrip("(\"'[")
    right = _FIRST_WORD.match(next_line) if left.isalpha() and left.isascii() else None
    return (left, right.group()) if right else ("", "")


# First parts that keep their hyphen ("non-steroidal"), and words that close a compound
# whose first part is a word of its own ("drug-related", "image-guided", "weight-bearing").
_HYPHENATED_PREFIXES = frozenset({
    "non", "evidence", "self", "post", "pre", "anti", "multi", "semi", "well",
    # number words, as in "twelve-session course" (not those that begin other words: "ten-/derness", "four-/teen")
    "one", "two", "three", "five", "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "ninety", "half",
})
_COMPOUND_ENDS = frozenset({
    "related", "based", "induced", "specific", "dependent", "associated", "bearing", "guided",
    "weighted", "release", "acting", "controlled", "term", "like", "free", "type", "level", "line", "time",
})


def hyphen_stays(left: str, right: str, text: str, glued: Callable[[], str]) -> bool:
    """Does a word broken at a line-end hyphen (``left``-/``right``) keep it? Not where the
    letter ``text`` spells the word whole elsewhere; it stays before a capital, after a prefix
    that keeps one ("non-", "evidence-"), before a word that often closes a compound
    ("-related", "-guided"), where the letter spells it hyphenated, between fragments that
    are not both four letters or more, and between two words the letter uses on their own
    ("drug-/related"; but "radicul-/opathy" is joined). ``glued()`` is the text with every
    such break shut, where no fragment stands alone at its own break."""
    if spelled_whole(text, left + right):
        return False
    if right[:1].isupper() or left.lower() in _HYPHENATED_PREFIXES or right.lower() in _COMPOUND_ENDS:
        return True
    if len(left) < 4 or len(right) < 4 or f"{left}-{right}" in text:
        return True
    alone = glued()
    return spelled_whole(alone, left) and spelled_whole(alone, right)


def _resolve_break_hyphens(text: str) -> str:
    """Join words the PDF engine broke at a line end (U+FFFE, or a soft hyphen) as
    ``hyphen_stays`` says."""
    glued = once(lambda: text.replace("\ufffe", "x").replace("\u00ad", "x"))

    def join(match: re.Match[str]) -> str:
        left, right = match.group(1), match.group(2)
        if left and right and hyphen_stays(left, right, text, glued):
            return f"{left}-{right}"
        return left + right

    return _BREAK_HYPHEN.sub(join, text)
