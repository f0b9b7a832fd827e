"""Re-extraction, deletion, backup and restore of the store."""

from __future__ import annotations

import copy
import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from imr_desk.domain.errors import ImrDeskError
from imr_desk.domain.fieldpaths import get_value, set_value
from imr_desk.domain.letter import letter_values, refresh_final_determination
from imr_desk.domain.status import is_editable
from imr_desk.extract import extract_text
from imr_desk.store.connection import StoreError
from imr_desk.store.letters import LogEntry, Store
from imr_desk.store.schema import migrations


@dataclass
class ReextractReport:
    changed: dict[int, list[str]] = field(default_factory=dict)  # letter id -> changed field paths
    unchanged: list[int] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)  # finalized or exported: left as they are


def reextract(store: Store, letter_ids: list[int], who: str) -> ReextractReport:
    """Run extraction again on stored text; fields a reviewer edited keep their values."""
    report = ReextractReport()
    for letter_id in letter_ids:
        record = store.get(letter_id)
        if not is_editable(record.status):
            report.skipped.append(letter_id)
            continue
        fresh = extract_text(record.text).as_dict()
        spans, warnings = fresh.pop("spans"), fresh.pop("warnings")
        fresh.pop("text", None)
        fresh.pop("source", None)
        new_values = letter_values(fresh)
        for path in ("letter", "recipients"):
            _keep(record.current, new_values, path)  # fields beyond extraction stay as they are
        edited = store.edited_fields(letter_id)
        for path in sorted(edited):
            _keep(record.current, new_values, path)
        if any(p.startswith("items") for p in edited):
            new_values["items"] = copy.deepcopy(record.current.get("items", []))
            refresh_final_determination(new_values)
        changed = _changed_paths(record.current, new_values)
        if not changed and fresh == {k: v for k, v in record.extracted.items() if k not in ("spans", "warnings")}:
            report.unchanged.append(letter_id)
            continue
        extracted = {**fresh, "spans": spans, "warnings": warnings}
        kept_spans = {k: v for k, v in record.spans.items() if k in edited}
        entry = LogEntry("reextract", None, None, changed, None, None)
        store.save(letter_id, new_values, {**spans, **kept_spans}, [entry], who, extracted=extracted, extractor_warnings=warnings)
        if changed:
            report.changed[letter_id] = changed
        else:
            report.unchanged.append(letter_id)
    return report


def _keep(old: dict[str, Any], new: dict[str, Any], path: str) -> None:
    try:
        value = get_value(old, path)
    except ImrDeskError:
        return
    try:
        set_value(new, path, copy.deepcopy(value))
    except ImrDeskError:
        pass


def _changed_paths(old: Any, new: Any, prefix: str = "") -> list[str]:
    if isinstance(old, dict) and isinstance(new, dict):
        out: list[str] = []
        for key in sorted(set(old) | set(new)):
            out += _changed_paths(old.get(key), new.get(key), f"{prefix}{key}.")
        return out
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new) and prefix.startswith("items"):
        out = []
        for i, (a, b) in enumerate(zip(old, new)):
            out += _changed_paths(a, b, f"{prefix}{i}.")
        return out
    return [] if old == new else [prefix.rstrip(".")]


def backup(store: Store, target: str | Path) -> Path:
    """Copy the store with SQLite's online backup (safe while the app runs)."""
    target = Path(target)
    if target.exists():
        raise ImrDeskError(f"{target}: already exists; choose a new file name")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    destination = sqlite3.connect(partial)
    try:
        store.db.conn.backup(destination)
    finally:
        destination.close()
    os.chmod(partial, 0o600)
    os.replace(partial, target)
    return target


def check_backup(path: str | Path) -> int:
    """Raise StoreError unless ``path`` is a sound imr-desk store; returns its letter count."""
    path = Path(path)
    if not path.is_file():
        raise StoreError(f"{path}: no such file")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise StoreError(f"{path}: the file is damaged (integrity check failed)")
            names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not {"letters", "edits", migrations.migrations_table} <= names:
                raise StoreError(f"{path}: not an imr-desk store")
            return conn.execute("SELECT count(*) FROM letters").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a SQLite database ({exc})") from None


def restore(source: str | Path, store_path: str | Path) -> Path | None:
    """Replace the store at ``store_path`` with a checked copy of ``source``.

    The replaced store is kept beside it (``letters.db.replaced-<time>``); returns its path.
    """
    check_backup(source)
    store_path = Path(store_path)
    kept = None
    if store_path.exists():
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        kept = store_path.with_name(f"{store_path.name}.replaced-{stamp}")
        conn = sqlite3.connect(store_path)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
        os.replace(store_path, kept)
        for suffix in ("-wal", "-shm"):
            side = store_path.with_name(store_path.name + suffix)
            if side.exists():
                side.unlink()
    partial = store_path.with_name(store_path.name + ".partial")
    shutil.copyfile(source, partial)
    os.chmod(partial, 0o600)
    os.replace(partial, store_path)
    return kept
