"""A small, fast PDF 1.7 writer: text in embedded font subsets, lines, rectangles, RGB images, and
vector drawings (e.g. matplotlib charts, :mod:`pdf_matplotlib`) inline or as shared Form XObjects.

Why not Qt or reportlab: the core may not import PySide6, and the demo edition writes thousands
of dossier PDFs (a 3-page document must cost about a millisecond once the fonts are prepared).

Coordinates are PostScript points with the origin at the TOP-LEFT corner of the page and y
growing downwards (as on screen; :mod:`pdf_page` draws, :mod:`pdf_serialize` writes the file,
:mod:`pdf_text` measures and wraps). Text is drawn in the faces of :mod:`pdf_fonts` ("regular",
"bold", "italic", "mono": DejaVu with fallbacks, and a visible box for what no font has) as Type0 /
CIDFontType2 fonts with Identity-H encoding, a CIDToGIDMap and a ToUnicode CMap, so every character
displays in pdfium, poppler and others and extracts as itself (:meth:`PdfWriter.replaced_characters`
names those drawn as boxes). Only the font files a document uses are embedded, as compact subsets
(:mod:`pdf_embed`). With a fixed ``creation_date`` the output is byte-identical for the same input.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from juror_app.domain.errors import UserError
from juror_app.fsutil import atomic_write
from juror_app.reports.pdf_embed import OVERFLOW_CODE
from juror_app.reports.pdf_fonts import FACE_CHAINS, LAST_RESORT, WIDE_CODES
from juror_app.reports.pdf_page import Color, Drawing, Page, rgba_to_rgb
from juror_app.reports.pdf_serialize import Serializer, used_characters
from juror_app.reports.pdf_text import text_width, wrap

__all__ = ["A4", "A4_LANDSCAPE", "FACES", "Color", "Drawing", "Page", "PdfWriter", "rgba_to_rgb", "text_width", "wrap"]

A4: tuple[float, float] = (595.28, 841.89)
A4_LANDSCAPE: tuple[float, float] = (841.89, 595.28)
FACES: tuple[str, ...] = tuple(FACE_CHAINS)


class PdfWriter:
    """Collects pages and writes one PDF 1.7 file (see the module docstring)."""

    def __init__(
        self,
        *,
        title: str = "",
        author: str = "",
        subject: str = "",
        keywords: str = "",
        creator: str = "juror-app",
        page_size: tuple[float, float] = A4,
        compress: bool = True,
        creation_date: datetime | None = None,
        lang: str = "pl-PL",
    ) -> None:
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.creator = creator
        self.page_size = page_size
        self.compress = compress
        self.creation_date = creation_date
        self.lang = lang
        self._pages: list[Page] = []
        self._outline: list[tuple[str, Page, float, int]] = []
        self._wide: dict[tuple[int, str], int] = {}  # (font file, character beyond the BMP) → its code here
        self._wide_next: dict[int, int] = {}
        self._overflow: set[str] = set()
        self._forms: dict[str, Drawing] = {}  # name → drawing written once as a Form XObject
        self._form_boxes: dict[str, tuple[float, float]] = {}

    def new_page(self, size: tuple[float, float] | None = None) -> Page:
        """Append a page (of the document's page size unless ``size`` is given)."""
        page = Page(self, len(self._pages), size or self.page_size)
        self._pages.append(page)
        return page

    @property
    def pages(self) -> list[Page]:
        """The pages so far, in order (a copy: add pages with :meth:`new_page`)."""
        return list(self._pages)

    def add_outline(self, title: str, page: Page, y: float, level: int = 0) -> None:
        """A bookmark to ``y`` on ``page``; level 0 is top level, each deeper level nests under
        the nearest preceding entry of a lower level."""
        if page._writer is not self:
            raise ValueError("the outline entry points to a page of another document")
        if level < 0:
            raise ValueError("outline level must be 0 or more")
        self._outline.append((title, page, y, level))

    def new_drawing(self, width: float, height: float) -> Drawing:
        """An empty drawing of ``width`` × ``height`` points for this document."""
        return Drawing(self, width, height)

    def form(self, drawing: Drawing) -> str:
        """Keep ``drawing`` as one Form XObject of this document (pages that place it share it)."""
        if drawing.writer is not self:
            raise ValueError("the drawing belongs to another document")
        for name, known in self._forms.items():
            if known is drawing:
                return name
        name = f"Fm{len(self._forms) + 1}"
        self._forms[name] = drawing
        self._form_boxes[name] = (drawing.width, drawing.height)
        return name

    def replaced_characters(self) -> tuple[str, ...]:
        """The characters drawn so far that no embedded font has (each shown as the box of its
        Unicode block, kept in the text layer; control characters extract as U+FFFD), sorted."""
        found = set(self._overflow)
        found.update(used_characters(self._pages, self._forms.values()).get(LAST_RESORT, ()))
        return tuple(sorted(found))

    def _wide_code(self, index: int, ch: str) -> int:
        """This document's code for a character beyond the BMP drawn with font file ``index``."""
        code = self._wide.get((index, ch))
        if code is None:
            used = self._wide_next.get(index, 0)
            if used >= len(WIDE_CODES):  # over 2,048 distinct such characters in one font: U+FFFD
                self._overflow.add(ch)
                return OVERFLOW_CODE
            code = self._wide[(index, ch)] = WIDE_CODES[used]
            self._wide_next[index] = used + 1
        return code

    def save(self, path: Path | str) -> None:
        """Write the PDF atomically: a temporary file in the same folder, fsync, then rename."""
        path = Path(path)
        data = self.to_bytes()
        try:
            atomic_write(path, data)
        except OSError as exc:
            raise UserError(
                "pdf_save_failed",
                pl=f"Nie udało się zapisać pliku PDF {path}: {exc.strerror or exc}. "
                "Sprawdź, czy folder istnieje, czy jest miejsce na dysku i czy masz prawo zapisu.",
                en=f"Could not save the PDF file {path}: {exc.strerror or exc}. "
                "Check that the folder exists, that the disk has free space and that you may write there.",
                path=str(path),
            ) from exc

    def to_bytes(self) -> bytes:
        """Serialise the document: runs every page's deferred drawing first; a document without
        pages gets one blank page (a PDF needs at least one)."""
        pages = self._pages or [self.new_page()]
        for page in pages:
            page._run_late()
        return Serializer(self, pages).run()
