"""The installation self-test runs every step in a temporary folder."""

from __future__ import annotations

import subprocess
import sys

from imr_desk.store import default_db_path
from imr_desk.ui import crash
from imr_desk.ui.selftest import run_self_test


def test_self_test_passes_and_leaves_the_real_store_alone(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(crash, "log_path", lambda: tmp_path / "logs" / "imr-desk.log")
    lines: list[str] = []
    assert run_self_test(lines.append) == 0
    steps = [line.split(":")[0] for line in lines if line.startswith(("PASS", "FAIL"))]
    assert steps == [f"PASS {s}" for s in ("store", "import", "extraction", "window", "finalize", "export", "reopen")]
    assert not default_db_path().exists()
    assert "self-test passed" in (tmp_path / "logs" / "self-test.log").read_text()


def test_self_test_from_the_command_line(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_STATE_HOME": str(tmp_path / "state"),
           "XDG_CACHE_HOME": str(tmp_path / "cache"), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-m", "imr_desk", "--self-test"], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("PASS ") == 7 and "self-test passed" in result.stdout
