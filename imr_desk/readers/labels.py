"""Labels that start a line of their own in a letter: credentials, guideline citations,
the cover header's fields. The readers keep a line that starts with one apart from the line
before it."""

from __future__ import annotations

from imr_desk.domain.letter import (
    CA_BASED, GUIDELINES_OF_LABEL, GUIDELINES_USED_BY_LABEL, HEADER_LABELS, ITEMS_INTRO, REVIEWER, UR_GUIDELINES_LABEL,
)

#: Each starting with a plain letter, or with ``\d`` for a numbered one.
_LABEL_FORMS = (
    r"States?(?:\(s\))?\s+of\s+Licensure", r"Certifications?(?:\(s\))?\s*/\s*Specialt", r"Specialt(?:y|ies)\s*:",
    r"Licensure\s*:", r"Licensed\s+in\s*:", r"Board\s+Certifi(?:cations?(?:\(s\))?|ed\s+in)\s*:",
    r"Specialty\s+Certifications?(?:\(s\))?\s*:",
    r"Claims\s+Administrator(?:'s?)?\s+guideline", r"MAXIMUS(?:'s?)?\s+guideline", r"Decision\s+rationale", r"Rationale\s*:",
    *(  # each by its first word, so the forms group by initial (see _by_initial)
        rf"{who}\s+Reviewer(?:'s)?\s+decision\s+rationale"
        for who in (r"The\s+(?:Expert|Physician|Professional)", "Expert", "Physician", "Professional")
    ),
    CA_BASED, rf"The\s+{REVIEWER}\s+based\s+(?:his|her|their)",
    *(rf"{form}\s*:" for forms in HEADER_LABELS.values() for form in forms), r"Provider(?:\s+Name)?\s*:",
    r"Treatment\(?s?\)?\s+in\s+Dispute", r"Dated\s*:",
    r"The\s+Expert\s+Reviewer\s+has\s+the\s+following\s+credentials", ITEMS_INTRO,
    r"The\s+expert\s+reviewer\s+developed\s+the\s+following", r"Medical\s+Qualifications\s+of\s+the\s+Expert\s+Reviewer",
    r"Case\s+Summary\s*:", r"Disclaimer\s*:", r"Expert\s+Reviewer\s+Case\s+Summary",
    r"Documents\s+Reviewed(?:\s+for\s+(?:this\s+)?Determination)?\s*:",
    GUIDELINES_OF_LABEL, GUIDELINES_USED_BY_LABEL, UR_GUIDELINES_LABEL,
    r"Rationale\s+for\s+the\s+Decision\s*:", rf"Rationale\s+Used\s+by\s+the\s+{REVIEWER}",
    r"Regarding\s+the\s+requests?\s+for\s", r"\d{1,2}\s*[.)]\s*Regarding\s+the\s+requests?\s+for\s",
)


def _by_initial(forms: tuple[str, ...]) -> str:
    """One alternation of ``forms``, those that start with a letter grouped by it: the regex
    engine then tries one group per line instead of every form."""
    groups: dict[str, list[str]] = {}
    for form in forms:
        head = form[0] if form[0].isalpha() else form  # a numbered form stands alone
        groups.setdefault(head, []).append(form[len(head) :])
    return "(?:" + "|".join(head + (f"(?:{'|'.join(rests)})" if rests != [""] else "") for head, rests in groups.items()) + ")"


LABELS = _by_initial(_LABEL_FORMS)
#: The characters a label starts with (a cheap test before the pattern).
LABEL_INITIALS = frozenset(
    ch for form in _LABEL_FORMS for ch in ("0123456789" if form.startswith(r"\d") else form[0].upper())
)
