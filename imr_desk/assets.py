"""Locate the files shipped in ``resources/``, from source and installed alike."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """The path of a shipped resource, e.g. ``resource_path("samples")``."""
    root = resources.files("imr_desk.resources")
    return Path(str(root.joinpath(*parts)))


def sample_letters() -> list[Path]:
    """The bundled sample letters, in name order."""
    return sorted(resource_path("samples").glob("*.txt"))
