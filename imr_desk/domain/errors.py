"""The one family of errors a user can cause; anything else is a bug."""

from __future__ import annotations

from pathlib import Path


class ImrDeskError(Exception):
    """An error caused by input or a request; its message is shown to the user as is."""


class UnreadableFileError(ImrDeskError):
    """A file that cannot be read as a letter."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class FieldPathError(ImrDeskError):
    """A field path that names no field, or a value that does not fit it."""
