"""Locate the files shipped in ``resources/``, from source and installed alike."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """The path of a shipped resource, e.g. ``resource_path("samples")``.

    Installed and source trees find ``imr_desk.resources``; a frozen application (the
    installer's bundle) keeps the same files beside its executable.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle, "imr_desk", "resources", *parts)
    root = resources.files("imr_desk.resources")
    return Path(str(root.joinpath(*parts)))


def sample_letters() -> list[Path]:
    """The bundled sample letters, in name order."""
    return sorted(resource_path("samples").glob("*.txt"))
