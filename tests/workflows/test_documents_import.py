"""The dossiers' PDFs from a folder (issue 12, item 3): matched, kinds inferred, every PDF checked in a
capped child process, every file listed with its fate, nothing written by a preview or a refusal."""

from __future__ import annotations

from pathlib import Path

import pytest

from juror_app.domain.errors import ValidationError
from juror_app.domain.model import DocumentKind
from juror_app.store.organizer_schema import open_organizer_db
from juror_app.workflows.organizer.document_edits import dossiers_with_documents
from juror_app.workflows.organizer.documents import FileOutcome, apply_documents, preview_documents
from tests.pdf_corpus import hostile

from .document_helpers import FILE_NAMES, STAGE_II, dump, make_edition, write_folder


@pytest.fixture(scope="module")
def edition_template(tmp_path_factory) -> tuple[Path, list]:
    return make_edition(tmp_path_factory.mktemp("documents") / "template", 6)


@pytest.fixture
def edition(edition_template, tmp_path) -> tuple[Path, list]:
    import shutil

    source, items = edition_template
    target = tmp_path / "edition"
    shutil.copytree(source.parent, target)
    return target / source.name, items


def _stored(db_path: Path) -> dict[str, list[tuple[str, str]]]:
    db = open_organizer_db(db_path)
    try:
        return {d.dossier_id: sorted((doc.kind, doc.title) for doc in d.documents)
                for d in dossiers_with_documents(db) if d.documents}
    finally:
        db.close()


@pytest.mark.parametrize("layout", ["id", "name", "dossier", "files"])
def test_every_layout_attaches_each_file_to_its_dossier_with_its_kind(edition, tmp_path, layout) -> None:
    db_path, items = edition
    write_folder(tmp_path / "pdf", items, layout=layout)
    db = open_organizer_db(db_path)
    try:
        preview = preview_documents(db, tmp_path / "pdf")
        assert preview.counts[FileOutcome.ADD] == 2 * len(items), [(f.relative, f.outcome, f.reason) for f in preview.files]
        apply_documents(db, preview)
    finally:
        db.close()
    stored = _stored(db_path)
    assert set(stored) == {"d" + item.institution.id[1:] for item in items}
    for kinds in stored.values():
        assert sorted(k for k, _ in kinds) == sorted([DocumentKind.APPLICATION_FORM.value, DocumentKind.QUALITY_POLICY.value])


def test_bad_files_are_each_listed_with_their_reason_and_the_preview_writes_nothing(edition, tmp_path) -> None:
    db_path, items = edition
    folder = tmp_path / "pdf"
    write_folder(folder, items[:2])
    first = items[0].institution.id
    (folder / first / "Polityka jakości uszkodzona.pdf").write_bytes(hostile.truncated())
    (folder / first / "zaszyfrowany wniosek.pdf").write_bytes(hostile.encrypted())
    (folder / first / "pusty.pdf").write_bytes(b"")
    (folder / first / "bez stron.pdf").write_bytes(hostile.no_pages())
    (folder / first / "notatka.pdf").write_bytes(hostile.not_a_pdf())
    (folder / "Urząd, którego nie ma").mkdir()
    (folder / "Urząd, którego nie ma" / "wniosek.pdf").write_bytes(hostile.plain())
    before = dump(db_path)
    db = open_organizer_db(db_path)
    try:
        preview = preview_documents(db, folder)
    finally:
        db.close()
    assert dump(db_path) == before, "a preview writes nothing"
    refused = {f.relative: f.reason for f in preview.of(FileOutcome.REFUSED)}
    print("\n".join(f"{name}: {reason.text('en')}" for name, reason in sorted(refused.items())))
    expected = {f"{first}/Polityka jakości uszkodzona.pdf", f"{first}/zaszyfrowany wniosek.pdf", f"{first}/pusty.pdf",
                f"{first}/bez stron.pdf", f"{first}/notatka.pdf", "Urząd, którego nie ma/wniosek.pdf"}
    assert set(refused) == expected, "every bad file is listed, none silently skipped"
    assert all(reason is not None and reason.pl and reason.en for reason in refused.values())
    assert len({reason.code for reason in refused.values()}) >= 4, "each refusal says its own reason"
    assert preview.counts[FileOutcome.ADD] == 4


def test_a_cli_import_with_a_broken_pdf_adds_the_rest_reports_it_and_exits_1(edition, tmp_path, cli_run) -> None:
    db_path, items = edition
    folder = tmp_path / "pdf"
    write_folder(folder, items)
    broken = folder / items[2].institution.id / (FILE_NAMES[DocumentKind.QUALITY_POLICY] + ".pdf")
    broken.write_bytes(broken.read_bytes()[:2000])
    before = dump(db_path)
    code, out, err = cli_run("--lang", "en", "documents", "import", "--db", str(db_path), str(folder), "--dry-run")
    assert code == 1 and dump(db_path) == before, (code, err)
    assert "refused" in out and broken.name in out
    code, out, err = cli_run("--lang", "pl", "documents", "import", "--db", str(db_path), str(folder))
    print(out)
    assert code == 1, "a refused file is a failed check"
    assert "odrzucon" in out and broken.name in out
    stored = _stored(db_path)
    assert sum(len(v) for v in stored.values()) == 2 * len(items) - 1
    again = dump(db_path)
    code, out, _ = cli_run("documents", "import", "--db", str(db_path), str(folder))
    assert dump(db_path) == again, "importing the same folder again adds nothing"


def test_stage_ii_reports_added_later_join_the_dossiers(edition, tmp_path) -> None:
    db_path, items = edition
    write_folder(tmp_path / "stage-i", items)
    write_folder(tmp_path / "stage-ii", items[:3], kinds=STAGE_II)
    db = open_organizer_db(db_path)
    try:
        apply_documents(db, preview_documents(db, tmp_path / "stage-i"))
        later = preview_documents(db, tmp_path / "stage-ii")
        assert {f.kind for f in later.of(FileOutcome.ADD)} == set(STAGE_II)
        apply_documents(db, later)
    finally:
        db.close()
    stored = _stored(db_path)
    assert sum(len(v) == 4 for v in stored.values()) == 3


def test_an_apply_after_the_database_changed_is_refused_and_writes_nothing(edition, tmp_path) -> None:
    db_path, items = edition
    write_folder(tmp_path / "a", items[:2])
    write_folder(tmp_path / "b", items[2:4])
    db = open_organizer_db(db_path)
    try:
        stale = preview_documents(db, tmp_path / "a")
        apply_documents(db, preview_documents(db, tmp_path / "b"))
        before = dump(db_path)
        with pytest.raises(ValidationError) as refused:
            apply_documents(db, stale)
    finally:
        db.close()
    assert refused.value.code == "preview_outdated"
    assert dump(db_path) == before


def test_bad_arguments_exit_2_with_a_message(edition, tmp_path, capsys) -> None:
    from juror_app import cli

    db_path, _ = edition
    before = dump(db_path)
    for argv, said in ((["--lang", "en", "documents", "import", "--db", str(db_path), str(tmp_path / "nowhere")],
                        "no such folder"),
                       (["documents", "import", "--db", str(db_path), str(tmp_path), "--kind", "zdjęcie"], "zdjęcie")):
        with pytest.raises(SystemExit) as info:
            cli.main(argv)
        err = capsys.readouterr().err
        assert info.value.code == 2 and said in err and "Traceback" not in err, err
    assert dump(db_path) == before
