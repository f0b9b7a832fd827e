"""PDF letters with a text layer, page by page, through pypdfium2."""

from __future__ import annotations

import pypdfium2 as pdfium

from imr_desk.readers.chars import normalize_chars
from imr_desk.readers.lines import Gap, SourceLine, UnreadableSource


class PdfProblem(UnreadableSource):
    """The PDF cannot be read; the message says why in the user's words."""


def pdf_lines(data: bytes) -> list[SourceLine]:
    """Lines of every page; raises PdfProblem for encrypted, corrupt or image-only PDFs."""
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise PdfProblem("the PDF is encrypted (password protected)") from None
        raise PdfProblem("not a valid PDF (corrupt or truncated)") from None
    try:
        pages: list[str] = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            try:
                pages.append(textpage.get_text_bounded())
            finally:
                textpage.close()
                page.close()
    except pdfium.PdfiumError:
        raise PdfProblem("not a valid PDF (a page could not be read)") from None
    finally:
        document.close()
    if not any(p.strip() for p in pages):
        raise PdfProblem("the PDF has no text layer (a scanned image?); OCR is not supported")
    # Normalized as one text, so a word broken at a line end is judged by the whole letter's
    # words. pdfium marks the hyphen it broke a word at with U+0002; the normalizer knows U+FFFE.
    whole = "\f".join(page.replace("\f", "\n") for page in pages).replace("\x02", "\ufffe")
    lines: list[SourceLine] = []
    for page_no, page_text in enumerate(normalize_chars(whole).split("\f"), start=1):
        first = True
        for raw in page_text.split("\n"):
            if not raw.strip():
                continue
            gap = Gap.PAGE if first and page_no > 1 else Gap.NONE
            lines.append(SourceLine(raw, page_no, gap))
            first = False
    return lines
