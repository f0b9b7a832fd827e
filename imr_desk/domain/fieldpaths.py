"""Get and set values in a letter by field path (``patient.age``, ``items.2.decision``).

The one vocabulary shared by extraction spans, the edit log, GUI editors, the CLI and
validation messages.
"""

from __future__ import annotations

from typing import Any

from imr_desk.domain.errors import FieldPathError


def split_path(path: str) -> list[str | int]:
    """``"items.2.decision"`` → ``["items", 2, "decision"]``."""
    if not path or path.startswith(".") or path.endswith(".") or ".." in path:
        raise FieldPathError(f"{path!r} is not a field path")
    return [int(part) if part.isdigit() else part for part in path.split(".")]


def join_path(*parts: str | int) -> str:
    return ".".join(str(p) for p in parts)


def get_value(letter: dict[str, Any], path: str) -> Any:
    """The value at ``path``; FieldPathError when the path leads nowhere."""
    node: Any = letter
    for part in split_path(path):
        node = _child(node, part, path)
    return node


def set_value(letter: dict[str, Any], path: str, value: Any) -> None:
    """Set the value at ``path`` in place; intermediate objects are created as needed."""
    parts = split_path(path)
    node: Any = letter
    for part, nxt in zip(parts, parts[1:]):
        if isinstance(node, dict) and node.get(part) is None and isinstance(part, str):
            node[part] = [] if isinstance(nxt, int) else {}
        node = _child(node, part, path)
    last = parts[-1]
    if isinstance(node, dict) and isinstance(last, str):
        node[last] = value
    elif isinstance(node, list) and isinstance(last, int) and last < len(node):
        node[last] = value
    else:
        raise FieldPathError(f"{path}: no such field")


def _child(node: Any, part: str | int, path: str) -> Any:
    if isinstance(node, dict) and isinstance(part, str) and part in node:
        return node[part]
    if isinstance(node, list) and isinstance(part, int) and part < len(node):
        return node[part]
    raise FieldPathError(f"{path}: no such field")
