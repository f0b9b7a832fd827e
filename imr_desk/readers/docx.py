"""Word (.docx) letters: paragraphs and tables in document order, through python-docx.

python-docx opens the package; the body is walked here so that text inside content controls
(``w:sdt``, common in letters made from templates), hyperlinks and tracked insertions is
read as Word shows it.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

import docx
from docx.opc.exceptions import PackageNotFoundError

from imr_desk.readers.chars import normalize_chars
from imr_desk.readers.lines import Gap, SourceLine, UnreadableSource

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC = _W + "p", _W + "tbl", _W + "tr", _W + "tc"
_T, _TAB, _BR, _CR = _W + "t", _W + "tab", _W + "br", _W + "cr"
_CONTAINERS = {_W + "sdt": _W + "sdtContent", _W + "customXml": None}  # wrappers whose content is in the flow
_BR_TYPE = _W + "type"
_PAGE_BREAK_BEFORE = f"{_W}pPr/{_W}pageBreakBefore"
# Word writes a text box twice (the drawing and a fallback for old readers); only the first counts.
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_ANCHOR, _POS_V, _POS_H, _OFFSET = _WP + "anchor", _WP + "positionV", _WP + "positionH", _WP + "posOffset"
_BOX = _W + "txbxContent"


class DocxProblem(UnreadableSource):
    """The DOCX cannot be read; the message says why in the user's words."""


def docx_lines(data: bytes) -> tuple[list[SourceLine], bool]:
    """One line per paragraph and per table row; page breaks advance the page number.

    Also says whether the lines are whole paragraphs: not where text boxes placed on the
    page hold a line each, as converters from PDF write them."""
    if data.startswith(_OLE_MAGIC):
        raise DocxProblem("an encrypted Word file or an old .doc, not a .docx")
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError):
        raise DocxProblem("not a valid DOCX (corrupt or not a Word document)") from None
    lines: list[SourceLine] = []
    page = 1
    pending_break = False
    framed_lines = 0
    after_table = False  # a table ends a paragraph: the line after it starts one
    for block in _blocks(document.element.body):
        if block.tag == _P:
            if block.find(_PAGE_BREAK_BEFORE) is not None and lines:
                page, pending_break = page + 1, True
            framed = _framed_rows(block)
            if framed is not None:
                own = _text(block, skip_boxes=True).strip()  # the paragraph's own text: a paragraph ahead of its boxes
                if own:
                    gap = Gap.PARAGRAPH if after_table else Gap.PAGE if pending_break else Gap.NONE
                    lines.append(SourceLine(normalize_chars(own), page, gap))
                    pending_break = False
                before = len(lines)
                first_gap = Gap.PARAGRAPH if own or after_table else Gap.NONE
                page, pending_break = _add_rows(framed, lines, page, pending_break, first_gap)
                after_table = False
                framed_lines += len(lines) - before
                continue
            texts = [_text(block)]
            page_break = any(br.get(_BR_TYPE) == "page" for br in block.iter(_BR))
        else:
            texts = [_row_text(row) for row in _blocks(block, _TR)]
            page_break = False
        row_gap = Gap.NONE if block.tag == _P else Gap.PARAGRAPH  # a table row is never a wrapped line
        for text in texts:
            for raw in normalize_chars(text).split("\n"):
                if raw.strip():
                    gap = Gap.PARAGRAPH if after_table else Gap.PAGE if pending_break else row_gap
                    lines.append(SourceLine(raw, page, gap))
                    pending_break = after_table = False
        if block.tag != _P:
            after_table = True
        if page_break:
            page += 1
            pending_break = True
    return lines, 2 * framed_lines <= len(lines)  # lines of placed boxes are hard-wrapped where they are most


def _blocks(container, *tags: str) -> Iterator:
    """The paragraphs and tables (or ``tags``) of ``container`` in order, also those that a
    content control wraps."""
    wanted = tags or (_P, _TBL)
    for child in container.iterchildren():
        if child.tag in wanted:
            yield child
        elif child.tag in _CONTAINERS:
            inner = _CONTAINERS[child.tag]
            content = child if inner is None else child.find(inner)
            if content is not None:
                yield from _blocks(content, *wanted)


def _text(element, *, skip_boxes: bool = False) -> str:
    """The text Word shows for a paragraph or a cell: every run, also inside content controls,
    hyperlinks and tracked insertions (deleted text and field codes are not ``w:t``); with
    ``skip_boxes``, not the text of its text boxes."""
    parts: list[str] = []
    left_out = (_FALLBACK, _BOX) if skip_boxes else (_FALLBACK,)
    for node in element.iter(_T, _TAB, _BR, _CR):
        if any(ancestor.tag in left_out for ancestor in node.iterancestors()):
            continue
        if node.tag == _T:
            parts.append(node.text or "")
        elif node.tag == _TAB:
            parts.append("\t")
        elif node.get(_BR_TYPE) in (None, "textWrapping"):  # a line break; a page or column break is none
            parts.append("\n")
    return "".join(parts)


def _row_text(row) -> str:
    """A table row as one line, its cells' paragraphs joined by spaces (a merged cell is one
    ``w:tc`` in the row, so nothing repeats)."""
    cells = []
    for cell in _blocks(row, _TC):
        text = " ".join(piece for p in _blocks(cell, _P, _TBL) if (piece := _text(p).strip()))
        if text:
            cells.append(text)
    return " ".join(cells)


# Converters from PDF place each line of a page in a text box of its own. Offsets are in EMU
# (914,400 an inch): boxes within a sixth of a line of one height form one row.
_FRAMED_BOXES = 8  # fewer boxes are captions or a letterhead's blocks, read in the flow
_SAME_ROW = 30_000
_NEW_PAGE = 300_000  # a box this far (two lines) above the last one starts the next page

_Box = tuple[int, int, str]  # (offset down, offset across, text)


def _framed_rows(paragraph) -> list[list[str]] | None:
    """The rows of text boxes placed on the page, page by page: top to bottom, each row's
    boxes left to right. None when the paragraph places fewer than ``_FRAMED_BOXES`` boxes."""
    boxes: list[_Box] = []
    for anchor in paragraph.iter(_ANCHOR):
        down, across = _emu(anchor.find(f"{_POS_V}/{_OFFSET}")), _emu(anchor.find(f"{_POS_H}/{_OFFSET}"))
        content = anchor.find(f".//{_BOX}")
        if content is not None and down is not None and across is not None:
            boxes.append((down, across, "\n".join(_text(p) for p in content.iter(_P))))
    if len(boxes) < _FRAMED_BOXES:
        return None
    pages: list[list[_Box]] = [[]]
    for box in boxes:  # in the order written, which goes page by page
        if pages[-1] and box[0] < pages[-1][-1][0] - _NEW_PAGE:
            pages.append([])
        pages[-1].append(box)
    return [_rows_of(sorted(page_boxes)) for page_boxes in pages]


def _emu(offset) -> int | None:
    """A ``wp:posOffset`` as an integer; None where it is missing or not a number."""
    try:
        return int(offset.text) if offset is not None else None
    except (TypeError, ValueError):
        return None


def _rows_of(boxes: list[_Box]) -> list[str]:
    """Boxes sorted top to bottom, as the text of their rows."""
    rows: list[list[_Box]] = []
    for box in boxes:
        if rows and box[0] - rows[-1][0][0] <= _SAME_ROW:
            rows[-1].append(box)
        else:
            rows.append([box])
    return [" ".join(text for _, _, text in sorted(row, key=lambda b: b[1])) for row in rows]


def _add_rows(
    pages: list[list[str]], lines: list[SourceLine], page: int, pending_break: bool, first_gap: Gap
) -> tuple[int, bool]:
    """Add the rows of framed pages as lines; a blank row is a blank line. Returns the
    page number and whether a page break waits for the next line."""
    for number, rows in enumerate(pages):
        if number:
            page, pending_break = page + 1, True
        gap = first_gap if number == 0 else Gap.NONE
        for row in rows:
            for raw in normalize_chars(row).split("\n"):
                if not raw.strip():
                    gap = Gap.PARAGRAPH
                    continue
                lines.append(SourceLine(raw, page, Gap.PAGE if pending_break else gap))
                gap, pending_break = Gap.NONE, False
    return page, pending_break
