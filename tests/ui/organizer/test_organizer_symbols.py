"""Every symbol the organizer's window shows is one Qt can draw: no emoji, no glyph the fonts lack.

The lock badge began with "🔒", which no font on a stock Linux desktop has: an empty box. Icons are
now painted (``ui/organizer/icons.py``); the symbols left in texts (✓ ✗ ○ ◐ ⊘ ⚑ ▲ ▼ ↺ …) must each
come out as a real glyph. The window is shown in its fullest state — merged, an alarm, the results
locked — and every text of it is read: labels, buttons, tabs, menus, tooltips, every table cell and header.
"""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextLayout
from PySide6.QtWidgets import QAbstractButton, QLabel, QMenu, QTableView, QWidget

from juror_app.store.organizer_schema import lock_results
from juror_app.ui.common import i18n
from juror_app.ui.organizer.labels import IconLabel
from juror_app.workflows.organizer.ui_support import Alarm

from .conftest import WAIT_MS


def texts_of(window: QWidget) -> list[str]:
    found = [window.windowTitle()]
    for widget in window.findChildren(QWidget):
        found.append(widget.toolTip())
        if isinstance(widget, (QLabel, QAbstractButton)):
            found.append(widget.text())
        if isinstance(widget, QMenu):
            found += [widget.title()] + [a.text() for a in widget.actions()] + [a.toolTip() for a in widget.actions()]
        if isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount()):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    found.append(str(model.headerData(column, Qt.Orientation.Horizontal, role) or ""))
                for row in range(model.rowCount()):
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        found.append(str(model.index(row, column).data(role) or ""))
    for index in range(window.tabs.count()):
        found.append(window.tabs.tabText(index))
    return [t for t in found if t]


def missing_glyphs(text: str, font: QFont) -> set[str]:
    """Characters that the fonts Qt falls back to draw as the "missing glyph" box."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    while layout.createLine().isValid():
        pass
    layout.endLayout()
    if all(index != 0 for run in layout.glyphRuns() for index in run.glyphIndexes()):
        return set()
    return {ch for ch in set(text) if not ch.isspace() and missing_glyphs_of(ch, font)}


def missing_glyphs_of(ch: str, font: QFont) -> bool:
    layout = QTextLayout(ch, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return any(index == 0 for run in layout.glyphRuns() for index in run.glyphIndexes())


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_every_symbol_in_the_window_is_drawable(qtbot, qapp, open_window, merged_edition, lang) -> None:
    i18n.install(qapp, lang)
    window = open_window(merged_edition)
    with qtbot.waitSignal(window.session.results_changed, timeout=WAIT_MS):
        window.session.change(lock_results, "Anna Nowak")
    snapshot = window.session.snapshot
    alarm = Alarm("j003", "dr Agnieszka Żurawska", 1, "2026-12-02T08:26:00Z", "a" * 64, "b" * 64)
    window.show_snapshot(dataclasses.replace(snapshot, alarms=(alarm,)))
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qapp.processEvents()
    texts = texts_of(window)
    symbols = sorted({ch for text in texts for ch in text if ord(ch) >= 0x2100})
    print(lang, f"{len(texts)} texts; symbols:", " ".join(symbols))
    assert not [ch for ch in symbols if ord(ch) > 0xFFFF], "emoji and other pictographs outside the BMP"
    font = window.font()
    missing = {ch for text in texts for ch in missing_glyphs(text, font)}
    assert not missing, f"no font draws {sorted(missing)} ({[hex(ord(c)) for c in sorted(missing)]})"

    window.tabs.setCurrentWidget(window.decisions)  # its lock state is checked as shown
    qapp.processEvents()
    for label in (window.lock_badge, window.alarm_badge, window.decisions.lock_state, window.completeness.alarm):
        assert isinstance(label, IconLabel) and label.icon() is not None and not label.icon().isNull()
        assert label.isVisibleTo(window) or label is window.completeness.alarm
    assert window.lock_badge.isVisible() and window.alarm_badge.isVisible()
    image = window.lock_badge.grab().toImage()
    painted = {image.pixelColor(x, y).name() for x in range(0, 18) for y in range(image.height())}
    assert len(painted) > 3, "the padlock is painted in the badge"
