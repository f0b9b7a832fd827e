"""Import: files and folders, dedup, bad files, progress and cancel, worker processes."""

from __future__ import annotations

import hashlib

import pytest

from imr_desk.services.importer import import_paths
from tests.conftest import real_letter_paths


@pytest.fixture
def folder(tmp_path, samples):
    root = tmp_path / "in"
    (root / "nested").mkdir(parents=True)
    for i, path in enumerate(samples):
        (root / ("nested" if i % 2 else "") / path.name).write_bytes(path.read_bytes())
    (root / "empty.txt").write_bytes(b"")
    (root / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    (root / "notes.xlsx").write_bytes(b"spreadsheet")
    return root


def test_folder_import_reports_every_file(store, folder):
    report = import_paths(store, [folder], "tester")
    assert len(report.imported) == 5
    assert sorted(p.split("/")[-1] for p, _ in report.failed) == ["broken.pdf", "empty.txt"]
    assert dict((p.split("/")[-1], r) for p, r in report.failed)["empty.txt"] == "file is empty"
    assert [p.split("/")[-1] for p, _ in report.skipped] == ["notes.xlsx"]
    assert report.summary() == "5 imported, 0 duplicates, 2 failed, 1 skipped"


def test_importing_again_is_a_reported_no_op(store, folder):
    import_paths(store, [folder], "tester")
    again = import_paths(store, [folder], "tester")
    assert again.imported == [] and len(again.duplicates) == 5
    assert store.count() == 5


def test_identical_files_in_one_run_import_once(store, tmp_path, samples):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(samples[0].read_bytes())
    b.write_bytes(samples[0].read_bytes())
    report = import_paths(store, [a, b], "tester")
    assert len(report.imported) == 1 and report.duplicates == [str(b)]


def test_poor_extraction_still_imports_with_warnings(store, tmp_path):
    path = tmp_path / "odd.txt"
    path.write_text("Dear reviewer, this is not a determination letter at all.")
    report = import_paths(store, [path], "tester")
    record = store.get(report.imported[0])
    assert record.extractor_warnings
    assert store.page()[0]["error_count"] > 0


def test_progress_and_cancel(store, folder):
    seen = []

    def progress(done, total, name):
        seen.append((done, total))

    report = import_paths(store, [folder], "tester", progress=progress, cancel=lambda: len(seen) >= 3)
    assert report.cancelled
    assert seen[0] == (1, 7) and len(seen) == 3
    assert store.count() == len(report.imported) < 5


def test_worker_processes_give_the_same_letters(tmp_path, samples):
    from imr_desk.store import Store

    files = []
    for i in range(60):
        path = tmp_path / "many" / f"{i:03d}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(samples[i % 5].read_text() + f"\n\nCopy {i}.\n")
        files.append(path)
    with Store.open(tmp_path / "a.db") as one, Store.open(tmp_path / "b.db") as many:
        single = import_paths(one, [tmp_path / "many"], "t", workers=1)
        pooled = import_paths(many, [tmp_path / "many"], "t", workers=2)
        assert len(single.imported) == len(pooled.imported) == 60
        assert [r["final_determination"] for r in one.page(limit=None)] == [
            r["final_determination"] for r in many.page(limit=None)
        ]


def test_worker_processes_skip_stored_letters_without_extracting_them(tmp_path, samples, monkeypatch):
    from imr_desk.services import importer
    from imr_desk.store import Store

    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(50):
        (folder / f"{i:03d}.txt").write_text(samples[i % 5].read_text() + f"\n\nCopy {i}.\n")
    with Store.open(tmp_path / "a.db") as store:
        first = import_paths(store, [folder], "t", workers=1)
        assert len(first.imported) == 50
        (folder / "new.txt").write_text(samples[0].read_text() + "\n\nA new one.\n")
        again = import_paths(store, [folder], "t", workers=2)
        assert len(again.imported) == 1 and len(again.duplicates) == 50
        assert store.count() == 51
    # A stored letter is recognised by its hash before any extraction runs.
    digest = hashlib.sha256((folder / "000.txt").read_bytes()).hexdigest()
    extracted = []
    monkeypatch.setattr(importer, "extract", extracted.append)
    assert importer.prepare_letter(str(folder / "000.txt"), {digest}) == {"duplicate": digest}
    assert extracted == []


def test_real_pdf_letters_import(store, real_letters):
    report = import_paths(store, real_letters, "tester")
    assert len(report.imported) == len(real_letter_paths())
    assert store.count(search="chiropractic") >= 1
