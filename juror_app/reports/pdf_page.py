"""One PDF page being drawn: text in the embedded faces, lines, rectangles, RGB images.

Coordinates are PostScript points with the origin at the TOP-LEFT corner of the page and y growing
downwards (as on screen); the page flips them into PDF space as it writes its content stream.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from juror_app.reports.pdf_bidi import has_rtl, visual_order
from juror_app.reports.pdf_fonts import get_font, nfc

if TYPE_CHECKING:
    from juror_app.reports.pdf_writer import PdfWriter

Color = tuple[float, float, float]


def font_resource(index: int) -> str:
    """The resource name of font file ``index`` of :data:`~juror_app.reports.pdf_fonts.FONT_FILES`."""
    return f"F{index + 1}"


def rgba_to_rgb(rgba: bytes | bytearray | memoryview) -> bytes:
    """Drop the alpha byte of 8-bit RGBA pixels (e.g. matplotlib's ``buffer_rgba()``)."""
    source = memoryview(rgba).cast("B")
    if len(source) % 4:
        raise ValueError("RGBA data length must be a multiple of 4")
    rgb = bytearray(len(source) // 4 * 3)
    rgb[0::3] = source[0::4]
    rgb[1::3] = source[1::4]
    rgb[2::3] = source[2::4]
    return bytes(rgb)


def num(value: float) -> str:
    """A PDF number: at most 3 decimals, no exponent, no trailing zeros."""
    if value == int(value):
        return str(int(value))
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


@lru_cache(maxsize=256)
def _color(color: Color) -> str:
    """PDF colour operands for an (r, g, b) tuple of 0–1 values (memoised: a page reuses a few)."""
    if len(color) != 3:
        raise ValueError(f"a colour is (r, g, b) with values 0–1, got {color!r}")
    return " ".join(num(max(0.0, min(1.0, float(c)))) for c in color)


def text_operator(writer: PdfWriter, chars: dict[int, set[str]], text: str, font: str, size: float,
                  position: str) -> str | None:
    """``BT … ET`` drawing ``text`` at ``position`` (a ``Td`` or ``Tm`` operation), recording the
    characters per font file in ``chars``; None when there is nothing to draw."""
    face = get_font(font)
    text = nfc(text)
    if has_rtl(text):
        text = visual_order(text)
    runs = face.runs(text, writer._wide_code)
    if not runs:
        return None
    size_text = num(size)
    parts = ["BT"]
    for index, run, codes in runs:
        used = chars.get(index)
        if used is None:
            used = chars[index] = set()
        used.update(run)
        parts.append(f"/F{index + 1} {size_text} Tf")
        if len(parts) == 2:
            parts.append(position)
        parts.append(f"<{codes}> Tj")
    parts.append("ET")
    return " ".join(parts)


class Drawing:
    """Vector graphics in their own box (points, origin at the BOTTOM-left as in PDF), drawn once and
    placed on pages: inline (:meth:`Page.place`) or, when many pages repeat it, as one Form XObject
    (:meth:`PdfWriter.form`). Create it with :meth:`PdfWriter.new_drawing`; ``ops`` are raw PDF
    content-stream operations."""

    def __init__(self, writer: PdfWriter, width: float, height: float) -> None:
        self.writer = writer
        self.width, self.height = float(width), float(height)
        self.ops: list[str] = []
        self.chars: dict[int, set[str]] = {}

    def text(self, x: float, y: float, text: str, *, font: str = "regular", size: float = 10,
             color: Color = (0, 0, 0), angle: float = 0.0) -> None:
        """One line of text with its baseline starting at (x, y), turned ``angle`` degrees anticlockwise."""
        if angle:
            c, s = math.cos(math.radians(angle)), math.sin(math.radians(angle))
            position = f"{num(c)} {num(s)} {num(-s)} {num(c)} {num(x)} {num(y)} Tm"
        else:
            position = f"1 0 0 1 {num(x)} {num(y)} Tm"
        operator = text_operator(self.writer, self.chars, text, font, size, position)
        if operator is not None:
            self.ops.append(f"{_color(tuple(color))} rg {operator}")


class _Image:
    __slots__ = ("data", "px_width", "px_height")

    def __init__(self, data: bytes, px_width: int, px_height: int) -> None:
        self.data = data
        self.px_width = px_width
        self.px_height = px_height


class Page:
    """One page being drawn; create it with :meth:`PdfWriter.new_page`."""

    def __init__(self, writer: PdfWriter, index: int, size: tuple[float, float]) -> None:
        self.width, self.height = float(size[0]), float(size[1])
        self.index = index
        self._writer = writer
        self._ops: list[str] = []
        self._chars: dict[int, set[str]] = {}  # font file → characters drawn with it (for the subsets)
        self._images: list[_Image] = []
        self._forms: set[str] = set()  # Form XObjects placed on the page
        self._late: list[Callable[[Page], None]] = []
        self._late_ops: list[str] = []
        self._late_chars: dict[int, set[str]] = {}
        self._late_images: list[_Image] = []
        self._in_late = False
        self._fill = "0 0 0"
        self._stroke = "0 0 0"
        self._line_width = "1"

    @property
    def writer(self) -> PdfWriter:
        """The document this page belongs to."""
        return self._writer

    # -- drawing ------------------------------------------------------------------------------

    def text(
        self,
        x: float,
        y: float,
        text: str,
        *,
        font: str = "regular",
        size: float = 10,
        color: Color = (0, 0, 0),
    ) -> None:
        """Draw one line of text with its baseline at ``y``; each character in the first file of
        the face's chain that has it (see :mod:`pdf_fonts`); right-to-left runs in visual order."""
        ops, chars, _ = self._target()
        operator = text_operator(self._writer, chars, text, font, size, f"{num(x)} {num(self.height - y)} Td")
        if operator is None:
            return
        fill = _color(tuple(color))
        if fill != self._fill:
            ops.append(f"{fill} rg")
            self._fill = fill
        ops.append(operator)

    def line(
        self,
        x1: float,
        y1: float,
        x2: float,
        y2: float,
        *,
        width: float = 0.5,
        color: Color = (0, 0, 0),
    ) -> None:
        """Stroke a straight line."""
        ops, _, _ = self._target()
        self._set_stroke(ops, color, width)
        h = self.height
        ops.append(f"{num(x1)} {num(h - y1)} m {num(x2)} {num(h - y2)} l S")

    def rect(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        *,
        stroke: Color | None = (0, 0, 0),
        fill: Color | None = None,
        width: float = 0.5,
    ) -> None:
        """A rectangle with its top-left corner at (x, y); filled, stroked, both, or neither."""
        if stroke is None and fill is None:
            return
        ops, _, _ = self._target()
        if fill is not None:
            fill_text = _color(tuple(fill))
            if fill_text != self._fill:
                ops.append(f"{fill_text} rg")
                self._fill = fill_text
        if stroke is not None:
            self._set_stroke(ops, stroke, width)
        operator = "B" if fill is not None and stroke is not None else ("f" if fill is not None else "S")
        ops.append(f"{num(x)} {num(self.height - y - h)} {num(w)} {num(h)} re {operator}")

    def image_rgb(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        *,
        pixels: bytes,
        px_width: int,
        px_height: int,
    ) -> None:
        """Place raw 8-bit RGB pixels (row by row, top row first) in the box (x, y, w, h)."""
        if px_width <= 0 or px_height <= 0:
            raise ValueError("image size in pixels must be positive")
        if len(pixels) != px_width * px_height * 3:
            raise ValueError(
                f"expected {px_width * px_height * 3} bytes of RGB for {px_width}×{px_height}, "
                f"got {len(pixels)}"
            )
        ops, _, images = self._target()
        images.append(_Image(zlib.compress(bytes(pixels), 6), px_width, px_height))
        name = f"Im{len(images)}" if not self._in_late else f"Il{len(images)}"
        ops.append(
            f"q {num(w)} 0 0 {num(h)} {num(x)} {num(self.height - y - h)} cm /{name} Do Q"
        )

    def place(self, drawing: Drawing | str, x: float, y: float, w: float, h: float) -> None:
        """Put a drawing (or the name of a form made by :meth:`PdfWriter.form`) into the box whose
        top-left corner is (x, y), scaled to ``w`` × ``h`` points."""
        ops, chars, _ = self._target()
        box = self._writer._form_boxes[drawing] if isinstance(drawing, str) else (drawing.width, drawing.height)
        transform = f"q {num(w / box[0])} 0 0 {num(h / box[1])} {num(x)} {num(self.height - y - h)} cm"
        if isinstance(drawing, str):
            self._forms.add(drawing)
            ops.append(f"{transform} /{drawing} Do Q")
        else:
            if drawing.writer is not self._writer:
                raise ValueError("the drawing belongs to another document")
            for index, drawn in drawing.chars.items():
                chars.setdefault(index, set()).update(drawn)
            ops.append("\n".join([transform, *drawing.ops, "Q"]))

    def later(self, fn: Callable[[Page], None]) -> None:
        """Run ``fn(page)`` when the document is serialised (e.g. "Strona 3 z 7" footers).

        What it draws is rebuilt at every :meth:`PdfWriter.to_bytes`, so saving twice, or adding
        pages after a save, never duplicates or freezes it.
        """
        self._late.append(fn)

    # -- internals ----------------------------------------------------------------------------

    def _target(self) -> tuple[list[str], dict[int, set[str]], list[_Image]]:
        if self._in_late:
            return self._late_ops, self._late_chars, self._late_images
        return self._ops, self._chars, self._images

    def _set_stroke(self, ops: list[str], color: Color, width: float) -> None:
        stroke = _color(tuple(color))
        if stroke != self._stroke:
            ops.append(f"{stroke} RG")
            self._stroke = stroke
        line_width = num(width)
        if line_width != self._line_width:
            ops.append(f"{line_width} w")
            self._line_width = line_width

    def _run_late(self) -> None:
        """Re-run the deferred drawing from scratch, isolated from the page's own state."""
        self._late_ops, self._late_chars, self._late_images = [], {}, []
        if not self._late:
            return
        saved = (self._fill, self._stroke, self._line_width)
        self._fill, self._stroke, self._line_width = "0 0 0", "0 0 0", "1"
        self._in_late = True
        try:
            for fn in self._late:
                fn(self)
        finally:
            self._in_late = False
            self._fill, self._stroke, self._line_width = saved

    def _content(self) -> bytes:
        parts = self._ops
        if self._late_ops:
            # The late section starts from the default graphics state, whatever the page left.
            parts = ["q", *self._ops, "Q", *self._late_ops] if self._ops else self._late_ops
        return "\n".join(parts).encode("ascii")
