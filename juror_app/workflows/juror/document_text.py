"""Full-text search across the dossiers' PDFs on the juror's laptop.

Text is extracted with pypdf in a child process with a time and memory cap (SECURITY.md: a
malicious or broken PDF must not take the application down), one document at a time; a document
that fails or hangs is recorded with its error and skipped. Page texts go into SQLite FTS5 with a
folded copy (see :mod:`juror_app.domain.text_folding`), so "lodz", "Łódź" and "ŁÓDŹ" find each other.
"""

from __future__ import annotations

import multiprocessing
import re
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Callable

from sqlite_utils import Database

from juror_app.domain.text_folding import fold
from juror_app.domain.timestamps import utc_now
from juror_app.store.blobs import BlobStore

EXTRACT_SECONDS = 60.0
EXTRACT_MEMORY_BYTES = 1 << 30
MAX_PAGES = 5000
_WORD = re.compile(r"\w+", re.UNICODE)


def _limit_memory(limit: int) -> None:
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):
        pass  # not on this platform; the time cap still applies


def _extract_worker(conn: Connection, memory: int) -> None:
    """Child process: read paths from the pipe, answer with page texts or an error string."""
    _limit_memory(memory)
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    while True:
        path = conn.recv()
        if path is None:
            return
        try:
            reader = PdfReader(path)
            if reader.is_encrypted:
                conn.send(("error", "encrypted"))
                continue
            pages = [page.extract_text() or "" for page in reader.pages[:MAX_PAGES]]
            conn.send(("ok", pages))
        except MemoryError:
            conn.send(("error", "memory limit"))
        except Exception as exc:  # noqa: BLE001 - the child reports any parser failure as data
            conn.send(("error", f"{exc.__class__.__name__}: {str(exc)[:200]}"))


class _Extractor:
    """A child process that extracts text; restarted after a hang or a crash."""

    def __init__(self, timeout: float, memory: int) -> None:
        self.timeout = timeout
        self.memory = memory
        self._context = multiprocessing.get_context("spawn")
        self._start()

    def _start(self) -> None:
        self._conn, child = self._context.Pipe()
        self._process = self._context.Process(target=_extract_worker, args=(child, self.memory), daemon=True)
        self._process.start()
        child.close()

    def extract(self, path: Path) -> tuple[str, object]:
        try:
            self._conn.send(str(path))
            if self._conn.poll(self.timeout):
                return self._conn.recv()
            reason = "time limit"
        except (EOFError, OSError, BrokenPipeError):
            reason = "crashed"
        self._process.kill()
        self._process.join()
        self._start()
        return ("error", reason)

    def close(self) -> None:
        try:
            self._conn.send(None)
        except (OSError, BrokenPipeError):
            pass
        self._process.join(timeout=5)
        if self._process.is_alive():
            self._process.kill()


def documents_to_index(db: Database) -> list[str]:
    return [r[0] for r in db.execute(
        "SELECT DISTINCT d.sha256 FROM documents d JOIN assigned_dossiers a ON a.dossier_id = d.dossier_id"
        " WHERE d.sha256 NOT IN (SELECT sha256 FROM document_text_status) ORDER BY d.sha256"
    )]


def store_pages(db: Database, sha256: str, pages: list[str], error: str = "") -> None:
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
    failed: dict[str, str]


def index_documents(db: Database, blobs: BlobStore, *, progress: Callable[[int, int, str], None] | None = None,
                    cancelled: Callable[[], bool] | None = None, timeout: float = EXTRACT_SECONDS,
                    memory: int = EXTRACT_MEMORY_BYTES) -> IndexResult:
    """Extract and index every assigned document not yet indexed; safe to stop and resume."""
    todo = documents_to_index(db)
    failed: dict[str, str] = {}
    if not todo:
        return IndexResult(0, failed)
    extractor = _Extractor(timeout, memory)
    done = 0
    try:
        for sha in todo:
            if cancelled and cancelled():
                break
            path = blobs.path(sha)
            if not path.is_file():
                failed[sha] = "missing"
                continue
            kind, value = extractor.extract(path)
            if kind == "ok":
                store_pages(db, sha, list(value))  # type: ignore[arg-type]
            else:
                failed[sha] = str(value)
                store_pages(db, sha, [], error=str(value))
            done += 1
            if progress:
                progress(done, len(todo), sha)
    finally:
        extractor.close()
    return IndexResult(done - len(failed), failed)


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
