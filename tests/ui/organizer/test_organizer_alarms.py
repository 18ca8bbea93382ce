"""The alarms dialog, opened from the status bar's alarm badge, and held packages in the import dialog.

Driven as the organizer does it: an equivocating package is merged (the alarm), the juror's next
package shows as held with its reason, the badge opens the dialog, a resolution missing its reason
is refused in place (nothing changed), then the organizer resolves it trusting one package, and the
juror's packages merge again. The database is checked with queries and full SQL dumps.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt

from juror_app.exchange import container
from juror_app.ui.organizer.alarms_dialog import AlarmsDialog
from juror_app.ui.organizer.plan_model import details_text
from juror_app.workflows.organizer.package_checks import Outcome

from .conftest import WAIT_MS, changed_score, dump, packages, query, variant
from .test_organizer_import import checked, merge


def manifest_of(path: Path) -> str:
    with container.open_container(path, container.PACKAGE) as opened:
        return opened.manifest_sha256


def alarms_dialog(qtbot, window) -> AlarmsDialog:
    """Click the alarm badge and wait until the dialog has read the alarms."""
    assert window.alarm_badge.isVisible()
    qtbot.mouseClick(window.alarm_badge, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    dialog = window.findChild(AlarmsDialog)
    assert dialog is not None and dialog.isVisible(), "clicking the badge opens the alarms dialog"
    qtbot.waitUntil(lambda: not dialog.busy() and dialog.model.rowCount() > 0, timeout=WAIT_MS)
    return dialog


def test_the_badge_opens_the_alarms_and_a_resolution_lifts_the_hold(qtbot, open_window, merged_edition: Path) -> None:
    base = packages(merged_edition)[1]  # j002
    other = merged_edition / "j002-r1-other.pu-scores"
    variant(merged_edition, base, other, [changed_score(base, "Inna paczka o tej samej wersji.")], revision=1)
    later = merged_edition / "j002-r2.pu-scores"
    variant(merged_edition, base, later, [changed_score(base, "Wersja druga, po rozmowie.")], revision=2)
    window = open_window(merged_edition)
    assert not window.alarm_badge.isVisible()

    dialog = window.open_import([other])
    assert [f.outcome for f in checked(qtbot, dialog)] == [Outcome.EQUIVOCATION]
    merge(qtbot, window, dialog)
    dialog.accept()
    qtbot.waitUntil(lambda: window.alarm_badge.isVisible(), timeout=WAIT_MS)
    assert "1" in window.alarm_badge.text()

    held = window.open_import([later])  # the juror's next revision: held, with the reason, nothing to merge
    [f] = checked(qtbot, held)
    assert f.outcome is Outcome.HELD and f.code == "juror_under_alarm"
    assert details_text(held.model.rows()[0]) == f.reason() and "alarm nr 1" in f.reason()
    assert held.model.data(held.model.index(0, 3)).startswith("‖ wstrzymana")
    assert held.alarm.isVisible() and "j002" in held.alarm.text() and not held.apply_button.isEnabled()
    assert f.reason() in held.details.toPlainText()
    held.reject()
    window.grab().save(str(merged_edition / "window-with-alarm.png"))

    alarms = alarms_dialog(qtbot, window)
    [row] = alarms.model.rows()
    assert row.is_open and row.juror_id == "j002" and alarms.form_box.isEnabled()
    assert "dwie różne paczki o tej samej wersji" in alarms.details.toPlainText()
    assert not alarms.resolve_button.isEnabled(), "no package is chosen for the organizer"
    qtbot.mouseClick(alarms.trust_b, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    alarms.person.clear()
    qtbot.keyClicks(alarms.person, "Anna Nowak")
    assert alarms.resolve_button.isEnabled()
    before = dump(merged_edition)
    qtbot.keyClicks(alarms.reason, "ok")  # too short: refused in place, nothing changed
    qtbot.mouseClick(alarms.resolve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not alarms.busy() and bool(alarms.error_text), timeout=WAIT_MS)
    assert "co najmniej" in alarms.message.text() and alarms.isVisible() and dump(merged_edition) == before
    alarms.grab().save(str(merged_edition / "alarms-refused.png"))

    trusted = alarms.model.rows()[0].packages[1].manifest_sha256
    assert trusted == manifest_of(other)
    alarms.reason.clear()
    qtbot.keyClicks(alarms.reason, "The juror confirmed by phone that the second file is the one sent.")
    with qtbot.waitSignal(window.session.results_changed, timeout=WAIT_MS):
        with qtbot.waitSignal(alarms.resolved, timeout=WAIT_MS):
            qtbot.mouseClick(alarms.resolve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not alarms.busy() and not alarms.model.rows()[0].is_open, timeout=WAIT_MS)
    assert "rozstrzygnięty" in alarms.message.text(), alarms.message.text()
    assert "Anna Nowak" in alarms.details.toPlainText() and not alarms.form_box.isEnabled()
    alarms.grab().save(str(merged_edition / "alarms-resolved.png"))
    assert query(merged_edition, "SELECT resolved_by, trusted_manifest_sha256, trusted_merged FROM alarm_resolutions") == [
        ("Anna Nowak", trusted, 1)]
    assert query(merged_edition, "SELECT status FROM packages WHERE manifest_sha256 = ?", (trusted,)) == [("merged",)]
    qtbot.waitUntil(lambda: not window.alarm_badge.isVisible(), timeout=WAIT_MS)
    alarms.reject()

    again = window.open_import([later])  # r2 continues the distrusted r1: a fork of the trusted one, a new alarm
    [f] = checked(qtbot, again)
    assert f.outcome is Outcome.FORK and "nie kontynuuje" in f.reason() and again.alarm.isVisible()
    again.reject()


def test_the_dialog_lists_no_alarm_in_words(qtbot, open_window, merged_edition: Path) -> None:
    window = open_window(merged_edition)
    dialog = AlarmsDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=WAIT_MS)
    assert dialog.model.rowCount() == 0 and "nie podniesiono" in dialog.details.toPlainText()
    assert not dialog.form_box.isEnabled() and not dialog.resolve_button.isEnabled()
