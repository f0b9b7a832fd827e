"""The local SQLite store (sqlite-utils): letters, the edit log, full-text search."""

from imr_desk.store.connection import connect, default_db_path
from imr_desk.store.letters import LetterRecord, Store

__all__ = ["LetterRecord", "Store", "connect", "default_db_path"]
