"""Status changes: open, postpone, finalize (validated, or overridden with a reason), reopen."""

from __future__ import annotations

from imr_desk.domain.errors import ImrDeskError
from imr_desk.domain.status import FINALIZED, IN_REVIEW, TO_REVIEW, check_transition
from imr_desk.domain.validation import Problem, errors, validate
from imr_desk.store.letters import LetterRecord, LogEntry, Store


class ValidationBlocked(ImrDeskError):
    """Finalizing was refused because errors remain."""

    def __init__(self, letter_id: int, problems: list[Problem]) -> None:
        self.problems = problems
        listed = "; ".join(str(p) for p in problems[:5])
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        super().__init__(
            f"letter {letter_id} has {len(problems)} error(s): {listed}{more}; fix them or give a reason to override"
        )


def problems_of(record: LetterRecord) -> list[Problem]:
    return validate(record.current, record.extractor_warnings, record.extracted)


def change_status(store: Store, letter_id: int, status: str, who: str, reason: str | None = None) -> LetterRecord:
    """Move a letter to ``status`` if the workflow allows it; finalizing checks validation."""
    record = store.get(letter_id)
    if status == record.status:
        return record
    check_transition(record.status, status)
    entries = [LogEntry("status", None, record.status, status, None, reason)]
    if status == FINALIZED:
        remaining = errors(problems_of(record))
        if remaining and not (reason and reason.strip()):
            raise ValidationBlocked(letter_id, remaining)
        if remaining:
            entries.append(LogEntry("override", None, [p.as_dict() for p in remaining], None, None, reason))
    store.save(letter_id, record.current, record.spans, entries, who, status=status)
    return store.get(letter_id)


def open_letter(store: Store, letter_id: int, who: str) -> LetterRecord:
    """Opening a letter to review marks it in_review."""
    record = store.get(letter_id)
    if record.status == TO_REVIEW:
        return change_status(store, letter_id, IN_REVIEW, who, "opened")
    return record
