"""The demo dossiers' PDFs: application form, quality policy, mystery-client report, external
information — a few pages of Polish text each, written from ``data/demo/texts.json``.

Each document is a function of (institution, tier, seed), so a run reproduces the same bytes
and the content-addressed store keeps one copy.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from datetime import datetime, timezone

from juror_app.domain.model import (
    DOCUMENT_KIND_NAMES,
    Category,
    Document,
    DocumentKind,
    Dossier,
)
from juror_app.reports.pdf_layout import FlowDocument
from juror_app.reports.pdf_writer import PdfWriter
from juror_app.workflows.demo.data import DemoInstitution

KINDS = (
    DocumentKind.APPLICATION_FORM,
    DocumentKind.QUALITY_POLICY,
    DocumentKind.MYSTERY_CLIENT_REPORT,
    DocumentKind.EXTERNAL_INFORMATION,
)
FICTION_NOTICE = (
    "Dokument fikcyjny, wygenerowany na potrzeby demonstracji programu. Nazwa jednostki jest prawdziwa, "
    "ale treść, liczby i oceny są zmyślone i nie opisują tej jednostki."
)
VISIT_CHANNELS = ("wizyta osobista", "telefon", "e-mail", "ePUAP", "wizyta osobista", "telefon")


@dataclass(frozen=True)
class RenderedDocument:
    document: Document
    data: bytes


def _placeholders(item: DemoInstitution, year: int) -> dict[str, str]:
    inst = item.institution
    return {
        "institution": inst.name,
        "short_name": inst.short_name or inst.name,
        "city": inst.city,
        "w": item.locative or f"w {inst.city}",
        "voivodeship": inst.voivodeship,
        "head": inst.head or "Kierownik jednostki",
        "employees": str(inst.employees or ""),
        "year": str(year),
        "address": inst.address,
    }


def _fill(text: str, values: dict[str, str]) -> str:
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        return text


def _visits_table(doc: FlowDocument, tier: str, rng: random.Random, year: int) -> None:
    base_wait = {"high": 4, "mid": 9, "low": 18}[tier]
    base_rating = {"high": 4.6, "mid": 3.8, "low": 2.7}[tier]
    rows = []
    for i, channel in enumerate(VISIT_CHANNELS):
        day = datetime(year, 9, 2 + i * 4)
        wait = max(0, round(rng.gauss(base_wait, base_wait * 0.4)))
        rating = max(1.0, min(5.0, round(rng.gauss(base_rating, 0.4) * 2) / 2))
        waited = f"{wait} min" if channel in ("wizyta osobista", "telefon") else f"{max(1, wait // 3)} dni rob."
        rows.append([day.strftime("%d.%m.%Y"), channel, waited, f"{rating:.1f}".replace(".", ",")])
    doc.table(["Data", "Kanał kontaktu", "Czas oczekiwania / odpowiedzi", "Ocena (1–5)"], rows,
              widths=[0.18, 0.3, 0.32, 0.2], align=["left", "left", "right", "right"])


def render_document(kind: DocumentKind, item: DemoInstitution, category: Category, texts: dict, *,
                    edition_name: str, year: int, seed: int) -> tuple[bytes, int]:
    """One document's PDF bytes and page count; reproducible for the same arguments."""
    spec = texts["documents"][kind.value]
    values = _placeholders(item, year)
    digest = hashlib.sha256(f"{seed}|{item.institution.id}|{kind.value}".encode()).digest()
    rng = random.Random(int.from_bytes(digest[:8], "big"))
    title = spec.get("title") or DOCUMENT_KIND_NAMES[kind][0]
    writer = PdfWriter(
        title=f"{title} — {item.institution.name}",
        author=item.institution.name,
        subject=edition_name,
        keywords="Przyjazny Urząd; dokumentacja zgłoszeniowa",
        creation_date=datetime(year, 9, 30, 12, 0, tzinfo=timezone.utc),
    )
    doc = FlowDocument(writer)
    doc.paragraph(edition_name, size=8.5, font="italic", space_after=1)
    doc.paragraph(FICTION_NOTICE, size=7.5, font="italic", space_after=4, color=(0.45, 0.1, 0.1))
    doc.heading(title, 1)
    doc.paragraph(item.institution.name, font="bold", size=11.5, space_after=8)
    if kind is DocumentKind.APPLICATION_FORM:
        inst = item.institution
        doc.key_values([
            ("Pełna nazwa jednostki", inst.name),
            ("Adres", inst.address),
            ("Województwo", inst.voivodeship),
            ("Kierownik jednostki", inst.head),
            ("Liczba pracowników", str(inst.employees)),
            ("Kategoria konkursowa", category.name),
        ])
        doc.space(6)
    for index, section in enumerate(spec["sections"], start=1):
        doc.heading(f"{index}. {_fill(section['heading'], values)}", 2)
        variants = section["paragraphs"].get(item.tier) or next(iter(section["paragraphs"].values()))
        for paragraph in variants:
            doc.paragraph(_fill(paragraph, values), space_after=7)
        if kind is DocumentKind.MYSTERY_CLIENT_REPORT and index == 1:
            _visits_table(doc, item.tier, rng, year)
            doc.space(6)
    if kind in (DocumentKind.APPLICATION_FORM, DocumentKind.QUALITY_POLICY):
        doc.space(24)
        doc.paragraph(f"{item.institution.city}, 30 września {year} r.", space_after=18)
        doc.paragraph("........................................................", space_after=0)
        doc.paragraph(values["head"], size=9, font="italic")
    return writer.to_bytes(), len(writer.pages)


def render_dossier(item: DemoInstitution, category: Category, texts: dict, *, dossier_id: str, edition_name: str,
                   year: int, seed: int) -> tuple[Dossier, list[RenderedDocument]]:
    """The dossier of one institution with its four documents."""
    rendered: list[RenderedDocument] = []
    for position, kind in enumerate(KINDS, start=1):
        data, pages = render_document(kind, item, category, texts, edition_name=edition_name, year=year, seed=seed)
        sha = hashlib.sha256(data).hexdigest()
        title = texts["documents"][kind.value].get("title") or DOCUMENT_KIND_NAMES[kind][0]
        rendered.append(RenderedDocument(
            Document(f"{dossier_id}-{position}", dossier_id, kind, title, sha, len(data), pages), data))
    dossier = Dossier(dossier_id, item.institution.id, item.institution.category_id,
                      f"Teczka zgłoszeniowa: {item.institution.name}", tuple(r.document for r in rendered))
    return dossier, rendered

