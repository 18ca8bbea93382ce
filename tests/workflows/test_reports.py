"""Printed summaries from merged demo data, opened with pypdf: pages, bookmarks, page labels, metadata,
Polish text on every page, the data code in every footer, and the attached results identical to
``juror-app results --format json``. Also the juror's own sheet, whose state code the organizer's sheet
repeats after the package is merged."""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import pypdf
import pytest

from juror_app.domain.errors import ValidationError
from juror_app.domain.scoring import Certification
from juror_app.reports.fingerprint import PackageRef, fingerprint_text
from juror_app.reports.parallel import ReportCancelled
from juror_app.store.organizer_schema import (
    choose_distinction,
    lock_results,
    open_organizer_db,
)
from juror_app.workflows.demo import generate as demo
from juror_app.workflows.demo.generate import DemoSettings, generate_demo
from juror_app.workflows.demo.workstation import prepare_demo_workstation
from juror_app.workflows.juror import export as juror_export
from juror_app.workflows.juror import queries as juror_queries
from juror_app.workflows.juror import scoring as juror_scoring
from juror_app.workflows.juror.profile import JurorProfile, create_profile
from juror_app.workflows.juror.score_sheet import build_juror_sheet
from juror_app.workflows.organizer.merge import apply_merge, plan_merge
from juror_app.workflows.organizer.reports import (
    KIND_TITLES,
    ReportKind,
    build_report,
    write_report,
)
from juror_app.workflows.organizer.results import build_results

SETTINGS = DemoSettings(institutions=12, jurors=6, per_dossier=3, seed=11)
MOMENT = datetime(2026, 12, 10, 9, 30, tzinfo=timezone.utc)
POLISH = set("ąęłóśż")  # what any of the documents' fixed wording contains, whatever the data


@pytest.fixture(scope="module")
def merged_template(demo_editions) -> Path:
    return demo_editions(SETTINGS, merged=True)


@pytest.fixture()
def edition(merged_template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "edition"
    shutil.copytree(merged_template, folder)
    return folder


@pytest.fixture(scope="module")
def reports(merged_template: Path) -> dict[ReportKind, object]:
    """Every kind built once from the untouched merged demo (read-only use)."""
    db = open_organizer_db(merged_template / "organizer.sqlite")
    made = {}
    for kind in ReportKind:
        started = time.perf_counter()
        made[kind] = build_report(db, kind, generated_at=MOMENT)
        print(f"{kind.value}: {made[kind].pages} pages, {len(made[kind].pdf):,} B in {time.perf_counter() - started:.2f} s")
    db.close()
    return made


def reader_of(pdf: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf), strict=True)


def outline(reader: pypdf.PdfReader) -> list[tuple[int, str, int]]:
    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                yield from walk(item, depth + 1)
            else:
                yield depth, item.title, reader.get_destination_page_number(item)
    return list(walk(reader.outline, 0))


def texts(reader: pypdf.PdfReader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("kind", list(ReportKind), ids=[k.value for k in ReportKind])
def test_every_kind_has_pages_bookmarks_labels_metadata_and_the_code_on_every_page(kind: ReportKind, reports) -> None:
    report = reports[kind]
    reader = reader_of(report.pdf)
    pages = texts(reader)
    assert len(reader.pages) == report.pages > 1
    code = report.fingerprint.code
    for number, text in enumerate(pages, start=1):
        assert f"Strona {number} z {report.pages}" in text, f"page {number} lacks its number"
        assert f"Kod danych: {code}" in text and "WERSJA ROBOCZA" in text  # the demo's results are not locked
    assert POLISH <= set("".join(pages)), f"missing Polish letters: {POLISH - set(''.join(pages))}"
    assert "Posiedzenie Kapituły" in pages[0] and "Stan wyników" in pages[0]  # extracted as themselves, not as look-alikes
    meta = reader.metadata
    assert meta.title.startswith(KIND_TITLES[kind][0]) and meta.subject == KIND_TITLES[kind][0]
    assert meta["/KapitulaDataFingerprint"] == report.fingerprint.sha256 and code in meta.keywords
    assert meta.creation_date == MOMENT and meta.author.startswith("Biuro Konkursu")
    assert reader.attachments["wyniki.json"] == [report.results_json]
    entries = outline(reader)
    assert entries[0] == (0, KIND_TITLES[kind][0], 0)
    for _, title, page in entries:  # every bookmark leads to a page that shows its title
        assert squeeze(title)[:40] in squeeze(pages[page]), f"bookmark {title!r} → page {page + 1}"
    labels = reader.page_labels
    if kind is ReportKind.SHEETS:
        assert labels[0] == "1" and labels[1] == "j001-1" and all(re.fullmatch(r"j\d{3}-\d+", label) for label in labels[1:])
    else:
        assert labels == [str(n) for n in range(1, report.pages + 1)]
    print(f"{kind.value}: {len(entries)} bookmarks, labels {labels[:3]}…{labels[-1]}")


def test_attachment_is_byte_identical_to_the_results_command(reports, merged_template: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "juror_app", "results", "--db", str(merged_template / "organizer.sqlite"),
                           "--format", "json"], capture_output=True, check=True, timeout=120)
    for kind, report in reports.items():
        attached = reader_of(report.pdf).attachments["wyniki.json"][0]
        assert attached == done.stdout, kind
    print(f"wyniki.json: {len(done.stdout):,} B, identical in all {len(reports)} documents")


def test_bookmarks_follow_the_structure_of_each_document(reports, merged_template: Path) -> None:
    db = open_organizer_db(merged_template / "organizer.sqlite")
    dossiers = db.execute("SELECT count(*) FROM dossiers").fetchone()[0]
    categories = {r[0] for r in db.execute("SELECT DISTINCT category_id FROM dossiers")}
    per_juror = dict(db.execute("SELECT juror_id, count(*) FROM assignments GROUP BY juror_id").fetchall())
    institutions = outline(reader_of(reports[ReportKind.INSTITUTIONS].pdf))
    assert sum(depth == 1 for depth, _, _ in institutions) == dossiers
    assert sum(depth == 0 for depth, _, _ in institutions) == 1 + len(categories)
    ranking = outline(reader_of(reports[ReportKind.RANKING].pdf))
    assert [depth for depth, _, _ in ranking] == [0] * (1 + db.execute("SELECT count(*) FROM categories").fetchone()[0])
    protocol = [title for depth, title, _ in outline(reader_of(reports[ReportKind.PROTOCOL].pdf)) if depth == 0]
    assert protocol[1:] == ["1. Skład Kapituły", "2. Laureaci według kategorii", "3. Wyróżnienia specjalne",
                            "4. Dane, z których sporządzono protokół", "5. Podpisy członków Kapituły"]
    sheets = outline(reader_of(reports[ReportKind.SHEETS].pdf))
    jurors = [i for i, (depth, _, _) in enumerate(sheets) if depth == 0][1:]
    assert len(jurors) == len(per_juror)
    for index, (juror_id, count) in zip(jurors, sorted(per_juror.items())):
        children = [e for e in sheets[index + 1:index + 1 + count] if e[0] == 1]
        assert len(children) == count, juror_id


def test_protocol_names_laureates_distinctions_packages_and_a_fingerprint_anyone_can_recompute(edition: Path) -> None:
    db = open_organizer_db(edition / "organizer.sqlite")
    dossier, institution = db.execute("SELECT d.id, i.name FROM dossiers d JOIN institutions i ON i.id = d.institution_id"
                                      " ORDER BY d.id LIMIT 1").fetchone()
    choose_distinction(db, dossier, "innowacyjny-urzad", note="Łatwy formularz — mniej zwrotów wniosków", by="Biuro")
    report = build_report(db, "protocol", generated_at=MOMENT)
    reader = reader_of(report.pdf)
    text = "\n".join(texts(reader))
    assert squeeze(f"Przyznano: {institution} ({dossier}): Łatwy formularz") in squeeze(text)
    packages = db.execute("SELECT juror_id, revision, manifest_sha256 FROM packages WHERE status = 'merged'"
                          " ORDER BY juror_id").fetchall()
    for juror_id, revision, digest in packages:
        assert digest in squeeze(text), f"package of {juror_id} not listed"
    results = build_results(db)
    certified = [d for d in results.dossiers if d.certification is Certification.CERTIFIED]
    laureates = squeeze(text.split("2. Laureaci według kategorii")[1].split("3. Wyróżnienia specjalne")[0])
    assert certified and all(squeeze(f"{d.name} ({d.dossier_id})") in laureates for d in certified)
    not_certified = [d for d in results.dossiers if d.certification is not Certification.CERTIFIED]
    assert not any(squeeze(f"({d.dossier_id})") in laureates for d in not_certified)
    # The recipe printed in section 4, from the attachment and the package table alone:
    attachment = reader.attachments["wyniki.json"][0]
    recomputed = hashlib.sha256(fingerprint_text(hashlib.sha256(attachment).hexdigest(),
                                                 [PackageRef(*row) for row in packages]).encode()).hexdigest()
    assert recomputed == report.fingerprint.sha256 == reader.metadata["/KapitulaDataFingerprint"]
    assert squeeze(" ".join(recomputed[i:i + 16] for i in range(0, 64, 16))) in squeeze(text)


def test_locking_the_results_removes_the_working_copy_notice_and_changes_the_code(edition: Path, reports) -> None:
    db = open_organizer_db(edition / "organizer.sqlite")
    lock_results(db, "Anna Żak")
    report = build_report(db, "ranking", generated_at=MOMENT)
    pages = texts(reader_of(report.pdf))
    assert not any("WERSJA ROBOCZA" in page for page in pages)
    assert "zablokowane do druku" in pages[0] and "Anna Żak" in pages[0]
    assert report.fingerprint.sha256 != reports[ReportKind.RANKING].fingerprint.sha256  # the lock is part of the results


def test_institution_page_shows_each_jurors_points_mean_spread_and_decision(reports, merged_template: Path) -> None:
    db = open_organizer_db(merged_template / "organizer.sqlite")
    dossier, name = db.execute("SELECT d.id, i.name FROM dossiers d JOIN institutions i ON i.id = d.institution_id"
                               " ORDER BY d.id LIMIT 1").fetchone()
    points = db.execute("SELECT juror_id, points FROM scores WHERE dossier_id = ? AND criterion_id = 'k01' ORDER BY juror_id",
                        [dossier]).fetchall()
    reader = reader_of(reports[ReportKind.INSTITUTIONS].pdf)
    page = next(text for text in texts(reader) if f"Teczka {dossier}" in text)
    mean = sum(p for _, p in points) / len(points)
    assert all(juror_id in page for juror_id, _ in points)
    assert f"{mean:.2f}".replace(".", ",") in page and "Decyzja:" in page and "Wynik ważony" in page
    assert name in page
    shown = reader.pages[texts(reader).index(page)]
    assert list(shown["/Resources"]["/XObject"]) == ["/Fm1"], "the chart (vector: its axes as a form) is on the page"
    assert "% maksymalnej liczby punktów kryterium" in page and not shown.images  # the chart's own text; no raster


def test_sheets_name_the_package_and_end_with_a_signature_line(reports, merged_template: Path) -> None:
    db = open_organizer_db(merged_template / "organizer.sqlite")
    reader = reader_of(reports[ReportKind.SHEETS].pdf)
    pages = texts(reader)
    labels = reader.page_labels
    for juror_id, digest in db.execute("SELECT juror_id, manifest_sha256 FROM packages WHERE status = 'merged'"):
        own = [text for text, label in zip(pages, labels) if label.startswith(f"{juror_id}-")]
        assert own and digest in squeeze(own[0]) and "podpis" in own[-1]
        assert f"Karta {juror_id}: s. 1 z {len(own)}" in own[0]


def test_pool_and_single_process_print_the_same_pages(merged_template: Path) -> None:
    db = open_organizer_db(merged_template / "organizer.sqlite")
    for kind in ("institutions", "sheets"):
        started = time.perf_counter()
        alone = build_report(db, kind, generated_at=MOMENT, workers=1)
        middle = time.perf_counter()
        pooled = build_report(db, kind, generated_at=MOMENT, workers=2)
        print(f"{kind}: one part in this process {middle - started:.2f} s, two worker processes "
              f"{time.perf_counter() - middle:.2f} s (worker start-up included)")
        a, b = reader_of(alone.pdf), reader_of(pooled.pdf)
        assert texts(a) == texts(b) and outline(a) == outline(b) and a.page_labels == b.page_labels


def test_cancel_stops_the_report_and_writes_nothing(edition: Path) -> None:
    db = open_organizer_db(edition / "organizer.sqlite")
    calls = []
    out = edition / "zestawienie.pdf"
    with pytest.raises(ReportCancelled) as raised:
        write_report(db, "institutions", out, workers=2, progress=lambda *args: calls.append(args),
                     cancelled=lambda: len(calls) >= 3)
    assert raised.value.code == "report_cancelled" and "Przerwano" in raised.value.message("pl")
    assert not out.exists() and not list(edition.glob(".zestawienie.pdf.*"))


def test_english_documents(merged_template: Path) -> None:
    db = open_organizer_db(merged_template / "organizer.sqlite")
    report = build_report(db, "institutions", lang="en", generated_at=MOMENT)
    first = texts(reader_of(report.pdf))[0]
    assert f"Page 1 of {report.pages}" in first and "Data code" in first and "Summaries per institution" in first


def test_a_database_without_merged_packages_still_prints(tmp_path: Path) -> None:
    folder = tmp_path / "edition"
    generate_demo(folder, DemoSettings(institutions=6, jurors=3, per_dossier=2, seed=3, with_packages=False))
    db = open_organizer_db(folder / "organizer.sqlite")
    protocol = "\n".join(texts(reader_of(build_report(db, "protocol").pdf)))
    assert "Nie scalono żadnej paczki ocen." in protocol
    sheets = "\n".join(texts(reader_of(build_report(db, "sheets").pdf)))
    assert "Nie scalono jeszcze paczki ocen tej osoby" in sheets and "brak paczki ocen" in sheets


# --- the juror's own sheet ---------------------------------------------------------------------------

def test_juror_sheet_prints_before_export_and_the_organizer_sheet_repeats_its_code(tmp_path: Path) -> None:
    ws = prepare_demo_workstation(tmp_path, settings=DemoSettings(institutions=8, jurors=4, per_dossier=2, seed=5,
                                                                  with_packages=False))
    db = ws.profile.open_db()
    edition_ = juror_queries.edition(db)
    rows = juror_queries.dossier_rows(db)
    for criterion in edition_.criteria:
        juror_scoring.set_score(db, dossier_id=rows[0].dossier_id, criterion_id=criterion.id, points=criterion.step * 3,
                                justification="Spójne standardy obsługi; źródła zewnętrzne potwierdzają.")
    juror_scoring.set_score(db, dossier_id=rows[1].dossier_id, criterion_id=edition_.criteria[0].id, points=1)
    juror_scoring.declare_conflict(db, dossier_id=rows[-1].dossier_id, reason="Współpracowałam z tym urzędem w 2025 r.")
    started = time.perf_counter()
    sheet = build_juror_sheet(db, generated_at=MOMENT)
    print(f"juror's sheet: {sheet.pages} pages in {time.perf_counter() - started:.2f} s, state {sheet.code}")
    reader = reader_of(sheet.pdf)
    text = "\n".join(texts(reader))
    assert f"Stan ocen: {sheet.code}" in text and "jeszcze nie eksportowano" in text
    assert squeeze("Spójne standardy obsługi; źródła zewnętrzne") in squeeze(text)
    assert squeeze("Współpracowałam z tym urzędem w 2025 r.") in squeeze(text)
    assert "brak wymaganego uzasadnienia" in text or "brak oceny" in text  # what is still missing is listed
    assert reader.page_labels[0] == f"{ws.juror_id}-1" and outline(reader)[0][0] == 0
    # export, merge at the organizer's, print the organizer's sheets: the same state code
    package = tmp_path / "j001.pu-scores"
    juror_export.export_package(ws.profile, db, package, ws.passphrase)
    organizer = open_organizer_db(ws.edition_folder / "organizer.sqlite")
    apply_merge(organizer, plan_merge(organizer, [package]), db_path=ws.edition_folder / "organizer.sqlite")
    sheets = build_report(organizer, "sheets")
    own = [t for t, label in zip(texts(reader_of(sheets.pdf)), reader_of(sheets.pdf).page_labels)
           if label.startswith(f"{ws.juror_id}-")]
    assert f"kod {sheet.code}" in own[0]
    again = build_juror_sheet(db, generated_at=MOMENT)
    assert again.code == sheet.code and "następna będzie wersją 2" in texts(reader_of(again.pdf))[0]


def test_juror_sheet_needs_an_assignment(tmp_path: Path) -> None:
    passphrase = "zielona-łódka-pływa-nocą-2026"
    create_profile(tmp_path / "profile", name="Jan Żółkiewski", affiliation="", email="", passphrase=passphrase,
                   passphrase_again=passphrase, kdf=demo.DEMO_KDF)
    db = JurorProfile(tmp_path / "profile").open_db()
    with pytest.raises(ValidationError) as raised:
        build_juror_sheet(db)
    assert raised.value.code == "no_assignment"


# --- characters outside the fonts (issue 11, item 18) ---------------------------------------------

JUSTIFICATION = "Урząd: țară, școală — obsługa 👍 świetna 🚀"


def _pdftotext(pdf: bytes) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext missing: apt-get install -y poppler-utils")
    return subprocess.run([tool, "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


def test_justification_with_cyrillic_romanian_and_emoji_prints_and_reports_what_no_font_has(edition: Path, cli_run) -> None:
    db_path = edition / "organizer.sqlite"
    db = open_organizer_db(db_path)
    juror_id, dossier_id, criterion_id = db.execute(
        "SELECT juror_id, dossier_id, criterion_id FROM scores ORDER BY juror_id, dossier_id, criterion_id LIMIT 1").fetchone()
    with db.atomic():
        db.execute("UPDATE scores SET justification = ? WHERE juror_id = ? AND dossier_id = ? AND criterion_id = ?",
                   [JUSTIFICATION, juror_id, dossier_id, criterion_id])
        db.execute("UPDATE jurors SET name = 'Ioana Țurcanu' WHERE id = ?", [juror_id])
    report = build_report(db, "sheets", generated_at=MOMENT, workers=1)
    text = _pdftotext(report.pdf)
    assert "?" not in text
    assert JUSTIFICATION in text and "Ioana Țurcanu" in text
    assert report.replaced == ("👍", "🚀")
    assert report.notice("pl").startswith("Znaki, których nie dało się wydrukować jako takich: 2 (U+1F44D THUMBS UP SIGN, "
                                          "U+1F680 ROCKET)")
    assert report.notice("en").startswith("2 characters could not be printed as such")
    assert build_report(db, "ranking", generated_at=MOMENT).replaced == ()
    db.close()
    code, stdout, stderr = cli_run("report", "--db", str(db_path), "--kind", "sheets", "--out", str(edition / "k.pdf"))
    assert code == 0 and "Zapisano" in stdout
    assert "Znaki, których nie dało się wydrukować jako takich: 2 (U+1F44D THUMBS UP SIGN, U+1F680 ROCKET)" in stderr
    code, _, stderr = cli_run("--lang", "en", "report", "--db", str(db_path), "--kind", "protocol", "--out",
                              str(edition / "p.pdf"))
    assert code == 0 and "could not be printed" not in stderr  # the protocol prints no justification


def test_juror_sheet_reports_characters_no_font_has(tmp_path: Path) -> None:
    ws = prepare_demo_workstation(tmp_path, settings=DemoSettings(institutions=4, jurors=2, per_dossier=2, seed=9,
                                                                  with_packages=False))
    db = ws.profile.open_db()
    rows = juror_queries.dossier_rows(db)
    criterion = juror_queries.edition(db).criteria[0]
    juror_scoring.set_score(db, dossier_id=rows[0].dossier_id, criterion_id=criterion.id, points=criterion.step,
                            justification=JUSTIFICATION + " 中")
    sheet = build_juror_sheet(db, generated_at=MOMENT)
    assert sheet.replaced == ("中", "👍", "🚀") and "U+4E2D CJK UNIFIED IDEOGRAPH-4E2D" in sheet.notice("en")
    assert squeeze(JUSTIFICATION + " 中") in squeeze(_pdftotext(sheet.pdf))


def test_the_chair_is_named_without_a_gendered_noun_in_every_document(reports, merged_template: Path) -> None:
    """The roster has no grammatical gender: "przewodniczący" would be wrong for a woman chairing."""
    db = open_organizer_db(merged_template / "organizer.sqlite")
    chair_id, chair = db.execute("SELECT id, name FROM jurors WHERE role = 'chair'").fetchone()
    for kind, report in reports.items():
        text = "\n".join(texts(reader_of(report.pdf)))
        assert "przewodnicząc" not in text.lower(), kind
    protocol = "\n".join(texts(reader_of(reports[ReportKind.PROTOCOL].pdf)))
    assert f"Przewodnictwo Kapituły: {chair} ({chair_id})" in protocol
    signatures = squeeze(protocol.split("5. Podpisy członków Kapituły")[1])
    assert signatures.startswith(squeeze(chair)) and "przewodnictwoKapituły" in signatures  # the chair signs first
    sheets = "\n".join(texts(reader_of(reports[ReportKind.SHEETS].pdf)))
    assert squeeze(f"Osoba oceniająca {chair} ({chair_id}) Funkcja przewodnictwo Kapituły") in squeeze(sheets)
    assert squeeze("Funkcja członek Kapituły") in squeeze(sheets)
    english = "\n".join(texts(reader_of(build_report(db, "protocol", lang="en", generated_at=MOMENT).pdf)))
    assert f"Chair of the jury: {chair} ({chair_id})" in english
    assert "chairofthejury" in squeeze(english.split("5. Signatures of the jury")[1])
