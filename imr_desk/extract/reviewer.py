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
_BY_NAME.update(dict.fromkeys(("washington dc", "washington d.c", "washington, dc", "washington, d.c", "d.c"), "District of Columbia"))

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
# Other labels a letter may use: "Licensure:", "Licensed in:", "Board Certification(s):".
_LIST_STATES = re.compile(
    r"(?:States?(?:\(s\))?\s+of\s+Licensure|Licensure|Licensed\s+in)\s*:[ \t]*([^\n]*)", re.IGNORECASE
)
_LIST_SPECIALTIES = re.compile(
    r"(?:(?:Certifications?(?:\(s\))?\s*/\s*)?Specialt(?:y|ies)|(?:Board\s+|Specialty\s+)?Certifications?(?:\(s\))?"
    r"|Board\s+Certified\s+in)\s*:[ \t]*([^\n]*)",
    re.IGNORECASE,
)
# A sentence after the names (the test before it looks for the words this needs).
_LIST_END = re.compile(r"\.?\s+(?=(?:He/she|He|She|The|This|MAXIMUS)\s)|(?<=[a-z]{3})\.\s+(?=[A-Z])")
_STATE_KEYS = ("state(s) of licensure", "states of licensure", "state of licensure", "licensure:", "licensed in:")
_SPECIALTY_KEYS = (
    "certification(s)/specialt", "certification(s) / specialt", "certifications/specialt", "certification/specialt",
    "specialty:", "specialties:", "board certification", "specialty certification", "board certified in:",
)
# The prose forms: each starts at a cue word found by ``str.find`` in a lower-case copy (fast;
# see extract.scan) and the names run from the cue's end to ``_*_NAMES_END``.
# "licensed in" alone ("bare") names a state ("is licensed in Ohio") or a field ("is Licensed
# in Psychology"); each list keeps only its own kind of name from it.
_SPECIALTY_CUES = (
    ("certified", re.compile(r"certified\s+in\s+")),  # "is (board) certified in"
    ("specialist", re.compile(r"specialist\s+in\s+")),  # "is a (board certified) specialist in"
    ("specialt", re.compile(r"specialt(?:y|ies)\s+in\s+")),  # "has a subspecialty in"
    ("licen", re.compile(r"licen[sc]ed?\s+(?P<bare>in)\s+")),  # "is licensed in", "holds a license in"
    ("licensed", re.compile(r"(?<=\ba\s)licensed\s+(?!in\s|to\s)|(?<=\ban\s)licensed\s+(?!in\s|to\s)")),  # a profession
    ("doctor of", re.compile(r"(?<=\ba\s)doctor\s+of\s|(?<=\ban\s)doctor\s+of\s")),  # "is a Doctor of Chiropractic"
    ("trained", re.compile(r"trained\s+in\s+")),  # "is fellowship trained in"
    ("eligible", re.compile(r"eligible\s+in\s+")),  # "is Board Eligible in"
    ("qualification", re.compile(r"qualifications?\s+in\s+")),  # "has added qualifications in"
    ("american board of", re.compile(r"american\s+board\s+of\s+")),  # "certified by the American Board of"
    ("board", re.compile(r"(?<=\ba\s)board[\s-]+certified\s+(?!(?:in|by|specialist)\b)")),  # "a Board Certified Surgeon"
)
_PROFESSIONS = ("licensed", "doctor of")  # cues that are part of the name they start
_SPECIALTY_NAMES_END = re.compile(
    r",?\s+(?:and\s+)?(?:is|has|have|who)\s|[.;\n]"
    r"|\s+with\s+(?:an?\s+)?(?:sub-?specialt|added|certificat|fellowship)"
)
_LICENSED_AFTER = (" licensed in ", " licensed to ", " licenced in ", " licenced to ")  # end a specialty too
_PROSE_STATES = re.compile(r"licen[sc]ed?\s+(?:to\s+practice\s+in|(?P<bare>in))\s+(?:the\s+states?\s+of\s+)?")
_STATE_NAMES_END = re.compile(r"(?<!\bd\.c)\.\s|\.$|;|\n|,?\s+(?:and\s+)?(?:is|has|he|she)\s")  # "Washington, D.C. and …" goes on


def _specialty_mentions(low: str) -> list[tuple[int, int, bool]]:
    """(start, end, bare) of the names after each specialty cue, in text order."""
    found = []
    for word, cue in _SPECIALTY_CUES:
        at = low.find(word)
        while at >= 0:
            m = cue.match(low, at)
            if m:
                begin = at if word in _PROFESSIONS else m.end()
                end = _names_end(low, begin, _SPECIALTY_NAMES_END)
                for phrase in _LICENSED_AFTER:  # "a Board Certified Physiatrist licensed in Arizona"
                    cut = low.find(phrase, begin, end)
                    end = cut if cut >= 0 else end
                found.append((begin, end, m.lastgroup == "bare"))
            at = low.find(word, at + len(word))
    found.sort()
    return found


def _state_mentions(low: str) -> list[tuple[int, int, bool]]:
    """(start, end, bare) of the names after each "licensed to practice in", in text order."""
    return [
        (m.end(), _names_end(low, m.end(), _STATE_NAMES_END), m.group("bare") is not None)
        for m in _PROSE_STATES.finditer(low)
    ]


def _names_end(low: str, begin: int, end_of_names: re.Pattern[str]) -> int:
    m = end_of_names.search(low, begin + 1)
    return m.start() if m else len(low)


_STATE_OF = re.compile(r"^(?:the\s+)?state\s+of\s+")
# Separators in a list of names: a comma (with an "and" after it), a semicolon, a spaced "and".
# Two literal-first patterns: one alternation starting with whitespace tries every position.
_PUNCTUATION_SEPARATOR = re.compile(r",(?!\s*[Dd]\.?\s?[Cc]\b)\s*(?:and\s+)?|;\s*")  # not in "Washington, D.C."
_AND_SEPARATOR = re.compile(r"and\s+")


def extract_reviewer(text: str, start: int, end: int, out: Collector) -> None:
    low = lowered(text[start:end])
    states = _list_or_prose(text, low, start, end, _STATES)
    specialties = _list_or_prose(text, low, start, end, _SPECIALTIES) or _profession(text, low, start, end)

    _collect(text, out, "licensure_states", states, _state_name, "no licensure state found", "is not a state")
    _collect(text, out, "specialties", specialties, _specialty_name, "no specialty or certification found")


# "The expert reviewer is a Physical Therapist and is licensed ...": a profession named with
# no cue word, in capitals, read only when no other form names a specialty.
_PROFESSION = re.compile(
    r"(?i:reviewer\s+is\s+an?\s+(?:practi[cs]ing\s+)?)"
    r"(?P<name>[A-Z][\w.'/-]*(?:\s+(?:[A-Z][\w.'/-]*|of|and|&|trained))*)(?<!\sof)(?<!\sand)(?<!\s&)"
)


def _profession(text: str, low: str, start: int, end: int) -> list[tuple[int, int]]:
    at = low.find("reviewer is a")
    m = _PROFESSION.search(text, start + at, end) if at >= 0 else None
    return [m.span("name")] if m else []


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


# Professions and degrees that name no specialty (a Doctor of Chiropractic's degree does).
_NO_SPECIALTY = frozenset((
    "physician", "medical doctor", "doctor", "practitioner", "physician and surgeon", "doctor of medicine",
    "doctor of osteopathy", "doctor of osteopathic medicine",
))


def _specialty_name(raw: str) -> str | None:
    """The specialty as written, less a profession's "Licensed"; None for a bare "physician" or "D.O."."""
    name = " ".join(raw.split()).strip(" .")
    if name[:9].lower() == "licensed ":
        name = name[9:]
    return name if name and name.lower() not in _NO_SPECIALTY else None


class _Form(NamedTuple):
    """How letters write one list of credentials."""

    keys: tuple[str, ...]  # the list label's lower-case spellings
    listed: re.Pattern[str]  # the "Label: a, b" form, matched where a key is found
    mentions: Callable[[str], list[tuple[int, int, bool]]]  # the prose form's names in the lower-case copy
    keeps_bare: Callable[[str], bool]  # which names of a bare "licensed in" belong to this list


def _list_or_prose(text: str, low: str, start: int, end: int, form: _Form) -> list[tuple[int, int]]:
    """Spans of each listed name: the "Label: a, b" form first, else every prose mention.

    ``low`` is ``text[start:end]`` in lower case, which the prose cues are found in."""
    for key in form.keys:
        at = low.find(key)
        m = form.listed.match(text, start + at, end) if at >= 0 else None
        if m:
            names_start, names_end = m.span(1)
            names = m.group(1)
            if ". " in names or "He" in names or "She" in names or "Th" in names or "MAXIMUS" in names:
                sentence = _LIST_END.search(text, names_start, names_end)  # a hard-wrapped line ran on into one
                names_end = sentence.start() if sentence else names_end
            return _split(text, names_start, names_end)
    spans: list[tuple[int, int]] = []
    mentions = form.mentions(low)
    for names_start, names_end, bare in mentions:
        names = _split(text, start + names_start, start + names_end)
        spans.extend((s, e) for s, e in names if not bare or form.keeps_bare(text[s:e]))
    if len(mentions) > 1:  # a name that holds the cue of a later mention is that mention's ("a D.O., Board Certified in X")
        begins = [start + m[0] for m in mentions]
        spans = [(s, e) for s, e in spans if not any(s < b < e for b in begins)]
    return spans


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
        key = _STATE_OF.sub("", key).removeprefix("the ")
    if key in _BY_NAME:
        return _BY_NAME[key]
    if key.upper() in STATES:
        return STATES[key.upper()]
    return None


_STATES = _Form(_STATE_KEYS, _LIST_STATES, _state_mentions, lambda raw: _state_name(raw) is not None)
_SPECIALTIES = _Form(_SPECIALTY_KEYS, _LIST_SPECIALTIES, _specialty_mentions, lambda raw: _state_name(raw) is None)
