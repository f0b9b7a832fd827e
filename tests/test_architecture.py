"""Qt stays in imr_desk/ui and imr_desk/app.py; modules stay small."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "imr_desk"
QT_ALLOWED = {PACKAGE / "app.py"}
QT_ALLOWED_DIRS = {PACKAGE / "ui"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _core_modules() -> list[Path]:
    return [
        p for p in PACKAGE.rglob("*.py")
        if p not in QT_ALLOWED and not any(d in p.parents for d in QT_ALLOWED_DIRS)
    ]


def test_core_never_imports_qt():
    offenders = {
        str(p.relative_to(PACKAGE)): sorted(n for n in _imports(p) if n.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6"})
        for p in _core_modules()
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_check_sees_qt_imports(tmp_path):
    sample = tmp_path / "mod.py"
    sample.write_text("from PySide6.QtCore import QObject\nimport os\n")
    assert "PySide6.QtCore" in _imports(sample)


def test_modules_stay_under_about_400_lines():
    long = {str(p.relative_to(PACKAGE)): n for p in PACKAGE.rglob("*.py") if (n := len(p.read_text().splitlines())) > 450}
    assert long == {}
