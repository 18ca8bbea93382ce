"""A small, fast PDF 1.7 writer: text in embedded DejaVu subsets, lines, rectangles, RGB images.

Why not Qt or reportlab: the core may not import PySide6, and the demo edition writes thousands
of dossier PDFs (a 3-page document must cost about a millisecond once the fonts are prepared).

Coordinates are PostScript points with the origin at the TOP-LEFT corner of the page and y
growing downwards (as on screen); the writer flips them into PDF space. Text is drawn in the
faces of :mod:`juror_app.reports.pdf_fonts` ("regular", "bold", "italic", "mono") as Type0 /
CIDFontType2 fonts with Identity-H encoding and a ToUnicode CMap, so Polish letters display in
pdfium, poppler and others and extract as themselves. Only the faces a document uses are
embedded. With a fixed ``creation_date`` the output is byte-identical for the same input.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from bisect import bisect_right
from collections.abc import Callable
from datetime import datetime, timezone
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

from juror_app.domain.errors import UserError
from juror_app.fsutil import atomic_write
from juror_app.reports.pdf_fonts import FACE_FILES, get_font, nfc

A4: tuple[float, float] = (595.28, 841.89)
A4_LANDSCAPE: tuple[float, float] = (841.89, 595.28)
FACES: tuple[str, ...] = tuple(FACE_FILES)

Color = tuple[float, float, float]
_FONT_RESOURCE = {face: f"F{i + 1}" for i, face in enumerate(FACE_FILES)}
_SPACE_RUNS = re.compile("[ \t]+")


def text_width(text: str, *, font: str = "regular", size: float = 10) -> float:
    """Advance width of ``text`` in points (no kerning, so widths add up exactly)."""
    return get_font(font).width_units(text) * size / 1000


def wrap(text: str, width: float, *, font: str = "regular", size: float = 10) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` points (``text_width`` of each line).

    Lines break at ordinary spaces only (a no-break space, U+00A0, keeps "w domu" together);
    ``\\n`` starts a new line and an empty line stays empty; runs of spaces and tabs collapse to
    one space, and spaces at the ends of a line are dropped. A word wider than the whole line is
    cut between characters (at least one character per line, however narrow the width).
    """
    if size <= 0:
        raise ValueError(f"text size must be positive, got {size}")
    face = get_font(font)
    limit = max(0.0, width) * 1000 / size  # compare in integer font units: exact, like text_width
    lines: list[str] = []
    for paragraph in nfc(text).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if "  " in paragraph or "\t" in paragraph:
            paragraph = _SPACE_RUNS.sub(" ", paragraph)
        paragraph = paragraph.strip(" ")
        if not paragraph:
            lines.append("")
            continue
        prefix = list(accumulate(face.char_widths(paragraph), initial=0))
        end = len(paragraph)
        start = 0
        while start < end:
            fits = bisect_right(prefix, prefix[start] + limit) - 1  # paragraph[start:fits] fits
            if fits >= end:
                lines.append(paragraph[start:])
                break
            space = paragraph.rfind(" ", start, fits + 1)
            if space > start:
                lines.append(paragraph[start:space])
                start = space + 1
            else:  # one word longer than the line: cut it
                cut = max(fits, start + 1)
                lines.append(paragraph[start:cut])
                start = cut + 1 if cut < end and paragraph[cut] == " " else cut
    return lines


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


def _num(value: float) -> str:
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
    return " ".join(_num(max(0.0, min(1.0, float(c)))) for c in color)


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
        self._chars: dict[str, set[str]] = {}  # face → characters drawn (for font pruning)
        self._images: list[_Image] = []
        self._late: list[Callable[[Page], None]] = []
        self._late_ops: list[str] = []
        self._late_chars: dict[str, set[str]] = {}
        self._late_images: list[_Image] = []
        self._in_late = False
        self._fill = "0 0 0"
        self._stroke = "0 0 0"
        self._line_width = "1"

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
        """Draw one line of text with its baseline at ``y`` (see pdf_fonts for fallbacks)."""
        text = nfc(text)
        codes = get_font(font).codes(text)
        if not codes:
            return
        ops, chars, _ = self._target()
        used = chars.get(font)
        if used is None:
            used = chars[font] = set()
        used.update(text)
        fill = _color(tuple(color))
        if fill != self._fill:
            ops.append(f"{fill} rg")
            self._fill = fill
        ops.append(
            f"BT /{_FONT_RESOURCE[font]} {_num(size)} Tf {_num(x)} {_num(self.height - y)} Td"
            f" <{codes}> Tj ET"
        )

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
        ops.append(f"{_num(x1)} {_num(h - y1)} m {_num(x2)} {_num(h - y2)} l S")

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
        ops.append(f"{_num(x)} {_num(self.height - y - h)} {_num(w)} {_num(h)} re {operator}")

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
            f"q {_num(w)} 0 0 {_num(h)} {_num(x)} {_num(self.height - y - h)} cm /{name} Do Q"
        )

    def later(self, fn: Callable[[Page], None]) -> None:
        """Run ``fn(page)`` when the document is serialised (e.g. "Strona 3 z 7" footers).

        What it draws is rebuilt at every :meth:`PdfWriter.to_bytes`, so saving twice, or adding
        pages after a save, never duplicates or freezes it.
        """
        self._late.append(fn)

    # -- internals ----------------------------------------------------------------------------

    def _target(self) -> tuple[list[str], dict[str, set[str]], list[_Image]]:
        if self._in_late:
            return self._late_ops, self._late_chars, self._late_images
        return self._ops, self._chars, self._images

    def _set_stroke(self, ops: list[str], color: Color, width: float) -> None:
        stroke = _color(tuple(color))
        if stroke != self._stroke:
            ops.append(f"{stroke} RG")
            self._stroke = stroke
        line_width = _num(width)
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
        return _Serializer(self, pages).run()


class _Serializer:
    """Numbers the objects, writes them with a cross-reference table and the trailer."""

    def __init__(self, writer: PdfWriter, pages: list[Page]) -> None:
        self.writer = writer
        self.pages = pages
        self.chunks: list[bytes] = []
        self.offsets: list[int] = []
        self.position = 0
        self.next_number = 1

    def reserve(self) -> int:
        number = self.next_number
        self.next_number += 1
        self.offsets.append(0)
        return number

    def emit(self, number: int, body: bytes) -> None:
        self.offsets[number - 1] = self.position
        chunk = b"%d 0 obj\n%s\nendobj\n" % (number, body)
        self.chunks.append(chunk)
        self.position += len(chunk)

    def emit_stream(self, number: int, entries: bytes, data: bytes, *, deflate: bool) -> None:
        if deflate:
            data = zlib.compress(data, 6)
            entries += b" /Filter /FlateDecode"
        self.emit(number, b"<< %s /Length %d >>\nstream\n%s\nendstream" % (entries, len(data), data))

    def run(self) -> bytes:
        writer = self.writer
        header = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
        self.chunks.append(header)
        self.position = len(header)

        catalog, page_tree, info = self.reserve(), self.reserve(), self.reserve()
        chars: dict[str, set[str]] = {}
        for page in self.pages:
            for used in (page._chars, page._late_chars):
                for face, face_chars in used.items():
                    chars.setdefault(face, set()).update(face_chars)
        faces = [face for face in FACE_FILES if face in chars]
        font_dict = self.reserve() if faces else 0
        font_refs = {face: self.write_font(face, chars[face]) for face in faces}
        if faces:
            self.emit(
                font_dict,
                b"<< %s >>"
                % b" ".join(b"/%s %d 0 R" % (_FONT_RESOURCE[f].encode(), font_refs[f]) for f in faces),
            )

        page_numbers = [self.write_page(page, page_tree, font_dict) for page in self.pages]
        kids = b" ".join(b"%d 0 R" % n for n in page_numbers)
        self.emit(page_tree, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_numbers)))

        outline_root = self.write_outline(page_numbers)
        catalog_entries = b"/Type /Catalog /Pages %d 0 R" % page_tree
        if outline_root:
            catalog_entries += b" /Outlines %d 0 R /PageMode /UseOutlines" % outline_root
        if writer.lang:
            catalog_entries += b" /Lang " + _pdf_string(writer.lang)
        if writer.title:
            catalog_entries += b" /ViewerPreferences << /DisplayDocTitle true >>"
        self.emit(catalog, b"<< %s >>" % catalog_entries)
        self.emit(info, self.info_dict())

        body = b"".join(self.chunks)
        file_id = hashlib.md5(body, usedforsecurity=False).hexdigest().upper().encode()
        xref_at = len(body)
        size = self.next_number
        xref = [b"xref\n0 %d\n0000000000 65535 f \n" % size]
        xref.extend(b"%010d 00000 n \n" % offset for offset in self.offsets)
        trailer = b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n" % (
            size,
            catalog,
            info,
            file_id,
            file_id,
            xref_at,
        )
        return body + b"".join(xref) + trailer

    def write_font(self, face: str, chars: set[str]) -> int:
        font = get_font(face)
        program = font.program(font.glyph_ids(chars))
        type0, cid_font, descriptor, font_file, to_unicode = (self.reserve() for _ in range(5))
        name = program.base_font.encode("ascii")
        self.emit(
            type0,
            b"<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H"
            b" /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (name, cid_font, to_unicode),
        )
        self.emit(
            cid_font,
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s"
            b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
            b" /FontDescriptor %d 0 R /CIDToGIDMap /Identity /DW 1000 /W %s >>"
            % (name, descriptor, program.widths_array),
        )
        m = font.metrics
        # Symbolic (4): the font holds characters outside the standard Latin set (Polish).
        flags = 4 | (1 if m.fixed_pitch else 0) | (64 if m.italic else 0)
        self.emit(
            descriptor,
            b"<< /Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%d %d %d %d]"
            b" /ItalicAngle %s /Ascent %d /Descent %d /CapHeight %d /StemV %d /FontFile2 %d 0 R >>"
            % (name, flags, *m.bbox, _num(m.italic_angle).encode(), m.ascent, m.descent,
               m.cap_height, m.stem_v, font_file),
        )
        self.emit(
            font_file,
            b"<< /Length1 %d /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream"
            % (program.font_file_length, len(program.font_file), program.font_file),
        )
        self.emit(
            to_unicode,
            b"<< /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream"
            % (len(program.to_unicode), program.to_unicode),
        )
        return type0

    def write_page(self, page: Page, page_tree: int, font_dict: int) -> int:
        number = self.reserve()
        content = self.reserve()
        images = [(f"Im{i + 1}", image) for i, image in enumerate(page._images)]
        images += [(f"Il{i + 1}", image) for i, image in enumerate(page._late_images)]
        image_refs = []
        for name, image in images:
            image_number = self.reserve()
            self.emit(
                image_number,
                b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB"
                b" /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream"
                % (image.px_width, image.px_height, len(image.data), image.data),
            )
            image_refs.append(b"/%s %d 0 R" % (name.encode(), image_number))
        resources = []
        if font_dict and (page._chars or page._late_chars):
            resources.append(b"/Font %d 0 R" % font_dict)
        if image_refs:
            resources.append(b"/XObject << %s >>" % b" ".join(image_refs))
        self.emit(
            number,
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %s %s] /Resources << %s >> /Contents %d 0 R >>"
            % (page_tree, _num(page.width).encode(), _num(page.height).encode(), b" ".join(resources), content),
        )
        self.emit_stream(content, b"", page._content(), deflate=self.writer.compress)
        return number

    def write_outline(self, page_numbers: list[int]) -> int:
        entries = self.writer._outline
        if not entries:
            return 0
        # Build the tree: each entry nests under the nearest preceding entry of a lower level.
        root: dict = {"children": [], "level": -1}
        stack = [root]
        for title, page, y, level in entries:
            while stack[-1]["level"] >= level:
                stack.pop()
            node = {"title": title, "page": page, "y": y, "level": level, "children": []}
            stack[-1]["children"].append(node)
            stack.append(node)

        def number_tree(node: dict) -> None:
            node["number"] = self.reserve()
            for child in node["children"]:
                number_tree(child)

        def descendants(node: dict) -> int:
            return sum(1 + descendants(child) for child in node["children"])

        number_tree(root)

        def write(node: dict, parent: int | None) -> None:
            children = node["children"]
            for child in children:
                write(child, node["number"])
            if parent is None:
                fields = [b"/Type /Outlines"]
            else:
                page = node["page"]
                top = max(0.0, min(page.height, page.height - node["y"]))
                fields = [
                    b"/Title " + _pdf_string(node["title"]),
                    b"/Parent %d 0 R" % parent,
                    b"/Dest [%d 0 R /XYZ null %s null]" % (page_numbers[page.index], _num(top).encode()),
                ]
                siblings = node["siblings"]
                position = node["position"]
                if position > 0:
                    fields.append(b"/Prev %d 0 R" % siblings[position - 1]["number"])
                if position < len(siblings) - 1:
                    fields.append(b"/Next %d 0 R" % siblings[position + 1]["number"])
            if children:
                fields.append(b"/First %d 0 R /Last %d 0 R" % (children[0]["number"], children[-1]["number"]))
                fields.append(b"/Count %d" % descendants(node))  # all entries shown open
            self.emit(node["number"], b"<< %s >>" % b" ".join(fields))

        def link(node: dict) -> None:
            for position, child in enumerate(node["children"]):
                child["siblings"] = node["children"]
                child["position"] = position
                link(child)

        link(root)
        write(root, None)
        return root["number"]

    def info_dict(self) -> bytes:
        writer = self.writer
        moment = writer.creation_date or datetime.now(timezone.utc)
        date = _pdf_string(_pdf_date(moment))
        fields = [
            (b"Title", writer.title),
            (b"Author", writer.author),
            (b"Subject", writer.subject),
            (b"Keywords", writer.keywords),
            (b"Creator", writer.creator),
            (b"Producer", "juror-app pdf_writer"),
        ]
        parts = [b"/%s %s" % (key, _pdf_string(value)) for key, value in fields if value]
        parts.append(b"/CreationDate %s /ModDate %s" % (date, date))
        return b"<< %s >>" % b" ".join(parts)


def _pdf_date(moment: datetime) -> str:
    """``D:YYYYMMDDHHmmSS+HH'mm'``; a naive datetime is taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    offset = moment.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset else 0
    if minutes == 0:
        return moment.strftime("D:%Y%m%d%H%M%SZ")
    sign = "+" if minutes > 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return moment.strftime("D:%Y%m%d%H%M%S") + f"{sign}{hours:02d}'{mins:02d}'"


def _pdf_string(text: str) -> bytes:
    """A PDF text string: a literal for plain ASCII, UTF-16BE with a byte-order mark otherwise."""
    if text.isascii() and text.isprintable():
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        return b"(" + escaped.encode("ascii") + b")"
    return b"<FEFF" + text.encode("utf-16-be", "surrogatepass").hex().upper().encode() + b">"

