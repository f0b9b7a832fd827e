"""Patient age and sex from the clinical case summary."""

from __future__ import annotations

import re

from imr_desk.extract.collector import Collector
from imr_desk.extract.quantity import NUMBER_WORD, number
from imr_desk.extract.scan import lowered, words_at_start

_AGE = re.compile(
    r"\b(?P<a>\d{1,3})[\s-]*(?:years?|yrs?\.?)[\s-]*(?:old\b|of\s+age\b)"
    r"|\b(?P<b>\d{1,3})\s*(?:y/o|y\.\s?o\.?|yo)(?![A-Za-z0-9])"
    r"|\b(?:aged?|age\s+of)\s*:?\s*(?P<c>\d{1,3})\b",
    re.IGNORECASE,
)
_YOUNGEST_WORKER = 14
_WORD_AGE = re.compile(rf"\b(?P<w>{NUMBER_WORD})[\s-]*(?:years?|yrs?\.?)[\s-]*old\b", re.IGNORECASE)
# Lower-case and literal-first (see extract.scan); a match must also start a word.
_SEX_WORDS = {
    "female": "female", "woman": "female", "lady": "female", "girl": "female", "mrs.": "female", "ms.": "female",
    "male": "male", "man": "male", "gentleman": "male", "boy": "male", "mr.": "male",
}
_SEX_WORD = re.compile(r"(?:female|woman|lady|girl|mrs\.|ms\.|male|man|gentleman|boy|mr\.)(?![\w/])")
# Pronouns, but never the reviewer boilerplate "He/she", "his/her", "s/he", "he or she".
_FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
_PRONOUN = re.compile(r"(?:she|hers|herself|her|he|him|himself|his)(?![\w/])(?!\s+or\s+(?:she|he|her|his)\b)")
_PAIRED = re.compile(r"(?:he|she|his|her|him)\s*(?:/|or)\s*(?:he|she|his|her|him)\b")
# A sex abbreviated to its capital letter right after the age, as in clinicians' shorthand.
_SEX_LETTER = re.compile(r"[ \t]*,?[ \t]*([FM])(?![\w/'-])(?!\.\w)")
_SEX_LETTERS = {"F": "female", "M": "male"}
_STOP = re.compile(r"\.\s|\n")


# What an age may describe besides the patient: "her 70-year-old mother", "a 2-year-old MRI".
_NOT_THE_PATIENT = (
    "mother", "father", "son", "daughter", "wife", "husband", "spouse", "child", "brother", "sister", "grand",
    "partner", "boyfriend", "girlfriend", "parent", "relative", "friend", "co-worker", "coworker",
)


def _patient_age(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first age that is the patient's now: not a relative's, not a child's or a thing's,
    not the age at some past event ("injured at age 40"); else the first age written."""
    first = m = _AGE.search(text, start, end)
    while m is not None:
        after = text[m.end() : m.end() + 14].lstrip(" -").lower()
        before = text[max(start, m.start() - 8) : m.start()].lower().split()
        if (
            int(m.group(m.lastgroup or "a")) >= _YOUNGEST_WORKER  # each alternative has one group
            and not after.startswith(_NOT_THE_PATIENT)
            and before[-1:] != ["at"] and before[-2:] != ["at", "the"]
        ):
            return m
        m = _AGE.search(text, m.end(), end)
    return first


def extract_patient(text: str, start: int, end: int, low: str, out: Collector) -> None:
    """Fill ``patient.age`` and ``patient.sex`` from the case summary ``text[start:end]``
    (``low``: its lower-case copy)."""
    age_match = _patient_age(text, start, end)
    before = age_match.start() if age_match else end
    in_words = (  # "a fifty-two year old", written before any age in digits
        _WORD_AGE.search(text, start, before)
        if low.find("year", 0, before - start) >= 0 or low.find("yr", 0, before - start) >= 0
        else None
    )
    if in_words and (number(in_words.group("w")) or 0) >= _YOUNGEST_WORKER:  # not "a one year old injury"
        age_match = in_words
    if age_match:
        group = age_match.lastgroup or "a"  # the one group an age pattern matched
        age = number(age_match.group(group))
        out.put("patient.age", age, age_match.span(group))
    else:
        out.warn("patient.age", "no patient age found in the case summary")

    sex, span = _sex(text, start, end, low, age_match.end() if age_match else None)
    out.put("patient.sex", sex, span)
    if sex is None:
        out.warn("patient.sex", "the case summary does not say the patient's sex")


def _sex(text: str, start: int, end: int, low: str, after_age: int | None) -> tuple[str | None, tuple[int, int] | None]:
    """Right after the age, a sex word or its letter ("52yo F") wins; else the pronouns of
    the summary, by majority. ``after_age`` is None when the summary gives no age."""
    letter = _SEX_LETTER.match(text, after_age, end) if after_age is not None else None
    if letter:
        return _SEX_LETTERS[letter.group(1)], letter.span(1)
    after_age = start if after_age is None else after_age
    sentence_end = _sentence_end(text, after_age, end)
    before = max(after_age - 1, 0)  # one character more, to see whether a word starts at after_age
    first = lowered(text[before:sentence_end])
    word = next(words_at_start(_SEX_WORD, first, after_age - before, len(first)), None)
    if word:
        return _SEX_WORDS[word.group()], (before + word.start(), before + word.end())
    word = next(words_at_start(_SEX_WORD, low, 0, len(low)), None)
    if word:
        return _SEX_WORDS[word.group()], (start + word.start(), start + word.end())
    pieces, pos = [], 0
    for m in words_at_start(_PAIRED, low, 0, len(low)):
        pieces += [low[pos : m.start()], " " * (m.end() - m.start())]
        pos = m.end()
    masked = "".join(pieces) + low[pos:]
    counts: dict[str, list[tuple[int, int]]] = {"female": [], "male": []}
    for m in words_at_start(_PRONOUN, masked, 0, len(masked), also_not_after="/"):
        counts["female" if m.group() in _FEMALE_PRONOUNS else "male"].append((start + m.start(), start + m.end()))
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
