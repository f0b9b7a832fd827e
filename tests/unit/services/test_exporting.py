"""Exporting letters: statuses, safe unique names, atomic writes, the export log."""

from __future__ import annotations

import hashlib
import os

import pytest

from imr_desk.domain.errors import ImrDeskError
from imr_desk.services import exporting
from imr_desk.services.editing import Change, apply_changes
from imr_desk.services.exporting import export_letters, safe_name, unique_path
from imr_desk.services.workflow import change_status


def test_only_finalized_letters_export_unless_draft(filled_store, tmp_path):
    report = export_letters(filled_store, [1], tmp_path, "ana")
    assert report.written == [] and "finalize it first" in report.failed[0][1]
    draft = export_letters(filled_store, [1], tmp_path, "ana", draft=True)
    assert [p.name for p in draft.written] == ["letter-1-DRAFT.docx"]
    assert filled_store.get(1).status == "to_review"  # a draft changes no status


def test_export_marks_exported_and_logs_file_and_sha256(filled_store, tmp_path):
    change_status(filled_store, 1, "finalized", "ana")
    [path] = export_letters(filled_store, [1], tmp_path, "ana").written
    assert filled_store.get(1).status == "exported"
    entry = [h for h in filled_store.history(1) if h["kind"] == "export"][-1]
    assert entry["new"] == {"file": path.name, "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}
    again = export_letters(filled_store, [1], tmp_path, "ana").written  # re-export is allowed
    assert [p.name for p in again] == ["letter-1-2.docx"]  # never overwritten silently
    replaced = export_letters(filled_store, [1], tmp_path, "ana", overwrite=True).written
    assert [p.name for p in replaced] == ["letter-1.docx"]


def test_per_recipient_copies(filled_store, tmp_path):
    apply_changes(filled_store, 2, [
        Change("recipients.+", {"role": "employee", "name": "Jane Doe"}, "insert"),
        Change("recipients.+", {"role": "attorney", "name": "Law Office / Smith"}, "insert"),
        Change("case.case_number", "CM13-0001234"),
    ], "ana")
    change_status(filled_store, 2, "finalized", "ana")
    names = [p.name for p in export_letters(filled_store, [2], tmp_path, "ana", per_recipient=True).written]
    assert names == ["CM13-0001234-Jane-Doe.docx", "CM13-0001234-Law-Office-Smith.docx"]


def test_a_failed_write_leaves_no_file(filled_store, tmp_path, monkeypatch):
    import docx.document

    change_status(filled_store, 1, "finalized", "ana")
    out = tmp_path / "out"
    (out / "letter-1.docx").parent.mkdir()
    (out / "letter-1.docx").write_bytes(b"an earlier export")

    def half_written(self, path):
        with open(path, "wb") as handle:
            handle.write(b"PK\x03\x04 half a document")
        raise OSError("disk full")

    monkeypatch.setattr(docx.document.Document, "save", half_written)
    with pytest.raises(OSError):
        export_letters(filled_store, [1], out, "ana", overwrite=True)
    assert os.listdir(out) == ["letter-1.docx"]
    assert (out / "letter-1.docx").read_bytes() == b"an earlier export"
    assert filled_store.get(1).status == "finalized"


@pytest.mark.parametrize(("raw", "safe"), [("CM16-0237844", "CM16-0237844"), ("a/b\\c:d*?", "a-b-c-d"), ("CON", "letter-CON"), ("", "letter")])
def test_safe_names(raw, safe):
    assert safe_name(raw) == safe


def test_unique_path(tmp_path):
    (tmp_path / "x.docx").write_text("")
    (tmp_path / "x-2.docx").write_text("")
    assert unique_path(tmp_path, "x", ".docx", overwrite=False).name == "x-3.docx"
    assert unique_path(tmp_path, "x", ".docx", overwrite=True).name == "x.docx"


def test_pdf_without_libreoffice_says_why(filled_store, tmp_path, monkeypatch):
    monkeypatch.setattr(exporting, "pdf_converter", lambda: None)
    with pytest.raises(ImrDeskError, match="needs LibreOffice"):
        export_letters(filled_store, [1], tmp_path, "ana", pdf=True)
