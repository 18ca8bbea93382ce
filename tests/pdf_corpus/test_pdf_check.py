"""The PDF check in its child processes: every hostile file gets its verdict, nothing reaches the test process.

The corpus (``hostile.py``) is proven hostile first: its outline files crash QtPdf when the
viewer opens them in-process (in a throw-away subprocess, never here). Then the checker meets them
all: 0 crashes of this process, every document bounded in time, the children's memory capped and
this process's own memory unmoved, each refusal with its Polish and English message.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from juror_app import __main__ as entry
from juror_app.domain import pdf_verdict as v
from juror_app.workflows import pdf_check
from juror_app.workflows.juror import document_checks

VIEWER_IN_PROCESS = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from juror_app.ui.common import refcount_guard
refcount_guard.install(app)
from juror_app.ui.juror.document_viewer import DocumentViewer
viewer = DocumentViewer(lambda sha: Path(sha))  # no gate: the file is opened as the window did before the check
viewer.load_file(Path(sys.argv[1]))
app.processEvents()
print("survived", viewer.pdf.pageCount(), flush=True)
"""


def _resident(pid: int | str = "self") -> int:
    with open(f"/proc/{pid}/statm", encoding="ascii") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _children() -> set[int]:
    found: set[int] = set()
    for task in Path("/proc/self/task").iterdir():
        text = (task / "children").read_text(encoding="ascii").split()
        found.update(int(pid) for pid in text)
    return found


def test_the_corpus_crashes_qtpdf_when_opened_in_the_viewers_process(hostile, corpus) -> None:
    """Without the check: the viewer's own load of each outline file kills its process (segmentation fault)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES="*=false")
    for name in hostile.CRASHES_QTPDF:
        done = subprocess.run([sys.executable, "-c", VIEWER_IN_PROCESS, str(corpus[name])], env=env,
                              capture_output=True, text=True, timeout=120)
        print(f"{name}: the viewer in-process ended with {done.returncode} ({'survived' in done.stdout and 'survived' or 'died'})")
        assert done.returncode < 0 and "survived" not in done.stdout, f"{name} no longer crashes QtPdf"
    survivor = subprocess.run([sys.executable, "-c", VIEWER_IN_PROCESS, str(corpus["plain"])], env=env,
                              capture_output=True, text=True, timeout=120)
    assert survivor.returncode == 0 and "survived 3" in survivor.stdout, "the harness itself works"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="memory is read from /proc")
def test_every_hostile_file_gets_its_verdict_and_nothing_reaches_this_process(hostile, corpus) -> None:
    before_children = _children()
    resident_before = _resident()
    verdicts = pdf_check.check_pdfs([(name, path) for name, path in corpus.items()])
    grown = _resident() - resident_before
    assert set(verdicts) == set(corpus)
    for item in hostile.CORPUS:
        verdict = verdicts[item.name]
        print(f"{item.name:32s} {verdict.reason:16s} pages={verdict.pages:<8} child peak "
              f"{verdict.peak_memory / (1 << 20):6.0f} MiB | {verdict.message_pl}")
        assert verdict.reason == item.reason, item.name
        assert verdict.checker_version == pdf_check.CHECKER_VERSION
        assert verdict.message_pl and verdict.message_en and verdict.message_pl != verdict.message_en
        assert verdict.peak_memory <= v.CHECK_MEMORY_BYTES * 1.05, f"{item.name}: the child's memory was not capped"
    assert verdicts["flate-bomb-2gib"].peak_memory > v.CHECK_MEMORY_BYTES // 2, "the bomb really inflated (in the child)"
    assert "1024 MiB" in verdicts["text-bomb-200mib"].message_en
    assert "100 000 stron" in verdicts["pages-100000"].message_pl.replace("\u202f", " ")
    print(f"this process's resident memory grew by {grown / (1 << 20):.0f} MiB")
    assert grown < 100 << 20, "a bomb reached the test process"
    assert _children() <= before_children, "no checking process is left behind"


def test_a_time_limit_and_a_crash_each_cost_one_child_and_the_batch_goes_on(corpus) -> None:
    caps = pdf_check.Caps(seconds=1.0, max_pages=10_000)
    order = ["long-text-5000-pages", "plain", "outline-two-item-cycle", "encrypted", "plain-again"]
    items = [(name, corpus["plain" if name == "plain-again" else name]) for name in order]
    pool = pdf_check.CheckerPool(workers=1, caps=caps)
    for sha, path in items:
        pool.submit(sha, path)
    verdicts = pool.wait()
    reasons = {name: verdicts[name].reason for name in order}
    print(reasons)
    assert reasons == {"long-text-5000-pages": v.TIME_LIMIT, "plain": v.OK, "outline-two-item-cycle": v.CRASHED,
                       "encrypted": v.ENCRYPTED, "plain-again": v.OK}
    assert verdicts["long-text-5000-pages"].limit == 1 and "1 s" in verdicts["long-text-5000-pages"].message_en


def test_the_parent_refuses_what_it_can_without_a_child(corpus, tmp_path: Path) -> None:
    caps = pdf_check.Caps(max_bytes=100_000)
    verdicts = pdf_check.check_pdfs([("big", corpus["pages-100000"]), ("gone", tmp_path / "nie-ma.pdf"),
                                     ("small", corpus["plain"]), ("small", corpus["plain"])], caps=caps)
    assert verdicts["big"].reason == v.TOO_LARGE and verdicts["big"].size == corpus["pages-100000"].stat().st_size
    assert "MiB" in verdicts["big"].message_pl
    assert verdicts["gone"].reason == v.MISSING
    assert verdicts["small"].ok and verdicts["small"].pages == 3
    assert pdf_check.check_pdfs([]) == {}


def test_a_checker_that_cannot_start_is_an_error_not_a_verdict(monkeypatch, corpus) -> None:
    monkeypatch.setattr(pdf_check, "child_command", lambda caps: [sys.executable, "-c", "pass"])
    with pytest.raises(pdf_check.CheckerUnavailable) as info:
        pdf_check.check_pdfs([("plain", corpus["plain"])])
    assert info.value.code == "pdf_checker_unavailable" and "niczego nie zmieniono" in info.value.message("pl")


def test_cancelling_stops_the_children_and_returns_what_was_found(corpus) -> None:
    calls: list[str] = []
    found = pdf_check.check_pdfs([("slow", corpus["long-text-200-pages"]), ("plain", corpus["plain"])], workers=1,
                                 progress=lambda done, total, sha: calls.append(sha), cancelled=lambda: True)
    assert set(found) <= {"slow", "plain"} and len(found) < 2


def test_the_hidden_mode_and_the_version_are_the_same_everywhere() -> None:
    assert pdf_check.CHILD_FLAG == entry.PDF_CHECK_CHILD
    assert document_checks.CHECKER_VERSION == pdf_check.CHECKER_VERSION
    command = pdf_check.child_command(pdf_check.Caps())
    assert command[:3] == [sys.executable, "-m", "juror_app"] and command[3] == pdf_check.CHILD_FLAG
