"""``juror-app demo OUTDIR``: a complete simulated edition."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from juror_app.cli.common import (
    EXIT_OK,
    os_error_reason,
    positive,
    seed,
)
from juror_app.domain.errors import UserError
from juror_app.domain.i18n import pick


def add_parser(sub: argparse._SubParsersAction) -> None:
    demo = sub.add_parser("demo", help=pick("zapisz symulowaną edycję (baza, klucze, paczki)", "write a simulated edition (database, keys, files)"),
                          description=pick(
                              "Zapisuje w OUTDIR kompletną symulowaną edycję: organizer.sqlite, keys/ (klucze demonstracyjne, hasła w keys/README.md), "
                              "enrollments/, bundles/ (paczka z przydziałem dla każdego członka Kapituły) i packages/ (podpisane paczki ocen).",
                              "Writes a complete simulated edition into OUTDIR: organizer.sqlite, keys/ (demo keys, passphrases in keys/README.md), "
                              "enrollments/, bundles/ (one assignment bundle per juror) and packages/ (signed score packages)."))
    demo.add_argument("outdir", type=Path, metavar="OUTDIR", help=pick("nowy lub pusty folder", "a new or empty folder"))
    demo.add_argument("--institutions", type=positive(20_000), default=24, metavar="N", help=pick("liczba jednostek (domyślnie 24)", "number of institutions (default 24)"))
    demo.add_argument("--jurors", type=positive(500), default=12, metavar="M", help=pick("liczba członków Kapituły (domyślnie 12)", "number of jurors (default 12)"))
    demo.add_argument("--per-dossier", type=positive(50), default=3, metavar="K", help=pick("oceniających na teczkę (domyślnie 3)", "jurors per dossier (default 3)"))
    demo.add_argument("--seed", type=seed, default=2026, metavar="S", help=pick("ziarno losowania (domyślnie 2026)", "random seed (default 2026)"))
    demo.set_defaults(handler=_run_demo)


def _run_demo(args: argparse.Namespace) -> int:
    from juror_app.workflows.demo.generate import DemoSettings, generate_demo

    if args.per_dossier > args.jurors:
        raise UserError(
            "per_dossier_exceeds_jurors",
            pl=f"--per-dossier ({args.per_dossier}) nie może być większe niż --jurors ({args.jurors}).",
            en=f"--per-dossier ({args.per_dossier}) cannot exceed --jurors ({args.jurors}).",
        )
    _writable_outdir(args.outdir)
    settings = DemoSettings(institutions=args.institutions, jurors=args.jurors, per_dossier=args.per_dossier, seed=args.seed)
    summary = generate_demo(args.outdir, settings, progress=lambda msg: print(msg, file=sys.stderr))
    print(summary.render())
    return EXIT_OK


def _writable_outdir(outdir: Path) -> None:
    """Make the output folder and try one file in it, so that a folder nobody may write is refused up front."""
    if outdir.exists() and not outdir.is_dir():
        return  # the demo itself says it is a file, not a folder
    try:
        outdir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=outdir):
            pass
    except OSError as exc:
        raise UserError(
            "outdir_not_writable",
            pl=f"Nie można zapisywać w folderze „{outdir}”: {os_error_reason(exc)[0]}. Podaj nowy lub pusty folder w miejscu, "
               "w którym możesz zapisywać (np. w katalogu domowym).",
            en=f"Cannot write in the folder “{outdir}”: {os_error_reason(exc)[1]}. Give a new or empty folder in a place "
               "you can write to (your home folder, for example).",
        ) from exc
