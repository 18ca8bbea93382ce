"""The setup screens are reachable in the organizer's window: a tab per step, re-read when shown, and a
write on one screen refreshes the results (and the other screens)."""

from __future__ import annotations

from juror_app.ui.common import i18n
from juror_app.ui.organizer.setup.assignment_screen import AssignmentScreen
from juror_app.ui.organizer.setup.screens import SCREENS

from .conftest import WAIT_MS


def test_the_setup_tab_shows_every_registered_screen_read_when_shown(qtbot, qapp, open_window, edition) -> None:
    i18n.install(qapp, "pl")
    window = open_window(edition)
    tabs = window.setup
    assert [type(s) for s in tabs.screens] == SCREENS and tabs.count() == len(SCREENS)
    screen = next(s for s in tabs.screens if isinstance(s, AssignmentScreen))
    reads: list[int] = []
    original = screen.reload
    screen.reload = lambda: (reads.append(1), original())[-1]
    window.tabs.setCurrentWidget(tabs)
    tabs.setCurrentWidget(screen)
    qapp.processEvents()
    assert reads and screen.matrix is not None and screen.matrix.dossiers, "shown: the matrix is read"
    assert tabs.tabText(tabs.indexOf(screen)) == "Przydziały"
    assert screen.progress_label.text(), "the step says what is done and what is missing"
    assert tabs.tabToolTip(tabs.indexOf(screen))


def test_a_write_on_a_screen_refreshes_the_results_and_a_merge_rereads_the_screens(qtbot, qapp, open_window,
                                                                                   edition) -> None:
    window = open_window(edition)
    window.tabs.setCurrentWidget(window.setup)
    qapp.processEvents()
    screen = window.setup.screens[0]
    reads: list[int] = []
    original = screen.reload
    screen.reload = lambda: (reads.append(1), original())[-1]
    with qtbot.waitSignal(window.session.results_changed, timeout=WAIT_MS):
        screen.changed.emit()
    qtbot.waitUntil(lambda: len(reads) >= 1, timeout=WAIT_MS)  # the results changed: the shown screen re-reads
