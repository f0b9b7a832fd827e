"""Reading letter files: formats, encodings, and one clear error for unreadable input."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import docx
import pytest

from imr_desk.domain.errors import ImrDeskError, UnreadableFileError
from imr_desk.readers import MAX_FILE_BYTES, _read_all, files_under, read_bytes, read_document
from tests.conftest import TEST_DATA
from tests.support.pdfmaker import make_image_only_pdf, make_pdf

LETTER = "CLINICAL CASE SUMMARY\n\nThe injured worker is a 40 year old male.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (LETTER.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + LETTER.encode("utf-8"), "utf-8-sig"),
        (LETTER.encode("utf-16"), "utf-16"),
        (LETTER.encode("utf-16-le"), "utf-16-le"),
        (("caf\u00e9 " + LETTER).encode("cp1252"), "windows-1252"),
    ],
)
def test_text_encodings(data, encoding):
    document = read_bytes(data, "txt")
    assert document.encoding == encoding
    assert "40 year old male" in document.text


def test_windows_1252_curly_quotes_become_plain():
    data = "He said \u201cno\u201d and it\u2019s\u00a0done.".encode("cp1252")
    assert read_bytes(data, "txt").text == "He said \"no\" and it's done."


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"])
def test_line_endings(ending):
    text = "First line of a paragraph that goes on\nand ends here.\n\nSecond paragraph.".replace("\n", ending)
    assert read_bytes(text.encode(), "txt").text == (
        "First line of a paragraph that goes on and ends here.\n\nSecond paragraph."
    )


def test_form_feed_starts_a_page():
    document = read_bytes(b"Page one text.\n\x0cPage two text.\n", "txt")
    assert document.page_starts == (0, document.text.index("Page two"))
    assert document.page_of(document.text.index("two")) == 2


def test_pdf_pages_are_mapped(tmp_path):
    path = tmp_path / "letter.pdf"
    make_pdf([["CLINICAL CASE SUMMARY", "First page sentence."], ["Second page sentence."]], path)
    document = read_document(path)
    assert document.format == "pdf"
    assert document.page_count == 2
    assert document.page_of(document.text.index("Second")) == 2
    assert document.page_of(document.text.index("First")) == 1


def test_docx_paragraphs_and_tables_in_order(tmp_path):
    doc = docx.Document()
    doc.add_paragraph("Opening paragraph.")
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Case Number: CM16-0237844"
    table.cell(0, 1).text = "Priority: Standard"
    doc.add_paragraph("Closing paragraph.")
    path = tmp_path / "letter.docx"
    doc.save(path)
    text = read_document(path).text
    assert text.index("Opening") < text.index("CM16-0237844") < text.index("Closing")


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "file is empty"),
        ("blank.txt", b"  \n\n \r\n", "file is empty"),
        ("binary.txt", bytes(range(256)) * 20, "binary"),
        ("controls.txt", bytes(range(1, 32)) * 40 + b"a few words", "binary"),
        ("corrupt.pdf", b"%PDF-1.4\nthis is not really a pdf", "not a valid PDF"),
        ("corrupt.docx", b"PK\x03\x04 not a zip at all", "not a valid DOCX"),
        ("legacy.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "encrypted Word file or an old .doc"),
        ("image.pdf", make_image_only_pdf(), "OCR is not supported"),
        ("letter.rtf", b"{\\rtf1 hello}", "unsupported file type"),
    ],
)
def test_unreadable_files_raise_one_clear_error(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(UnreadableFileError) as caught:
        read_document(path)
    assert reason in str(caught.value)
    assert str(path) in str(caught.value)
    assert isinstance(caught.value, ImrDeskError)


def test_encrypted_pdf():
    with pytest.raises(UnreadableFileError, match="encrypted"):
        read_document(TEST_DATA / "encrypted.pdf")


def test_docx_that_is_a_zip_but_not_word(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not word")
    path = tmp_path / "archive.docx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(UnreadableFileError, match="not a valid DOCX"):
        read_document(path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(UnreadableFileError, match="file not found"):
        read_document(tmp_path / "nope.txt")
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(UnreadableFileError, match="folder"):
        read_document(folder)


def test_oversized_file(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(UnreadableFileError, match="too large"):
        read_document(path)


@pytest.mark.parametrize("stated_size", [0, 5, 17, 100])
def test_reading_takes_everything_whatever_size_was_stated(stated_size):
    """A short read or a file that grew after ``fstat`` still gives every byte."""
    read_end, write_end = os.pipe()
    try:
        os.write(write_end, b"x" * 17 + b"y" * 40000)
        os.close(write_end)
        assert _read_all(read_end, stated_size) == b"x" * 17 + b"y" * 40000
    finally:
        os.close(read_end)


def test_sha256_is_of_the_source_bytes():
    import hashlib

    data = LETTER.encode("utf-16")
    assert read_bytes(data, "txt").sha256 == hashlib.sha256(data).hexdigest()


def test_files_under_walks_folders_in_path_order_and_skips_hidden(tmp_path):
    for name in ["b.txt", "a-b/x.txt", "a/x.txt", "a/z.pdf", ".hidden.txt", ".git/c.txt", "a/.d/e.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = [Path(p).relative_to(tmp_path).as_posix() for p in files_under(tmp_path)]
    assert found == ["a/x.txt", "a/z.pdf", "a-b/x.txt", "b.txt"]
    assert found == [p.relative_to(tmp_path).as_posix() for p in sorted(map(Path, files_under(tmp_path)))]


def test_a_few_stray_control_characters_are_dropped_not_refused():
    body = "The injured worker is a 40 year old male. " * 4
    data = b"CLINICAL CASE SUMMARY\x07\r\n\r\n" + body.replace("male", "\x01male", 1).encode() + b"\tEnd.\r\n"
    assert read_bytes(data, "txt").text == f"CLINICAL CASE SUMMARY\n\n{body} End."


def test_docx_table_rows_stay_apart_where_the_paragraphs_look_hard_wrapped(tmp_path):
    doc = docx.Document()
    table = doc.add_table(rows=0, cols=4)
    for cells in (("Case Number", "CM16-0237844", "Date Assigned", "12/14/2016"), ("Date of Injury", "10/20/2016", "Priority", "Standard")):
        row = table.add_row().cells
        for cell, value in zip(row, cells):
            cell.text = value
    lines = ["HOW THE IMR FINAL DETERMINATION WAS MADE", "The expert reviewer is Board Certified in", "Neurology and is licensed",
             "in Utah.", "CLINICAL CASE SUMMARY", "The patient is a 45 year old male", "injured on 10/20/2016."]
    for line in lines:
        doc.add_paragraph(line)
    path = tmp_path / "letter.docx"
    doc.save(path)
    assert read_document(path).text.split("\n\n")[:3] == [
        "Case Number CM16-0237844 Date Assigned 12/14/2016",
        "Date of Injury 10/20/2016 Priority Standard",
        "HOW THE IMR FINAL DETERMINATION WAS MADE",
    ]


def test_docx_paragraph_after_a_table_starts_its_own_where_the_lines_look_hard_wrapped(tmp_path):
    doc = docx.Document()
    doc.add_paragraph("The Final Determination was based on decisions for the disputed items/services set forth below:")
    table = doc.add_table(rows=0, cols=2)
    for cells in (("Disputed Item", "Decision"), ("Norco 10/325mg #90", "Upheld"), ("Physical therapy x 12", "Overturned")):
        for cell, value in zip(table.add_row().cells, cells):
            cell.text = value
    for line in ("Norco 10/325mg #90: Upheld", "Claims Administrator guideline: Decision based on MTUS", "Physical therapy",
                 "x 12: Overturned", "Decision rationale: Reasons"):
        doc.add_paragraph(line)
    path = tmp_path / "letter.docx"
    doc.save(path)
    assert read_document(path).text.split("\n\n")[3:5] == ["Physical therapy x 12 Overturned", "Norco 10/325mg #90: Upheld"]


def _wrapped_in(tag: str, element) -> None:
    """Put ``element`` inside a new ``tag`` (and its ``w:sdtContent`` for a content control)."""
    from docx.oxml import OxmlElement

    outer = OxmlElement(tag)
    element.addprevious(outer)
    inner = outer
    if tag == "w:sdt":
        outer.append(OxmlElement("w:sdtPr"))
        inner = OxmlElement("w:sdtContent")
        outer.append(inner)
    inner.append(element)


def test_docx_text_inside_content_controls_and_tracked_insertions_is_read(tmp_path):
    from docx.oxml import OxmlElement

    doc = docx.Document()
    doc.add_paragraph("HOW THE IMR FINAL DETERMINATION WAS MADE")
    _wrapped_in("w:sdt", doc.add_paragraph("A paragraph a template's content control holds.")._p)
    employee = doc.add_paragraph("Employee: ")
    run = employee.add_run("Jane Roe")
    _wrapped_in("w:sdt", run._r)
    inserted = doc.add_paragraph("Claim Number: ")
    _wrapped_in("w:ins", inserted.add_run("WC-123")._r)
    deleted = OxmlElement("w:del")
    gone = OxmlElement("w:r")
    gone_text = OxmlElement("w:delText")
    gone_text.text = " struck out"
    gone.append(gone_text)
    deleted.append(gone)
    inserted._p.append(deleted)
    path = tmp_path / "letter.docx"
    doc.save(path)
    assert read_document(path).text.split("\n\n") == [
        "HOW THE IMR FINAL DETERMINATION WAS MADE",
        "A paragraph a template's content control holds.",
        "Employee: Jane Roe",
        "Claim Number: WC-123",
    ]


def test_docx_text_box_counts_once_not_again_from_its_fallback(tmp_path):
    from lxml import etree

    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    doc = docx.Document()
    paragraph = doc.add_paragraph()
    run = etree.SubElement(paragraph._p, f"{{{w}}}r")
    alternate = etree.SubElement(run, f"{{{mc}}}AlternateContent")
    for part, attributes in (("Choice", {"Requires": "wps"}), ("Fallback", {})):
        holder = etree.SubElement(alternate, f"{{{mc}}}{part}", attributes)
        box_paragraph = etree.SubElement(etree.SubElement(holder, f"{{{w}}}txbxContent"), f"{{{w}}}p")
        etree.SubElement(etree.SubElement(box_paragraph, f"{{{w}}}r"), f"{{{w}}}t").text = "Return address"
    doc.add_paragraph("HOW THE IMR FINAL DETERMINATION WAS MADE")
    path = tmp_path / "letter.docx"
    doc.save(path)
    assert read_document(path).text.split("\n\n") == ["Return address", "HOW THE IMR FINAL DETERMINATION WAS MADE"]


def test_docx_of_text_boxes_placed_on_pages_reads_row_by_row():
    from tests.support.variants import LINE_EMU, as_docx_framed

    top, left, right = 914_400, 914_400, 4_178_300
    first = [  # as a converter writes a two-column row: the labels, then their values a hair lower
        (top, left, "Date Assigned:"), (top, right, "Date of Injury:"),
        (top + 1905, left + 1_363_980, "01/31/2017"), (top + 1905, right + 1_243_330, "10/22/2016"),
        (top + LINE_EMU, left, " "),
        (top + 2 * LINE_EMU, left, "The injured worker is a 48 year old male who was"),
        (top + 3 * LINE_EMU, left, "hurt at work."),
    ]
    second = [(top, left, "CLINICAL CASE SUMMARY"), (top + LINE_EMU, left, "Page two starts here.")]
    document = read_bytes(as_docx_framed([first, second]), "docx")
    assert document.text.split("\n\n") == [
        "Date Assigned: 01/31/2017 Date of Injury: 10/22/2016",
        "The injured worker is a 48 year old male who was hurt at work.",
        "CLINICAL CASE SUMMARY",
        "Page two starts here.",
    ]
    assert document.page_of(document.text.index("Page two")) == 2


def test_docx_letterhead_of_a_few_text_boxes_leaves_the_letters_paragraphs_whole():
    from tests.support.variants import as_docx_framed

    letterhead = [[(0, 0, "MAXIMUS Federal Services"), (0, 3_000_000, "Folsom, CA"), (200_000, 0, "Phone 1-855-865-8873")]]
    body = tuple(f"Paragraph {n} of the letter, a whole paragraph of its own." for n in range(1, 12))
    document = read_bytes(as_docx_framed(letterhead, own_text="Dear Mr. Doe,", then=body), "docx")
    paragraphs = document.text.split("\n\n")
    assert paragraphs[0].startswith("Dear Mr. Doe,") and "Folsom, CA" in paragraphs[0]  # the boxes in the flow
    assert paragraphs[1:] == list(body)


def test_docx_paragraph_placing_a_page_of_boxes_keeps_its_own_text_first():
    from tests.support.variants import LINE_EMU, as_docx_framed

    page = [(914_400 + row * LINE_EMU, 914_400, f"Line {row} of the page") for row in range(10)]
    document = read_bytes(as_docx_framed([page], own_text="Notice of Independent Medical Review Determination"), "docx")
    assert document.text.startswith("Notice of Independent Medical Review Determination\n\nLine 0 of the page Line 1")


def test_docx_text_box_with_an_unreadable_position_is_left_out_not_a_crash():
    from tests.support.variants import LINE_EMU, as_docx_framed

    page = [(914_400 + row * LINE_EMU, 914_400, f"Line {row} of the page.") for row in range(10)]
    source, damaged = zipfile.ZipFile(io.BytesIO(as_docx_framed([page]))), io.BytesIO()
    with zipfile.ZipFile(damaged, "w") as out:
        for item in source.infolist():
            part = source.read(item)
            if item.filename == "word/document.xml":
                part = part.replace(b"<wp:posOffset>914400</wp:posOffset>", b"<wp:posOffset>left</wp:posOffset>", 1)
                assert b">left<" in part
            out.writestr(item, part)
    document = read_bytes(damaged.getvalue(), "docx")
    assert "Line 1 of the page." in document.text and "Line 9 of the page." in document.text
