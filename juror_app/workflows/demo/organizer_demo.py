"""The demo edition the organizer's window starts from: packages written, not yet merged."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from juror_app.workflows.demo.generate import DemoSettings, DemoSummary, generate_demo

DEMO_FOLDER_NAME = "edycja-demo"


@dataclass(frozen=True)
class OrganizerDemo:
    folder: Path
    database: Path
    packages: Path
    summary: DemoSummary


def prepare_organizer_demo(root: Path, settings: DemoSettings | None = None,
                           progress: Callable[[str], None] = lambda _: None) -> OrganizerDemo:
    """Generate a fresh demo edition under ``root``: the database, and the jurors' packages NOT yet merged
    (merging them is what the organizer's import dialog is for)."""
    folder = Path(root) / DEMO_FOLDER_NAME
    summary = generate_demo(folder, settings or DemoSettings(), progress=progress)
    return OrganizerDemo(folder, folder / "organizer.sqlite", folder / "packages", summary)
