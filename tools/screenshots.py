"""Take the README screenshots: the real window under Xvfb, captured with xwd.

    xvfb-run -s "-screen 0 1600x1000x24" python tools/screenshots.py docs/screenshots
"""

from __future__ import annotations

import subprocess
import sys
import time
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit

from imr_desk.app import build_window
from imr_desk.assets import sample_letters

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.corpus import make_corpus  # noqa: E402


def capture(target: Path) -> None:
    for _ in range(5):  # let deferred layouts and paints run
        QApplication.processEvents()
        time.sleep(0.05)
    xwd = subprocess.run(["xwd", "-root", "-silent"], capture_output=True, check=True).stdout
    subprocess.run(["/usr/bin/convert", "xwd:-", str(target)], input=xwd, check=True)
    print(f"wrote {target}")


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    window = build_window(tmp / "store.db", settings=QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat))
    window.import_workers = 1
    window.setGeometry(0, 0, 1600, 1000)
    window.show()
    app = QApplication.instance()
    steps = []

    def step(fn):
        steps.append(fn)
        return fn

    @step
    def welcome():
        capture(out / "welcome.png")
        corpus = tmp / "letters"
        make_corpus(corpus, 1500)
        window.start_import([str(p) for p in sample_letters()] + [str(corpus)])

    @step
    def progress():
        capture(out / "import-progress.png")

    @step
    def letter():
        if window.last_report is None:
            return "wait"
        window.select_letter(3)
        window.fields.items.select(2)
        window.focus_field("items.2.request")
        capture(out / "review.png")

    @step
    def problem():
        editor = window.findChild(QLineEdit, "patient.age")
        editor.setFocus()
        editor.setText("7")
        editor.editingFinished.emit()
        window.focus_field("patient.age")
        capture(out / "validation-problem.png")
        app.quit()

    def run_next():
        if not steps:
            return
        if steps[0]() == "wait":
            QTimer.singleShot(200, run_next)
            return
        steps.pop(0)
        QTimer.singleShot(900, run_next)

    QTimer.singleShot(900, run_next)
    app.exec()
    window.store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
