"""The first start: a short welcome that makes the juror's profile and signing key, or opens the demo.

Four pages: welcome (your profile, or the demo edition), who you are, the key's passphrase (twice,
with a strength hint and the warning that a lost passphrase means enrolling again), and the key's
fingerprint with the enrollment file saved where the juror chooses (it goes to the organizer).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from juror_app.domain.errors import UserError
from juror_app.domain.i18n import pick
from juror_app.domain.passphrase import estimate_strength
from juror_app.ui.common import file_dialogs
from juror_app.ui.juror.style import role
from juror_app.workflows.juror.profile import (
    JurorProfile,
    ProfileInfo,
    check_details,
    create_profile,
    export_enrollment,
)

ENROLLMENT_SUFFIX = ".pu-enrollment"
ENROLLMENT_KIND = "juror/enrollment"  # the folder its save dialog remembers


def _label(text: str, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if name:
        role(label, name)
    return label


class WelcomePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Welcome"))
        self.own = QCommandLinkButton(self.tr("Create my juror profile and signing key"),
                                      self.tr("You will need a few minutes and a passphrase you can remember."))
        self.demo = QCommandLinkButton(self.tr("Just look around: open the demo edition"),
                                       self.tr("A made-up edition with a few dossiers, for trying things out."))
        self.own.clicked.connect(lambda: self.wizard().next())
        self.demo.clicked.connect(lambda: self.wizard().choose_demo())
        layout = QVBoxLayout(self)
        layout.addWidget(_label(self.tr(
            "This program lets you read the dossiers of the “Przyjazny Urząd” competition, score them with "
            "justifications, and send your signed scores to the organizer. It works without the Internet; "
            "your work is saved as you type.")))
        layout.addSpacing(12)
        layout.addWidget(self.own)
        layout.addWidget(self.demo)
        layout.addStretch(1)


class DetailsPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("About you"))
        self.setSubTitle(self.tr("The organizer sees this in your enrollment file and on your score sheets."))
        self.name = QLineEdit()
        self.affiliation = QLineEdit()
        self.email = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. dr hab. Anna Kowalska"))
        self.affiliation.setPlaceholderText(self.tr("e.g. Uniwersytet Wrocławski"))
        self.email.setPlaceholderText(self.tr("e.g. anna.kowalska@uwr.edu.pl (may stay empty)"))
        self.error = _label("", "error")
        self.error.hide()
        form = QFormLayout(self)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Affiliation:"), self.affiliation)
        form.addRow(self.tr("E-mail:"), self.email)
        form.addRow("", self.error)
        self.registerField("name*", self.name)
        self.registerField("affiliation", self.affiliation)
        self.registerField("email", self.email)
        for field in (self.name, self.affiliation, self.email):
            field.textChanged.connect(lambda _: self.error.hide())

    def validatePage(self) -> bool:
        """Check what was typed here, on this page: a wrong e-mail is said now, not pages later."""
        try:
            check_details(name=self.name.text(), affiliation=self.affiliation.text(), email=self.email.text())
        except UserError as exc:
            self.error.setText(exc.message())
            self.error.show()
            field = self.email if exc.code == "bad_email" else self.name
            field.setFocus()
            field.selectAll()
            return False
        return True


class PassphrasePage(QWizardPage):
    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.info: ProfileInfo | None = None
        self.setTitle(self.tr("Your signing key"))
        self.setSubTitle(self.tr("Your scores are signed with a key made on this computer. A passphrase protects it."))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.meter = QProgressBar()
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(8)
        self.hint = _label("", "muted")
        self.error = _label("", "error")
        self.error.hide()
        warning = _label(self.tr(
            "<b>Remember this passphrase.</b> Nobody can recover it, not even the organizer. If it is lost, you "
            "make a new key and enroll again; your scores stay on this computer."), "warning")
        form = QFormLayout()
        form.addRow(self.tr("Passphrase:"), self.passphrase)
        form.addRow("", self.meter)
        form.addRow("", self.hint)
        form.addRow(self.tr("Once more:"), self.again)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(warning)
        self.passphrase.textChanged.connect(self._strength)
        self.again.textChanged.connect(lambda _: self.error.hide())
        self._strength("")

    def _strength(self, text: str) -> None:
        strength = estimate_strength(text)
        self.meter.setValue(strength.score if text else 0)
        colour = ("#a4262c", "#a4262c", "#8a5300", "#1d6b40", "#1d6b40")[strength.score]
        self.meter.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; }}")
        self.hint.setText(pick(strength.hint_pl, strength.hint_en))
        self.error.hide()

    def validatePage(self) -> bool:
        """Make the profile and the key now; a refusal (mismatch, weak passphrase) is shown on this page."""
        if self.info is not None:
            return True
        wizard = self.wizard()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.info = create_profile(
                self.folder, name=str(wizard.field("name")), affiliation=str(wizard.field("affiliation") or ""),
                email=str(wizard.field("email") or ""), passphrase=self.passphrase.text(),
                passphrase_again=self.again.text())
        except UserError as exc:
            self.error.setText(exc.message())
            self.error.show()
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        return True


class EnrollmentPage(QWizardPage):
    def __init__(self, folder: Path, passphrase_page: PassphrasePage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.passphrase_page = passphrase_page
        self.saved_to: Path | None = None
        self.setTitle(self.tr("Your enrollment file"))
        self.setSubTitle(self.tr("Send this file to the organizer: it tells them your key, so they can trust your scores."))
        self.fingerprint = QLabel()
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setBold(True)
        font.setPointSizeF(max(font.pointSizeF(), 10) * 1.5)
        self.fingerprint.setFont(font)
        self.fingerprint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_button = QPushButton(self.tr("Save the enrollment file…"))
        # Not the dialog's default: after saving, Enter must finish the wizard, not open the dialog again.
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.choose_and_save)
        self.status = _label("")
        self.error = _label("", "error")
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(_label(self.tr("Your key's fingerprint. When the organizer calls to confirm your enrollment, "
                                        "read it out; it must match what they see.")))
        layout.addWidget(self.fingerprint)
        layout.addSpacing(12)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def initializePage(self) -> None:
        info = self.passphrase_page.info
        self.fingerprint.setText(info.fingerprint if info else "")
        self.fingerprint.setToolTip(info.ssh_fingerprint if info else "")

    def isComplete(self) -> bool:
        return self.saved_to is not None

    def suggested_name(self) -> str:
        name = str(self.wizard().field("name") or "juror")
        safe = "".join(ch if ch.isalnum() else "-" for ch in name).strip("-").lower() or "juror"
        return f"zgloszenie-{safe}{ENROLLMENT_SUFFIX}"

    def choose_and_save(self) -> None:
        chosen = file_dialogs.save_file(self, self.tr("Save the enrollment file"), self.suggested_name(),
                                        self.tr("Enrollment file (*%1)").replace("%1", ENROLLMENT_SUFFIX),
                                        kind=ENROLLMENT_KIND, suffix=ENROLLMENT_SUFFIX)
        if chosen:
            self.save(chosen)

    def save(self, target: Path) -> bool:
        profile = JurorProfile(self.folder)
        db = profile.open_db()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            export_enrollment(profile, db, self.passphrase_page.passphrase.text(), target)
        except UserError as exc:
            self.error.setText(exc.message())
            self.error.show()
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
            db.close()
        self.saved_to = target
        self.error.hide()
        self.status.setText(self.tr("Saved: %1\nSend it to the organizer by e-mail.").replace("%1", str(target)))
        self.completeChanged.emit()
        finish = self.wizard().button(QWizard.WizardButton.FinishButton) if self.wizard() else None
        if finish is not None:
            finish.setDefault(True)
            finish.setFocus()
        return True


class FirstRunWizard(QWizard):
    WELCOME, DETAILS, PASSPHRASE, ENROLLMENT = range(4)

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self._wants_demo = False
        self.setWindowTitle(self.tr("Kapituła “Przyjazny Urząd”: first start"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setMinimumSize(620, 480)
        self.welcome = WelcomePage()
        self.details = DetailsPage()
        self.passphrase = PassphrasePage(self.folder)
        self.enrollment = EnrollmentPage(self.folder, self.passphrase)
        self.setPage(self.WELCOME, self.welcome)
        self.setPage(self.DETAILS, self.details)
        self.setPage(self.PASSPHRASE, self.passphrase)
        self.setPage(self.ENROLLMENT, self.enrollment)
        self.setStartId(self.WELCOME)

    def choose_demo(self) -> None:
        self._wants_demo = True
        self.accept()

    def wants_demo(self) -> bool:
        return self._wants_demo

    def profile_created(self) -> bool:
        return self.passphrase.info is not None
