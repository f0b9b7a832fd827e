"""``imr-desk extract``: print the fields of letters as JSON, without storing anything."""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from collections.abc import Callable, Iterator
from typing import Any

import orjson

from imr_desk.domain.errors import UnreadableFileError
from imr_desk.extract import extract
from imr_desk.readers import files_under, is_supported, read_document


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="print the extracted fields of letters as JSON",
        description="Read letters (.txt, .pdf, .docx) and print their fields as JSON.",
    )
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--json", action="store_true", help="one letter, printed as one JSON object")
    mode.add_argument("--jsonl", action="store_true", help="files and folders, one JSON object per line")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="letter files (and folders with --jsonl)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.json:
        if len(args.paths) != 1:
            print("imr-desk extract: --json takes exactly one file (use --jsonl for several)", file=sys.stderr)
            return 2
        try:
            letter = extract(read_document(args.paths[0])).as_dict()
        except UnreadableFileError as exc:
            print(f"imr-desk extract: {exc}", file=sys.stderr)
            return 2
        _byte_stdout()(json_bytes(letter, indent=True))
        return 0
    gc.freeze()  # what start-up made lives on: collections over thousands of letters skip it
    failed = 0
    write = _byte_stdout()
    for path in iter_letter_files(args.paths):
        try:
            letter = extract(read_document(path)).as_dict()
        except UnreadableFileError as exc:
            print(f"imr-desk extract: {exc}", file=sys.stderr)
            failed += 1
            continue
        write(json_bytes(letter))
    return 1 if failed else 0


def _byte_stdout() -> Callable[[bytes], object]:
    """Standard output's byte stream, after what was written to it as text."""
    sys.stdout.flush()
    return sys.stdout.buffer.write


def json_bytes(letter: dict[str, Any], *, indent: bool = False) -> bytes:
    """One letter as a line of UTF-8 JSON (or an indented object), newline included."""
    try:
        return orjson.dumps(letter, option=_INDENTED if indent else orjson.OPT_APPEND_NEWLINE)
    except orjson.JSONEncodeError:  # a lone surrogate, as from an undecodable file name: escape it
        return (json.dumps(letter, indent=2 if indent else None) + "\n").encode("ascii")


_INDENTED = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE


def iter_letter_files(paths: list[str]) -> Iterator[str]:
    """Named files as given; folders walked recursively for supported letters, sorted."""
    for path in paths:
        if os.path.isdir(path):
            yield from (p for p in files_under(path) if is_supported(p))
        else:
            yield path
