"""``juror-app demo OUTDIR``: a complete simulated edition, made through the real workflows.

It plays every part: the organizer creates the edition and registers the dossiers; each juror makes
a key and an enrollment file, which the organizer reads and adds to the roster; the organizer
assigns dossiers and exports signed bundles; each juror "scores" (simulated, as an edit log) and
exports a signed score package. Demo keys are derived from the seed, so a demo is reproducible;
their passphrases are written in ``keys/README.md``.
"""

from __future__ import annotations

import hashlib
import os
import random
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Sequence

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from juror_app.domain.errors import UserError
from juror_app.domain.i18n import count_en, count_pl, pick
from juror_app.domain.model import Dossier, Edition
from juror_app.exchange import sshsig
from juror_app.exchange.enrollment import read_enrollment, write_enrollment
from juror_app.exchange.keys import (
    KdfParams,
    encrypt_private_key,
    fingerprint,
    save_private_key,
)
from juror_app.exchange.package import write_package
from juror_app.fsutil import atomic_write, flush_to_disk
from juror_app.store.blobs import BlobStore
from juror_app.store.organizer_schema import open_organizer_db
from juror_app.workflows.demo import data as demo_data
from juror_app.workflows.demo.documents import render_dossier
from juror_app.workflows.demo.scoring import dossier_truth, simulate_package
from juror_app.workflows.organizer import assignment as organizer_assignment
from juror_app.workflows.organizer import documents as organizer_documents
from juror_app.workflows.organizer import edition as organizer_edition
from juror_app.workflows.organizer import setup as organizer_setup

ENROLLMENT_SUFFIX = ".pu-enrollment"
BUNDLE_SUFFIX = ".pu-bundle"
PACKAGE_SUFFIX = ".pu-scores"
PARALLEL_FROM = 60  # institutions; below this a process pool costs more than it saves
# Demo keys' passphrases are published in keys/README.md, so a costly KDF would protect nothing;
# they get a light Argon2id setting (recorded in each key file). Keys made in the app use DEFAULT_KDF.
DEMO_KDF = KdfParams(time_cost=2, memory_cost_kib=16 * 1024, lanes=1)


@dataclass(frozen=True)
class DemoSettings:
    institutions: int = 24
    jurors: int = 12
    per_dossier: int = 3
    seed: int = 2026
    with_packages: bool = True  # the juror's demo workstation needs only the bundles


@dataclass
class DemoSummary:
    outdir: Path
    settings: DemoSettings
    dossiers: int = 0
    documents: int = 0
    jurors: int = 0
    assignments: int = 0
    bundles: list[Path] = field(default_factory=list)
    packages: list[Path] = field(default_factory=list)
    scores: int = 0
    conflicts: int = 0
    seconds: float = 0.0

    def render(self) -> str:
        check = self.outdir / "packages" / self.packages[0].name if self.packages else None
        db = self.outdir / "organizer.sqlite"
        return pick(
            f"Zapisano edycję demonstracyjną w {self.outdir} ({self.seconds:.1f} s):\n"
            f"  organizer.sqlite — edycja, {count_pl(self.dossiers, 'teczka', 'teczki', 'teczek')} "
            f"({count_pl(self.documents, 'dokument', 'dokumenty', 'dokumentów')} PDF), "
            f"{count_pl(self.jurors, 'członek', 'członków', 'członków')} Kapituły, "
            f"{count_pl(self.assignments, 'przydział', 'przydziały', 'przydziałów')}\n"
            f"  keys/ — klucze demonstracyjne; hasła w keys/README.md; allowed_signers dla ssh-keygen\n"
            f"  enrollments/ — {count_pl(self.jurors, 'zgłoszenie', 'zgłoszenia', 'zgłoszeń')}\n"
            f"  bundles/ — {count_pl(len(self.bundles), 'podpisana paczka', 'podpisane paczki', 'podpisanych paczek')} z przydziałem\n"
            f"  packages/ — {count_pl(len(self.packages), 'podpisana paczka', 'podpisane paczki', 'podpisanych paczek')} ocen "
            f"({count_pl(self.scores, 'ocena', 'oceny', 'ocen')}, {count_pl(self.conflicts, 'wyłączenie', 'wyłączenia', 'wyłączeń')})\n"
            f"Sprawdź dowolny plik: juror-app verify {check or 'PLIK'} --db {db}",
            f"Wrote the demo edition to {self.outdir} ({self.seconds:.1f} s):\n"
            f"  organizer.sqlite — edition, {count_en(self.dossiers, 'dossier', 'dossiers')} "
            f"({count_en(self.documents, 'PDF document', 'PDF documents')}), {count_en(self.jurors, 'juror', 'jurors')}, "
            f"{count_en(self.assignments, 'assignment', 'assignments')}\n"
            f"  keys/ — demo keys; passphrases in keys/README.md; allowed_signers for ssh-keygen\n"
            f"  enrollments/ — {count_en(self.jurors, 'enrollment', 'enrollments')}\n"
            f"  bundles/ — {count_en(len(self.bundles), 'signed assignment bundle', 'signed assignment bundles')}\n"
            f"  packages/ — {count_en(len(self.packages), 'signed score package', 'signed score packages')} "
            f"({count_en(self.scores, 'score', 'scores')}, {count_en(self.conflicts, 'recusal', 'recusals')})\n"
            f"Check any file: juror-app verify {check or 'FILE'} --db {db}",
        )


def demo_key(seed: int, role: str) -> Ed25519PrivateKey:
    """A demo key derived from the seed: the same demo has the same fingerprints every time."""
    return Ed25519PrivateKey.from_private_bytes(hashlib.sha256(f"juror-app demo key|{seed}|{role}".encode()).digest())


def demo_passphrase(seed: int, role: str) -> str:
    words = ["jakość", "urząd", "klient", "kapituła", "wniosek", "ocena", "teczka", "łąka", "źródło", "pieczęć",
             "kolejka", "skarga", "okienko", "formularz", "gala", "statuetka"]
    rng = random.Random(f"{seed}|{role}|passphrase")
    return "-".join(rng.choice(words) for _ in range(4))


def _check_outdir(outdir: Path) -> None:
    if outdir.exists() and not outdir.is_dir():
        raise UserError(
            "outdir_not_a_folder",
            pl=f"„{outdir}” jest plikiem, a nie folderem. Podaj nowy lub pusty folder.",
            en=f"“{outdir}” is a file, not a folder. Give a new or empty folder.",
        )
    if outdir.is_dir() and any(outdir.iterdir()):
        raise UserError(
            "outdir_not_empty",
            pl=f"Folder „{outdir}” nie jest pusty. Podaj nowy lub pusty folder, aby niczego nie nadpisać.",
            en=f"The folder “{outdir}” is not empty. Give a new or empty folder so that nothing is overwritten.",
        )


def _render_chunk(args: tuple) -> list[tuple[Dossier, int]]:
    """Worker: render the dossiers of a chunk of institutions into the blob store (content-addressed)."""
    items, categories, texts, root, edition_name, year, seed = args
    blobs = BlobStore(Path(root))
    out = []
    for dossier_id, item in items:
        dossier, rendered = render_dossier(item, categories[item.institution.category_id], texts, dossier_id=dossier_id,
                                           edition_name=edition_name, year=year, seed=seed)
        for r in rendered:
            blobs.put(r.data, expected_sha256=r.document.sha256, durable=False)
        out.append((dossier, len(rendered)))
    return out


def _render_all(items: list[tuple[str, demo_data.DemoInstitution]], edition: Edition, blobs: BlobStore,
                seed: int) -> list[Dossier]:
    categories = {c.id: c for c in edition.categories}
    texts = demo_data.texts()
    workers = min(os.cpu_count() or 1, 4)
    if len(items) < PARALLEL_FROM or workers < 2:
        chunks = [items]
    else:
        size = max(10, len(items) // (workers * 8))
        chunks = [items[i:i + size] for i in range(0, len(items), size)]
    jobs = [(chunk, categories, texts, str(blobs.root), edition.name, edition.year, seed) for chunk in chunks]
    if len(jobs) == 1:
        results = [_render_chunk(jobs[0])]
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(_render_chunk, jobs))
    return [dossier for chunk in results for dossier, _ in chunk]


def _encrypt_keys(requests: Sequence[tuple[Ed25519PrivateKey, str, str]]) -> list[bytes]:
    return [encrypt_private_key(key, passphrase, label=label, kdf=DEMO_KDF) for key, passphrase, label in requests]


def generate_demo(outdir: Path, settings: DemoSettings = DemoSettings(),
                  progress: Callable[[str], None] = lambda _: None) -> DemoSummary:
    """Write a complete simulated edition into ``outdir`` (new or empty)."""
    started = time.perf_counter()
    outdir = Path(outdir)
    _check_outdir(outdir)
    if settings.per_dossier > settings.jurors:
        raise UserError(
            "per_dossier_exceeds_jurors",
            pl=f"Liczba oceniających na teczkę ({settings.per_dossier}) przekracza liczbę członków Kapituły ({settings.jurors}).",
            en=f"Jurors per dossier ({settings.per_dossier}) exceeds the number of jurors ({settings.jurors}).",
        )
    rng = random.Random(settings.seed)
    edition = demo_data.demo_edition()
    year = edition.year
    summary = DemoSummary(outdir, settings)
    for folder in ("keys", "enrollments", "bundles", "packages"):
        (outdir / folder).mkdir(parents=True, exist_ok=True)

    db_path = outdir / "organizer.sqlite"
    db = open_organizer_db(db_path)
    blobs = BlobStore.beside(db_path)
    organizer_key = demo_key(settings.seed, "organizer")
    organizer_edition.create_edition(db, edition, organizer_key.public_key(), key_file="keys/organizer.key")

    progress(pick(f"Dokumenty {settings.institutions} jednostek…", f"Documents of {settings.institutions} institutions…"))
    institutions = demo_data.make_institutions(settings.institutions, rng)
    items = [(f"d{i:04d}", item) for i, item in enumerate(institutions, start=1)]
    dossiers = _render_all(items, edition, blobs, settings.seed)
    flush_to_disk()
    organizer_documents.add_dossiers(db, blobs, [i.institution for i in institutions], dossiers, files={})
    summary.dossiers = len(dossiers)
    summary.documents = sum(len(d.documents) for d in dossiers)

    progress(pick(f"Klucze i zgłoszenia {settings.jurors} członków Kapituły…", f"Keys and enrollments of {settings.jurors} jurors…"))
    people = demo_data.make_jurors(settings.jurors, rng)
    juror_keys = [demo_key(settings.seed, f"juror-{n}") for n in range(1, len(people) + 1)]
    passphrases = {"organizer": demo_passphrase(settings.seed, "organizer")}
    requests = [(organizer_key, passphrases["organizer"], "organizer")]
    juror_ids: list[str] = []
    for n, (person, key) in enumerate(zip(people, juror_keys), start=1):
        enrollment_path = outdir / "enrollments" / f"juror-{n:03d}{ENROLLMENT_SUFFIX}"
        write_enrollment(enrollment_path, private_key=key, name=person.name, affiliation=person.affiliation,
                         email=person.email, created_at=f"{year}-10-01T09:{n % 60:02d}:00Z")
        enrollment = read_enrollment(enrollment_path)
        juror = organizer_setup.enroll(db, enrollment, role=person.role)
        juror_ids.append(juror.id)
        passphrases[juror.id] = demo_passphrase(settings.seed, juror.id)
        requests.append((key, passphrases[juror.id], juror.id))
    for (key, _, label), data in zip(requests, _encrypt_keys(requests)):
        save_private_key(outdir / "keys" / f"{label}.key", data)
    summary.jurors = len(juror_ids)

    progress(pick("Przydziały i paczki z przydziałem…", "Assignments and bundles…"))
    by_institution = {i.institution.id: i for i in institutions}
    if len(juror_ids) > settings.per_dossier and dossiers:
        conflicted = rng.sample(dossiers, k=min(2, len(dossiers)))
        with db.atomic():
            for dossier in conflicted:
                db["known_conflicts"].insert({
                    "juror_id": rng.choice(juror_ids), "institution_id": dossier.institution_id,
                    "reason": "Zgłoszony wcześniej związek z jednostką (dane demonstracyjne)."})
    # A tiny demo (few jurors, conflicts drawn at random) may not balance perfectly: write it anyway.
    plan = organizer_assignment.assign(db, per_dossier=settings.per_dossier, seed=settings.seed, allow_partial=True,
                                       by="demo")
    summary.assignments = len(plan.assignments)
    issued = {}
    for juror_id in juror_ids:
        bundle_path = outdir / "bundles" / f"{juror_id}{BUNDLE_SUFFIX}"
        issued[juror_id] = organizer_setup.export_bundle(db, blobs, juror_id, organizer_key, bundle_path,
                                                         created_at=f"{year}-10-15T09:00:00Z")
        summary.bundles.append(bundle_path)

    if settings.with_packages:
        progress(pick("Symulowane oceny i paczki ocen…", "Simulated scoring and score packages…"))
    truths = {d.id: dossier_truth(edition, d.id, by_institution[d.institution_id], rng) for d in dossiers}
    texts = demo_data.texts()
    assigned: dict[str, list[str]] = {}
    for a in plan.assignments:
        assigned.setdefault(a.juror_id, []).append(a.dossier_id)
    for index, (juror_id, person, key) in enumerate(zip(juror_ids, people, juror_keys) if settings.with_packages else ()):
        content = simulate_package(
            edition=edition, juror_id=juror_id, juror=person, dossiers=[truths[d] for d in sorted(assigned.get(juror_id, []))],
            texts=texts, bundle_manifest_sha256=issued[juror_id].manifest_sha256, bundle_revision=issued[juror_id].revision,
            rng=random.Random(f"{settings.seed}|{juror_id}"),
            start=datetime(year, 10, 16 + index % 10, 17, 0, tzinfo=timezone.utc),
        )
        package_path = outdir / "packages" / f"{juror_id}-r{content.revision}{PACKAGE_SUFFIX}"
        write_package(package_path, juror_key=key, juror_name=person.name, content=content, created_at=content.created_at)
        summary.packages.append(package_path)
        summary.scores += len(content.scores)
        summary.conflicts += len(content.conflicts)

    atomic_write(outdir / "keys" / "allowed_signers", organizer_setup.allowed_signers(db).encode("utf-8"))
    atomic_write(outdir / "keys" / "README.md", _keys_readme(db, passphrases).encode("utf-8"))
    atomic_write(outdir / "README.md", _outdir_readme(summary).encode("utf-8"))
    db.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _keys_readme(db, passphrases: dict[str, str]) -> str:
    rows = ["# Klucze demonstracyjne / demo keys", "",
            "Tylko do demonstracji: klucze wyprowadzono z ziarna, a hasła są zapisane poniżej. "
            "Prawdziwy klucz powstaje na laptopie członka Kapituły i nigdy go nie opuszcza.",
            "For demonstration only: keys are derived from the seed and their passphrases are written below. "
            "A real key is made on the juror's laptop and never leaves it.", "",
            f"Ponieważ hasła są jawne, klucze demonstracyjne chroni lżejsze ustawienie Argon2id "
            f"({DEMO_KDF.memory_cost_kib // 1024} MiB, {DEMO_KDF.time_cost} przebiegi); klucze tworzone w programie — pełne "
            "(128 MiB, 3 przebiegi, kilkaset ms na odblokowanie).",
            f"Since the passphrases are public, demo keys use a lighter Argon2id setting ({DEMO_KDF.memory_cost_kib // 1024} MiB, "
            f"{DEMO_KDF.time_cost} passes); keys made in the program use the full one (128 MiB, 3 passes, a few hundred ms to unlock).", "",
            "| plik / file | kto / who | odcisk / fingerprint | hasło / passphrase |", "|---|---|---|---|"]
    organizer = organizer_setup.organizer_public_key(db)
    rows.append(f"| organizer.key | organizator / organizer | {fingerprint(organizer)} | `{passphrases['organizer']}` |")
    for juror_id, name, fp in db.execute(
        "SELECT j.id, j.name, k.fingerprint FROM jurors j JOIN juror_keys k ON k.juror_id = j.id ORDER BY j.id"
    ):
        rows.append(f"| {juror_id}.key | {name} | {fp} | `{passphrases[juror_id]}` |")
    rows += ["", "`allowed_signers`: klucze do `ssh-keygen -Y verify` (przestrzenie nazw / namespaces: "
             f"`{sshsig.NAMESPACE_BUNDLE}`, `{sshsig.NAMESPACE_PACKAGE}`, `{sshsig.NAMESPACE_ENROLLMENT}`).", ""]
    return "\n".join(rows)


def _outdir_readme(summary: DemoSummary) -> str:
    s = summary.settings
    return "\n".join([
        "# Edycja demonstracyjna / demo edition", "",
        f"Wygenerowano poleceniem / made by: `juror-app demo {summary.outdir.name} --institutions {s.institutions} "
        f"--jurors {s.jurors} --per-dossier {s.per_dossier} --seed {s.seed}`", "",
        "- `organizer.sqlite` — baza organizatora (edycja, skład Kapituły, przydziały); dokumenty w `organizer.documents/`",
        "- `keys/` — klucze demonstracyjne, hasła w `keys/README.md`, `allowed_signers`",
        "- `enrollments/` — zgłoszenia członków Kapituły (klucze publiczne)",
        "- `bundles/` — paczki z przydziałem, po jednej na członka Kapituły",
        "- `packages/` — paczki ocen, po jednej na członka Kapituły", "",
        "Sprawdzenie / check: `juror-app verify packages/<plik> --db organizer.sqlite`", "",
    ])
