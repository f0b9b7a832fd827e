"""The lines every format reader hands to the layout, and the error a reader raises."""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple


class UnreadableSource(ValueError):
    """A format reader's refusal; the message says why in the user's words."""


class Gap(Enum):
    """What separates a line from the line before it in the source."""

    NONE = "none"  # an ordinary line break
    PARAGRAPH = "paragraph"  # a blank line
    PAGE = "page"  # a page break or page-break padding


class SourceLine(NamedTuple):
    text: str
    page: int = 1
    gap: Gap = Gap.NONE
