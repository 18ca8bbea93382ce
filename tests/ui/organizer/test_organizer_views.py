"""The organizer's tabs on merged demo data: each shows what the results module computed, in Polish.

Completeness (matrix and per-juror progress), results per dossier and criterion with the editable
disagreement threshold, agreement and leniency, rankings with normalisation, decisions (distinctions,
the lock — after which an import is refused with the message), and the charts.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from juror_app.domain.i18n import pick
from juror_app.domain.scoring import CERTIFICATION_NAMES, Certification
from juror_app.store.connection import connect
from juror_app.ui.organizer import charts, names, style
from juror_app.ui.organizer.decision_dialogs import (
    AwardDialog,
    LockDialog,
    UnlockDialog,
)
from juror_app.ui.organizer.table_model import ROW_ROLE
from juror_app.workflows.organizer.package_checks import Outcome
from juror_app.workflows.organizer.results import MISSING, build_results
from juror_app.workflows.organizer.ui_support import place_shift

from .conftest import WAIT_MS, database, dump, packages, query


def results_of(folder: Path, **kwargs):
    db = connect(database(folder))
    try:
        return build_results(db, **kwargs)
    finally:
        db.close()


def cell(view, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):
    model = view.model()
    return model.data(model.index(row, column), role)


def column_of(view, header: str) -> int:
    model = view.model()
    return next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == header)


def test_completeness_before_and_after_the_merge(qtbot, open_window, edition: Path) -> None:
    window = open_window(edition)
    view = window.completeness
    matrix = view.matrix_table
    states = {cell(matrix, r, c) for r in range(matrix.model().rowCount()) for c in range(3, matrix.model().columnCount())}
    assert states == {"", names.cell_text(MISSING)}, "before any import every assigned cell says 'no package'"
    assert "0 z 6" in view.summary.text() and "Brakuje" in view.summary.text()

    dialog = window.open_import([edition / "packages"])
    qtbot.waitUntil(lambda: dialog.state == "preview", timeout=WAIT_MS)
    with qtbot.waitSignal(window.session.results_changed, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    dialog.accept()
    results = window.session.results
    expected = {(j, d): s for j, d, s in results.completeness}
    jurors = [j.juror_id for j in results.jurors]
    shown = 0
    for r in range(matrix.model().rowCount()):
        dossier = cell(matrix, r, 0)
        for c, juror in enumerate(jurors, start=3):
            text = cell(matrix, r, c)
            if (juror, dossier) in expected:
                state = expected[(juror, dossier)]
                assert text == names.cell_text(state)
                assert cell(matrix, r, c, Qt.ItemDataRole.BackgroundRole) == style.background(style.CELL_STYLE[state])
                shown += 1
            else:
                assert text == ""
    assert shown == len(results.completeness) == 36
    table = view.juror_table
    progress_column = column_of(table, "Postęp")
    for r, juror in enumerate(results.jurors):
        assert cell(table, r, 0) == juror.juror_id
        done = juror.counts["complete"] + juror.counts["recused"]
        assert f"{done} / {juror.assigned}" in cell(table, r, progress_column)
        assert cell(table, r, column_of(table, "Ostatnia wersja")) == str(juror.latest_revision)
    print("completeness:", view.summary.text(), "|", [cell(table, r, progress_column) for r in range(6)])


def test_results_per_dossier_and_the_threshold(qtbot, open_window, merged_edition: Path) -> None:
    window = open_window(merged_edition)
    window.tabs.setCurrentWidget(window.results)
    view = window.results
    results = window.session.results
    first = results.dossiers[0]
    assert view.select_dossier(first.dossier_id)
    criteria = view.criteria_table
    assert criteria.model().rowCount() == len(results.edition.criteria) == 12
    jurors = sorted({j for c in first.criteria for j, _ in c.points})
    first_juror = column_of(criteria, "Maks.") + 1
    for n, juror in enumerate(jurors):
        assert criteria.model().headerData(first_juror + n, Qt.Orientation.Horizontal) == juror
        assert cell(criteria, 0, first_juror + n) == names.points(dict(first.criteria[0].points)[juror])
    mean_column = column_of(criteria, "Średnia")
    trimmed_column = column_of(criteria, "Średnia\nprzycięta")
    for r, c in enumerate(first.criteria):
        assert cell(criteria, r, mean_column) == names.number(c.summary.mean, 2)
        assert cell(criteria, r, trimmed_column) == names.number(c.summary.trimmed_mean, 2)
    assert names.percent(first.total_percent, 2) in view.subtotals.text()
    assert "Etap I" in view.subtotals.text() and "Etap II" in view.subtotals.text()
    assert view.discuss.rowCount() == len(results.to_discuss)

    before = len(results.to_discuss)
    view.threshold.setValue(10)
    with qtbot.waitSignal(window.session.results_changed, timeout=WAIT_MS):
        qtbot.mouseClick(view.apply_threshold, Qt.MouseButton.LeftButton)
    after = window.session.results
    assert after.threshold == 0.1
    assert query(merged_edition, "SELECT value FROM settings WHERE key = 'disagreement_threshold'") == [("0.1",)]
    assert len(after.to_discuss) > before and view.discuss.rowCount() == len(after.to_discuss)
    flagged = sum(1 for line in view.dossiers.rows() if line.result.disagreements)
    print(f"to discuss at 30%: {before}; at 10%: {len(after.to_discuss)} on {flagged} dossiers")
    assert str(len(after.to_discuss)) in view.discuss_heading.text()

    view.category.setCurrentIndex(view.category.findData(results.edition.categories[3].name))
    shown = {view.dossier_table.model().index(r, 0).data(ROW_ROLE).category
             for r in range(view.dossier_table.model().rowCount())}
    assert shown == {results.edition.categories[3].name}


def test_agreement_leniency_and_charts(qtbot, open_window, merged_edition: Path) -> None:
    window = open_window(merged_edition)
    window.tabs.setCurrentWidget(window.agreement)
    view = window.agreement
    results = window.session.results
    table = view.agreement_table
    assert table.model().rowCount() == len(results.agreement)
    alpha = column_of(table, "α Krippendorffa")
    for r, a in enumerate(results.agreement):
        assert cell(table, r, 0) == a.code
        assert cell(table, r, alpha) == names.number(a.alpha, 3)
        assert cell(table, r, column_of(table, "ICC(1,1)")) == names.number(a.icc_1_1, 3)
    leniency = view.leniency_table
    deviation = column_of(leniency, "Średnie odchylenie (pp)")
    compared = [l for l in results.leniency if l.dossiers]
    assert leniency.model().rowCount() == len(compared)
    for r, l in enumerate(compared):
        assert cell(leniency, r, deviation) == names.signed(l.mean_deviation)
    for canvas in (view.distribution_chart, view.leniency_chart):
        assert canvas.drawn >= 1
        image = canvas.grab().toImage()
        colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
        assert len(colours) > 5, "the chart drew something"
    axes = view.leniency_chart.figure.axes[0]
    assert len(axes.patches) == len([l for l in compared if l.mean_deviation is not None])
    print(f"agreement: {len(results.agreement)} criteria; leniency bars: {len(axes.patches)}; "
          f"alpha range {min(a.alpha for a in results.agreement):.3f}–{max(a.alpha for a in results.agreement):.3f}")


def test_charts_say_when_there_is_nothing_to_draw(qtbot) -> None:
    canvas = charts.ChartCanvas()
    qtbot.addWidget(canvas)
    charts.draw_distribution(canvas, [charts.DistributionSeries("I.1", [])], title="t", y_label="y",
                             empty_text="Brak ocen", mean_label="m")
    assert [t.get_text() for t in canvas.figure.axes[0].texts] == ["Brak ocen"]
    charts.draw_leniency(canvas, [], title="t", x_label="x", empty_text="Nic do porównania", lenient_text="+",
                         strict_text="-")
    assert "Nic do porównania" in [t.get_text() for t in canvas.figure.axes[0].texts]
    assert canvas.drawn == 2


def test_rankings_raw_and_normalised_side_by_side(qtbot, open_window, merged_edition: Path) -> None:
    window = open_window(merged_edition)
    window.tabs.setCurrentWidget(window.rankings)
    view = window.rankings
    table = view.table
    results = window.session.results
    assert table.isColumnHidden(5) and not view.note.isVisible()
    view.normalise.setChecked(True)
    assert not table.isColumnHidden(5) and not table.isColumnHidden(7) and view.note.isVisible()
    assert "mniej niż 2" in view.note.text()
    changed = [r for r in results.rankings if r.place_changed]
    assert changed, "the demo's lenient and strict jurors move some places"
    highlighted = 0
    for r in range(table.model().rowCount()):
        line = table.model().index(r, 0).data(ROW_ROLE)
        background = cell(table, r, 7, Qt.ItemDataRole.BackgroundRole)
        assert cell(table, r, 1) == (str(line.row.place) if line.row.place else names.DASH)
        if line.row.place_changed:
            highlighted += 1
            shift = place_shift(line.row)
            expected = style.PLACE_UP if shift > 0 else style.PLACE_DOWN
            assert background == QColor(expected[1]) and cell(table, r, 7).startswith(expected[2])
        else:
            assert background is None and cell(table, r, 7) == ""
    assert highlighted == len(changed)
    assert str(len(changed)) in view.summary.text()
    print(view.summary.text(), "|", view.note.text().splitlines()[-1])
    view.normalise.setChecked(False)
    assert table.isColumnHidden(5) and table.isColumnHidden(6) and table.isColumnHidden(7)


def test_decisions_distinctions_and_the_lock(qtbot, open_window, merged_edition: Path) -> None:
    window = open_window(merged_edition)
    window.tabs.setCurrentWidget(window.decisions)
    view = window.decisions
    results = window.session.results
    ranking = view.ranking_table
    certified = sum(d.certification is Certification.CERTIFIED for d in results.dossiers)
    assert ranking.model().rowCount() == len(results.rankings)
    certification = column_of(ranking, "Certyfikacja")
    for r in range(ranking.model().rowCount()):
        line = ranking.model().index(r, 0).data(ROW_ROLE)
        assert cell(ranking, r, certification, Qt.ItemDataRole.ToolTipRole) == pick(*CERTIFICATION_NAMES[line.dossier.certification])
    assert f"{certified}" in view.summary.text() and "70" in view.rule.text()

    nominated = view.distinctions.rows()
    assert nominated and all(row.nominations for row in nominated)
    view.distinction_table.selectRow(0)
    row = view.distinction_table.model().index(0, 0).data(ROW_ROLE)
    assert view.award_button.isEnabled() and not view.withdraw_button.isEnabled()
    dialog = view.award_selected()
    assert isinstance(dialog, AwardDialog) and dialog.dossier.currentData() == row.dossier_id
    dialog.person.setText("Anna Nowak")
    with qtbot.waitSignal(window.session.results_changed, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert query(merged_edition, "SELECT dossier_id, distinction_id, decided_by FROM decisions") == [
        (row.dossier_id, row.distinction_id, "Anna Nowak")]
    awarded = next(r for r in view.distinctions.rows() if r.dossier_id == row.dossier_id and r.distinction_id == row.distinction_id)
    assert awarded.chosen is not None

    lock = view.lock()
    assert isinstance(lock, LockDialog) and lock.person.text() == "Anna Nowak", "the name is remembered"
    with qtbot.waitSignal(window.session.results_changed, timeout=WAIT_MS):
        qtbot.mouseClick(lock.buttons.button(lock.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert window.session.results.lock is not None and window.lock_badge.isVisible()
    assert view.unlock_button.isVisible() and not view.lock_button.isVisible()
    assert not view.award_other_button.isEnabled() and not window.results.apply_threshold.isEnabled()
    print("locked:", view.lock_state.text())

    before = dump(merged_edition)
    dialog = window.open_import([packages(merged_edition)[0]])
    qtbot.waitUntil(lambda: dialog.state == "preview", timeout=WAIT_MS)
    [refused] = [r.planned for r in dialog.model.rows()]
    assert refused.outcome is Outcome.REFUSED and refused.code == "results_locked"
    assert dialog.locked.isVisible() and "zamrożone do druku" in dialog.locked.text()
    assert not dialog.apply_button.isEnabled()
    print("import after the lock:", dialog.locked.text())
    dialog.reject()
    assert dump(merged_edition) == before

    unlock = view.unlock()
    assert isinstance(unlock, UnlockDialog)
    qtbot.mouseClick(unlock.buttons.button(unlock.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert unlock.isVisible() and unlock.error.isVisible() and "powód" in unlock.error.text().lower()
    assert dump(merged_edition) == before, "without a reason nothing changes"
    unlock.reason.setPlainText("Spóźniona korekta paczki członka Kapituły po posiedzeniu.")
    with qtbot.waitSignal(window.session.results_changed, timeout=WAIT_MS):
        qtbot.mouseClick(unlock.buttons.button(unlock.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert window.session.results.lock is None and not window.lock_badge.isVisible()
    assert query(merged_edition, "SELECT action, person FROM results_lock_events ORDER BY id") == [
        ("lock", "Anna Nowak"), ("unlock", "Anna Nowak")]
