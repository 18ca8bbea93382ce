"""``juror-app enroll``: a juror's key and enrollment file made without the window (as the first-run wizard does).

A new profile folder gets the juror's signing key (Argon2id, the passphrase typed twice or from
``--passphrase-file``) and the signed enrollment file for the organizer. For a profile that exists,
the enrollment file is written again from it (its passphrase unlocks the key): a juror who sends it
once more need not make a new key.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from juror_app.cli.common import EXIT_OK
from juror_app.cli.passphrase import existing_passphrase, new_passphrase, passphrase_file_help
from juror_app.domain.errors import ValidationError
from juror_app.domain.i18n import pick

SUFFIX = ".pu-enrollment"


def add_parser(sub: argparse._SubParsersAction) -> None:
    enroll = sub.add_parser(
        "enroll", help=pick("utwórz klucz członka Kapituły i plik zgłoszenia dla organizatora",
                            "make a juror's key and the enrollment file for the organizer"),
        description=pick(
            "Tworzy profil członka Kapituły w folderze --profile (klucz podpisu chroniony hasłem, Argon2id, jak w kreatorze "
            "pierwszego uruchomienia) i zapisuje podpisany plik zgłoszenia (.pu-enrollment) do wysłania organizatorowi. "
            "Jeśli profil w tym folderze już jest, zapisuje plik zgłoszenia z niego (po podaniu hasła klucza). Podaj "
            "organizatorowi przez telefon wypisany odcisk klucza. Plik wynikowy nie może istnieć.",
            "Makes a juror's profile in the --profile folder (a signing key protected by a passphrase, Argon2id, as the "
            "first-run wizard does) and writes the signed enrollment file (.pu-enrollment) to send to the organizer. If the "
            "folder already holds a profile, the enrollment file is written from it (after its key's passphrase). Read the "
            "printed key fingerprint to the organizer by phone. The output file must not exist."))
    enroll.add_argument("--profile", type=Path, required=True, metavar=pick("FOLDER", "FOLDER"),
                        help=pick("folder profilu (nowy albo istniejący)", "the profile folder (new or existing)"))
    enroll.add_argument("--name", default=None, help=pick("imię i nazwisko (z tytułem)", "name (with title)"))
    enroll.add_argument("--affiliation", default=None, help=pick("instytucja", "affiliation"))
    enroll.add_argument("--email", default="", help=pick("adres e-mail (nieobowiązkowy)", "e-mail address (optional)"))
    enroll.add_argument("--out", type=Path, required=True, metavar="PLIK.pu-enrollment",
                        help=pick("plik zgłoszenia do zapisania", "the enrollment file to write"))
    enroll.add_argument("--passphrase-file", type=Path, default=None, metavar=pick("PLIK", "FILE"),
                        help=passphrase_file_help())
    enroll.set_defaults(handler=_run)


def _target(out: Path) -> Path:
    target = out if out.name.endswith(SUFFIX) else out.with_name(out.name + SUFFIX)
    if target.exists():
        raise ValidationError("output_exists", pl=f"Plik „{target}” już istnieje. Podaj inną nazwę (nie nadpisuję go).",
                              en=f"The file “{target}” already exists. Give another name (it is not overwritten).")
    if not target.parent.is_dir():
        raise ValidationError("output_folder_missing", pl=f"Folder „{target.parent}” nie istnieje.",
                              en=f"The folder “{target.parent}” does not exist.")
    return target


def _run(args: argparse.Namespace) -> int:
    from juror_app.workflows.juror.profile import JurorProfile, create_profile, export_enrollment, profile_info

    target = _target(args.out)
    profile = JurorProfile(args.profile)
    existing = profile.database_path.exists() or profile.key_path.exists()
    if existing:
        db = profile.open_db()
        try:
            info = profile_info(db)
            given = {"name": args.name, "affiliation": args.affiliation}
            if any(value is not None and value.strip() != getattr(info, field) for field, value in given.items()):
                raise ValidationError(
                    "profile_details_differ",
                    pl=f"Profil w „{args.profile}” należy do: {info.name} ({info.affiliation}). Pomiń --name i --affiliation "
                       "albo wybierz inny folder na nowy profil.",
                    en=f"The profile in “{args.profile}” belongs to {info.name} ({info.affiliation}). Leave out --name and "
                       "--affiliation, or choose another folder for a new profile.")
            passphrase = existing_passphrase(args.passphrase_file, profile.key_path)
            enrollment = export_enrollment(profile, db, passphrase, target)
        finally:
            db.close()
    else:
        missing = [flag for flag, value in (("--name", args.name), ("--affiliation", args.affiliation)) if not value]
        if missing:
            raise ValidationError("enroll_details_missing",
                                  pl=f"Nowy profil potrzebuje: {', '.join(missing)}.",
                                  en=f"A new profile needs: {', '.join(missing)}.")
        passphrase, again = new_passphrase(args.passphrase_file, whose_pl="członka Kapituły", whose_en="juror")
        create_profile(profile.folder, name=args.name, affiliation=args.affiliation, email=args.email,
                       passphrase=passphrase, passphrase_again=again)
        db = profile.open_db()
        try:
            enrollment = export_enrollment(profile, db, passphrase, target)
        finally:
            db.close()
    print(pick(f"{'Istniejący profil' if existing else 'Nowy profil'}: {profile.folder} — {enrollment.name} "
               f"({enrollment.affiliation}).",
               f"{'Existing profile' if existing else 'New profile'}: {profile.folder} — {enrollment.name} "
               f"({enrollment.affiliation})."))
    print(pick(f"Zapisano plik zgłoszenia: {target}", f"Wrote the enrollment file: {target}"))
    print(pick(f"Odcisk klucza: {enrollment.fingerprint} — podaj go organizatorowi przez telefon.",
               f"Key fingerprint: {enrollment.fingerprint} — read it to the organizer by phone."))
    return EXIT_OK
