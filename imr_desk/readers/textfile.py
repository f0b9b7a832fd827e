"""Plain-text letters: encoding detection and the public export layout."""

from __future__ import annotations

import codecs
import re
from functools import cache

from imr_desk.domain.letter import CASE_NUMBER, DECISION_ENDINGS
from imr_desk.readers.chars import normalize_ascii, normalize_chars
from imr_desk.readers.footers import drop_footer_tail, without_footer_head
from imr_desk.readers.labels import LABEL_INITIALS, LABELS
from imr_desk.readers.lines import Gap, SourceLine
from imr_desk.readers.runon import is_run_on, paragraphs_of_run_on

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class NotText(ValueError):
    """The bytes are not a text file."""


def read_text(data: bytes) -> tuple[str, str]:
    """Decode letter bytes and normalize their characters; returns (text, encoding name).

    Raises ``NotText`` for binary data."""
    if data.isascii() and b"\x00" not in data:  # the common case, in one pass over the bytes
        text, dropped = normalize_ascii(data)
        if dropped > BINARY_SHARE * len(data):
            raise NotText("binary data, not a text letter")
        return text, "utf-8"
    raw, encoding = decode(data)
    if looks_binary(raw):
        raise NotText("binary data, not a text letter")
    return normalize_chars(raw), encoding


def decode(data: bytes) -> tuple[str, str]:
    """Decode letter bytes; returns (text, encoding name).

    BOMs first, then strict UTF-8, BOM-less UTF-16, and Windows-1252 as the fallback.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_as(data, encoding), encoding
    if b"\x00" in data:
        utf16 = _sniff_utf16(data)
        if utf16 is None:
            raise NotText("binary data (NUL bytes), not a text letter")
        return _decode_as(data, utf16), utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _decode_as(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise NotText(f"not valid {encoding} text ({exc.reason} at byte {exc.start})") from None


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM shows NULs in every other byte of ASCII text."""
    sample = data[:4000]
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


_ODD_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\ue000-\uf8ff\ufffd]")
_TEXT_BYTES = bytes([9, 10, 12, 13, *range(32, 127)])


#: The share of characters that never occur in letters above which a file is binary data.
BINARY_SHARE = 0.02


def looks_binary(text: str) -> bool:
    """Too many characters that never occur in letters (in the first 20,000)."""
    sample = text[:20000]
    if sample.isascii():  # counted at C speed
        odd = len(sample.encode("ascii").translate(None, _TEXT_BYTES))
    else:
        odd = len(_ODD_CHARS.findall(sample))
    return odd > BINARY_SHARE * len(sample)


def is_export_layout(text: str) -> bool:
    """The public export: nearly every line ends with " \\n\\n" (a space, then a doubled break).

    The first thirty-odd lines tell; counting the whole text would only cost time.
    """
    text = text[:2500]
    spaced = text.count(" \n\n")
    doubled = text.count("\n\n")
    total = text.count("\n")
    return spaced >= 10 and spaced >= 0.6 * doubled and 2 * doubled >= 0.9 * total


# Where a line's scan stops (before its newline): just after a decision word and at most two of " ", ".", ")".
_ENDS_WITH_DECISION = "(?:" + "|".join(
    f"(?<=(?i:{word}){tail})" for tail in ("", "[ .)]", "[ .)][ .)]") for word in DECISION_ENDINGS
) + ")"


@cache  # compiled on first need: a process may read only one of the two layouts
def _join_pattern(newline: str) -> re.Pattern[str]:
    """A line break inside a paragraph of blank-line-structured text that is surely a space.

    The line before ends a word, number or sentence (not a footer word, a decision or a
    label's colon); the next line starts a word that is no label, capital heading,
    decision, page number or footer word, nor a numbered entry after a sentence's end or a
    line ending with a decision ("X: Upheld"). Labels start with a capital at the start of a
    line; a line in lower case carries on a sentence. The layout rules would join these too; doing it
    in one pass keeps reading fast. The pattern starts with the break itself so the scan
    is quick, and the label alternation runs only after a capital.
    """
    nl = re.escape(newline)
    initials = "".join(sorted(LABEL_INITIALS))
    after_decision = "".join(f"(?<!{ending}{nl})" for ending in DECISION_ENDINGS)
    return re.compile(
        rf"""{nl}
        (?<=[a-z0-9.,;)%"'\]]{nl})
        {after_decision}(?<!Final{nl})(?<!Determination{nl})
        (?:
            (?=[a-z])  # the usual case: only a decision or "page N" may start in lower case
            (?!(?i:upheld|overturned)\b)(?!(?i:page)\s+\d)
          | (?=[A-Z0-9("])
            (?!(?=[{initials}])(?i:{LABELS}))
            (?![A-Z]+\b)
            (?!(?i:upheld|overturned)\b)
            (?!(?i:page)\s+\d)
            (?!(?=[FIC])(?:  # a page's footer or header
                Final(?:\s+Determination)?(?:[ \t]*(?:\n|$)|\s+Letter\b)
              | (?:IMR\s+)?Case\s+Number\s+{CASE_NUMBER} | {CASE_NUMBER}[ \t]*(?:\n|$)
            ))
            (?![^\n]*+{_ENDS_WITH_DECISION})  # an item's heading (or its last line): the layout judges it
            (?!\d(?:  # a page number, or an entry of a list after a sentence's end: "… appropriate." / "2) X"
                \d{{0,2}}(?:\s+of\s+\d{{1,3}})?\s*(?:\n|$)
              | (?:(?<=[.!?:]{nl}\d)|(?<=[.!?]["')\]]{nl}\d))\d?[.)]\s+[A-Z(]
            ))
        )
        """,
        re.VERBOSE,
    )


def text_lines(text: str) -> list[SourceLine]:
    """Source lines of a text letter (decoded and normalized by ``read_text``), in either layout."""
    if is_run_on(text):
        text = paragraphs_of_run_on(text)
    pages = text.split("\f") if "\f" in text else [text]  # "in" finds a character faster than split
    lines: list[SourceLine] = []
    export_letter = len(pages) > 1 and is_export_layout(text)  # a short last page may not show the layout itself
    for page_no, page in enumerate(pages, start=1):
        export = export_letter or is_export_layout(page)
        if export:
            page_lines = _export_lines(_join_pattern(" \n\n").sub(" ", page), page_no)
        elif page.count("\n\n") >= 2:  # blank lines mark paragraphs: line widths do not matter
            page_lines = _plain_lines(_join_pattern("\n").sub(" ", page), page_no)
        else:
            page_lines = _plain_lines(page, page_no)
        if page_no > 1 and page_lines:
            first = page_lines[0]
            previous = pages[page_no - 2]
            before, after = previous[len(previous.rstrip()) :], page[: len(page) - len(page.lstrip())]
            if _breaks_paragraph(before, after, export):
                gap = Gap.PARAGRAPH
            else:  # the export says the paragraph goes on; elsewhere the layout rules judge the page's end
                gap = Gap.NONE if export else Gap.PAGE
            page_lines[0] = SourceLine(first.text, first.page, gap)
        lines.extend(page_lines)
    return lines


def _breaks_paragraph(before: str, after: str, export: bool) -> bool:
    """Does the white space around a form feed (``before`` and ``after`` it) hold a paragraph
    break: a blank line, or in the export layout its paragraph line of one space (its page
    padding alone does not)? The form feed itself ends a line."""
    if export:
        return "\n \n" in f"{before}\n{after}"
    return (before + after).count("\n") >= 2


def _plain_lines(text: str, page: int) -> list[SourceLine]:
    """Ordinary newlines: blank lines separate paragraphs; two or more may be a page break,
    and the footer's leftovers around them go (see ``footers.drop_footer_tail``). Where one
    was there, the blank lines are a page break, not surely a paragraph's end."""
    out: list[SourceLine] = []
    blanks = 0
    for raw in text.split("\n"):
        if not raw.strip():
            blanks += 1
            continue
        gap = Gap.NONE if blanks == 0 else Gap.PARAGRAPH
        if blanks > 1 and out:  # a page break, perhaps: what its footer left goes, as in the export
            last = (len(out), out[-1].text)
            starts_paragraph = drop_footer_tail(out)
            head = without_footer_head(raw)
            if not starts_paragraph and (head is not raw or (len(out), out[-1].text if out else "") != last):
                gap = Gap.PAGE  # a footer was there: the layout judges whether the paragraph goes on
            raw = head
        out.append(SourceLine(raw, page, gap if out else Gap.NONE))
        blanks = 0
    return out


def _export_lines(text: str, page: int) -> list[SourceLine]:
    """The export layout: a line holding one space is a paragraph break; an empty one is
    page-break padding; a lone newline inside a line marks a stray footer remnant. What the
    page's footer left around the padding goes (``footers.drop_footer_tail``, ``footers.without_footer_head``).

    A paragraph that ends at a page's end keeps its break ahead of the padding, so padding
    alone means the paragraph goes on across the page, whatever its last line ends with."""
    out: list[SourceLine] = []
    append = out.append
    new = tuple.__new__  # a SourceLine without the named tuple's slower constructor
    none, paragraph, page_break = Gap.NONE, Gap.PARAGRAPH, Gap.PAGE
    gap = none
    padded = False  # page padding came since the last line
    for segment in text.split("\n\n"):
        line = segment.strip()
        if not line:
            if segment:
                gap = paragraph
            elif out and not padded:
                padded = True
                if drop_footer_tail(out):
                    gap = paragraph
            continue
        if padded:
            padded = False
            line = without_footer_head(line)
        if "\n" not in line:
            append(new(SourceLine, (line, page, gap if out else none)))
            gap = none
            continue
        for j, piece in enumerate(segment.split("\n")):
            if piece.strip():
                append(SourceLine(piece.strip(), page, gap if out else none))
                gap = none
            elif j:
                gap = page_break
    return out
