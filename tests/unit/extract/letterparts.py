"""Letters built of parts in the family's layout, extracted as a user's file would be."""

from __future__ import annotations

from imr_desk.extract import extract_text
from imr_desk.readers import read_bytes
from tests.support.variants import as_export, hard_wrapped
from tests.unit.extract.spancheck import span_problems

BOILER = (
    "MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no "
    "affiliation with the employer, employee, providers or the claims administrator. {cred} He/she "
    "has been in active clinical practice for more than five years. He/she is familiar with governing laws."
)


def letter(
    cred: str, summary: str, items: str, heading: str = "IMR ISSUES, DECISIONS AND RATIONALES",
    footer_after: int | None = None, wrapped: bool = False,
) -> dict:
    """Extract a letter built of these parts; with ``footer_after``, in the public export
    layout with a page break and its footer word after that line; ``wrapped``, in lines
    hard-wrapped as a PDF's text reads."""
    text = (
        "HOW THE IMR FINAL DETERMINATION WAS MADE\n\n" + BOILER.format(cred=cred) + "\n\n"
        "CLINICAL CASE SUMMARY\n\nThe expert reviewer developed the following clinical case summary based on "
        "a review of the case file, including all medical records:\n\n" + summary + "\n\n" + heading + "\n\n"
        "The Final Determination was based on decisions for the disputed items/services set forth below:\n\n" + items
    )
    if footer_after is not None:
        text = as_export(text, footer_after=footer_after)
    if wrapped:
        text = hard_wrapped(text)
    result = read_bytes(text.encode(), "txt")
    out = extract_text(result.text).as_dict()
    assert span_problems(out) == []
    return out


ITEM = (
    "{heading}\n\nClaims Administrator guideline: Decision based on MTUS.\n\n"
    "MAXIMUS guideline: Decision based on ODG.\n\nDecision rationale: {why}\n\n"
)
