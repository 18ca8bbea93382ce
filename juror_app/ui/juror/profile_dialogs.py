"""The juror's own profile: who and which key, and saving the enrollment file again when asked."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from juror_app.domain.errors import UserError
from juror_app.ui.common import file_dialogs
from juror_app.ui.common.errors import show_user_error
from juror_app.ui.juror.first_run import ENROLLMENT_KIND, ENROLLMENT_SUFFIX
from juror_app.ui.juror.session import Session
from juror_app.workflows.juror.profile import export_enrollment


def show_profile(parent: QWidget, session: Session) -> None:
    info = session.info()
    rows = [
        (QCoreApplication.translate("Profile", "Name"), info.name),
        (QCoreApplication.translate("Profile", "Affiliation"), info.affiliation or "—"),
        (QCoreApplication.translate("Profile", "E-mail"), info.email or "—"),
        (QCoreApplication.translate("Profile", "Juror id"), info.juror_id or "—"),
        (QCoreApplication.translate("Profile", "Key fingerprint"), info.fingerprint),
        (QCoreApplication.translate("Profile", "OpenSSH fingerprint"), info.ssh_fingerprint),
        (QCoreApplication.translate("Profile", "Profile folder"), str(session.profile.folder)),
    ]
    table = "".join(f"<tr><td style='padding-right:12px'><b>{html.escape(k)}</b></td><td>{html.escape(v)}</td></tr>"
                    for k, v in rows)
    box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("Profile", "My profile and key"),
                      f"<table>{table}</table>", QMessageBox.StandardButton.Close, parent)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()


def save_enrollment(parent: QWidget, session: Session) -> Path | None:
    """Ask for the passphrase and a file, then write the signed enrollment file there."""
    passphrase, ok = QInputDialog.getText(
        parent, QCoreApplication.translate("Profile", "Save enrollment file"),
        QCoreApplication.translate("Profile", "The passphrase of your signing key:"), QLineEdit.EchoMode.Password)
    if not ok:
        return None
    target = file_dialogs.save_file(
        parent, QCoreApplication.translate("Profile", "Save enrollment file"), f"zgloszenie{ENROLLMENT_SUFFIX}",
        QCoreApplication.translate("Profile", "Enrollment file (*%1)").replace("%1", ENROLLMENT_SUFFIX),
        kind=ENROLLMENT_KIND, suffix=ENROLLMENT_SUFFIX)
    if target is None:
        return None
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        export_enrollment(session.profile, session.db, passphrase, target)
    except UserError as exc:
        QGuiApplication.restoreOverrideCursor()
        show_user_error(parent, exc)
        return None
    QGuiApplication.restoreOverrideCursor()
    QMessageBox.information(parent, QCoreApplication.translate("Profile", "Save enrollment file"),
                            QCoreApplication.translate("Profile", "Saved: %1").replace("%1", str(target)))
    return target
