"""The window fits the laptops jurors use: a 1,366 × 768 screen holds the whole window (list, PDF with its
toolbar, scoring panel), in Polish and in English, with the search box and the hit counter usable."""

from __future__ import annotations

import pytest

from juror_app.ui.common import i18n

LAPTOP_WIDTH = 1366
FRAME = 16  # a window frame's borders


@pytest.mark.parametrize("language", ["pl", "en"])
def test_the_window_fits_a_1366_pixel_screen(qtbot, qapp, open_workstation, demo_copy, language) -> None:
    i18n.install(qapp, language)
    window = open_workstation(demo_copy.profile, demo_copy.info()).window
    assert window.minimumSizeHint().width() + FRAME <= LAPTOP_WIDTH
    window.resize(LAPTOP_WIDTH - FRAME, 740)
    qtbot.waitUntil(lambda: window.width() == LAPTOP_WIDTH - FRAME)
    find = window.viewer.find_bar
    assert find.field.width() >= 100 and find.count_label.width() >= find.count_label.minimumWidth()
    assert window.left.width() >= 320, "the dossier list keeps room for institution names"
