"""Work scheduled after a window's first paint waits for that paint, however late it comes."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

from juror_app.ui.common.first_paint import after_first_paint


def test_waits_for_the_first_paint(qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    calls: list[str] = []
    after_first_paint(widget, 0, lambda: calls.append("done"))
    for _ in range(5):
        QApplication.processEvents()
    assert calls == [], "nothing before the window is shown"
    widget.show()
    qtbot.waitUntil(lambda: calls == ["done"])
    widget.update()
    qtbot.wait(50)
    assert calls == ["done"], "once only"


def test_a_window_already_on_screen_runs_it_after_the_delay(qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    calls: list[str] = []
    after_first_paint(widget, 10, lambda: calls.append("done"))
    qtbot.waitUntil(lambda: calls == ["done"])
