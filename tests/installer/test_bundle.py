"""Build the frozen application and run its own self-test (opt-in: pytest -m installer)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.mark.installer
@pytest.mark.timeout(1800)
def test_frozen_bundle_passes_its_self_test(tmp_path):
    pytest.importorskip("PyInstaller", reason="pip install pyinstaller to build the bundle")
    build = subprocess.run([sys.executable, str(ROOT / "installer" / "build.py")], capture_output=True, text=True, check=False)
    assert build.returncode == 0, build.stdout[-2000:] + build.stderr[-2000:]
    executable = ROOT / "dist" / "imr-desk" / ("imr-desk-cli.exe" if os.name == "nt" else "imr-desk")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_STATE_HOME": str(tmp_path / "state")}
    result = subprocess.run([str(executable), "--self-test"], capture_output=True, text=True, env=env, timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("PASS ") == 7
