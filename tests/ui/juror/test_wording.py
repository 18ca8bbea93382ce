"""What the juror's window says about counts and recusals (issue 11, item 15, the juror's parts): counts
per status in real Polish plural forms, and a recused dossier's result told as it is."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from juror_app.domain.model import DossierStatus
from juror_app.ui.common import i18n
from juror_app.ui.juror import texts
from juror_app.ui.juror.export_dialog import ExportDialog
from juror_app.workflows.juror import scoring as juror_scoring

POLISH = {  # n → (not started, complete, in progress, recused)
    1: ("1 nierozpoczęta", "1 ukończona", "1 w toku", "1 wyłączona"),
    2: ("2 nierozpoczęte", "2 ukończone", "2 w toku", "2 wyłączone"),
    5: ("5 nierozpoczętych", "5 ukończonych", "5 w toku", "5 wyłączonych"),
    22: ("22 nierozpoczęte", "22 ukończone", "22 w toku", "22 wyłączone"),
    0: ("0 nierozpoczętych", "0 ukończonych", "0 w toku", "0 wyłączonych"),
}
ORDER = (DossierStatus.NOT_STARTED, DossierStatus.COMPLETE, DossierStatus.IN_PROGRESS, DossierStatus.RECUSED)


@pytest.mark.parametrize("n", sorted(POLISH))
def test_status_counts_take_polish_plural_forms(qapp, n: int) -> None:
    assert tuple(texts.status_count(status, n) for status in ORDER) == POLISH[n]


def test_status_counts_in_english(qapp) -> None:
    i18n.install(qapp, "en")
    assert texts.status_count(DossierStatus.NOT_STARTED, 1) == "1 not started"
    assert texts.status_count(DossierStatus.RECUSED, 4) == "4 recused"


def _texts(widget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel))


def test_the_window_and_the_export_dialog_count_in_plural(qtbot, open_workstation, demo_copy) -> None:
    workstation = open_workstation(demo_copy.profile, demo_copy.info())
    session = workstation.session
    session.apply(juror_scoring.declare_conflict, dossier_id="d0001", reason="Pracowałam w tym urzędzie do 2023 r.")
    tooltip = workstation.window.dossiers.progress_label.toolTip()
    assert "5 nierozpoczętych" in tooltip and "1 wyłączona" in tooltip, tooltip
    assert "Nierozpoczęta:" not in tooltip and "nierozpoczęta: 5" not in tooltip
    dialog = ExportDialog(session, workstation.window)
    qtbot.addWidget(dialog)
    shown = _texts(dialog)
    assert "5 nierozpoczętych" in shown and "1 wyłączona" in shown and "0 ukończonych" in shown
    assert "Nierozpoczęta:" not in shown
    print(f"progress tooltip: {tooltip!r}")


def test_a_recused_dossier_does_not_promise_a_weighted_result(qtbot, open_workstation, demo_copy) -> None:
    workstation = open_workstation(demo_copy.profile, demo_copy.info())
    window, session = workstation.window, workstation.session
    window.dossiers.select("d0002")
    assert "pojawi się po ocenie wszystkich kryteriów" in window.scoring.totals.text()
    session.apply(juror_scoring.declare_conflict, dossier_id="d0002", reason="Doradzałem temu urzędowi.")
    totals = window.scoring.totals.text()
    assert "pojawi się" not in totals, "a recused dossier never gets a weighted result from this juror"
    assert "konflikt" in totals.lower() and "wyłączona" in totals
    print(f"recused totals: {totals!r}")
    session.apply(juror_scoring.withdraw_conflict, dossier_id="d0002")
    assert "pojawi się po ocenie wszystkich kryteriów" in window.scoring.totals.text()
