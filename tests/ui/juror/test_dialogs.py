"""Every dialog of the juror's window, driven through its widgets, including the ways it refuses."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWizard

from juror_app.domain.model import DossierStatus
from juror_app.exchange.enrollment import read_enrollment
from juror_app.ui.juror.conflict_dialog import ConflictDialog
from juror_app.ui.juror.export_dialog import ExportDialog
from juror_app.ui.juror.first_run import FirstRunWizard
from juror_app.ui.juror.nomination_dialog import NominationDialog
from juror_app.workflows.juror import bundle_import as juror_import
from juror_app.workflows.juror import scoring as juror_scoring
from juror_app.workflows.juror.profile import JurorProfile

from .conftest import type_text, when_modal

STRONG = "sowa-rzeka-pióro-kłódka-most"


def _dump(profile: JurorProfile) -> list[str]:
    """The whole database as SQL text: equal dumps mean nothing at all changed."""
    conn = sqlite3.connect(f"file:{profile.database_path}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


# --- first run ------------------------------------------------------------------------------------

def test_first_run_refuses_mismatch_and_weak_then_makes_the_profile(qtbot, tmp_path: Path) -> None:
    folder = tmp_path / "profil"
    wizard = FirstRunWizard(folder)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.currentId() == FirstRunWizard.WELCOME
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.DETAILS
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled(), "a name is required"
    type_text(wizard.details.name, "dr Łucja Żmigrodzka")
    type_text(wizard.details.affiliation, "Uniwersytet Kazimierza Wielkiego w Bydgoszczy")
    wizard.next()
    page = wizard.passphrase

    type_text(page.passphrase, STRONG)
    type_text(page.again, STRONG + "x")
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.PASSPHRASE and "różnią się" in page.error.text()
    print(f"mismatch: {page.error.text()!r}")

    page.passphrase.clear()
    page.again.clear()
    type_text(page.passphrase, "haslo123")
    assert page.meter.value() <= 1, "the meter shows a weak passphrase as such"
    print(f"hint while typing a weak one: {page.hint.text()!r}")
    type_text(page.again, "haslo123")
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.PASSPHRASE and page.error.isVisible()
    print(f"weak: {page.error.text()!r}")
    assert not JurorProfile(folder).exists(), "nothing is written while a check fails"

    page.passphrase.clear()
    page.again.clear()
    type_text(page.passphrase, STRONG)
    type_text(page.again, STRONG)
    assert page.meter.value() >= 3
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.ENROLLMENT and JurorProfile(folder).exists()
    enrollment_page = wizard.enrollment
    assert enrollment_page.fingerprint.text() == page.info.fingerprint
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled(), "the enrollment file must be saved"
    target = tmp_path / "zgloszenie.pu-enrollment"
    assert enrollment_page.save(target)
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    enrollment = read_enrollment(target)
    assert enrollment.fingerprint == page.info.fingerprint and enrollment.name == "dr Łucja Żmigrodzka"
    print(f"enrollment {target.name}: {enrollment.name}, {enrollment.fingerprint}")
    wizard.accept()


def test_first_run_can_open_the_demo_instead(qtbot, tmp_path: Path) -> None:
    wizard = FirstRunWizard(tmp_path / "profil")
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.mouseClick(wizard.welcome.demo, Qt.MouseButton.LeftButton)
    assert wizard.wants_demo() and wizard.result() == QWizard.DialogCode.Accepted
    assert not JurorProfile(tmp_path / "profil").exists()


# --- import -----------------------------------------------------------------------------------------

def test_import_refuses_another_jurors_bundle_and_changes_nothing(qtbot, open_workstation, demo_copy) -> None:
    window = open_workstation(demo_copy.profile, demo_copy.info()).window
    before = _dump(demo_copy.profile)
    dialog = window.import_bundle(demo_copy.bundle("j002"))
    qtbot.waitUntil(lambda: dialog.state == "error", timeout=20_000)
    assert "innej osoby" in dialog.message.text() and "niczego nie zmieniono" in dialog.message.text()
    assert dialog.close_button.isVisible() and not dialog.import_button.isVisible()
    print(f"another juror's bundle: {dialog.message.text()!r}")
    dialog.accept()
    assert _dump(demo_copy.profile) == before


def test_import_refuses_a_damaged_document_and_changes_nothing(qtbot, open_workstation, empty_profile, demo_copy,
                                                               tmp_path: Path) -> None:
    """One flipped byte inside a document: the signed manifest still verifies, the document's hash does not."""
    damaged = tmp_path / "uszkodzona.pu-bundle"
    data = bytearray(demo_copy.bundle().read_bytes())
    data[len(data) // 2] ^= 0xFF
    damaged.write_bytes(bytes(data))
    window = open_workstation(empty_profile, demo_copy.info()).window
    before = _dump(empty_profile)
    dialog = window.import_bundle(damaged)
    qtbot.waitUntil(lambda: dialog.state in ("preview", "error"), timeout=20_000)
    if dialog.state == "preview":  # the documents' hashes are checked while they stream in
        dialog.confirm.setChecked(True)
        dialog.start_import()
        qtbot.waitUntil(lambda: dialog.state in ("done", "error"), timeout=20_000)
    assert dialog.state == "error", dialog.message.text()
    print(f"damaged bundle: {dialog.message.text()!r}")
    dialog.accept()
    assert _dump(empty_profile) == before
    assert window.stack.currentIndex() == 0, "still no dossiers"


def test_cancelling_an_import_stops_it_and_says_nothing_changed(qtbot, open_workstation, empty_profile, demo_copy,
                                                                 monkeypatch) -> None:
    """Cancel reaches the running workflow (which checks it between documents) and the dialog reports it."""
    started = []

    def slow_import(profile, db, path, *, accept_organizer_fingerprint, progress, cancelled):
        started.append(accept_organizer_fingerprint)
        for done in range(1000):
            if cancelled():
                raise juror_import.ImportCancelled()
            progress(done, 1000, "")
            time.sleep(0.01)
        raise AssertionError("the cancel never arrived")

    monkeypatch.setattr(juror_import, "import_bundle", slow_import)
    window = open_workstation(empty_profile, demo_copy.info()).window
    dialog = window.import_bundle(demo_copy.bundle())
    qtbot.waitUntil(lambda: dialog.state == "preview", timeout=20_000)
    dialog.confirm.setChecked(True)
    dialog.start_import()
    qtbot.waitUntil(lambda: bool(started) and dialog.progress.value() > 0, timeout=10_000)
    dialog.reject()  # the dialog's Cancel button
    assert dialog.isVisible(), "the dialog waits for the work to stop"
    qtbot.waitUntil(lambda: dialog.state == "error", timeout=10_000)
    assert "przerwano" in dialog.message.text().lower()
    assert started == [dialog.preview.organizer_fingerprint], "the fingerprint the juror confirmed is the one pinned"
    print(f"cancelled: {dialog.message.text()!r}")
    dialog.accept()


def test_importing_the_same_bundle_again_says_there_is_nothing_to_do(qtbot, open_workstation, demo_copy) -> None:
    window = open_workstation(demo_copy.profile, demo_copy.info()).window
    dialog = window.import_bundle(demo_copy.bundle())
    qtbot.waitUntil(lambda: dialog.state == "preview", timeout=20_000)
    assert "już zaimportowana" in dialog.heading.text()
    assert not dialog.import_button.isVisible() and dialog.close_button.isVisible()
    assert not dialog.fingerprint.isVisible(), "the organizer's key is pinned already"
    dialog.accept()


# --- export -----------------------------------------------------------------------------------------

def test_export_with_a_wrong_passphrase_writes_nothing(qtbot, open_workstation, demo_copy, tmp_path: Path) -> None:
    workstation = open_workstation(demo_copy.profile, demo_copy.info())
    first_criterion = workstation.session.edition.criteria[0].id
    juror_scoring.set_score(workstation.session.db, dossier_id="d0001", criterion_id=first_criterion, points=5,
                            justification="")
    dialog = ExportDialog(workstation.session, workstation.window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.preview.revision == 1 and dialog.preview.scores == 1
    assert "częściowa" in " ".join(label.text() for label in dialog.findChildren(type(dialog.message)))
    out = tmp_path / "wyjscie"
    out.mkdir()
    dialog.target.setText(str(out / "oceny.pu-scores"))
    before = _dump(demo_copy.profile)
    type_text(dialog.passphrase, "zle-haslo-zupelnie")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=30_000)
    assert dialog.error is not None and dialog.error.code == "wrong_passphrase"
    assert "Nieprawidłowe hasło" in dialog.message.text() and "Nie zapisano" in dialog.message.text()
    assert list(out.iterdir()) == [], "no file, not even a temporary one"
    assert _dump(demo_copy.profile) == before, "no revision reserved"
    print(f"wrong passphrase: {dialog.message.text()!r}")

    dialog.passphrase.clear()
    type_text(dialog.passphrase, demo_copy.passphrase)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=30_000)
    assert dialog.result is not None and dialog.result.revision == 1
    assert [p.name for p in out.iterdir()] == ["oceny.pu-scores"]
    print(f"then: {dialog.message.text()!r}")


# --- conflict and nomination --------------------------------------------------------------------------

def test_conflict_dialog_needs_a_reason_and_undo_brings_the_scores_back(qtbot, open_workstation, demo_copy) -> None:
    workstation = open_workstation(demo_copy.profile, demo_copy.info())
    window, session = workstation.window, workstation.session
    window.dossiers.select("d0002")
    for criterion in session.edition.criteria[:2]:
        session.apply(juror_scoring.set_score, dossier_id="d0002", criterion_id=criterion.id, points=4, justification="")

    def cancel(dialog: ConflictDialog) -> None:
        assert "2 oceny" in dialog.warning.text(), dialog.warning.text()
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled()
        type_text(dialog.reason, "Za krótko")
        assert not ok.isEnabled(), "9 characters are not enough"
        dialog.reject()

    when_modal(ConflictDialog, cancel)
    assert not window.scoring.declarations.declare_conflict()
    assert session.scoring("d0002").conflict_reason is None

    def declare(dialog: ConflictDialog) -> None:
        type_text(dialog.reason, "Mój mąż jest sekretarzem tej gminy.")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    when_modal(ConflictDialog, declare)
    assert window.scoring.declarations.declare_conflict()
    scoring = session.scoring("d0002")
    assert scoring.status is DossierStatus.RECUSED and all(s.points is None for s in scoring.criteria)
    assert window.scoring.declarations.recused_label.isVisible()
    assert window.dossiers.model.rows()[1].status is DossierStatus.RECUSED
    window.undo()
    scoring = session.scoring("d0002")
    assert scoring.conflict_reason is None and [s.points for s in scoring.criteria[:2]] == [4, 4]
    print(f"after undo: status {scoring.status.value}, scores back: {[s.points for s in scoring.criteria[:2]]}")
    window.redo()
    when_modal(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    assert window.scoring.declarations.withdraw_conflict()
    assert session.scoring("d0002").conflict_reason is None


def test_nomination_dialog_picks_a_distinction_and_edits_it(qtbot, open_workstation, demo_copy) -> None:
    workstation = open_workstation(demo_copy.profile, demo_copy.info())
    window, session = workstation.window, workstation.session
    window.dossiers.select("d0001")
    distinctions = session.edition.distinctions

    def nominate(dialog: NominationDialog) -> None:
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        dialog.group.button(1).setChecked(True)
        assert dialog.distinction_id() == distinctions[1].id and not ok.isEnabled()
        type_text(dialog.reason, "Konsultacje społeczne z udziałem mieszkańców; język łatwy.")
        assert ok.isEnabled()
        ok.click()

    when_modal(NominationDialog, nominate)
    assert window.scoring.declarations.nominate()
    assert session.scoring("d0001").nominations == {
        distinctions[1].id: "Konsultacje społeczne z udziałem mieszkańców; język łatwy."}
    assert "★" in window.dossiers.model.index(0, 0).data()

    def edit(dialog: NominationDialog) -> None:
        assert dialog.distinction_id() == distinctions[1].id
        assert dialog.reason_text().startswith("Konsultacje")
        type_text(dialog.reason, " Wzorcowe.")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    when_modal(NominationDialog, edit)
    assert window.scoring.declarations.nominate(distinctions[1].id)
    assert session.scoring("d0001").nominations[distinctions[1].id].endswith("Wzorcowe.")
    assert window.scoring.declarations.withdraw_nomination(distinctions[1].id)
    assert session.scoring("d0001").nominations == {}
