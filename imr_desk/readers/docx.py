"""Word (.docx) letters: paragraphs and tables in document order, through python-docx."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph

from imr_desk.readers.chars import normalize_chars
from imr_desk.readers.lines import Gap, SourceLine, UnreadableSource

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_PAGE_BREAK = '<w:br w:type="page"/>'


class DocxProblem(UnreadableSource):
    """The DOCX cannot be read; the message says why in the user's words."""


def docx_lines(data: bytes) -> list[SourceLine]:
    """One line per paragraph and per table row; page breaks advance the page number."""
    if data.startswith(_OLE_MAGIC):
        raise DocxProblem("an encrypted Word file or an old .doc, not a .docx")
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError):
        raise DocxProblem("not a valid DOCX (corrupt or not a Word document)") from None
    lines: list[SourceLine] = []
    page = 1
    pending_break = False
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            texts = [block.text]
            page_break = _PAGE_BREAK in block._p.xml
        elif isinstance(block, Table):
            texts = [_row_text(row) for row in block.rows]
            page_break = False
        else:  # pragma: no cover - python-docx yields only these two
            continue
        row_gap = Gap.PARAGRAPH if isinstance(block, Table) else Gap.NONE  # a table row is never a wrapped line
        for text in texts:
            for raw in normalize_chars(text).split("\n"):
                if raw.strip():
                    gap = Gap.PAGE if pending_break else row_gap
                    lines.append(SourceLine(raw, page, gap))
                    pending_break = False
        if page_break:
            page += 1
            pending_break = True
    return lines


def _row_text(row) -> str:
    """A table row as one line; merged cells repeat in python-docx, so skip repeats."""
    cells: list[str] = []
    seen: set[int] = set()
    for cell in row.cells:
        if id(cell._tc) in seen:
            continue
        seen.add(id(cell._tc))
        text = " ".join(p.text.strip() for p in cell.paragraphs if p.text.strip())
        if text:
            cells.append(text)
    return " ".join(cells)
