"""The whole juror workflow on the demo bundle, through the real widgets.

Import (with the organizer's fingerprint confirmed), open a dossier, find a word with Polish letters
in its PDF and across all dossiers, score every criterion with digits and Polish justifications,
declare a conflict, nominate, undo and redo, export; then the package verifies against the
organizer's database and holds exactly the scores entered.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from juror_app.domain.model import DossierStatus
from juror_app.exchange import container
from juror_app.exchange.package import read_package_content
from juror_app.store.organizer_schema import open_organizer_db
from juror_app.ui.juror.conflict_dialog import ConflictDialog
from juror_app.ui.juror.nomination_dialog import NominationDialog
from juror_app.workflows.organizer.verify import verify_file

from .conftest import press, type_text, when_modal

PL_JUSTIFICATION = "Zgłoszenie rzetelnie opisuje źródła; żółć i łączność"


def _points_for(criterion, i: int) -> float:
    """A middle-of-the-scale value for most criteria, the top of the scale for some (justification required)."""
    if i % 4 == 0:
        return criterion.max_points
    return round(round(criterion.max_points * 0.6 / criterion.step) * criterion.step, 6)


def _type_points(editor, points: float) -> None:
    """Digits (and a decimal comma) into the spin box, then Enter: the keyboard workflow."""
    editor.focus_points()
    line = editor.points.lineEdit()
    line.selectAll()
    text = str(int(points)) if float(points).is_integer() else f"{points:g}".replace(".", ",")
    type_text(line, text)
    press(line, Qt.Key.Key_Return)


def test_whole_workflow(qtbot, open_workstation, empty_profile, demo_copy, tmp_path: Path) -> None:
    workstation = open_workstation(empty_profile, demo_copy.info())
    window, session = workstation.window, workstation.session
    assert window.stack.currentIndex() == 0, "with no bundle the window invites an import"

    # --- import through the dialog, confirming the organizer's fingerprint ------------------------
    dialog = window.import_bundle(demo_copy.bundle())
    qtbot.waitUntil(lambda: dialog.state == "preview", timeout=20_000)
    assert dialog.preview.needs_pinning and dialog.fingerprint.isVisible()
    assert dialog.fingerprint.text() == dialog.preview.organizer_fingerprint
    assert not dialog.import_button.isEnabled(), "importing needs the fingerprint confirmed"
    dialog.confirm.setChecked(True)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "done", timeout=30_000)
    print(f"imported: {dialog.message.text()!r}")
    dialog.accept()
    assert window.stack.currentIndex() == 1
    rows = window.dossiers.model.rows()
    assert len(rows) == 6 and window.dossiers.progress_label.text() == "0 z 6 ukończonych"

    # --- open a dossier; find a word with Polish letters in its PDF --------------------------------
    first = rows[0]
    assert window.dossiers.select(first.dossier_id)
    assert window.scoring.current_dossier() == first.dossier_id
    assert window.viewer.error is None and window.viewer.pdf.pageCount() > 0
    window.viewer.find_bar.search("Twardogórze")
    qtbot.waitUntil(lambda: window.viewer.find_bar.hit_count() > 0, timeout=10_000)
    print(f"'Twardogórze' in {window.viewer.current_document().title}: {window.viewer.find_bar.hit_count()} hits")

    # --- search across all dossiers (a word with ł), open the hit -----------------------------------
    session.indexer.start()
    qtbot.waitUntil(lambda: not session.indexer.running() and "24" in window.search.status.text(), timeout=60_000)
    window.left.setCurrentWidget(window.search_tab)
    type_text(window.search.field, "pełnomocnik")
    press(window.search.field, Qt.Key.Key_Return)
    hits = window.search.model.rowCount()
    assert hits > 0
    print(f"'pełnomocnik' across the dossiers: {hits} pages")
    target_index = window.search.model.index(hits - 1, 0)
    target = target_index.data(Qt.ItemDataRole.UserRole + 1)
    window.search.results.activated.emit(target_index)
    assert window.scoring.current_dossier() == target.dossier_id
    assert window.viewer.current_document().id == target.document_id
    assert window.viewer.find_bar.field.text().lower().startswith("pełnomocnik")
    qtbot.waitUntil(lambda: window.viewer.find_bar.hit_count() > 0, timeout=10_000)
    window.left.setCurrentWidget(window.dossiers)

    # --- score every criterion of the first dossier with the keyboard ------------------------------
    window.dossiers.select(first.dossier_id)
    entered: dict[tuple[str, str], tuple[float, str]] = {}
    for i, editor in enumerate(window.scoring.editors()):
        points = _points_for(editor.criterion, i)
        _type_points(editor, points)
        text = f"{PL_JUSTIFICATION} ({editor.criterion.code})"
        type_text(editor.justification, text)
        editor.points.setFocus()  # leaving the justification saves it at once
        qtbot.waitUntil(lambda e=editor: not e.has_pending(), timeout=5_000)
        assert editor.saved_label.text().startswith("Zapisano "), editor.saved_label.text()
        entered[(first.dossier_id, editor.criterion.id)] = (points, text)
    assert session.scoring(first.dossier_id).status is DossierStatus.COMPLETE
    assert window.dossiers.progress_label.text() == "1 z 6 ukończonych"
    print(f"scored {len(entered)} criteria; the panel says: {window.scoring.missing.text()!r}")

    # a second dossier, partly, using the spin box's arrow keys
    second, third = rows[1], rows[2]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts go to the active window
    qtbot.keyClick(window.dossiers.view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.scoring.current_dossier() == second.dossier_id
    qtbot.keyClick(window.dossiers.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    editor = window.scoring.editors()[0]
    assert editor.points.hasFocus() or editor.points.lineEdit().hasFocus()
    for _ in range(4):  # from "—" up to 3 points
        press(editor.points, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: not editor.has_pending(), timeout=5_000)
    entered[(second.dossier_id, editor.criterion.id)] = (3.0, "")
    assert session.scoring(second.dossier_id).status is DossierStatus.IN_PROGRESS

    # --- a conflict of interest on the third dossier -------------------------------------------------
    window.dossiers.select(third.dossier_id)
    when_modal(ConflictDialog, lambda d: (type_text(d.reason, "Współpracowałam z tym urzędem w 2024 r."),
                                          d.buttons.button(QDialogButtonBox.StandardButton.Ok).click()))
    assert window.scoring.declarations.declare_conflict()
    assert session.scoring(third.dossier_id).status is DossierStatus.RECUSED
    assert not window.scoring.editors()[0].points.isEnabled()

    # --- a nomination for the first dossier -----------------------------------------------------------
    window.dossiers.select(first.dossier_id)
    when_modal(NominationDialog, lambda d: (type_text(d.reason, "Wzorcowe wdrożenie e-usług i łatwy język."),
                                            d.buttons.button(QDialogButtonBox.StandardButton.Ok).click()))
    assert window.scoring.declarations.nominate()
    assert session.scoring(first.dossier_id).nominations

    # --- undo and redo ----------------------------------------------------------------------------------
    window.undo()
    assert not session.scoring(first.dossier_id).nominations, "undo takes the nomination back"
    window.redo()
    assert session.scoring(first.dossier_id).nominations, "redo makes it again"
    changed = window.scoring.editors()[1]
    old_points, old_text = entered[(first.dossier_id, changed.criterion.id)]
    _type_points(changed, old_points - changed.criterion.step)
    qtbot.waitUntil(lambda: not changed.has_pending(), timeout=5_000)
    window.undo()
    assert changed.points.points() == old_points
    assert session.scoring(first.dossier_id).criteria[1].points == old_points
    window.redo()
    assert session.scoring(first.dossier_id).criteria[1].points == old_points - changed.criterion.step
    entered[(first.dossier_id, changed.criterion.id)] = (old_points - changed.criterion.step, old_text)
    print(f"undo stack: {session.undo_stack.count()} steps, now at {session.undo_stack.index()}")

    # --- export, then check the package as the organizer would ----------------------------------------
    export = window.export_package()
    assert export.demo_hint.isVisible() and demo_copy.passphrase in export.demo_hint.text()
    target = tmp_path / "oceny.pu-scores"
    export.target.setText(str(target))
    type_text(export.passphrase, demo_copy.passphrase)
    qtbot.mouseClick(export.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: export.result is not None or export.error is not None, timeout=30_000)
    assert export.result is not None, export.message.text()
    export.reject()

    organizer = open_organizer_db(demo_copy.edition / "organizer.sqlite")
    try:
        report = verify_file(target, organizer_db=organizer)
    finally:
        organizer.close()
    print(report.render())
    assert report.ok
    with container.open_container(target, container.PACKAGE) as opened:
        content = read_package_content(opened)
    in_package = {(s.dossier_id, s.criterion_id): (s.points, s.justification) for s in content.scores}
    assert in_package == entered
    assert [c.dossier_id for c in content.conflicts] == [third.dossier_id]
    assert [n.dossier_id for n in content.nominations] == [first.dossier_id]
    print(f"package: {len(content.scores)} scores, {len(content.conflicts)} conflict, "
          f"{len(content.nominations)} nomination, {len(content.log_lines)} log lines")
