"""The painted rubric: its lines, the marked level, and word wrap in a narrow panel."""

from __future__ import annotations

from juror_app.ui.juror.rubric_view import RubricView

LEVELS = ("0–1 · Brak standardów", "2–3 · Rozwiązania szczątkowe obejmujące tylko część spraw załatwianych w urzędzie",
          "4–5 · Standardy podstawowe")


def test_marks_the_current_level_and_reads_as_text(qtbot):
    view = RubricView()
    qtbot.addWidget(view)
    view.set_levels(LEVELS, 1)
    assert view.text().splitlines() == [f"   {LEVELS[0]}", f"▸ {LEVELS[1]}", f"   {LEVELS[2]}"]
    assert view.accessibleDescription() == view.text()
    view.set_levels(LEVELS, None)
    assert "▸" not in view.text()


def test_long_lines_wrap_instead_of_being_cut(qtbot):
    view = RubricView()
    qtbot.addWidget(view)
    view.set_levels(LEVELS, 0)
    line = view.fontMetrics().height()
    wide = view.heightForWidth(2000)
    narrow = view.heightForWidth(160)
    assert wide == 3 * line, "one line each when they fit"
    assert narrow > wide, "a narrow panel wraps the long level onto more lines"
    assert view.sizeHint().height() == view.heightForWidth(view.sizeHint().width())
    view.resize(160, narrow)
    view.show()
    qtbot.waitExposed(view)
    assert not view.grab().isNull()
