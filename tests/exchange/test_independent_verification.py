"""The README's "Checking a file without this program" commands, run as written, on demo files and forgeries.

The fenced ``sh`` blocks are read from README.md itself, so the README cannot drift from what works.
Only what the README tells the reader to change is changed (the file name, the bundle's ``-I``/``-n``,
the enrollment's step 1), and a marker line is echoed after each command to see each step's exit
code and output.

Each forgery is made here and must fail the README's steps, with the failure the README tells the
reader to look for. Each is also run through the steps the README gave before (kept below as
``OLD``, verbatim), which it passed: that is what makes it a forgery worth testing. The program's own
reader refuses every one of them.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from juror_app.domain.errors import FormatError
from juror_app.domain.model import Document, DocumentKind
from juror_app.exchange import bundle, container, safejson, sshsig
from juror_app.exchange.enrollment import read_enrollment
from juror_app.store.blobs import BlobStore

README = Path(__file__).resolve().parents[2] / "README.md"
SECTION = "### Checking a file without this program"
TOOLS = ("bash", "ssh-keygen", "unzip", "sha256sum", "grep", "cut", "awk", "sed", "sort", "diff")
PACKAGE_IN_README = "../packages/j001-r1.pu-scores"
BUNDLE_IDENTITY = "-I organizer -n assignment-bundle-v1@kapitula.przyjazny-urzad"

pytestmark = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in TOOLS),
    reason="needs " + ", ".join(TOOLS) + " (present on the project's machines and CI)",
)


@dataclass(frozen=True)
class Readme:
    steps: str  # the main block: unzip, then steps 1–4
    bundle_identity: str  # what the README says to use for a bundle instead of "-I j001 -n score-package-…"
    enrollment_check: str  # the enrollment's step 1
    enrollment_alone: bool = False  # the old README gave the enrollment's check as the whole check


def _readme() -> Readme:
    text = README.read_text(encoding="utf-8")
    section = text[text.index(SECTION):]
    section = section[:section.index("\n## ")] if "\n## " in section else section
    blocks = re.findall(r"```sh\n(.*?)```", section, flags=re.DOTALL)
    assert len(blocks) == 2, f"expected two sh blocks under {SECTION!r}, found {len(blocks)}"
    identity = re.search(r"For an assignment bundle use `([^`]+)`", section)
    assert identity, "the README no longer says which -I/-n to use for a bundle"
    return Readme(blocks[0], identity.group(1), blocks[1].strip())


# The steps as the README gave them before the forgeries below were found (issue 11, item 19), verbatim.
OLD = Readme(
    steps="""mkdir check && cd check && unzip -q ../packages/j001-r1.pu-scores
# 1. the signature on manifest.json, by the key the roster gives juror j001
ssh-keygen -Y verify -f ../keys/allowed_signers -I j001 -n score-package-v1@kapitula.przyjazny-urzad -s manifest.sig < manifest.json
# 2. SHA256SUMS is the one the signed manifest names …
grep -q "\\"$(sha256sum SHA256SUMS | cut -d' ' -f1)\\"" manifest.json && echo "SHA256SUMS: OK"
# 3. … and every member matches it
sha256sum -c SHA256SUMS
# 4. nothing in the archive that the manifest does not list (prints nothing when all is well)
unzip -Z1 ../packages/j001-r1.pu-scores | grep -v -x -F -e manifest.json -e manifest.sig -e SHA256SUMS -f <(cut -c67- SHA256SUMS)
""",
    bundle_identity=BUNDLE_IDENTITY,
    enrollment_check="ssh-keygen -Y check-novalidate -n enrollment-v1@kapitula.przyjazny-urzad -s manifest.sig < manifest.json",
    enrollment_alone=True,
)


def _instrumented(script: str) -> str:
    """The script with ``echo @@step N rc=$?`` after each command; the commands themselves unchanged."""
    out, step = [], 0
    for line in script.splitlines():
        match = re.match(r"#\s*(\d+)\.", line)
        if match:
            step = int(match.group(1))
        out.append(line)
        if line.strip() and not line.lstrip().startswith("#"):
            out.append(f'echo "@@step {step} rc=$?"')
    return "\n".join(out) + "\n"


def _run(script: str, workdir: Path) -> dict[int, tuple[int, str]]:
    """Run with bash in ``workdir`` (no terminal: unzip's questions get no answer); per step, its exit code and output."""
    done = subprocess.run(["bash", "-c", _instrumented(script)], cwd=workdir, stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=120)
    results: dict[int, tuple[int, str]] = {}
    buffer: list[str] = []
    for line in done.stdout.splitlines():
        marker = re.fullmatch(r"@@step (\d+) rc=(\d+)", line)
        if marker:
            results[int(marker.group(1))] = (int(marker.group(2)), "\n".join(buffer))
            buffer = []
        else:
            buffer.append(line)
    assert not buffer, f"output after the last command: {buffer}"
    return results


def _for_file(readme: Readme, kind: str, relative: str) -> str:
    """The main block for ``kind``, changed only where the README says to change it."""
    script = readme.steps.replace(PACKAGE_IN_README, f"../{relative}")
    if kind == "bundle":
        script = re.sub(r"-I \S+ -n \S+", readme.bundle_identity, script, count=1)
    elif kind == "enrollment":
        lines = script.splitlines()
        if readme.enrollment_alone:  # the old README: unzip, then only this command
            lines = [lines[0], "# 1. the enrollment's check", readme.enrollment_check]
        else:
            lines = [readme.enrollment_check if line.startswith("ssh-keygen -Y verify") else line for line in lines]
        script = "\n".join(lines)
    return script


def _failures(readme: Readme, steps: dict[int, tuple[int, str]], good_signature: str) -> list[str]:
    """What the steps printed that the README tells the reader to treat as a failure ([] = the file checks out)."""
    failed = []
    if steps[1][0] != 0 or good_signature not in steps[1][1]:
        failed.append(f"step 1: {steps[1]}")
    if readme is OLD:
        if readme.enrollment_alone and len(steps) == 2:
            return failed
        if steps[2] != (0, "SHA256SUMS: OK"):
            failed.append(f"step 2: {steps[2]}")
        if steps[3][0] != 0:
            failed.append(f"step 3: {steps[3]}")
        if steps[4] != (1, ""):  # grep -v: 1 = nothing printed
            failed.append(f"step 4: {steps[4]}")
        return failed
    if steps[0][1]:  # unzip asked whether to replace a file
        failed.append(f"unzip: {steps[0][1]}")
    if steps[2][0] != 0 or not steps[2][1]:
        failed.append(f"step 2: {steps[2]}")
    checked = steps[3][1].splitlines()
    if steps[3][0] != 0 or not checked or not all(line.endswith(": OK") for line in checked):
        failed.append(f"step 3: {steps[3]}")
    if steps[4] != (0, "members: OK"):
        failed.append(f"step 4: {steps[4]}")
    return failed


@pytest.fixture
def workdir(demo, tmp_path: Path) -> Path:
    """A copy of the demo folder's files that travel (the commands write a ``check`` folder beside them)."""
    root = tmp_path / "demo"
    for folder in ("keys", "packages", "bundles", "enrollments"):
        shutil.copytree(demo.root / folder, root / folder)
    return root


FILES = {
    "package": ("packages/j001-r1.pu-scores", 'Good "score-package-v1@kapitula.przyjazny-urzad" signature for j001',
                "scores.json"),
    "bundle": ("bundles/j001.pu-bundle", 'Good "assignment-bundle-v1@kapitula.przyjazny-urzad" signature for organizer',
               "edition.json"),
    "enrollment": ("enrollments/juror-001.pu-enrollment", 'Good "enrollment-v1@kapitula.przyjazny-urzad" signature',
                   "enrollment.json"),
}


def _check(readme: Readme, workdir: Path, kind: str, relative: str) -> tuple[dict[int, tuple[int, str]], list[str]]:
    shutil.rmtree(workdir / "check", ignore_errors=True)
    steps = _run(_for_file(readme, kind, relative), workdir)
    return steps, _failures(readme, steps, FILES[kind][1])


@pytest.mark.parametrize("kind", list(FILES))
def test_readme_commands_pass_on_a_demo_file(workdir, kind):
    relative = FILES[kind][0]
    steps, failed = _check(_readme(), workdir, kind, relative)
    assert steps[0] == (0, ""), steps[0]
    assert failed == [], failed
    checked = steps[3][1].splitlines()
    assert "SHA256SUMS: OK" in checked and len(checked) == len(steps[2][1].splitlines())
    print(f"README commands on the demo {kind}: signature good, {len(checked)} member(s) match their manifest "
          f"entries (SHA256SUMS included), the archive holds exactly the listed members")


@pytest.mark.parametrize("kind", list(FILES))
def test_readme_step_3_fails_after_one_byte_of_a_member_changes(workdir, raw_zip, kind):
    relative, good_signature, member = FILES[kind]
    path = workdir / relative
    entries = raw_zip.entries(path)
    data = dict(entries)[member]
    middle = len(data) // 2
    changed = data[:middle] + bytes([data[middle] ^ 0x01]) + data[middle + 1:]
    path.write_bytes(raw_zip.build([(name, changed if name == member else body) for name, body in entries]))

    steps, failed = _check(_readme(), workdir, kind, relative)
    assert steps[1][0] == 0 and good_signature in steps[1][1], "the signed manifest itself is untouched"
    assert steps[3][0] != 0 and f"{member}: FAILED" in steps[3][1], steps[3]
    assert [f for f in failed if f.startswith("step 3")], failed
    print(f"README commands on the {kind} with one byte of {member} changed: step 3 fails "
          f"({[line for line in steps[3][1].splitlines() if 'FAILED' in line][0]})")


# --- forgeries -------------------------------------------------------------------------------------


def _pdf_with_unused_stream(payload: bytes) -> bytes:
    """A valid one-page PDF with one more stream object that nothing refers to (as an applicant can make)."""
    bodies = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    ]
    drawing = b"0.5 w 72 770 m 523 770 l S"
    bodies.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(drawing), drawing))
    bodies.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(payload), payload))
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(bodies, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(bodies) + 1, xref)
    return bytes(out)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _refused(action) -> FormatError:
    with pytest.raises(FormatError) as refused:
        action()
    return refused.value


def _read_bundle(path: Path) -> None:
    with container.open_container(path, container.BUNDLE) as opened:
        bundle.read_bundle_content(opened)


def _read_package(path: Path) -> None:
    with container.open_container(path, container.PACKAGE) as opened:
        for name in opened.members:
            opened.read(name)


def test_a_pdf_swapped_in_as_sha256sums_with_a_forged_member_fails_the_steps(demo, workdir, raw_zip, tmp_path):
    """An applicant's PDF carries "sha256(forged)  dossiers.json" in a stream nothing uses; the organizer signs
    the bundle with it; a forger then swaps the PDF in as SHA256SUMS, together with a forged dossiers.json."""
    genuine = demo.bundle_path("j001")
    with container.open_container(genuine, container.BUNDLE) as opened:
        content = bundle.read_bundle_content(opened)
        dossiers = json.loads(opened.read(bundle.DOSSIERS))
    dossiers["institutions"][0]["name"] += " (podrobione)"
    forged = safejson.dumps(dossiers, pretty=False)
    other_members = [bundle.EDITION, bundle.ROSTER] + sorted(
        {bundle.document_member(d.sha256) for dossier in content.dossiers for d in dossier.documents})
    payload = (f"\n{_sha(forged)}  {bundle.DOSSIERS}\n" + "".join(f"{'x' * 64}  {name}\n" for name in other_members)).encode()
    pdf = _pdf_with_unused_stream(payload)
    pdf_path = tmp_path / "wniosek.pdf"
    pdf_path.write_bytes(pdf)
    first = content.dossiers[0]
    planted = Document(f"{first.id}-zal", first.id, DocumentKind.OTHER, "Załącznik", _sha(pdf), len(pdf))
    signed = dataclasses.replace(content, dossiers=(dataclasses.replace(first, documents=(*first.documents, planted)),
                                                    *content.dossiers[1:]), revision=content.revision + 1)
    blobs = BlobStore(demo.root / "organizer.documents")
    relative = "bundles/j001-forged.pu-bundle"
    path = workdir / relative
    bundle.write_bundle(path, organizer_key=demo.organizer_key(), content=signed,
                        document_path=lambda sha: pdf_path if sha == planted.sha256 else blobs.path(sha))
    _read_bundle(path)  # the organizer's genuine bundle, with the applicant's PDF among its documents

    entries = raw_zip.entries(path)
    swapped = {container.SUMS: pdf, bundle.DOSSIERS: forged}
    path.write_bytes(raw_zip.build([(name, swapped.get(name, body)) for name, body in entries
                                    if name != bundle.document_member(planted.sha256)]))

    old_steps, old_failed = _check(OLD, workdir, "bundle", relative)
    assert old_failed == [], f"the old steps should have passed this forgery: {old_failed}"
    assert "dossiers.json: OK" in old_steps[3][1] and "WARNING" in old_steps[3][1]
    steps, failed = _check(_readme(), workdir, "bundle", relative)
    assert steps[3][0] != 0 and "SHA256SUMS: FAILED" in steps[3][1] and "dossiers.json: FAILED" in steps[3][1], steps[3]
    assert steps[4][0] != 0 and f"> {bundle.document_member(planted.sha256)}" in steps[4][1], steps[4]
    error = _refused(lambda: _read_bundle(path))
    print(f"PDF as SHA256SUMS + forged dossiers.json: passed the old steps ({old_steps[3][1].splitlines()[-1]}); "
          f"fails now: {[line for line in steps[3][1].splitlines() if 'FAILED' in line]}, step 4 {steps[4][1]!r}; "
          f"the program refuses it ({error.code})")


@pytest.mark.parametrize("forged_first", [False, True], ids=["genuine-first", "forged-first"])
def test_a_member_given_twice_fails_the_steps(demo, workdir, raw_zip, forged_first):
    relative = "packages/j001-r1.pu-scores"
    path = workdir / relative
    entries = raw_zip.entries(path)
    package_member = "scores.json"
    genuine = dict(entries)[package_member]
    body = json.loads(genuine)
    body["scores"][0]["points"] = 0 if body["scores"][0]["points"] else 1
    forged = safejson.dumps(body, pretty=False)
    twice = [(package_member, forged), (package_member, genuine)] if forged_first else [(package_member, genuine), (package_member, forged)]
    rebuilt: list[tuple[str, bytes]] = []
    for name, data in entries:
        rebuilt += twice if name == package_member else [(name, data)]
    path.write_bytes(raw_zip.build(rebuilt))

    old_steps, old_failed = _check(OLD, workdir, "package", relative)
    if not forged_first:  # unzip keeps the first copy: the genuine one passes every old step
        assert old_failed == [], f"the old steps should have passed this forgery: {old_failed}"
    steps, failed = _check(_readme(), workdir, "package", relative)
    assert steps[4][0] != 0 and f"< {package_member}" in steps[4][1], steps[4]
    assert failed, "the README's steps accepted a member given twice"
    error = _refused(lambda: _read_package(path))
    assert error.code == "duplicate_member"
    print(f"scores.json twice ({'forged' if forged_first else 'genuine'} copy first): old steps "
          f"{'passed' if not old_failed else 'failed'}; now step 4 prints {steps[4][1]!r}; the program: {error.code}")


def test_a_changed_enrollment_fails_the_steps(demo, workdir, raw_zip):
    relative = "enrollments/juror-001.pu-enrollment"
    path = workdir / relative
    entries = raw_zip.entries(path)
    body = json.loads(dict(entries)["enrollment.json"])
    body["affiliation"] = "Urząd, który tego nie wysłał"
    changed = safejson.dumps(body)
    path.write_bytes(raw_zip.build([(name, changed if name == "enrollment.json" else data) for name, data in entries]))

    old_steps, old_failed = _check(OLD, workdir, "enrollment", relative)
    assert old_failed == [] and "Good" in old_steps[1][1], f"the old check should have said Good: {old_steps}"
    steps, failed = _check(_readme(), workdir, "enrollment", relative)
    assert steps[1][0] == 0, "the signed manifest is untouched: the signature itself is good"
    assert steps[3][0] != 0 and "enrollment.json: FAILED" in steps[3][1], steps[3]
    error = _refused(lambda: read_enrollment(path))
    print(f"changed enrollment.json: the old check said {old_steps[1][1]!r}; now {failed}; the program: {error.code}")


def test_an_enrollment_signed_by_another_key_than_its_own_fails_the_steps(demo, workdir):
    """Signed and hashed correctly, but enrollment.json carries a key other than the signing one."""
    carried = Ed25519PrivateKey.generate().public_key()
    body = {"name": "Jan Podstawiony", "affiliation": "", "email": "", "public_key": sshsig.public_key_to_openssh(carried),
            "created_at": "2026-10-01T09:00:00Z"}
    relative = "enrollments/mismatch.pu-enrollment"
    path = workdir / relative
    demo.sign_container(path, container.ENROLLMENT, members=[container.Member("enrollment.json", safejson.dumps(body))],
                        header={"edition_id": None, "revision": 1}, signer={"role": "candidate", "name": body["name"]},
                        key=demo.juror_keys["j001"])

    old_steps, old_failed = _check(OLD, workdir, "enrollment", relative)
    assert old_failed == [], f"the old check should have said Good: {old_steps}"
    steps, failed = _check(_readme(), workdir, "enrollment", relative)
    assert steps[1][0] != 0 and "Good" not in steps[1][1], steps[1]
    assert [f for f in failed if f.startswith("step 1")], failed
    assert steps[3][0] == 0 and steps[4] == (0, "members: OK"), "every member is intact: only step 1 can catch it"
    error = _refused(lambda: read_enrollment(path))
    print(f"enrollment signed by another key than it carries: the old check said {old_steps[1][1]!r}; "
          f"now step 1 says {steps[1][1]!r}; the program: {error.code}")
