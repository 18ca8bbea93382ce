"""The README's "Checking a file without this program" commands, run as written, on demo files.

The fenced ``sh`` block is read from README.md itself, so the README cannot drift from what works.
Only the file names the README tells the reader to change are changed (the bundle's ``-I``/``-n``,
the enrollment's own check), and a marker line is echoed after each command to see each step's
exit code and output. With one byte of a member changed (and the original signed manifest kept),
step 3 must fail.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[2] / "README.md"
SECTION = "### Checking a file without this program"
TOOLS = ("bash", "ssh-keygen", "unzip", "sha256sum", "grep", "cut")
PACKAGE_IN_README = "../packages/j001-r1.pu-scores"

pytestmark = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in TOOLS),
    reason="needs " + ", ".join(TOOLS) + " (present on the project's machines and CI)",
)


@dataclass(frozen=True)
class Readme:
    steps: str  # the main block: unzip, then steps 1–4
    bundle_identity: str  # what the README says to use for a bundle instead of "-I j001 -n score-package-…"
    enrollment_check: str  # the enrollment's own signature check


def _readme() -> Readme:
    text = README.read_text(encoding="utf-8")
    section = text[text.index(SECTION):]
    section = section[:section.index("\n## ")] if "\n## " in section else section
    blocks = re.findall(r"```sh\n(.*?)```", section, flags=re.DOTALL)
    assert len(blocks) == 2, f"expected two sh blocks under {SECTION!r}, found {len(blocks)}"
    identity = re.search(r"For an assignment bundle use `([^`]+)`", section)
    assert identity, "the README no longer says which -I/-n to use for a bundle"
    return Readme(blocks[0], identity.group(1), blocks[1].strip())


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
    """Run with bash in ``workdir``; per step, its exit code and its output (stdout and stderr)."""
    done = subprocess.run(["bash", "-c", _instrumented(script)], cwd=workdir, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, timeout=120)
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
        script = "\n".join(readme.enrollment_check if line.startswith("ssh-keygen -Y verify") else line
                           for line in script.splitlines())
    return script


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
    "enrollment": ("enrollments/juror-001.pu-enrollment", 'Good "enrollment-v1@kapitula.przyjazny-urzad" signature with',
                   "enrollment.json"),
}


@pytest.mark.parametrize("kind", list(FILES))
def test_readme_commands_pass_on_a_demo_file(workdir, kind):
    relative, good_signature, _ = FILES[kind]
    steps = _run(_for_file(_readme(), kind, relative), workdir)
    assert steps[0][0] == 0, steps[0]
    assert steps[1][0] == 0 and good_signature in steps[1][1], steps[1]
    assert steps[2] == (0, "SHA256SUMS: OK"), steps[2]
    checked = steps[3][1].splitlines()
    assert steps[3][0] == 0 and checked and all(line.endswith(": OK") for line in checked), steps[3]
    assert steps[4] == (1, ""), f"step 4 listed members the manifest does not: {steps[4]}"  # grep: 1 = nothing printed
    print(f"README commands on the demo {kind}: signature good, SHA256SUMS named by the manifest, "
          f"{len(checked)} member(s) match, nothing unlisted")


@pytest.mark.parametrize("kind", list(FILES))
def test_readme_step_3_fails_after_one_byte_of_a_member_changes(workdir, raw_zip, kind):
    relative, good_signature, member = FILES[kind]
    path = workdir / relative
    entries = raw_zip.entries(path)
    names = [name for name, _ in entries]
    assert member in names
    data = dict(entries)[member]
    middle = len(data) // 2
    changed = data[:middle] + bytes([data[middle] ^ 0x01]) + data[middle + 1:]
    path.write_bytes(raw_zip.build([(name, changed if name == member else body) for name, body in entries]))

    steps = _run(_for_file(_readme(), kind, relative), workdir)
    assert steps[1][0] == 0 and good_signature in steps[1][1], "the signed manifest itself is untouched"
    assert steps[2] == (0, "SHA256SUMS: OK"), steps[2]
    assert steps[3][0] != 0, f"step 3 passed on a changed {member}: {steps[3]}"
    assert f"{member}: FAILED" in steps[3][1], steps[3]
    print(f"README commands on the {kind} with one byte of {member} changed: step 3 fails "
          f"({[line for line in steps[3][1].splitlines() if 'FAILED' in line][0]})")
