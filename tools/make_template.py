"""Build resources/templates/determination.docx, the letterhead an office edits in Word.

Markers the export fills: whole paragraphs {{re_block}}, {{determination}},
{{items_table}}, {{how_made}}, {{cc}}, {{addressee}}; inline {{letter_date}},
{{salutation_name}}, {{mailed_on}}. Everything else is the office's own text: edit the
letterhead, the appeal-rights wording and the signature block freely, keep the markers.

    python tools/make_template.py
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

OUT = Path(__file__).resolve().parent.parent / "resources" / "templates" / "determination.docx"


def field(paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word updates itself."""
    run = paragraph.add_run()
    begin, text, end = OxmlElement("w:fldChar"), OxmlElement("w:instrText"), OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(text)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run._r.append(separate)
    shown = OxmlElement("w:t")
    shown.text = "1"
    run._r.append(shown)
    run._r.append(end)


def main() -> None:
    document = docx.Document()
    styles = document.styles
    styles["Normal"].font.name = "Liberation Serif"
    styles["Normal"].font.size = Pt(11)
    styles["Heading 2"].font.size = Pt(12)
    styles["Heading 2"].font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)

    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.text = "Independent Medical Review — Reviewer Office"
    header.runs[0].bold = True
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    address = section.header.add_paragraph("Return address · City, CA 00000 · (000) 000-0000")
    address.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Final Determination — Page ")
    field(footer, "PAGE")
    footer.add_run(" of ")
    field(footer, "NUMPAGES")

    document.add_paragraph("{{letter_date}}")
    document.add_paragraph("{{addressee}}")
    document.add_paragraph("{{re_block}}")
    document.add_paragraph("Dear {{salutation_name}}:")
    document.add_paragraph("{{determination}}")
    document.add_paragraph("{{items_table}}")
    document.add_heading("Your right to appeal", level=2)
    document.add_paragraph(
        "This determination is final unless it is appealed. You may appeal it by filing a "
        "petition with the Workers' Compensation Appeals Board within 30 days of the date this "
        "letter was mailed ({{mailed_on}}). An appeal may be based only on the grounds listed "
        "in California Labor Code section 4610.6(h), such as fraud, a conflict of interest, "
        "bias, or a plainly erroneous finding of fact that is not a matter of expert opinion."
    )
    document.add_heading("How the determination was made", level=2)
    document.add_paragraph("{{how_made}}")
    document.add_paragraph("Sincerely,").paragraph_format.keep_with_next = True
    document.add_paragraph("\n\nReviewer Office\nIndependent Medical Review")
    document.add_paragraph("{{cc}}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    document.save(OUT)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
