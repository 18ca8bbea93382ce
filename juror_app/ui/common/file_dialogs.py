"""Open, save and folder dialogs for both windows: where the person's files are, and in the UI's language.

Where they open: a dialog given no folder opens in the program's current directory, which for a new
user who started it from a clone is the clone. Here each kind of file ("juror/bundle",
"organizer/packages", …) remembers the folder it was last chosen in (QSettings); a kind not used
yet opens in the folder the caller suggests (beside the edition's database, the demo's folder), else
in the last folder of any kind, else the documents folder, else the home folder.

Their language: where the platform offers its own dialog (Windows, macOS, a GNOME or KDE desktop
through the portal), it follows the system's language. Elsewhere (a plain X session, Xvfb, a
desktop without the portal) Qt draws its own QFileDialog, translated by the wheel's
``qtbase_pl.qm``, whose QFileDialog entries predate Qt 6: it translates "Look in:" and "Files of
type:", but Qt 6's dialog asks for "&Look in:" and "Files of &type:" (with accelerators), so those
two labels stayed English in the Polish UI while "Nazwa &pliku:" beside them was Polish. The entries
below (context "QFileDialog", in ``common_pl.ts``) supply them; our catalogues are installed after
Qt's (``i18n.install``), so they are asked first. ``qt_pl.qm`` is only a meta-catalogue that pulls
in modules this program does not ship; ``qtbase_pl.qm`` is the one that holds the dialogs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QFileDialog, QWidget

SETTINGS_GROUP = "file_dialogs"
LAST_KIND = "last"  # the folder of the last dialog of any kind

# Labels of Qt's own QFileDialog that the wheel's qtbase_pl.qm misses (see the module's docstring).
QT_DIALOG_LABELS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


def documents_folder() -> Path:
    """The person's documents folder, or the home folder where there is none."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if location and Path(location).is_dir():
        return Path(location)
    return Path.home()


def _key(kind: str) -> str:
    return f"{SETTINGS_GROUP}/{kind}"


def remembered(kind: str) -> Path | None:
    """The folder last chosen for ``kind``, if it still exists."""
    value = QSettings().value(_key(kind))
    if not value:
        return None
    folder = Path(str(value))
    return folder if folder.is_dir() else None


def start_folder(kind: str, default: Path | str | None = None) -> Path:
    """Where a dialog for ``kind`` opens (see the module's docstring for the order)."""
    for candidate in (remembered(kind), Path(default) if default else None, remembered(LAST_KIND)):
        if candidate is not None and candidate.is_dir():
            return candidate
    return documents_folder()


def remember(kind: str, folder: Path | str) -> None:
    folder = str(Path(folder))
    settings = QSettings()
    settings.setValue(_key(kind), folder)
    settings.setValue(_key(LAST_KIND), folder)


def _dialog(parent: QWidget | None, title: str, folder: Path, name_filter: str | None,
            mode: QFileDialog.FileMode, accept: QFileDialog.AcceptMode) -> QFileDialog:
    dialog = QFileDialog(parent, title, str(folder))
    dialog.setFileMode(mode)
    dialog.setAcceptMode(accept)
    if name_filter:
        dialog.setNameFilter(name_filter)
    if mode == QFileDialog.FileMode.Directory:
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return dialog


def _run(dialog: QFileDialog) -> list[Path]:
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted:
            return []
        return [Path(f) for f in dialog.selectedFiles()]
    finally:
        dialog.deleteLater()


def open_file(parent: QWidget | None, title: str, name_filter: str, *, kind: str,
              default: Path | str | None = None, select: Path | str | None = None) -> Path | None:
    """Ask for one existing file; None when the person cancels. ``select`` preselects a file."""
    dialog = _dialog(parent, title, start_folder(kind, default), name_filter,
                     QFileDialog.FileMode.ExistingFile, QFileDialog.AcceptMode.AcceptOpen)
    if select and Path(select).is_file():
        dialog.setDirectory(str(Path(select).parent))
        dialog.selectFile(str(select))
    chosen = _run(dialog)
    if not chosen:
        return None
    remember(kind, chosen[0].parent)
    return chosen[0]


def open_files(parent: QWidget | None, title: str, name_filter: str, *, kind: str,
               default: Path | str | None = None) -> list[Path]:
    """Ask for one or more existing files; an empty list when the person cancels."""
    chosen = _run(_dialog(parent, title, start_folder(kind, default), name_filter,
                          QFileDialog.FileMode.ExistingFiles, QFileDialog.AcceptMode.AcceptOpen))
    if chosen:
        remember(kind, chosen[0].parent)
    return chosen


def choose_folder(parent: QWidget | None, title: str, *, kind: str,
                  default: Path | str | None = None) -> Path | None:
    """Ask for a folder; None when the person cancels."""
    chosen = _run(_dialog(parent, title, start_folder(kind, default), None,
                          QFileDialog.FileMode.Directory, QFileDialog.AcceptMode.AcceptOpen))
    if not chosen:
        return None
    remember(kind, chosen[0])
    return chosen[0]


def save_file(parent: QWidget | None, title: str, suggested: Path | str, name_filter: str, *, kind: str,
              suffix: str, default: Path | str | None = None) -> Path | None:
    """Ask where to save; None when the person cancels. ``suggested`` is a file name (placed in the
    kind's folder) or a whole path (whose folder is used when it exists); the result ends in ``suffix``."""
    suggested = Path(suggested)
    folder = suggested.parent if suggested.parent != Path(".") and suggested.parent.is_dir() \
        else start_folder(kind, default)
    dialog = _dialog(parent, title, folder, name_filter, QFileDialog.FileMode.AnyFile, QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix(suffix.lstrip("."))
    dialog.selectFile(str(folder / suggested.name))
    chosen = _run(dialog)
    if not chosen:
        return None
    target = chosen[0]
    if not target.name.endswith(suffix):
        target = target.with_name(target.name + suffix)
    remember(kind, target.parent)
    return target
