"""What the PDF check found about one document, and the limits it holds documents to.

Applicants make the PDFs; a signature on the bundle does not vouch for their insides. Every
document is therefore checked once, in a child process (``juror_app.workflows.pdf_check``), and the
verdict is kept by the document's SHA-256: the window opens only documents that passed. A verdict
names a stable reason code and says, in Polish and English, what was wrong.

The limits are here, beside the messages that quote them, because they are rules of the product
(which documents the window opens), not details of the machinery that enforces them.
"""

from __future__ import annotations

from dataclasses import dataclass

from juror_app.domain.i18n import pick, plural_pl

# The window opens at most this many pages. Real dossiers have tens to a few hundred pages (DOMAIN.md);
# QPdfView lays out every page when a document opens, on the GUI thread (100,000 pages froze the
# window for 12 s, issue 11 item 7; ~0.85 s on an idle VM here): 3,000 pages is ten times the
# thickest real dossier and opens in a few tenths of a second even at the slow rate measured there.
MAX_VIEWER_PAGES = 3_000
# An outline nested deeper than this is refused. QtPdf builds its bookmark tree recursively and a
# deep chain overflows the stack (100,000 levels: a segmentation fault of the whole window); the
# window's GUI thread has less stack left than the checker's, so the margin is wide: no honest
# outline is more than a dozen levels deep, and pypdf stops at the same 100.
MAX_OUTLINE_DEPTH = 100
# The same cap the assignment bundle puts on one member (exchange.container): anything larger could
# not travel to a juror anyway.
MAX_DOCUMENT_BYTES = 1 << 30
# Time for one document. An honest 3,000-page text document is checked in about 4 s on the 2-core
# build VM; a laptop five times slower still fits. The page-tree document hung for > 90 s.
CHECK_SECONDS = 30.0
# Memory for the checking process. A 600-dpi colour A4 scan decodes to ~100 MiB; ten times that is
# room for any honest page, while the bombs took 3.1–3.2 GiB.
CHECK_MEMORY_BYTES = 1 << 30

OK = "ok"
BROKEN = "broken"
ENCRYPTED = "encrypted"
EMPTY = "empty"
TOO_MANY_PAGES = "too_many_pages"
OUTLINE_TOO_DEEP = "outline_too_deep"
TOO_LARGE = "too_large"
TIME_LIMIT = "time_limit"
MEMORY_LIMIT = "memory_limit"
CRASHED = "crashed"
MISSING = "missing"
REASONS = (OK, BROKEN, ENCRYPTED, EMPTY, TOO_MANY_PAGES, OUTLINE_TOO_DEEP, TOO_LARGE, TIME_LIMIT, MEMORY_LIMIT,
           CRASHED, MISSING)


def _pages_pl(n: int, accusative: bool = False) -> str:
    """"1 strona", "3 strony", "100 000 stron" (digits grouped by a narrow space, as Polish prints them)."""
    return f"{n:,}".replace(",", "\u202f") + " " + plural_pl(n, "stronę" if accusative else "strona", "strony", "stron")


def _pages_en(n: int) -> str:
    return f"{n:,} {'page' if n == 1 else 'pages'}"


def _mib(n: int) -> str:
    return f"{max(1, round(n / (1 << 20)))} MiB"


@dataclass(frozen=True)
class PdfVerdict:
    """The check's outcome for one document (``limit``: the cap it ran into, in pages, levels, bytes or seconds)."""

    sha256: str
    reason: str
    pages: int = 0
    size: int = 0  # bytes of the file
    limit: int = 0
    detail: str = ""  # a short technical note for the log and the database (never shown alone)
    checker_version: int = 0
    peak_memory: int = 0  # bytes, of the checking process, where the platform tells (not stored)

    @property
    def ok(self) -> bool:
        return self.reason == OK

    def message(self, lang: str | None = None) -> str:
        return pick(self.message_pl, self.message_en, lang)

    @property
    def message_pl(self) -> str:
        r, limit = self.reason, self.limit
        if r == OK:
            return f"Dokument sprawdzony: {_pages_pl(self.pages)}."
        if r == BROKEN:
            return "Ten plik jest uszkodzony albo nie jest plikiem PDF."
        if r == ENCRYPTED:
            return "Ten PDF jest chroniony hasłem."
        if r == EMPTY:
            return "Ten PDF nie ma ani jednej strony."
        if r == TOO_MANY_PAGES:
            return (f"Ten PDF ma {_pages_pl(self.pages, True)}, a w tym oknie można otworzyć "
                    f"najwyżej {_pages_pl(limit, True)}.")
        if r == OUTLINE_TOO_DEEP:
            return f"Spis treści (zakładki) tego PDF jest zagnieżdżony głębiej niż {limit} poziomów."
        if r == TOO_LARGE:
            return f"Ten plik jest za duży ({_mib(self.size)}; najwyżej {_mib(limit)})."
        if r == TIME_LIMIT:
            return f"Sprawdzanie tego PDF przerwano po {limit} s: czytnik PDF zawiesza się na nim albo pracuje bez końca."
        if r == MEMORY_LIMIT:
            return f"Ten PDF potrzebował więcej niż {_mib(limit)} pamięci (np. strona, która rozpakowuje się do gigabajtów)."
        if r == CRASHED:
            return "Czytnik PDF ulega awarii na tym dokumencie (np. zapętlony spis treści)."
        if r == MISSING:
            return "Brak pliku dokumentu."
        return f"Dokument odrzucony ({r})."

    @property
    def message_en(self) -> str:
        r, limit = self.reason, self.limit
        if r == OK:
            return f"Document checked: {_pages_en(self.pages)}."
        if r == BROKEN:
            return "This file is damaged or is not a PDF."
        if r == ENCRYPTED:
            return "This PDF is protected with a password."
        if r == EMPTY:
            return "This PDF has no pages."
        if r == TOO_MANY_PAGES:
            return (f"This PDF has {_pages_en(self.pages)}; this window opens at most "
                    f"{_pages_en(limit)}.")
        if r == OUTLINE_TOO_DEEP:
            return f"This PDF's outline (bookmarks) is nested deeper than {limit} levels."
        if r == TOO_LARGE:
            return f"This file is too large ({_mib(self.size)}; at most {_mib(limit)})."
        if r == TIME_LIMIT:
            return f"Checking this PDF was stopped after {limit} s: the PDF reader hangs on it or works without end."
        if r == MEMORY_LIMIT:
            return f"This PDF needed more than {_mib(limit)} of memory (e.g. a page that inflates to gigabytes)."
        if r == CRASHED:
            return "The PDF reader crashes on this document (e.g. an outline that loops)."
        if r == MISSING:
            return "The document's file is missing."
        return f"Document refused ({r})."
