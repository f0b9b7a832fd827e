"""The store commands: output, exit statuses 0/1/2, one-line errors, no tracebacks."""

from __future__ import annotations

import json

import pytest

from imr_desk.cli.main import main


@pytest.fixture
def db(tmp_path, samples):
    path = tmp_path / "cli.db"
    assert main(["import", "--db", str(path), *map(str, samples)]) == 0
    return str(path)


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_import_summary_and_partial_failure(tmp_path, capsys, samples):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    code, out, err = run(capsys, "import", "--db", str(tmp_path / "x.db"), str(samples[0]), str(bad))
    assert code == 1
    assert out.strip() == "1 imported, 0 duplicates, 1 failed"
    assert err.strip() == f"imr-desk import: {bad}: file is empty"
    code, out, _ = run(capsys, "import", "--db", str(tmp_path / "x.db"), str(samples[0]), "--json")
    assert code == 0 and json.loads(out)["duplicates"] == [str(samples[0])]


def test_import_of_nothing_readable_exits_two(tmp_path, capsys):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"junk")
    assert run(capsys, "import", "--db", str(tmp_path / "x.db"), str(bad))[0] == 2


def test_list_json_keys_status_and_search(db, capsys):
    code, out, _ = run(capsys, "list", "--db", db, "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 5
    assert set(rows[0]) == {
        "id", "status", "source_name", "patient_age", "patient_sex", "injury_date",
        "final_determination", "item_count", "warning_count", "imported_at",
    }
    assert [r["id"] for r in json.loads(run(capsys, "list", "--db", db, "--json", "--search", "protonix")[1])] == [5]
    assert json.loads(run(capsys, "list", "--db", db, "--json", "--status", "finalized")[1]) == []
    assert len(json.loads(run(capsys, "list", "--db", db, "--json", "--limit", "2")[1])) == 2


def test_show_json_has_the_extract_shape_plus_id_and_status(db, capsys):
    code, out, _ = run(capsys, "show", "--db", db, "4", "--json")
    letter = json.loads(out)
    assert code == 0 and letter["id"] == 4 and letter["status"] == "to_review"
    assert letter["injury"] == {"date": "1979-08-06", "end_date": "2008-02-27"}
    assert {"text", "spans", "warnings", "items", "item_count", "warning_count"} <= set(letter)


def test_set_status_history_and_errors(db, capsys):
    assert run(capsys, "set", "--db", db, "1", "patient.age=61", "case.claim_number=A-9")[0] == 0
    assert run(capsys, "set", "--db", db, "1", "items.+={\"request\": \"TENS unit\", \"decision\": \"overturned\"}")[0] == 0
    letter = json.loads(run(capsys, "show", "--db", db, "1", "--json")[1])
    assert letter["patient"]["age"] == 61 and letter["final_determination"] == "partially overturned"
    code, _, err = run(capsys, "set", "--db", db, "1", "patient.age=sixty")
    assert code == 2 and err.count("\n") == 1 and "patient.age" in err and "Traceback" not in err
    assert run(capsys, "set", "--db", db, "1", "items.1=null")[0] == 0
    assert run(capsys, "status", "--db", db, "1", "finalized")[:2] == (0, "letter 1: in_review -> finalized\n")
    assert run(capsys, "status", "--db", db, "1", "finalized")[:2] == (0, "letter 1 is already finalized\n")
    code, _, err = run(capsys, "status", "--db", db, "1", "postponed")
    assert code == 2 and "cannot become" in err
    history = json.loads(run(capsys, "show", "--db", db, "1", "--history")[1])["history"]
    assert [h["kind"] for h in history][:2] == ["import", "edit"]


def test_finalize_needs_a_reason_when_errors_remain(db, capsys):
    run(capsys, "set", "--db", db, "2", "patient.age=5")
    code, _, err = run(capsys, "status", "--db", db, "2", "finalized")
    assert code == 2 and "patient.age" in err
    assert run(capsys, "status", "--db", db, "2", "finalized", "--reason", "checked")[0] == 0


def test_unknown_id_and_bad_arguments_exit_two(db, capsys):
    code, _, err = run(capsys, "show", "--db", db, "99")
    assert code == 2 and err.strip() == "imr-desk: no letter with id 99"
    with pytest.raises(SystemExit) as caught:
        main(["show", "--db", db, "abc"])
    assert caught.value.code == 2


def test_reextract_delete_backup_restore(db, tmp_path, capsys):
    code, out, _ = run(capsys, "reextract", "--db", db, "--all")
    assert code == 0 and "0 changed, 5 unchanged" in out
    assert run(capsys, "reextract", "--db", db)[0] == 2
    assert run(capsys, "delete", "--db", db, "3", "--reason", "duplicate")[0] == 0
    assert len(json.loads(run(capsys, "list", "--db", db, "--json")[1])) == 4
    backup_file = tmp_path / "b.db"
    assert run(capsys, "backup", "--db", db, str(backup_file))[0] == 0
    run(capsys, "delete", "--db", db, "1", "--reason", "x")
    code, out, _ = run(capsys, "restore", "--db", db, str(backup_file))
    assert code == 0 and "kept as" in out
    assert len(json.loads(run(capsys, "list", "--db", db, "--json")[1])) == 4
    code, _, err = run(capsys, "restore", "--db", db, str(tmp_path / "missing.db"))
    assert code == 2 and "no such file" in err


def test_config_reviewer_is_shared(capsys, tmp_path, samples):
    assert run(capsys, "config", "reviewer", "Dr. Ana Ruiz")[0] == 0
    assert run(capsys, "config", "reviewer")[1].strip() == "Dr. Ana Ruiz"
    db = str(tmp_path / "c.db")
    run(capsys, "import", "--db", db, str(samples[0]))
    run(capsys, "set", "--db", db, "1", "patient.age=60")
    history = json.loads(run(capsys, "show", "--db", db, "1", "--history")[1])["history"]
    assert history[-1]["who"] == "Dr. Ana Ruiz"
