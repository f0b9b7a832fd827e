"""A letter's text as read from its source file."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """Normalized letter text plus what is needed to point back into the source.

    ``page_starts`` holds the offset in ``text`` where each source page begins
    (one entry for sources without pages).
    """

    text: str
    format: str  # "txt" | "pdf" | "docx"
    source_path: str = ""
    sha256: str = ""
    encoding: str | None = None
    page_starts: tuple[int, ...] = field(default=(0,))

    def page_of(self, offset: int) -> int:
        """The 1-based source page holding ``offset``."""
        return max(1, bisect.bisect_right(self.page_starts, offset))

    @property
    def page_count(self) -> int:
        return len(self.page_starts)
