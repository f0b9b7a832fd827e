"""Letter statuses and the transitions between them."""

from __future__ import annotations

from imr_desk.domain.errors import ImrDeskError

TO_REVIEW, IN_REVIEW, POSTPONED, FINALIZED, EXPORTED = "to_review", "in_review", "postponed", "finalized", "exported"
STATUSES = (TO_REVIEW, IN_REVIEW, POSTPONED, FINALIZED, EXPORTED)

_ALLOWED: dict[str, set[str]] = {
    TO_REVIEW: {IN_REVIEW, FINALIZED, POSTPONED},
    IN_REVIEW: {FINALIZED, POSTPONED},
    POSTPONED: {IN_REVIEW},
    FINALIZED: {EXPORTED, IN_REVIEW},  # in_review again = reopen
    EXPORTED: {IN_REVIEW, EXPORTED},  # re-export is allowed
}


class TransitionError(ImrDeskError):
    """A status change the workflow does not allow."""


def check_transition(current: str, new: str) -> None:
    if new not in STATUSES:
        raise TransitionError(f"unknown status {new!r}; one of {', '.join(STATUSES)}")
    if new not in _ALLOWED.get(current, set()):
        raise TransitionError(f"a letter that is {current} cannot become {new}")


def is_editable(status: str) -> bool:
    """Finalized and exported letters are reopened before they change."""
    return status in (TO_REVIEW, IN_REVIEW, POSTPONED)
