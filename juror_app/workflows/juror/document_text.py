"""Full-text search across the dossiers' PDFs on the juror's laptop.

Text is read by the PDF checker's child process (:class:`juror_app.workflows.pdf_check.TextExtractor`):
pdfium, the engine the window and its find bar use and the check has already run on every page of
the document, in a process with time and memory caps (SECURITY.md: a malicious PDF must not take
the application down), one document at a time. Only documents that passed the check are read;
those never checked (a profile older than the check) are checked first, refused ones are recorded
with their reason and skipped. The text kept is capped per page and per document (issue 11 item 23:
one 0.79 MB PDF of 5,000 pages once became 120 M characters). Page texts go into SQLite FTS5 with
a folded copy (see :mod:`juror_app.domain.text_folding`), so "lodz", "Łódź" and "ŁÓDŹ" find each other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from sqlite_utils import Database

from juror_app.domain import pdf_verdict
from juror_app.domain.text_folding import fold
from juror_app.domain.timestamps import utc_now
from juror_app.store.blobs import BlobStore
from juror_app.workflows.juror.document_checks import CHECKER_VERSION, check_documents

EXTRACT_SECONDS = pdf_verdict.CHECK_SECONDS
EXTRACT_MEMORY_BYTES = pdf_verdict.CHECK_MEMORY_BYTES
# A dense A4 page of 8-point text holds about 8,000 characters: two and a half times that is kept,
# and a page that holds more is no page a person reads (it is cut, and the rest of it is not searchable).
TEXT_PER_PAGE_CHARS = 20_000
# About 800 ordinary pages (2,500 characters each) of a real dossier, 2 M characters (~10 MB in the
# database with the folded copy and the index); past it the document's further pages are not searchable.
TEXT_PER_DOCUMENT_CHARS = 2_000_000
REFUSED_PREFIX = "refused: "
_WORD = re.compile(r"\w+", re.UNICODE)


def documents_to_index(db: Database) -> list[str]:
    """Assigned documents not indexed yet, and refused ones to look at again (a newer checker may pass them)."""
    return [r[0] for r in db.execute(
        "SELECT DISTINCT d.sha256 FROM documents d JOIN assigned_dossiers a ON a.dossier_id = d.dossier_id"
        " LEFT JOIN document_text_status s ON s.sha256 = d.sha256"
        " LEFT JOIN document_checks c ON c.sha256 = d.sha256 AND c.checker_version >= ?"
        " WHERE s.sha256 IS NULL OR (s.error LIKE 'refused: %' AND (c.sha256 IS NULL OR c.passed = 1))"
        " ORDER BY d.sha256", [CHECKER_VERSION],
    )]


def store_pages(db: Database, sha256: str, pages: list[str] | tuple[str, ...], error: str = "") -> None:
    """Record a document's page texts (or why there are none) in one transaction."""
    with db.atomic():
        db.execute("DELETE FROM document_text WHERE sha256 = ?", [sha256])
        db.conn.executemany(
            "INSERT INTO document_text (sha256, page, text, folded) VALUES (?, ?, ?, ?)",
            [(sha256, i, text, fold(text)) for i, text in enumerate(pages)],
        )
        db.execute(
            "INSERT OR REPLACE INTO document_text_status (sha256, pages, indexed_at, error) VALUES (?, ?, ?, ?)",
            [sha256, len(pages), utc_now(), error],
        )


@dataclass(frozen=True)
class IndexResult:
    indexed: int
    failed: dict[str, str]  # SHA-256 → why it has no text (refused by the check, or the reader failed)
    cut: tuple[str, ...] = ()  # documents whose text was cut at the caps


def index_documents(db: Database, blobs: BlobStore, *, progress: Callable[[int, int, str], None] | None = None,
                    cancelled: Callable[[], bool] | None = None, timeout: float = EXTRACT_SECONDS,
                    memory: int = EXTRACT_MEMORY_BYTES, per_page: int = TEXT_PER_PAGE_CHARS,
                    per_document: int = TEXT_PER_DOCUMENT_CHARS) -> IndexResult:
    """Extract and index every assigned document not yet indexed; safe to stop and resume."""
    from juror_app.workflows.pdf_check import Caps, TextExtractor  # starts processes: only when there is work

    stop = cancelled or (lambda: False)
    todo = documents_to_index(db)
    failed: dict[str, str] = {}
    cut: list[str] = []
    if not todo:
        return IndexResult(0, failed)
    verdicts = check_documents(db, blobs, todo, cancelled=stop)
    done = indexed = 0
    with TextExtractor(Caps(seconds=timeout, memory=memory)) as extractor:
        for sha in todo:
            if stop():
                break
            verdict = verdicts.get(sha)
            path = blobs.path(sha)
            if verdict is None or not path.is_file():
                failed[sha] = "missing" if not path.is_file() else "unchecked"
                continue  # missing or changed on disk: nothing recorded, the viewer says what is wrong
            if not verdict.ok:
                failed[sha] = verdict.reason
                store_pages(db, sha, [], error=REFUSED_PREFIX + verdict.reason)
            else:
                result = extractor.extract(path, per_page=per_page, per_document=per_document, cancelled=stop)
                if result.reason == "cancelled":
                    break
                if result.reason == pdf_verdict.OK:
                    store_pages(db, sha, result.texts)
                    indexed += 1
                    if result.cut:
                        cut.append(sha)
                else:
                    failed[sha] = result.reason
                    store_pages(db, sha, [], error=result.reason)
            done += 1
            if progress:
                progress(done, len(todo), sha)
    return IndexResult(indexed, failed, tuple(cut))


@dataclass(frozen=True)
class SearchHit:
    dossier_id: str
    institution: str
    document_id: str
    document_title: str
    page: int  # from 0
    snippet: str  # original text around the hit
    highlight: tuple[int, int]  # the hit's span inside ``snippet``


def _fts_query(query: str) -> str | None:
    words = _WORD.findall(fold(query))
    return " ".join(f'"{w}"*' for w in words) if words else None


def _snippet(text: str, words: list[str], width: int = 70) -> tuple[str, tuple[int, int]]:
    folded = fold(text)
    best = None
    for word in words:
        match = re.search(r"(?<!\w)" + re.escape(word), folded)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), match.start() + len(word))
    if best is None:
        return " ".join(text[: 2 * width].split()), (0, 0)
    start = max(0, best[0] - width)
    end = min(len(text), best[1] + width)
    prefix = "…" if start > 0 else ""
    raw = text[start:end]
    head = prefix + raw[: best[0] - start]
    hit = raw[best[0] - start: best[1] - start]
    tail = raw[best[1] - start:] + ("…" if end < len(text) else "")
    head, hit, tail = (" ".join(part.replace("\n", " ").split(" ")) for part in (head, hit, tail))
    return head + hit + tail, (len(head), len(head) + len(hit))


def search(db: Database, query: str, *, limit: int = 200) -> list[SearchHit]:
    """Pages of assigned dossiers matching every word of ``query`` (prefixes, any case, any diacritics)."""
    fts = _fts_query(query)
    if fts is None:
        return []
    words = _WORD.findall(fold(query))
    rows = db.execute(
        "SELECT t.sha256, t.page, t.text, d.id, d.title, d.dossier_id, i.name"
        " FROM document_text_fts f JOIN document_text t ON t.rowid = f.rowid"
        " JOIN documents d ON d.sha256 = t.sha256"
        " JOIN assigned_dossiers a ON a.dossier_id = d.dossier_id"
        " JOIN dossiers ds ON ds.id = d.dossier_id JOIN institutions i ON i.id = ds.institution_id"
        " WHERE document_text_fts MATCH ? ORDER BY a.position, d.position, t.page LIMIT ?",
        [fts, limit],
    ).fetchall()
    hits = []
    for sha, page, text, doc_id, title, dossier_id, institution in rows:
        snippet, span = _snippet(text, words)
        hits.append(SearchHit(dossier_id, institution, doc_id, title, page, snippet, span))
    return hits
