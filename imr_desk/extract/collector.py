"""Gathers extracted values with their spans and warnings under field paths."""

from __future__ import annotations

from typing import Any

from imr_desk.domain.extraction import Extraction, ExtractionWarning, Span
from imr_desk.domain.fieldpaths import set_value


class Collector:
    """Writes values into the letter shape, remembering where each came from."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.values = values
        self.spans: dict[str, Span] = {}
        self.warnings: list[ExtractionWarning] = []

    def put(self, path: str, value: Any, span: Span | None = None) -> None:
        head, _, tail = path.partition(".")
        node = self.values.get(head) if tail and "." not in tail else None
        if isinstance(node, dict):
            node[tail] = value  # the common case: "patient.age"
        elif not tail:
            self.values[head] = value
        else:
            set_value(self.values, path, value)
        if span is not None and value is not None:
            self.span(path, span)

    def span(self, path: str, span: Span) -> None:
        self.spans[path] = span if type(span) is tuple else (int(span[0]), int(span[1]))

    def warn(self, path: str | None, message: str) -> None:
        self.warnings.append(ExtractionWarning(path, message))

    def result(self) -> Extraction:
        return Extraction(values=self.values, spans=dict(sorted(self.spans.items())), warnings=self.warnings)
