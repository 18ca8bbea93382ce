"""The organizer's file dialogs go through the shared ``ui.common.file_dialogs`` (issue 11, item 14): the
package picker opens beside the edition's database the first time, then where packages were last
picked, never in the program's current directory; and it is Polish."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit

from .conftest import packages, when_modal


def type_names(dialog: QFileDialog, paths: list[Path]) -> None:
    """Type the names into Qt's dialog and accept (selectFile leaves a focused name field alone)."""
    dialog.setDirectory(str(paths[0].parent))
    field = dialog.findChild(QLineEdit, "fileNameEdit")
    field.setText(paths[0].name if len(paths) == 1 else " ".join(f'"{p.name}"' for p in paths))
    dialog.accept()


def test_the_package_picker_opens_beside_the_database_then_where_packages_were_picked(
        qtbot, open_window, edition: Path, tmp_path: Path, monkeypatch) -> None:
    clone = tmp_path / "clone"
    clone.mkdir()
    monkeypatch.chdir(clone)
    elsewhere = tmp_path / "Poczta" / "zalaczniki"
    elsewhere.mkdir(parents=True)
    first, second = packages(edition)[:2]
    copy = elsewhere / second.name
    copy.write_bytes(second.read_bytes())
    window = open_window(edition)
    dialog = window.open_import()
    seen: list[tuple[Path, str]] = []

    def choose(paths: list[Path]):
        def handle(file_dialog: QFileDialog) -> None:
            look_in = next(label.text() for label in file_dialog.findChildren(QLabel)
                           if label.objectName() == "lookInLabel")
            seen.append((Path(file_dialog.directory().absolutePath()), look_in))
            type_names(file_dialog, paths)
        return handle

    when_modal(QFileDialog, choose([first]))
    dialog.pick_files()
    assert seen[0] == (edition, "&Szukaj w:"), "beside the database (the demo's packages), in Polish"
    qtbot.waitUntil(lambda: first in dialog.paths, timeout=60_000)

    def from_elsewhere(file_dialog: QFileDialog) -> None:
        seen.append((Path(file_dialog.directory().absolutePath()), ""))
        type_names(file_dialog, [copy])

    qtbot.waitUntil(dialog.can_add, timeout=60_000)
    when_modal(QFileDialog, from_elsewhere)
    dialog.pick_files()
    qtbot.waitUntil(lambda: copy in dialog.paths, timeout=60_000)
    qtbot.waitUntil(dialog.can_add, timeout=60_000)
    when_modal(QFileDialog, lambda d: (seen.append((Path(d.directory().absolutePath()), "")), d.reject()))
    dialog.pick_folder()
    assert seen[2][0] == elsewhere, "the folder picker opens where packages were last picked"
    assert clone not in [s[0] for s in seen]
    print(f"package dialogs opened in: {[str(s[0].relative_to(tmp_path)) for s in seen]}")
