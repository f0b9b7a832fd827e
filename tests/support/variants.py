"""Derive the ways the same letter reaches the app: line endings, encodings, DOCX, PDF."""

from __future__ import annotations

import io
import re
import textwrap
from collections.abc import Callable

import docx

from tests.support.pdfmaker import make_pdf


def export_lines(export_text: str) -> list[str]:
    """The printed lines of a public-export letter (blank lines kept as "")."""
    return [seg.rstrip(" ") for seg in export_text.split(" \n\n")]


def as_export(plain: str, width: int = 95, footer_after: int | None = None) -> str:
    """A letter with blank-line paragraphs laid out as the public export prints it: lines
    wrapped at ``width``, each followed by " \\n\\n", a " \\n\\n" more between paragraphs, and
    after line ``footer_after`` a page break with its footer word on a line of its own."""
    out: list[str] = []
    count = 0
    for paragraph in plain.strip().split("\n\n"):
        for line in textwrap.wrap(paragraph, width) or [""]:
            out.append(line + " \n\n")
            count += 1
            if count == footer_after:
                out.append("Final \n\n\n\n\n\n")
        out.append(" \n\n")
    return "".join(out)


def flat(export_text: str) -> str:
    """Ordinary single newlines: the export layout with its doubling undone."""
    return export_text.replace(" \n\n", "\n")


def flat_without_blank_lines(export_text: str) -> str:
    return "\n".join(line for line in flat(export_text).split("\n") if line.strip())


def curly(text: str) -> str:
    """Typographic quotes and non-breaking spaces, as a word processor would write them."""
    text = re.sub(r'"(\w)', "\u201c\\1", text)
    text = text.replace('"', "\u201d").replace("'", "\u2019")
    return text.replace("Licensure: ", "Licensure:\u00a0").replace(" year old", "\u00a0year old")


def as_docx_paragraphs(paragraphs: list[str]) -> bytes:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def as_pdf(export_text: str, lines_per_page: int = 48) -> bytes:
    lines = [ln for ln in flat(export_text).split("\n") if ln.strip()]
    pages = [lines[i : i + lines_per_page] for i in range(0, len(lines), lines_per_page)]
    return make_pdf(pages)


def byte_variants(export_text: str, normalized_text: str) -> dict[str, tuple[str, bytes]]:
    """name -> (format, bytes) for every variant of one letter."""
    paragraphs = normalized_text.split("\n\n")
    make: dict[str, Callable[[], tuple[str, bytes]]] = {
        "export-utf8": lambda: ("txt", export_text.encode("utf-8")),
        "export-crlf": lambda: ("txt", export_text.replace("\n", "\r\n").encode("utf-8")),
        "export-cr": lambda: ("txt", export_text.replace("\n", "\r").encode("utf-8")),
        "flat-lf": lambda: ("txt", flat(export_text).encode("utf-8")),
        "flat-crlf-bom": lambda: ("txt", b"\xef\xbb\xbf" + flat(export_text).replace("\n", "\r\n").encode("utf-8")),
        "flat-no-blank-lines": lambda: ("txt", flat_without_blank_lines(export_text).encode("utf-8")),
        "cp1252-curly": lambda: ("txt", curly(flat(export_text)).encode("cp1252")),
        "utf16-bom": lambda: ("txt", curly(export_text).encode("utf-16")),
        "one-paragraph-per-line": lambda: ("txt", "\n".join(paragraphs).encode("utf-8")),
        "docx-paragraphs": lambda: ("docx", as_docx_paragraphs(paragraphs)),
        "docx-lines": lambda: ("docx", as_docx_paragraphs([ln for ln in flat(export_text).split("\n") if ln.strip()])),
        "pdf": lambda: ("pdf", as_pdf(export_text)),
    }
    return {name: build() for name, build in make.items()}
