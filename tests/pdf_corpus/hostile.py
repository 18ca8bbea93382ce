"""A corpus of hostile PDFs, made from raw bytes in milliseconds and small on disk.

Each file attacks one thing a reader does: the outline walk (a ``/First`` that points back to its
parent, a two-item cycle, a 100,000-deep chain), the page tree (a cycle), the content streams (one
that inflates to 2 GiB, 200 MiB of text operators), sheer size (100,000 pages; 5,000 pages of long
text, issue 11 item 23), and the ordinary kinds of broken (truncated, not a PDF, encrypted, empty).
Bombs are compressed twice (``/Filter [/FlateDecode /FlateDecode]``) so a 2 GiB stream is a few KB
on disk; big object counts go into compressed object streams with an xref stream.

``tests/`` is not a package: the tests load this file by its path (``load()`` in
``tests/pdf_corpus/conftest.py``), once per session, into ``sys.modules["hostile_pdfs"]``.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

GIB = 1 << 30
MIB = 1 << 20


def _adler32_combine(first: int, second: int, second_length: int) -> int:
    """zlib's ``adler32_combine`` (not exposed by Python): the checksum of two pieces joined."""
    base = 65521
    rem = second_length % base
    sum1 = first & 0xFFFF
    sum2 = (rem * sum1) % base
    sum1 = (sum1 + (second & 0xFFFF) + base - 1) % base
    sum2 = (sum2 + ((first >> 16) & 0xFFFF) + ((second >> 16) & 0xFFFF) + base - rem) % base
    return sum1 | (sum2 << 16)


def _zlib_of_repeats(block: bytes, total: int) -> bytes:
    """The zlib stream of ``block`` repeated to ``total`` bytes, made without compressing ``total`` bytes.

    A full flush resets the compressor, so each flushed piece compresses to the same bytes: one
    piece is compressed and repeated, and the checksum is combined arithmetically.
    """
    piece = block * max(1, MIB // len(block))
    count, tail = divmod(total, len(piece))
    raw = zlib.compressobj(9, zlib.DEFLATED, -15)
    repeated = raw.compress(piece) + raw.flush(zlib.Z_FULL_FLUSH)
    ending = raw.compress(piece[:tail]) + raw.flush(zlib.Z_FINISH)
    one, checksum, length = zlib.adler32(piece), 1, len(piece)
    power, power_length, n = one, length, count
    while n:  # checksum of ``count`` pieces by binary doubling
        if n & 1:
            checksum = _adler32_combine(checksum, power, power_length)
        power, power_length, n = _adler32_combine(power, power, power_length), power_length * 2, n >> 1
    checksum = _adler32_combine(checksum, zlib.adler32(piece[:tail]), tail)
    return b"\x78\xda" + repeated * count + ending + checksum.to_bytes(4, "big")


def _twice(block: bytes, total: int) -> bytes:
    """Data for ``/Filter [/FlateDecode /FlateDecode]`` that decodes to ``block`` repeated to ``total`` bytes."""
    return zlib.compress(_zlib_of_repeats(block, total), 9)


class RawPdf:
    """Objects by number; written either classically (xref table) or compactly (object streams + xref stream)."""

    def __init__(self) -> None:
        self.objects: dict[int, bytes] = {}
        self.streams: dict[int, tuple[bytes, bytes]] = {}  # number → (dictionary entries, data)
        self._next = 1

    def reserve(self) -> int:
        number = self._next
        self._next += 1
        return number

    def put(self, body: bytes | str, number: int | None = None) -> int:
        number = number or self.reserve()
        self.objects[number] = body.encode("latin-1") if isinstance(body, str) else body
        return number

    def put_stream(self, entries: bytes | str, data: bytes, number: int | None = None) -> int:
        number = number or self.reserve()
        entries = entries.encode("latin-1") if isinstance(entries, str) else entries
        self.streams[number] = (entries, data)
        return number

    def _stream_bytes(self, number: int) -> bytes:
        entries, data = self.streams[number]
        return (f"{number} 0 obj\n<<".encode() + entries + f" /Length {len(data)}>>\nstream\n".encode()
                + data + b"\nendstream\nendobj\n")

    def classic(self, root: int, *, trailer_extra: str = "") -> bytes:
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets: dict[int, int] = {}
        for number in sorted(set(self.objects) | set(self.streams)):
            offsets[number] = len(out)
            if number in self.streams:
                out += self._stream_bytes(number)
            else:
                out += f"{number} 0 obj\n".encode() + self.objects[number] + b"\nendobj\n"
        size = max(offsets) + 1
        xref = len(out)
        out += f"xref\n0 {size}\n0000000000 65535 f \n".encode()
        for number in range(1, size):
            out += (f"{offsets[number]:010d} 00000 n \n" if number in offsets else "0000000000 65535 f \n").encode()
        out += f"trailer\n<< /Size {size} /Root {root} 0 R {trailer_extra}>>\nstartxref\n{xref}\n%%EOF\n".encode()
        return bytes(out)

    def compact(self, root: int, *, per_stream: int = 20_000) -> bytes:
        """Plain objects packed into flate-compressed object streams, located by an xref stream."""
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        entries: dict[int, tuple[int, int, int]] = {}  # number → (type, field 2, field 3)
        for number in sorted(self.streams):
            entries[number] = (1, len(out), 0)
            out += self._stream_bytes(number)
        plain = sorted(self.objects)
        for start in range(0, len(plain), per_stream):
            group = plain[start:start + per_stream]
            holder = self.reserve()
            header, body = [], bytearray()
            for index, number in enumerate(group):
                header.append(f"{number} {len(body)}")
                body += self.objects[number] + b"\n"
                entries[number] = (2, holder, index)
            head = (" ".join(header) + "\n").encode()
            data = zlib.compress(head + bytes(body), 9)
            entries[holder] = (1, len(out), 0)
            out += (f"{holder} 0 obj\n<< /Type /ObjStm /N {len(group)} /First {len(head)} /Filter /FlateDecode "
                    f"/Length {len(data)}>>\nstream\n").encode() + data + b"\nendstream\nendobj\n"
        xref_number = self.reserve()
        entries[xref_number] = (1, len(out), 0)
        size = xref_number + 1
        rows = bytearray(b"\x00\x00\x00\x00\x00\xff\xff")
        for number in range(1, size):
            kind, second, third = entries.get(number, (0, 0, 0))
            rows += bytes([kind]) + second.to_bytes(4, "big") + third.to_bytes(2, "big")
        data = zlib.compress(bytes(rows), 9)
        xref_at = len(out)
        out += (f"{xref_number} 0 obj\n<< /Type /XRef /Size {size} /W [1 4 2] /Root {root} 0 R /Filter /FlateDecode "
                f"/Length {len(data)}>>\nstream\n").encode() + data + b"\nendstream\nendobj\n"
        out += f"startxref\n{xref_at}\n%%EOF\n".encode()
        return bytes(out)


FONT = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def _one_page(pdf: RawPdf, text: str = "Strona testowa") -> tuple[int, int]:
    """A catalog with one page of text; returns (catalog, page tree)."""
    pages = pdf.reserve()
    font = pdf.put(FONT)
    content = pdf.put_stream("", f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode())
    page = pdf.put(f"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 595 842] /Contents {content} 0 R "
                   f"/Resources << /Font << /F1 {font} 0 R >> >> >>")
    pdf.put(f"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>", pages)
    return pdf.reserve(), pages


def outline_first_is_parent() -> bytes:
    """An outline item whose ``/First`` (its first child) is its own parent: the outline root."""
    pdf = RawPdf()
    catalog, pages = _one_page(pdf)
    outlines, item = pdf.reserve(), pdf.reserve()
    pdf.put(f"<< /Title (Rozdzial 1) /Parent {outlines} 0 R /First {outlines} 0 R /Last {outlines} 0 R /Count 1 "
            f"/Dest [{pages + 3} 0 R /Fit] >>", item)
    pdf.put(f"<< /Type /Outlines /First {item} 0 R /Last {item} 0 R /Count 1 >>", outlines)
    pdf.put(f"<< /Type /Catalog /Pages {pages} 0 R /Outlines {outlines} 0 R /PageMode /UseOutlines >>", catalog)
    return pdf.classic(catalog)


def outline_two_item_cycle() -> bytes:
    """Two outline items, each the other's first child."""
    pdf = RawPdf()
    catalog, pages = _one_page(pdf)
    outlines, first, second = pdf.reserve(), pdf.reserve(), pdf.reserve()
    pdf.put(f"<< /Title (A) /Parent {outlines} 0 R /First {second} 0 R /Last {second} 0 R /Count 1 >>", first)
    pdf.put(f"<< /Title (B) /Parent {first} 0 R /First {first} 0 R /Last {first} 0 R /Count 1 >>", second)
    pdf.put(f"<< /Type /Outlines /First {first} 0 R /Last {first} 0 R /Count 2 >>", outlines)
    pdf.put(f"<< /Type /Catalog /Pages {pages} 0 R /Outlines {outlines} 0 R >>", catalog)
    return pdf.classic(catalog)


def outline_deep(depth: int = 100_000) -> bytes:
    """A chain of ``depth`` nested outline items (each the only child of the one before)."""
    pdf = RawPdf()
    catalog, pages = _one_page(pdf)
    outlines = pdf.reserve()
    numbers = [pdf.reserve() for _ in range(depth)]
    for level, number in enumerate(numbers):
        parent = numbers[level - 1] if level else outlines
        child = f"/First {numbers[level + 1]} 0 R /Last {numbers[level + 1]} 0 R /Count 1 " if level + 1 < depth else ""
        pdf.put(f"<< /Title (P{level}) /Parent {parent} 0 R {child}>>", number)
    pdf.put(f"<< /Type /Outlines /First {numbers[0]} 0 R /Last {numbers[0]} 0 R /Count {depth} >>", outlines)
    pdf.put(f"<< /Type /Catalog /Pages {pages} 0 R /Outlines {outlines} 0 R >>", catalog)
    return pdf.compact(catalog)


def page_tree_cycle(claimed_pages: int = 5) -> bytes:
    """A page-tree node that is its own grandchild: the root's kid lists the root among its kids.

    ``claimed_pages`` is the root's ``/Count``: pdfium trusts a plausible one, so a huge count makes
    a window lay out that many pages.
    """
    pdf = RawPdf()
    root, middle = pdf.reserve(), pdf.reserve()
    font = pdf.put(FONT)
    content = pdf.put_stream("", b"BT /F1 18 Tf 72 720 Td (Strona) Tj ET")
    page = pdf.put(f"<< /Type /Page /Parent {middle} 0 R /MediaBox [0 0 595 842] /Contents {content} 0 R "
                   f"/Resources << /Font << /F1 {font} 0 R >> >> >>")
    pdf.put(f"<< /Type /Pages /Parent {root} 0 R /Kids [{page} 0 R {root} 0 R {root} 0 R] /Count 3 >>", middle)
    pdf.put(f"<< /Type /Pages /Kids [{middle} 0 R {middle} 0 R] /Count {claimed_pages} >>", root)
    catalog = pdf.put(f"<< /Type /Catalog /Pages {root} 0 R >>")
    return pdf.classic(catalog)


def _bomb_page(data_entries: str, data: bytes) -> bytes:
    pdf = RawPdf()
    pages = pdf.reserve()
    font = pdf.put(FONT)
    content = pdf.put_stream(data_entries, data)
    page = pdf.put(f"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 595 842] /Contents {content} 0 R "
                   f"/Resources << /Font << /F1 {font} 0 R >> >> >>")
    pdf.put(f"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>", pages)
    catalog = pdf.put(f"<< /Type /Catalog /Pages {pages} 0 R >>")
    return pdf.classic(catalog)


def flate_bomb(size: int = 2 * GIB) -> bytes:
    """A page whose content stream inflates to ``size`` bytes (spaces: valid, empty content)."""
    return _bomb_page("/Filter [/FlateDecode /FlateDecode]", _twice(b" " * 4096, size))


def text_bomb(size: int = 200 * MIB) -> bytes:
    """A page whose content stream is ``size`` bytes of text-showing operators."""
    line = b"BT /F1 4 Tf 10 10 Td (Tekst tekst tekst tekst tekst tekst tekst tekst tekst tekst) Tj ET\n"
    return _bomb_page("/Filter [/FlateDecode /FlateDecode]", _twice(line, size))


def many_pages(count: int = 100_000) -> bytes:
    """``count`` pages in a two-level page tree, all sharing one small content stream."""
    pdf = RawPdf()
    root = pdf.reserve()
    font = pdf.put(FONT)
    content = pdf.put_stream("", b"BT /F1 12 Tf 72 720 Td (Strona) Tj ET")
    resources = f"/Resources << /Font << /F1 {font} 0 R >> >>"
    groups = []
    for start in range(0, count, 1000):
        node = pdf.reserve()
        kids = [pdf.put(f"<< /Type /Page /Parent {node} 0 R /Contents {content} 0 R >>")
                for _ in range(min(1000, count - start))]
        pdf.put(f"<< /Type /Pages /Parent {root} 0 R /Count {len(kids)} /Kids [{' '.join(f'{k} 0 R' for k in kids)}] >>",
                node)
        groups.append(node)
    pdf.put(f"<< /Type /Pages /MediaBox [0 0 595 842] {resources} /Count {count} "
            f"/Kids [{' '.join(f'{g} 0 R' for g in groups)}] >>", root)
    catalog = pdf.put(f"<< /Type /Catalog /Pages {root} 0 R >>")
    return pdf.compact(catalog)


def long_text_pages(pages: int = 5_000, chars_per_page: int = 24_000) -> bytes:
    """Issue 11 item 23: ``pages`` pages sharing one content stream that shows ``chars_per_page`` characters."""
    words = "Wniosek o przyznanie znaku jakosci obsluga klienta urzad "
    lines, shown = [], 0
    y = 800
    while shown < chars_per_page:
        lines.append(f"BT /F1 3 Tf 10 {y} Td ({words * 4}) Tj ET")
        shown += len(words) * 4
        y = y - 4 if y > 20 else 800
    content_data = zlib.compress("\n".join(lines).encode("latin-1"), 9)
    pdf = RawPdf()
    root = pdf.reserve()
    font = pdf.put(FONT)
    content = pdf.put_stream("/Filter /FlateDecode", content_data)
    kids = [pdf.put(f"<< /Type /Page /Parent {root} 0 R /Contents {content} 0 R >>") for _ in range(pages)]
    pdf.put(f"<< /Type /Pages /MediaBox [0 0 595 842] /Resources << /Font << /F1 {font} 0 R >> >> /Count {pages} "
            f"/Kids [{' '.join(f'{k} 0 R' for k in kids)}] >>", root)
    catalog = pdf.put(f"<< /Type /Catalog /Pages {root} 0 R >>")
    return pdf.compact(catalog)


def plain(pages: int = 3, text: str = "Polityka jakosci urzedu") -> bytes:
    """An honest small PDF: ``pages`` pages of text and a two-entry outline."""
    pdf = RawPdf()
    root = pdf.reserve()
    font = pdf.put(FONT)
    kids = []
    for n in range(pages):
        content = pdf.put_stream("", f"BT /F1 16 Tf 72 720 Td ({text}, strona {n + 1}) Tj ET".encode())
        kids.append(pdf.put(f"<< /Type /Page /Parent {root} 0 R /Contents {content} 0 R >>"))
    pdf.put(f"<< /Type /Pages /MediaBox [0 0 595 842] /Resources << /Font << /F1 {font} 0 R >> >> /Count {pages} "
            f"/Kids [{' '.join(f'{k} 0 R' for k in kids)}] >>", root)
    outlines, first, second = pdf.reserve(), pdf.reserve(), pdf.reserve()
    pdf.put(f"<< /Title (Wstep) /Parent {outlines} 0 R /Next {second} 0 R /Dest [{kids[0]} 0 R /XYZ 0 842 0] >>", first)
    pdf.put(f"<< /Title (Koniec) /Parent {outlines} 0 R /Prev {first} 0 R /Dest [{kids[-1]} 0 R /XYZ 0 842 0] >>", second)
    pdf.put(f"<< /Type /Outlines /First {first} 0 R /Last {second} 0 R /Count 2 >>", outlines)
    catalog = pdf.put(f"<< /Type /Catalog /Pages {root} 0 R /Outlines {outlines} 0 R >>")
    return pdf.classic(catalog)


def truncated() -> bytes:
    data = plain(pages=4)
    return data[: len(data) // 2]


def not_a_pdf() -> bytes:
    return b"To nie jest plik PDF, tylko zwykly tekst.\n" * 40


def no_pages() -> bytes:
    pdf = RawPdf()
    root = pdf.put("<< /Type /Pages /Kids [] /Count 0 >>")
    catalog = pdf.put(f"<< /Type /Catalog /Pages {root} 0 R >>")
    return pdf.classic(catalog)


def encrypted() -> bytes:
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(plain(pages=2))))
    writer.encrypt("tajne-haslo", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@dataclass(frozen=True)
class Hostile:
    name: str
    make: Callable[[], bytes]
    reason: str  # the checker's reason code expected for it ("" = passes)


CORPUS: tuple[Hostile, ...] = (
    Hostile("outline-first-is-parent", outline_first_is_parent, "crashed"),
    Hostile("outline-two-item-cycle", outline_two_item_cycle, "crashed"),
    Hostile("outline-100000-deep", outline_deep, "crashed"),
    Hostile("outline-150-deep", lambda: outline_deep(150), "outline_too_deep"),
    Hostile("page-tree-cycle", page_tree_cycle, "ok"),  # pdfium walks it safely: it opens, 5 pages
    Hostile("page-tree-cycle-1000000-pages", lambda: page_tree_cycle(1_000_000), "too_many_pages"),
    Hostile("flate-bomb-2gib", flate_bomb, "memory_limit"),
    Hostile("text-bomb-200mib", text_bomb, "memory_limit"),
    Hostile("pages-100000", many_pages, "too_many_pages"),
    Hostile("long-text-5000-pages", long_text_pages, "too_many_pages"),  # issue 11 item 23's document
    Hostile("long-text-200-pages", lambda: long_text_pages(200), "ok"),  # 4.8 M characters: the index caps them
    Hostile("truncated", truncated, "broken"),
    Hostile("not-a-pdf", not_a_pdf, "broken"),
    Hostile("no-pages", no_pages, "empty"),
    Hostile("encrypted", encrypted, "encrypted"),
    Hostile("plain", plain, "ok"),
)
CRASHES_QTPDF = ("outline-first-is-parent", "outline-two-item-cycle", "outline-100000-deep")


def write_corpus(folder: Path) -> dict[str, Path]:
    """Write every file of :data:`CORPUS` into ``folder``; name → path."""
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for item in CORPUS:
        path = folder / f"{item.name}.pdf"
        path.write_bytes(item.make())
        written[item.name] = path
    return written


@dataclass(frozen=True)
class HostileEdition:
    """A small demo edition whose juror j001's newest bundle carries the whole corpus in dossier d0001."""

    folder: Path
    bundle: Path
    seed: int
    documents: dict[str, str]  # document id → corpus name
    dossier_id: str = "d0001"


def build_hostile_edition(folder: Path, seed: int = 7) -> HostileEdition:
    """Add every corpus file to dossier d0001 behind the organizer's check (as a hostile or older organizer
    would), and sign a bundle for j001 with them: the juror's own check is what must stop them."""
    from juror_app.domain.model import Document, DocumentKind
    from juror_app.store.blobs import BlobStore
    from juror_app.store.edition_tables import read_dossiers, write_dossiers
    from juror_app.store.organizer_schema import open_organizer_db
    from juror_app.workflows.demo import generate as demo
    from juror_app.workflows.organizer.setup import export_bundle

    demo.generate_demo(folder, demo.DemoSettings(institutions=3, jurors=1, per_dossier=1, seed=seed,
                                                 with_packages=False))
    db = open_organizer_db(folder / "organizer.sqlite")
    blobs = BlobStore.beside(folder / "organizer.sqlite")
    dossiers = {d.id: d for d in read_dossiers(db)}
    target = dossiers["d0001"]
    added, names = [], {}
    for n, item in enumerate(CORPUS, start=1):
        data = item.make()
        sha = blobs.put(data)
        doc_id = f"d0001-h{n:02d}"
        added.append(Document(doc_id, target.id, DocumentKind.OTHER, f"Załącznik: {item.name}", sha, len(data)))
        names[doc_id] = item.name
    with db.atomic():
        write_dossiers(db, [type(target)(target.id, target.institution_id, target.category_id, target.title,
                                         target.documents + tuple(added))])
    bundle = folder / "bundles" / "j001-hostile.pu-bundle"
    export_bundle(db, blobs, "j001", demo.demo_key(seed, "organizer"), bundle)
    db.close()
    return HostileEdition(folder, bundle, seed, names)
