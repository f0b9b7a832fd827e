"""``imr-desk``: the command-line entry point."""

from __future__ import annotations

import argparse
import sys

from imr_desk import __version__
from imr_desk.cli import admin_cmd, export_cmd, extract_cmd, letters_cmd
from imr_desk.domain.errors import ImrDeskError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="imr-desk",
        description="Reviewer workstation for California DWC IMR Final Determination letters.",
    )
    parser.add_argument("--version", action="version", version=f"imr-desk {__version__}")
    parser.add_argument("--self-test", action="store_true", help="check this installation in a temporary folder")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    gui = subparsers.add_parser("gui", help="open the reviewer workstation (the default)")
    gui.add_argument("--db", metavar="FILE", default=None, help="the store file")
    gui.set_defaults(run=_run_gui)
    extract_cmd.add_parser(subparsers)
    letters_cmd.add_parsers(subparsers)
    export_cmd.add_parser(subparsers)
    admin_cmd.add_parsers(subparsers)
    return parser


def _run_gui(args: argparse.Namespace) -> int:
    from imr_desk.app import run  # Qt loads only for the window

    return run(args.db)


def main(argv: list[str] | None = None) -> int:
    if getattr(sys, "frozen", False):  # worker processes of a frozen app start here
        import multiprocessing

        multiprocessing.freeze_support()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        from imr_desk.ui.selftest import run_self_test  # Qt loads only for the self-test

        return run_self_test()
    if not hasattr(args, "run"):
        args = parser.parse_args(["gui"])
    try:
        return args.run(args)
    except ImrDeskError as exc:
        print(f"imr-desk: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("imr-desk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
