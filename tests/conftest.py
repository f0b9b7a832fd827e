"""Test configuration: Qt runs offscreen; sample letters are found here."""

from __future__ import annotations

import os

# Must be set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from imr_desk.assets import sample_letters  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
REAL_LETTERS = REPO.parent / "shared" / "samples" / "real"
TEST_DATA = Path(__file__).resolve().parent / "data"


def real_letter_paths() -> list[Path]:
    return sorted(REAL_LETTERS.glob("*.pdf")) if REAL_LETTERS.is_dir() else []


@pytest.fixture
def samples() -> list[Path]:
    return sample_letters()


@pytest.fixture
def real_letters() -> list[Path]:
    paths = real_letter_paths()
    if not paths:
        pytest.skip(f"the real sample letters are not present at {REAL_LETTERS}")
    return paths


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path, monkeypatch):
    """Never touch the real user's store or settings."""
    monkeypatch.setenv("IMR_DESK_DB", str(tmp_path / "default-store" / "letters.db"))
    monkeypatch.setenv("IMR_DESK_CONFIG", str(tmp_path / "config" / "config.json"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))


@pytest.fixture
def store(tmp_path):
    from imr_desk.store import Store

    with Store.open(tmp_path / "store" / "letters.db") as opened:
        yield opened


@pytest.fixture
def filled_store(store):
    """A store holding the five bundled sample letters (ids 1-5, in name order)."""
    from imr_desk.services.importer import import_paths

    report = import_paths(store, [str(p) for p in sample_letters()], "tester")
    assert len(report.imported) == 5
    return store
