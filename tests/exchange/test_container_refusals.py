"""Every file row of SECURITY.md: a hostile or mistaken file is refused with its own code.

Files aimed at a late check are signed correctly (with the demo keys), so they pass every check
before the one under test. Each test prints its figure (``pytest -s``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import os
import shutil
import stat
import struct
import tempfile
import tracemalloc
import zipfile
from collections import Counter
from pathlib import Path
from typing import Iterator

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from juror_app.domain import edit_log
from juror_app.domain.codec import json_points
from juror_app.domain.errors import FormatError, SignatureError, UserError
from juror_app.exchange import bundle, container, package, safejson, sshsig
from juror_app.exchange.keys import fingerprint
from juror_app.exchange.package import PackageContent
from juror_app.workflows.organizer.package_checks import (
    Assessment,
    Outcome,
    assess_package,
)
from juror_app.workflows.organizer.verify import verify_file

STRANGER = Ed25519PrivateKey.from_private_bytes(hashlib.sha256(b"a key no roster knows").digest())
MiB = 1 << 20


def _assess(db, path: Path, **options) -> Assessment:  # type: ignore[no-untyped-def]
    with container.open_container(path, container.PACKAGE) as opened:
        return assess_package(db, opened, package.read_package_content(opened), **options)


def _failed(assessment: Assessment) -> set[str]:
    return {f.code for f in assessment.findings if not f.ok}


def _refusal(action) -> UserError:  # type: ignore[no-untyped-def]
    """Run ``action``; it must raise a UserError (anything else propagates and fails the test)."""
    with pytest.raises(UserError) as caught:
        action()
    return caught.value


def _tree(root: Path) -> dict[str, tuple[int, int]]:
    """Every file and folder under ``root`` with its size and mode: "0 files written" is an equal tree."""
    listing = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder, name)
            info = path.lstat()
            listing[str(path.relative_to(root))] = (info.st_size if not stat.S_ISDIR(info.st_mode) else 0, info.st_mode)
    return listing


def _amended(content: PackageContent, note: str) -> PackageContent:
    """The same work plus one real edit (the first score's justification extended): other content, same revision."""
    first = content.scores[0]
    at = "2026-10-30T12:00:00Z"
    _, head = edit_log.parse_and_verify(content.log_lines)
    line, _ = edit_log.make_entry(
        prev_hash=head, seq=len(content.log_lines) + 1, at=at, op="score", dossier=first.dossier_id,
        criterion=first.criterion_id, points=json_points(first.points), justification=first.justification + note,
    )
    changed = dataclasses.replace(first, justification=first.justification + note, updated_at=at)
    return dataclasses.replace(content, scores=(changed, *content.scores[1:]), log_lines=(*content.log_lines, line))


# --- tampering: every single-byte mutation and every truncation ------------------------------------------


@pytest.fixture
def scratch(tmp_path: Path) -> Iterator[Path]:
    """A folder in memory (tmpfs) when there is one: tens of thousands of small files are written here."""
    shm = Path("/dev/shm")
    if not (shm.is_dir() and os.access(shm, os.W_OK)):
        yield tmp_path
        return
    folder = Path(tempfile.mkdtemp(prefix="juror-app-mutations-", dir=shm))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_every_single_byte_mutation_and_truncation_is_refused_or_harmless(demo, read_fully, scratch):
    source = demo.package_path("j001")
    original = source.read_bytes()
    reference = read_fully(source)
    target = scratch / "mutated.pu-scores"

    def trial(data: bytes, label: str, tally: Counter, changed: list, unhandled: list) -> None:
        target.write_bytes(data)
        try:
            seen = read_fully(target)
        except UserError as exc:
            tally[exc.code] += 1
            return
        except Exception as exc:  # noqa: BLE001 - counting exactly these is the point of the test
            unhandled.append(f"{label}: {exc!r}")
            return
        if seen.same_bytes(reference) and seen.content == reference.content:
            tally["accepted, same content"] += 1
        else:
            changed.append(label)

    results = {}
    for what, cases in (
        ("single-byte mutations", (
            (bytes(original[:i]) + bytes([original[i] ^ flip]) + original[i + 1:], f"offset {i} ^ {flip:#04x}")
            for i in range(len(original)) for flip in (0x01, 0xFF)
        )),
        ("truncations", ((original[:n], f"truncated to {n} B") for n in range(len(original)))),
    ):
        tally: Counter = Counter()
        changed: list[str] = []
        unhandled: list[str] = []
        for data, label in cases:
            trial(data, label, tally, changed, unhandled)
        results[what] = (sum(tally.values()) + len(changed) + len(unhandled), tally, changed, unhandled)

    for what, (total, tally, changed, unhandled) in results.items():
        print(f"{total} {what} of a {len(original)} B package: {len(changed)} accepted with changed content, "
              f"{len(unhandled)} unhandled exceptions")
        print("    outcomes: " + ", ".join(f"{code} {n}" for code, n in tally.most_common()))
    for what, (total, tally, changed, unhandled) in results.items():
        assert not changed, f"{what} accepted with changed content: {changed[:10]}"
        assert not unhandled, f"{what} raised non-UserError exceptions: {unhandled[:10]}"
    assert results["single-byte mutations"][0] == 2 * len(original)
    assert results["truncations"][1]["accepted, same content"] == 0


# --- trust: forged, rollback, replay, equivocation, fast-forward ----------------------------------------


def test_package_signed_by_a_key_outside_the_roster_is_refused(demo, organizer_db, tmp_path):
    forged = demo.write_package_variant(tmp_path / "forged.pu-scores", key=STRANGER)
    assessment = _assess(organizer_db, forged)
    assert not assessment.acceptable
    assert _failed(assessment) == {"signer_not_in_roster"}

    report = verify_file(forged, organizer_db=organizer_db)
    assert not report.ok
    assert {f.code for f in report.findings if not f.ok} == {"signer_not_in_roster"}

    genuine = _assess(organizer_db, demo.package_path("j001"))
    assert genuine.acceptable and genuine.outcome is Outcome.NEW
    print(f"package signed by a non-roster key {fingerprint(STRANGER.public_key())}: refused "
          f"({', '.join(sorted(_failed(assessment)))}); the genuine one: {genuine.outcome.value}")


def test_package_signed_by_a_revoked_key_is_refused(demo, organizer_db):
    with organizer_db.atomic():
        organizer_db.execute("UPDATE juror_keys SET revoked_at = '2026-10-20T08:00:00Z' WHERE juror_id = 'j001'")
    assessment = _assess(organizer_db, demo.package_path("j001"))
    assert not assessment.acceptable
    assert _failed(assessment) == {"signer_key_revoked"}
    print("package signed by a revoked roster key: refused (signer_key_revoked)")


def test_manifest_naming_another_key_than_the_signing_key_is_refused(demo, raw_zip, tmp_path):
    """A manifest claiming j001's public key but signed by a stranger: the container refuses it."""
    entries = dict(raw_zip.entries(demo.package_path("j001")))
    manifest = safejson.loads(entries[container.MANIFEST], what="manifest", max_bytes=MiB)
    manifest["signer"]["fingerprint"] = fingerprint(STRANGER.public_key())  # the lie is the public_key field
    manifest_bytes = safejson.dumps(manifest)
    entries[container.MANIFEST] = manifest_bytes
    entries[container.SIGNATURE] = sshsig.sign(STRANGER, manifest_bytes, sshsig.NAMESPACE_PACKAGE)
    path = tmp_path / "claims-j001.pu-scores"
    path.write_bytes(raw_zip.build(list(entries.items())))
    error = _refusal(lambda: container.open_container(path, container.PACKAGE))
    assert isinstance(error, FormatError) and error.code == "signer_mismatch"
    print("manifest naming j001's key, signed by another: refused (signer_mismatch)")


def test_rollback_is_stale_and_replay_already_imported_and_the_database_unchanged(
        demo, organizer_db, record_as_merged, dump_sha256, tmp_path):
    second = demo.write_package_variant(tmp_path / "j001-r2.pu-scores", revision=2)
    record_as_merged(organizer_db, second)
    before = dump_sha256(organizer_db)

    rollback = _assess(organizer_db, demo.package_path("j001"))
    assert rollback.outcome is Outcome.STALE and not rollback.acceptable
    assert _failed(rollback) == {"stale_revision"}
    assert rollback.previous_revision == 2

    replay = _assess(organizer_db, second)
    assert replay.outcome is Outcome.ALREADY_IMPORTED and not replay.acceptable
    assert _failed(replay) == set()  # nothing wrong with it: it is simply in already

    report = verify_file(demo.package_path("j001"), organizer_db=organizer_db)
    assert not report.ok and "stale_revision" in {f.code for f in report.findings}

    after = dump_sha256(organizer_db)
    assert after == before, "assessing a package changed the organizer database"
    print(f"after merging revision 2: revision 1 {rollback.outcome.value} (stale_revision), revision 2 again "
          f"{replay.outcome.value}; database dump {before[:12]}… unchanged")


def test_same_revision_with_other_content_is_equivocation(demo, organizer_db, record_as_merged, dump_sha256,
                                                           tmp_path):
    merged_digest = record_as_merged(organizer_db, demo.package_path("j001"))
    before = dump_sha256(organizer_db)
    other = demo.write_package_variant(tmp_path / "j001-r1-other.pu-scores",
                                       content=_amended(demo.content("j001"), " (uzupełnienie)"))
    assessment = _assess(organizer_db, other)
    assert assessment.outcome is Outcome.EQUIVOCATION and not assessment.acceptable
    assert _failed(assessment) == {"equivocation"}
    assert assessment.previous_manifest_sha256 == merged_digest
    assert dump_sha256(organizer_db) == before
    print("two different packages of revision 1 from j001: equivocation reported; database unchanged")


@pytest.mark.parametrize(
    ("merged", "revision", "allow", "expected"),
    [
        (None, 1_000, False, Outcome.NEW),
        (None, 1_001, False, Outcome.REFUSED),
        (None, 2**53, False, Outcome.REFUSED),
        (None, 2**53, True, Outcome.NEW),
        (2, 1_002, False, Outcome.UPDATE),
        (2, 1_003, False, Outcome.REFUSED),
    ],
)
def test_revision_jump_needs_the_organizers_override(demo, organizer_db, record_as_merged, tmp_path,
                                                     merged, revision, allow, expected):
    if merged is not None:
        record_as_merged(organizer_db, demo.write_package_variant(tmp_path / "merged.pu-scores", revision=merged))
    path = demo.write_package_variant(tmp_path / "jump.pu-scores", revision=revision)
    assessment = _assess(organizer_db, path, allow_revision_jump=allow)
    assert assessment.outcome is expected
    assert _failed(assessment) == ({"revision_jump"} if expected is Outcome.REFUSED else set())
    print(f"revision {revision} after {merged or 'none'}{' with override' if allow else ''}: {assessment.outcome.value}")


def test_revision_beyond_2_to_the_53_is_refused_by_the_reader(demo, read_fully, tmp_path):
    path = demo.write_package_variant(tmp_path / "huge.pu-scores", revision=2**53 + 1)
    error = _refusal(lambda: read_fully(path))
    assert error.code == "bad_field" and "manifest.revision" in error.en
    print("revision 2**53 + 1: refused by the reader (bad_field manifest.revision)")


# --- wrong edition, wrong juror, mix-and-match --------------------------------------------------------------


def test_wrong_edition_wrong_juror_and_mix_and_match_each_have_their_own_code(demo, organizer_db, tmp_path):
    with container.open_container(demo.bundle_path("j002"), container.BUNDLE) as other_bundle:
        other_bundle_sha256 = other_bundle.manifest_sha256
    j001, j002 = demo.content("j001"), demo.content("j002")
    assigned = {r[0] for r in organizer_db.execute("SELECT dossier_id FROM assignments WHERE juror_id = 'j001'")}
    assert set(j002.statuses) - assigned, "the demo should give j002 a dossier j001 does not have"
    cases = {
        "wrong_edition": demo.write_package_variant(tmp_path / "edition.pu-scores", edition_id="pu-2025-inna-edycja"),
        # j002's genuine work, but signed with j001's roster key
        "signer_is_other_juror": demo.write_package_variant(tmp_path / "juror.pu-scores", source="j002",
                                                            key=demo.juror_keys["j001"]),
        # j001's work declared as made against the bundle issued to j002
        "unknown_bundle": demo.write_package_variant(tmp_path / "bundle.pu-scores",
                                                     bundle_manifest_sha256=other_bundle_sha256),
        # j002's work presented (and signed) as j001's, against j001's own bundle
        "dossier_not_assigned": demo.write_package_variant(
            tmp_path / "dossiers.pu-scores", source="j002", key=demo.juror_keys["j001"], juror_id="j001",
            bundle_manifest_sha256=j001.bundle_manifest_sha256),
    }
    for code, path in cases.items():
        assessment = _assess(organizer_db, path)
        assert not assessment.acceptable
        assert _failed(assessment) == {code}, f"{path.name}: {_failed(assessment)}"
        print(f"{path.name}: refused ({code})")


def test_manifest_juror_other_than_the_signer_is_inconsistent(demo, tmp_path):
    """The manifest says juror j002, its signer block says j001 (all signed): the reader refuses it."""
    content = demo.content("j001")
    with container.open_container(demo.package_path("j001"), container.PACKAGE) as opened:
        header = {k: opened.manifest[k] for k in ("edition_id", "revision", "bundle", "summary", "log")}
        members = [container.Member(name, opened.read(name)) for name in (package.SCORES, package.LOG)]
    path = demo.sign_container(tmp_path / "mixed.pu-scores", container.PACKAGE, members=members,
                               header={**header, "juror_id": "j002"},
                               signer={"role": "juror", "id": content.juror_id, "name": "x"},
                               key=demo.juror_keys["j001"])
    with container.open_container(path, container.PACKAGE) as opened:
        error = _refusal(lambda: package.read_package_content(opened))
    assert error.code == "inconsistent_package"
    print("manifest juror j002, signer j001: refused (inconsistent_package)")


# --- hostile archives: names, links, duplicates, overlaps, unlisted and missing members -------------------


def _symlink_entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


def _overlapping(raw_zip, entries: list[tuple[str, bytes]]) -> bytes:  # type: ignore[no-untyped-def]
    """scores.json's (stored) data is stretched over log.jsonl's local header and data: two entries, one span."""
    order = (container.MANIFEST, container.SIGNATURE, container.SUMS, package.SCORES, package.LOG)
    by_name = dict(entries)
    data = raw_zip.build([(n, by_name[n]) for n in order], method=zipfile.ZIP_STORED)
    start = raw_zip.local_offset(data, package.SCORES)
    name_len, extra_len = struct.unpack_from("<HH", data, start + 26)
    stretched = raw_zip.data_end(data, package.LOG) - (start + 30 + name_len + extra_len)
    return raw_zip.set_sizes(data, package.SCORES, stretched, stretched)


def _lying_local_header(raw_zip, entries: list[tuple[str, bytes]]) -> bytes:  # type: ignore[no-untyped-def]
    """log.jsonl's local header states other sizes than the central directory (which zipfile reads)."""
    data = raw_zip.build(entries)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(package.LOG)
    return raw_zip.set_sizes(data, package.LOG, info.compress_size + 1000, info.file_size + 1000, central=False)


HOSTILE = {
    "zip slip ../x": (lambda rz, e: rz.build(e + [("../x", b"escaped")]), "bad_member_name"),
    "absolute /abs": (lambda rz, e: rz.build(e + [("/abs", b"escaped")]), "bad_member_name"),
    "backslash a\\b": (lambda rz, e: rz.build(e + [("a\\b", b"escaped")]), "bad_member_name"),
    "drive C:x": (lambda rz, e: rz.build(e + [("C:x", b"escaped")]), "bad_member_name"),
    "symlink member": (lambda rz, e: rz.build([(n, d) if n != package.LOG else (_symlink_entry(n), d) for n, d in e]),
                       "not_a_regular_member"),
    "duplicate name": (lambda rz, e: rz.build(e + [(package.SCORES, b'{"edition_id":"other"}')]), "duplicate_member"),
    "duplicate manifest": (lambda rz, e: rz.build(e + [(container.MANIFEST, b"{}")]), "duplicate_member"),
    "overlapping entries": (_overlapping, "overlapping_members"),
    "local header lies about its size": (_lying_local_header, "damaged_archive"),
    "unlisted member": (lambda rz, e: rz.build(e + [("notes.txt", b"added after signing")]), "unlisted_member"),
    "missing member": (lambda rz, e: rz.build([(n, d) for n, d in e if n != package.LOG]), "missing_member"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_archive_is_refused_and_nothing_is_written(demo, raw_zip, tmp_path, monkeypatch, case):
    make, expected = HOSTILE[case]
    entries = raw_zip.entries(demo.package_path("j001"))  # the genuine, validly signed members
    path = tmp_path / "in" / "hostile.pu-scores"
    path.parent.mkdir()
    path.write_bytes(make(raw_zip, entries))
    workdir = tmp_path / "in" / "cwd"
    workdir.mkdir()
    monkeypatch.chdir(workdir)  # a relative "../x" would land inside tmp_path, where it is looked for
    absolute_before = Path("/abs").exists()
    before = _tree(tmp_path)

    def read_everything() -> None:
        with container.open_container(path, container.PACKAGE) as opened:
            for name in opened.members:
                opened.read(name)
            package.read_package_content(opened)

    error = _refusal(read_everything)
    after = _tree(tmp_path)
    assert error.code == expected, f"{case}: {error.code}: {error.en}"
    assert after == before, f"{case}: files appeared or changed: {set(after) ^ set(before)}"
    assert Path("/abs").exists() == absolute_before
    assert verify_file(path).ok is False
    print(f"{case}: refused ({error.code}); files written: {len(set(after) - set(before))}")


# --- sizes: ZIP bombs and huge JSON ------------------------------------------------------------------------


def _peak_while(action) -> tuple[UserError, int]:  # type: ignore[no-untyped-def]
    tracemalloc.start()
    try:
        error = _refusal(action)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return error, peak


@pytest.mark.parametrize(("kind", "member", "expected"), [
    (container.PACKAGE, package.SCORES, "member_too_large"),
    (container.BUNDLE, "documents/" + "0" * 64 + ".pdf", "suspicious_compression"),
])
def test_small_file_expanding_to_100_mib_is_refused_before_inflating(demo, tmp_path, kind, member, expected):
    path = tmp_path / "bomb.zip"
    demo.sign_container(path, kind, members=[container.Member(member, bytes(100 * MiB))],
                        header={"edition_id": "pu-2026-demo", "revision": 1},
                        signer={"role": "juror", "id": "j001", "name": "x"}, key=demo.juror_keys["j001"])
    size = path.stat().st_size
    assert size < 200 * 1024
    error, peak = _peak_while(lambda: container.open_container(path, kind))
    assert error.code == expected
    assert peak < 4 * MiB, f"peak memory {peak} B while refusing a ZIP bomb"
    print(f"{kind.name}: {size / 1024:.0f} KiB file expanding to 100 MiB refused ({error.code}) before inflating; "
          f"peak traced memory {peak / 1024:.0f} KiB")


def _sign_raw(demo, raw_zip, path: Path, kind: container.Kind, manifest: bytes) -> Path:  # type: ignore[no-untyped-def]
    """A container whose manifest.json is ``manifest`` itself, correctly signed (stored, so no ratio check)."""
    signature = sshsig.sign(demo.juror_keys["j001"], manifest, kind.namespace)
    path.write_bytes(raw_zip.build([(container.MANIFEST, manifest), (container.SIGNATURE, signature)],
                                   method=zipfile.ZIP_STORED))
    return path


def test_3_mb_of_brackets_as_manifest_or_scores_is_refused(demo, raw_zip, tmp_path):
    brackets = b"[" * (3 * 1000 * 1000)
    results = []
    for kind, expected in ((container.PACKAGE, "member_too_large"), (container.BUNDLE, "bad_json")):
        path = _sign_raw(demo, raw_zip, tmp_path / f"brackets-{kind.name}.zip", kind, brackets)
        error, peak = _peak_while(lambda: container.open_container(path, kind))
        assert error.code == expected
        results.append((f"manifest.json of a {kind.name}", error.code, peak))

    content = demo.content("j001")
    with container.open_container(demo.package_path("j001"), container.PACKAGE) as opened:
        header = {k: opened.manifest[k] for k in ("edition_id", "juror_id", "revision", "bundle", "summary", "log")}
        log = opened.read(package.LOG)
    path = demo.sign_container(tmp_path / "brackets-scores.pu-scores", container.PACKAGE,
                               members=[container.Member(package.SCORES, brackets, compress=False),
                                        container.Member(package.LOG, log)],
                               header=header, signer={"role": "juror", "id": content.juror_id, "name": "x"},
                               key=demo.juror_keys["j001"])
    with container.open_container(path, container.PACKAGE) as opened:
        error, peak = _peak_while(lambda: package.read_package_content(opened))
    assert error.code == "bad_json"
    results.append(("scores.json", error.code, peak))
    for what, code, peak in results:
        assert peak < 64 * MiB
        print(f"3 MB of '[' as {what}: refused ({code}); peak traced memory {peak / MiB:.1f} MiB")


SAFEJSON_REFUSED = {
    "NaN": b'{"points": NaN}',
    "Infinity": b'{"points": Infinity}',
    "-Infinity": b'[-Infinity]',
    "duplicate key": b'{"points": 1, "points": 9}',
    "nested duplicate key": b'{"a": [{"b": 1, "b": 1}]}',
    "lone surrogate value": b'{"a": "\\ud800"}',
    "lone surrogate key": b'{"\\udfff": 1}',
    "byte-order mark": b'\xef\xbb\xbf{"a": 1}',
    "invalid UTF-8": b'{"a": "\xff"}',
    "33 levels deep": b"[" * 33 + b"]" * 33,
    "3 MB of [": b"[" * (3 * 1000 * 1000),
    "larger than the cap": b'"' + b"a" * 2000 + b'"',
    "trailing garbage": b'{"a": 1} x',
    "empty": b"",
}


@pytest.mark.parametrize("case", list(SAFEJSON_REFUSED))
def test_safejson_refuses(case):
    cap = 1000 if case == "larger than the cap" else 4 * MiB
    error = _refusal(lambda: safejson.loads(SAFEJSON_REFUSED[case], what="test.json", max_bytes=cap))
    assert isinstance(error, FormatError) and error.code == "bad_json"
    assert "test.json" in error.pl and "test.json" in error.en


def test_safejson_accepts_32_levels():
    value = safejson.loads(b"[" * 32 + b"]" * 32, what="test.json", max_bytes=MiB)
    depth = 0
    while isinstance(value, list) and value:
        depth, value = depth + 1, value[0]
    assert (depth, value) == (31, [])


@pytest.mark.parametrize(("data", "expected"), [
    (b'{"a": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[{{{{{{"}', {"a": "[" * 40 + "{" * 6}),
    (b'{"quote": "a\\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}', {"quote": 'a"' + "[" * 36}),
    (b'{"pl": "\xc5\xbc\xc3\xb3\xc5\x82w", "n": 1.5}', {"pl": "żółw", "n": 1.5}),
])
def test_safejson_accepts_what_is_sound(data, expected):
    assert safejson.loads(data, what="test.json", max_bytes=MiB) == expected


def test_nan_and_duplicate_keys_inside_a_signed_package_are_refused(demo, tmp_path):
    content = demo.content("j001")
    with container.open_container(demo.package_path("j001"), container.PACKAGE) as opened:
        header = {k: opened.manifest[k] for k in ("edition_id", "juror_id", "revision", "bundle", "summary", "log")}
        scores = opened.read(package.SCORES)
        log = opened.read(package.LOG)
    variants = {
        "NaN points": scores.replace(b'"points":', b'"points":NaN,"x":', 1),
        "duplicate key": scores.replace(b'"edition_id":', b'"edition_id":"x","edition_id":', 1),
        "byte-order mark": b"\xef\xbb\xbf" + scores,
    }
    for what, body in variants.items():
        assert body != scores
        path = demo.sign_container(tmp_path / "variant.pu-scores", container.PACKAGE,
                                   members=[container.Member(package.SCORES, body), container.Member(package.LOG, log)],
                                   header=header, signer={"role": "juror", "id": content.juror_id, "name": "x"},
                                   key=demo.juror_keys["j001"])
        with container.open_container(path, container.PACKAGE) as opened:
            error = _refusal(lambda: package.read_package_content(opened))
        assert error.code == "bad_json", f"{what}: {error.code}"
        print(f"signed scores.json with {what}: refused ({error.code})")


# --- bundles: the pinned organizer key ------------------------------------------------------------------------


def test_bundle_signed_by_another_key_than_the_pinned_one_is_refused(demo, tmp_path):
    pinned = demo.organizer_key().public_key()
    with container.open_container(demo.bundle_path("j001"), container.BUNDLE) as genuine:
        bundle.check_organizer(genuine, pinned)
        header = {k: genuine.manifest[k] for k in ("edition_id", "revision", "recipient")}
        members = [container.Member(name, genuine.read(name)) for name in genuine.members if name != container.SUMS]
        signer = {k: genuine.manifest["signer"][k] for k in ("role", "name")}
    for who, key in (("a stranger", STRANGER), ("juror j001", demo.juror_keys["j001"])):
        path = demo.sign_container(tmp_path / "foreign.pu-bundle", container.BUNDLE, members=members,
                                   header=header, signer=signer, key=key)
        with container.open_container(path, container.BUNDLE) as opened:
            error = _refusal(lambda: bundle.check_organizer(opened, pinned))
            assert isinstance(error, SignatureError) and error.code == "foreign_organizer_key"
            assert fingerprint(pinned) in error.pl and fingerprint(key.public_key()) in error.en
            content_error = _refusal(lambda: bundle.read_bundle_content(opened))
            assert content_error.code == "inconsistent_bundle"
        print(f"bundle signed by {who}: refused (foreign_organizer_key; content: {content_error.code})")
