"""``juror-app --demo``: a fresh juror profile on the demo edition, with its bundle imported.

The profile uses the key of the demo edition's first juror (the bundles are addressed to the
jurors' keys), protected with the demo passphrase, which is shown to the person in the window.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from juror_app.workflows.demo import generate as demo
from juror_app.workflows.juror import bundle_import as juror_import
from juror_app.workflows.juror.document_checks import check_received
from juror_app.workflows.juror.profile import JurorProfile, create_profile, profile_info


@dataclass(frozen=True)
class DemoWorkstation:
    profile: JurorProfile
    passphrase: str
    edition_folder: Path
    juror_id: str


def prepare_demo_workstation(root: Path, *, seed: int = 2026, settings: demo.DemoSettings | None = None,
                             progress: Callable[[str], None] = lambda _: None) -> DemoWorkstation:
    """Generate the demo edition under ``root/edition`` and a profile for juror j001 under ``root/profile``."""
    root = Path(root)
    settings = settings or demo.DemoSettings(seed=seed, with_packages=False)
    edition_folder = root / "edition"
    demo.generate_demo(edition_folder, settings, progress=progress)
    from juror_app.store.organizer_schema import open_organizer_db

    organizer_db = open_organizer_db(edition_folder / "organizer.sqlite")
    try:
        juror_id, name, affiliation, email = organizer_db.execute(
            "SELECT id, name, affiliation, email FROM jurors ORDER BY id LIMIT 1").fetchone()
    finally:
        organizer_db.close()
    passphrase = demo.demo_passphrase(settings.seed, juror_id)
    profile = JurorProfile(root / "profile")
    create_profile(profile.folder, name=name, affiliation=affiliation, email=email, passphrase=passphrase,
                   passphrase_again=passphrase, kdf=demo.DEMO_KDF, key=demo.demo_key(settings.seed, "juror-1"))
    db = profile.open_db()
    try:
        bundle = edition_folder / "bundles" / f"{juror_id}{demo.BUNDLE_SUFFIX}"
        preview = juror_import.inspect_bundle(db, bundle)
        result = juror_import.import_bundle(profile, db, bundle, accept_organizer_fingerprint=preview.organizer_fingerprint)
        check_received(db, profile.documents, result.documents_to_check)  # as the import dialog's second phase
        assert profile_info(db).juror_id == juror_id
    finally:
        db.close()
    return DemoWorkstation(profile, passphrase, edition_folder, juror_id)
