"""Fixtures for driving the juror's window with pytest-qt: a demo edition, fresh profiles, helpers.

The demo edition is generated once per test session and copied per test (a closed SQLite file
copies safely), so each test starts from the same state in well under a second. QSettings and the
data folder point into the test's temporary folder: no test touches the real user's settings.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from juror_app.ui.common import i18n, refcount_guard, single_instance
from juror_app.ui.juror.launch import Workstation
from juror_app.ui.juror.session import DemoInfo, Session
from juror_app.workflows.demo import generate as demo
from juror_app.workflows.demo.workstation import prepare_demo_workstation
from juror_app.workflows.juror.profile import JurorProfile, create_profile

SEED = 2026


@dataclass(frozen=True)
class DemoCopy:
    root: Path
    profile: JurorProfile  # juror j001's profile with the j001 bundle imported
    passphrase: str
    edition: Path  # the organizer's side: organizer.sqlite, bundles/, keys/

    def bundle(self, juror_id: str = "j001") -> Path:
        return self.edition / "bundles" / f"{juror_id}{demo.BUNDLE_SUFFIX}"

    def info(self) -> DemoInfo:
        return DemoInfo(self.passphrase, str(self.edition), "j001")


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("demo-template")
    prepare_demo_workstation(root, seed=SEED)
    return root


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication):
    """QSettings and the data folder in the test's own folder; Polish, as a juror starts.

    Also the reference-count guard the window installs (see juror_app.ui.common.refcount_guard):
    a test session makes millions of PySide calls in one process.
    """
    refcount_guard.install(qapp)
    monkeypatch.setenv("JUROR_APP_HOME", str(tmp_path / "home"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QCoreApplication.setOrganizationName("KapitulaTests")
    QCoreApplication.setApplicationName("juror-app-tests")
    i18n.install(qapp, "pl")
    yield
    i18n.install(qapp, "pl")


@pytest.fixture
def demo_copy(demo_template: Path, tmp_path: Path) -> DemoCopy:
    root = tmp_path / "demo"
    shutil.copytree(demo_template, root)
    return DemoCopy(root, JurorProfile(root / "profile"), demo.demo_passphrase(SEED, "j001"), root / "edition")


@pytest.fixture
def empty_profile(demo_copy: DemoCopy, tmp_path: Path) -> JurorProfile:
    """Juror j001's profile (the demo key, so the demo bundle is addressed to it) with no bundle imported."""
    profile = JurorProfile(tmp_path / "fresh-profile")
    create_profile(profile.folder, name="prof. dr hab. Halina Wierzbicka-Mróz", affiliation="Uniwersytet Wrocławski",
                   email="", passphrase=demo_copy.passphrase, passphrase_again=demo_copy.passphrase,
                   kdf=demo.DEMO_KDF, key=demo.demo_key(SEED, "juror-1"))
    return profile


@pytest.fixture
def open_workstation(qtbot, qapp: QApplication):
    """Open a workstation window on a profile; closes it (and releases the profile) after the test."""
    opened: list[Workstation] = []

    def open_(profile: JurorProfile, demo_info: DemoInfo | None = None) -> Workstation:
        session = Session(profile, lock=single_instance.acquire(profile.lock_path), demo=demo_info)
        workstation = Workstation(qapp, session)
        qtbot.addWidget(workstation.window)
        qtbot.waitExposed(workstation.window)
        opened.append(workstation)
        return workstation

    yield open_
    for workstation in opened:
        workstation.session.undo_stack.clear()
        workstation.window.scoring.discard_pending()
        workstation.close()
        qtbot.waitUntil(lambda w=workstation: not w.session.indexer.running(), timeout=30_000)


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` as key events carrying the characters.

    ``qtbot.keyClicks`` aborts the whole test process on a non-ASCII character ("ż"); a QKeyEvent
    carrying the text is what a keyboard sends anyway.
    """
    widget.setFocus()
    for ch in text:
        key = Qt.Key.Key_Space if ch == " " else (ord(ch.upper()) if ch.isascii() and ch.isalnum() else Qt.Key.Key_unknown)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))


def press(widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers))


def when_modal(kind: type, handle: Callable[[QWidget], None], *, timeout_ms: int = 10_000) -> list[QWidget]:
    """Run ``handle(dialog)`` as soon as a modal dialog of ``kind`` is shown (for ``exec()``-style dialogs)."""
    seen: list[QWidget] = []
    waited = [0]

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind):
            seen.append(widget)
            handle(widget)
            return
        waited[0] += 20
        if waited[0] < timeout_ms:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def choose_in_file_dialog(dialog, *paths: Path) -> None:
    """Choose ``paths`` (in one folder) in Qt's own QFileDialog and accept, as a person typing the names would.

    ``QFileDialog.selectFile`` leaves the name field alone while the dialog is shown and the field has the
    focus, so the names are typed into the field itself.
    """
    from PySide6.QtWidgets import QLineEdit

    dialog.setDirectory(str(paths[0].parent))
    names = [p.name for p in paths]
    field = dialog.findChild(QLineEdit, "fileNameEdit")
    field.setText(names[0] if len(names) == 1 else " ".join(f'"{n}"' for n in names))
    dialog.accept()
