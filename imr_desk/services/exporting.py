"""Export finalized letters as DOCX (and PDF where LibreOffice is installed)."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from imr_desk.assets import resource_path
from imr_desk.domain.errors import ImrDeskError
from imr_desk.domain.status import EXPORTED, FINALIZED
from imr_desk.export.letter_docx import render
from imr_desk.store.letters import LetterRecord, LogEntry, Store

ProgressFn = Callable[[int, int, str], None]
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


@dataclass
class ExportReport:
    written: list[Path] = field(default_factory=list)
    failed: list[tuple[int, str]] = field(default_factory=list)  # (letter id, reason)
    cancelled: bool = False


def default_template() -> Path:
    return resource_path("templates", "determination.docx")


def pdf_converter() -> str | None:
    """The LibreOffice command, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def pdf_unavailable_reason() -> str | None:
    if pdf_converter():
        return None
    return "PDF export needs LibreOffice (the soffice command), which is not installed on this computer"


def safe_name(text: str) -> str:
    """A file name stem safe on Windows and Linux."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-._")[:80] or "letter"
    return f"letter-{stem}" if stem.lower() in _RESERVED else stem


def unique_path(folder: Path, stem: str, suffix: str, overwrite: bool) -> Path:
    """``stem.suffix`` in ``folder``, or ``stem-2.suffix``… when taken (unless overwriting)."""
    candidate = folder / f"{stem}{suffix}"
    number = 2
    while candidate.exists() and not overwrite:
        candidate = folder / f"{stem}-{number}{suffix}"
        number += 1
    return candidate


def _write_atomically(target: Path, write: Callable[[Path], None]) -> str:
    """Write through a temporary file in the same folder, then rename; returns the sha256."""
    handle, temporary = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".partial", dir=target.parent)
    os.close(handle)
    try:
        write(Path(temporary))
        digest = hashlib.sha256(Path(temporary).read_bytes()).hexdigest()
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return digest


def _to_pdf(docx_path: Path, target: Path) -> str:
    converter = pdf_converter()
    if converter is None:
        raise ImrDeskError(pdf_unavailable_reason() or "no PDF converter")
    with tempfile.TemporaryDirectory() as work:
        result = subprocess.run(
            [converter, "--headless", "--convert-to", "pdf", "--outdir", work, str(docx_path)],
            capture_output=True, text=True, timeout=180, check=False,
            env={**os.environ, "HOME": work},  # a private LibreOffice profile: no clash with an open office
        )
        produced = Path(work) / (docx_path.stem + ".pdf")
        if result.returncode != 0 or not produced.exists():
            raise ImrDeskError(f"LibreOffice could not convert {docx_path.name}: {result.stderr.strip()[:200]}")
        return _write_atomically(target, lambda tmp: shutil.copyfile(produced, tmp))


def export_letters(
    store: Store,
    letter_ids: list[int],
    folder: str | Path,
    who: str,
    *,
    draft: bool = False,
    per_recipient: bool = False,
    overwrite: bool = False,
    pdf: bool = False,
    template: Path | None = None,
    progress: ProgressFn | None = None,
    cancel: Callable[[], bool] | None = None,
) -> ExportReport:
    """Write each letter; final exports mark it exported and log the file and its sha256."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if pdf and pdf_converter() is None:
        raise ImrDeskError(pdf_unavailable_reason() or "")
    template = template or default_template()
    report = ExportReport()
    for done, letter_id in enumerate(letter_ids, start=1):
        if cancel and cancel():
            report.cancelled = True
            break
        try:
            record = store.get(letter_id)
            report.written += _export_one(store, record, folder, who, template, draft, per_recipient, overwrite, pdf)
        except ImrDeskError as exc:
            report.failed.append((letter_id, str(exc)))
        if progress:
            progress(done, len(letter_ids), f"letter {letter_id}")
    return report


def _export_one(
    store: Store, record: LetterRecord, folder: Path, who: str, template: Path,
    draft: bool, per_recipient: bool, overwrite: bool, pdf: bool,
) -> list[Path]:
    if not draft and record.status not in (FINALIZED, EXPORTED):
        raise ImrDeskError(f"letter {record.id} is {record.status}; finalize it first, or export a draft")
    letter = record.current
    recipients = [r for r in letter.get("recipients") or [] if r.get("name") or r.get("address")]
    addressees = list(range(len(recipients))) if per_recipient and recipients else [0]
    stem = safe_name((letter.get("case") or {}).get("case_number") or f"letter-{record.id}")
    written: list[Path] = []
    entries: list[LogEntry] = []
    for addressee in addressees:
        name = stem
        if per_recipient and recipients:
            name += "-" + safe_name(recipients[addressee].get("name") or recipients[addressee].get("role") or str(addressee + 1))
        if draft:
            name += "-DRAFT"
        document = render(template, letter, draft=draft, addressee=addressee)
        target = unique_path(folder, name, ".docx", overwrite)
        digest = _write_atomically(target, lambda tmp: document.save(str(tmp)))
        written.append(target)
        entries.append(LogEntry("export", None, None, {"file": target.name, "sha256": digest}, None, "draft" if draft else None))
        if pdf:
            pdf_target = unique_path(folder, name, ".pdf", overwrite)
            pdf_digest = _to_pdf(target, pdf_target)
            written.append(pdf_target)
            entries.append(LogEntry("export", None, None, {"file": pdf_target.name, "sha256": pdf_digest}, None, "draft" if draft else None))
    if draft:
        store.log(record.id, who, entries)
    else:
        status_entry = [LogEntry("status", None, record.status, EXPORTED)] if record.status != EXPORTED else []
        store.save(record.id, record.current, record.spans, status_entry + entries, who, status=EXPORTED)
    return written
