"""Import letter files and folders into the store.

Each file is read and hashed — in worker processes for large imports — and a letter
already stored is a reported no-op; the others are extracted and written in
transactions of whole letters, so a kill at any moment leaves each letter fully stored
or absent and running the same import again completes the rest.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
from collections.abc import Callable, Collection, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from imr_desk.domain.errors import UnreadableFileError
from imr_desk.domain.letter import letter_values
from imr_desk.extract import extract
from imr_desk.readers import files_under, is_supported, load_file, read_bytes
from imr_desk.store.letters import NewLetter, Store, letter_row

#: done, total, name of the file just handled
ProgressFn = Callable[[int, int, str], None]
CancelFn = Callable[[], bool]

BATCH = 250  # letters per transaction
IN_PROCESS_BELOW = 40  # smaller imports skip the worker start-up


@dataclass
class ImportReport:
    imported: list[int] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # not letter files
    cancelled: bool = False

    def summary(self) -> str:
        text = f"{len(self.imported)} imported, {len(self.duplicates)} duplicates, {len(self.failed)} failed"
        if self.skipped:
            text += f", {len(self.skipped)} skipped"
        return text + (" (cancelled)" if self.cancelled else "")

    def as_dict(self) -> dict[str, Any]:
        return {
            "imported": self.imported, "duplicates": self.duplicates,
            "failed": [{"path": p, "reason": r} for p, r in self.failed],
            "skipped": [{"path": p, "reason": r} for p, r in self.skipped],
            "cancelled": self.cancelled,
        }


def collect_files(paths: Iterable[str | Path]) -> tuple[list[str], list[tuple[str, str]]]:
    """Letter files under ``paths`` (folders recursively, sorted) and what was skipped."""
    files: list[str] = []
    skipped: list[tuple[str, str]] = []
    for raw in paths:
        path = os.fspath(raw)
        if os.path.isdir(path):
            for child in files_under(path):
                (files.append(child) if is_supported(child) else skipped.append((child, "not a .txt, .pdf or .docx file")))
        elif os.path.isfile(path) and not is_supported(path):
            skipped.append((path, "not a .txt, .pdf or .docx file"))
        else:
            files.append(path)  # missing files fail with a reason when read
    return files, skipped


def prepare_letter(path: str, known: Collection[str] = ()) -> dict[str, Any]:
    """Read and extract one file (runs in a worker process): the row to store, a letter
    whose hash is in ``known`` (``{"duplicate": sha256}``), or an error."""
    try:
        data, fmt = load_file(path)
        digest = hashlib.sha256(data).hexdigest()
        if digest in known:
            return {"duplicate": digest}
        document = read_bytes(data, fmt, source_path=path, sha256=digest)
        extraction = extract(document).as_dict()
    except UnreadableFileError as exc:
        return {"error": exc.reason}
    spans_and_warnings = {"spans": extraction.pop("spans"), "warnings": extraction.pop("warnings")}
    extraction.pop("text")
    source = extraction.pop("source")
    stored_extraction = {**extraction, **spans_and_warnings}
    return letter_row(
        NewLetter(
            sha256=document.sha256, source_name=os.path.basename(path), source_path=path,
            format=document.format, encoding=source.get("encoding"), text=document.text,
            page_starts=list(document.page_starts), extracted=stored_extraction,
            current=letter_values(extraction, share=True),
        )
    )


# The hashes already stored, handed to each worker process once when it starts.
_worker_known: Collection[str] = ()


def _start_worker(known: Collection[str]) -> None:
    global _worker_known
    _worker_known = known
    gc.freeze()  # what start-up made lives on: collections over thousands of letters skip it


def _prepare_in_worker(path: str) -> dict[str, Any]:
    return prepare_letter(path, _worker_known)


def import_paths(
    store: Store,
    paths: Iterable[str | Path],
    who: str,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
    workers: int | None = None,
) -> ImportReport:
    """Import files and folders; see the module docstring for the guarantees."""
    files, skipped = collect_files(paths)
    report = ImportReport(skipped=skipped)
    total = len(files)
    done = 0

    def tick(name: str) -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, total, name)

    known = store.all_hashes()
    added: set[str] = set()  # hashes of letters this run stores (a file may be listed twice)
    pending: list[dict[str, Any]] = []
    results = _prepared(files, workers, known)
    try:
        for path, result in results:
            if cancel and cancel():
                report.cancelled = True
                break
            if "error" in result:
                report.failed.append((path, result["error"]))
            elif "duplicate" in result or result["sha256"] in added:
                report.duplicates.append(path)
            else:
                added.add(result["sha256"])
                pending.append(result)
                if len(pending) >= BATCH:
                    report.imported += store.add_rows(pending, who)
                    pending = []
            tick(os.path.basename(path))
    finally:
        results.close()
    if pending:
        report.imported += store.add_rows(pending, who)
    return report


def _prepared(paths: list[str], workers: int | None, known: frozenset[str]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(path, prepared letter) in order, from worker processes when the job is large."""
    count = workers if workers is not None else (os.cpu_count() or 1)
    if count <= 1 or len(paths) < IN_PROCESS_BELOW:
        for path in paths:
            yield path, prepare_letter(path, known)
        return
    # "spawn": safe beside GUI threads and in a frozen application.
    context = multiprocessing.get_context("spawn")
    executor = ProcessPoolExecutor(max_workers=count, mp_context=context, initializer=_start_worker, initargs=(known,))
    try:
        yield from zip(paths, executor.map(_prepare_in_worker, paths, chunksize=16))
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
