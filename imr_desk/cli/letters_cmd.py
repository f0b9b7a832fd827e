"""Commands over stored letters: import, list, show, set, status, reextract, delete.

Each command imports the services it runs on when it runs, so that starting one
command does not load every other command's libraries.
"""

from __future__ import annotations

import argparse
import json
import sys

from imr_desk.cli.common import TerminalProgress, db_option, fail, letter_id, open_store
from imr_desk.domain.status import STATUSES


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    db = db_option()
    p = subparsers.add_parser("import", parents=[db], help="import letter files and folders into the store")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--workers", type=int, default=None, help=argparse.SUPPRESS)
    p.set_defaults(run=run_import)

    p = subparsers.add_parser("list", parents=[db], help="list stored letters")
    p.add_argument("--status", choices=STATUSES)
    p.add_argument("--search", metavar="TEXT", help="full-text search in letter text and requests")
    p.add_argument("--limit", type=int, default=None)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_list)

    p = subparsers.add_parser("show", parents=[db], help="show a letter's current values")
    p.add_argument("id", type=letter_id)
    p.add_argument("--json", action="store_true")
    p.add_argument("--history", action="store_true", help="show the edit log")
    p.set_defaults(run=run_show)

    p = subparsers.add_parser("set", parents=[db], help="change fields: FIELD=VALUE (JSON where it parses)")
    p.add_argument("id", type=letter_id)
    p.add_argument("assignments", nargs="+", metavar="FIELD=VALUE")
    p.add_argument("--reason", metavar="TEXT")
    p.set_defaults(run=run_set)

    p = subparsers.add_parser("status", parents=[db], help="change a letter's status")
    p.add_argument("id", type=letter_id)
    p.add_argument("status", choices=STATUSES)
    p.add_argument("--reason", metavar="TEXT", help="required to finalize while errors remain")
    p.set_defaults(run=run_status)

    p = subparsers.add_parser("reextract", parents=[db], help="extract stored letters again (edited fields are kept)")
    p.add_argument("ids", nargs="*", type=letter_id, metavar="ID")
    p.add_argument("--all", action="store_true")
    p.set_defaults(run=run_reextract)

    p = subparsers.add_parser("delete", parents=[db], help="delete letters (the log keeps a tombstone)")
    p.add_argument("ids", nargs="+", type=letter_id, metavar="ID")
    p.add_argument("--reason", metavar="TEXT", required=True)
    p.set_defaults(run=run_delete)


def run_import(args: argparse.Namespace) -> int:
    from imr_desk.services.importer import import_paths
    from imr_desk.services.userconfig import reviewer_name

    with open_store(args) as store:
        report = import_paths(store, args.paths, reviewer_name(), progress=TerminalProgress("importing"), workers=args.workers)
    if args.json:
        print(json.dumps(report.as_dict()))
    else:
        print(report.summary())
    for path, reason in report.failed:
        print(f"imr-desk import: {path}: {reason}", file=sys.stderr)
    for path, reason in report.skipped:
        print(f"imr-desk import: skipped {path}: {reason}", file=sys.stderr)
    if report.failed and not report.imported and not report.duplicates:
        return 2
    return 1 if report.failed else 0


def run_list(args: argparse.Namespace) -> int:
    from imr_desk.store.queue import LIST_COLUMNS

    with open_store(args) as store:
        rows = store.page(status=args.status, search=args.search, limit=args.limit, order_by="id")
    keys = [c for c in LIST_COLUMNS if c not in ("case_number", "error_count", "mailed_on")]
    if args.json:
        print(json.dumps([{k: row[k] for k in keys} for row in rows], ensure_ascii=False))
        return 0
    for row in rows:
        print(
            f"{row['id']:>6}  {row['status']:<10} {str(row['final_determination'] or '-'):<21} "
            f"{str(row['patient_age'] or '-'):>3} {str(row['patient_sex'] or '-'):<6} {str(row['injury_date'] or '-'):<10} "
            f"items {row['item_count']}  warnings {row['warning_count']}  {row['source_name']}"
        )
    return 0


def run_show(args: argparse.Namespace) -> int:
    from imr_desk.services.workflow import problems_of

    with open_store(args) as store:
        record = store.get(args.id)
        history = store.history(args.id) if args.history else None
        row = store.db.execute(
            "SELECT item_count, warning_count, error_count, imported_at FROM letters WHERE id = ?", [args.id]
        ).fetchone()
    letter = record.as_dict()
    letter.update(dict(zip(("item_count", "warning_count", "error_count", "imported_at"), row)))
    letter["problems"] = [p.as_dict() for p in problems_of(record)]
    if history is not None:
        letter["history"] = history
    if args.json or args.history:
        print(json.dumps(letter, ensure_ascii=False, indent=2))
        return 0
    print(f"letter {record.id} ({record.status}) from {record.source_name}")
    for key in ("patient", "injury", "ur_decision_date", "final_determination", "reviewer"):
        print(f"  {key}: {json.dumps(letter.get(key), ensure_ascii=False)}")
    for i, item in enumerate(letter.get("items") or []):
        print(f"  items.{i}: {item.get('decision')} | qty {item.get('quantity')} | {item.get('request')}")
    for problem in letter["problems"]:
        print(f"  {problem['severity']}: {problem['field']}: {problem['message']}")
    return 0


def run_set(args: argparse.Namespace) -> int:
    from imr_desk.services.editing import apply_changes, parse_assignment
    from imr_desk.services.userconfig import reviewer_name

    changes = [parse_assignment(a) for a in args.assignments]
    with open_store(args) as store:
        apply_changes(store, args.id, changes, reviewer_name(), args.reason)
    return 0


def run_status(args: argparse.Namespace) -> int:
    from imr_desk.services.userconfig import reviewer_name
    from imr_desk.services.workflow import change_status

    with open_store(args) as store:
        before = store.get(args.id).status
        after = change_status(store, args.id, args.status, reviewer_name(), args.reason).status
    print(f"letter {args.id}: {before} -> {after}" if after != before else f"letter {args.id} is already {after}")
    return 0


def run_reextract(args: argparse.Namespace) -> int:
    from imr_desk.services.maintenance import reextract
    from imr_desk.services.userconfig import reviewer_name

    if not args.ids and not args.all:
        return fail("reextract: name letter ids or --all")
    with open_store(args) as store:
        ids = list(store.all_ids()) if args.all else args.ids
        for i in ids:
            store.get(i)  # unknown ids fail before anything changes
        report = reextract(store, ids, reviewer_name())
    for i, paths in sorted(report.changed.items()):
        print(f"{i}: {', '.join(paths)}")
    print(f"{len(report.changed)} changed, {len(report.unchanged)} unchanged, {len(report.skipped)} finalized or exported (left as they are)")
    return 0


def run_delete(args: argparse.Namespace) -> int:
    from imr_desk.services.userconfig import reviewer_name

    if not args.reason.strip():
        return fail("delete: give a reason")
    with open_store(args) as store:
        for i in args.ids:
            store.get(i)
        for i in args.ids:
            store.delete(i, reviewer_name(), args.reason)
    print(f"{len(args.ids)} deleted")
    return 0
