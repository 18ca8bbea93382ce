"""Every text of the juror's window fits or is elided with its tooltip (issue 11, item 11): at 1,366 × 768,
and at the window sizes that 125 % and 150 % scaling leave on a 1,920 × 1,080 laptop (1,536 × 864 and
1,280 × 720 logical pixels: Qt lays a scaled window out in logical pixels, with the same font
metrics, so the logical size is what decides what fits), in Polish and in English.

The window sizes leave room for a taskbar (40 px) and a title bar (30 px), as on a juror's laptop."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem

from juror_app.ui.common import i18n
from juror_app.ui.juror.dossier_model import ID_ROLE
from juror_app.ui.juror.main_window import pane_widths

from .text_fit import cut_texts

SCREENS = {"1366x768": (1366, 768), "125%": (1536, 864), "150%": (1280, 720)}
TASKBAR, TITLE, FRAME = 40, 30, 2
SMALLEST = "the window's minimum size"  # every widget at its own minimum: the tightest case of all


def _window_at(qtbot, qapp, open_workstation, demo_copy, language: str, screen: str):
    i18n.install(qapp, language)
    workstation = open_workstation(demo_copy.profile, demo_copy.info())
    window = workstation.window
    if screen == SMALLEST:
        size = window.minimumSizeHint()
        width, height = size.width() + FRAME, max(size.height(), 600) + TASKBAR + TITLE
    else:
        width, height = SCREENS[screen]
    window.resize(width - FRAME, height - TASKBAR - TITLE)
    qtbot.waitUntil(lambda: window.width() == width - FRAME)
    window.splitter.setSizes(pane_widths(window.width()))  # as a first start on that screen lays the panes out
    window.dossiers.select("d0003")
    return workstation


@pytest.mark.parametrize("screen", [*SCREENS, SMALLEST])
@pytest.mark.parametrize("language", ["pl", "en"])
def test_every_text_of_the_window_fits(qtbot, qapp, open_workstation, demo_copy, language, screen) -> None:
    workstation = _window_at(qtbot, qapp, open_workstation, demo_copy, language, screen)
    window = workstation.window
    if screen != SMALLEST:
        assert window.minimumSizeHint().width() <= SCREENS[screen][0] - FRAME, "the window fits the screen"
    else:
        print(f"minimum size: {window.width()}×{window.height()}")
    problems = cut_texts(window)
    window.viewer.find_bar.search("zzzz-nie-ma")  # "no matches"
    qtbot.waitUntil(lambda: window.viewer.find_bar.count_label.text() != "", timeout=10_000)
    problems += cut_texts(window.viewer)
    window.viewer.find_bar.search("obsługi")  # "N matches", then "1 of N"
    qtbot.waitUntil(lambda: window.viewer.find_bar.hit_count() > 1, timeout=10_000)
    problems += cut_texts(window.viewer)
    window.viewer.find_bar.next_hit()
    problems += cut_texts(window.viewer)
    window.viewer.find_bar.search("")
    problems += cut_texts(window.viewer)
    for line in problems:
        print(line)
    assert not problems, f"{len(problems)} texts cut at {screen} ({language})"


@pytest.mark.parametrize("screen", list(SCREENS))
def test_dossier_names_stay_told_apart(qtbot, qapp, open_workstation, demo_copy, screen) -> None:
    """Two "Starostwo Powiatowe w …" rows once looked the same: a name too long for its two lines loses its
    middle, never its end, and every row's tooltip holds the whole name."""
    window = _window_at(qtbot, qapp, open_workstation, demo_copy, "pl", screen).window
    view = window.dossiers.view
    delegate = view.itemDelegateForColumn(0)
    shown = {}
    for row in range(view.model().rowCount()):
        index = view.model().index(row, 0)
        name = index.data().replace("  ★", "")
        option = QStyleOptionViewItem()
        view.initViewItemOption(option)
        option.rect = view.visualRect(index)
        text = delegate.shown_text(option, index)
        shown[name] = text
        assert text == index.data() or "…" in text
        assert name in index.data(Qt.ItemDataRole.ToolTipRole)
    print(f"{screen}: {shown}")
    assert len(set(shown.values())) == len(shown), "two rows show the same text"
    starostwa = [text for name, text in shown.items() if name.startswith("Starostwo Powiatowe")]
    assert len(starostwa) == 2 and all(t.endswith(n.split()[-1]) for t, n in zip(starostwa, [
        n for n in shown if n.startswith("Starostwo Powiatowe")])), "the town, at the end, stays visible"


@pytest.mark.parametrize("screen", list(SCREENS))
def test_the_justification_being_typed_is_in_view_whole(qtbot, qapp, open_workstation, demo_copy, screen) -> None:
    """Only one line of the justification showed at 1,366 × 768: the panel scrolled to the card's top, and
    a card is taller than the panel. Whatever criterion the juror goes to, its points and justification
    are in view whole, with room for at least three lines of text."""
    window = _window_at(qtbot, qapp, open_workstation, demo_copy, "pl", screen).window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    panel = window.scoring
    viewport = panel.scroll.viewport()
    for editor in panel.editors():
        for widget in (editor.justification, editor.points):
            widget.setFocus()
            qtbot.waitUntil(widget.hasFocus)
            top_left = editor.entry.mapTo(viewport, editor.entry.rect().topLeft())
            bottom = top_left.y() + editor.entry.height()
            assert 0 <= top_left.y() and bottom <= viewport.height(), \
                f"{editor.criterion.code}: entry at {top_left.y()}–{bottom}, viewport 0–{viewport.height()}"
        lines = editor.justification.viewport().height() // editor.justification.fontMetrics().lineSpacing()
        assert lines >= 3, f"{editor.criterion.code}: {lines} lines of justification"
    print(f"{screen}: the scroll area is {viewport.height()} px high; each entry {panel.editors()[0].entry.height()} px")


# --- dialogs ------------------------------------------------------------------------------------------

def _shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.mark.parametrize("language", ["pl", "en"])
def test_the_export_dialog_keeps_its_rows_when_a_message_appears(qtbot, qapp, open_workstation, demo_copy, tmp_path,
                                                                 language) -> None:
    from juror_app.ui.juror.export_dialog import ExportDialog

    from .conftest import type_text

    i18n.install(qapp, language)
    workstation = open_workstation(demo_copy.profile, demo_copy.info())
    dialog = _shown(qtbot, ExportDialog(workstation.session, workstation.window))
    assert cut_texts(dialog) == []
    dialog.target.setText(str(tmp_path / "bardzo-dlugi-folder-z-paczkami-ocen-kapituly" / "oceny.pu-scores"))
    type_text(dialog.passphrase, "zle-haslo-zupelnie")
    dialog.start_export()
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=30_000)
    assert dialog.message.isVisible()
    dialog.grab().save(str(tmp_path.parent / f"export-refused-{language}.png"))
    problems = cut_texts(dialog)
    print(f"after the refusal ({dialog.size().width()}×{dialog.size().height()}): {problems}")
    assert problems == [], problems
    (tmp_path / "bardzo-dlugi-folder-z-paczkami-ocen-kapituly").mkdir()
    dialog.passphrase.clear()
    type_text(dialog.passphrase, demo_copy.passphrase)
    dialog.start_export()
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=30_000)
    assert dialog.result is not None
    dialog.grab().save(str(tmp_path.parent / f"export-saved-{language}.png"))
    problems = cut_texts(dialog)
    print(f"after saving ({dialog.size().width()}×{dialog.size().height()}): {problems}")
    assert problems == [], problems


@pytest.mark.parametrize("language", ["pl", "en"])
def test_the_first_run_wizard_pages_fit(qtbot, qapp, tmp_path, language) -> None:
    from juror_app.ui.juror.first_run import FirstRunWizard

    from .conftest import type_text

    i18n.install(qapp, language)
    wizard = _shown(qtbot, FirstRunWizard(tmp_path / "profil"))
    problems = [f"welcome: {p}" for p in cut_texts(wizard)]
    wizard.next()
    type_text(wizard.details.name, "prof. dr hab. Halina Wierzbicka-Mróz")
    type_text(wizard.details.email, "halina.wierzbicka")
    wizard.next()  # refused: the message on the page
    problems += [f"details: {p}" for p in cut_texts(wizard)]
    wizard.details.email.clear()
    wizard.next()
    type_text(wizard.passphrase.passphrase, "haslo")
    type_text(wizard.passphrase.again, "haslo")
    wizard.next()  # refused: too weak
    problems += [f"passphrase: {p}" for p in cut_texts(wizard)]
    for line in problems:
        print(line)
    assert problems == []


@pytest.mark.parametrize("language", ["pl", "en"])
def test_the_import_conflict_and_nomination_dialogs_fit(qtbot, qapp, open_workstation, empty_profile, demo_copy,
                                                        tmp_path, language) -> None:
    from juror_app.ui.juror.conflict_dialog import ConflictDialog
    from juror_app.ui.juror.nomination_dialog import NominationDialog

    i18n.install(qapp, language)
    workstation = open_workstation(empty_profile, demo_copy.info())
    dialog = workstation.window.import_bundle(demo_copy.bundle())
    qtbot.waitUntil(lambda: dialog.state == "preview", timeout=20_000)
    problems = [f"import: {p}" for p in cut_texts(dialog)]
    dialog.grab().save(str(tmp_path / f"import-preview-{language}.png"))  # to look at
    dialog.reject()
    conflict = _shown(qtbot, ConflictDialog("Urząd Marszałkowski Województwa Mazowieckiego w Warszawie", 3))
    problems += [f"conflict: {p}" for p in cut_texts(conflict)]
    session = open_workstation(demo_copy.profile, demo_copy.info()).session
    nomination = _shown(qtbot, NominationDialog("Starostwo Powiatowe w Łęczycy", session.edition.distinctions, {}))
    problems += [f"nomination: {p}" for p in cut_texts(nomination)]
    for line in problems:
        print(line)
    assert problems == []


@pytest.mark.parametrize("language", ["pl", "en"])
def test_the_find_bar_at_its_narrowest_shows_every_count_whole(qtbot, qapp, language) -> None:
    """The counter once read "2 wystąpie" / "brak wystą": at the find bar's own minimum width, each form the
    counter takes (every plural form, up to 888 hits) and the field's hint are shown whole."""
    from PySide6.QtPdfWidgets import QPdfView

    from juror_app.ui.juror.pdf_find_bar import PdfFindBar

    i18n.install(qapp, language)
    view = QPdfView()
    qtbot.addWidget(view)
    bar = PdfFindBar(view)
    qtbot.addWidget(bar)
    bar.resize(bar.minimumSizeHint())
    bar.show()
    qtbot.waitExposed(bar)
    problems = cut_texts(bar)
    for text in bar._count_texts():
        bar.count_label.setText(text)
        problems += cut_texts(bar)
    print(f"{language}: find bar minimum {bar.width()} px; counter {bar.count_label.width()} px for "
          f"{max(bar._count_texts(), key=len)!r}")
    assert problems == [], problems


# --- county and commune: two offices of one name ---------------------------------------------------------

TWINS = {"d0001": ("limanowski", "Dobra"), "d0002": ("turecki", "Dobra")}


def _twin_offices(demo_copy) -> None:
    """Two dossiers of offices with one name in two counties, as a bundle with county and commune brings them."""
    import sqlite3

    conn = sqlite3.connect(demo_copy.profile.database_path)
    with conn:
        for dossier, (county, commune) in TWINS.items():
            conn.execute("UPDATE institutions SET name = 'Urząd Gminy Dobra', short_name = 'UG Dobra', county = ?,"
                         " commune = ? WHERE id = (SELECT institution_id FROM dossiers WHERE id = ?)",
                         [county, commune, dossier])
    conn.close()


@pytest.mark.parametrize("language", ["pl", "en"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_county_and_commune_tell_two_offices_of_one_name_apart(qtbot, qapp, open_workstation, demo_copy, language,
                                                                screen) -> None:
    _twin_offices(demo_copy)
    window = _window_at(qtbot, qapp, open_workstation, demo_copy, language, screen).window
    view = window.dossiers.view
    delegate = view.itemDelegateForColumn(0)
    shown, tips = {}, {}
    for row in range(view.model().rowCount()):
        index = view.model().index(row, 0)
        dossier = index.data(ID_ROLE)
        option = QStyleOptionViewItem()
        view.initViewItemOption(option)
        option.rect = view.visualRect(index)
        shown[dossier] = delegate.shown_text(option, index)
        tips[dossier] = index.data(Qt.ItemDataRole.ToolTipRole)
    print(f"{screen} {language}: {shown['d0001']!r} / {shown['d0002']!r}")
    county_word = "powiat" if language == "pl" else "county"
    for dossier, (county, commune) in TWINS.items():
        assert county in shown[dossier], "the list itself tells them apart"
        assert county in tips[dossier] and county_word in tips[dossier] and commune in tips[dossier]
    assert len(set(shown.values())) == len(shown), "two rows show the same text"
    assert all("Dobra" not in text or dossier in TWINS for dossier, text in shown.items())
    window.dossiers.select("d0002")
    subtitle = window.scoring.subtitle.text()
    print(f"header: {subtitle!r}")
    assert "turecki" in subtitle and county_word in subtitle
    problems = cut_texts(window)
    for line in problems:
        print(line)
    assert not problems, f"{len(problems)} texts cut at {screen} ({language})"


def test_the_filter_finds_a_dossier_by_its_county(qtbot, qapp, open_workstation, demo_copy) -> None:
    _twin_offices(demo_copy)
    window = _window_at(qtbot, qapp, open_workstation, demo_copy, "pl", "1366x768").window
    window.dossiers.text_filter.setText("limanowski")
    proxy = window.dossiers.proxy
    listed = {proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())}
    assert "d0001" in listed and "d0002" not in listed and listed <= {"d0001", "d0003"}, listed  # d0003: the one open
