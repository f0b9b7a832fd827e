"""The values of one disputed item from the spans its parse found: request (the part under
review of a partly certified one), decision, quantity, retrospective flag, both guideline
citations and the rationale, each with its span."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from imr_desk.extract.collector import Collector
from imr_desk.extract.quantity import find_quantity
from imr_desk.extract.sections import squash, trimmed


@dataclass
class ParsedItem:
    """An item as the parse found it: the spans of its heading, decision and labelled paragraphs."""

    heading: tuple[int, int]
    decision: str | None = None
    decision_span: tuple[int, int] | None = None
    fields: dict[str, tuple[int, int]] = field(default_factory=dict)  # label -> (start, end)
    current: str | None = None


# A label ahead of the request: "Disputed Item: X", "Request: X", "Item 1: X".
_REQUEST_LABEL = re.compile(
    r"(?:Disputed\s+(?:Items?|Services?|Treatments?)(?:\s*/\s*Services?)?|Requested\s+(?:Items?|Treatments?|Services?)"
    r"|Treatments?\s+in\s+Dispute|Request|Item|Issue)(?:\s*#?\s*\d{1,2})?\s*:\s*",
    re.IGNORECASE,
)
_REMAINING = (
    re.compile(r"remaining\s+IMR[\s-]+eligible\s+portion\s+of\s+the\s+original\s+request\s*,?\s*", re.IGNORECASE),
    re.compile(r"(?:^|(?<=[.]\s))The\s+original\s+request\s*,\s*"),
)
_ORIGINAL = re.compile(r"^(?P<v>.+?)\s+(?:was|were)\s+the\s+original\s+request\b", re.IGNORECASE | re.DOTALL)
_AUTHORIZED = re.compile(
    r"(?:request\.\s+|^)(?P<v>[^.]+?)\s+(?:was|were)\s+authori[sz]ed\s+by\s+the\s+Claims\s+Administrator"
    r"|authori[sz]ed\s+(?P<w>[^.]+?),\s+leaving\s+the\s+original\s+request",
    re.IGNORECASE,
)
DECISION_LABEL_WORDS = r"(?:IMR\s+|Final\s+)?(?:Decision|Determination)"  # "Decision: Upheld"
_DECISION_LABEL = re.compile(rf"\s{DECISION_LABEL_WORDS}\s*:?\s*$")
# A heading that restates its subject before the decision: "X: The request is upheld".
_RESTATED = re.compile(r"[:;,.\-\u2014|]\s*(?:the|this)\s+request$", re.IGNORECASE)
_RETRO = re.compile(r"\bretro(?:spective(?:ly)?|\.)?(?=\b|\W)|\bDOS\b|\bdates?\s+of\s+service\b", re.IGNORECASE)


def item_values(text: str, item: ParsedItem, index: int, out: Collector) -> dict:
    """The values of item ``index``; its spans and warnings go to ``out``."""
    prefix = f"items.{index}"
    h_start, h_end = strip_trailing(text, *item.heading)
    label = _REQUEST_LABEL.match(text, h_start, h_end) if text[h_start : h_start + 1] in "DdRrTtIi" else None
    if label and label.end() < h_end:
        h_start = label.end()
    heading = " ".join(text[h_start:h_end].split())  # one line, even where it broke into paragraphs
    request_span = (h_start, h_end)
    heading_low = heading.lower()
    remaining = (
        _REMAINING[0].search(text, h_start, h_end) or _REMAINING[1].search(text, h_start, h_end)
        if "original request" in heading_low
        else None
    )
    values: dict = {
        "request": None, "request_heading": heading or None, "decision": item.decision,
        "quantity": None, "retrospective": False, "claims_administrator_guideline": None,
        "maximus_guideline": None, "rationale": None,
    }
    if remaining:
        request_span = trimmed(text, remaining.end(), h_end)
        original = _ORIGINAL.match(text[h_start:h_end])
        if original:
            values["original_request"] = squash(original.group("v"))
        authorized = _AUTHORIZED.search(text[h_start:h_end])
        if authorized:
            values["authorized"] = squash(authorized.group("v") or authorized.group("w"))
    request = heading if request_span == (h_start, h_end) else " ".join(text[request_span[0] : request_span[1]].split())
    if heading:
        out.span(f"{prefix}.request_heading", (h_start, h_end))
    values["request"] = request or None
    whole = (item.heading[0], max([item.heading[1], *[e for _, e in item.fields.values()]]))
    if whole[0] == whole[1] and item.decision_span:  # a decision alone, with no heading or fields
        whole = item.decision_span
    out.span(prefix, whole)
    if request:
        out.span(f"{prefix}.request", request_span)
    else:
        out.warn(f"{prefix}.request", "item without a request")
    if item.decision_span and item.decision:
        out.span(f"{prefix}.decision", item.decision_span)
    elif not item.decision:
        out.warn(f"{prefix}.decision", "item without a decision")
    quantity = find_quantity(text[request_span[0] : request_span[1]]) if request else None
    if quantity:
        values["quantity"] = quantity[0]
        out.span(f"{prefix}.quantity", (request_span[0] + quantity[1][0], request_span[0] + quantity[1][1]))
    retro = (
        _RETRO.search(text, item.heading[0], item.heading[1])
        if "retro" in heading_low or "DOS" in heading or "service" in heading_low
        else None
    )
    if retro:
        values["retrospective"] = True
        out.span(f"{prefix}.retrospective", retro.span())
    for name in ("claims_administrator_guideline", "maximus_guideline", "rationale"):
        span = item.fields.get(name)
        if span:
            span = trimmed(text, *span)
            values[name] = squash(text[span[0] : span[1]]) or None
            if values[name]:
                out.span(f"{prefix}.{name}", span)
        if not values[name]:
            what = "decision rationale" if name == "rationale" else name.replace("_", " ")
            out.warn(f"{prefix}.{name}", f"no {what} found")
    return values


def strip_trailing(text: str, s: int, e: int) -> tuple[int, int]:
    """Shrink a heading's span past trailing punctuation (: ; , - \u2014, dot leaders), a dangling "is"/"are",
    a restated subject (": The request is") and a decision's label ("Decision", "IMR
    Determination") left before its decision."""
    s, e = trimmed(text, s, e)
    head = text[s:e]
    label = _DECISION_LABEL.search(head) if head.rstrip(": ").endswith(("Decision", "Determination")) else None
    if label and label.start() > 0:
        head = head[: label.start()]
    while True:
        cut = head.rstrip().rstrip(":;,-\u2014|")
        if cut.endswith(".."):  # dot leaders before the decision: "Norco #90 ........ Upheld"
            cut = cut.rstrip(". ")
        tail = cut[-4:].lower()
        for word in ("is", "are"):
            if tail.endswith(word) and cut[: -len(word)][-1:].isspace():
                cut = cut[: -len(word)]
                break
        if cut[-7:].lower() == "request":
            restated = _RESTATED.search(cut, max(len(cut) - 20, 1))
            cut = cut[: restated.start()] if restated else cut
        if len(cut) == len(head):
            return s, s + len(head)
        head = cut
