"""A newer bundle changed a criterion's scale: the import dialog says so, the scoring panel asks for a new score.

Driven on the real window: the organizer narrows criterion k01 from 0–10 to 0–5 after the bundles
went out; the juror, who gave 7 of 10, imports the next revision. The preview names the criterion
and the scores that no longer fit; after the import the criterion says "re-score needed: 7 of 10
before the scale changed to 0–5" with the old justification, which one click puts back in the field.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from juror_app.domain.model import RubricLevel
from juror_app.store.blobs import BlobStore
from juror_app.store.edition_tables import read_edition
from juror_app.store.organizer_schema import open_organizer_db
from juror_app.workflows.demo import generate as demo
from juror_app.workflows.juror import scoring as juror_scoring
from juror_app.workflows.organizer import edition as edition_flow
from juror_app.workflows.organizer.setup import export_bundle

from PySide6.QtCore import Qt

from .conftest import SEED, press, type_text

OLD_TEXT = "Karta usług opisuje każdą sprawę: termin, opłatę i osobę prowadzącą."


def _narrowed_bundle(demo_copy, out: Path) -> Path:
    db = open_organizer_db(demo_copy.edition / "organizer.sqlite")
    try:
        edition = read_edition(db)
        k01 = edition.criteria[0]
        assert (k01.id, k01.max_points, k01.step) == ("k01", 10, 1)
        levels = (RubricLevel(0, 2, "Słabo"), RubricLevel(3, 5, "Dobrze"))
        narrowed = replace(edition, criteria=(replace(k01, max_points=5, levels=levels),) + edition.criteria[1:])
        edition_flow.update_edition(db, narrowed, confirm_invalidating=True, by="Sekretarz")
        return export_bundle(db, BlobStore.beside(demo_copy.edition / "organizer.sqlite"), "j001",
                             demo.demo_key(SEED, "organizer"), out).path
    finally:
        db.close()


def test_the_import_and_the_panel_ask_for_a_new_score_and_offer_the_old_justification(
        qtbot, open_workstation, demo_copy, tmp_path: Path) -> None:
    workstation = open_workstation(demo_copy.profile, demo_copy.info())
    window, session = workstation.window, workstation.session
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    dossier = session.rows()[0].dossier_id
    juror_scoring.set_score(session.db, dossier_id=dossier, criterion_id="k01", points=7, justification=OLD_TEXT)
    bundle = _narrowed_bundle(demo_copy, tmp_path / "j001-r2.pu-bundle")

    dialog = window.import_bundle(bundle)
    qtbot.waitUntil(lambda: dialog.state == "preview", timeout=30_000)
    notice = dialog.scale_notice.text()
    print(f"preview: {notice!r}")
    assert dialog.scale_notice.isVisibleTo(dialog)
    assert "I.1" in notice and "0–10 → 0–5" in notice and "1 Twoja ocena nie mieści się" in notice
    dialog.start_import()
    qtbot.waitUntil(lambda: dialog.state == "done", timeout=120_000)
    print(f"done: {dialog.message.text()!r}")
    assert "1 ocena nie mieści się w zmienionej skali" in dialog.message.text()
    dialog.accept()

    assert window.scoring.current_dossier() == dossier, "the dossier open before the import is open again"
    editor = window.scoring.editor("k01")
    assert editor.criterion.max_points == 5, "its criteria as the new bundle has them"
    assert editor.points.points() is None, "the old points were taken out"
    assert editor.rescore_notice is not None and editor.rescore_notice.isVisibleTo(editor)
    text = editor.rescore_notice.text()
    print(f"panel: {text!r}")
    assert "Potrzebna ponowna ocena" in text and "7 z 10" in text and "0–5" in text and OLD_TEXT in text
    assert editor.reuse_button.isVisibleTo(editor)
    qtbot.mouseClick(editor.reuse_button, Qt.MouseButton.LeftButton)
    assert editor.justification.toPlainText() == OLD_TEXT
    assert session.scoring(dossier).criteria[0].points is None, "nothing saved before the points"
    editor.points.lineEdit().selectAll()
    type_text(editor.points.lineEdit(), "4")
    press(editor.points.lineEdit(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.saved_state() == (4, OLD_TEXT), timeout=10_000)
    row = session.db.execute("SELECT points, justification FROM scores WHERE dossier_id = ? AND criterion_id = 'k01'",
                             [dossier]).fetchone()
    assert tuple(row) == (4, OLD_TEXT), "saved with the reused justification"
    assert "Przed zmianą skali na 0–5 Twoja ocena wynosiła 7 z 10." in editor.rescore_notice.text()
    assert not editor.reuse_button.isVisibleTo(editor), "nothing left to reuse"
