"""The juror's core workflows without Qt: profile, bundle import, scoring, export, search."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from juror_app.domain import edit_log
from juror_app.domain.errors import (
    SignatureError,
    TrustError,
    UserError,
    ValidationError,
)
from juror_app.domain.model import DossierStatus
from juror_app.exchange import container
from juror_app.exchange.keys import WrongPassphraseError, generate_private_key
from juror_app.exchange.package import read_package_content
from juror_app.store.blobs import BlobStore
from juror_app.store.organizer_schema import open_organizer_db
from juror_app.workflows.demo import generate as demo
from juror_app.workflows.juror import bundle_import as juror_import
from juror_app.workflows.juror import document_text
from juror_app.workflows.juror import export as juror_export
from juror_app.workflows.juror import queries as juror_queries
from juror_app.workflows.juror import scoring as juror_scoring
from juror_app.workflows.juror.profile import JurorProfile, create_profile, profile_info
from juror_app.workflows.organizer import merge
from juror_app.workflows.organizer.setup import export_bundle
from juror_app.workflows.organizer.verify import verify_file

SEED = 11
PASS = "zielona-łódka-pływa-nocą-2026"


@pytest.fixture(scope="module")
def edition(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("edition") / "demo"
    demo.generate_demo(folder, demo.DemoSettings(institutions=8, jurors=3, per_dossier=2, seed=SEED, with_packages=False))
    return folder


def _dump(path: Path) -> str:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


def make_profile(tmp_path: Path, juror: int = 1) -> JurorProfile:
    profile = JurorProfile(tmp_path / f"profile-{juror}")
    create_profile(profile.folder, name=f"Juror {juror}", affiliation="UAM", email="", passphrase=PASS,
                   passphrase_again=PASS, kdf=demo.DEMO_KDF, key=demo.demo_key(SEED, f"juror-{juror}"))
    return profile


def imported(tmp_path: Path, edition: Path, juror: int = 1):
    profile = make_profile(tmp_path, juror)
    db = profile.open_db()
    bundle = edition / "bundles" / f"j00{juror}{demo.BUNDLE_SUFFIX}"
    preview = juror_import.inspect_bundle(db, bundle)
    juror_import.import_bundle(profile, db, bundle, accept_organizer_fingerprint=preview.organizer_fingerprint)
    return profile, db


# --- profile ---------------------------------------------------------------------------------


@pytest.mark.parametrize("kwargs,code", [
    ({"passphrase_again": "inne hasło"}, "passphrases_differ"),
    ({"passphrase": "haslo123", "passphrase_again": "haslo123"}, "weak_passphrase"),
    ({"name": "   "}, "field_required"),
    ({"email": "nie mail"}, "bad_email"),
])
def test_profile_refusals_leave_nothing_behind(tmp_path: Path, kwargs: dict, code: str) -> None:
    args = {"name": "Anna Nowak", "affiliation": "UAM", "email": "", "passphrase": PASS, "passphrase_again": PASS}
    args.update(kwargs)
    with pytest.raises(ValidationError) as info:
        create_profile(tmp_path / "p", kdf=demo.DEMO_KDF, **args)
    assert info.value.code == code and info.value.message("pl")
    assert not (tmp_path / "p").exists()


def test_profile_has_key_and_fingerprint(tmp_path: Path) -> None:
    info = create_profile(tmp_path / "p", name="Anna  Nowak", affiliation="UAM", email="a@example.org",
                          passphrase=PASS, passphrase_again=PASS, kdf=demo.DEMO_KDF)
    assert info.name == "Anna Nowak" and len(info.fingerprint) == 19 and info.ssh_fingerprint.startswith("SHA256:")
    with pytest.raises(UserError) as again:
        create_profile(tmp_path / "p", name="X", affiliation="", email="", passphrase=PASS, passphrase_again=PASS)
    assert again.value.code == "profile_exists"


# --- import ----------------------------------------------------------------------------------


def test_first_import_needs_the_confirmed_fingerprint_and_pins_it(tmp_path: Path, edition: Path) -> None:
    profile = make_profile(tmp_path)
    db = profile.open_db()
    bundle = edition / "bundles" / "j001.pu-bundle"
    preview = juror_import.inspect_bundle(db, bundle)
    assert preview.needs_pinning and preview.action is juror_import.BundleAction.FIRST_IMPORT
    before = _dump(profile.database_path)
    with pytest.raises(TrustError) as info:
        juror_import.import_bundle(profile, db, bundle, accept_organizer_fingerprint="AAAA-BBBB-CCCC-DDDD")
    assert info.value.code == "organizer_not_confirmed"
    assert _dump(profile.database_path) == before
    result = juror_import.import_bundle(profile, db, bundle, accept_organizer_fingerprint=preview.organizer_fingerprint)
    assert result.dossiers == preview.dossiers > 0
    assert profile_info(db).juror_id == "j001"
    again = juror_import.import_bundle(profile, db, bundle)
    assert again.action is juror_import.BundleAction.ALREADY_IMPORTED


def test_bundle_for_another_juror_is_refused_unchanged(tmp_path: Path, edition: Path) -> None:
    profile, db = imported(tmp_path, edition)
    before = _dump(profile.database_path)
    with pytest.raises(TrustError) as info:
        juror_import.inspect_bundle(db, edition / "bundles" / "j002.pu-bundle")
    assert info.value.code == "bundle_for_another_juror"
    assert "j002" not in info.value.message("pl") or "organizatora" in info.value.message("pl")
    assert _dump(profile.database_path) == before


def test_bundle_signed_by_a_foreign_key_is_refused(tmp_path: Path, edition: Path) -> None:
    profile, db = imported(tmp_path, edition)
    work = tmp_path / "org"
    shutil.copytree(edition, work)
    odb = open_organizer_db(work / "organizer.sqlite")
    from juror_app.exchange import sshsig
    from juror_app.exchange.keys import fingerprint

    stranger = generate_private_key()
    odb.execute("UPDATE organizer_key SET public_key = ?, fingerprint = ?",
                [sshsig.public_key_to_openssh(stranger.public_key()), fingerprint(stranger.public_key())])
    odb.conn.commit()
    forged = export_bundle(odb, BlobStore.beside(work / "organizer.sqlite"), "j001", stranger, tmp_path / "forged.pu-bundle")
    before = _dump(profile.database_path)
    with pytest.raises(SignatureError) as info:
        juror_import.import_bundle(profile, db, forged.path)
    assert info.value.code == "foreign_organizer_key"
    assert _dump(profile.database_path) == before


def test_newer_bundle_updates_and_keeps_every_score_older_is_refused(tmp_path: Path, edition: Path) -> None:
    profile, db = imported(tmp_path, edition)
    rows = juror_queries.dossier_rows(db)
    kept, dropped = rows[0].dossier_id, rows[1].dossier_id
    juror_scoring.set_score(db, dossier_id=kept, criterion_id="k01", points=6, justification="Dobre standardy.")
    juror_scoring.set_score(db, dossier_id=dropped, criterion_id="k01", points=4, justification="")
    work = tmp_path / "org"
    shutil.copytree(edition, work)
    odb = open_organizer_db(work / "organizer.sqlite")
    new_dossier = odb.execute(
        "SELECT id FROM dossiers WHERE id NOT IN (SELECT dossier_id FROM assignments WHERE juror_id = 'j001') LIMIT 1"
    ).fetchone()[0]
    with odb.atomic():
        odb.execute("DELETE FROM assignments WHERE juror_id = 'j001' AND dossier_id = ?", [dropped])
        odb.execute("INSERT INTO assignments (juror_id, dossier_id, assigned_at) VALUES ('j001', ?, '2026-10-20T10:00:00Z')",
                    [new_dossier])
    newer = export_bundle(odb, BlobStore.beside(work / "organizer.sqlite"), "j001", demo.demo_key(SEED, "organizer"),
                          tmp_path / "j001-r2.pu-bundle")
    assert newer.revision == 2
    result = juror_import.import_bundle(profile, db, newer.path)
    assert result.action is juror_import.BundleAction.UPDATE
    assert result.dossiers_added == (new_dossier,) and result.dossiers_removed == (dropped,)
    ids = {r.dossier_id for r in juror_queries.dossier_rows(db)}
    assert kept in ids and new_dossier in ids and dropped not in ids
    assert db.execute("SELECT count(*) FROM scores").fetchone()[0] == 2, "scores of a removed dossier are kept"
    before = _dump(profile.database_path)
    with pytest.raises(TrustError) as info:
        juror_import.import_bundle(profile, db, edition / "bundles" / "j001.pu-bundle")
    assert info.value.code == "bundle_older_revision"
    assert _dump(profile.database_path) == before


def test_cancelled_import_changes_nothing(tmp_path: Path, edition: Path) -> None:
    profile = make_profile(tmp_path)
    db = profile.open_db()
    bundle = edition / "bundles" / "j001.pu-bundle"
    fp = juror_import.inspect_bundle(db, bundle).organizer_fingerprint
    before = _dump(profile.database_path)
    calls = []
    with pytest.raises(UserError) as info:
        juror_import.import_bundle(profile, db, bundle, accept_organizer_fingerprint=fp,
                                   progress=lambda d, t, label: calls.append(d), cancelled=lambda: len(calls) > 3)
    assert info.value.code == "import_cancelled"
    assert _dump(profile.database_path) == before
    leftovers = [p for p in profile.folder.rglob("*.part")]
    assert leftovers == []


def test_import_peak_memory_does_not_hold_the_documents(tmp_path: Path, edition: Path) -> None:
    import tracemalloc

    profile = make_profile(tmp_path)
    db = profile.open_db()
    bundle = edition / "bundles" / "j001.pu-bundle"
    fp = juror_import.inspect_bundle(db, bundle).organizer_fingerprint
    tracemalloc.start()
    juror_import.import_bundle(profile, db, bundle, accept_organizer_fingerprint=fp)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    size = bundle.stat().st_size
    print(f"bundle {size / 1e6:.1f} MB, import peak traced memory {peak / 1e6:.1f} MB")
    assert peak < max(8_000_000, size)  # chunked streaming: bounded by chunk size + JSON, not by PDFs


# --- scoring ---------------------------------------------------------------------------------


def test_scoring_writes_the_log_in_the_same_transaction(tmp_path: Path, edition: Path) -> None:
    profile, db = imported(tmp_path, edition)
    d = juror_queries.dossier_rows(db)[0].dossier_id
    change = juror_scoring.set_score(db, dossier_id=d, criterion_id="k01", points=10, justification="")
    assert change.status is DossierStatus.IN_PROGRESS and change.log_seq == 1
    assert juror_scoring.set_score(db, dossier_id=d, criterion_id="k01", points=10, justification="").log_seq is None
    state = juror_queries.dossier_scoring(db, d)
    assert ("I.1", "justification") in [(m.code, m.what) for m in state.missing]
    with pytest.raises(ValidationError):
        juror_scoring.set_score(db, dossier_id=d, criterion_id="k10", points=2.25)
    for criterion in juror_queries.edition(db).criteria:
        juror_scoring.set_score(db, dossier_id=d, criterion_id=criterion.id, points=criterion.max_points / 2 + 0,
                                justification="Uzasadnienie: łatwość załatwiania spraw.")
    assert juror_queries.dossier_scoring(db, d).status is DossierStatus.COMPLETE
    juror_scoring.nominate(db, dossier_id=d, distinction_id="innowacyjny-urzad", reason="Elektroniczny system kolejkowy.")
    other = juror_queries.dossier_rows(db)[1].dossier_id
    juror_scoring.set_score(db, dossier_id=other, criterion_id="k02", points=3)
    change = juror_scoring.declare_conflict(db, dossier_id=other, reason="Pracowałam w tej jednostce do 2022 r.")
    assert change.status is DossierStatus.RECUSED
    assert db.execute("SELECT count(*) FROM scores WHERE dossier_id = ?", [other]).fetchone()[0] == 0
    with pytest.raises(ValidationError) as info:
        juror_scoring.set_score(db, dossier_id=other, criterion_id="k01", points=5)
    assert info.value.code == "dossier_recused"
    lines = [r[0] for r in db.execute("SELECT line FROM edit_log ORDER BY seq")]
    entries, _ = edit_log.parse_and_verify(lines)
    state = edit_log.replay(entries)
    stored = {(r[0], r[1]): (r[2], r[3]) for r in db.execute("SELECT dossier_id, criterion_id, points, justification FROM scores")}
    assert state.scores == stored
    assert set(state.conflicts) == {other}


def test_unassigned_dossier_takes_no_scores(tmp_path: Path, edition: Path) -> None:
    profile, db = imported(tmp_path, edition)
    with pytest.raises(ValidationError) as info:
        juror_scoring.set_score(db, dossier_id="d9999", criterion_id="k01", points=5)
    assert info.value.code == "dossier_not_assigned"


# --- export ----------------------------------------------------------------------------------


def test_export_holds_exactly_the_scores_and_verifies(tmp_path: Path, edition: Path) -> None:
    profile, db = imported(tmp_path, edition)
    rows = juror_queries.dossier_rows(db)
    entered = {}
    for criterion in juror_queries.edition(db).criteria[:5]:
        points = criterion.step * 3
        juror_scoring.set_score(db, dossier_id=rows[0].dossier_id, criterion_id=criterion.id, points=points,
                                justification=f"Ocena {criterion.code}: dobra praktyka, żółw.")
        entered[(rows[0].dossier_id, criterion.id)] = points
    juror_scoring.declare_conflict(db, dossier_id=rows[1].dossier_id, reason="Członek rodziny jest zatrudniony w jednostce.")
    preview = juror_export.export_preview(db)
    assert preview.revision == 1 and preview.counts[DossierStatus.RECUSED] == 1 and preview.scores == 5
    target = tmp_path / preview.suggested_name
    with pytest.raises(WrongPassphraseError):
        juror_export.export_package(profile, db, target, "złe hasło")
    assert not target.exists() and list(tmp_path.glob("*.part")) == []
    assert juror_export.export_preview(db).revision == 1, "a wrong passphrase burns no revision"
    result = juror_export.export_package(profile, db, target, PASS)
    assert result.revision == 1 and target.is_file()
    report = verify_file(target, organizer_db=open_organizer_db(edition / "organizer.sqlite"))
    assert report.ok, report.render("en")
    with container.open_container(target, container.PACKAGE) as opened:
        content = read_package_content(opened)
    assert {(s.dossier_id, s.criterion_id): s.points for s in content.scores} == entered
    assert juror_export.export_preview(db).revision == 2


def test_line_separators_in_a_justification_export_verify_and_merge(tmp_path: Path, edition: Path) -> None:
    """Text pasted from Word can hold U+2028/U+2029/U+0085, which the log's canonical JSON keeps raw:
    the log must be split on "\\n" only, or the juror's own package would be unreadable."""
    profile, db = imported(tmp_path, edition)
    rows = juror_queries.dossier_rows(db)
    criterion = juror_queries.edition(db).criteria[0]
    pasted = "Pierwszy akapit z Worda.\u2028Drugi wiersz.\u2029Trzeci akapit.\u0085Koniec."
    juror_scoring.set_score(db, dossier_id=rows[0].dossier_id, criterion_id=criterion.id, points=criterion.max_points,
                            justification=pasted)
    juror_scoring.nominate(db, dossier_id=rows[0].dossier_id, distinction_id="innowacyjny-urzad",
                           reason="Kolejka online.\u2028Obsługa w języku migowym.")
    target = tmp_path / juror_export.export_preview(db).suggested_name
    juror_export.export_package(profile, db, target, PASS)
    organizer = tmp_path / "organizer.sqlite"
    shutil.copyfile(edition / "organizer.sqlite", organizer)
    org_db = open_organizer_db(organizer)
    report = verify_file(target, organizer_db=org_db)
    assert report.ok, report.render("en")
    plan = merge.plan_merge(org_db, [target])
    assert [(f.outcome.value, f.code) for f in plan.files] == [("new", "")]
    merge.apply_merge(org_db, plan, db_path=organizer)
    assert org_db.execute("SELECT justification FROM scores WHERE dossier_id = ? AND criterion_id = ?",
                          [rows[0].dossier_id, criterion.id]).fetchone()[0] == pasted
    assert org_db.execute("SELECT reason FROM nominations").fetchone()[0] == "Kolejka online.\u2028Obsługa w języku migowym."


# --- search ----------------------------------------------------------------------------------


def test_search_finds_polish_words_with_and_without_diacritics(tmp_path: Path, edition: Path) -> None:
    profile, db = imported(tmp_path, edition)
    result = document_text.index_documents(db, profile.documents)
    assert result.indexed > 0 and not result.failed
    for query in ("pełnomocnik", "pelnomocnik", "PEŁNOMOCNIK", "skarg"):
        hits = document_text.search(db, query)
        assert hits, query
        hit = hits[0]
        assert document_text.fold(hit.snippet[hit.highlight[0]:hit.highlight[1]]).startswith(document_text.fold(query)[:5])
    print(f"indexed {result.indexed} documents; 'pełnomocnik': {len(document_text.search(db, 'pełnomocnik'))} pages")
    assert document_text.search(db, "zzzqqq") == []
    assert document_text.search(db, "  \"* ") == []


def test_broken_pdf_is_recorded_not_fatal(tmp_path: Path, edition: Path) -> None:
    profile, db = imported(tmp_path, edition)
    sha = db.execute("SELECT sha256 FROM documents d JOIN assigned_dossiers a ON a.dossier_id = d.dossier_id LIMIT 1").fetchone()[0]
    path = profile.documents.path(sha)
    path.chmod(0o644)
    path.write_bytes(path.read_bytes()[:400])
    result = document_text.index_documents(db, profile.documents, timeout=20)
    assert sha in result.failed
    assert result.indexed > 0


def test_a_document_changed_after_signing_is_refused_and_not_stored(tmp_path: Path, edition: Path) -> None:
    """Documents are received on two threads: a changed one stops the import with its own reason."""
    import zipfile

    bundle = tmp_path / "changed.pu-bundle"
    shutil.copyfile(edition / "bundles" / "j001.pu-bundle", bundle)
    with zipfile.ZipFile(bundle) as archive:
        documents = [i for i in archive.infolist() if i.filename.startswith("documents/") and i.file_size > 100]
    target = documents[len(documents) // 2]
    with open(bundle, "r+b") as handle:  # one byte of the stored PDF's data, in place: same length, same structure
        handle.seek(target.header_offset + 26)
        name_length, extra_length = int.from_bytes(handle.read(2), "little"), int.from_bytes(handle.read(2), "little")
        handle.seek(target.header_offset + 30 + name_length + extra_length + target.file_size // 2)
        byte = handle.read(1)
        handle.seek(-1, 1)
        handle.write(bytes([byte[0] ^ 0xFF]))
    profile = make_profile(tmp_path)
    db = profile.open_db()
    fp = juror_import.inspect_bundle(db, bundle).organizer_fingerprint
    before = _dump(profile.database_path)
    with pytest.raises(UserError) as info:
        juror_import.import_bundle(profile, db, bundle, accept_organizer_fingerprint=fp)
    assert info.value.code == "member_hash_mismatch"
    assert _dump(profile.database_path) == before
    changed_sha = target.filename.split("/")[-1].split(".")[0]
    assert not profile.documents.has(changed_sha)
    assert list(profile.folder.rglob("*.part")) == []
