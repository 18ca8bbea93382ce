"""The small Qt-free reads behind the juror's window: one dossier's row, checked documents, index progress."""

from __future__ import annotations

from pathlib import Path

import pytest

from juror_app.domain.errors import StoreError
from juror_app.domain.model import DossierStatus
from juror_app.workflows.demo.workstation import prepare_demo_workstation
from juror_app.workflows.juror import document_text
from juror_app.workflows.juror import queries as juror_queries
from juror_app.workflows.juror import scoring as juror_scoring
from juror_app.workflows.juror import ui_support as juror_ui_support


@pytest.fixture(scope="module")
def workstation(tmp_path_factory: pytest.TempPathFactory):
    return prepare_demo_workstation(tmp_path_factory.mktemp("ui-support"))


def test_one_row_equals_the_row_in_the_full_list(workstation) -> None:
    db = workstation.profile.open_db()
    try:
        edition = juror_queries.edition(db)
        criterion = edition.criteria[0]
        juror_scoring.set_score(db, dossier_id="d0002", criterion_id=criterion.id, points=4, justification="")
        juror_scoring.declare_conflict(db, dossier_id="d0010", reason="Pracowałem w tym starostwie.")
        juror_scoring.nominate(db, dossier_id="d0001", distinction_id=edition.distinctions[0].id,
                               reason="Wzorcowe e-usługi i prosty język.")
        for row in juror_queries.dossier_rows(db):
            assert juror_ui_support.dossier_row(db, row.dossier_id) == row
            assert juror_ui_support.dossier_row(db, row.dossier_id, edition) == row
        assert juror_ui_support.dossier_row(db, "d0002").status is DossierStatus.IN_PROGRESS
        assert juror_ui_support.dossier_row(db, "d0010").status is DossierStatus.RECUSED
        assert juror_ui_support.dossier_row(db, "d0001").nominated
        assert juror_ui_support.dossier_row(db, "d9999") is None
        assert juror_ui_support.has_assignment(db) and juror_ui_support.database_problems(db) == []
    finally:
        db.close()


def test_a_document_is_checked_before_its_path_is_given(workstation, tmp_path: Path) -> None:
    db = workstation.profile.open_db()
    try:
        documents = juror_queries.dossier_scoring(db, "d0001").documents
    finally:
        db.close()
    path = juror_ui_support.document_file(workstation.profile, documents[0].sha256)
    assert path.is_file() and path.read_bytes().startswith(b"%PDF")
    tampered = workstation.profile.documents.path(documents[1].sha256)
    tampered.write_bytes(tampered.read_bytes().replace(b"%PDF", b"%PDX", 1))
    with pytest.raises(StoreError) as refused:
        juror_ui_support.document_file(workstation.profile, documents[1].sha256)
    assert refused.value.code == "document_changed_on_disk"
    tampered.unlink()
    with pytest.raises(StoreError) as missing:
        juror_ui_support.document_file(workstation.profile, documents[1].sha256)
    assert missing.value.code == "document_missing"


def test_index_progress_counts_documents_indexed(workstation) -> None:
    db = workstation.profile.open_db()
    try:
        done, total = juror_ui_support.index_progress(db)
        assert (done, total) == (0, 24)
        sha = document_text.documents_to_index(db)[0]
        document_text.store_pages(db, sha, ["strona pierwsza"])
        assert juror_ui_support.index_progress(db) == (1, 24)
        print(f"index progress after one document: {juror_ui_support.index_progress(db)}")
    finally:
        db.close()
