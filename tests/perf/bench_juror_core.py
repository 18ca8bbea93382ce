"""The juror's laptop: score edit to commit, and assignment-bundle import throughput and memory.

Score edits: ``juror_scoring.set_score`` (validation, the edit-log line, the upsert, one commit with
synchronous=FULL in WAL) on a profile with 1,000 assigned dossiers, against a raw SQLite insert +
commit with the same durability settings in the same run. Goal: p99 ≤ 20 ms here.

Bundle import: ``juror_import.import_bundle`` (signature, manifest, every document streamed, hashed
and stored as its own content-addressed file, then one transaction) against a plain copy of the
same bytes made durable (fsync), as the import must make its documents durable. The documents'
hostile-PDF check is the import dialog's second phase (the window opens no document before it
passed); it is measured on top, as "bundle import + check", without a goal. Real dossiers are
mostly scans (tens to hundreds of pages, MBs each), so the measured bundle gives each dossier a
scanned attachment of about 2 MB beside its four text documents. Goal: throughput ≥ 0.5× the copy.
The demo's text-only bundle (30 KB documents, where creating one file per document dominates on
this file system) is reported in a note. Peak memory (tracemalloc) is measured for a small and a
large bundle: it must not grow with the bundle's size.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
from pathlib import Path

import perfkit

from juror_app.workflows.demo import generate as demo
from juror_app.workflows.juror import bundle_import as juror_import
from juror_app.workflows.juror import queries as juror_queries
from juror_app.workflows.juror import scoring as juror_scoring
from juror_app.workflows.juror.document_checks import check_received
from juror_app.workflows.juror.profile import JurorProfile, create_profile

PASS = "zielona-łódka-pływa-nocą-2026"


def _edition(folder: Path, dossiers: int, seed: int) -> Path:
    # one juror per dossier and one juror in all: juror j001 is assigned every dossier
    demo.generate_demo(folder, demo.DemoSettings(institutions=dossiers, jurors=1, per_dossier=1, seed=seed,
                                                 with_packages=False))
    return folder / "bundles" / "j001.pu-bundle"


def _with_scans(folder: Path, megabytes: float, seed: int) -> Path:
    """Give every dossier of the demo edition in ``folder`` a scanned attachment, then re-export j001's bundle."""
    from juror_app.domain.model import Document, DocumentKind
    from juror_app.reports.pdf_writer import PdfWriter
    from juror_app.store.blobs import BlobStore
    from juror_app.store.edition_tables import read_dossiers, write_dossiers
    from juror_app.store.organizer_schema import open_organizer_db
    from juror_app.workflows.organizer.setup import export_bundle

    db = open_organizer_db(folder / "organizer.sqlite")
    blobs = BlobStore.beside(folder / "organizer.sqlite")
    side = int((megabytes * 1e6 / 3) ** 0.5)
    rng = random.Random(seed)
    updated = []
    for dossier in read_dossiers(db):
        writer = PdfWriter(title="Skan załącznika")
        page = writer.new_page()
        page.image_rgb(20, 20, 555, 800, pixels=rng.randbytes(side * side * 3), px_width=side, px_height=side)
        data = writer.to_bytes()
        sha = blobs.put(data, durable=False)
        scan = Document(f"{dossier.id}-9", dossier.id, DocumentKind.OTHER, "Załącznik: skan protokołu", sha, len(data), 1)
        updated.append(type(dossier)(dossier.id, dossier.institution_id, dossier.category_id, dossier.title,
                                     dossier.documents + (scan,)))
    with db.atomic():
        write_dossiers(db, updated)
    target = folder / "bundles" / "j001-scans.pu-bundle"
    export_bundle(db, blobs, "j001", demo.demo_key(seed, "organizer"), target)
    db.close()
    return target


def _profile(folder: Path, seed: int) -> JurorProfile:
    profile = JurorProfile(folder)
    create_profile(folder, name="Benchmark", affiliation="", email="", passphrase=PASS, passphrase_again=PASS,
                   kdf=demo.DEMO_KDF, key=demo.demo_key(seed, "juror-1"))
    return profile


def _import(profile: JurorProfile, bundle: Path, *, then_check: bool = False) -> None:
    """The import (phase 1: documents received and committed); with ``then_check`` also the dialog's
    second phase, the documents' check in child processes."""
    db = profile.open_db()
    try:
        fp = juror_import.inspect_bundle(db, bundle).organizer_fingerprint
        result = juror_import.import_bundle(profile, db, bundle, accept_organizer_fingerprint=fp)
        if then_check:
            check_received(db, profile.documents, result.documents_to_check)
    finally:
        db.close()


def _score_edits(ctx: perfkit.Context, bundle: Path, seed: int) -> perfkit.Result:
    profile = _profile(ctx.workdir / "scoring-profile", seed)
    _import(profile, bundle)
    db = profile.open_db()
    edition = juror_queries.edition(db)
    dossiers = [r.dossier_id for r in juror_queries.dossier_rows(db)]
    rng = random.Random(1)
    raw = sqlite3.connect(ctx.workdir / "raw.sqlite")
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=FULL")
    raw.execute("CREATE TABLE scores (dossier TEXT, criterion TEXT, points REAL, justification TEXT, at TEXT,"
                " PRIMARY KEY (dossier, criterion))")

    def edit() -> None:
        criterion = rng.choice(edition.criteria)
        juror_scoring.set_score(db, dossier_id=rng.choice(dossiers), criterion_id=criterion.id,
                                points=rng.choice(criterion.allowed_points()),
                                justification=f"Uzasadnienie {rng.random():.6f}: łatwość obsługi klienta.")

    def raw_edit() -> None:
        with raw:
            raw.execute("INSERT OR REPLACE INTO scores VALUES (?, ?, ?, ?, ?)",
                        (rng.choice(dossiers), "k01", 5.0, f"Uzasadnienie {rng.random():.6f}", "2026-11-20T10:00:00Z"))

    samples = perfkit.measure_interleaved({"edit": edit, "raw": raw_edit}, ctx.repeats(400, quick=40))
    db.close()
    raw.close()
    return perfkit.Result(
        "score edit to commit", f"set_score, {len(dossiers)} dossiers assigned", "s", samples["edit"],
        "raw SQLite insert + commit (WAL, synchronous=FULL)", samples["raw"],
        goal=ctx.full_scale_goal(perfkit.Goal("p99 ≤ 20 ms", lambda r: r.p99 <= 0.020)),
        show_p99=True,
        notes={"edits": len(samples["edit"]),
               "raw p99": f"{perfkit.p99(samples['raw']) * 1000:.1f} ms"},
    )


def _import_ratio(ctx: perfkit.Context, bundle: Path, seed: int, repeats: int) -> tuple[list[float], list[float]]:
    counter = iter(range(10_000))
    imports, copies = [], []
    for _ in range(repeats):
        profile = _profile(ctx.workdir / f"ratio-{bundle.stem}-{next(counter)}", seed)
        with perfkit.Timer() as t:
            _import(profile, bundle)
        imports.append(t.seconds)
        shutil.rmtree(profile.folder)
        target = ctx.workdir / "copy.bin"
        with perfkit.Timer() as c:
            shutil.copyfile(bundle, target)
            with open(target, "rb+") as handle:
                os.fsync(handle.fileno())
        copies.append(c.seconds)
        target.unlink()
    return imports, copies


def _imports(ctx: perfkit.Context, small: Path, large: Path, seed_small: int, seed_large: int,
             text_only: Path) -> tuple[perfkit.Result, perfkit.Result]:
    counter = iter(range(10_000))

    def fresh(seed: int) -> JurorProfile:
        return _profile(ctx.workdir / f"import-{next(counter)}", seed)

    def copy_bytes() -> None:
        """The same bytes copied and made durable, as an import must make its documents durable."""
        target = ctx.workdir / f"copy-{next(counter)}.bin"
        shutil.copyfile(large, target)
        with open(target, "rb+") as handle:
            os.fsync(handle.fileno())
        target.unlink()

    import_samples, copy_samples, both_samples = [], [], []
    for _ in range(ctx.repeats(5, quick=1)):
        profile = fresh(seed_large)
        with perfkit.Timer() as t:
            _import(profile, large)
        import_samples.append(t.seconds)
        shutil.rmtree(profile.folder)
        with perfkit.Timer() as c:
            copy_bytes()
        copy_samples.append(c.seconds)
        profile = fresh(seed_large)
        with perfkit.Timer() as b:
            _import(profile, large, then_check=True)
        both_samples.append(b.seconds)
        shutil.rmtree(profile.folder)
    text_imports, text_copies = _import_ratio(ctx, text_only, 31, ctx.repeats(3, quick=1))
    peak_small = perfkit.tracemalloc_peak(lambda: _import(fresh(seed_small), small))
    peak_large = perfkit.tracemalloc_peak(lambda: _import(fresh(seed_large), large))
    size = large.stat().st_size
    mb = size / 1e6
    both = perfkit.Result(
        "bundle import + check", "the same import, then its documents checked (the dialog's second phase)", "s",
        both_samples, "plain copy of the same bytes + fsync", copy_samples,
        notes={"check alone": f"{(perfkit.median(both_samples) - perfkit.median(import_samples)) * 1000:.0f} ms "
                              "(difference of the medians)"},
    )
    return both, perfkit.Result(
        "bundle import", f"import_bundle, {mb:.0f} MB bundle with scans (throughput = copy time / import time)", "s",
        import_samples, "plain copy of the same bytes + fsync", copy_samples,
        goal=ctx.full_scale_goal(perfkit.Goal("throughput ≥ 0.5× copy", lambda r: r.ratio <= 2.0)),
        notes={
            "throughput": f"{mb / perfkit.median(import_samples):.0f} MB/s import vs "
                          f"{mb / perfkit.median(copy_samples):.0f} MB/s copy",
            "peak traced memory": f"{perfkit.mib(peak_small)} for a {small.stat().st_size / 1e6:.1f} MB bundle, "
                                  f"{perfkit.mib(peak_large)} for a {mb:.1f} MB bundle",
            "text-only demo bundle": f"{text_only.stat().st_size / 1e6:.1f} MB of 30 KB documents: import "
                                     f"{perfkit.median(text_imports) * 1000:.0f} ms vs copy "
                                     f"{perfkit.median(text_copies) * 1000:.0f} ms (throughput "
                                     f"{perfkit.median(text_copies) / perfkit.median(text_imports):.2f}×)",
        },
    )


def run(ctx: perfkit.Context) -> list[perfkit.Result]:
    dossiers = ctx.size(full=1000, quick=60)
    scanned = ctx.size(full=100, quick=10)
    text_only = _edition(ctx.workdir / "edition-large", dossiers, seed=31)
    _edition(ctx.workdir / "edition-scans", scanned, seed=33)
    large = _with_scans(ctx.workdir / "edition-scans", 2.0, seed=33)
    _edition(ctx.workdir / "edition-small", max(5, scanned // 10), seed=32)
    small = _with_scans(ctx.workdir / "edition-small", 2.0, seed=32)
    both, imports = _imports(ctx, small, large, 32, 33, text_only)
    return [_score_edits(ctx, text_only, 31), imports, both]
