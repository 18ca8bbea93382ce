"""The organizer window's actions, menus and toolbar (one place to read them all)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QToolBar

from juror_app.ui.common.widgets import language_menu as language_menu_entries


class OrganizerActions(QObject):
    """Builds the menu bar and toolbar of ``window``; the window connects each action's ``triggered``."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        bar = window.menuBar()
        self.import_packages = QAction(self.tr("&Import score packages…"), window)
        self.import_packages.setShortcut(QKeySequence("Ctrl+I"))
        self.import_packages.setToolTip(self.tr("Check and merge the jurors' score packages (.pu-scores)"))
        self.export_results = QAction(self.tr("&Export results…"), window)
        self.export_results.setShortcut(QKeySequence("Ctrl+E"))
        self.export_results.setToolTip(self.tr("Save the results as CSV for Excel or as JSON (as “juror-app results” does)"))
        self.refresh = QAction(self.tr("&Refresh the results"), window)
        self.refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        self.quit = QAction(self.tr("&Quit"), window)
        self.quit.setShortcut(QKeySequence("Ctrl+Q"))  # the platform's StandardKey.Quit is empty on some systems
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.import_packages)
        file_menu.addAction(self.export_results)
        file_menu.addAction(self.refresh)
        file_menu.addSeparator()
        file_menu.addAction(self.quit)

        print_menu = bar.addMenu(self.tr("&Printouts"))
        self.print_protocol = QAction(self.tr("&Protocol of the jury meeting…"), window)
        self.print_protocol.setShortcut(QKeySequence.StandardKey.Print)
        self.print_institutions = QAction(self.tr("&Summaries per institution…"), window)
        self.print_ranking = QAction(self.tr("&Ranking per category…"), window)
        self.print_sheets = QAction(self.tr("The jurors' &score sheets…"), window)
        for action, tip in (
            (self.print_protocol, self.tr("Laureates, special distinctions, the packages merged and the data code")),
            (self.print_institutions, self.tr("Each institution on its own page: the jurors' points, a chart, the decision")),
            (self.print_ranking, self.tr("The ranking of each category, with a chart")),
            (self.print_sheets, self.tr("One sheet per juror, to be signed at the meeting")),
        ):
            action.setToolTip(tip)
            action.setStatusTip(tip)
            print_menu.addAction(action)

        settings_menu = bar.addMenu(self.tr("&Settings"))
        language_menu = settings_menu.addMenu(self.tr("&Language"))
        self.languages, self.language_actions = language_menu_entries(window, language_menu)

        help_menu = bar.addMenu(self.tr("&Help"))
        self.help_guide = QAction(self.tr("&How the organizer works"), window)
        self.help_guide.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.help_shortcuts = QAction(self.tr("&Keyboard shortcuts"), window)
        self.help_about = QAction(self.tr("&About juror-app"), window)
        help_menu.addAction(self.help_guide)
        help_menu.addAction(self.help_shortcuts)
        help_menu.addSeparator()
        help_menu.addAction(self.help_about)

        toolbar = QToolBar(self.tr("Main toolbar"), window)
        toolbar.setObjectName("organizerToolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.import_packages)
        toolbar.addAction(self.export_results)
        toolbar.addAction(self.refresh)
        window.addToolBar(toolbar)
        self.toolbar = toolbar

    def all_actions(self) -> list[QAction]:
        """Every action of the menus, in menu order (the shortcuts list is read from them)."""
        return [self.import_packages, self.export_results, self.refresh, self.quit, self.print_protocol,
                self.print_institutions, self.print_ranking, self.print_sheets, self.help_guide, self.help_shortcuts,
                self.help_about]
