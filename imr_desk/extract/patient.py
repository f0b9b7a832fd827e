"""Patient age and sex from the clinical case summary."""

from __future__ import annotations

import re

from imr_desk.extract.collector import Collector

_AGE = re.compile(
    r"\b(?P<a>\d{1,3})[\s-]*(?:years?|yrs?\.?)[\s-]*(?:old\b|of\s+age\b)"
    r"|\b(?P<b>\d{1,3})\s*(?:y/o|y\.o\.|yo)\b"
    r"|\b(?:aged?|age\s+of)\s*:?\s*(?P<c>\d{1,3})\b",
    re.IGNORECASE,
)
_FEMALE = r"female|woman|lady|girl|mrs\.|ms\."
_MALE = r"male|man|gentleman|boy|mr\."
_SEX_WORD = re.compile(rf"\b(?:(?P<f>{_FEMALE})|(?P<m>{_MALE}))(?![\w/])", re.IGNORECASE)
# Pronouns, but never the reviewer boilerplate "He/she", "his/her", "s/he", "he or she".
_PRONOUN = re.compile(
    r"(?<![/\w])(?:(?P<f>she|her|hers|herself)|(?P<m>he|him|his|himself))(?![\w/])(?!\s+or\s+(?:she|he|her|his)\b)",
    re.IGNORECASE,
)
_STOP = re.compile(r"\.\s|\n")
_PAIRED = re.compile(r"\b(?:he|she|his|her|him)\s*(?:/|or)\s*(?:he|she|his|her|him)\b", re.IGNORECASE)


def extract_patient(text: str, start: int, end: int, out: Collector) -> None:
    age_match = _AGE.search(text, start, end)
    if age_match:
        group = next(g for g in "abc" if age_match.group(g))
        age = int(age_match.group(group))
        out.put("patient.age", age, age_match.span(group))
    else:
        out.warn("patient.age", "no patient age found in the case summary")

    sex, span = _sex(text, start, end, age_match.end() if age_match else start)
    out.put("patient.sex", sex, span)
    if sex is None:
        out.warn("patient.sex", "the case summary does not say the patient's sex")


def _sex(text: str, start: int, end: int, after_age: int) -> tuple[str | None, tuple[int, int] | None]:
    """A sex word right after the age wins; else the pronouns of the summary, by majority."""
    sentence_end = _sentence_end(text, after_age, end)
    word = _SEX_WORD.search(text, after_age, sentence_end) or _SEX_WORD.search(text, start, end)
    if word:
        return ("female" if word.group("f") else "male"), word.span()
    counts = {"female": [], "male": []}
    masked = _PAIRED.sub(lambda m: " " * len(m.group(0)), text[start:end])
    for m in _PRONOUN.finditer(masked):
        counts["female" if m.group("f") else "male"].append((start + m.start(), start + m.end()))
    female, male = len(counts["female"]), len(counts["male"])
    if female == male:
        return None, None
    winner = "female" if female > male else "male"
    if min(female, male) * 3 > max(female, male):
        return None, None
    return winner, counts[winner][0]


def _sentence_end(text: str, start: int, limit: int) -> int:
    m = _STOP.search(text, start, limit)
    return m.start() if m else limit
