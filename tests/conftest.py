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
