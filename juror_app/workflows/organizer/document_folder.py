"""A folder of applicants' files: every file in it, and the institution (dossier) each one belongs to.

:func:`scan_folder` lists every file under the folder (links to folders are listed, not followed;
only regular files are ever opened, so a named pipe cannot hang the import). :class:`Matcher`
says whose a file is, by the rules of :mod:`juror_app.domain.document_rules`: a folder on its path
named by an institution's identifier, its dossier's identifier or its name, or a file name starting
with one of those identifiers. A file that two different institutions could claim is ambiguous
and never guessed.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from enum import Enum
from pathlib import Path, PurePosixPath

from juror_app.domain.document_rules import IdIndex, name_key
from juror_app.domain.errors import UserError
from juror_app.domain.i18n import pick
from juror_app.store.connection import Queryable

MAX_FILES = 50_000  # a national edition has 8,000 documents; more means the wrong folder was chosen
SYSTEM_FILES = {".ds_store", "thumbs.db", "desktop.ini", "ehthumbs.db", ".directory"}


@dataclass(frozen=True)
class FoundFile:
    """One entry under the chosen folder (``problem``: why it cannot be read as a file, else "")."""

    path: Path
    relative: str  # with "/" between folders, as shown to the organizer
    size: int = 0
    mtime_ns: int = 0
    problem: str = ""  # "link_to_folder", "not_regular", "unreadable_folder", "unreadable"

    @property
    def parts(self) -> tuple[str, ...]:
        return PurePosixPath(self.relative).parts

    @property
    def is_system_file(self) -> bool:
        name = self.parts[-1]
        return name.casefold() in SYSTEM_FILES or name.startswith(("._", "~$"))


class FolderError(UserError):
    """The chosen folder cannot be read at all (missing, not a folder, far too many files)."""


def entry_of(path: Path, relative: str) -> FoundFile:
    """The entry of one path (stat follows a link to a file; a link to a folder is named as such)."""
    try:
        info = path.stat()
    except OSError:
        return FoundFile(path, relative, problem="unreadable")
    if stat.S_ISDIR(info.st_mode):
        return FoundFile(path, relative, problem="link_to_folder")
    if not stat.S_ISREG(info.st_mode):
        return FoundFile(path, relative, problem="not_regular")
    return FoundFile(path, relative, info.st_size, info.st_mtime_ns)


def scan_folder(folder: Path, *, limit: int = MAX_FILES) -> list[FoundFile]:
    """Every entry under ``folder`` that is not a folder, in a stable order (by path, ignoring case)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FolderError(
            "not_a_folder",
            pl=f"„{folder}” nie jest folderem. Wybierz folder z dokumentami jednostek.",
            en=f"“{folder}” is not a folder. Choose the folder with the institutions' documents.")
    found: list[FoundFile] = []

    def unreadable(error: OSError) -> None:
        where = Path(error.filename or folder)
        found.append(FoundFile(where, _relative(folder, where) + "/", problem="unreadable_folder"))

    for root, dirs, files in os.walk(folder, onerror=unreadable, followlinks=False):
        base = Path(root)
        for name in list(dirs):
            if (base / name).is_symlink():
                dirs.remove(name)
                found.append(entry_of(base / name, _relative(folder, base / name)))
        for name in files:
            found.append(entry_of(base / name, _relative(folder, base / name)))
        if len(found) > limit:
            raise FolderError(
                "too_many_files",
                pl=f"W folderze „{folder}” jest ponad {limit} plików; to chyba nie ten folder. Wybierz folder, "
                   "w którym są dokumenty jednostek (np. ich podfoldery).",
                en=f"The folder “{folder}” holds more than {limit} files; it is probably not the right one. Choose the "
                   "folder that holds the institutions' documents (e.g. their subfolders).")
    found.sort(key=lambda f: (f.relative.casefold(), f.relative))
    return found


def _relative(folder: Path, path: Path) -> str:
    try:
        return path.relative_to(folder).as_posix()
    except ValueError:
        return path.as_posix()


def folder_state(files: list[FoundFile]) -> str:
    """A digest of the listing (paths, sizes, modification times): it changes when the folder does."""
    digest = hashlib.sha256()
    for f in files:
        digest.update(f"{f.relative}\0{f.size}\0{f.mtime_ns}\0{f.problem}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


class MatchRule(str, Enum):
    FOLDER_INSTITUTION_ID = "folder_institution_id"
    FOLDER_DOSSIER_ID = "folder_dossier_id"
    FOLDER_NAME = "folder_name"
    FILE_INSTITUTION_ID = "file_institution_id"
    FILE_DOSSIER_ID = "file_dossier_id"
    CHOSEN = "chosen"  # one file added to the dossier the organizer chose


MATCH_NAMES = {
    MatchRule.FOLDER_INSTITUTION_ID: ("folder „{text}” = identyfikator jednostki", "folder “{text}” = the institution's id"),
    MatchRule.FOLDER_DOSSIER_ID: ("folder „{text}” = identyfikator teczki", "folder “{text}” = the dossier's id"),
    MatchRule.FOLDER_NAME: ("folder „{text}” = nazwa jednostki", "folder “{text}” = the institution's name"),
    MatchRule.FILE_INSTITUTION_ID: ("nazwa pliku zaczyna się od identyfikatora jednostki {text}",
                                    "the file name starts with the institution's id {text}"),
    MatchRule.FILE_DOSSIER_ID: ("nazwa pliku zaczyna się od identyfikatora teczki {text}",
                                "the file name starts with the dossier's id {text}"),
    MatchRule.CHOSEN: ("teczka wybrana ręcznie", "the dossier chosen by hand"),
}


@dataclass(frozen=True)
class Target:
    """A dossier a file can go to ("" when its institution has no dossier)."""

    institution_id: str
    institution_name: str
    dossier_id: str


@dataclass(frozen=True)
class Match:
    """Whose a file is: one target, none (``unmatched``), or several (``ambiguous``, all listed)."""

    targets: tuple[Target, ...] = ()
    rule: MatchRule | None = None
    text: str = ""  # the folder name or the identifier that matched
    strip_id: str = ""  # the identifier the file name starts with (taken off its title)
    folders_below: tuple[str, ...] = ()  # folders between the matched one and the file, innermost first

    @property
    def target(self) -> Target | None:
        return self.targets[0] if len(self.targets) == 1 else None

    @property
    def ambiguous(self) -> bool:
        return len(self.targets) > 1

    def describe(self, lang: str | None = None) -> str:
        if self.rule is None:
            return ""
        pl, en = MATCH_NAMES[self.rule]
        return pick(pl, en, lang).format(text=self.text)


class Matcher:
    """The edition's institutions and dossiers, indexed for matching names of folders and files."""

    def __init__(self, institutions: dict[str, str], dossier_of: dict[str, str]) -> None:
        """``institutions``: id → name; ``dossier_of``: institution id → its dossier id."""
        self.targets = {i: Target(i, name, dossier_of.get(i, "")) for i, name in institutions.items()}
        self.by_dossier = {d: self.targets[i] for i, d in dossier_of.items() if i in self.targets}
        self.by_name: dict[str, list[Target]] = {}
        for target in self.targets.values():
            key = name_key(target.institution_name)
            if key:
                self.by_name.setdefault(key, []).append(target)
        self._institution_ids = {i.casefold(): [] for i in self.targets}
        for i, target in self.targets.items():
            self._institution_ids[i.casefold()].append(target)
        self._dossier_ids: dict[str, list[Target]] = {}
        for d, target in self.by_dossier.items():
            self._dossier_ids.setdefault(d.casefold(), []).append(target)
        self._all_ids = IdIndex(sorted(set(self.targets) | set(self.by_dossier)))

    @classmethod
    def of(cls, db: Queryable) -> Matcher:
        institutions = {r[0]: r[1] for r in db.execute("SELECT id, name FROM institutions")}
        dossier_of: dict[str, str] = {}
        for dossier_id, institution_id in db.execute("SELECT id, institution_id FROM dossiers ORDER BY id"):
            dossier_of.setdefault(institution_id, dossier_id)
        return cls(institutions, dossier_of)

    def _by_id(self, ident: str) -> tuple[list[Target], MatchRule | None, MatchRule | None]:
        """Targets an identifier names, as an institution's and as a dossier's id."""
        key = ident.casefold()
        return (self._institution_ids.get(key, []) + self._dossier_ids.get(key, []),
                MatchRule.FOLDER_INSTITUTION_ID if key in self._institution_ids else None,
                MatchRule.FOLDER_DOSSIER_ID if key in self._dossier_ids else None)

    def _id_prefix(self, text: str) -> tuple[list[Target], str, bool]:
        """Targets whose id starts ``text`` (the longest such id), that id, and whether it is an institution's."""
        ids = self._all_ids.at_start(text)
        targets: list[Target] = []
        institution = False
        for ident in ids:
            found, as_institution, _ = self._by_id(ident)
            targets += found
            institution = institution or as_institution is not None
        return targets, (ids[0] if ids else ""), institution

    def _folder(self, name: str) -> tuple[list[Target], MatchRule | None]:
        found, institution_rule, dossier_rule = self._by_id(name)
        if found:
            return found, institution_rule or dossier_rule
        found, ident, institution = self._id_prefix(name)
        if found:
            return found, MatchRule.FOLDER_INSTITUTION_ID if institution else MatchRule.FOLDER_DOSSIER_ID
        by_name = self.by_name.get(name_key(name), [])
        return list(by_name), (MatchRule.FOLDER_NAME if by_name else None)

    def match(self, relative: str) -> Match:
        parts = PurePosixPath(relative).parts
        folders, file_name = parts[:-1], parts[-1] if parts else ""
        stem = file_name.rsplit(".", 1)[0] if "." in file_name else file_name
        claims: list[tuple[int, list[Target], MatchRule, str]] = []
        for index, folder in enumerate(folders):
            targets, rule = self._folder(folder)
            if rule is not None:
                claims.append((index, targets, rule, folder))
        file_targets, file_id, institution = self._id_prefix(stem)
        if file_targets:
            rule = MatchRule.FILE_INSTITUTION_ID if institution else MatchRule.FILE_DOSSIER_ID
            claims.append((len(folders), file_targets, rule, file_id))
        if not claims:
            return Match()
        every = {t.institution_id: t for _, targets, _, _ in claims for t in targets}
        index, _, rule, text = claims[0]
        below = tuple(reversed(folders[index + 1:] if index < len(folders) else folders))
        if len(every) != 1:
            return Match(tuple(sorted(every.values(), key=lambda t: t.institution_id)), rule, text)
        return Match((next(iter(every.values())),), rule, text, file_id, below)
