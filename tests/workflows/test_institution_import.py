"""Importing applicants from CSV/XLSX: the preview of every row, one transaction, and what travels to jurors."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import zipfile
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from juror_app.domain import codec
from juror_app.domain.codec import Reader
from juror_app.domain.errors import FormatError, ValidationError
from juror_app.domain.institution_rules import InstitutionFields
from juror_app.domain.model import Institution
from juror_app.exchange import container
from juror_app.exchange.bundle import read_bundle_content
from juror_app.exchange.enrollment import read_enrollment
from juror_app.exchange.keys import KdfParams, decrypt_private_key, generate_private_key
from juror_app.store.blobs import BlobStore
from juror_app.store.edition_tables import read_institutions
from juror_app.store.organizer_schema import lock_results, open_organizer_db
from juror_app.workflows.juror import bundle_import as juror_import
from juror_app.workflows.juror.profile import JurorProfile, create_profile, export_enrollment
from juror_app.workflows.organizer import edition as edition_flow
from juror_app.workflows.organizer import assignment, institutions, setup
from juror_app.workflows.organizer.edition import EditionStart, NewKey
from juror_app.workflows.organizer.institution_import import (
    RowAction,
    apply_import,
    header_field,
    preview_import,
    render_preview,
)
from juror_app.workflows.organizer.templates import EditionHead

LIGHT = KdfParams(time_cost=1, memory_cost_kib=8 * 1024, lanes=1)
PASS = "kaczka-rower-sufit-ogórek"
HEADER = ["Lp.", "Nazwa jednostki", "Kategoria", "Województwo", "Powiat", "Gmina", "Adres", "Osoba kontaktowa",
          "E-mail", "Telefon"]
GOOD_ROWS = [
    ["1", "Urząd Gminy w Łące", "Urzędy gmin", "małopolskie", "bocheński", "Łąka", "ul. Rynek 1, 32-700 Łąka",
     "Jan Kowalski", "sekretariat@ug-laka.example.pl", "14 612 34 56"],
    ["2", "Starostwo Powiatowe w Bochni", "Starostwa powiatowe", "Województwo Małopolskie", "bocheński", "",
     "ul. Kazimierza Wielkiego 31", "", "", ""],
    ["3", "Starostwo Powiatowe w Bochni", "OPS-I-INNE-JEDNOSTKI", "malopolskie", "bocheński", "", "", "", "", ""],
    ["4", "=Urząd Miasta Żory", "urzedy-miast", "śląskie", "Żory", "Żory", "", "", "", ""],
]


def dump(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


def write_csv(path: Path, rows: list[list[str]], *, encoding: str = "cp1250", delimiter: str = ";") -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(HEADER)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


@pytest.fixture
def edition(tmp_path: Path):
    edition_flow.new_edition(tmp_path / "E.sqlite", EditionHead("XII edycja", 2027), EditionStart(),
                             NewKey(tmp_path / "org.key", PASS, PASS, LIGHT))
    db = open_organizer_db(tmp_path / "E.sqlite")
    yield tmp_path, db
    db.close()


def test_headers_in_polish_and_english() -> None:
    for text, field in [("Nazwa", "name"), ("NAZWA JEDNOSTKI", "name"), ("Nazwa jednostki*", "name"),
                        ("Name", "name"), ("Kategoria:", "category"), ("Województwo", "voivodeship"),
                        ("Wojewodztwo", "voivodeship"), ("Powiat", "county"), ("Gmina", "commune"),
                        ("Adres", "address"), ("Kontakt", "person"), ("E-mail", "email"), ("e-mail", "email"),
                        ("Telefon (stacjonarny)", "phone"), ("Identyfikator", "id"), ("id", "id"),
                        ("Miejscowość", "city"), ("Lp.", None), ("Uwagi", None)]:
        assert header_field(text) == field, text


def test_a_windows_1250_csv_with_one_bad_row(edition) -> None:
    folder, db = edition
    bad = ["5", "Urząd Gminy w Nigdzie", "Urzędy wiejskie", "mazowieckie", "", "", "", "", "", ""]
    path = write_csv(folder / "lista.csv", GOOD_ROWS + [bad])
    preview = preview_import(db, path)
    assert preview.table == "CSV, Windows-1250, separator ;" and preview.ignored_columns == ("Lp.",)
    assert [(r.number, r.action) for r in preview.rows] == [
        (2, RowAction.ADD), (3, RowAction.ADD), (4, RowAction.ADD), (5, RowAction.ADD), (6, RowAction.REFUSED)]
    assert "nieznana kategoria „Urzędy wiejskie”" in preview.rows[-1].reason("pl")
    assert [r.institution_id for r in preview.rows[:4]] == ["i0001", "i0002", "i0003", "i0004"]
    # two "Starostwo Powiatowe w Bochni" in different categories are two institutions
    assert preview.rows[1].values.category == "starostwa-powiatowe" and preview.rows[2].values.category == "ops-i-inne-jednostki"
    assert preview.rows[3].values.name == "=Urząd Miasta Żory"  # kept as text
    before = dump(folder / "E.sqlite")
    assert dump(folder / "E.sqlite") == before, "a preview writes nothing"

    result = apply_import(db, preview)
    assert result.added == ("i0001", "i0002", "i0003", "i0004") and result.refused == 1
    assert result.dossiers_made == ("d0001", "d0002", "d0003", "d0004")
    stored = read_institutions(db)
    assert (stored["i0001"].county, stored["i0001"].commune, stored["i0002"].voivodeship) == ("bocheński", "Łąka", "małopolskie")
    assert db.execute("SELECT person, email, phone FROM institution_contacts WHERE institution_id = 'i0001'").fetchone() == (
        "Jan Kowalski", "sekretariat@ug-laka.example.pl", "14 612 34 56")
    assert db.execute("SELECT title, category_id FROM dossiers WHERE institution_id = 'i0002'").fetchone() == (
        "Teczka zgłoszeniowa: Starostwo Powiatowe w Bochni", "starostwa-powiatowe")
    assert "wiersz 6: odrzucony" in render_preview(preview, "pl", result=result)

    again = preview_import(db, path)
    assert [r.action for r in again.rows] == [RowAction.UNCHANGED] * 4 + [RowAction.REFUSED]


def test_an_update_lists_each_changed_field_and_empty_cells_keep_values(edition) -> None:
    folder, db = edition
    apply_import(db, preview_import(db, write_csv(folder / "a.csv", GOOD_ROWS)))
    changed = [list(r) for r in GOOD_ROWS]
    changed[0][6] = "ul. Rynek 2, 32-700 Łąka"  # new address
    changed[0][9] = ""  # empty phone: kept
    changed[1][1] = "STAROSTWO  powiatowe w bochni"  # the same institution, written otherwise
    changed[1][5] = "Bochnia"  # the commune given now
    preview = preview_import(db, write_csv(folder / "b.csv", changed, encoding="utf-8-sig"))
    assert [r.action for r in preview.rows] == [RowAction.UPDATE, RowAction.UPDATE, RowAction.UNCHANGED, RowAction.UNCHANGED]
    assert [(c.field, c.old, c.new) for c in preview.rows[0].changes] == [
        ("address", "ul. Rynek 1, 32-700 Łąka", "ul. Rynek 2, 32-700 Łąka")]
    assert [(c.field, c.new) for c in preview.rows[1].changes] == [("commune", "Bochnia")]
    assert "adres: „ul. Rynek 1, 32-700 Łąka” → „ul. Rynek 2, 32-700 Łąka”" in preview.rows[0].reason("pl")
    result = apply_import(db, preview)
    assert result.updated == ("i0001", "i0002") and result.added == ()
    stored = read_institutions(db)
    assert stored["i0002"].name == "Starostwo Powiatowe w Bochni" and stored["i0002"].commune == "Bochnia"
    assert db.execute("SELECT phone FROM institution_contacts WHERE institution_id = 'i0001'").fetchone() == ("14 612 34 56",)


def test_matching_by_id_and_refusals_of_duplicates(edition) -> None:
    folder, db = edition
    header = ["Identyfikator", "Nazwa", "Kategoria"]
    rows = [["T-1", "Urząd Gminy A", "Urzędy gmin"],
            ["T-2", "Urząd Gminy B", "Urzędy gmin"],
            ["T-1", "Urząd Gminy C", "Urzędy gmin"],   # the same id again
            ["", "urząd gminy b", "Urzędy gmin"],     # the same name and category again
            ["", "", "Urzędy gmin"]]
    path = folder / "ids.csv"
    path.write_text("\n".join(";".join(r) for r in [header] + rows) + "\n", encoding="utf-8")
    preview = preview_import(db, path)
    assert [r.action for r in preview.rows] == [RowAction.ADD, RowAction.ADD, RowAction.REFUSED, RowAction.REFUSED, RowAction.REFUSED]
    assert "powtórzenie wiersza 2" in preview.rows[2].reason("pl") and "powtórzenie wiersza 3" in preview.rows[3].reason("pl")
    assert "brak nazwy" in preview.rows[4].reason("pl")
    apply_import(db, preview)
    assert db.execute("SELECT id FROM dossiers WHERE institution_id = 'T-1'").fetchone() == ("d-T-1",)
    renamed = folder / "renamed.csv"
    renamed.write_text("Identyfikator;Nazwa;Kategoria\nT-1;Urząd Gminy A-Nowa;Urzędy gmin\nT-9;Urząd Gminy B;Urzędy gmin\n",
                       encoding="utf-8")
    preview = preview_import(db, renamed)
    assert preview.rows[0].action is RowAction.UPDATE and preview.rows[0].changes[0].new == "Urząd Gminy A-Nowa"
    assert preview.rows[1].action is RowAction.REFUSED and "ma już identyfikator T-2" in preview.rows[1].reason("pl")
    apply_import(db, preview)
    assert db.execute("SELECT title FROM dossiers WHERE id = 'd-T-1'").fetchone() == ("Teczka zgłoszeniowa: Urząd Gminy A-Nowa",)


def test_an_xlsx_with_a_title_row_and_a_formula_without_value(edition) -> None:
    folder, db = edition
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Zgłoszenia do XII edycji"])
    sheet.append(["Name", "Category", "Voivodeship", "County", "Phone"])
    sheet.append(["Urząd Miasta Krakowa", "Urzędy miast", "małopolskie", "Kraków", 126161234])
    sheet.append(['=CONCAT("Urząd ", "Gminy")', "Urzędy gmin", "małopolskie", None, None])
    sheet.append([None, None, None])
    book.save(folder / "lista.xlsx")
    preview = preview_import(db, folder / "lista.xlsx")
    assert preview.header_row == 2 and preview.blank_rows == 1
    assert [r.action for r in preview.rows] == [RowAction.ADD, RowAction.REFUSED]
    assert preview.rows[0].values.phone == "126161234" and preview.rows[0].values.county == "Kraków"
    assert "komórka A4 zawiera formułę bez obliczonej wartości" in preview.rows[1].reason("pl")


@pytest.mark.parametrize("content,code", [
    (b"Kolumna;Inna\nx;y\n", "no_header"),
    (b"Nazwa;Adres\nx;y\n", "no_category_column"),
    (b"Nazwa;Kategoria;Name\nx;y;z\n", "duplicate_column"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "old_excel"),
    (b"PK\x03\x04 not really a workbook", "bad_xlsx"),
    (b"   \n", "empty_file"),
])
def test_unreadable_files_are_refused_and_change_nothing(edition, content: bytes, code: str) -> None:
    folder, db = edition
    path = folder / "lista.csv"
    path.write_bytes(content)
    before = dump(folder / "E.sqlite")
    with pytest.raises(FormatError) as info:
        preview_import(db, path)
    assert info.value.code == code and info.value.pl and info.value.en
    assert dump(folder / "E.sqlite") == before


def test_apply_refuses_a_stale_preview_and_leaves_the_database_byte_for_byte(edition) -> None:
    folder, db = edition
    preview = preview_import(db, write_csv(folder / "a.csv", GOOD_ROWS))
    institutions.add_institution(db, InstitutionFields(name="Urząd Gminy Zawoja", category="Urzędy gmin"))
    before = dump(folder / "E.sqlite")
    with pytest.raises(ValidationError) as info:
        apply_import(db, preview)
    assert info.value.code == "preview_outdated"
    assert dump(folder / "E.sqlite") == before


def test_apply_writes_all_or_nothing(edition, monkeypatch) -> None:
    folder, db = edition
    preview = preview_import(db, write_csv(folder / "a.csv", GOOD_ROWS))
    before = dump(folder / "E.sqlite")
    from juror_app.store import edition_setup

    calls = []

    def failing(db_, contact, *, updated_at):
        calls.append(contact)
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(edition_setup, "write_contact", failing)
    with pytest.raises(sqlite3.OperationalError):
        apply_import(db, preview)
    assert calls and dump(folder / "E.sqlite") == before


def test_nothing_is_imported_while_results_are_frozen(edition) -> None:
    folder, db = edition
    preview = preview_import(db, write_csv(folder / "a.csv", GOOD_ROWS))
    lock_results(db, "Przewodniczący")
    with pytest.raises(ValidationError) as info:
        apply_import(db, preview)
    assert info.value.code == "results_locked"


# --- one by hand ---------------------------------------------------------------------------------


def test_add_and_edit_by_hand_with_the_same_rules(edition) -> None:
    folder, db = edition
    problems = institutions.institution_field_problems(db, InstitutionFields(name="", category="Gminy", voivodeship="X"))
    assert {p.field for p in problems} == {"name", "category", "voivodeship"}
    record = institutions.add_institution(db, InstitutionFields(
        name="Urząd Gminy Zawoja", category="urzedy gmin", voivodeship="małopolskie", county="suski",
        email="ug@zawoja.example.pl"))
    assert record.institution.id == "i0001" and record.dossier_id == "d0001" and record.contact.email == "ug@zawoja.example.pl"
    duplicate = institutions.institution_field_problems(db, InstitutionFields(name="urząd gminy ZAWOJA", category="Urzędy gmin"))
    assert [p.code for p in duplicate] == ["duplicate"]
    before = dump(folder / "E.sqlite")
    with pytest.raises(ValidationError) as info:
        institutions.add_institution(db, InstitutionFields(name="Urząd Gminy Zawoja", category="Urzędy gmin"))
    assert info.value.code == "institution_invalid" and dump(folder / "E.sqlite") == before
    fields = institutions.fields_of(record, institutions.categories_of(db))
    assert fields.category == "Urzędy gmin"
    edited = institutions.update_institution(db, "i0001", replace(fields, category="Starostwa powiatowe", email="", county=""))
    assert edited.institution.category_id == "starostwa-powiatowe" and edited.institution.county == ""
    assert edited.contact.email == ""  # the form's empty field clears it
    assert db.execute("SELECT category_id FROM dossiers WHERE id = 'd0001'").fetchone() == ("starostwa-powiatowe",)


# --- what travels to jurors ----------------------------------------------------------------------


def _bundle_for_one_juror(folder: Path, db) -> tuple[Path, JurorProfile]:
    profile = JurorProfile(folder / "profile")
    create_profile(profile.folder, name="Anna Nowak", affiliation="UAM", email="", passphrase=PASS,
                   passphrase_again=PASS, kdf=LIGHT, key=generate_private_key())
    juror_db = profile.open_db()
    export_enrollment(profile, juror_db, PASS, folder / "anna.pu-enrollment")
    juror_db.close()
    juror = setup.enroll(db, read_enrollment(folder / "anna.pu-enrollment"))
    assignment.assign(db, per_dossier=1)
    key = decrypt_private_key((folder / "org.key").read_bytes(), PASS)
    path = folder / "anna.pu-bundle"
    setup.export_bundle(db, BlobStore.beside(folder / "E.sqlite"), juror.id, key, path)
    return path, profile


def test_county_and_commune_travel_contacts_never_do(edition) -> None:
    folder, db = edition
    apply_import(db, preview_import(db, write_csv(folder / "a.csv", GOOD_ROWS)))
    bundle, profile = _bundle_for_one_juror(folder, db)
    with zipfile.ZipFile(bundle) as archive:
        everything = b"".join(archive.read(name) for name in archive.namelist()).decode("utf-8", "replace")
        listed = json.loads(archive.read("dossiers.json"))["institutions"]
    for secret in ("Jan Kowalski", "sekretariat@ug-laka.example.pl", "14 612 34 56"):
        assert secret not in everything
    by_id = {i["id"]: i for i in listed}
    assert (by_id["i0001"]["county"], by_id["i0001"]["commune"]) == ("bocheński", "Łąka")
    assert "commune" not in by_id["i0002"]  # optional fields are written only when set
    juror_db = profile.open_db()
    preview = juror_import.inspect_bundle(juror_db, bundle)
    juror_import.import_bundle(profile, juror_db, bundle, accept_organizer_fingerprint=preview.organizer_fingerprint)
    assert read_institutions(juror_db)["i0001"].county == "bocheński"
    juror_db.close()


def test_a_bundle_without_the_new_fields_is_read_too(demo_editions) -> None:
    from juror_app.workflows.demo.generate import DemoSettings

    folder = demo_editions(DemoSettings(institutions=6, jurors=3, per_dossier=2, seed=5))
    with container.open_container(folder / "bundles" / "j001.pu-bundle", container.BUNDLE) as opened:
        content = read_bundle_content(opened)
        raw = opened.read_json("dossiers.json")
    assert content.institutions and all(i.county == "" and i.commune == "" for i in content.institutions)
    assert all("county" not in i for i in raw["institutions"])


def _institution_reader_before_county(data, path: str = "institution") -> Institution:
    """``institution_from_dict`` as juror apps released before county/commune have it (a verbatim copy)."""
    r = Reader(data, path)
    return Institution(
        id=r.ident("id"), name=r.text("name", min_len=1, max_len=500),
        short_name=r.text("short_name", default="", max_len=200), kind=r.text("kind", default="", max_len=100),
        category_id=r.ident("category"), city=r.text("city", default="", max_len=200),
        voivodeship=r.text("voivodeship", default="", max_len=100), address=r.text("address", default="", max_len=500),
        head=r.text("head", default="", max_len=300), employees=r.integer("employees", default=0, maximum=1_000_000),
    )


def test_juror_apps_that_predate_the_new_fields_read_them_as_unknown_keys() -> None:
    inst = Institution("i0001", "Starostwo Powiatowe", "SP", "", "starostwa-powiatowe", "Bochnia", "małopolskie",
                       county="bocheński", commune="Bochnia")
    data = codec.institution_to_dict(inst)
    assert data["county"] == "bocheński"
    old = _institution_reader_before_county(data)
    assert old.name == inst.name and old.county == ""  # read, the new fields ignored
    assert codec.institution_from_dict(data) == inst
