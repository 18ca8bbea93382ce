"""Writing a bundle refuses what every reader would refuse: a 0-byte document (issue 11, item 22).

Refused before anything is written, with a message that names the dossier, its institution and the
document, both from ``write_bundle`` itself and from the organizer's export (nothing recorded as issued).
"""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

import pytest

from juror_app.domain.errors import ValidationError
from juror_app.domain.model import Document, DocumentKind
from juror_app.exchange import bundle, container
from juror_app.store.blobs import BlobStore
from juror_app.workflows.organizer.setup import export_bundle

EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()


def _genuine_content(demo) -> bundle.BundleContent:
    with container.open_container(demo.bundle_path("j001"), container.BUNDLE) as opened:
        return bundle.read_bundle_content(opened)


def _assert_names_the_document(error: ValidationError, dossier_id: str, institution: str, title: str) -> None:
    assert error.code == "empty_document"
    for text in (error.pl, error.en):
        assert dossier_id in text and institution in text and title in text, text
    assert "0 B" in error.pl and "0 B" in error.en


def test_write_bundle_refuses_a_zero_byte_document_before_writing(demo, tmp_path: Path) -> None:
    content = _genuine_content(demo)
    first = content.dossiers[0]
    empty = Document(f"{first.id}-pusty", first.id, DocumentKind.OTHER, "Załącznik nr 3", EMPTY_SHA256, 0)
    broken = dataclasses.replace(content, dossiers=(dataclasses.replace(first, documents=(*first.documents, empty)),
                                                    *content.dossiers[1:]))
    (tmp_path / "empty.pdf").write_bytes(b"")
    blobs = BlobStore(demo.root / "organizer.documents")
    target = tmp_path / "out" / "j001.pu-bundle"
    target.parent.mkdir()
    with pytest.raises(ValidationError) as refused:
        bundle.write_bundle(target, organizer_key=demo.organizer_key(), content=broken,
                            document_path=lambda sha: tmp_path / "empty.pdf" if sha == EMPTY_SHA256 else blobs.path(sha))
    institution = next(i.name for i in content.institutions if i.id == first.institution_id)
    _assert_names_the_document(refused.value, first.id, institution, empty.title)
    assert list(target.parent.iterdir()) == [], "nothing may be written, not even a temporary file"
    print(refused.value.pl)


def test_the_organizers_export_names_the_dossier_and_records_nothing(demo, organizer_db, tmp_path: Path,
                                                                    dump_sha256) -> None:
    db = organizer_db
    dossier_id, institution = db.execute(
        "SELECT d.id, i.name FROM assignments a JOIN dossiers d ON d.id = a.dossier_id"
        " JOIN institutions i ON i.id = d.institution_id WHERE a.juror_id = 'j001' ORDER BY d.id LIMIT 1").fetchone()
    blobs = BlobStore(demo.root / "organizer.documents")
    with db.atomic():
        db["documents"].insert({"id": "pusty-1", "dossier_id": dossier_id, "kind": "other", "title": "Skan, który się nie zapisał",
                                "sha256": EMPTY_SHA256, "size": 0, "pages": 0, "position": 99})
    empty_blobs = BlobStore(tmp_path / "documents")
    empty_blobs.put(b"")
    before = dump_sha256(db)

    class Both(BlobStore):
        def path(self, sha256: str) -> Path:
            return empty_blobs.path(sha256) if sha256 == EMPTY_SHA256 else blobs.path(sha256)

    out = tmp_path / "bundles" / "j001.pu-bundle"
    out.parent.mkdir()
    with pytest.raises(ValidationError) as refused:
        export_bundle(db, Both(blobs.root), "j001", demo.organizer_key(), out)
    _assert_names_the_document(refused.value, dossier_id, institution, "Skan, który się nie zapisał")
    assert list(out.parent.iterdir()) == [] and dump_sha256(db) == before
    print(refused.value.en)
