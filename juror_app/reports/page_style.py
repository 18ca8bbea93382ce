"""The page furniture every printed document shares, and one *part* of a document being built.

A long document is built in parts (possibly in several processes) and joined by :mod:`assembly`.
So that every page still says "Strona 37 z 412", a document of several parts is laid out twice: once
only to count each part's pages (``Numbering.counting``: nothing is serialised, charts are not
drawn), then for real with the part's first page number and the document's total. Both runs take the
same layout path, so the counts agree (:mod:`parallel` checks it).

Every page carries, in its header, the edition and the document's title with the moment it was
generated, and in its footer the data code (:mod:`fingerprint`), the page number, and, inside a
section such as one juror's score sheet, the section's own page count ("Karta j001: s. 2 z 5").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from juror_app.domain.i18n import pick
from juror_app.reports import formatting as fmt
from juror_app.reports.pdf_layout import FlowDocument
from juror_app.reports.pdf_writer import A4, Page, PdfWriter, text_width

MARGINS = (50.0, 64.0, 50.0, 66.0)  # left, top, right, bottom (points)
FURNITURE_SIZE = 7.5
FURNITURE_GREY = (0.35, 0.35, 0.35)
NOTICE_RED = (0.62, 0.1, 0.1)


def fit_text(text: str, width: float, *, font: str = "regular", size: float = 10) -> str:
    """``text``, shortened with "…" at a word boundary where possible, to at most ``width`` points."""
    if text_width(text, font=font, size=size) <= width:
        return text
    words = text.split()
    while words:
        words.pop()
        candidate = " ".join(words).rstrip(",;:—-– ") + "…"
        if text_width(candidate, font=font, size=size) <= width:
            return candidate
    return "…"


@dataclass(frozen=True)
class DocumentContext:
    """What every page of one document says about where it comes from."""

    lang: str
    title: str  # the kind of document, e.g. "Protokół posiedzenia Kapituły"
    edition: str  # short edition line for the header
    code: str  # the data code: DataFingerprint.code (or the juror's log code)
    code_label: str  # "Kod danych" / "Data code" (a juror's sheet says "Stan ocen")
    generated_at: datetime
    notice: str = ""  # e.g. "WERSJA ROBOCZA: wyniki nie są zablokowane", printed on every page in red
    author: str = ""
    subject: str = ""
    keywords: str = ""


@dataclass(frozen=True)
class Numbering:
    """Where a part sits in the whole document. A document of one part needs no counting run:
    ``Numbering()`` numbers its pages 1…n of n."""

    first: int = 0  # 0-based index of the part's first page in the document
    total: int | None = None  # pages in the whole document; None: this part is the whole document
    counting: bool = False  # only count the pages: nothing is drawn that does not move the layout


COUNTING = Numbering(counting=True)


@dataclass(frozen=True)
class OutlineEntry:
    title: str
    page: int  # index within its part (the assembly adds the part's offset)
    top: float  # points from the top of the page
    level: int  # 0 top level; deeper levels nest under the nearest lower one


@dataclass(frozen=True)
class LabelRange:
    first: int  # page indexes within the part, inclusive
    last: int
    prefix: str
    start: int  # number of the first page of the range


@dataclass(frozen=True)
class PartResult:
    pages: int
    pdf: bytes | None  # None when only counting
    outline: tuple[OutlineEntry, ...] = ()
    labels: tuple[LabelRange, ...] = ()
    items: tuple[int, ...] = ()  # pages per item (institution, juror …), for progress and tests
    replaced: tuple[str, ...] = ()  # characters no embedded font has (see PdfWriter.replaced_characters)


@dataclass
class _Section:
    first: int
    prefix: str
    caption: str  # "Karta j001" / "Sheet j001"
    last: int = -1


@dataclass
class PartBuilder:
    """A :class:`FlowDocument` with the shared header and footer, recording bookmarks and sections."""

    context: DocumentContext
    numbering: Numbering = field(default_factory=Numbering)

    def __post_init__(self) -> None:
        ctx = self.context
        self.counting = self.numbering.counting
        self.writer = PdfWriter(title=ctx.title, author=ctx.author, subject=ctx.subject, keywords=ctx.keywords,
                                creation_date=ctx.generated_at, lang="pl-PL" if ctx.lang == "pl" else "en-GB",
                                page_size=A4)
        self._outline: list[OutlineEntry] = []
        self._sections: list[_Section] = []
        self._item_starts: list[int] = []
        self.doc = FlowDocument(self.writer, margins=MARGINS, footer=self._footer, header=self._header)

    # -- structure -----------------------------------------------------------------------------

    @property
    def lang(self) -> str:
        return self.context.lang

    def heading(self, text: str, level: int = 1, *, outline_level: int | None = None) -> None:
        """A heading, bookmarked at ``outline_level`` (default ``level - 1``; -1: no bookmark)."""
        page, top = self.doc.page.index, self.doc.y
        self.doc.heading(text, level, outline=False)
        outline = level - 1 if outline_level is None else outline_level
        if outline >= 0:
            if self.doc.page.index != page:  # the heading moved to a new page
                page, top = self.doc.page.index, self.doc.top
            self._outline.append(OutlineEntry(" ".join(text.split()), page, top, outline))

    def new_page(self) -> None:
        """Continue on a fresh page (a page that is still empty is reused)."""
        if self.doc.y > self.doc.top:
            self.doc.page_break()

    def start_item(self) -> None:
        """Mark where an item (an institution, a juror) begins, for the per-item page counts."""
        self._item_starts.append(self.doc.page.index)

    def start_section(self, prefix: str, caption: str) -> None:
        """Start a section on a fresh page whose pages get their own labels ("j001-1", …) and footer count."""
        self.new_page()
        if self._sections:
            self._sections[-1].last = self.doc.page.index - 1
        self._sections.append(_Section(self.doc.page.index, prefix, caption))

    # -- the result ----------------------------------------------------------------------------

    def finish(self) -> PartResult:
        pages = len(self.writer.pages)
        if self._sections:
            self._sections[-1].last = pages - 1
        items = tuple(b - a for a, b in zip(self._item_starts, [*self._item_starts[1:], pages]))
        pdf = None if self.counting else self.writer.to_bytes()
        replaced = () if self.counting else self.writer.replaced_characters()
        return PartResult(pages, pdf, tuple(self._outline), self._labels(pages), items, replaced)

    def _labels(self, pages: int) -> tuple[LabelRange, ...]:
        ranges: list[LabelRange] = []
        cursor = 0
        for section in self._sections:
            if section.first > cursor:
                ranges.append(LabelRange(cursor, section.first - 1, "", self.numbering.first + cursor + 1))
            ranges.append(LabelRange(section.first, section.last, section.prefix, 1))
            cursor = section.last + 1
        if cursor < pages:
            ranges.append(LabelRange(cursor, pages - 1, "", self.numbering.first + cursor + 1))
        return tuple(ranges)

    def _section_of(self, index: int) -> _Section | None:
        for section in self._sections:
            if section.first <= index <= (section.last if section.last >= 0 else index):
                return section
        return None

    # -- furniture -----------------------------------------------------------------------------

    def _header(self, page: Page) -> None:
        ctx = self.context
        left, right = MARGINS[0], page.width - MARGINS[2]
        y = 36.0
        title = f"{ctx.title} · {fmt.timestamp(ctx.generated_at, ctx.lang)}"
        title_width = text_width(title, size=FURNITURE_SIZE)
        page.text(right - title_width, y, title, size=FURNITURE_SIZE, color=FURNITURE_GREY)
        edition = fit_text(ctx.edition, right - left - title_width - 14, size=FURNITURE_SIZE)
        page.text(left, y, edition, size=FURNITURE_SIZE, color=FURNITURE_GREY)
        page.line(left, y + 5, right, y + 5, width=0.4, color=(0.7, 0.7, 0.7))

    def _footer(self, page: Page, n: int, local_total: int) -> None:
        ctx = self.context
        left, right = MARGINS[0], page.width - MARGINS[2]
        y = page.height - 40.0
        page.line(left, y - 10, right, y - 10, width=0.4, color=(0.7, 0.7, 0.7))
        total = local_total if self.numbering.total is None else self.numbering.total
        number = pick(f"Strona {self.numbering.first + n} z {total}", f"Page {self.numbering.first + n} of {total}",
                      ctx.lang)
        page.text((page.width - text_width(number, font="bold", size=FURNITURE_SIZE)) / 2, y, number, font="bold",
                  size=FURNITURE_SIZE)
        code = f"{ctx.code_label}: {ctx.code}"
        page.text(left, y, code, font="mono", size=FURNITURE_SIZE)
        section = self._section_of(page.index)
        if section is not None:
            length = section.last - section.first + 1 if section.last >= 0 else 0
            mine = page.index - section.first + 1
            text = pick(f"{section.caption}: s. {mine} z {length}", f"{section.caption}: p. {mine} of {length}", ctx.lang)
            page.text(right - text_width(text, size=FURNITURE_SIZE), y, text, size=FURNITURE_SIZE)
        if ctx.notice:
            width = text_width(ctx.notice, font="bold", size=FURNITURE_SIZE)
            page.text((page.width - width) / 2, y + 11, ctx.notice, font="bold", size=FURNITURE_SIZE, color=NOTICE_RED)
