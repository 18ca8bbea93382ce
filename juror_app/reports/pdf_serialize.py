"""Serialising a :class:`~juror_app.reports.pdf_writer.PdfWriter`: objects, fonts, pages, outline,
cross-reference table and trailer.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterable
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from juror_app.reports.pdf_embed import font_program
from juror_app.reports.pdf_fonts import AS_SPACE, code_of, font_file
from juror_app.reports.pdf_page import Drawing, Page, font_resource, num

if TYPE_CHECKING:
    from juror_app.reports.pdf_writer import PdfWriter


class Serializer:
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
        chars = used_characters(self.pages, writer._forms.values())
        font_dict = self.reserve() if chars else 0
        font_refs = {index: self.write_font(index, chars[index]) for index in sorted(chars)}
        if chars:
            self.emit(
                font_dict,
                b"<< %s >>" % b" ".join(b"/%s %d 0 R" % (font_resource(i).encode(), ref) for i, ref in font_refs.items()),
            )

        forms = {name: self.write_form(drawing, font_dict) for name, drawing in writer._forms.items()}
        page_numbers = [self.write_page(page, page_tree, font_dict, forms) for page in self.pages]
        kids = b" ".join(b"%d 0 R" % n for n in page_numbers)
        self.emit(page_tree, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_numbers)))

        outline_root = self.write_outline(page_numbers)
        catalog_entries = b"/Type /Catalog /Pages %d 0 R" % page_tree
        if outline_root:
            catalog_entries += b" /Outlines %d 0 R /PageMode /UseOutlines" % outline_root
        if writer.lang:
            catalog_entries += b" /Lang " + pdf_string(writer.lang)
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

    def write_font(self, index: int, chars: set[str]) -> int:
        wide_code = self.writer._wide_code
        entries = frozenset((code_of(index, ch, wide_code), " " if ch in AS_SPACE else ch) for ch in chars)
        program = font_program(index, entries)
        type0, cid_font, descriptor, program_file, to_unicode, gid_map = (self.reserve() for _ in range(6))
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
            b" /FontDescriptor %d 0 R /CIDToGIDMap %d 0 R /DW 1000 /W %s >>"
            % (name, descriptor, gid_map, program.widths_array),
        )
        m = font_file(index).metrics
        # Symbolic (4): the font holds characters outside the standard Latin set (Polish).
        flags = 4 | (1 if m.fixed_pitch else 0) | (64 if m.italic else 0)
        self.emit(
            descriptor,
            b"<< /Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%d %d %d %d]"
            b" /ItalicAngle %s /Ascent %d /Descent %d /CapHeight %d /StemV %d /FontFile2 %d 0 R >>"
            % (name, flags, *m.bbox, num(m.italic_angle).encode(), m.ascent, m.descent,
               m.cap_height, m.stem_v, program_file),
        )
        self.emit(
            program_file,
            b"<< /Length1 %d /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream"
            % (program.font_file_length, len(program.font_file), program.font_file),
        )
        for number, data in ((to_unicode, program.to_unicode), (gid_map, program.cid_to_gid)):
            self.emit(number, b"<< /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream" % (len(data), data))
        return type0

    def write_form(self, drawing: Drawing, font_dict: int) -> int:
        number = self.reserve()
        resources = b"/Font %d 0 R" % font_dict if drawing.chars else b""
        entries = b"/Type /XObject /Subtype /Form /BBox [0 0 %s %s] /Resources << %s >>" % (
            num(drawing.width).encode(), num(drawing.height).encode(), resources)
        self.emit_stream(number, entries, "\n".join(drawing.ops).encode("ascii"), deflate=self.writer.compress)
        return number

    def write_page(self, page: Page, page_tree: int, font_dict: int, forms: dict[str, int]) -> int:
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
        image_refs += [b"/%s %d 0 R" % (name.encode(), forms[name]) for name in sorted(page._forms)]
        resources = []
        if font_dict and (page._chars or page._late_chars or page._forms):
            resources.append(b"/Font %d 0 R" % font_dict)
        if image_refs:
            resources.append(b"/XObject << %s >>" % b" ".join(image_refs))
        self.emit(
            number,
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %s %s] /Resources << %s >> /Contents %d 0 R >>"
            % (page_tree, num(page.width).encode(), num(page.height).encode(), b" ".join(resources), content),
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
                    b"/Title " + pdf_string(node["title"]),
                    b"/Parent %d 0 R" % parent,
                    b"/Dest [%d 0 R /XYZ null %s null]" % (page_numbers[page.index], num(top).encode()),
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
        date = pdf_string(pdf_date(moment))
        fields = [
            (b"Title", writer.title),
            (b"Author", writer.author),
            (b"Subject", writer.subject),
            (b"Keywords", writer.keywords),
            (b"Creator", writer.creator),
            (b"Producer", "juror-app pdf_writer"),
        ]
        parts = [b"/%s %s" % (key, pdf_string(value)) for key, value in fields if value]
        parts.append(b"/CreationDate %s /ModDate %s" % (date, date))
        return b"<< %s >>" % b" ".join(parts)


def used_characters(pages: Iterable[Page], forms: Iterable[Drawing] = ()) -> dict[int, set[str]]:
    """Font file → every character the pages (their deferred drawing included) and forms draw with it."""
    chars: dict[int, set[str]] = {}
    for used in [*(u for page in pages for u in (page._chars, page._late_chars)), *(form.chars for form in forms)]:
        for index, drawn in used.items():
            chars.setdefault(index, set()).update(drawn)
    return chars


def pdf_date(moment: datetime) -> str:
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


def pdf_string(text: str) -> bytes:
    """A PDF text string: a literal for plain ASCII, UTF-16BE with a byte-order mark otherwise."""
    if text.isascii() and text.isprintable():
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        return b"(" + escaped.encode("ascii") + b")"
    return b"<FEFF" + text.encode("utf-16-be", "surrogatepass").hex().upper().encode() + b">"
