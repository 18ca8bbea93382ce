"""Importing the dossiers' PDFs from a folder (2,000 institutions × 4 PDFs): preview with every PDF checked, then apply.

The subject is the real workflow (``preview_documents`` then ``apply_documents``: scan, match each
subfolder to its institution, infer the kind, hash, check every PDF in the capped child processes,
copy into the content-addressed store, one transaction) into an edition that already holds the
institutions. The baseline, in the same run, is a plain copy of the same folder (``shutil.copytree``)
followed by one ``sync``: the least any import has to do with these bytes. Throughput = copy time /
import time (goal ≥ 0.5× a copy).
"""

from __future__ import annotations

import os
import shutil
from datetime import datetime, timezone
from pathlib import Path

import perfkit

from juror_app.domain.institution_rules import InstitutionFields
from juror_app.exchange.keys import KdfParams
from juror_app.reports.pdf_layout import FlowDocument
from juror_app.reports.pdf_writer import PdfWriter
from juror_app.store.organizer_schema import open_organizer_db
from juror_app.workflows.organizer.documents import FileOutcome, apply_documents, preview_documents
from juror_app.workflows.organizer.edition import EditionStart, NewKey, new_edition
from juror_app.workflows.organizer.institutions import add_institution
from juror_app.workflows.organizer.templates import EditionHead

PASS = "kaczka-rower-sufit-ogórek"
NAMES = ("Formularz zgłoszeniowy", "Polityka jakości", "Raport tajemniczego klienta", "Informacja zewnętrzna")
MARK = b"NR-00000000"  # replaced by a unique number of the same length: every file has its own bytes and hash


def _base_pdf(title: str, paragraphs: int) -> bytes:
    writer = PdfWriter(title=title, author="Urząd", subject=MARK.decode(),
                       creation_date=datetime(2027, 9, 30, tzinfo=timezone.utc))
    doc = FlowDocument(writer)
    doc.heading(title, 1)
    for n in range(paragraphs):
        doc.paragraph(f"{n + 1}. Jednostka opisuje standardy obsługi klienta, szkolenia kadr i komunikację. " * 6)
    data = writer.to_bytes()
    assert data.count(MARK) >= 1, "the subject is stored as plain text"
    return data


def _write_folder(folder: Path, count: int) -> int:
    bases = [_base_pdf(name, paragraphs) for name, paragraphs in zip(NAMES, (30, 60, 20, 10))]
    total = 0
    serial = 0
    for i in range(1, count + 1):
        sub = folder / f"i{i:04d}"
        sub.mkdir(parents=True)
        for name, base in zip(NAMES, bases):
            serial += 1
            data = base.replace(MARK, f"NR-{serial:08d}".encode())
            (sub / f"{name}.pdf").write_bytes(data)
            total += len(data)
    return total


def run(ctx: perfkit.Context) -> list[perfkit.Result]:
    n = ctx.size(full=2000, quick=100)
    source = ctx.workdir / "dokumenty"
    size = _write_folder(source, n)
    template = ctx.workdir / "template"
    template.mkdir()
    new_edition(template / "E.sqlite", EditionHead("Benchmark", 2027), EditionStart(),
                NewKey(template / "org.key", PASS, PASS, KdfParams(1, 8 * 1024, 1)))
    db = open_organizer_db(template / "E.sqlite")
    for i in range(1, n + 1):
        record = add_institution(db, InstitutionFields(name=f"Urząd Gminy nr {i}", category="urzedy-gmin",
                                                       voivodeship="małopolskie", city="Łąka"))
        assert record.institution.id == f"i{i:04d}", record.institution.id
    db.close()
    edition = ctx.workdir / "edition"
    copy_target = ctx.workdir / "copy"

    def fresh() -> None:
        shutil.rmtree(edition, ignore_errors=True)
        shutil.copytree(template, edition)

    def subject() -> None:
        db = open_organizer_db(edition / "E.sqlite")
        try:
            preview = preview_documents(db, source)
            assert preview.counts[FileOutcome.ADD] == 4 * n, preview.counts
            apply_documents(db, preview)
        finally:
            db.close()

    def clear_copy() -> None:
        shutil.rmtree(copy_target, ignore_errors=True)

    def baseline() -> None:
        shutil.copytree(source, copy_target)
        os.sync()

    samples = perfkit.measure_interleaved({"import": subject, "copy": baseline}, ctx.repeats(3),
                                          setups={"import": fresh, "copy": clear_copy})
    return [perfkit.Result(
        "documents", f"import {4 * n} PDFs of {n} institutions from a folder (preview with every PDF checked + apply;"
        " throughput = copy time / import time)", "s", samples["import"],
        "shutil.copytree of the same folder + sync", samples["copy"],
        goal=ctx.full_scale_goal(perfkit.Goal("throughput ≥ 0.5× copy", lambda r: r.ratio <= 2.0)),
        notes={"files": 4 * n, "megabytes": round(size / 1e6, 1), "cores": os.cpu_count()},
    )]
