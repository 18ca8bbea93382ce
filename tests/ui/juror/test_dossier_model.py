"""The dossier list's model and proxy: Polish collation whatever the UI language, filters, one-row refresh."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QLocale, Qt

from juror_app.domain.model import DossierStatus
from juror_app.ui.juror.dossier_model import (
    COL_INSTITUTION,
    COL_STATUS,
    DossierFilterProxy,
    DossierTableModel,
)
from juror_app.workflows.juror.queries import DossierRow

NAMES = ["Urząd Miasta Zielona Góra", "Urząd Miasta Łodzi", "Urząd Miasta Lublin", "Urząd Miasta Łask",
         "urząd miasta Kraków", "Urząd Miasta Żory", "Urząd Miasta Zabrze", "Urząd Miasta Ełk"]


def _rows() -> list[DossierRow]:
    statuses = list(DossierStatus)
    return [
        DossierRow(dossier_id=f"d{i:04d}", position=i, institution=name, short_name=name.split()[-1],
                   category_id=("miasta", "gminy")[i % 2], category=("Urzędy miast", "Urzędy gmin")[i % 2],
                   city=name.split()[-1], voivodeship="mazowieckie", status=statuses[i % 4], scored=i, criteria=12,
                   nominated=i == 3)
        for i, name in enumerate(NAMES)
    ]


def _listed(proxy: DossierFilterProxy) -> list[str]:
    return [proxy.index(r, COL_INSTITUTION).data(Qt.ItemDataRole.DisplayRole).replace("  ★", "")
            for r in range(proxy.rowCount())]


def _model(rows=None) -> tuple[DossierTableModel, DossierFilterProxy]:
    table = {r.dossier_id: r for r in rows or _rows()}
    model = DossierTableModel(lambda dossier_id: table.get(dossier_id))
    model.set_rows(list(table.values()))
    model.table = table  # the tests change rows here and ask the model to refresh
    proxy = DossierFilterProxy()
    proxy.setSourceModel(model)
    return model, proxy


def test_sorting_is_polish_even_with_an_english_default_locale(qapp) -> None:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    try:
        _, proxy = _model()
        proxy.sort(COL_INSTITUTION, Qt.SortOrder.AscendingOrder)
        listed = _listed(proxy)
    finally:
        QLocale.setDefault(previous)
    towns = [name.removeprefix("Urząd Miasta ").removeprefix("urząd miasta ") for name in listed]
    print("sorted:", towns)
    assert towns == ["Ełk", "Kraków", "Lublin", "Łask", "Łodzi", "Zabrze", "Zielona Góra", "Żory"]
    assert sorted(NAMES) != listed, "code-point order would differ (Ł after Z, lower case last)"


def test_text_filter_ignores_case_and_diacritics_including_l_stroke(qapp) -> None:
    _, proxy = _model()
    for typed in ("lodz", "ŁODZI", "łódź"[:3]):
        proxy.set_text(typed)
        assert _listed(proxy) == ["Urząd Miasta Łodzi"], typed
    proxy.set_text("ELK")
    assert _listed(proxy) == ["Urząd Miasta Ełk"]
    proxy.set_text("")
    assert len(_listed(proxy)) == len(NAMES)


def test_category_and_status_filters_and_the_open_dossier_stays_listed(qapp) -> None:
    model, proxy = _model()
    proxy.set_category("gminy")
    assert _listed(proxy) == [NAMES[i] for i in (1, 3, 5, 7)]
    proxy.set_category(None)
    proxy.set_status(DossierStatus.COMPLETE)
    assert _listed(proxy) == [NAMES[2], NAMES[6]]
    proxy.set_pinned("d0002")
    model.table["d0002"] = replace(model.table["d0002"], status=DossierStatus.IN_PROGRESS)
    model.refresh("d0002")
    assert NAMES[2] in _listed(proxy), "the dossier being scored does not vanish under the juror's hands"
    proxy.set_pinned("d0006")
    assert _listed(proxy) == [NAMES[6]]


def test_refresh_repaints_one_row_only(qapp, qtbot) -> None:
    model, _ = _model()
    model.table["d0004"] = replace(model.table["d0004"], scored=12, status=DossierStatus.COMPLETE)
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.refresh("d0004")
    top, bottom = blocker.args[0], blocker.args[1]
    assert top.row() == bottom.row() == 4
    assert model.index(4, COL_STATUS).data() == "ukończona"
    assert model.index(4, COL_STATUS).data(Qt.ItemDataRole.ForegroundRole) is not None, "status has a colour too"
    assert "★" in model.index(3, COL_INSTITUTION).data()
