"""What an empty store shows: a way to import letters, or to try the bundled samples."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePanel(QWidget):
    importRequested = Signal()  # noqa: N815 - Qt naming
    samplesRequested = Signal()  # noqa: N815

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        title = QLabel("<h2>No letters yet</h2>", self)
        text = QLabel(
            "Import IMR Final Determination letters (.txt, .pdf, .docx) — files or whole folders; "
            "you can also drop them on this window. Or open the sample letters to look around.",
            self,
        )
        text.setWordWrap(True)
        import_button = QPushButton("Import letters…", self)
        import_button.setObjectName("welcome.import")
        import_button.clicked.connect(self.importRequested)
        samples_button = QPushButton("Open sample letters", self)
        samples_button.setObjectName("welcome.samples")
        samples_button.clicked.connect(self.samplesRequested)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (title, text, import_button, samples_button):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        text.setMaximumWidth(460)
        layout.addStretch(2)
