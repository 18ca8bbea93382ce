"""The workstation's actions, menus and keyboard shortcuts (one place to read them all)."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox

from juror_app.ui.common.widgets import language_menu as language_menu_entries


class Actions:
    """Builds the menu bar of ``window``; the window connects each action's ``triggered``."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        bar = window.menuBar()

        file_menu = bar.addMenu(self.tr("&File"))
        self.import_bundle = self._action(
            self.tr("&Import assignment bundle…"), "Ctrl+I",
            self.tr("Import the file with your assigned dossiers from the organizer (.pu-bundle)"))
        self.export_package = self._action(self.tr("&Export score package…"), "Ctrl+E",
                                           self.tr("Sign and save your scores to send to the organizer (.pu-scores)"))
        self.print_sheet = self._action(self.tr("&Print my score sheet…"), QKeySequence.StandardKey.Print,
                                        self.tr("Your scores and justifications as they are now, to check or print "
                                                "before you export"))
        self.save_enrollment = self._action(self.tr("Save enrollment file again…"), None,
                                            self.tr("Your key's enrollment file, if the organizer needs it again"))
        self.profile_info = self._action(self.tr("My profile and key…"), None,
                                         self.tr("Your name, key fingerprint and profile folder"))
        self.quit = self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, None)
        for item in (self.import_bundle, self.export_package, self.print_sheet, None, self.save_enrollment,
                     self.profile_info, None, self.quit):
            file_menu.addSeparator() if item is None else file_menu.addAction(item)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        self.undo = self._action(self.tr("&Undo"), QKeySequence.StandardKey.Undo, self.tr("Take back the last saved edit"))
        self.redo = self._action(self.tr("&Redo"), None, self.tr("Make the undone edit again"))
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu.addAction(self.undo)
        edit_menu.addAction(self.redo)

        dossier_menu = bar.addMenu(self.tr("&Dossier"))
        self.next_dossier = self._action(self.tr("&Next dossier"), "Ctrl+PgDown", None)
        self.previous_dossier = self._action(self.tr("&Previous dossier"), "Ctrl+PgUp", None)
        self.next_criterion = self._action(self.tr("Next &criterion"), "Ctrl+Down",
                                           self.tr("Go to the next criterion's points (type a number, Enter saves)"))
        self.previous_criterion = self._action(self.tr("Previous c&riterion"), "Ctrl+Up", None)
        self.declare_conflict = self._action(self.tr("Declare a &conflict of interest…"), None, None)
        self.nominate = self._action(self.tr("Nominate for a &distinction…"), None, None)
        self.find_in_document = self._action(self.tr("&Find in document"), QKeySequence.StandardKey.Find, None)
        self.search_all = self._action(self.tr("&Search all dossiers"), "Ctrl+Shift+F", None)
        for item in (self.next_dossier, self.previous_dossier, None, self.next_criterion, self.previous_criterion, None,
                     self.declare_conflict, self.nominate, None, self.find_in_document, self.search_all):
            dossier_menu.addSeparator() if item is None else dossier_menu.addAction(item)

        settings_menu = bar.addMenu(self.tr("&Settings"))
        language_menu = settings_menu.addMenu(self.tr("&Language"))
        self.languages, self.language_actions = language_menu_entries(window, language_menu)

        help_menu = bar.addMenu(self.tr("&Help"))
        self.shortcuts = self._action(self.tr("&Keyboard shortcuts"), "F1", None)
        help_menu.addAction(self.shortcuts)
        self.shortcuts.triggered.connect(self.show_shortcuts)

    @staticmethod
    def tr(text: str) -> str:
        return QCoreApplication.translate("Actions", text)

    def _action(self, text: str, shortcut, tip: str | None) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        self.window.addAction(action)  # shortcuts work even while the menu bar is hidden or focus is deep
        return action

    def show_shortcuts(self) -> None:
        def keys(*sequences: str) -> str:
            return " / ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in sequences)

        def of(first: QAction, second: QAction | None = None) -> str:
            return " / ".join(a.shortcut().toString(QKeySequence.SequenceFormat.NativeText) for a in (first, second) if a)

        rows = [
            (of(self.next_dossier, self.previous_dossier), self.tr("next / previous dossier")),
            (of(self.next_criterion, self.previous_criterion), self.tr("next / previous criterion")),
            ("0–9, " + keys("Return"), self.tr("type the points; Enter saves them")),
            (keys("Tab", "Shift+Tab"), self.tr("from the points to the justification, then to the next criterion's "
                                               "points (Shift+Tab: back)")),
            (keys("Ctrl+Delete"), self.tr("in the points field: remove the score and its justification (the × beside "
                                          "the field does the same; Ctrl+Z brings them back)")),
            (of(self.undo, self.redo), self.tr("undo / redo")),
            (of(self.find_in_document), self.tr("find in the open document (F3: next hit)")),
            (of(self.search_all), self.tr("search all dossiers")),
            (of(self.import_bundle), self.tr("import a bundle")),
            (of(self.export_package), self.tr("export the score package")),
        ]
        lines = [f"<tr><td style='padding-right:16px'><b>{html.escape(k)}</b></td><td>{html.escape(text)}</td></tr>"
                 for k, text in rows]
        QMessageBox.information(self.window, self.tr("Keyboard shortcuts"), f"<table>{''.join(lines)}</table>")
