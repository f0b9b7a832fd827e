"""Open the store: one factory, owner-only files, WAL, synchronous=FULL, migrations."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import platformdirs
from sqlite_utils import Database

from imr_desk.domain.errors import ImrDeskError
from imr_desk.store.schema import migrations

APP_NAME = "imr-desk"
DB_ENV = "IMR_DESK_DB"


class StoreError(ImrDeskError):
    """The store cannot be opened or used as asked."""


def default_db_path() -> Path:
    """``$IMR_DESK_DB``, else ``letters.db`` in the per-user data directory."""
    override = os.environ.get(DB_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "letters.db"


def connect(path: str | Path | None = None, *, migrate: bool = True) -> Database:
    """Open (creating if needed) the store at ``path`` with migrations applied."""
    path = Path(path) if path is not None else default_db_path()
    _prepare_files(path)
    try:
        db = Database(path, execute_plugins=False)
        db.conn.execute("PRAGMA busy_timeout = 5000")
        db.conn.execute("PRAGMA foreign_keys = ON")
        db.enable_wal()
        db.conn.execute("PRAGMA synchronous = FULL")
        if migrate:
            migrations.apply(db)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a usable imr-desk store ({exc})") from None
    return db


def _prepare_files(path: Path) -> None:
    """Create the folder (0700) and the file (0600) owner-only where the OS supports it."""
    folder = path.parent
    if not folder.exists():
        try:
            folder.mkdir(parents=True, mode=0o700)
        except OSError as exc:
            raise StoreError(f"{folder}: cannot create the store's folder ({exc.strerror})") from None
    if not path.exists():
        try:
            fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
            os.close(fd)
        except OSError as exc:
            raise StoreError(f"{path}: cannot create the store ({exc.strerror})") from None
