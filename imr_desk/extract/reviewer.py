"""The expert reviewer's licensure states and specialties, in list or prose form."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from imr_desk.extract.collector import Collector
from imr_desk.extract.scan import lowered
from imr_desk.extract.sections import trimmed

STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa",
    "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland",
    "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi",
    "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire",
    "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
    "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee",
    "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming", "DC": "District of Columbia",
    "PR": "Puerto Rico",
}
_BY_NAME = {name.lower(): name for name in STATES.values()}
_BY_NAME["washington dc"] = "District of Columbia"
_BY_NAME["washington, d.c."] = "District of Columbia"

# Specialty names that themselves contain "and" (so "and" does not split them).
_AND_NAMES = (
    "Physical Medicine and Rehabilitation", "Obstetrics and Gynecology", "Allergy and Immunology",
    "Hospice and Palliative Medicine", "Nuclear Medicine and Radiology", "Head and Neck Surgery",
    "Plastic and Reconstructive Surgery", "Oral and Maxillofacial Surgery", "Psychiatry and Neurology",
    "Pulmonary and Critical Care Medicine", "Colon and Rectal Surgery", "Hand and Upper Extremity Surgery",
    "Foot and Ankle Surgery", "Nutrition and Metabolism", "Diabetes and Metabolism",
)

# Searched in a lower-case copy: literal-first alternatives scan fast (see extract.scan).
_AND_NAMES_RE = re.compile("|".join(re.escape(name.lower()).replace(r"\ and\ ", r"\s+(?:and|&)\s+") for name in _AND_NAMES))

# The list form: "State(s) of Licensure: a, b" (also "State of ..."), "Certification(s)/Specialty: c"
# (also "Certifications/Specialties:", "Specialty:"); found at the literal keys below.
_LIST_STATES = re.compile(r"States?(?:\(s\))?\s+of\s+Licensure\s*:[ \t]*([^\n]*)", re.IGNORECASE)
_LIST_SPECIALTIES = re.compile(
    r"(?:Certifications?(?:\(s\))?\s*/\s*)?Specialt(?:y|ies)\s*:[ \t]*([^\n]*)", re.IGNORECASE
)
_STATE_KEYS = ("state(s) of licensure", "states of licensure", "state of licensure")
_SPECIALTY_KEYS = (
    "certification(s)/specialt", "certification(s) / specialt", "certifications/specialt", "certification/specialt",
    "specialty:", "specialties:",
)
# The prose forms run over a lower-case copy and start with a literal (see extract.scan).
# "licensed in" alone (group "bare") names a state ("is licensed in Ohio") or a field
# ("is Licensed in Psychology"); each pattern keeps only its own kind of name from it.
_PROSE_SPECIALTY = re.compile(
    r"(?:is\s+(?:board[\s-]+certified|certified|a\s+(?:board[\s-]+certified\s+)?specialist)\s+in"
    r"|ha(?:s|ve)\s+(?:a\s+)?sub-?specialt(?:y|ies)\s+in"
    r"|is\s+(?:also\s+)?(?:board[\s-]+certified|certified)\s+in"
    r"|are\s+(?:also\s+)?(?:board[\s-]+certified|certified)\s+in"
    r"|is\s+(?P<bare>licensed\s+in))"
    r"\s+(?P<names>.+?)(?=,?\s+(?:and\s+)?(?:is|has|have|who)\s|[.;\n]|$)"
)
_PROSE_STATES = re.compile(
    r"licensed\s+(?:to\s+practice\s+in|(?P<bare>in))\s+(?:the\s+states?\s+of\s+)?"
    r"(?P<names>.+?)(?=\.\s|\.$|;|\n|,?\s+(?:and\s+)?(?:is|has|he|she)\s|$)"
)
_STATE_OF = re.compile(r"^(?:the\s+)?state\s+of\s+")
# Separators in a list of names: a comma (with an "and" after it), a semicolon, a spaced "and".
# Two literal-first patterns: one alternation starting with whitespace tries every position.
_PUNCTUATION_SEPARATOR = re.compile(r",\s*(?:and\s+)?|;\s*")
_AND_SEPARATOR = re.compile(r"and\s+")


def extract_reviewer(text: str, start: int, end: int, out: Collector) -> None:
    low = lowered(text[start:end])
    states = _list_or_prose(text, low, start, end, _STATES)
    specialties = _list_or_prose(text, low, start, end, _SPECIALTIES)

    _collect(text, out, "licensure_states", states, _state_name, "no licensure state found", "is not a state")
    _collect(text, out, "specialties", specialties, _specialty_name, "no specialty or certification found")


def _collect(
    text: str, out: Collector, key: str, spans: list[tuple[int, int]], name_of, missing: str, unknown: str = ""
) -> None:
    """Named entries with a span each (repeats dropped), and a span over the whole list."""
    path = f"reviewer.{key}"
    names: list[str] = []
    seen: set[str] = set()
    for s, e in spans:
        name = name_of(text[s:e])
        if name is None:
            if unknown:
                out.warn(path, f"{' '.join(text[s:e].split())!r} {unknown}")
        elif name.lower() not in seen:
            seen.add(name.lower())
            out.span(f"{path}.{len(names)}", (s, e))
            names.append(name)
    out.values["reviewer"][key] = names
    if spans:
        out.span(path, (spans[0][0], spans[-1][1]))
    if not names:
        out.warn(path, missing)


def _specialty_name(raw: str) -> str | None:
    return " ".join(raw.split()).strip(" .") or None


class _Form(NamedTuple):
    """How letters write one list of credentials."""

    keys: tuple[str, ...]  # the list label's lower-case spellings
    listed: re.Pattern[str]  # the "Label: a, b" form, matched where a key is found
    prose: re.Pattern[str]  # the prose form, over the lower-case copy
    keeps_bare: Callable[[str], bool]  # which names of a bare "licensed in" belong to this list


def _list_or_prose(text: str, low: str, start: int, end: int, form: _Form) -> list[tuple[int, int]]:
    """Spans of each listed name: the "Label: a, b" form first, else every prose mention.

    ``low`` is ``text[start:end]`` in lower case, which the prose patterns search."""
    for key in form.keys:
        at = low.find(key)
        m = form.listed.match(text, start + at, end) if at >= 0 else None
        if m:
            return _split(text, *m.span(1))
    spans: list[tuple[int, int]] = []
    for window_start, window_end in _prose_windows(low):
        for m in form.prose.finditer(low, window_start, window_end):
            names = _split(text, start + m.start("names"), start + m.end("names"))
            spans.extend(names if m.group("bare") is None else [(s, e) for s, e in names if form.keeps_bare(text[s:e])])
    return spans


def _prose_windows(low: str) -> list[tuple[int, int]]:
    """Sentences that speak of certification or licensure (prose regexes run only there)."""
    windows: list[tuple[int, int]] = []
    for word in ("certified", "specialt", "specialist", "licensed"):
        at = low.find(word)
        while at >= 0:
            window = (max(0, at - 60), at + 400)
            if not windows or window[0] > windows[-1][1]:
                windows.append(window)
            else:
                windows[-1] = (windows[-1][0], max(windows[-1][1], window[1]))
            at = low.find(word, at + 1)
    windows.sort()
    merged: list[tuple[int, int]] = []
    for window in windows:
        if merged and window[0] <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], window[1]))
        else:
            merged.append(window)
    return merged


def _split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a list of names at commas, semicolons and "and", keeping names that contain "and"."""
    chunk = text[start:end]
    spans: list[tuple[int, int]] = []
    pos = 0
    for sep_start, sep_end in _separators(chunk):
        spans.append((pos, sep_start))
        pos = sep_end
    spans.append((pos, len(chunk)))
    out = []
    for s, e in spans:
        s, e = trimmed(text, start + s, start + e)
        while e > s and text[e - 1] in ".":
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _separators(chunk: str) -> list[tuple[int, int]]:
    """Where ``chunk`` splits, in order: as ``\\s*,\\s*(?:and\\s+)?|\\s*;\\s*|\\s+and\\s+`` finds them
    (less the spaces before a comma), leaving out an "and" inside a name such as
    "Physical Medicine and Rehabilitation"."""
    found = [m.span() for m in _PUNCTUATION_SEPARATOR.finditer(chunk)]
    ands = []
    for m in _AND_SEPARATOR.finditer(chunk):
        at = m.start()
        if at and chunk[at - 1].isspace():
            while at and chunk[at - 1].isspace():
                at -= 1
            ands.append((at, m.end()))
    if ands:
        protected = [m.span() for m in _AND_NAMES_RE.finditer(lowered(chunk))]
        found += [(s, e) for s, e in ands if not any(a < s < b for a, b in protected)]
        found.sort()
    kept: list[tuple[int, int]] = []
    for s, e in found:
        if not kept or s >= kept[-1][1]:
            kept.append((s, e))
    return kept


def _state_name(raw: str) -> str | None:
    """Full state name for "California", "CA", "Calif."; None when it is no state."""
    key = " ".join(raw.split()).strip(" .").lower()
    if key.startswith(("the ", "state ")):
        key = _STATE_OF.sub("", key)
    if key in _BY_NAME:
        return _BY_NAME[key]
    if key.upper() in STATES:
        return STATES[key.upper()]
    return None


_STATES = _Form(_STATE_KEYS, _LIST_STATES, _PROSE_STATES, lambda raw: _state_name(raw) is not None)
_SPECIALTIES = _Form(_SPECIALTY_KEYS, _LIST_SPECIALTIES, _PROSE_SPECIALTY, lambda raw: _state_name(raw) is None)
