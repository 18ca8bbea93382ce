"""Polish by default, English selectable: our translations and Qt's own (buttons of standard dialogs).

Source strings are English. ``resources/translations/<part>_pl.ts`` hold the Polish text (with
Polish's three plural forms), ``<part>_en.ts`` the English plural forms, one pair per part of the UI
(common, juror, organizer) so the parts can be translated independently. ``resources/translations/
update.py`` runs ``pyside6-lupdate`` and ``pyside6-lrelease``; the ``.qm`` files are committed and
``tests/ui/test_translations.py`` checks they are up to date and that no Polish text is missing.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from juror_app.domain.i18n import normalise, set_language
from juror_app.ui.common.paths import translations_folder

_installed: list[QTranslator] = []


def install(app: QCoreApplication, language: str | None) -> str:
    """Load our and Qt's translations for ``language`` ("pl" or "en"); return the language used."""
    lang = set_language(normalise(language))
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Polish, QLocale.Poland) if lang == "pl" else QLocale(QLocale.English, QLocale.UnitedKingdom))
    qt_dir = QLibraryInfo.path(QLibraryInfo.TranslationsPath)
    files = [(f"qtbase_{lang}", qt_dir)]
    files += [(qm.stem, str(qm.parent)) for qm in sorted(translations_folder().glob(f"*_{lang}.qm"))]
    for name, folder in files:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    return lang


def tr(context: str, text: str, n: int = -1) -> str:
    """Translate outside a QObject (e.g. in a Qt model's data())."""
    return QCoreApplication.translate(context, text, None, n)
