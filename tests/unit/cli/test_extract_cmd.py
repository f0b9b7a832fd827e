"""``imr-desk extract``: output shape and exit statuses."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from imr_desk.assets import resource_path, sample_letters
from imr_desk.cli.extract_cmd import json_bytes
from imr_desk.cli.main import main

KEYS = {
    "source", "text", "case", "reviewer", "patient", "injury", "ur_decision_date",
    "clinical_case_summary", "final_determination", "items", "spans", "warnings",
}
ITEM_KEYS = {
    "request", "decision", "quantity", "retrospective", "claims_administrator_guideline",
    "maximus_guideline", "rationale",
}


def test_json_prints_one_object_in_the_contract_shape(capsys):
    path = resource_path("samples", "003_d10753cbb80713e0.txt")
    assert main(["extract", "--json", str(path)]) == 0
    letter = json.loads(capsys.readouterr().out)
    assert KEYS <= set(letter)
    assert set(letter["source"]) == {"path", "sha256", "format", "encoding"}
    assert ITEM_KEYS <= set(letter["items"][0])
    assert letter["injury"] == {"date": "1979-08-06", "end_date": "2008-02-27"}
    start, end = letter["spans"]["patient.age"]
    assert letter["text"][start:end] == "60"


def test_jsonl_walks_folders_and_reports_bad_files(tmp_path, capsys):
    (tmp_path / "nested").mkdir()
    for i, path in enumerate(sample_letters()[:3]):
        (tmp_path / "nested" / f"{i}.txt").write_bytes(path.read_bytes())
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "notes.xlsx").write_bytes(b"ignored: not a letter format")
    code = main(["extract", "--jsonl", str(tmp_path)])
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert code == 1
    assert len(lines) == 3 and all(KEYS <= set(json.loads(line)) for line in lines)
    assert captured.err.strip().splitlines() == [f"imr-desk extract: {tmp_path / 'empty.txt'}: file is empty"]


def test_jsonl_all_good_exits_zero(capsys):
    paths = [str(p) for p in sample_letters()]
    assert main(["extract", "--jsonl", *paths]) == 0
    assert len(capsys.readouterr().out.splitlines()) == len(paths)


def test_json_unreadable_exits_two_with_one_line(tmp_path, capsys):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"garbage")
    assert main(["extract", "--json", str(bad)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and "not a valid PDF" in captured.err


def test_json_takes_one_file(capsys):
    paths = [str(p) for p in sample_letters()[:2]]
    assert main(["extract", "--json", *paths]) == 2
    assert "exactly one" in capsys.readouterr().err


def test_python_dash_m_and_no_traceback(tmp_path):
    missing = tmp_path / "missing.txt"
    result = subprocess.run(
        [sys.executable, "-m", "imr_desk", "extract", "--json", str(missing)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "file not found" in result.stderr


@pytest.mark.parametrize(
    "text",
    ['plain "quoted" text \\ with a backslash\nand lines', "caf\u00e9 and \u2014 dashes", "a tab\there", "form\x0cfeed", ""],
)
@pytest.mark.parametrize("indent", [False, True])
def test_json_bytes_is_one_line_that_reads_back(text, indent):
    letter = {
        "source": {"path": 'C:\\"text": ""', "sha256": "x"}, "text": text, "case": None,
        "spans": {"patient.age": (3, 5)}, "items": [{"request": "a\nb", "quantity": 8}],
    }
    data = json_bytes(letter, indent=indent)
    assert data.endswith(b"\n") and (indent or data.count(b"\n") == 1)
    assert json.loads(data) == {**letter, "spans": {"patient.age": [3, 5]}}


def test_json_bytes_escapes_a_file_name_that_is_no_text():
    path = os.fsdecode(b"/letters/caf\xe9.txt")  # undecodable bytes become lone surrogates
    data = json_bytes({"source": {"path": path}, "text": "caf\u00e9"})
    assert data.count(b"\n") == 1
    assert json.loads(data) == {"source": {"path": path}, "text": "caf\u00e9"}


@pytest.mark.skipif(sys.platform != "linux", reason="file names are bytes on Linux")
def test_jsonl_prints_a_letter_whose_file_name_is_no_text(tmp_path, capsys):
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"caf\xe9.txt"), "wb") as handle:
        handle.write(sample_letters()[0].read_bytes())
    assert main(["extract", "--jsonl", str(tmp_path)]) == 0
    letter = json.loads(capsys.readouterr().out)
    assert os.fsencode(letter["source"]["path"]).endswith(b"caf\xe9.txt")
    assert letter["items"]
