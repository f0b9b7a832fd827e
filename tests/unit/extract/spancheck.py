"""Check that every span of an extracted letter points at text holding its value."""

from __future__ import annotations

from datetime import date

from imr_desk.domain.fieldpaths import get_value
from imr_desk.domain.dates import parse_date
from imr_desk.extract.quantity import number
from imr_desk.extract.reviewer import _state_name

_STRUCTURAL = {"reviewer.licensure_states", "reviewer.specialties"}


_SEX_WORDS = {
    "female": {"female", "woman", "lady", "girl", "ms.", "mrs.", "she", "her", "hers", "herself"},
    "male": {"male", "man", "gentleman", "boy", "mr.", "he", "his", "him", "himself"},
}
_SEX_LETTERS = {"female": {"F"}, "male": {"M"}}


def _squash(s: str) -> str:
    return " ".join(s.split())


def span_problems(letter: dict) -> list[str]:
    """Human-readable problems; empty when every span holds its value."""
    text = letter["text"]
    problems = []
    for path, (start, end) in letter["spans"].items():
        if not (0 <= start < end <= len(text)):
            problems.append(f"{path}: span {start}-{end} outside the text")
            continue
        if path in _STRUCTURAL or path.count(".") == 1 and path.startswith("items."):
            continue
        value = get_value(letter, path)
        held = text[start:end]
        if not _holds(path, value, held, letter):
            problems.append(f"{path}: {value!r} not in {held[:80]!r}")
    for path in _value_paths(letter):
        if path not in letter["spans"]:
            problems.append(f"{path}: has a value but no span")
    return problems


def _holds(path: str, value, held: str, letter: dict) -> bool:
    if isinstance(value, bool):
        lowered = held.lower()
        return value is True and ("retro" in lowered or "dos" in lowered or "service" in lowered)
    if isinstance(value, int):
        return number(held.strip("#() ")) == value or str(value) in held or _product_text(held, value)
    if path.endswith(("date", "end_date")) or path.startswith("case.date") or path.startswith("case.decision") \
            or path in ("case.ur_denial_date", "case.application_received"):
        parsed = parse_date(held, date(2100, 1, 1))
        return parsed is not None and parsed.isoformat()[5:] == value[5:]
    if path.startswith("reviewer.licensure_states."):
        return _state_name(held) == value
    if path.endswith(".decision"):
        lowered = _squash(held).lower()
        if "medically necessary" in lowered:
            return ("not medically necessary" in lowered) == (value == "upheld")
        return lowered.strip(" .:") == value
    if path == "patient.sex":
        return held in _SEX_LETTERS.get(value, ()) or held.lower() in _SEX_WORDS.get(value, ())
    return _squash(str(value)).lower() in _squash(held).lower()


def _product_text(held: str, value: int) -> bool:
    from imr_desk.extract.quantity import find_quantity

    found = find_quantity(held)
    return found is not None and found[0] == value


def _value_paths(letter: dict) -> list[str]:
    paths = []
    for key in ("patient.age", "patient.sex", "injury.date", "injury.end_date", "ur_decision_date"):
        if get_value(letter, key) is not None:
            paths.append(key)
    for i, item in enumerate(letter["items"]):
        for key in ("request", "decision", "quantity", "claims_administrator_guideline", "maximus_guideline", "rationale"):
            if item.get(key) is not None:
                paths.append(f"items.{i}.{key}")
        if item.get("retrospective"):
            paths.append(f"items.{i}.retrospective")
    for i, _ in enumerate(letter["reviewer"]["licensure_states"]):
        paths.append(f"reviewer.licensure_states.{i}")
    for i, _ in enumerate(letter["reviewer"]["specialties"]):
        paths.append(f"reviewer.specialties.{i}")
    if letter["case"]:
        paths.extend(f"case.{k}" for k, v in letter["case"].items() if v is not None)
    return paths
