"""Fixtures for driving the organizer's window with pytest-qt: a small demo edition, merged or not, and helpers.

The demo (12 dossiers, 6 jurors, 3 per dossier) is generated once per test session, and once more
with every package merged; each test works on its own copy (closed SQLite files copy safely).
"The database unchanged" is checked with a full SQL dump. QSettings and the data folder point into
the test's folder: no test touches the real user's settings.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from juror_app.domain import edit_log
from juror_app.exchange import container
from juror_app.exchange.package import (
    PackageContent,
    read_package_content,
    write_package,
)
from juror_app.store.connection import connect
from juror_app.store.edition_tables import read_edition
from juror_app.store.organizer_schema import open_organizer_db
from juror_app.ui.common import i18n
from juror_app.ui.organizer.launch import open_session
from juror_app.ui.organizer.main_window import OrganizerWindow
from juror_app.ui.organizer.session import OrganizerSession
from juror_app.workflows.demo.generate import DemoSettings, demo_key
from juror_app.workflows.demo.scoring import package_from_log

SETTINGS = DemoSettings(institutions=12, jurors=6, per_dossier=3, seed=3)  # a seed whose normalisation moves places
LATER = "2026-11-30T10:00:00Z"
WAIT_MS = 60_000


@pytest.fixture(scope="session")
def edition_template(demo_editions) -> Path:
    return demo_editions(SETTINGS)


@pytest.fixture(scope="session")
def merged_template(demo_editions) -> Path:
    return demo_editions(SETTINGS, merged=True)


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication):
    """QSettings and the data folder in the test's own folder; Polish, as the program starts."""
    monkeypatch.setenv("JUROR_APP_HOME", str(tmp_path / "home"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QCoreApplication.setOrganizationName("KapitulaTests")
    QCoreApplication.setApplicationName("juror-app-organizer-tests")
    i18n.install(qapp, "pl")
    yield
    i18n.install(qapp, "pl")


@pytest.fixture
def edition(edition_template: Path, tmp_path: Path) -> Path:
    """A fresh demo edition: nothing merged yet, the jurors' packages in ``packages/``."""
    folder = tmp_path / "edition"
    shutil.copytree(edition_template, folder)
    return folder


@pytest.fixture
def merged_edition(merged_template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "merged"
    shutil.copytree(merged_template, folder)
    return folder


@pytest.fixture
def open_window(qtbot, qapp: QApplication):
    """Open the organizer's window on an edition folder, with its first results shown; closes it afterwards."""
    opened: list[tuple[OrganizerWindow, OrganizerSession]] = []

    def open_(folder: Path) -> OrganizerWindow:
        session = open_session(folder / "organizer.sqlite")
        with qtbot.waitSignal(session.results_changed, timeout=WAIT_MS):
            window = OrganizerWindow(session)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        opened.append((window, session))
        return window

    yield open_
    for window, session in opened:
        dialog = window.import_dialog
        if dialog is not None:
            qtbot.waitUntil(lambda d=dialog: not d.busy(), timeout=WAIT_MS)
            dialog.reject()
        qtbot.waitUntil(lambda s=session: not s.busy(), timeout=WAIT_MS)
        window.close()
        session.close()


def packages(folder: Path) -> list[Path]:
    return sorted((folder / "packages").glob("*.pu-scores"))


def database(folder: Path) -> Path:
    return folder / "organizer.sqlite"


def dump(folder: Path) -> str:
    """Every row of the edition database, as SQL: equal dumps mean nothing changed."""
    db = connect(database(folder))
    try:
        return "\n".join(db.conn.iterdump())
    finally:
        db.close()


def query(folder: Path, sql: str, params: tuple = ()) -> list[tuple]:
    db = connect(database(folder))
    try:
        return db.execute(sql, params).fetchall()
    finally:
        db.close()


def read_content(path: Path) -> PackageContent:
    with container.open_container(path, container.PACKAGE) as opened:
        return read_package_content(opened)


def variant(folder: Path, base: Path, out: Path, edits: list[tuple[str, dict]], *, revision: int,
            key: Ed25519PrivateKey | None = None) -> PackageContent:
    """The juror's edit log of ``base`` continued with ``edits``, signed (by default) with the juror's demo key."""
    content = read_content(base)
    lines = list(content.log_lines)
    prev = edit_log.line_hash(lines[-1]) if lines else edit_log.GENESIS
    for op, fields in edits:
        line, prev = edit_log.make_entry(prev_hash=prev, seq=len(lines) + 1, at=LATER, op=op, **fields)
        lines.append(line)
    db = open_organizer_db(database(folder))
    try:
        edition = read_edition(db)
    finally:
        db.close()
    new = package_from_log(edition, content.juror_id, list(content.statuses), lines,
                           bundle_manifest_sha256=content.bundle_manifest_sha256,
                           bundle_revision=content.bundle_revision, revision=revision, created_at=LATER)
    number = int(content.juror_id[1:])
    write_package(out, juror_key=key or demo_key(SETTINGS.seed, f"juror-{number}"), juror_name="Test", content=new,
                  created_at=LATER)
    return new


def changed_score(base: Path, justification: str) -> tuple[str, dict]:
    """An edit that changes the first score of ``base`` (to 0, or to 1 when it was 0)."""
    first = read_content(base).scores[0]
    return ("score", {"dossier": first.dossier_id, "criterion": first.criterion_id,
                      "points": 0 if first.points else 1, "justification": justification})


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
