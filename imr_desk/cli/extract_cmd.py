"""``imr-desk extract``: print the fields of letters as JSON, without storing anything."""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from collections.abc import Callable, Iterator
from typing import Any

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
        json.dump(letter, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    gc.freeze()  # what start-up made lives on: collections over thousands of letters skip it
    failed = 0
    write = sys.stdout.write
    encode = json.JSONEncoder(check_circular=False).encode  # ASCII escapes: valid JSON, and twice as fast
    for path in iter_letter_files(args.paths):
        try:
            letter = extract(read_document(path)).as_dict()
        except UnreadableFileError as exc:
            print(f"imr-desk extract: {exc}", file=sys.stderr)
            failed += 1
            continue
        write(json_line(letter, encode))
        write("\n")
    return 1 if failed else 0


# Characters JSON must escape as \uXXXX (or \t, \f, ...): every control character but the newline.
_CONTROLS = tuple(chr(c) for c in (*range(32), 127) if c != 10)


#: The long strings of a letter, in the order the letter JSON holds them.
_LONG_STRINGS = ("text", "clinical_case_summary")


def json_line(letter: dict[str, Any], encode: Callable[[Any], str]) -> str:
    """``encode(letter)``, with the letter's long strings (most of the line) escaped by
    string methods, which is faster than the encoder for ASCII text."""
    long = {key: letter[key] for key in _LONG_STRINGS if _plain_ascii(letter.get(key))}
    if not long:
        return encode(letter)
    rest = encode({**letter, **dict.fromkeys(long, "")})
    parts = []
    for key, value in long.items():
        head, marker, rest = rest.partition(f'"{key}": ""')
        if not marker:  # an encoder with other separators
            return encode(letter)
        escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        parts += [head, f'"{key}": "{escaped}"']
    return "".join(parts) + rest


def _plain_ascii(value: object) -> bool:
    """An ASCII string whose only character JSON escapes as a control is the newline."""
    return isinstance(value, str) and value.isascii() and not any(c in value for c in _CONTROLS)


def iter_letter_files(paths: list[str]) -> Iterator[str]:
    """Named files as given; folders walked recursively for supported letters, sorted."""
    for path in paths:
        if os.path.isdir(path):
            yield from (p for p in files_under(path) if is_supported(p))
        else:
            yield path
