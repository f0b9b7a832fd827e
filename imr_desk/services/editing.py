"""Change a letter's values by field path: one call is one transaction and one undo step."""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from typing import Any

from imr_desk.domain.errors import FieldPathError
from imr_desk.domain.fieldpaths import get_value, set_value, split_path
from imr_desk.domain.fields import LIST_ROOTS, blank_item, blank_recipient, coerce, is_known
from imr_desk.domain.letter import refresh_final_determination
from imr_desk.domain.status import IN_REVIEW, POSTPONED, TO_REVIEW, TransitionError, is_editable
from imr_desk.store.letters import LetterRecord, LogEntry, Store

SET, INSERT, REMOVE, MOVE = "set", "insert", "remove", "move"

#: Facts about the letter after the decision (mailing), recorded in any status.
AFTER_DECISION_FIELDS = frozenset({"letter.mailed_on"})


@dataclass(frozen=True)
class Change:
    """One change: set a field, or insert / remove / move an entry of a list (items, recipients)."""

    path: str
    value: Any = None
    op: str = SET
    span: tuple[int, int] | None = None


def parse_assignment(text: str) -> Change:
    """``patient.age=61``, ``items.2=null``, ``items.+={...}`` → a Change (value parsed as JSON when it is JSON)."""
    path, sep, raw = text.partition("=")
    path = path.strip()
    if not sep or not path:
        raise FieldPathError(f"{text!r}: expected FIELD=VALUE")
    try:
        value = json.loads(raw)
    except ValueError:
        value = raw
    m = re.fullmatch(r"(items|recipients)\.(\+|\d+)", path)
    if m:
        root, index = m.groups()
        if index == "+":
            return Change(f"{root}.+", value, INSERT)
        if value is None:
            return Change(path, None, REMOVE)
    return Change(path, value, SET)


def apply_changes(store: Store, letter_id: int, changes: list[Change], who: str, reason: str | None = None) -> LetterRecord:
    """Apply every change or none; the letter becomes in_review; returns the stored letter."""
    record = store.get(letter_id)
    after_decision = all(c.path in AFTER_DECISION_FIELDS and c.op == SET for c in changes)
    if not is_editable(record.status) and not after_decision:
        raise TransitionError(f"letter {letter_id} is {record.status}; reopen it before changing it")
    values = copy.deepcopy(record.current)
    spans = {k: list(v) for k, v in record.spans.items()}
    entries: list[LogEntry] = []
    touched_items = False
    final_set = False
    for change in changes:
        entry = _apply(values, spans, change)
        if entry is not None:
            entries.append(LogEntry("edit", entry[0], entry[1], entry[2], list(change.span) if change.span else None, reason))
        touched_items |= change.path.startswith("items")
        final_set |= change.path == "final_determination"
    if touched_items and not final_set:
        before = values.get("final_determination")
        refresh_final_determination(values)
        if values["final_determination"] != before:
            entries.append(LogEntry("derived", "final_determination", before, values["final_determination"], None, "follows the items"))
    if not entries:
        return record
    status = IN_REVIEW if record.status in (TO_REVIEW, POSTPONED) and not after_decision else None
    if status:
        entries.append(LogEntry("status", None, record.status, status, None, "edited"))
    store.save(letter_id, values, spans, entries, who, status=status)
    return store.get(letter_id)


def _apply(values: dict[str, Any], spans: dict[str, list[int]], change: Change) -> tuple[str, Any, Any] | None:
    """Apply one change in place; returns (path, old, new) for the log, or None if nothing changed."""
    if change.op == INSERT:
        return _insert(values, spans, change)
    if change.op == REMOVE:
        return _remove(values, spans, change.path)
    if change.op == MOVE:
        return _move(values, spans, change.path, int(change.value))
    parts = split_path(change.path)
    if len(parts) == 2 and parts[0] in LIST_ROOTS and isinstance(parts[1], int):
        entry = _entry(str(parts[0]), change.value, change.path)
        old = get_value(values, change.path)
        set_value(values, change.path, entry)
        return (change.path, old, entry) if old != entry else None
    if not is_known(change.path):
        raise FieldPathError(f"{change.path}: no such field")
    new = coerce(change.path, change.value)
    parent = ".".join(str(p) for p in parts[:-1])
    if parent and not isinstance(_get_or_none(values, parent), (dict, list)):
        if parent in ("case", "letter", "patient", "injury", "reviewer"):
            set_value(values, parent, {})
        else:
            raise FieldPathError(f"{change.path}: no such entry")
    old = _get_or_none(values, change.path)
    if change.span is not None:
        spans[change.path] = list(change.span)
    if old == new:
        return None
    set_value(values, change.path, new)
    return change.path, old, new


def _get_or_none(values: dict[str, Any], path: str) -> Any:
    try:
        return get_value(values, path)
    except FieldPathError:
        return None


def _entry(root: str, value: Any, path: str) -> dict[str, Any]:
    """A whole item or recipient from a JSON object, every field coerced."""
    if not isinstance(value, dict):
        raise FieldPathError(f"{path}: must be an object such as {{\"request\": \"...\", \"decision\": \"upheld\"}}")
    entry = blank_item() if root == "items" else blank_recipient()
    for key, raw in value.items():
        if key not in LIST_ROOTS[root]:
            raise FieldPathError(f"{path}.{key}: no such field")
        entry[key] = coerce(f"{root}.0.{key}", raw)
    return entry


def _list(values: dict[str, Any], root: str) -> list[Any]:
    items = values.setdefault(root, [])
    if not isinstance(items, list):
        raise FieldPathError(f"{root}: not a list")
    return items


def _insert(values: dict[str, Any], spans: dict[str, list[int]], change: Change) -> tuple[str, Any, Any]:
    root, _, where = change.path.partition(".")
    if root not in LIST_ROOTS:
        raise FieldPathError(f"{change.path}: only items and recipients take new entries")
    entries = _list(values, root)
    index = len(entries) if where in ("+", "") else int(where)
    if not 0 <= index <= len(entries):
        raise FieldPathError(f"{change.path}: no such position")
    entry = _entry(root, change.value if change.value is not None else {}, change.path)
    entries.insert(index, entry)
    _shift(spans, root, {i: (i + 1 if i >= index else i) for i in range(len(entries))})
    return f"{root}.{index}", None, entry


def _remove(values: dict[str, Any], spans: dict[str, list[int]], path: str) -> tuple[str, Any, Any]:
    root, _, where = path.partition(".")
    entries = _list(values, root)
    index = int(where)
    if not 0 <= index < len(entries):
        raise FieldPathError(f"{path}: no such entry")
    old = entries.pop(index)
    _shift(spans, root, {i: (None if i == index else i - 1 if i > index else i) for i in range(len(entries) + 1)})
    return path, old, None


def _move(values: dict[str, Any], spans: dict[str, list[int]], path: str, target: int) -> tuple[str, Any, Any] | None:
    root, _, where = path.partition(".")
    entries = _list(values, root)
    index = int(where)
    if not (0 <= index < len(entries) and 0 <= target < len(entries)):
        raise FieldPathError(f"{path}: cannot move to position {target}")
    if index == target:
        return None
    entries.insert(target, entries.pop(index))
    order = list(range(len(entries)))
    order.insert(target, order.pop(index))
    _shift(spans, root, {old: new for new, old in enumerate(order)})
    return path, index, target


def _shift(spans: dict[str, list[int]], root: str, mapping: dict[int, int | None]) -> None:
    """Re-key the spans of a list's entries after entries moved (None drops them)."""
    pattern = re.compile(rf"^{root}\.(\d+)(\..*)?$")
    moved: dict[str, list[int]] = {}
    for key in list(spans):
        m = pattern.match(key)
        if m:
            span = spans.pop(key)
            new = mapping.get(int(m.group(1)), int(m.group(1)))
            if new is not None:
                moved[f"{root}.{new}{m.group(2) or ''}"] = span
    spans.update(moved)
