"""Starting the workstation: the demo, a first run, one instance per profile, a bundle given to open."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from juror_app.ui.juror import launch
from juror_app.ui.juror.first_run import FirstRunWizard
from juror_app.ui.juror.import_dialog import ImportDialog

from .conftest import when_modal

ROOT = Path(__file__).resolve().parents[3]


def _args(**values) -> argparse.Namespace:
    return argparse.Namespace(**{"demo": False, "profile": None, "lang": None, "role": "juror", **values})


@pytest.fixture
def started(qapp: QApplication, qtbot):
    """Call ``launch.start`` and close what it opened afterwards."""
    windows = []

    def start(args: argparse.Namespace):
        window = launch.start(qapp, args)
        if window is not None:
            qtbot.addWidget(window)
            windows.append(qapp._juror_workstation)
        return window

    yield start
    for workstation in windows:
        workstation.close()
        qtbot.waitUntil(lambda w=workstation: not w.session.indexer.running(), timeout=30_000)


def test_demo_start_opens_the_workstation(started, qtbot) -> None:
    window = started(_args(demo=True))
    assert window is not None and window.session.demo is not None
    assert len(window.dossiers.model.rows()) == 6 and window.scoring.current_dossier() is not None
    assert window.viewer.error is None and window.viewer.pdf.pageCount() > 0
    assert Path(window.session.demo.edition_folder, "organizer.sqlite").is_file()
    print(f"demo: {window.windowTitle()!r}, {window.dossiers.progress_label.text()!r}")


def test_first_run_cancelled_opens_nothing(started, tmp_path: Path) -> None:
    when_modal(FirstRunWizard, lambda wizard: wizard.reject())
    assert started(_args(profile=tmp_path / "nowy")) is None
    assert not (tmp_path / "nowy" / "profile.sqlite").exists()


def test_a_bundle_given_on_the_command_line_opens_the_import(started, qtbot, empty_profile, demo_copy) -> None:
    window = started(_args(profile=empty_profile.folder, open=str(demo_copy.bundle())))
    qtbot.waitUntil(lambda: any(isinstance(w, ImportDialog) for w in window.findChildren(ImportDialog)), timeout=5_000)
    dialog = window.findChildren(ImportDialog)[0]
    qtbot.waitUntil(lambda: dialog.state == "preview", timeout=20_000)
    assert dialog.path == demo_copy.bundle() and dialog.preview.needs_pinning
    dialog.reject()


def test_a_bundle_dropped_on_the_window_opens_the_import(started, qtbot, empty_profile, demo_copy) -> None:
    window = started(_args(profile=empty_profile.folder))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(demo_copy.bundle()))])
    point = QPointF(window.width() / 2, window.height() / 2)
    enter = QDragEnterEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    window.dropEvent(QDropEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier))
    dialogs = window.findChildren(ImportDialog)
    assert len(dialogs) == 1 and dialogs[0].path == demo_copy.bundle()
    qtbot.waitUntil(lambda: dialogs[0].state == "preview", timeout=20_000)
    dialogs[0].reject()


def test_a_second_instance_on_the_same_profile_is_refused(started, monkeypatch, demo_copy, tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "JUROR_APP_HOME": str(tmp_path / "home-first")}
    first = subprocess.Popen([sys.executable, "-m", "juror_app", "--profile", str(demo_copy.profile.folder)],
                             cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             start_new_session=True)
    try:
        lock = demo_copy.profile.lock_path
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if lock.is_file() and lock.read_text(errors="replace").split("\n", 1)[0].strip() == str(first.pid):
                break
            assert first.poll() is None, first.stderr.read().decode(errors="replace")
            time.sleep(0.1)
        else:
            pytest.fail("the first instance did not take the profile's lock")
        shown: list[str] = []
        monkeypatch.setattr(launch, "show_user_error", lambda parent, error, title=None: shown.append(error.message()))
        assert started(_args(profile=demo_copy.profile.folder)) is None
        assert len(shown) == 1 and str(first.pid) in shown[0] and "już otwarty" in shown[0]
        print(f"second instance: {shown[0]!r}")
    finally:
        os.killpg(first.pid, signal.SIGTERM)
        first.wait(timeout=30)
