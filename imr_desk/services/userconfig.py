"""The small per-user settings file shared by the CLI and the GUI (reviewer name)."""

from __future__ import annotations

import getpass
import json
import os
from pathlib import Path

from imr_desk.domain.errors import ImrDeskError

CONFIG_ENV = "IMR_DESK_CONFIG"
KEYS = ("reviewer",)


def config_path() -> Path:
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs  # loads only when the settings file is looked for

    return Path(platformdirs.user_config_dir("imr-desk", appauthor=False)) / "config.json"


def load() -> dict[str, str]:
    path = config_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        return {}
    return {k: str(v) for k, v in data.items() if k in KEYS} if isinstance(data, dict) else {}


def set_value(key: str, value: str) -> None:
    if key not in KEYS:
        raise ImrDeskError(f"unknown setting {key!r}; one of {', '.join(KEYS)}")
    data = load()
    data[key] = value.strip()
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def reviewer_name() -> str:
    """The configured reviewer, else the operating-system login."""
    name = load().get("reviewer", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"
