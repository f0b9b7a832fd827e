"""The disputed items: heading (request + decision), both guideline citations, rationale."""

from __future__ import annotations

import re

from imr_desk.domain.dates import starts_with_date
from imr_desk.domain.letter import (
    CA_BASED, CA_GUIDELINE_LABEL, GUIDELINES_OF, GUIDELINES_USED_BY, ITEMS_INTRO, MAXIMUS_GUIDELINE_LABEL,
    ORIGINAL_REQUEST_STATED, RATIONALE_LABEL, REVIEWER, REVIEWER_RATIONALE_LABEL, UR_GUIDELINES_LABEL,
    decision_search_start, ends_mid_phrase,
)
from imr_desk.extract.collector import Collector
from imr_desk.extract.item_values import DECISION_LABEL_WORDS, ParsedItem, item_values, strip_trailing
from imr_desk.extract.sections import REGARDING, squash, trimmed

_DECISION = re.compile(
    r"(?:(?::|\s[-\u2014]|\s\s)\s*|^)(?P<d>upheld|overturned)\s*\.?\s*$"
    r"|(?<=\s)(?P<c>Upheld|Overturned|UPHELD|OVERTURNED)\s*$"
    r"|\s*\(\s*(?P<p>upheld|overturned)\s*\)\s*\.?\s*$",  # "Norco #90 (Upheld)"
    re.IGNORECASE,
)
# A decision stated in a sentence: "... the request for X is (not) medically necessary."
_SUBJECT = r"(?:the\s+request\s+for\s+)?(?P<req>.+?)(?:\s+(?:is|are|was|were)\s+|\s*:\s*)"  # "X is …", "X: …"
_NECESSARY = r"(?P<not>not\s*)?medically\s+necessary(?:\s+and\s+appropriate)?"
_SENTENCE_END = r"\s*\.?\s*$"
_NUMBERED = re.compile(
    r"^\s*\d{1,2}\s*[.)]\s+(?:MAXIMUS\s+Federal\s+Services,?\s+Inc\.?\s+has\s+determined\s+(?:that\s+)?)?"
    + _SUBJECT + _NECESSARY + _SENTENCE_END,
    re.IGNORECASE | re.DOTALL,
)
_ENUMERATOR_LETTERS = "ABCDEFGH"
_ENUMERATOR = re.compile(rf"(?:\d{{1,2}}|[{_ENUMERATOR_LETTERS}])\s*[.)]\s+")  # an item's number or letter, not part of its request
# Unnumbered, it is a heading only where an item's labels follow (a rationale may end the same way);
# so also "The request for X is upheld."
_STATED = re.compile(
    r"^\s*" + _SUBJECT + rf"(?:{_NECESSARY}|(?P<d>upheld|overturned))" + _SENTENCE_END, re.IGNORECASE | re.DOTALL
)
# The labels of an item's paragraphs, tried in this order; each group is named as its field.
_CA_BASED = rf"{CA_BASED}\s*:?\s+(?:the\s+)?"  # "… based its decision on (the)", a colon after it too
_REVIEWER_BASED = rf"(?:The\s+)?{REVIEWER}\s+based\s+(?:his/her|his|her|their)\s+(?:decision|determination)\s+on"
_LABEL = re.compile(
    r"^\s*(?:"
    rf"(?P<claims_administrator_guideline>{CA_GUIDELINE_LABEL}|{_CA_BASED}"
    rf"|{GUIDELINES_OF}the\s+Claims\s+Administrator\s+based\s+its\s+(?:decision|determination)\s+on\s*:\s*(?:{_CA_BASED})?"
    rf"|{UR_GUIDELINES_LABEL}\s*(?:{_CA_BASED})?|{GUIDELINES_USED_BY}Claims\s+Administrator\s*:\s*(?:{_CA_BASED})?)"
    rf"|(?P<maximus_guideline>{MAXIMUS_GUIDELINE_LABEL}|{_REVIEWER_BASED}\s*:?\s+(?:the\s+)?"
    rf"|{GUIDELINES_OF}the\s+{_REVIEWER_BASED}\s*:\s*(?:{_REVIEWER_BASED}\s+(?:the\s+)?)?"
    rf"|{GUIDELINES_OF}Used\s+by\s+the\s+{REVIEWER}\s*:?\s*(?:{_REVIEWER_BASED}\s*:?\s+(?:the\s+)?)?"
    rf"|{GUIDELINES_USED_BY}{REVIEWER}\s*:\s*(?:{_REVIEWER_BASED}\s*:?\s+(?:the\s+)?)?)"
    rf"|(?P<rationale>{RATIONALE_LABEL}|{REVIEWER_RATIONALE_LABEL}|Rationale\s+for\s+the\s+Decision\s*:)"
    r")",
    re.IGNORECASE,
)
_ITEM_LABEL_INITIALS = frozenset("CcMmTtEePpDdRrGg")  # what a label's first word starts with
_INTRO = re.compile(rf"^\s*(?:{ITEMS_INTRO}|A\s+decision\s+has\s+been\s+made)", re.IGNORECASE)
_BLANK_LINE = re.compile(r"\n\s*\n")
# A paragraph that only gives the decision of the heading before it: "Upheld", "Decision: Overturned".
_DECISION_ONLY = re.compile(rf"\s*(?:{DECISION_LABEL_WORDS}\s*:\s*)?(?P<d>upheld|overturned)\s*\.?\s*", re.IGNORECASE)


def paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the non-empty paragraphs between ``start`` and ``end``."""
    out = []
    pos = start
    for m in _BLANK_LINE.finditer(text, start, end):
        out.append(trimmed(text, pos, m.start()))
        pos = m.end()
    out.append(trimmed(text, pos, end))
    return [(s, e) for s, e in out if e > s]


def extract_items(text: str, start: int, end: int, out: Collector, decisions: tuple[int, int] | None = None) -> None:
    """The items between ``start`` and ``end``; ``decisions`` is the span of a list of the
    items' decisions ahead of them ("1. X is not medically necessary and appropriate.")."""
    items = _without_list_ahead(text, _parse(text, paragraphs(text, start, end)))
    if decisions:
        _decide_from_list(text, items, paragraphs(text, *decisions))
    for index, item in enumerate(items):
        if item.decision is None and _decide_from_rationale(text, item):
            out.warn(f"items.{index}.decision", "decision taken from the rationale's conclusion; the heading states none")
    values = []
    for index, item in enumerate(items):
        values.append(item_values(text, item, index, out))
    out.values["items"] = values
    if not values:
        out.warn("items", "no disputed items found")


def _without_list_ahead(text: str, items: list[ParsedItem]) -> list[ParsedItem]:
    """The items less a list of their decisions ahead of them (a table of requests and
    decisions, or a heading per line), whose entries have no labels and name later items."""
    listed = 0
    while listed < len(items) and not items[listed].fields:
        listed += 1
    if listed == 0 or listed == len(items):
        return items
    full = {_request_key(text, item): item for item in items[listed:]}
    if any(_request_key(text, entry) not in full for entry in items[:listed]):
        return items
    for entry in items[:listed]:
        item = full[_request_key(text, entry)]
        if item.decision is None:
            item.decision, item.decision_span = entry.decision, entry.decision_span
    return items[listed:]


def _request_key(text: str, item: ParsedItem) -> str:
    return squash(text[slice(*strip_trailing(text, *item.heading))]).lower()


def _parse(text: str, paras: list[tuple[int, int]]) -> list[ParsedItem]:
    items: list[ParsedItem] = []
    loose: tuple[int, int] | None = None  # the last paragraph that belonged to nothing
    for s, e in paras:
        chunk = text[s:e]
        item = items[-1] if items else None
        matched = _LABEL.match(chunk) if chunk[:1] in _ITEM_LABEL_INITIALS else None
        if matched:
            label = matched.lastgroup
            assert label is not None
            if item is not None and item.current == label and not text[slice(*item.fields[label])].strip():
                item.fields[label] = (s + matched.end(), e)  # the label stood alone; its paragraph restates it
                continue
            if item is None or label in item.fields and label != "rationale" or _out_of_order(item, label):
                if item is not None:
                    loose = _split_merged_heading(text, item) if loose is None else _take_back(text, item, loose)
                item = (_stated_item(text, *loose, _STATED) if loose else None) or ParsedItem(heading=loose or (s, s))
                items.append(item)
            item.fields[label] = (s + matched.end(), e)
            item.current = label
            loose = None
            continue
        only = _DECISION_ONLY.fullmatch(chunk) if loose and len(chunk) < 48 else None
        if only:
            if item is not None:
                _take_back(text, item, loose)
            items.append(ParsedItem(heading=loose, decision=only.group("d").lower(), decision_span=(s + only.start("d"), s + only.end("d"))))
            loose = None
            continue
        regarding = REGARDING.match(chunk) if chunk[:1].isdigit() or chunk[:1] in "Rr" else None
        if regarding and len(chunk) < 600:  # "1) Regarding the request for X:" (its decision is stated elsewhere)
            items.append(ParsedItem(heading=(s + regarding.end(), e)))
            loose = None
            continue
        heading = _heading(text, s, e, chunk, _ENUMERATOR_LETTERS[len(items) : len(items) + 1])
        if heading:
            if loose and _carries_on(text, loose, chunk):  # "Toradol injection" / "(DOS 5/1/2015): Upheld"
                if item is not None:
                    _take_back(text, item, loose)
                heading.heading = (loose[0], heading.heading[1])
            elif loose is None and item is not None and item.current == "rationale":
                ran_into = _rationale_ran_into(text, item, chunk, heading)  # "… necessary. X was the … IMR" / "eligible …"
                if ran_into is not None:
                    heading.heading = ran_into
            items.append(heading)
            loose = None
            continue
        if chunk[:1] in "TtAa" and _INTRO.match(chunk):
            continue
        if item is not None and item.current is not None:
            begin = item.fields[item.current][0]
            item.fields[item.current] = (begin, e)
            if item.current == "rationale":
                loose = (s, e)
            continue
        loose = (s, e) if loose is None else (loose[0], e)
    return items


_VERB = re.compile(r"\b(?:is|are|was|were|has|have|not)\b", re.IGNORECASE)


def _carries_on(text: str, before: tuple[int, int], chunk: str) -> bool:
    """Does the heading paragraph ``chunk`` carry on the short paragraph ``before``, as a
    heading broken into two paragraphs does ("Toradol injection at" / "L4-5: Upheld")?

    A phrase carries on in lower case (after a long heading too, as one a page break
    split: "… for the right" / "shoulder is: Upheld") or after a connecting word; after a
    "(" only a paragraph with no verb, which is no sentence of a rationale."""
    first = chunk[:1]
    if before[1] - before[0] > (1200 if first.islower() else 200) or text[before[1] - 1] in ".!?:;":
        return False
    ending = text[max(before[0], before[1] - 9) : before[1]]
    if first.islower() or ends_mid_phrase(ending) or ending.endswith((" x", " X", " -", " \u2014")):
        return True
    return first == "(" and _VERB.search(text, *before) is None


def _out_of_order(item: ParsedItem, label: str) -> bool:
    """A guideline label after this item's rationale starts the next item."""
    return label != "rationale" and "rationale" in item.fields


def _heading(text: str, s: int, e: int, chunk: str, letter: str) -> ParsedItem | None:
    """The item that the paragraph ``chunk`` (``text[s:e]``) heads, with its decision.

    ``letter`` is the letter the item has where the items are lettered (the first "A."):
    another capital and a dot start the request itself ("C. diff toxin assay")."""
    at = decision_search_start(chunk)
    m = _DECISION.search(chunk, max(at, len(chunk) - 40)) if at >= 0 else None
    if m and len(chunk) < 1200:
        group = m.lastgroup or "d"
        body_end = s + m.start()
        if body_end > s or group == "d":
            numbered = chunk[:1].isdigit() or chunk[1:2] in (".", ")") and chunk[:1] == letter
            number = _ENUMERATOR.match(chunk) if numbered else None  # "3) Xanax #60: Upheld", "B. MRI: Upheld"
            body_start = s + number.end() if number and s + number.end() < body_end else s
            return ParsedItem(
                heading=(body_start, body_end), decision=m.group(group).lower(), decision_span=(s + m.start(group), s + m.end(group))
            )
    return _stated_item(text, s, e, _NUMBERED) if chunk[:1].isdigit() else None


def _stated_item(text: str, s: int, e: int, pattern: re.Pattern[str]) -> ParsedItem | None:
    """An item whose heading ``text[s:e]`` states its decision in a sentence: "X is (not)
    medically necessary", or (``_STATED``) "X is upheld"."""
    chunk = text[s:e]
    tail = chunk[-60:].lower()
    if len(chunk) > 1200 or "necessary" not in tail and "upheld" not in tail and "overturned" not in tail:
        return None
    m = pattern.match(chunk)
    if not m:
        return None
    heading = (s + m.start("req"), s + m.end("req"))
    if "d" in pattern.groupindex and m.group("d"):
        return ParsedItem(heading=heading, decision=m.group("d").lower(), decision_span=(s + m.start("d"), s + m.end("d")))
    return ParsedItem(heading=heading, decision="upheld" if m.group("not") else "overturned", decision_span=trimmed(text, s + m.end("req"), e))


def _decide_from_list(text: str, items: list[ParsedItem], listed: list[tuple[int, int]]) -> None:
    """Give items without a decision the one the list states for the same request (else the
    same place in the list, when both count the same items); with no items, the list's
    entries are the items."""
    entries = [entry for s, e in listed if text[s : s + 1].isdigit() and (entry := _stated_item(text, s, e, _NUMBERED))]
    if not items:
        items.extend(entries)
        return
    by_request = {squash(text[slice(*entry.heading)]).lower(): entry for entry in entries}
    for index, item in enumerate(items):
        if item.decision is not None:
            continue
        entry = by_request.get(_request_key(text, item)) or (entries[index] if len(entries) == len(items) else None)
        if entry is not None:
            item.decision, item.decision_span = entry.decision, entry.decision_span


_CONCLUSION = re.compile(r"\b(?:is|are|was|were)\s+(?P<not>not\s+)?medically\s+necessary\b", re.IGNORECASE)


def _decide_from_rationale(text: str, item: ParsedItem) -> bool:
    """Take the decision the rationale concludes with ("The request for X is not medically
    necessary"); False when it states none."""
    span = item.fields.get("rationale")
    conclusions = list(_CONCLUSION.finditer(text, max(span[0], span[1] - 400), span[1])) if span else []
    if not conclusions:
        return False
    last = conclusions[-1]
    item.decision = "upheld" if last.group("not") else "overturned"
    item.decision_span = last.span()
    return True


def _take_back(text: str, item: ParsedItem, heading: tuple[int, int]) -> tuple[int, int]:
    """The paragraph before a new item's labels is its heading, not the end of the last field."""
    if item.current is not None:
        begin, end = item.fields[item.current]
        if end == heading[1] and begin < heading[0]:
            item.fields[item.current] = trimmed(text, begin, heading[0])
    return heading


def _split_merged_heading(text: str, item: ParsedItem) -> tuple[int, int] | None:
    """A heading swallowed by the previous rationale: take its last sentence back out."""
    if "rationale" not in item.fields:
        return None
    s, e = item.fields["rationale"]
    cut, _ = _last_heading_start(text[s:e])
    return None if cut is None else _rationale_from(text, item, cut)


def _rationale_from(text: str, item: ParsedItem, cut: int) -> tuple[int, int]:
    """The span of the rationale's text from ``cut`` (an offset into it) on, taken out of it."""
    s, e = item.fields["rationale"]
    item.fields["rationale"] = trimmed(text, s, s + cut)
    return trimmed(text, s + cut, e)


def _rationale_ran_into(text: str, item: ParsedItem, chunk: str, heading: ParsedItem) -> tuple[int, int] | None:
    """The whole heading of ``heading`` (the paragraph ``chunk``) where it starts in the
    rationale before it, which a break cut off mid-sentence: ``chunk`` carries on in lower
    case or with a date ("eligible …", "06/30/2014): Upheld"), holds the decision alone
    ("… the right shoulder is:" / "Upheld"), or the rest of a partly certified request
    ("… The remaining" / "IMR eligible portion …"). The rationale keeps what comes before.
    None when it does not break off or holds no sentence of its own."""
    s, e = item.fields["rationale"]
    alone = heading.heading[0] == heading.heading[1]
    first = chunk[:1]
    if first.islower():
        if not _carries_on(text, (max(s, e - 1200), e), chunk):
            return None
    elif text[e - 1] in ".!?":
        return None
    cut, partly = _last_heading_start(text[s:e])
    if cut is None or not (alone or partly or first.islower() or starts_with_date(chunk)):  # "(DOS:" / "06/30/2014): Upheld"
        return None
    start, end = _rationale_from(text, item, cut)
    return (start, end) if alone else (start, heading.heading[1])


_SENTENCE_STOP = re.compile(r"[.!?][\"')]*\s+(?=[A-Z(])")
_ORIGINAL_SENTENCE = re.compile(rf"[.!?]\s+(?=[^.]+{ORIGINAL_REQUEST_STATED})", re.IGNORECASE)


def _last_heading_start(body: str) -> tuple[int | None, bool]:
    """Where a heading run into the end of ``body`` starts: its last sentence, or the first
    sentence of a partly certified request ("X was the original request. …"), and whether it
    is one; None when ``body`` is one sentence."""
    stops = [m.end() for m in _SENTENCE_STOP.finditer(body)]
    if not stops:
        return None, False
    original = [m.start() for m in _ORIGINAL_SENTENCE.finditer(body)]
    return (original[-1] + 1, True) if original else (stops[-1], False)
