"""The count a request asks for: "#120", "QTY: 60.00", "Twelve visits", "2x6", "(8)".

Convention: an explicit total in parentheses wins (not digits restating a number word:
"two (2)"); then a dispensed count (#N, QTY, No. N); then "N sessions/visits/…" (not a rate: "2
visits per week"); then "A times/visits a week for B weeks" / "A x B weeks" / "A x B" →
A×B; then "x N" / "times N". Refills are never multiplied in; strengths, dosages,
percentages, dates, spinal levels and what the review decided ("#60 (modified to #30)") are
never quantities; last, a count after its unit ("Psychotherapy sessions, 6") or one that
opens the request ("1 MRI of the lumbar spine", "One (1) lumbar brace").
None when the request names no count.
"""

from __future__ import annotations

import re

_DECIMAL_COUNT = re.compile(r"\d+\.0+")
_WORD_PARTS = re.compile(r"[\s-]+")
_UNITS_ONES = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "single": 1, "once": 1, "twice": 2, "thrice": 3, "a": 1, "an": 1,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
#: An English number word from one to ninety-nine ("Twelve", "twenty-four").
NUMBER_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen)"
)
_NUM = rf"(?:\d+(?:\.0+)?|{NUMBER_WORD})"
_COUNT_UNIT = (
    r"(?:sessions?|visits?|treatments?|days?|units?|tablets?|tabs?|capsules?|caps?|pills?|patch(?:es)?"
    r"|injections?|applications?|bottles?|boxes|tubes?|pairs?|appointments?|classes|count|hours?\s+of\s+\w+|hours?(?=\s*(?:[,;)]|$))"
    r"|months?\s+(?:of\s+)?(?:rental|supply|use)|weeks?\s+(?:of\s+)?(?:rental|supply|use))"
)
_NOT_AFTER = r"(?!\s*(?:mg|mcg|ml|g|gm|cm|mm|%|refills?|hours?|hrs?|mins?|minutes?|weeks?|months?|years?)\b)"

# Words that may stand between a number and its unit ("Twelve physical therapy visits"),
# but never rates or durations ("4 hours per day").
_FILLER = r"(?!(?:per|a|an|each|every|hours?|hrs?|times?|weeks?|months?|days?|years?|x)\b)"

_PARENS = re.compile(rf"\(\s*(?P<n>{_NUM})[\s-]*(?:total\s+)?(?:{_COUNT_UNIT})?\s*(?:total)?\s*\)", re.IGNORECASE)
_DISPENSED = re.compile(
    r"(?:#\s*(?P<a>\d+)(?:\.0+)?(?![\d/])"
    r"|(?:\b(?:qty|quantity|number)\b\s*(?:of\s*)?[:#]?|\bno\.)\s*(?P<b>\d+)(?:\.0+)?(?![\d/]))",  # "No. 120"
    re.IGNORECASE,
)
# A count is no rate: "2 visits per week" counts nothing until "for 6 weeks".
_NOT_A_RATE = r"(?!\s*(?:(?:a|per|/|each|every)\s*(?:week|wk|day|month)\b|(?:weekly|daily|monthly)\b))"
_COUNT = re.compile(
    rf"(?<![\d./-])\b(?P<n>{_NUM})\b(?![./-]\d)\s+(?:{_FILLER}[A-Za-z][A-Za-z'-]*\s+){{0,3}}?(?:{_COUNT_UNIT})\b"
    + _NOT_A_RATE,
    re.IGNORECASE,
)
_PER_WEEK = re.compile(
    rf"\b(?P<a>{_NUM}|once|twice|thrice)\s*(?:x|times?|visits?|sessions?|days?)?\s*(?:a|per|/|each)?\s*(?:week|wk)(?:ly)?\s*"
    rf"(?:x|for|times|over)\s*(?P<b>{_NUM})\s*(?:weeks?|wks?)\b",
    re.IGNORECASE,
)
# "2x6 weeks": so many a week, for so many weeks.
_TIMES_WEEKS = re.compile(
    rf"(?<![\d./-])\b(?P<a>{_NUM})\s*(?:x|times|\*)\s*(?P<b>{_NUM})\s*(?:weeks?|wks?)\b", re.IGNORECASE
)
_PRODUCT = re.compile(
    rf"(?<![\d./-])\b(?P<a>{_NUM})\s*(?:x|times|\*)\s*(?P<b>{_NUM})\b(?![./-]\d){_NOT_AFTER}", re.IGNORECASE
)
# A count after its unit: "Psychotherapy sessions, 6", "Acupuncture visits: 8".
_UNIT_FIRST = re.compile(
    rf"\b(?:sessions|visits|treatments)\s*[,:]?\s+(?P<n>\d{{1,3}}|{NUMBER_WORD})\b(?![./-]\d){_NOT_AFTER}(?!\s*(?:x|times?|per|/)\b)",
    re.IGNORECASE,
)
# A count that opens the request, as the earliest letters write: "Prospective request for 1 MRI of …",
# or in a word restated in digits: "One (1) lumbar brace".
_LEADING = re.compile(
    rf"^(?:(?:retrospective|prospective|concurrent)\s+request\s+for\s+)?(?:(?P<word>{NUMBER_WORD})\s*\(\s*)?(?P<n>\d{{1,3}})(?(word)\s*\))"
    rf"\s+(?=[A-Za-z]){_NOT_AFTER}(?!x\b|times\b)",
    re.IGNORECASE,
)
# A supply's length in parentheses is no total where a count is dispensed: "#120 (1 month supply)".
_DURATION = re.compile(r"day|week|month", re.IGNORECASE)
_TIMES_N = re.compile(rf"(?:\bx|\btimes)\s*(?P<n>\d+|{NUMBER_WORD})\b(?![./-]\d){_NOT_AFTER}", re.IGNORECASE)
# Digits in parentheses: a total ("(8)"), or a number word restated, as legal writing does:
# "two (2) times a week for six (6) weeks".
_PAREN_DIGITS = re.compile(r"\(\s*(\d+)\s*\)")
_REFILLS = re.compile(rf"(?:with\s+)?(?:{_NUM})\s+refills?|refills?\s*[:x#]?\s*\d+", re.IGNORECASE)


def number(word: str) -> int | None:
    """Digits or an English number word ("Twelve", "twenty-four") as an int."""
    word = word.strip().lower()
    if word.isdigit():
        return int(word)
    if _DECIMAL_COUNT.fullmatch(word):
        return int(float(word))
    if word in _UNITS_ONES:
        return _UNITS_ONES[word]
    parts = _WORD_PARTS.split(word)
    if parts and parts[0] in _TENS:
        return _TENS[parts[0]] + (_UNITS_ONES.get(parts[1], 0) if len(parts) > 1 else 0)
    return None


# Every count has a digit or a number word; a request with neither is passed over at once.
# (Two patterns: each starts with a literal or a class, so the scan skips ahead fast.)
_DIGIT = re.compile(r"\d")
_NUMBER_WORD_HINT = re.compile(r"one|two|thr|four|fiv|six|seven|eigh|nine|ten|elev|twel|twen|thir|fort|fift|once|twice")


def find_quantity(request: str) -> tuple[int, tuple[int, int]] | None:
    """(quantity, span within ``request``) or None when the request names no count."""
    if not (_DIGIT.search(request) or _NUMBER_WORD_HINT.search(request.lower())):
        return None
    unmasked_digits = _mask_refills(_mask_decided(request))
    masked = _mask_restated(unmasked_digits)
    m = _PARENS.search(masked)
    dispensed = _DISPENSED.search(masked)
    if m and (value := number(m.group("n"))) and not (dispensed and _DURATION.search(m.group())):
        return value, m.span("n")
    m = dispensed
    if m:
        group = "a" if m.group("a") else "b"
        value = int(m.group(group))
        if value > 0:
            return value, m.span(group)
    m = _COUNT.search(masked)
    if m and not _is_a_article(m.group("n")) and (value := number(m.group("n"))):
        return value, m.span()
    for pattern in (_PER_WEEK, _TIMES_WEEKS, _PRODUCT):
        m = pattern.search(masked)
        if m:
            a, b = number(m.group("a")), number(m.group("b"))
            if a and b:
                return a * b, m.span()
    m = _TIMES_N.search(masked)
    if m and (value := number(m.group("n"))):
        return value, m.span("n")
    m = _UNIT_FIRST.search(masked)
    if m and (value := number(m.group("n"))):
        return value, m.span("n")
    m = _LEADING.match(unmasked_digits)
    if m and (value := int(m.group("n"))):
        return value, m.span("n")
    return None


def _is_a_article(word: str) -> bool:
    return word.lower() in {"a", "an", "once", "twice", "thrice"}


def _mask_refills(text: str) -> str:
    """Blank out refill counts (same length, so spans stay valid)."""
    if "efill" not in text and "EFILL" not in text:
        return text
    return _REFILLS.sub(lambda m: " " * len(m.group(0)), text)


# What the review decided, in parentheses: "#60 (modified to #30)" asks for 60.
_DECIDED_COUNT = re.compile(r"\((?:modified|certified|authori[sz]ed|approved|non-?certified|denied)\b[^()]*\)", re.IGNORECASE)


def _mask_decided(text: str) -> str:
    """Blank out what the review decided (same length)."""
    if "(" not in text:
        return text
    return _DECIDED_COUNT.sub(lambda m: " " * len(m.group(0)), text)


def _mask_restated(text: str) -> str:
    """Blank out "(2)" after "two" (same length), so it is not taken for a total."""
    if "(" not in text:
        return text
    for m in _PAREN_DIGITS.finditer(text):
        before = text[: m.start()].rstrip().rsplit(None, 1)
        if before and number(before[-1].lower()) == int(m.group(1)) and not before[-1].isdigit():
            text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]
    return text
