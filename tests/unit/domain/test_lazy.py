from __future__ import annotations

from imr_desk.domain.lazy import once


def test_a_value_is_computed_once_and_only_when_asked():
    calls = []
    value = once(lambda: calls.append(1) or "computed")
    assert calls == []
    assert (value(), value()) == ("computed", "computed")
    assert calls == [1]
