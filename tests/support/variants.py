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


def as_export(
    plain: str, width: int = 95, footer_after: int | None = None, keep_lines: bool = False, footer: str = "Final"
) -> str:
    """A letter with blank-line paragraphs laid out as the public export prints it: lines
    wrapped at ``width``, each followed by " \\n\\n", a " \\n\\n" more between paragraphs, and
    after line ``footer_after`` a page break with its ``footer`` on a line of its own.
    ``keep_lines`` keeps the line breaks within a paragraph, as the letter printed them."""
    out: list[str] = []
    count = 0
    for paragraph in plain.strip().split("\n\n"):
        rows = paragraph.split("\n") if keep_lines else [paragraph]
        for line in [line for row in rows for line in textwrap.wrap(row, width)] or [""]:
            out.append(line + " \n\n")
            count += 1
            if count == footer_after:
                out.append(f"{footer} \n\n\n\n\n\n")
        out.append(" \n\n")
    return "".join(out)


def flat(export_text: str) -> str:
    """Ordinary single newlines: the export layout with its doubling undone."""
    return export_text.replace(" \n\n", "\n")


def flat_without_blank_lines(export_text: str) -> str:
    return "\n".join(line for line in flat(export_text).split("\n") if line.strip())


def hard_wrapped(plain: str, width: int = 90) -> str:
    """Every line at most ``width`` wide, no blank lines: how a PDF's text reads."""
    return "\n".join(line for row in plain.split("\n") for line in textwrap.wrap(row, width))


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


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
LINE_EMU = 175_260  # a line's height in a framed page, in EMU


def as_docx_framed(pages: list[list[tuple[int, int, str]]], own_text: str = "", then: tuple[str, ...] = ()) -> bytes:
    """A DOCX as converters from PDF write one: a text box per line, placed on the page.

    ``pages`` holds each page's boxes as (offset down, offset across, text), in the order
    written; ``own_text`` is the anchoring paragraph's own text and ``then`` the paragraphs after it."""
    from lxml import etree

    document = docx.Document()
    paragraph = document.add_paragraph(own_text)._p
    for page in pages:
        for down, across, text in page:
            run = etree.SubElement(paragraph, f"{{{_W}}}r")
            choice = etree.SubElement(etree.SubElement(run, f"{{{_MC}}}AlternateContent"), f"{{{_MC}}}Choice", Requires="wps")
            anchor = etree.SubElement(etree.SubElement(choice, f"{{{_W}}}drawing"), f"{{{_WP}}}anchor")
            for axis, offset in (("positionH", across), ("positionV", down)):
                position = etree.SubElement(anchor, f"{{{_WP}}}{axis}", relativeFrom="paragraph")
                etree.SubElement(position, f"{{{_WP}}}posOffset").text = str(offset)
            box = etree.SubElement(anchor, f"{{{_W}}}txbxContent")  # the graphic's wrappers left out
            run_text = etree.SubElement(etree.SubElement(etree.SubElement(box, f"{{{_W}}}p"), f"{{{_W}}}r"), f"{{{_W}}}t")
            run_text.text = text
            run_text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    for text in then:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def framed_pages(export_text: str, lines_per_page: int = 48) -> list[list[tuple[int, int, str]]]:
    """The flat letter's lines (blank ones too) as framed pages, one box per line."""
    lines = flat(export_text).split("\n")
    chunks = [lines[i : i + lines_per_page] for i in range(0, len(lines), lines_per_page)]
    return [[(914_400 + row * LINE_EMU, 914_400, line or " ") for row, line in enumerate(chunk)] for chunk in chunks]


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
        "docx-framed": lambda: ("docx", as_docx_framed(framed_pages(export_text))),
        "pdf": lambda: ("pdf", as_pdf(export_text)),
    }
    return {name: build() for name, build in make.items()}
