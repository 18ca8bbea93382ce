"""The first-run wizard refuses a bad e-mail on the page where it was typed, and Enter on the last page
finishes instead of opening the save dialog again (issue 11, item 13)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWizard

from juror_app.ui.juror.first_run import FirstRunWizard
from juror_app.workflows.juror.profile import JurorProfile

from .conftest import choose_in_file_dialog, type_text, when_modal

STRONG = "sowa-rzeka-pióro-kłódka-most"


@pytest.fixture
def wizard(qtbot, tmp_path: Path) -> FirstRunWizard:
    widget = FirstRunWizard(tmp_path / "profil")
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    widget.next()
    assert widget.currentId() == FirstRunWizard.DETAILS
    type_text(widget.details.name, "Ewa Sądecka")
    return widget


@pytest.mark.parametrize("email", ["ewa.sadecka", "ewa.sadecka@", "@uw.edu.pl", "ewa sadecka@uw.edu.pl",
                                   "ewa@@uw.edu.pl", "ewa@uw"])
def test_a_wrong_email_is_refused_on_its_own_page(wizard, tmp_path: Path, email: str) -> None:
    type_text(wizard.details.email, email)
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.DETAILS, f"{email!r} was let through to the next page"
    page = wizard.details
    assert page.error.isVisible() and "e-mail" in page.error.text()
    assert QApplication.focusWidget() is page.email, "the cursor goes to the field to correct"
    print(f"{email!r}: {page.error.text()!r}")
    page.email.clear()
    type_text(page.email, "ewa.sadecka@uw.edu.pl")
    assert page.error.isHidden(), "the message goes as soon as the juror corrects the field"
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.PASSPHRASE
    assert not JurorProfile(tmp_path / "profil").exists()


def test_an_empty_email_is_allowed(wizard) -> None:
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.PASSPHRASE


def test_enter_on_the_last_page_finishes_and_does_not_reopen_the_save_dialog(wizard, qtbot, tmp_path: Path) -> None:
    wizard.next()
    type_text(wizard.passphrase.passphrase, STRONG)
    type_text(wizard.passphrase.again, STRONG)
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.ENROLLMENT
    target = tmp_path / "wybrane" / "zgloszenie-ewa.pu-enrollment"
    target.parent.mkdir()
    dialogs: list[QFileDialog] = []

    def save_there(dialog: QFileDialog) -> None:
        dialogs.append(dialog)
        choose_in_file_dialog(dialog, target)

    when_modal(QFileDialog, save_there)
    page = wizard.enrollment
    page.save_button.setFocus()
    qtbot.keyClick(page.save_button, Qt.Key.Key_Space)  # the juror presses the button, by keyboard
    qtbot.waitUntil(lambda: page.saved_to is not None, timeout=20_000)
    assert page.saved_to == target and target.is_file()
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    again: list[QFileDialog] = []
    when_modal(QFileDialog, lambda d: (again.append(d), d.reject()), timeout_ms=1_000)
    qtbot.waitUntil(lambda: not wizard.findChildren(QFileDialog))  # the dialog is gone
    wizard.activateWindow()  # what the window manager does when the file dialog closes (offscreen has none)
    qtbot.waitUntil(lambda: wizard.isActiveWindow() and QApplication.focusWidget() is not None)
    print(f"focus after saving: {QApplication.focusWidget()!r}")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.wait(1_200)
    assert not again, "Enter opened the save dialog a second time"
    assert wizard.result() == QWizard.DialogCode.Accepted and not wizard.isVisible(), "Enter finishes the wizard"
    print(f"saved {target.name}; Enter on the last page finished the wizard")
