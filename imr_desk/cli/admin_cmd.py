"""Commands that look after the store and settings: backup, restore, config.

Services load when their command runs (see ``letters_cmd``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from imr_desk.cli.common import db_option, open_store
from imr_desk.services import userconfig


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    db = db_option()
    p = subparsers.add_parser("backup", parents=[db], help="copy the store to FILE (safe while the app runs)")
    p.add_argument("file", type=Path)
    p.set_defaults(run=run_backup)

    p = subparsers.add_parser("restore", parents=[db], help="replace the store with a checked backup")
    p.add_argument("file", type=Path)
    p.set_defaults(run=run_restore)

    p = subparsers.add_parser("config", help="show or change settings (reviewer name)")
    p.add_argument("key", nargs="?", choices=userconfig.KEYS)
    p.add_argument("value", nargs="?")
    p.set_defaults(run=run_config)


def run_backup(args: argparse.Namespace) -> int:
    from imr_desk.services.maintenance import backup

    with open_store(args) as store:
        target = backup(store, args.file)
    print(f"backed up to {target}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from imr_desk.services.maintenance import restore
    from imr_desk.store import default_db_path

    kept = restore(args.file, args.db or default_db_path())
    print(f"restored from {args.file}" + (f"; the replaced store is kept as {kept}" if kept else ""))
    return 0


def run_config(args: argparse.Namespace) -> int:
    from imr_desk.store import default_db_path

    if args.key and args.value is not None:
        userconfig.set_value(args.key, args.value)
        return 0
    if args.key:
        print(userconfig.reviewer_name() if args.key == "reviewer" else userconfig.load().get(args.key, ""))
        return 0
    print(f"reviewer: {userconfig.reviewer_name()}")
    print(f"settings file: {userconfig.config_path()}")
    print(f"store: {default_db_path()}")
    return 0
