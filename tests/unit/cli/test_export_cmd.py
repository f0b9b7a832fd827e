"""``imr-desk export``: files written, exit statuses, refusals."""

from __future__ import annotations

import pytest

from imr_desk.cli.main import main


@pytest.fixture
def db(tmp_path, samples, capsys):
    path = str(tmp_path / "cli.db")
    main(["import", "--db", path, *map(str, samples)])
    main(["status", "--db", path, "1", "finalized"])
    main(["status", "--db", path, "2", "finalized"])
    capsys.readouterr()
    return path


def test_export_by_status_prints_one_line_per_file(db, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["export", "--db", db, "--status", "finalized", "--out", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [str(out / "letter-1.docx"), str(out / "letter-2.docx")]
    assert main(["export", "--db", db, "--status", "finalized", "--out", str(out)]) == 2  # now exported
    assert "no letters are finalized" in capsys.readouterr().err


def test_partial_and_refused_exports(db, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["export", "--db", db, "1", "3", "--out", str(out)]) == 1
    captured = capsys.readouterr()
    assert captured.out.strip() == str(out / "letter-1.docx")
    assert "letter 3 is to_review; finalize it first" in captured.err
    assert main(["export", "--db", db, "3", "--out", str(out)]) == 2
    assert main(["export", "--db", db, "3", "--out", str(out), "--draft"]) == 0
    assert capsys.readouterr().out.strip().endswith("letter-3-DRAFT.docx")


def test_bad_arguments(db, tmp_path, capsys):
    assert main(["export", "--db", db, "--out", str(tmp_path)]) == 2
    assert main(["export", "--db", db, "99", "--out", str(tmp_path)]) == 2
    assert "no letter with id 99" in capsys.readouterr().err
