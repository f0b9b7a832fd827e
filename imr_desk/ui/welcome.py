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
            "Import IMR Final Determination letters (.txt, .pdf, .docx),<br>"
            "single files or whole folders; you can also drop them here.<br>"
            "Or open the sample letters to look around.",
            self,
        )
        import_button = QPushButton("Import letters…", self)
        import_button.setObjectName("welcome.import")
        import_button.clicked.connect(self.importRequested)
        samples_button = QPushButton("Open sample letters", self)
        samples_button.setObjectName("welcome.samples")
        samples_button.clicked.connect(self.samplesRequested)
        column = QWidget(self)
        column.setFixedWidth(440)
        inner = QVBoxLayout(column)
        title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        for widget in (title, text, import_button, samples_button):
            inner.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(column, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
