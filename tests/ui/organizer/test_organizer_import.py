"""The import/merge dialog driven like the organizer does: add packages, read the preview, merge or cancel.

Every case checks the database with a full SQL dump: merging all, importing the same files again (no
change), an update listing its changes and then the older revision (stale), a tampered file (refused),
an equivocating file (the alarm; nothing of that juror merged), and cancelling (no change).
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from juror_app.ui.organizer import import_dialog as import_dialog_module
from juror_app.ui.organizer.import_dialog import PackageImportDialog
from juror_app.ui.organizer.plan_model import details_text
from juror_app.workflows.organizer.package_checks import Outcome

from .conftest import (
    WAIT_MS,
    changed_score,
    database,
    dump,
    packages,
    query,
    read_content,
    variant,
)


def checked(qtbot, dialog: PackageImportDialog) -> list:
    qtbot.waitUntil(lambda: dialog.state in ("preview", "cancelled", "failed"), timeout=WAIT_MS)
    return [row.planned for row in dialog.model.rows()]


def merge(qtbot, window, dialog: PackageImportDialog) -> None:
    """Press "Merge" and wait until the merge is done and the window shows the new results."""
    with qtbot.waitSignal(window.session.results_changed, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.state in ("done", "failed"), timeout=WAIT_MS)
    assert dialog.state == "done", dialog.summary.text()


def test_merge_all_then_the_same_files_again_change_nothing(qtbot, open_window, edition: Path) -> None:
    window = open_window(edition)
    assert window.hint_bar.isVisible(), "with nothing merged the window says what to do first"
    started = time.perf_counter()
    dialog = window.open_import([edition / "packages"])
    planned = checked(qtbot, dialog)
    print(f"checked {len(planned)} packages in {time.perf_counter() - started:.2f} s")
    assert [f.outcome for f in planned] == [Outcome.NEW] * len(packages(edition))
    assert dialog.apply_button.isEnabled() and "6" in dialog.apply_button.text()
    assert "nowa: 6" in dialog.summary.text()
    merge(qtbot, window, dialog)
    expected = sum(len(read_content(p).scores) for p in packages(edition))
    assert query(edition, "SELECT count(*) FROM scores") == [(expected,)]
    assert dialog.close_button.isVisible() and not dialog.cancel_button.isVisible()
    print(dialog.summary.text())
    assert not window.hint_bar.isVisible()
    assert "6 z 6" in window.completeness.summary.text()
    dialog.accept()

    before = dump(edition)
    again = window.open_import(packages(edition))
    assert again is not dialog
    planned = checked(qtbot, again)
    assert {f.outcome for f in planned} == {Outcome.ALREADY_IMPORTED}
    assert not again.apply_button.isEnabled()
    assert "już zaimportowana: 6" in again.summary.text()
    qtbot.mouseClick(again.cancel_button, Qt.MouseButton.LeftButton)
    assert not again.isVisible()
    assert dump(edition) == before
    print(f"merged {expected} scores; the same {len(planned)} files again: all 'already imported', database unchanged")


def test_an_update_lists_its_changes_then_the_older_revision_is_stale(qtbot, open_window, merged_edition: Path,
                                                                      tmp_path: Path) -> None:
    base = packages(merged_edition)[0]
    edit = changed_score(base, "Zmiana oceny po ponownej lekturze raportu.")
    second = tmp_path / "j001-r2.pu-scores"  # an export made in between, arriving late
    variant(merged_edition, base, second, [edit], revision=2)
    third = tmp_path / "j001-r3.pu-scores"
    first = read_content(base).scores[0]
    variant(merged_edition, base, third, [edit, ("unscore", {"dossier": first.dossier_id, "criterion": "k02"})], revision=3)
    window = open_window(merged_edition)
    dialog = window.open_import([third])
    [update] = checked(qtbot, dialog)
    assert update.outcome is Outcome.UPDATE and update.previous_revision == 1 and len(update.changes) >= 2
    assert "(scalona: 1)" in dialog.model.data(dialog.model.index(0, 2))
    assert dialog.model.data(dialog.model.index(0, 4)).startswith(f"{len(update.changes)} zmian")
    shown = dialog.details.toPlainText()
    for change in update.changes:
        assert change.describe("pl") in shown
    assert any("→" in c.describe("pl") for c in update.changes)
    print("update:", details_text(dialog.model.rows()[0]), "|", " | ".join(c.describe("pl") for c in update.changes))
    merge(qtbot, window, dialog)
    assert query(merged_edition, "SELECT revision, status FROM packages WHERE juror_id = 'j001' ORDER BY revision") == [
        (1, "superseded"), (3, "merged")]
    dialog.accept()

    before = dump(merged_edition)
    stale = window.open_import([second])
    [older] = checked(qtbot, stale)
    assert older.outcome is Outcome.STALE
    assert not stale.apply_button.isEnabled()
    assert older.reason() in stale.details.toPlainText()
    assert stale.model.data(stale.model.index(0, 3)).startswith("↺ nieaktualna")
    print("stale:", older.reason())
    stale.reject()
    assert dump(merged_edition) == before


def test_a_tampered_file_is_refused_with_its_reason(qtbot, open_window, edition: Path, tmp_path: Path) -> None:
    data = bytearray(packages(edition)[2].read_bytes())
    data[len(data) // 3] ^= 0x01
    tampered = tmp_path / "j003-r1.pu-scores"
    tampered.write_bytes(bytes(data))
    window = open_window(edition)
    before = dump(edition)
    dialog = window.open_import([tampered])
    [refused] = checked(qtbot, dialog)
    assert refused.outcome is Outcome.REFUSED and refused.reason_pl
    row = dialog.model.rows()[0]
    assert dialog.model.data(dialog.model.index(0, 3)).startswith("✗ odrzucona")
    assert details_text(row) == refused.reason_pl
    assert not dialog.apply_button.isEnabled()
    print(f"tampered: {refused.code}: {refused.reason_pl}")
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dump(edition) == before
    assert not (edition / "organizer.packages").exists()


def test_an_equivocating_file_raises_the_alarm_and_merges_nothing(qtbot, open_window, merged_edition: Path,
                                                                  tmp_path: Path) -> None:
    base = packages(merged_edition)[1]
    twin = tmp_path / "j002-r1-inna.pu-scores"
    variant(merged_edition, base, twin, [changed_score(base, "Inna treść paczki o tej samej wersji.")], revision=1)
    scores_before = query(merged_edition, "SELECT * FROM scores WHERE juror_id = 'j002' ORDER BY dossier_id, criterion_id")
    window = open_window(merged_edition)
    dialog = window.open_import([twin])
    [alarm] = checked(qtbot, dialog)
    assert alarm.outcome is Outcome.EQUIVOCATION
    assert dialog.alarm.isVisible() and "ALARM" in dialog.alarm.text() and "j002" in dialog.alarm.text()
    assert "ALARM" in dialog.details.toPlainText()
    assert dialog.apply_button.isEnabled(), "keeping the evidence and recording the alarm is an action"
    print("alarm:", dialog.alarm.text())
    merge(qtbot, window, dialog)
    assert query(merged_edition, "SELECT kind, juror_id, revision FROM alarms") == [("equivocation", "j002", 1)]
    assert query(merged_edition, "SELECT status FROM packages WHERE juror_id = 'j002' ORDER BY status") == [
        ("evidence",), ("merged",)]
    assert query(merged_edition, "SELECT * FROM scores WHERE juror_id = 'j002' ORDER BY dossier_id, criterion_id") == \
        scores_before
    assert window.completeness.alarm.isVisible() and "j002" in window.completeness.alarm.text()
    assert window.alarm_badge.isVisible()


def test_cancel_while_checking_and_cancel_after_the_preview_change_nothing(qtbot, open_window, edition: Path,
                                                                          monkeypatch) -> None:
    real_plan = import_dialog_module.plan_merge
    waiting = threading.Event()

    def slow_plan(db, paths, *, progress, cancelled, **kwargs):
        waiting.set()
        deadline = time.monotonic() + 30
        while not cancelled() and time.monotonic() < deadline:  # a long batch: the organizer cancels midway
            time.sleep(0.01)
        return real_plan(db, paths, progress=progress, cancelled=cancelled, **kwargs)

    monkeypatch.setattr(import_dialog_module, "plan_merge", slow_plan)
    window = open_window(edition)
    before = dump(edition)
    dialog = window.open_import([edition / "packages"])
    qtbot.waitUntil(waiting.is_set, timeout=WAIT_MS)
    assert dialog.state == "checking" and dialog.progress.isVisible()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "cancelled", timeout=WAIT_MS)
    assert dialog.isVisible() and dialog.recheck_button.isVisible() and not dialog.apply_button.isEnabled()
    print("cancelled:", dialog.summary.text())

    monkeypatch.setattr(import_dialog_module, "plan_merge", real_plan)
    qtbot.mouseClick(dialog.recheck_button, Qt.MouseButton.LeftButton)
    assert {f.outcome for f in checked(qtbot, dialog)} == {Outcome.NEW}
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert dump(edition) == before


def test_files_dropped_on_the_window_open_the_import(qtbot, open_window, edition: Path) -> None:
    window = open_window(edition)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in packages(edition)[:2]])
    point = QPointF(window.width() / 2, window.height() / 2)
    enter = QDragEnterEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    window.dropEvent(QDropEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier))
    dialog = window.import_dialog
    assert dialog is not None and dialog.isVisible()
    planned = checked(qtbot, dialog)
    assert [f.path.name for f in planned] == [p.name for p in packages(edition)[:2]]
    more = QMimeData()
    more.setUrls([QUrl.fromLocalFile(str(database(edition).parent / "packages"))])
    dialog.dropEvent(QDropEvent(point, Qt.DropAction.CopyAction, more, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier))
    assert len(checked(qtbot, dialog)) == len(packages(edition)), "a dropped folder adds only the files not yet listed"
