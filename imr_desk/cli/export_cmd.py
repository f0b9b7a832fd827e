"""``imr-desk export``: write Final Determination letters as DOCX (and PDF).

The export service (python-docx) loads only when the command runs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from imr_desk.cli.common import TerminalProgress, db_option, fail, letter_id, open_store
from imr_desk.domain.status import STATUSES


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "export", parents=[db_option()], help="write letters as DOCX ready for mailing",
        description="Write finalized (or exported) letters as DOCX; --draft writes any letter, marked DRAFT.",
    )
    p.add_argument("ids", nargs="*", type=letter_id, metavar="ID")
    p.add_argument("--status", choices=STATUSES, help="every letter with this status (e.g. finalized)")
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help="the folder to write into")
    p.add_argument("--pdf", action="store_true", help="a PDF beside each DOCX (needs LibreOffice)")
    p.add_argument("--draft", action="store_true", help="any status; DRAFT on every page; no status change")
    p.add_argument("--per-recipient", action="store_true", help="one copy addressed to each recipient")
    p.add_argument("--overwrite", action="store_true", help="replace files of the same name (default: add -2, -3…)")
    p.set_defaults(run=run_export)


def run_export(args: argparse.Namespace) -> int:
    from imr_desk.services.exporting import export_letters
    from imr_desk.services.userconfig import reviewer_name

    if bool(args.ids) == bool(args.status):
        return fail("export: name letter ids or --status, not both")
    with open_store(args) as store:
        ids = args.ids or [row["id"] for row in store.page(status=args.status, limit=None, columns=("id",))]
        if not ids:
            return fail(f"export: no letters are {args.status}")
        for i in args.ids:
            store.get(i)  # an unknown id is refused before anything is written
        report = export_letters(
            store, ids, args.out, reviewer_name(), draft=args.draft, per_recipient=args.per_recipient,
            overwrite=args.overwrite, pdf=args.pdf, progress=TerminalProgress("exporting"),
        )
    for path in report.written:
        print(path)
    for failed_id, reason in report.failed:
        print(f"imr-desk export: {reason}", file=sys.stderr)
    if report.failed and not report.written:
        return 2
    return 1 if report.failed else 0
