"""What extraction found in a letter: values, the text each came from, and doubts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int]


@dataclass
class ExtractionWarning:
    """Something that looked wrong; ``field`` is a field path or None for the letter."""

    field: str | None
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"field": self.field, "message": self.message}


@dataclass
class Extraction:
    """Extracted values (the letter JSON shape), their source spans and warnings."""

    values: dict[str, Any]
    spans: dict[str, Span] = field(default_factory=dict)
    warnings: list[ExtractionWarning] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """The letter as one JSON-ready object (values, then spans and warnings)."""
        out = dict(self.values)
        out["spans"] = {path: [start, end] for path, (start, end) in self.spans.items()}
        out["warnings"] = [w.as_dict() for w in self.warnings]
        return out
