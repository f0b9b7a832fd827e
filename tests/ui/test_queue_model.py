"""The queue model pages from the store; tested without a view."""

from __future__ import annotations

from PySide6.QtCore import Qt

from imr_desk.ui.queue_model import COLUMNS, PAGE, QueueModel


def test_rows_columns_and_display(qtbot, filled_store):
    model = QueueModel(filled_store)
    assert model.rowCount() == 5 and model.columnCount() == len(COLUMNS)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Status"
    assert model.data(model.index(0, 0)) == "To review"
    assert model.data(model.index(0, 2)) == "54"
    assert model.data(model.index(0, 3)) == "M"
    assert model.data(model.index(2, 5)) == "partially overturned"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.UserRole) == 1


def test_filter_search_sort_and_counts(qtbot, filled_store):
    model = QueueModel(filled_store)
    counts = []
    model.countsChanged.connect(counts.append)
    model.set_filter(search="protonix")
    assert model.rowCount() == 1 and model.letter_id(0) == 5
    model.set_filter(status="finalized")
    assert model.rowCount() == 0
    model.set_filter()
    model.sort(2, Qt.SortOrder.DescendingOrder)  # by age
    assert [model.data(model.index(r, 2)) for r in range(5)] == ["60", "60", "54", "53", "51"]
    assert counts[-1] == {"to_review": 5}


def test_pages_are_loaded_on_demand(qtbot, store):
    from imr_desk.store.letters import NewLetter

    letters = [
        NewLetter(f"{n:064d}", f"l{n}.txt", "", "txt", "utf-8", "t", [0], {"spans": {}, "warnings": []}, {"patient": {"age": n % 90}})
        for n in range(PAGE * 3 + 7)
    ]
    store.add_letters(letters, "t")
    model = QueueModel(store)
    assert model.rowCount() == PAGE * 3 + 7
    assert model._pages == {}
    assert model.letter_id(PAGE * 2 + 1) == PAGE * 2 + 2
    assert list(model._pages) == [2]


def test_refresh_letter_updates_one_row(qtbot, filled_store):
    model = QueueModel(filled_store)
    model.row(0)
    filled_store.db.execute("UPDATE letters SET status = 'in_review' WHERE id = 1")
    with qtbot.waitSignal(model.dataChanged):
        model.refresh_letter(1)
    assert model.data(model.index(0, 0)) == "In review"


def test_items_model_without_a_view(qtbot):
    from imr_desk.ui.items_panel import ItemsModel

    model = ItemsModel()
    model.set_items([{"request": "Norco #60", "decision": "upheld", "quantity": 60, "retrospective": True}], {0: "error"})
    assert (model.rowCount(), model.columnCount()) == (1, 5)
    assert [model.data(model.index(0, c)) for c in range(5)] == ["1", "Norco #60", "Upheld", "60", "Retro"]
    assert model.data(model.index(0, 1), Qt.ItemDataRole.ForegroundRole) is not None
