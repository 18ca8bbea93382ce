"""Exporting the results from the window's workflow gives the bytes of ``juror-app results``, atomically."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from juror_app.domain.errors import UserError
from juror_app.store.connection import connect
from juror_app.workflows.demo.generate import DemoSettings
from juror_app.workflows.organizer.results_export import export_results, suggested_results_name

SETTINGS = DemoSettings(institutions=12, jurors=6, per_dossier=3, seed=3)


@pytest.fixture
def merged_db(demo_editions, tmp_path: Path) -> Path:
    folder = tmp_path / "edition"
    shutil.copytree(demo_editions(SETTINGS, merged=True), folder)
    return folder / "organizer.sqlite"


@pytest.mark.parametrize("fmt", ["csv", "json"])
@pytest.mark.parametrize("normalised", [False, True])
def test_the_same_bytes_as_the_command_line(merged_db: Path, tmp_path: Path, cli_run, fmt: str, normalised: bool) -> None:
    out = tmp_path / suggested_results_name(2026, fmt, normalised=normalised, lang="pl")
    db = connect(merged_db)
    try:
        exported = export_results(db, out, fmt=fmt, normalised=normalised)
    finally:
        db.close()
    by_cli = tmp_path / f"cli.{fmt}"
    code, _, err = cli_run("results", "--db", str(merged_db), "--format", fmt, "--out", str(by_cli),
                           *(["--normalised"] if normalised else []))
    assert code == 0, err
    assert out.read_bytes() == by_cli.read_bytes()
    assert exported.size == out.stat().st_size and exported.dossiers == 12 and exported.path == out
    if fmt == "csv":
        assert out.read_bytes().startswith("\ufeff".encode()) and b";" in out.read_bytes()
    print(out.name, exported.size, "bytes, identical to juror-app results")


def test_bad_targets_are_refused_and_a_failed_write_leaves_the_earlier_file(merged_db: Path, tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    db = connect(merged_db)
    try:
        with pytest.raises(UserError) as no_folder:
            export_results(db, tmp_path / "brak" / "wyniki.csv", fmt="csv")
        assert no_folder.value.code == "no_such_folder" and "Nie ma folderu" in no_folder.value.message("pl")
        with pytest.raises(UserError) as folder:
            export_results(db, tmp_path, fmt="json")
        assert folder.value.code == "output_is_folder"
        with pytest.raises(UserError) as bad_format:
            export_results(db, tmp_path / "wyniki.xlsx", fmt="xlsx")
        assert bad_format.value.code == "bad_results_format"

        earlier = tmp_path / "wyniki.csv"
        earlier.write_bytes(b"earlier results\n")

        def broken_replace(src, dst):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "replace", broken_replace)
        with pytest.raises(UserError) as full:
            export_results(db, earlier, fmt="csv")
    finally:
        db.close()
    assert full.value.code == "results_save_failed" and "No space left" in full.value.message("en")
    assert earlier.read_bytes() == b"earlier results\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".wyniki")) == [], "no temporary file left"
