"""The corpus through a real signed bundle: the juror's import, the full-text index, and the organizer's add_dossiers.

The bundle is made as a hostile (or older) organizer would: the corpus is put into dossier d0001
behind the organizer's own check and signed. The juror's import must check each document itself,
refuse the hostile ones with their reasons without refusing the bundle, and the indexer must skip
them and keep at most the capped text of the rest (issue 11 items 4–6 and 23).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from juror_app.domain.errors import ValidationError
from juror_app.domain.model import Document, DocumentKind, Dossier
from juror_app.store.blobs import BlobStore
from juror_app.store.document_checks import verdicts_of
from juror_app.store.edition_tables import read_dossiers, read_institutions
from juror_app.store.organizer_schema import open_organizer_db
from juror_app.workflows import pdf_check
from juror_app.workflows.demo import generate as demo
from juror_app.workflows.juror import bundle_import as juror_import
from juror_app.workflows.juror import document_checks, document_text
from juror_app.workflows.juror import scoring as juror_scoring
from juror_app.workflows.juror.profile import JurorProfile, create_profile
from juror_app.workflows.organizer.documents import add_dossiers

PASS = "zielona-łódka-pływa-nocą-2026"


def _dump(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


def _resident() -> int:
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _profile(folder: Path, seed: int) -> JurorProfile:
    profile = JurorProfile(folder)
    create_profile(folder, name="Juror 1", affiliation="UAM", email="", passphrase=PASS, passphrase_again=PASS,
                   kdf=demo.DEMO_KDF, key=demo.demo_key(seed, "juror-1"))
    return profile


def _import(profile: JurorProfile, bundle: Path, **kwargs):
    db = profile.open_db()
    preview = juror_import.inspect_bundle(db, bundle)
    return db, juror_import.import_bundle(profile, db, bundle, accept_organizer_fingerprint=preview.organizer_fingerprint,
                                          **kwargs)


@pytest.fixture(scope="module")
def imported(hostile_edition, tmp_path_factory):
    """Juror j001's profile with the hostile bundle imported and checked, as the import dialog does it in two
    phases (shared: tests here only read it, or copy it)."""
    profile = _profile(tmp_path_factory.mktemp("juror") / "profile", hostile_edition.seed)
    resident = _resident()
    db, result = _import(profile, hostile_edition.bundle)
    outcome = document_checks.check_received(db, profile.documents, result.documents_to_check)
    grown = _resident() - resident
    yield profile, db, outcome, grown
    db.close()


def test_the_bundle_imports_and_each_hostile_document_is_refused_with_its_reason(hostile, hostile_edition,
                                                                                imported) -> None:
    profile, db, result, grown = imported
    expected = {item.name: item.reason for item in hostile.CORPUS}
    shas = {name: sha for name, sha in db.execute(
        "SELECT substr(title, 12), sha256 FROM documents WHERE id LIKE 'd0001-h%'")}
    assert set(shas) == set(expected)
    verdicts = verdicts_of(db, shas.values(), checker_version=pdf_check.CHECKER_VERSION)
    for name, reason in expected.items():
        verdict = verdicts[shas[name]]
        print(f"{name:32s} {verdict.reason:16s} {verdict.message_en}")
        assert verdict.reason == reason, name
    assert db.execute("SELECT count(*) FROM assigned_dossiers").fetchone()[0] == 3, "the bundle itself is imported"
    assert {x.verdict.sha256 for x in result.refused} == {shas[n] for n, r in expected.items() if r != "ok"}
    assert {(x.dossier_id, x.title[11:]) for x in result.refused} == {("d0001", n) for n, r in expected.items() if r != "ok"}
    assert result.left_unchecked == 0
    demo_documents = db.execute("SELECT sha256 FROM documents WHERE id NOT LIKE 'd0001-h%'").fetchall()
    assert all(verdicts_of(db, [s], checker_version=1)[s].ok for (s,) in demo_documents), "the demo's own documents pass"
    print(f"checked {result.checked} documents; this process grew by {grown / (1 << 20):.0f} MiB")
    assert grown < 100 << 20
    juror_scoring.set_score(db, dossier_id="d0001", criterion_id=db.execute("SELECT id FROM criteria LIMIT 1").fetchone()[0],
                            points=1, justification="Dokumenty odrzucone, ocena na podstawie pozostałych.")
    assert db.execute("SELECT count(*) FROM scores WHERE dossier_id = 'd0001'").fetchone()[0] == 1, \
        "the dossier with refused documents is scored as any other"


def test_the_import_commits_the_documents_unchecked_and_a_cancelled_check_leaves_them_so(hostile_edition,
                                                                                       tmp_path: Path) -> None:
    """Phase 1 stores the documents once their hashes match, with no verdict: nothing may open them yet.
    Phase 2 checks them; a cancel keeps the verdicts found and leaves the rest without one (never "passed")."""
    profile = _profile(tmp_path / "profile", hostile_edition.seed)
    db, result = _import(profile, hostile_edition.bundle)
    documents = {sha for (sha,) in db.execute("SELECT DISTINCT sha256 FROM documents")}
    assert set(result.documents_to_check) == documents and result.documents_refused == ()
    assert document_checks.current_verdicts(db, documents) == {}, "no document is cleared by the import itself"
    assert all(profile.documents.has(sha) for sha in documents)
    checked: list[int] = []

    def progress(done: int, total: int, label: str) -> None:
        checked.append(done)

    outcome = document_checks.check_received(db, profile.documents, result.documents_to_check, progress=progress,
                                             cancelled=lambda: len(checked) >= 3)
    verdicts = document_checks.current_verdicts(db, documents)
    print(f"cancelled after {len(checked)} verdicts: {outcome.checked} checked, {outcome.left_unchecked} left")
    assert 3 <= outcome.checked == len(verdicts) < len(documents)
    assert outcome.left_unchecked == len(documents) - len(verdicts) > 0
    again = document_checks.check_received(db, profile.documents, result.documents_to_check)
    assert again.checked == outcome.left_unchecked and again.left_unchecked == 0, "the rest is checked later"
    db.close()


def test_the_indexer_skips_refused_documents_and_caps_the_text(hostile, imported) -> None:
    profile, db, _result, _grown = imported
    resident = _resident()
    result = document_text.index_documents(db, profile.documents, per_page=20_000, per_document=1_000_000)
    grown = _resident() - resident
    refused = {item.name for item in hostile.CORPUS if item.reason != "ok"}
    names = {sha: name for name, sha in db.execute(
        "SELECT substr(title, 12), sha256 FROM documents WHERE id LIKE 'd0001-h%'")}
    assert {names[sha] for sha in result.failed if sha in names} == refused
    for sha, name in names.items():
        error = db.execute("SELECT error FROM document_text_status WHERE sha256 = ?", [sha]).fetchone()[0]
        assert error == (f"refused: {dict((i.name, i.reason) for i in hostile.CORPUS)[name]}" if name in refused else "")
    long_sha = next(sha for sha, name in names.items() if name == "long-text-200-pages")
    kept, longest, pages = db.execute("SELECT sum(length(text)), max(length(text)), count(*) FROM document_text"
                                      " WHERE sha256 = ?", [long_sha]).fetchone()
    print(f"long-text-200-pages (4.8 M characters): {kept:,} kept on {pages} pages, longest page {longest:,}; "
          f"{result.indexed} documents indexed; this process grew by {grown / (1 << 20):.0f} MiB")
    assert kept <= 1_000_000 and longest <= 20_000 and long_sha in result.cut
    assert document_text.search(db, "Polityka jakosci")  # the honest corpus file is searchable
    assert grown < 100 << 20


def test_a_profile_older_than_the_check_is_checked_before_its_text_is_read(hostile_edition, imported,
                                                                          tmp_path: Path) -> None:
    profile, db, _result, _grown = imported
    with db.atomic():
        db.execute("DELETE FROM document_checks")  # as in a profile made before the check existed
        db.execute("DELETE FROM document_text_status")
        db.execute("DELETE FROM document_text")
    result = document_text.index_documents(db, profile.documents)
    assert db.execute("SELECT count(*) FROM document_checks").fetchone()[0] == \
        db.execute("SELECT count(DISTINCT sha256) FROM documents").fetchone()[0]
    assert result.failed and all(reason != "unchecked" for reason in result.failed.values())


def test_add_dossiers_refuses_hostile_documents_with_their_reasons_and_changes_nothing(hostile, corpus,
                                                                                     tmp_path: Path) -> None:
    folder = tmp_path / "edition"
    demo.generate_demo(folder, demo.DemoSettings(institutions=2, jurors=1, per_dossier=1, seed=5, with_packages=False))
    db = open_organizer_db(folder / "organizer.sqlite")
    blobs = BlobStore.beside(folder / "organizer.sqlite")
    demo_checked = db.execute("SELECT count(*), sum(passed) FROM document_checks").fetchone()
    assert demo_checked[0] == 8 and demo_checked[1] == 8, "the demo's own documents were checked and all passed"
    institution = next(iter(read_institutions(db).values()))
    files = {}
    documents = []
    for n, name in enumerate(["plain", "outline-two-item-cycle", "flate-bomb-2gib", "encrypted"], start=1):
        data = corpus[name].read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        files[sha] = data
        documents.append(Document(f"d9001-{n}", "d9001", DocumentKind.OTHER, name, sha, len(data)))
    dossier = Dossier("d9001", institution.id, institution.category_id, "Teczka z plikami od wnioskodawcy",
                      tuple(documents))
    before = _dump(folder / "organizer.sqlite")
    with pytest.raises(ValidationError) as info:
        add_dossiers(db, blobs, [institution], [dossier], files)
    error = info.value
    print(error.message("pl"))
    assert error.code == "documents_refused" and set(error.details["refused"]) == {"d9001-2", "d9001-3", "d9001-4"}
    for text in ("d9001-2", "awarii", "pamięci", "hasłem"):
        assert text in error.message("pl")
    assert "password" in error.message("en")
    assert _dump(folder / "organizer.sqlite") == before, "nothing registered, no verdict recorded"
    honest = Dossier("d9001", institution.id, institution.category_id, "Teczka", (documents[0],))
    verdicts = add_dossiers(db, blobs, [institution], [honest], files)
    assert verdicts[documents[0].sha256].ok and "d9001" in {d.id for d in read_dossiers(db)}
    db.close()
