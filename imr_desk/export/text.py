"""Text safe for a Word document: the one place characters are cleaned for export."""

from __future__ import annotations

import re

from docx.enum.text import WD_BREAK
from docx.text.paragraph import Paragraph

# Characters XML 1.0 cannot hold (python-docx raises on them); form feed is handled apart.
_INVALID = re.compile("[\x00-\x08\x0b\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` without characters a DOCX cannot hold (form feeds stay, see ``add_text``)."""
    return _INVALID.sub("", text).replace("\r\n", "\n").replace("\r", "\n")


def add_text(paragraph: Paragraph, text: str, *, bold: bool = False) -> None:
    """Append text to a paragraph: form feeds become page breaks, newlines line breaks."""
    for page, chunk in enumerate(xml_safe(text).split("\x0c")):
        if page:
            paragraph.add_run().add_break(WD_BREAK.PAGE)
        for line_number, line in enumerate(chunk.split("\n")):
            if line_number:
                paragraph.add_run().add_break(WD_BREAK.LINE)
            if line:
                run = paragraph.add_run(line)
                run.bold = bold
