"""``imr-desk --self-test``: prove this installation works, in a temporary folder.

Creates a store, imports the bundled samples, checks one known extracted value and its JSON
as the command line writes it, builds the main window offscreen, finalizes and exports a
letter, and reads the DOCX back. Prints one line per step and writes the same report to the
log folder. Never touches the user's own store or settings.
"""

from __future__ import annotations

import json
import os
import tempfile
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path


def run_self_test(out: Callable[[str], None] = print) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt loads
    from PySide6.QtCore import QSettings

    import docx

    from imr_desk import __version__
    from imr_desk.app import build_window
    from imr_desk.assets import sample_letters
    from imr_desk.cli.extract_cmd import json_bytes
    from imr_desk.services.exporting import export_letters
    from imr_desk.services.importer import import_paths
    from imr_desk.store import Store
    from imr_desk.ui import crash

    lines: list[str] = [f"imr-desk {__version__} self-test, {datetime.now().isoformat(timespec='seconds')}"]
    out(lines[0])
    failures = 0
    state: dict = {}
    with tempfile.TemporaryDirectory(prefix="imr-desk-self-test-") as work:
        folder = Path(work)

        def store_step() -> str:
            state["store"] = Store.open(folder / "letters.db")
            return f"store created in {folder}"

        def import_step() -> str:
            report = import_paths(state["store"], sample_letters(), "self-test", workers=1)
            if len(report.imported) != len(sample_letters()) or report.failed:
                raise AssertionError(report.summary())
            return report.summary()

        def extraction_step() -> str:
            ids = [r["id"] for r in state["store"].page(search="cumulative", columns=("id",))]
            injury = state["store"].get(ids[0]).current["injury"]
            if injury != {"date": "1979-08-06", "end_date": "2008-02-27"}:
                raise AssertionError(f"cumulative injury read as {injury}")
            if json.loads(json_bytes({"injury": injury}))["injury"] != injury:  # the compiled JSON encoder is bundled
                raise AssertionError("the JSON encoder does not round-trip the injury")
            return "cumulative injury 1979-08-06 to 2008-02-27 found, and written as JSON"

        def window_step() -> str:
            window = build_window(folder / "letters.db", settings=QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
            window.open_letter(1)
            state["window"] = window
            if not window.source.toPlainText().startswith("HOW THE IMR"):
                raise AssertionError("the letter text is not shown")
            return f"main window built, letter 1 open ({len(window.source.extraSelections())} highlights)"

        def finalize_step() -> str:
            state["window"].session.set_status("finalized")
            return "letter 1 finalized"

        def export_step() -> str:
            report = export_letters(state["store"], [1], folder / "out", "self-test")
            if len(report.written) != 1:
                raise AssertionError(str(report.failed))
            state["docx"] = report.written[0]
            return f"exported {report.written[0].name}"

        def reopen_step() -> str:
            text = "\n".join(p.text for p in docx.Document(str(state["docx"])).paragraphs)
            if "Final determination" not in text or "RETROSPECTIVE REQUEST FOR FEXMID" not in text:
                raise AssertionError("the exported letter is missing its content")
            return "exported letter reads back"

        steps = (("store", store_step), ("import", import_step), ("extraction", extraction_step),
                 ("window", window_step), ("finalize", finalize_step), ("export", export_step), ("reopen", reopen_step))
        for name, step in steps:
            try:
                line = f"PASS {name}: {step()}"
            except Exception as exc:  # every failure is reported, then the next step tries
                failures += 1
                line = f"FAIL {name}: {exc}"
                lines.append(traceback.format_exc())
            out(line)
            lines.append(line)
        window = state.get("window")
        if window is not None:
            window.close()
            window.store.close()
        if "store" in state:
            state["store"].close()
    summary = "self-test passed" if not failures else f"self-test FAILED ({failures} step(s))"
    out(summary)
    lines.append(summary)
    try:
        report_path = crash.log_path().with_name("self-test.log")
        report_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        report_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        os.chmod(report_path, 0o600)
        out(f"report written to {report_path}")
    except OSError as exc:
        out(f"could not write the report: {exc}")
    return 0 if not failures else 1
