"""The PDF check's verdicts in both databases: kept by SHA-256, replaced by a newer checker's, never for a missing file."""

from __future__ import annotations

from pathlib import Path

import pytest

from juror_app.domain.pdf_verdict import PdfVerdict
from juror_app.store import document_checks as checks
from juror_app.store.juror_schema import open_juror_db
from juror_app.store.organizer_schema import open_organizer_db

A, B, C = "a" * 64, "b" * 64, "c" * 64


@pytest.mark.parametrize("opener", [open_juror_db, open_organizer_db], ids=["juror", "organizer"])
def test_verdicts_are_kept_by_content_and_an_older_checker_counts_as_none(opener, tmp_path: Path) -> None:
    db = opener(tmp_path / "db.sqlite")
    with db.atomic():
        kept = checks.record_verdicts(db, [
            PdfVerdict(A, "ok", pages=12, size=3000, checker_version=1),
            PdfVerdict(B, "too_many_pages", pages=100_000, limit=3000, checker_version=1),
            PdfVerdict(C, "missing", checker_version=1),
        ])
    assert kept == 2
    assert checks.verdict_of(db, A, checker_version=1) == PdfVerdict(A, "ok", pages=12, size=3000, checker_version=1)
    refused = checks.verdict_of(db, B, checker_version=1)
    assert not refused.ok and refused.limit == 3000 and "100 000" in refused.message_pl.replace("\u202f", " ")
    assert checks.verdict_of(db, C, checker_version=1) is None, "a missing file says nothing about a content"
    assert checks.verdict_of(db, A, checker_version=2) is None, "a better checker checks again"
    assert checks.unchecked(db, iter([A, B, C]), checker_version=1) == [C]
    assert set(checks.verdicts_of(db, [A, B, C], checker_version=1)) == {A, B}
    with db.atomic():
        checks.record_verdicts(db, [PdfVerdict(B, "ok", pages=2, checker_version=2)])
    assert checks.verdict_of(db, B, checker_version=2).ok
    row = db.execute("SELECT passed, reason, checker_version FROM document_checks WHERE sha256 = ?", [B]).fetchone()
    assert tuple(row) == (1, "ok", 2)
    db.close()
