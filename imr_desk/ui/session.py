"""The letter open in the window, and its edits as undoable commands.

Every command writes through ``services.editing`` at once (autosave): redo applies the
change, undo applies its inverse, and both land in the edit log.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoGroup, QUndoStack

from imr_desk.domain.errors import ImrDeskError
from imr_desk.domain.fieldpaths import get_value
from imr_desk.domain.fields import coerce
from imr_desk.domain.status import is_editable
from imr_desk.domain.validation import Problem
from imr_desk.services.editing import AFTER_DECISION_FIELDS, INSERT, MOVE, REMOVE, Change, apply_changes
from imr_desk.services.workflow import change_status, open_letter, problems_of
from imr_desk.store.letters import LetterRecord, Store


class ChangeCommand(QUndoCommand):
    """One edit of one letter: ``forward`` changes on redo, ``backward`` on undo."""

    def __init__(self, session: LetterSession, letter_id: int, forward: list[Change], backward: list[Change], text: str,
                 reason: str | None = None) -> None:
        super().__init__(text)
        self.session = session
        self.letter_id = letter_id
        self.forward = forward
        self.backward = backward
        self.reason = reason

    def redo(self) -> None:
        self.session.apply(self.letter_id, self.forward, self.reason)

    def undo(self) -> None:
        self.session.apply(self.letter_id, self.backward, "undo")


class LetterSession(QObject):
    """Holds the open letter; edits go through undo commands, status changes through services."""

    letterOpened = Signal()  # noqa: N815 - Qt naming
    valuesChanged = Signal()  # noqa: N815
    errorRaised = Signal(str)  # noqa: N815 - a user-caused error to show
    inputRefused = Signal(str, str)  # noqa: N815 - field path, why its typed value was refused

    def __init__(self, store: Store, who: Callable[[], str], parent: QObject | None = None, *, read_only: bool = False) -> None:
        super().__init__(parent)
        self.store = store
        self.who = who
        self.read_only = read_only
        self.record: LetterRecord | None = None
        self.problems: list[Problem] = []
        self.undo_group = QUndoGroup(self)
        self._stacks: dict[int, QUndoStack] = {}

    # -- opening ---------------------------------------------------------------------

    def open(self, letter_id: int) -> None:
        record = self.store.get(letter_id) if self.read_only else open_letter(self.store, letter_id, self.who())
        self.record = record
        self.problems = problems_of(record)
        stack = self._stacks.get(letter_id)
        if stack is None:
            stack = self._stacks[letter_id] = QUndoStack(self.undo_group)
        self.undo_group.setActiveStack(stack)
        self.letterOpened.emit()

    def close(self) -> None:
        self.record = None
        self.problems = []
        self.undo_group.setActiveStack(None)
        self.letterOpened.emit()

    def forget(self, letter_id: int) -> None:
        """Drop the undo history of a letter that no longer exists."""
        stack = self._stacks.pop(letter_id, None)
        if stack is not None:
            self.undo_group.removeStack(stack)
            stack.deleteLater()

    @property
    def letter_id(self) -> int | None:
        return self.record.id if self.record else None

    @property
    def editable(self) -> bool:
        return self.record is not None and not self.read_only and is_editable(self.record.status)

    def value(self, path: str) -> Any:
        if self.record is None:
            return None
        try:
            return get_value(self.record.current, path)
        except ImrDeskError:
            return None

    def span(self, path: str) -> tuple[int, int] | None:
        if self.record is None:
            return None
        found = self.record.spans.get(path)
        return (found[0], found[1]) if found else None

    # -- editing ---------------------------------------------------------------------

    def edit(self, path: str, raw: Any, *, span: tuple[int, int] | None = None, reason: str | None = None) -> bool:
        """Set one field from user input; False (and errorRaised) when refused or unchanged."""
        if not (path in AFTER_DECISION_FIELDS and self.record is not None and not self.read_only) and not self._check_editable():
            return False
        try:
            new = coerce(path, raw)
        except ImrDeskError as exc:
            self.errorRaised.emit(str(exc))
            self.inputRefused.emit(path, str(exc))
            return False
        old = self.value(path)
        if new == old and span is None:
            return False
        forward = [Change(path, new, span=span)]
        backward = [Change(path, old, span=self.span(path))]
        self._push(forward, backward, f"Set {path}", reason)
        return True

    def insert_item(self, index: int | None = None, item: dict[str, Any] | None = None) -> None:
        self.insert_entry("items", index, item)

    def remove_item(self, index: int) -> None:
        self.remove_entry("items", index)

    def move_item(self, index: int, target: int) -> None:
        self.move_entry("items", index, target)

    def insert_entry(self, root: str, index: int | None = None, entry: dict[str, Any] | None = None) -> None:
        """Add an item or a recipient (at the end unless ``index``)."""
        if not self._check_editable():
            return
        at = len(self.value(root) or []) if index is None else index
        label = "Add item" if root == "items" else "Add recipient"
        self._push([Change(f"{root}.{at}", entry or {}, INSERT)], [Change(f"{root}.{at}", None, REMOVE)], label)

    def remove_entry(self, root: str, index: int) -> None:
        if not self._check_editable():
            return
        old = self.value(f"{root}.{index}")
        if old is None:
            return
        label = "Remove item" if root == "items" else "Remove recipient"
        self._push([Change(f"{root}.{index}", None, REMOVE)], [Change(f"{root}.{index}", old, INSERT)], label)

    def move_entry(self, root: str, index: int, target: int) -> None:
        if not self._check_editable() or index == target:
            return
        count = len(self.value(root) or [])
        if not (0 <= index < count and 0 <= target < count):
            return
        self._push([Change(f"{root}.{index}", target, MOVE)], [Change(f"{root}.{target}", index, MOVE)], "Move")

    def _push(self, forward: list[Change], backward: list[Change], text: str, reason: str | None = None) -> None:
        stack = self.undo_group.activeStack()
        assert self.record is not None and stack is not None
        stack.push(ChangeCommand(self, self.record.id, forward, backward, text, reason))

    def _check_editable(self) -> bool:
        if self.record is None:
            return False
        if self.read_only:
            self.errorRaised.emit("This store is open read-only in this window.")
            return False
        if not is_editable(self.record.status):
            self.errorRaised.emit(f"This letter is {self.record.status}; reopen it to change it.")
            return False
        return True

    def apply(self, letter_id: int, changes: list[Change], reason: str | None) -> None:
        """Write changes to the store now (called by commands)."""
        try:
            record = apply_changes(self.store, letter_id, changes, self.who(), reason)
        except ImrDeskError as exc:
            self.errorRaised.emit(str(exc))
            return
        if self.record is not None and self.record.id == letter_id:
            self.record = record
            self.problems = problems_of(record)
            self.valuesChanged.emit()

    # -- status ----------------------------------------------------------------------

    def set_status(self, status: str, reason: str | None = None) -> None:
        """Change the status; raises ImrDeskError (e.g. ValidationBlocked) for the caller to show."""
        if self.record is None:
            return
        if self.read_only:
            raise ImrDeskError("This store is open read-only in this window.")
        self.record = change_status(self.store, self.record.id, status, self.who(), reason)
        self.problems = problems_of(self.record)
        self.valuesChanged.emit()

    def reload(self) -> None:
        if self.record is not None:
            self.record = self.store.get(self.record.id)
            self.problems = problems_of(self.record)
            self.valuesChanged.emit()
