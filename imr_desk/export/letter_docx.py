"""Render a letter's values into the template: RE block, determination, items, how made, cc."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path
from typing import Any

import docx
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor
from docx.text.paragraph import Paragraph

from imr_desk.export.text import add_text, xml_safe

MARKERS = ("{{addressee}}", "{{re_block}}", "{{determination}}", "{{items_table}}", "{{how_made}}", "{{cc}}")
DRAFT_MARK = "DRAFT — not for mailing"


def _us(iso: str | None) -> str:
    if not iso:
        return ""
    try:
        day = date.fromisoformat(iso)
        return f"{day:%B} {day.day}, {day.year}"
    except ValueError:
        return iso


def render(template: Path, letter: dict[str, Any], *, draft: bool = False, addressee: int = 0) -> Document:
    """The letter as a Document; ``addressee`` picks the recipient it is addressed to."""
    document = docx.Document(str(template))
    recipients = [r for r in letter.get("recipients") or [] if (r.get("name") or r.get("address"))]
    to = recipients[addressee] if 0 <= addressee < len(recipients) else None
    others = [r for i, r in enumerate(recipients) if i != addressee]
    letter_info = letter.get("letter") or {}
    inline = {
        "{{letter_date}}": _us(letter_info.get("date") or date.today().isoformat()),
        "{{salutation_name}}": (to or {}).get("name") or "Sir or Madam",
        "{{mailed_on}}": _us(letter_info.get("mailed_on")) or "the mailing date",
    }
    for paragraph in list(_all_paragraphs(document)):
        text = paragraph.text
        marker = text.strip()
        if marker in MARKERS:
            _fill(document, paragraph, marker, letter, to, others)
        elif "{{" in text:
            for key, value in inline.items():
                text = text.replace(key, value)
            _set_text(paragraph, text)
    if draft:
        _mark_draft(document)
    return document


def _all_paragraphs(document: Document):
    yield from document.paragraphs


def _set_text(paragraph: Paragraph, text: str) -> None:
    """Replace a paragraph's text, keeping the first run's formatting."""
    runs = paragraph.runs
    if not runs:
        paragraph.add_run(xml_safe(text))
        return
    runs[0].text = xml_safe(text)
    for run in runs[1:]:
        run._r.getparent().remove(run._r)


def _after(paragraph: Paragraph) -> Paragraph:
    """A new paragraph right after ``paragraph`` (the document keeps its order)."""
    new = OxmlElement("w:p")
    paragraph._p.addnext(new)
    return Paragraph(new, paragraph._parent)


def _fill(document: Document, marker: Paragraph, key: str, letter: dict, to: dict | None, others: list[dict]) -> None:
    """Put generated content where the marker paragraph stands, then remove the marker."""
    writer = _Writer(marker)
    if key == "{{addressee}}":
        if to:
            writer.lines([to.get("name") or ""] + list(to.get("address") or []))
    elif key == "{{re_block}}":
        writer.re_block(letter)
    elif key == "{{determination}}":
        writer.determination(letter)
    elif key == "{{items_table}}":
        writer.items_table(document, letter.get("items") or [])
    elif key == "{{how_made}}":
        writer.how_made(letter)
    elif key == "{{cc}}":
        if others:
            writer.lines(["cc:"] + [", ".join(filter(None, [r.get("name"), _role(r)])) for r in others])
    marker._p.getparent().remove(marker._p)


def _role(recipient: dict) -> str:
    role = recipient.get("role") or ""
    return role.capitalize() if role else ""


class _Writer:
    """Adds paragraphs one after another, starting where a marker stands."""

    def __init__(self, anchor: Paragraph) -> None:
        self.last = anchor

    def paragraph(self, text: str = "", *, bold: bool = False, style: str | None = None) -> Paragraph:
        paragraph = _after(self.last)
        if style:
            paragraph.style = style
        if text:
            add_text(paragraph, text, bold=bold)
        self.last = paragraph
        return paragraph

    def lines(self, lines: list[str]) -> None:
        self.paragraph("\n".join(line for line in lines if line))

    def labelled(self, label: str, value: str) -> None:
        if not value:
            return  # an empty field is left out, never printed as "None"
        paragraph = self.paragraph()
        add_text(paragraph, f"{label}: ", bold=True)
        add_text(paragraph, value)
        paragraph.paragraph_format.space_after = Pt(0)

    def re_block(self, letter: dict) -> None:
        case = letter.get("case") or {}
        injury = letter.get("injury") or {}
        start, end = _us(injury.get("date")), _us(injury.get("end_date"))
        self.paragraph("RE:", bold=True).paragraph_format.space_after = Pt(0)
        self.labelled("IMR case number", case.get("case_number") or "")
        self.labelled("Employee", case.get("employee_name") or "")
        self.labelled("Claim number", case.get("claim_number") or "")
        self.labelled("Date of injury", f"{start} through {end} (cumulative)" if start and end else start)
        self.labelled("Utilization Review decision", _us(letter.get("ur_decision_date")))
        self.labelled("Date assigned", _us(case.get("date_assigned")))
        self.labelled("Application received", _us(case.get("application_received")))
        self.labelled("Decision date", _us(case.get("decision_date")))
        self.paragraph()

    def determination(self, letter: dict) -> None:
        items = letter.get("items") or []
        final = letter.get("final_determination")
        if final == "upheld":
            text = ("The Utilization Review decision is upheld: none of the disputed items or services "
                    "is medically necessary and appropriate.")
        elif final == "overturned":
            text = ("The Utilization Review decision is overturned: all of the disputed items and services "
                    "are medically necessary and appropriate.")
        else:
            granted = [i.get("request") or "" for i in items if i.get("decision") == "overturned"]
            text = ("The Utilization Review decision is partially overturned: some of the disputed items "
                    "or services are medically necessary and appropriate — " + "; ".join(granted) + " — "
                    "and the others are not.")
        self.paragraph("Final determination", style="Heading 2")
        self.paragraph(text)

    def items_table(self, document: Document, items: list[dict]) -> None:
        table = document.add_table(rows=1, cols=2)
        table.style = "Table Grid"
        header = table.rows[0]
        for cell, title in zip(header.cells, ("Disputed item or service", "Decision")):
            cell.text = ""
            add_text(cell.paragraphs[0], title, bold=True)
        _repeat_header(header)
        for item in items:
            row = table.add_row()
            _keep_row_together(row)
            add_text(row.cells[0].paragraphs[0], item.get("request") or "")
            decision = item.get("decision") or ""
            add_text(row.cells[1].paragraphs[0], decision.capitalize())
        table.autofit = False
        for column, width in zip(table.columns, (Inches(4.7), Inches(1.5))):
            column.width = width  # the grid, which LibreOffice and Word lay out by
            for cell in column.cells:
                cell.width = width
        self.last._p.addnext(table._tbl)
        spacer = OxmlElement("w:p")
        table._tbl.addnext(spacer)
        self.last = Paragraph(spacer, self.last._parent)

    def how_made(self, letter: dict) -> None:
        reviewer = letter.get("reviewer") or {}
        specialties = _join(reviewer.get("specialties") or [])
        states = _join(reviewer.get("licensure_states") or [])
        credentials = "The expert reviewer"
        if specialties:
            credentials += f" is certified in {specialties}"
        if states:
            credentials += (" and" if specialties else "") + f" is licensed to practice in {states}"
        self.paragraph(credentials + ".")
        summary = letter.get("clinical_case_summary")
        if summary:
            self.paragraph("Clinical case summary", bold=True)
            for part in summary.split("\n\n"):
                self.paragraph(part)
        for number, item in enumerate(letter.get("items") or [], start=1):
            decision = (item.get("decision") or "no decision").capitalize()
            self.paragraph(f"{number}. {item.get('request') or ''}: {decision}", bold=True)
            self.labelled("Claims Administrator guideline", item.get("claims_administrator_guideline") or "")
            self.labelled("Reviewer guideline", item.get("maximus_guideline") or "")
            rationale = item.get("rationale")
            if rationale:
                paragraph = self.paragraph()
                add_text(paragraph, "Decision rationale: ", bold=True)
                add_text(paragraph, rationale)


def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    properties.append(flag)


def _keep_row_together(row) -> None:
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))


def _mark_draft(document: Document) -> None:
    """DRAFT in every page's header (every section, first and even pages too)."""
    for section in document.sections:
        for header in (section.header, section.first_page_header, section.even_page_header):
            first = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
            mark = copy.deepcopy(first._p)
            first._p.addprevious(mark)
            paragraph = Paragraph(mark, first._parent)
            _set_text(paragraph, DRAFT_MARK)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = paragraph.runs[0]
            run.bold = True
            run.font.size = Pt(14)
            run.font.color.rgb = RGBColor(0xC9, 0x2A, 0x2A)
