"""Joining a document's parts into one PDF with pypdf: bookmarks, page labels, metadata, attachments.

The parts come from :class:`~juror_app.reports.page_style.PartBuilder` (possibly made in several
processes). Here they are appended in order; each part's bookmarks and label ranges are shifted by
the pages before it. The results JSON travels inside the document as an attachment, so a printed
page's data code can be checked against the very data it names (see :mod:`fingerprint`).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone

import pypdf
from pypdf.generic import (
    BooleanObject,
    DictionaryObject,
    Fit,
    NameObject,
    TextStringObject,
)

from juror_app import __version__
from juror_app.reports.page_style import LabelRange, PartResult

OPEN_OUTLINE_LIMIT = 150  # with more bookmarks than this the top-level entries start closed


@dataclass(frozen=True)
class DocumentInfo:
    title: str
    lang: str  # "pl" or "en"
    created: datetime
    author: str = ""
    subject: str = ""
    keywords: str = ""
    fingerprint: str = ""  # the data fingerprint's SHA-256, also kept as a custom metadata field
    attachments: tuple[tuple[str, bytes], ...] = field(default_factory=tuple)


def pdf_date(moment: datetime) -> str:
    """``D:20261210093000Z`` (a naive moment is taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime("D:%Y%m%d%H%M%SZ")


def merged_labels(parts: Sequence[PartResult]) -> list[LabelRange]:
    """Every part's label ranges in document page numbers; adjacent ranges that continue one another
    (same prefix, numbers running on) become one."""
    ranges: list[LabelRange] = []
    offset = 0
    for part in parts:
        for r in part.labels:
            shifted = LabelRange(r.first + offset, r.last + offset, r.prefix, r.start)
            last = ranges[-1] if ranges else None
            if (last is not None and last.prefix == shifted.prefix and last.last + 1 == shifted.first
                    and last.start + (last.last - last.first) + 1 == shifted.start):
                ranges[-1] = LabelRange(last.first, shifted.last, last.prefix, last.start)
            else:
                ranges.append(shifted)
        offset += part.pages
    return ranges


def assemble(parts: Sequence[PartResult], info: DocumentInfo) -> bytes:
    """One PDF from the rendered parts (in order), with the bookmarks, labels, metadata and attachments."""
    if not parts or any(p.pdf is None for p in parts):
        raise ValueError("assemble needs rendered parts (not page counts)")
    out = pypdf.PdfWriter()
    offsets = []
    for part in parts:
        offsets.append(len(out.pages))
        out.append(pypdf.PdfReader(io.BytesIO(part.pdf)), import_outline=False)
    _outline(out, parts, offsets)
    for r in merged_labels(parts):
        out.set_page_label(r.first, r.last, style="/D", prefix=r.prefix or None, start=r.start)
    stamp = pdf_date(info.created)
    metadata = {
        "/Title": info.title, "/Author": info.author, "/Subject": info.subject, "/Keywords": info.keywords,
        "/Creator": f"juror-app {__version__}", "/Producer": f"juror-app {__version__} (pypdf {pypdf.__version__})",
        "/CreationDate": stamp, "/ModDate": stamp,
    }
    if info.fingerprint:
        metadata["/KapitulaDataFingerprint"] = info.fingerprint
    out.add_metadata({key: value for key, value in metadata.items() if value})
    root = out._root_object
    root[NameObject("/Lang")] = TextStringObject("pl-PL" if info.lang == "pl" else "en-GB")
    root[NameObject("/ViewerPreferences")] = DictionaryObject({NameObject("/DisplayDocTitle"): BooleanObject(True)})
    out.page_mode = "/UseOutlines"
    for name, data in info.attachments:
        out.add_attachment(name, data)
    buffer = io.BytesIO()
    out.write(buffer)
    return buffer.getvalue()


def _outline(out: pypdf.PdfWriter, parts: Sequence[PartResult], offsets: Sequence[int]) -> None:
    entries = [(e, offset) for part, offset in zip(parts, offsets) for e in part.outline]
    open_top = len(entries) <= OPEN_OUTLINE_LIMIT
    parents: list = []  # parents[level] = the latest item at that level
    for entry, offset in entries:
        index = entry.page + offset
        height = float(out.pages[index].mediabox.height)
        level = min(entry.level, len(parents))
        parent = parents[level - 1] if level > 0 else None
        item = out.add_outline_item(title=entry.title, page_number=index, parent=parent,
                                    fit=Fit.xyz(top=max(0.0, height - entry.top)),
                                    is_open=open_top or level > 0)
        del parents[level:]
        parents.append(item)
