"""The assignment screen on real widgets: plan (preview, apply, cancel, stale, partial), a second round,
hand edits and what they refuse, the confirmation for sent or scored work, the filters, a juror's
categories and leaving. "Nothing changed" is a full SQL dump compared."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from juror_app.ui.organizer.launch import open_session
from juror_app.ui.organizer.setup.assignment_dialogs import CategoriesDialog, LeftDialog, ReleaseDialog
from juror_app.ui.organizer.setup.assignment_model import COUNTED, STATE_ROLE, CellState
from juror_app.ui.organizer.setup.assignment_plan_dialog import PlanDialog
from juror_app.ui.organizer.setup.assignment_screen import AssignmentScreen
from juror_app.ui.organizer.setup.screens import SCREENS
from juror_app.workflows.organizer import assignment as workflow
from juror_app.workflows.organizer.progress import Step

from .assignment_editions import CONFLICT_REASON, add_new_dossiers, build_fresh_edition
from .conftest import WAIT_MS, dump, query, when_modal

ASSIGNMENTS = "SELECT juror_id, dossier_id, assigned_at, source FROM assignments ORDER BY juror_id, dossier_id"
SCORES = "SELECT * FROM scores ORDER BY juror_id, dossier_id, criterion_id"


@pytest.fixture(scope="session")
def fresh_template(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("fresh") / "edition"
    build_fresh_edition(folder)
    return folder


@pytest.fixture
def fresh(fresh_template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "fresh"
    shutil.copytree(fresh_template, folder)
    return folder


@pytest.fixture
def open_screen(qtbot):
    opened = []

    def open_(folder: Path) -> AssignmentScreen:
        session = open_session(folder / "organizer.sqlite")
        screen = AssignmentScreen(session)
        qtbot.addWidget(screen)
        screen.resize(1300, 700)
        screen.show()
        qtbot.waitExposed(screen)
        opened.append(session)
        return screen

    yield open_
    for session in opened:
        qtbot.waitUntil(lambda s=session: not s.busy(), timeout=WAIT_MS)
        session.close()


def cell(screen: AssignmentScreen, dossier_id: str, juror_id: str):
    index = screen.index_of(dossier_id, juror_id)
    assert index.isValid(), (dossier_id, juror_id)
    return index


def states(screen: AssignmentScreen) -> dict[tuple[str, str], CellState]:
    model = screen.model
    return {(j.id, d.id): model.state(j.id, d.id) for d in model.dossiers for j in model.jurors}


def press_space(qtbot, screen: AssignmentScreen, index) -> None:
    screen.view.setCurrentIndex(index)
    screen.view.setFocus()
    qtbot.keyClick(screen.view, Qt.Key.Key_Space)


def plan_through_dialog(qtbot, screen: AssignmentScreen, *, per_dossier: int, apply: bool = True,
                        inspect=None) -> list[PlanDialog]:
    """Press Plan…, set k, Preview, then Apply (or Cancel); ``inspect(dialog)`` runs on the preview."""

    def handle(dialog: PlanDialog) -> None:
        dialog.per_dossier.setValue(per_dossier)
        qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
        assert dialog.preview is not None, dialog.error.text()
        if inspect is not None:
            inspect(dialog)
        if apply:
            qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
        else:
            dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()

    seen = when_modal(PlanDialog, handle)
    qtbot.mouseClick(screen.plan_button, Qt.MouseButton.LeftButton)
    assert seen, "the plan dialog did not open"
    return seen


def test_the_screen_is_registered_for_its_step() -> None:
    assert AssignmentScreen in SCREENS and AssignmentScreen.step is Step.ASSIGNMENT


def test_a_fresh_edition_is_planned_previewed_and_applied(qtbot, open_screen, fresh: Path) -> None:
    screen = open_screen(fresh)
    assert screen.model.rowCount() == 12 and screen.model.columnCount() == 4 + 5
    assert set(states(screen).values()) == {CellState.EMPTY, CellState.BARRED}
    before = dump(fresh)
    previewed = {}

    def inspect(dialog: PlanDialog) -> None:
        assert dump(fresh) == before  # a preview writes nothing
        preview = dialog.preview
        previewed["added"] = {(a.juror_id, a.dossier_id) for a in preview.added}
        assert len(preview.added) == 36 and preview.kept == () and preview.complete
        assert dialog.added_model.rowCount() == 36 and "36" in dialog.tabs.tabText(0)
        loads = {r.juror_id: r.after for r in dialog.loads_model.rows()}
        assert max(loads.values()) - min(loads.values()) <= 1
        assert dialog.apply_button.isEnabled() and dialog.partial.isHidden()

    with qtbot.waitSignal(screen.changed, timeout=WAIT_MS):
        plan_through_dialog(qtbot, screen, per_dossier=3, inspect=inspect)
    shown = {pair for pair, state in states(screen).items() if state is CellState.PLANNED}
    assert shown == previewed["added"] == {tuple(r[:2]) for r in query(fresh, ASSIGNMENTS)}
    assert all(state is not CellState.PLANNED for pair, state in states(screen).items() if pair in screen.matrix.conflicts)
    loads = [j.load for j in screen.matrix.jurors]
    assert max(loads) - min(loads) <= 1 and sum(loads) == 36
    assert all(screen.model.index(r, COUNTED).data() == "3/3" for r in range(12))
    assert screen.problems.list.count() == 0 and "3" in screen.problems.loads.text()
    assert "36" in screen.last_change.text() and all(j.id in screen.last_change.text() for j in screen.matrix.jurors)


def test_cancelling_the_plan_writes_nothing(qtbot, open_screen, fresh: Path) -> None:
    screen = open_screen(fresh)
    before = dump(fresh)
    plan_through_dialog(qtbot, screen, per_dossier=3, apply=False)
    assert dump(fresh) == before
    assert set(states(screen).values()) == {CellState.EMPTY, CellState.BARRED}


def test_a_second_round_keeps_every_assignment_and_fills_only_the_new_dossiers(qtbot, open_screen, merged_edition: Path) -> None:
    path = merged_edition / "organizer.sqlite"
    new = add_new_dossiers(path)
    assignments, scores = query(merged_edition, ASSIGNMENTS), query(merged_edition, SCORES)
    screen = open_screen(merged_edition)
    kept_states = {pair: state for pair, state in states(screen).items() if state.assigned}
    recused = {d for (j, d), s in kept_states.items() if s is CellState.RECUSED}

    def inspect(dialog: PlanDialog) -> None:
        preview = dialog.preview
        assert preview.released == () and len(preview.kept) == len(assignments)
        assert {a.dossier_id for a in preview.added} == set(new) | recused

    plan_through_dialog(qtbot, screen, per_dossier=3, inspect=inspect)
    after = query(merged_edition, ASSIGNMENTS)
    assert set(assignments) <= set(after)  # not one kept row changed, not even its time
    assert query(merged_edition, SCORES) == scores
    now = states(screen)
    assert all(now[pair] is state for pair, state in kept_states.items())
    for dossier_id in new:
        assert sum(now[(j.id, dossier_id)] is CellState.PLANNED for j in screen.model.jurors) == 3
    added = {(j, d) for j, d, *_ in after} - {(j, d) for j, d, *_ in assignments}
    assert {d for _, d in added} == set(new) | recused


def test_a_hand_edit_that_breaks_a_rule_is_named_and_can_be_found(qtbot, open_screen, edition: Path) -> None:
    screen = open_screen(edition)
    assert screen.problems.list.count() == 0 or all("d0001" not in t for t in screen.problems.problems())
    juror = next(j.id for j in screen.matrix.jurors if states(screen)[(j.id, "d0001")] is CellState.EMPTY)
    with qtbot.waitSignal(screen.changed, timeout=WAIT_MS):
        press_space(qtbot, screen, cell(screen, "d0001", juror))
    assert screen.model.state(juror, "d0001") is CellState.MANUAL
    assert query(edition, "SELECT source FROM assignments WHERE juror_id = ? AND dossier_id = 'd0001'", (juror,)) == [("manual",)]
    named = [t for t in screen.problems.problems() if "d0001" in t]
    assert named and ("4 członków Kapituły zamiast 3" in named[0]), screen.problems.problems()
    assert screen.model.index(screen.model.row_of("d0001"), COUNTED).data() == "4/3 ▲"
    assert "4 członków" in cell(screen, "d0001", "").data(Qt.ItemDataRole.ToolTipRole)
    screen.view.setCurrentIndex(cell(screen, "d0005", juror))
    row = next(n for n, t in enumerate(screen.problems.problems()) if "d0001" in t)
    screen.problems.list.setCurrentRow(row)
    current = screen.view.currentIndex()
    assert screen.cell_at(current)[1].id == "d0001"
    # a planned or by-hand assignment is taken away without a dialog: double-click
    rect = screen.view.visualRect(cell(screen, "d0001", juror))
    qtbot.mouseClick(screen.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a person's double-click
    with qtbot.waitSignal(screen.changed, timeout=WAIT_MS):
        qtbot.mouseDClick(screen.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert screen.model.state(juror, "d0001") is CellState.EXCLUDED
    assert all("d0001" not in t for t in screen.problems.problems())


def test_taking_away_scored_work_needs_the_confirmation_and_a_reason(qtbot, open_screen, merged_edition: Path) -> None:
    screen = open_screen(merged_edition)
    juror_id, dossier_id = next(p for p, s in states(screen).items() if s is CellState.SCORED)
    before = dump(merged_edition)
    seen = []

    def cancel(dialog: ReleaseDialog) -> None:
        seen.append((dialog.ok_button.isEnabled(), dialog.intro.text()))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()

    when_modal(ReleaseDialog, cancel)
    press_space(qtbot, screen, cell(screen, dossier_id, juror_id))
    assert seen and seen[0][0] is False and f"{juror_id}" in seen[0][1] and dossier_id in seen[0][1]
    assert dump(merged_edition) == before and screen.model.state(juror_id, dossier_id) is CellState.SCORED

    errors = []

    def no_reason(dialog: ReleaseDialog) -> None:
        dialog.confirm.setChecked(True)
        assert dialog.ok_button.isEnabled()
        dialog.ok_button.click()
        errors.append(dialog.error.text())
        assert dialog.isVisible()  # stays open with the message
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()

    when_modal(ReleaseDialog, no_reason)
    press_space(qtbot, screen, cell(screen, dossier_id, juror_id))
    assert errors and "powód" in errors[0].lower()
    assert dump(merged_edition) == before

    def confirm(dialog: ReleaseDialog) -> None:
        dialog.confirm.setChecked(True)
        dialog.reason.setPlainText("Członek Kapituły okazał się związany z tą jednostką.")
        dialog.ok_button.click()

    when_modal(ReleaseDialog, confirm)
    with qtbot.waitSignal(screen.changed, timeout=WAIT_MS):
        press_space(qtbot, screen, cell(screen, dossier_id, juror_id))
    assert query(merged_edition, "SELECT count(*) FROM scores WHERE juror_id = ? AND dossier_id = ?", (juror_id, dossier_id)) == [(0,)]
    assert query(merged_edition, "SELECT action, reason FROM assignment_events WHERE juror_id = ? AND dossier_id = ?",
                 (juror_id, dossier_id)) == [("release", "Członek Kapituły okazał się związany z tą jednostką.")]
    assert screen.model.state(juror_id, dossier_id) is CellState.EXCLUDED
    assert juror_id in screen.last_change.text()


def test_taking_away_a_sent_assignment_asks_too_and_cancel_changes_nothing(qtbot, open_screen, edition: Path) -> None:
    screen = open_screen(edition)
    juror_id, dossier_id = next(p for p, s in states(screen).items() if s is CellState.ISSUED)
    before = dump(edition)
    texts = []

    def check_then_cancel(dialog: ReleaseDialog) -> None:
        texts.append(dialog.intro.text())
        assert not dialog.ok_button.isEnabled()
        dialog.confirm.setChecked(True)
        dialog.ok_button.click()  # no reason: refused in the dialog
        texts.append(dialog.error.text())
        dialog.reject()

    when_modal(ReleaseDialog, check_then_cancel)
    menu = screen.cell_menu(cell(screen, dossier_id, juror_id))
    take = menu.actions()[0]
    assert take.text().endswith("…")
    take.trigger()
    assert "r1" in texts[0] or "1)" in texts[0]
    assert texts[1] and dump(edition) == before

    def confirm(dialog: ReleaseDialog) -> None:
        dialog.confirm.setChecked(True)
        dialog.reason.setPlainText("Teczkę przejmie inna osoba z tej samej kategorii.")
        dialog.ok_button.click()

    when_modal(ReleaseDialog, confirm)
    press_space(qtbot, screen, cell(screen, dossier_id, juror_id))
    assert query(edition, "SELECT reason FROM assignment_exclusions WHERE juror_id = ? AND dossier_id = ?",
                 (juror_id, dossier_id)) == [("Teczkę przejmie inna osoba z tej samej kategorii.",)]
    assert screen.last_change.text().count(juror_id) == 2  # taken away from …; … needs a new bundle revision


def test_a_barred_cell_says_why_and_assigning_it_is_refused(qtbot, open_screen, fresh: Path) -> None:
    screen = open_screen(fresh)
    (juror_id, dossier_id), = sorted(screen.matrix.conflicts)
    index = cell(screen, dossier_id, juror_id)
    assert CellState(index.data(STATE_ROLE)) is CellState.BARRED and index.data() == "✗"
    tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert CONFLICT_REASON in tooltip and "konflikt" in tooltip.lower()
    before = dump(fresh)
    shown = []

    def read_and_close(box: QMessageBox) -> None:
        shown.append(box.text())
        box.accept()

    when_modal(QMessageBox, read_and_close)
    press_space(qtbot, screen, index)
    assert shown and "konflikt interesów" in shown[0] and CONFLICT_REASON.rstrip(".") in shown[0]
    assert dump(fresh) == before and screen.model.state(juror_id, dossier_id) is CellState.BARRED


def test_the_filters_show_a_category_a_juror_and_the_dossiers_with_problems(qtbot, open_screen, merged_edition: Path) -> None:
    add_new_dossiers(merged_edition / "organizer.sqlite")
    screen = open_screen(merged_edition)
    total = screen.model.rowCount()
    assert total == 14 and screen.proxy.rowCount() == 14

    def shown() -> list[str]:
        return [screen.proxy.index(r, 0).data() for r in range(screen.proxy.rowCount())]

    screen.problems_only.setChecked(True)
    with_problems = {p.dossier_id for p in screen.matrix.problems if p.dossier_id}
    assert set(shown()) == with_problems and {"d9001", "d9002"} <= set(shown())
    assert f"{len(with_problems)} z 14" in screen.shown.text() or f"{len(with_problems)} of 14" in screen.shown.text()
    screen.problems_only.setChecked(False)
    category = screen.model.dossiers[0].category_name
    screen.category.setCurrentIndex(screen.category.findData(category))
    assert set(shown()) == {d.id for d in screen.model.dossiers if d.category_name == category} and len(shown()) < total
    screen.category.setCurrentIndex(0)
    screen.juror.setCurrentIndex(screen.juror.findData("j002"))
    assert set(shown()) == {d for (j, d) in screen.matrix.cells if j == "j002"}
    assert screen.juror_panel.juror is not None and screen.juror_panel.juror.id == "j002"
    screen.problems_only.setChecked(True)  # both at once: j002's dossiers that have a problem
    assert set(shown()) == {d for (j, d) in screen.matrix.cells if j == "j002"} & with_problems
    screen.go_to("d9001")  # choosing a problem whose dossier is filtered out clears the filters that hide it
    assert screen.juror.currentIndex() == 0 and screen.cell_at(screen.view.currentIndex())[1].id == "d9001"


def test_a_jurors_categories_and_leaving_from_the_column(qtbot, open_screen, fresh: Path) -> None:
    screen = open_screen(fresh)
    first_category = screen.categories[0]

    def tick_first(dialog: CategoriesDialog) -> None:
        dialog.list.item(0).setCheckState(Qt.CheckState.Checked)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    when_modal(CategoriesDialog, tick_first)
    with qtbot.waitSignal(screen.changed, timeout=WAIT_MS):
        screen.juror_panel.show_juror(screen._juror("j002"), screen.model)
        screen.juror_panel.categories_button.click()
    assert query(fresh, "SELECT category_id FROM juror_categories WHERE juror_id = 'j002'") == [(first_category.id,)]
    assert first_category.name in screen.model.headerData(screen.model.column_of("j002"), Qt.Orientation.Horizontal,
                                                          Qt.ItemDataRole.ToolTipRole)
    before = dump(fresh)

    def short_reason(dialog: LeftDialog) -> None:
        dialog.reason.setPlainText("x")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        assert dialog.error.isVisible() or dialog.error.text()
        dialog.reject()

    when_modal(LeftDialog, short_reason)
    menu_owner = screen.cell_menu(cell(screen, "d0002", "j003"))
    next(a for a in menu_owner.actions() if "j003" in a.text() and a.text().endswith("…") and "Kateg" not in a.text()
         and "Categ" not in a.text()).trigger()
    assert dump(fresh) == before

    def leave(dialog: LeftDialog) -> None:
        dialog.reason.setPlainText("Rezygnacja z udziału w pracach Kapituły.")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    when_modal(LeftDialog, leave)
    with qtbot.waitSignal(screen.changed, timeout=WAIT_MS):
        screen.mark_left("j003")
    header = screen.model.headerData(screen.model.column_of("j003"), Qt.Orientation.Horizontal)
    assert header.endswith("poza Kapitułą")
    shown = []
    when_modal(QMessageBox, lambda box: (shown.append(box.text()), box.accept()))
    press_space(qtbot, screen, cell(screen, "d0002", "j003"))
    assert shown and "odszedł" in shown[0]
    when_modal(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    with qtbot.waitSignal(screen.changed, timeout=WAIT_MS):
        screen.mark_returned("j003")
    assert query(fresh, "SELECT left_at FROM jurors WHERE id = 'j003'") == [(None,)]


def test_a_preview_made_stale_is_refused_with_its_message(qtbot, open_screen, fresh: Path) -> None:
    screen = open_screen(fresh)
    dialog = PlanDialog(screen.session, screen.matrix, parent=screen)
    qtbot.addWidget(dialog)
    dialog.per_dossier.setValue(3)
    dialog.make_preview()
    assert dialog.apply_button.isEnabled()
    workflow.set_assignment(screen.session.db, "j002", "d0003", True)  # another change, after the preview
    before = dump(fresh)
    dialog.apply()
    assert dialog.applied is None and dialog.error.isVisibleTo(dialog)
    assert "Zaplanuj ponownie" in dialog.error.text() and dump(fresh) == before
    assert not dialog.apply_button.isEnabled()
    dialog.make_preview()  # planning again works
    assert dialog.apply_button.isEnabled()


def test_a_partial_plan_is_saved_only_when_chosen_and_names_what_stays_unmet(qtbot, open_screen, fresh: Path) -> None:
    path = fresh / "organizer.sqlite"
    institution = query(fresh, "SELECT institution_id FROM dossiers WHERE id = 'd0005'")[0][0]
    from juror_app.store.organizer_schema import open_organizer_db

    db = open_organizer_db(path)
    try:
        with db.atomic():
            for juror_id in ("j001", "j002", "j003"):
                db["known_conflicts"].insert({"juror_id": juror_id, "institution_id": institution, "reason": "Radny gminy."})
    finally:
        db.close()
    screen = open_screen(fresh)
    dialog = PlanDialog(screen.session, screen.matrix, parent=screen)
    qtbot.addWidget(dialog)
    dialog.per_dossier.setValue(3)
    dialog.make_preview()
    assert not dialog.preview.complete and not dialog.partial.isHidden()
    assert "d0005" in dialog.partial.text() and not dialog.apply_button.isEnabled()
    assert any("d0005" in dialog.problems.item(n).text() for n in range(dialog.problems.count()))
    dialog.seed.setValue(5)  # the rules changed after the preview: not applicable until previewed again
    dialog.partial.setChecked(True)
    assert not dialog.apply_button.isEnabled()
    dialog.seed.setValue(dialog._made_with[1])
    assert dialog.apply_button.isEnabled()
    dialog.apply()
    assert dialog.applied is not None and not dialog.applied.preview.complete
    assert len(query(fresh, "SELECT * FROM assignments WHERE dossier_id = 'd0005'")) == 2


def test_space_toggles_back_and_forth_through_the_workflow(qtbot, open_screen, fresh: Path) -> None:
    screen = open_screen(fresh)
    index = cell(screen, "d0002", "j004")
    press_space(qtbot, screen, index)
    assert screen.model.state("j004", "d0002") is CellState.MANUAL
    press_space(qtbot, screen, cell(screen, "d0002", "j004"))
    assert screen.model.state("j004", "d0002") is CellState.EXCLUDED
    assert query(fresh, "SELECT count(*) FROM assignment_exclusions") == [(1,)]
    event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier, " ")
    screen.view.setCurrentIndex(cell(screen, "d0002", "j004"))
    screen.view.keyPressEvent(event)
    assert screen.model.state("j004", "d0002") is CellState.MANUAL
    assert query(fresh, "SELECT count(*) FROM assignment_exclusions") == [(0,)]
