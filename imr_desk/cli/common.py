"""Pieces shared by the commands: the --db option, opening the store, output helpers."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from typing import TYPE_CHECKING

from imr_desk.domain.errors import ImrDeskError

if TYPE_CHECKING:
    from imr_desk.store import Store


def db_option() -> argparse.ArgumentParser:
    """A parent parser giving a command ``--db FILE``."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--db", metavar="FILE", type=Path, default=None,
        help="the store file (default: $IMR_DESK_DB, else the per-user data folder)",
    )
    return parent


def open_store(args: argparse.Namespace) -> Store:
    from imr_desk.store import Store, default_db_path  # sqlite-utils loads only for commands that need it

    return Store.open(args.db or default_db_path())


def letter_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a letter id") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a letter id")
    return value


def fail(message: str) -> int:
    print(f"imr-desk: {message}", file=sys.stderr)
    return 2


class TerminalProgress:
    """A one-line progress bar on stderr, only when stderr is a terminal."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.enabled = sys.stderr.isatty()

    def __call__(self, done: int, total: int, name: str) -> None:
        if not self.enabled or total == 0:
            return
        width = 30
        filled = int(width * done / total)
        sys.stderr.write(f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name[:30]:<30}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()


__all__ = ["ImrDeskError", "TerminalProgress", "db_option", "fail", "letter_id", "open_store"]
