"""Flowing layout over :class:`~juror_app.reports.pdf_writer.PdfWriter`: text that runs on from
page to page.

A :class:`FlowDocument` keeps a cursor (the top of the next block, in points from the top of the
page) and breaks pages on its own: paragraphs and lists break between lines, tables between rows
(the header row is repeated on every page; a row taller than a whole page is split between its
lines), headings are kept with the start of what follows. Every page gets its footer at
serialisation time, when the total page count is known ("Strona 3 z 7").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from juror_app.reports.pdf_writer import Color, Page, PdfWriter, text_width, wrap

LEADING = 1.3  # line pitch as a multiple of the text size
BASELINE = 0.95  # baseline below the top of a line, as a multiple of the text size
HEADING_SIZES = {1: 16.0, 2: 13.0, 3: 11.5}
HEADING_SIZE_DEEPER = 10.5
BLACK: Color = (0, 0, 0)
GREY: Color = (0.35, 0.35, 0.35)
RULE_GREY: Color = (0.7, 0.7, 0.7)
HEADER_FILL: Color = (0.86, 0.89, 0.94)
ZEBRA_FILL: Color = (0.95, 0.95, 0.95)
ALIGNMENTS = ("left", "right", "center")

FooterFn = Callable[[Page, int, int], None]


def page_number_footer(
    template: str = "Strona {n} z {total}", *, size: float = 8, color: Color = GREY, distance: float = 30
) -> FooterFn:
    """A footer drawing ``template`` centred ``distance`` points above the bottom edge.

    ``template`` may use ``{n}`` (this page, from 1) and ``{total}`` (pages in the document);
    pass e.g. "Page {n} of {total}" for an English document.
    """

    def draw(page: Page, n: int, total: int) -> None:
        text = template.format(n=n, total=total)
        x = (page.width - text_width(text, size=size)) / 2
        page.text(x, page.height - distance, text, size=size, color=color)

    return draw


DEFAULT_FOOTER: FooterFn = page_number_footer()


class FlowDocument:
    """Places blocks one below another on the writer's pages, starting a new page when needed.

    ``margins`` are (left, top, right, bottom) in points; the footer and the optional ``header``
    draw inside the bottom and top margins. The first page is created at once.
    """

    def __init__(
        self,
        writer: PdfWriter,
        *,
        margins: tuple[float, float, float, float] = (56, 56, 56, 64),
        footer: FooterFn | None = DEFAULT_FOOTER,
        header: Callable[[Page], None] | None = None,
    ) -> None:
        self.writer = writer
        self.left, self.top, self.right, self.bottom = (float(m) for m in margins)
        self._footer = footer
        self._header = header
        self._page = self._start_page()
        self._y = self.top

    # -- cursor -------------------------------------------------------------------------------

    @property
    def page(self) -> Page:
        """The page being filled."""
        return self._page

    @property
    def y(self) -> float:
        """Top of the next block, in points from the top of the current page."""
        return self._y

    @property
    def width(self) -> float:
        """Width of the text column in points."""
        return self._page.width - self.left - self.right

    @property
    def limit(self) -> float:
        """Lowest y that content may reach on the current page."""
        return self._page.height - self.bottom

    def page_break(self) -> None:
        """Continue on a new page."""
        self._page = self._start_page()
        self._y = self.top

    def ensure_space(self, points: float) -> None:
        """Break the page unless ``points`` of height fit below the cursor (never leaves a page
        empty: a block taller than a whole page starts at the top and is split by its drawer)."""
        if self._y + points > self.limit and self._y > self.top:
            self.page_break()

    def space(self, points: float) -> None:
        """Vertical space; space that would run past the bottom is not carried to the next page."""
        self._y = min(self._y + points, self.limit)

    # -- blocks -------------------------------------------------------------------------------

    def heading(self, text: str, level: int = 1, *, outline: bool = True) -> None:
        """A bold heading (level 1, 2, 3, …) with a bookmark of outline level ``level - 1``.

        It is kept with the first lines of what follows, so it never ends a page.
        """
        if level < 1:
            raise ValueError("heading level starts at 1")
        size = HEADING_SIZES.get(level, HEADING_SIZE_DEEPER)
        lines = wrap(text, self.width, font="bold", size=size)
        before = size * 0.6 if self._y > self.top else 0.0
        self.ensure_space(before + len(lines) * size * LEADING + 3 * 10 * LEADING)
        if self._y > self.top:
            self._y += before
        if outline:
            self.writer.add_outline(" ".join(text.split()), self._page, self._y, level=level - 1)
        self._lines(lines, self.left, size=size, font="bold", color=BLACK)
        self._y += size * 0.35

    def paragraph(
        self,
        text: str,
        *,
        size: float = 10,
        font: str = "regular",
        space_after: float = 6,
        indent: float = 0,
        color: Color = BLACK,
    ) -> None:
        """Wrapped text; ``\\n`` starts a new line, an empty line leaves a blank line."""
        lines = wrap(text, self.width - indent, font=font, size=size)
        self._lines(lines, self.left + indent, size=size, font=font, color=color)
        self._y += space_after

    def bullets(
        self,
        items: Sequence[str],
        *,
        size: float = 10,
        font: str = "regular",
        space_after: float = 6,
        indent: float = 0,
        bullet: str = "•",
        color: Color = BLACK,
    ) -> None:
        """A bulleted list; wrapped lines hang under the text, not under the bullet."""
        hang = size * 1.2
        x = self.left + indent
        for item in items:
            lines = wrap(item, self.width - indent - hang, font=font, size=size)
            self.ensure_space(size * LEADING)
            self._page.text(x, self._y + size * BASELINE, bullet, font=font, size=size, color=color)
            self._lines(lines, x + hang, size=size, font=font, color=color)
            self._y += size * 0.2
        self._y += space_after

    def key_values(
        self,
        pairs: Sequence[tuple[str, str]],
        *,
        size: float = 10,
        key_width: float | None = None,
        space_after: float = 6,
    ) -> None:
        """Label–value rows: the label in bold on the left, the value wrapped beside it.

        ``key_width`` is in points (default: the widest label, at most 40% of the column).
        """
        gap = size
        if key_width is None:
            widest = max((text_width(key, font="bold", size=size) for key, _ in pairs), default=0)
            key_width = min(widest + 1, self.width * 0.4)
        value_width = self.width - key_width - gap
        for key, value in pairs:
            columns = [
                wrap(key, key_width, font="bold", size=size),
                wrap(value, value_width, size=size),
            ]
            self._row(
                columns,
                [self.left, self.left + key_width + gap],
                [key_width, value_width],
                ["left", "left"],
                fonts=["bold", "regular"],
                size=size,
                padding=0,
                after=size * 0.25,
            )
        self._y += space_after

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[object]],
        *,
        widths: Sequence[float] | None = None,
        align: Sequence[str] | None = None,
        size: float = 9,
        zebra: bool = True,
        padding: float = 3,
        space_after: float = 8,
    ) -> None:
        """A table with a bold header row, repeated at the top of every page it runs onto.

        ``widths``: one per column, either fractions of the text column (all ≤ 1, summing to at
        most 1) or points; default equal. ``align``: "left", "right" or "center" per column.
        Cells are converted with ``str`` and wrapped within their column.
        """
        count = len(header)
        if count == 0:
            raise ValueError("a table needs at least one column")
        column_widths = self._column_widths(widths, count)
        alignment = list(align) if align is not None else ["left"] * count
        if len(alignment) != count or any(a not in ALIGNMENTS for a in alignment):
            raise ValueError(f"align needs {count} values from {ALIGNMENTS}, got {alignment!r}")
        xs = [self.left]
        for w in column_widths[:-1]:
            xs.append(xs[-1] + w)
        inner = [max(1.0, w - 2 * padding) for w in column_widths]

        def wrapped(cells: Sequence[object], font: str) -> list[list[str]]:
            if len(cells) != count:
                raise ValueError(f"a table row has {len(cells)} cells, the header has {count}")
            return [wrap(str(cell), w, font=font, size=size) for cell, w in zip(cells, inner)]

        header_lines = wrapped(header, "bold")
        leading = size * LEADING
        header_height = max(map(len, header_lines)) * leading + 2 * padding

        def draw_header() -> None:
            self._row(header_lines, xs, column_widths, alignment, fonts=["bold"] * count, size=size,
                      padding=padding, fill=HEADER_FILL, rule=(0.4, 0.4, 0.4))

        first_row = max(map(len, wrapped(rows[0], "regular"))) * leading + 2 * padding if rows else 0
        self.ensure_space(min(header_height + first_row, self.limit - self.top))
        draw_header()
        for index, row in enumerate(rows):
            self._row(
                wrapped(row, "regular"),
                xs,
                column_widths,
                alignment,
                fonts=["regular"] * count,
                size=size,
                padding=padding,
                fill=ZEBRA_FILL if zebra and index % 2 else None,
                rule=(0.8, 0.8, 0.8),
                on_new_page=draw_header,
                reserve=header_height,
            )
        self._y += space_after

    def rule(self, *, color: Color = RULE_GREY, width: float = 0.5, space: float = 6) -> None:
        """A horizontal line across the text column, with ``space`` above and below."""
        self.ensure_space(2 * space + width)
        self._y += space
        self._page.line(self.left, self._y, self.left + self.width, self._y, width=width, color=color)
        self._y += space

    def image_rgb(
        self,
        pixels: bytes,
        px_width: int,
        px_height: int,
        *,
        width: float | None = None,
        space_after: float = 8,
    ) -> None:
        """An RGB image centred in the column (default width: its size at 96 dpi, at most the
        column), scaled down to fit one page; it moves to a new page if it does not fit."""
        if px_width <= 0 or px_height <= 0:
            raise ValueError("image size in pixels must be positive")
        w = min(width if width is not None else px_width * 72 / 96, self.width)
        h = w * px_height / px_width
        tallest = self._page.height - self.top - self.bottom
        if h > tallest:
            w, h = w * tallest / h, tallest
        self.ensure_space(h)
        x = self.left + (self.width - w) / 2
        self._page.image_rgb(x, self._y, w, h, pixels=pixels, px_width=px_width, px_height=px_height)
        self._y += h + space_after

    # -- internals ----------------------------------------------------------------------------

    def _start_page(self) -> Page:
        page = self.writer.new_page()
        if self._header is not None:
            self._header(page)
        footer = self._footer
        if footer is not None:
            writer = self.writer
            page.later(lambda p: footer(p, p.index + 1, len(writer.pages)))
        return page

    def _lines(self, lines: list[str], x: float, *, size: float, font: str, color: Color) -> None:
        leading = size * LEADING
        for line in lines:
            self.ensure_space(leading)
            if line:
                self._page.text(x, self._y + size * BASELINE, line, font=font, size=size, color=color)
            self._y += leading

    def _column_widths(self, widths: Sequence[float] | None, count: int) -> list[float]:
        if widths is None:
            return [self.width / count] * count
        if len(widths) != count or any(w <= 0 for w in widths):
            raise ValueError(f"widths needs {count} positive values, got {list(widths)!r}")
        if all(w <= 1 for w in widths) and sum(widths) <= 1 + 1e-9:
            return [w * self.width for w in widths]
        return [float(w) for w in widths]

    def _row(
        self,
        columns: list[list[str]],
        xs: Sequence[float],
        widths: Sequence[float],
        alignment: Sequence[str],
        *,
        fonts: Sequence[str],
        size: float,
        padding: float,
        fill: Color | None = None,
        rule: Color | None = None,
        after: float = 0,
        on_new_page: Callable[[], None] | None = None,
        reserve: float = 0,
    ) -> None:
        """Draw one row of wrapped cells. A row that does not fit moves to a new page (where
        ``on_new_page`` first draws what takes ``reserve`` points, e.g. the table header); a row
        taller than a whole page is split between its lines instead."""
        leading = size * LEADING
        fresh_top = self.top + reserve
        remaining = columns
        while True:
            height = max(map(len, remaining)) * leading + 2 * padding
            if self._y + height <= self.limit:
                self._draw_cells(remaining, xs, widths, alignment, fonts, size, padding, fill, rule)
                self._y += after
                return
            at_top = self._y <= fresh_top + 1e-6
            if not at_top and height <= self.limit - fresh_top:
                self._break_within(on_new_page)
                continue
            room = int((self.limit - self._y - 2 * padding) // leading)
            if room < 1:
                if not at_top:
                    self._break_within(on_new_page)
                    continue
                room = 1  # not even one line fits on an empty page: draw it anyway, keep going
            part = [lines[:room] for lines in remaining]
            remaining = [lines[room:] for lines in remaining]
            self._draw_cells(part, xs, widths, alignment, fonts, size, padding, fill, rule)
            if not any(remaining):
                self._y += after
                return
            self._break_within(on_new_page)

    def _break_within(self, on_new_page: Callable[[], None] | None) -> None:
        self.page_break()
        if on_new_page is not None:
            on_new_page()

    def _draw_cells(
        self,
        columns: list[list[str]],
        xs: Sequence[float],
        widths: Sequence[float],
        alignment: Sequence[str],
        fonts: Sequence[str],
        size: float,
        padding: float,
        fill: Color | None,
        rule: Color | None,
    ) -> None:
        leading = size * LEADING
        height = max(map(len, columns)) * leading + 2 * padding
        page = self._page
        total_width = xs[-1] + widths[-1] - xs[0]
        if fill is not None:
            page.rect(xs[0], self._y, total_width, height, stroke=None, fill=fill)
        for lines, x, w, how, font in zip(columns, xs, widths, alignment, fonts):
            baseline = self._y + padding + size * BASELINE
            for line in lines:
                if line:
                    if how == "left":
                        left = x + padding
                    else:
                        free = w - 2 * padding - text_width(line, font=font, size=size)
                        left = x + padding + (free if how == "right" else free / 2)
                    page.text(left, baseline, line, font=font, size=size)
                baseline += leading
        self._y += height
        if rule is not None:
            page.line(xs[0], self._y, xs[0] + total_width, self._y, width=0.4, color=rule)
