"""Values worked out on first need."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def once(compute: Callable[[], T]) -> Callable[[], T]:
    """``compute()``, called on first need and only once (a closure: ``functools.cache``
    costs more to set up than most letters spend asking)."""
    found: list[T] = []

    def value() -> T:
        if not found:
            found.append(compute())
        return found[0]

    return value
