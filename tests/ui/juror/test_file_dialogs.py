"""File dialogs (issue 11, item 14): they open in the documents folder, not in the program's current
directory, remember the last folder per kind of file, and Qt's own dialog is Polish in the Polish UI.

Each test drives a real QFileDialog (Qt's own: the offscreen platform has no native one, as a plain
X session has none) through ``juror_app.ui.common.file_dialogs`` and the juror's window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QStandardPaths, QTranslator
from PySide6.QtWidgets import QFileDialog, QLabel

from juror_app.ui.common import file_dialogs, i18n

from .conftest import choose_in_file_dialog, when_modal


@pytest.fixture
def places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """A home with a documents folder, a clone to start from, and a folder where bundles arrive."""
    home = tmp_path / "home-of-ewa"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))  # no user-dirs.dirs: ~/Documents
    clone = tmp_path / "juror-app-clone"
    clone.mkdir()
    monkeypatch.chdir(clone)
    arrived = tmp_path / "Pobrane"
    arrived.mkdir()
    (arrived / "j001.pu-bundle").write_bytes(b"not opened by this test")
    documents = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
    assert documents == home / "Documents"
    return {"documents": documents, "clone": clone, "arrived": arrived}


def _labels(dialog: QFileDialog) -> dict[str, str]:
    return {label.objectName(): label.text() for label in dialog.findChildren(QLabel) if label.objectName()}


def test_qt_own_file_dialog_is_polish_in_the_polish_ui(qapp, places) -> None:
    seen: list[dict[str, str]] = []
    when_modal(QFileDialog, lambda d: (seen.append(_labels(d)), d.reject()))
    assert file_dialogs.open_file(None, "Paczka", "Paczka (*.pu-bundle)", kind="test/bundle") is None
    labels = seen[0]
    print(f"Qt's own QFileDialog in Polish: {labels}")
    assert labels["lookInLabel"] == "&Szukaj w:"
    assert labels["fileTypeLabel"] == "Pliki &rodzaju:"
    assert labels["fileNameLabel"] == "Nazwa &pliku:"  # from the wheel's qtbase_pl.qm
    i18n.install(qapp, "en")
    when_modal(QFileDialog, lambda d: (seen.append(_labels(d)), d.reject()))
    file_dialogs.open_file(None, "Bundle", "Bundle (*.pu-bundle)", kind="test/bundle")
    assert seen[1]["lookInLabel"] == "&Look in:" and seen[1]["fileTypeLabel"] == "Files of &type:"


def test_why_the_labels_were_english(qapp) -> None:
    """The wheel's qtbase_pl.qm holds the dialog's strings without Qt 6's accelerators; qt_pl.qm is a meta
    catalogue that does not load on its own here. (If a future wheel fixes this, the entries become redundant.)"""
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator()
    assert qtbase.load("qtbase_pl", folder)
    meta = QTranslator()
    print(f"qtbase_pl.qm loads: True; qt_pl.qm loads: {meta.load('qt_pl', folder)}")
    assert qtbase.translate("QFileDialog", "Look in:") == "Szukaj w:"
    assert qtbase.translate("QFileDialog", "&Look in:") == "", "qtbase_pl.qm has no entry for Qt 6's label"
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "&Szukaj w:", "ours fills the gap"


def test_dialogs_start_in_the_documents_folder_and_remember_the_last(places) -> None:
    directories: list[Path] = []

    def pick(dialog: QFileDialog, path: Path | None) -> None:
        directories.append(Path(dialog.directory().absolutePath()))
        if path is None:
            dialog.reject()
        else:
            choose_in_file_dialog(dialog, path)

    when_modal(QFileDialog, lambda d: pick(d, places["arrived"] / "j001.pu-bundle"))
    chosen = file_dialogs.open_file(None, "Paczka", "Paczka (*.pu-bundle)", kind="juror/bundle")
    assert directories[0] == places["documents"], f"opened in {directories[0]}, not the documents folder"
    assert directories[0] != places["clone"]
    assert chosen == places["arrived"] / "j001.pu-bundle"

    when_modal(QFileDialog, lambda d: pick(d, None))
    file_dialogs.open_file(None, "Paczka", "Paczka (*.pu-bundle)", kind="juror/bundle")
    assert directories[1] == places["arrived"], "the same kind opens where the last file was chosen"

    when_modal(QFileDialog, lambda d: pick(d, None))
    file_dialogs.save_file(None, "Zapisz", "oceny.pu-scores", "Paczka ocen (*.pu-scores)", kind="juror/package",
                           suffix=".pu-scores", default=places["documents"])
    assert directories[2] == places["documents"], "a kind not used yet opens where its caller suggests"

    target = places["documents"] / "moje-oceny"
    when_modal(QFileDialog, lambda d: pick(d, target))
    saved = file_dialogs.save_file(None, "Zapisz", "oceny.pu-scores", "Paczka ocen (*.pu-scores)",
                                   kind="juror/package", suffix=".pu-scores")
    assert saved == places["documents"] / "moje-oceny.pu-scores", "the suffix is added"
    print(f"first dialog in {directories[0]}, then {directories[1]}; saved {saved.name}")


def test_a_remembered_folder_that_is_gone_falls_back(places) -> None:
    file_dialogs.remember("juror/package", places["arrived"])
    gone = places["arrived"] / "usuniety"
    gone.mkdir()
    file_dialogs.remember("juror/bundle", gone)  # also the last folder of any kind
    gone.rmdir()
    assert file_dialogs.start_folder("juror/bundle") == places["documents"]
    assert file_dialogs.start_folder("juror/bundle", default=places["arrived"]) == places["arrived"]
    assert file_dialogs.start_folder("juror/package") == places["arrived"]


def test_the_juror_window_imports_a_bundle_from_the_documents_folder(qtbot, open_workstation, empty_profile, demo_copy,
                                                                      places, monkeypatch) -> None:
    window = open_workstation(empty_profile).window
    directories: list[Path] = []

    def cancel(dialog: QFileDialog) -> None:
        directories.append(Path(dialog.directory().absolutePath()))
        dialog.reject()

    when_modal(QFileDialog, cancel)
    assert window.import_bundle() is None
    assert directories == [places["documents"]]

    def choose(dialog: QFileDialog) -> None:
        directories.append(Path(dialog.directory().absolutePath()))
        choose_in_file_dialog(dialog, demo_copy.bundle())

    when_modal(QFileDialog, choose)
    dialog = window.import_bundle()
    assert dialog is not None and dialog.path == demo_copy.bundle()
    dialog.reject()
    when_modal(QFileDialog, cancel)
    window.import_bundle()
    assert directories[-1] == demo_copy.bundle().parent, "the next import opens where the last bundle was"
