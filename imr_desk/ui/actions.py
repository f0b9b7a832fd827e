"""Every command of the window in one table: menus, toolbar, shortcuts and the F1 help."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar

if TYPE_CHECKING:
    from imr_desk.ui.main_window import MainWindow

K = QKeySequence.StandardKey
# (menu, action name, text, shortcut, window method, on the toolbar)
ACTIONS: tuple[tuple[str, str, str, object, str, bool], ...] = (
    ("&File", "import_files", "&Import letters…", K.Open, "choose_files_to_import", True),
    ("&File", "import_folder", "Import a &folder…", "Ctrl+Shift+O", "choose_folder_to_import", False),
    ("&File", "import_samples", "Open &sample letters", "", "import_samples", False),
    ("&File", "export_letter", "&Export this letter…", "Ctrl+Shift+E", "export_current", True),
    ("&File", "export_selected", "Export the &selected letters…", "", "export_selected", False),
    ("&File", "export_finalized", "Export all &finalized letters…", "", "export_finalized", False),
    ("&File", "export_pdf", "Also write &PDF", "", "toggle_pdf", False),
    ("&File", "backup", "&Back up the store…", "", "backup_store", False),
    ("&File", "quit", "&Quit", K.Quit, "close", False),
    ("&Edit", "undo", "&Undo", K.Undo, "undo", True),
    ("&Edit", "redo", "&Redo", K.Redo, "redo", True),
    ("&Edit", "assign", "Use &selected text for the field", "Ctrl+E", "assign_selection", False),
    ("&Edit", "find", "&Find in letter", K.Find, "show_find", False),
    ("&Edit", "find_next", "Find &next", K.FindNext, "find_next", False),
    ("&Edit", "find_previous", "Find &previous", K.FindPrevious, "find_previous", False),
    ("&Edit", "search", "&Search letters", "Ctrl+K", "focus_search", False),
    ("&Edit", "preferences", "P&references…", K.Preferences, "show_preferences", False),
    ("&Letter", "next_letter", "&Next letter", "Ctrl+PgDown", "next_letter", False),
    ("&Letter", "previous_letter", "&Previous letter", "Ctrl+PgUp", "previous_letter", False),
    ("&Letter", "next_problem", "Next p&roblem", "F8", "next_problem", False),
    ("&Letter", "previous_problem", "Previous pro&blem", "Shift+F8", "previous_problem", False),
    ("&Letter", "add_item", "&Add item", "Ctrl+Shift+N", "add_item", False),
    ("&Letter", "history", "Field &history", "Ctrl+H", "show_history", False),
    ("&Letter", "finalize", "&Finalize", "Ctrl+Return", "finalize", True),
    ("&Letter", "postpone", "Post&pone", "Ctrl+Shift+P", "postpone", True),
    ("&Letter", "reopen", "Re&open", "Ctrl+Shift+R", "reopen", True),
    ("&Letter", "mark_mailed", "&Mark mailed today", "Ctrl+M", "mark_mailed", False),
    ("&Letter", "add_recipient", "Add re&cipient", "", "add_recipient", False),
    ("&Letter", "reextract", "Re-e&xtract", "", "reextract_letter", False),
    ("&Letter", "delete", "&Delete…", "Ctrl+Shift+Del", "delete_letter", False),
    ("&Help", "help", "&Keyboard shortcuts", K.HelpContents, "show_shortcuts", False),
)


def build_actions(window: MainWindow) -> dict[str, QAction]:
    actions: dict[str, QAction] = {}
    menus: dict[str, object] = {}
    toolbar = QToolBar("Main", window)
    toolbar.setObjectName("toolbar")
    window.addToolBar(toolbar)
    for menu_title, name, text, shortcut, method, on_toolbar in ACTIONS:
        menu = menus.get(menu_title)
        if menu is None:
            menu = menus[menu_title] = window.menuBar().addMenu(menu_title)
        action = QAction(text, window)
        action.setObjectName(f"action.{name}")
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(getattr(window, method))
        menu.addAction(action)  # type: ignore[attr-defined]
        if on_toolbar:
            toolbar.addAction(action)
        actions[name] = action
    return actions


def shortcut_rows(actions: dict[str, QAction]) -> list[tuple[str, str, str]]:
    rows = []
    for menu_title, name, _text, _shortcut, _method, _toolbar in ACTIONS:
        action = actions[name]
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        rows.append((menu_title.replace("&", ""), action.text().replace("&", ""), keys))
    rows += [
        ("Fields", "Confirm the field and go to the next", "Enter"),
        ("Fields", "Confirm a long text field", "Ctrl+Enter"),
        ("Fields", "Next / previous field", "Tab / Shift+Tab"),
    ]
    return rows
