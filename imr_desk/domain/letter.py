"""The letter record: the extraction shape plus the fields a mailed letter needs."""

from __future__ import annotations

import copy
from typing import Any

from imr_desk.domain.validation import expected_final_determination

#: An IMR case number as letters print it: "CM16-0237844".
CASE_NUMBER = r"[A-Z]{2}\d{2}-\d{5,8}"

# The headings of a letter's sections, as the readers and the extractor both look for them.
SECTION_NUMBER = r"(?:(?:[IVX]{1,4}|\d{1,2})[.)]\s+)?"  # a section's own number: "2. ", "II. "
HOW_HEADING = r"HOW\s+THE\s+IMR\s+FINAL\s+DETERMINATION\s+WAS\s+MADE"
SUMMARY_HEADING = r"CLINICAL\s+CASE\s+SUMMARY"
ISSUES_HEADING = (  # "IMR ISSUES, DECISIONS AND RATIONALES" in its spellings, and the earliest letters' heading
    r"IMR\s+ISSUES?(?:\(S\))?,?\s+DECISIONS?(?:\(S\))?,?\s+(?:AND|&)\s+RATIONALES?(?:\(S\))?"
    r"|IMR\s+DECISIONS?\(?S?\)?\s+AND\s+RATIONALES?\(?S?\)?"
    r"|INDEPENDENT\s+MEDICAL\s+REVIEW\s+DECISION\s+AND\s+RATIONALE"
)
DOCUMENTS_HEADING = r"DOCUMENTS\s+REVIEWED"
# The sentence that introduces the items: "The Final Determination was based on decisions for …".
ITEMS_INTRO = r"The\s+Final\s+Determination\s+was\s+based"

# The labels of the public cover-page header, by field; each spelling starts with a letter.
HEADER_LABELS: dict[str, tuple[str, ...]] = {
    "case_number": (r"Case\s+(?:Number|No\.?)", r"IMR\s+Case\s+(?:Number|No\.?)"),
    "date_assigned": (r"Date\s+Assigned",),
    "date_of_injury": (r"Date\s+of\s+Injury",),
    "decision_date": (r"Decision\s+Date",),
    "ur_denial_date": (r"UR\s+Denial\s+Date",),
    "priority": (r"Priority",),
    "application_received": (r"Application\s+Received",),
    "claim_number": (r"Claims?\s+(?:Number|No\.?|\#)",),  # "#" escaped: the readers use these in verbose patterns
    "employee_name": (r"Employee(?:\s+Name)?",),
}

# The labels of an item's paragraphs, matched ignoring case: "Claims Administrator guideline:",
# "MAXIMUS guideline:", "Decision rationale:"; also in the plural, as "Guideline(s)" or
# "Guideline Used", possessive ("Claims Administrator's", "MAXIMUS'"), and "Rationale:" alone.
_GUIDELINE = r"\s+guidelines?(?:\(s\))?(?:\s+used)?\s*:"
CA_GUIDELINE_LABEL = rf"Claims\s+Administrator(?:'s?)?{_GUIDELINE}"
MAXIMUS_GUIDELINE_LABEL = rf"MAXIMUS(?:'s?)?{_GUIDELINE}"
RATIONALE_LABEL = r"(?:Decision\s+)?rationale\s*:"
REVIEWER = r"(?:Expert|Physician|Professional)\s+Reviewer"
REVIEWER_RATIONALE_LABEL = rf"(?:(?:The\s+)?{REVIEWER}(?:'s)?\s+decision\s+rationale|Rationale\s+Used\s+by\s+the\s+{REVIEWER})\s*:"
# The earlier labels, a sentence each: "The Claims Administrator based its decision on …",
# "Medical Treatment Guideline(s) the Expert Reviewer based his/her decision on:", or a line
# ahead of that sentence: "Guidelines Used in Utilization Review (UR) Decision",
# "Medical Treatment Guideline(s) Used by the Expert Reviewer:".
CA_BASED = r"The\s+Claims\s+Administrator\s+based\s+its\s+(?:decision|determination)\s+on"
UR_GUIDELINES_LABEL = r"Guidelines?(?:\(s\))?\s+Used\s+in\s+(?:the\s+)?Utilization\s+Review(?:\s+\(UR\))?\s+Decision\b\s*:?"
GUIDELINES_OF = r"Medical\s+Treatment\s+Guideline(?:s|\(s\))?\s+(?:that\s+)?"
GUIDELINES_OF_LABEL = rf"{GUIDELINES_OF}(?:Used\s+by\s+)?the\s+(?:Claims|Expert|Physician|Professional)"  # how that label starts
# Shorter: "Guideline(s) Used by the Claims Administrator:", "Guideline(s) Used by the Expert Reviewer:".
GUIDELINES_USED_BY = r"Guidelines?(?:\(s\))?\s+Used\s+by\s+the\s+"
GUIDELINES_USED_BY_LABEL = rf"{GUIDELINES_USED_BY}(?:Claims\s+Administrator|{REVIEWER})\s*:"


# What the first sentence of a partly certified request's heading says: "X was the original
# request. Y was authorized …", or "… authorized Y, leaving the original request IMR eligible."
ORIGINAL_REQUEST_STATED = r"(?:(?:was|were)\s+the|leaving\s+the)\s+original\s+request\b"

#: The words a line (or a broken heading's first part) may end with only where its sentence goes on.
JOINING_WORDS = frozenset((
    "and", "or", "of", "to", "the", "a", "an", "for", "at", "on", "in", "with", "between", "from", "by", "dated",
))


def ends_mid_phrase(text: str) -> bool:
    """Does ``text`` end with a comma or a joining word, its sentence going on?"""
    return text[-1:] == "," or last_word(text) in JOINING_WORDS


def last_word(text: str) -> str:
    """The last word of ``text`` (of a short word, at least), in lower case."""
    return text[-9:].rpartition(" ")[2].lower()


#: How a decision word ends, in lower case: a cheap test before a decision pattern.
DECISION_ENDINGS = ("pheld", "rturned")


def decision_search_start(text: str) -> int:
    """Where a search for the decision that ends ``text`` ("…#120:  Upheld", "… - Overturned.",
    "… (Upheld)") need start: two characters before the spaces and "(" ahead of its last word;
    -1 when ``text`` does not end with "upheld" or "overturned" (any case).

    A decision pattern's prefix (":", " -", two spaces) is at most two characters, so a search
    from here finds what one from further back would, without trying every position."""
    body = text.rstrip(" .)")
    end = body[-10:].lower()
    if end.endswith("upheld"):
        at = len(body) - 6
    elif end.endswith("overturned"):
        at = len(body) - 10
    else:
        return -1
    while at > 0 and (text[at - 1].isspace() or text[at - 1] == "("):
        at -= 1
    return max(0, at - 2)

#: Fields beyond extraction, edited like any other.
EXTRA_FIELDS: dict[str, Any] = {
    "case": {"case_number": None, "claim_number": None, "employee_name": None},
    "letter": {"date": None, "mailed_on": None},
    "recipients": [],
}

#: Keys of an extraction that are not letter values (kept beside them in the store).
NON_VALUE_KEYS = ("source", "text", "spans", "warnings")


def letter_values(extraction: dict[str, Any], *, share: bool = False) -> dict[str, Any]:
    """The editable values of a letter: the extraction's values plus the extra fields.

    The values are copied unless ``share`` says the extraction is not used elsewhere.
    """
    values = {k: v for k, v in extraction.items() if k not in NON_VALUE_KEYS}
    if not share:
        values = copy.deepcopy(values)
    case = values.get("case") or {}
    values["case"] = {**EXTRA_FIELDS["case"], **case}
    values.setdefault("letter", dict(EXTRA_FIELDS["letter"]))
    values.setdefault("recipients", [])
    return values


def refresh_final_determination(values: dict[str, Any]) -> None:
    """Recompute the final determination from the items."""
    values["final_determination"] = expected_final_determination(values.get("items") or [])


def queue_columns(values: dict[str, Any]) -> dict[str, Any]:
    """The columns the queue sorts and filters on, derived from the current values."""
    case = values.get("case") or {}
    patient = values.get("patient") or {}
    injury = values.get("injury") or {}
    letter = values.get("letter") or {}
    return {
        "case_number": case.get("case_number"),
        "employee_name": case.get("employee_name"),
        "patient_age": patient.get("age"),
        "patient_sex": patient.get("sex"),
        "injury_date": injury.get("date"),
        "ur_decision_date": values.get("ur_decision_date"),
        "final_determination": values.get("final_determination"),
        "item_count": len(values.get("items") or []),
        "requests": "\n".join((item.get("request") or "") for item in values.get("items") or []),
        "mailed_on": letter.get("mailed_on"),
    }
