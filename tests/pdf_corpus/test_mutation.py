"""The corpus tests can fail: with the PDF check disabled, the window test dies on the corpus.

The window test (``tests/ui/juror/test_hostile_pdfs.py::test_the_window_survives_the_corpus``) runs
in a subprocess whose checker passes every document without looking at it (the mutation), so the
crash it causes takes down only that subprocess, never this one.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WINDOW_TEST = "tests/ui/juror/test_hostile_pdfs.py::test_the_window_survives_the_corpus"
RUN = """
import sys
from juror_app.domain.pdf_verdict import PdfVerdict
from juror_app.workflows import pdf_check
if sys.argv[1] == "disabled":  # the mutation: every document passes without being opened
    pdf_check._before_child = lambda sha, path, caps, version: (PdfVerdict(sha, "ok", pages=1, checker_version=version), 0)
import pytest
sys.exit(pytest.main(["-q", "-p", "no:cacheprovider", "-x", sys.argv[2], "--basetemp", sys.argv[3]]))
"""


def _run(mode: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES="*=false")
    return subprocess.run([sys.executable, "-c", RUN, mode, WINDOW_TEST, str(tmp_path / mode)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)


def test_with_the_check_disabled_the_window_test_crashes(tmp_path: Path) -> None:
    control = _run("enabled", tmp_path)
    assert control.returncode == 0, f"the harness itself fails:\n{(control.stdout + control.stderr)[-2000:]}"
    mutated = _run("disabled", tmp_path)
    tail = (mutated.stdout + mutated.stderr)[-600:]
    print(f"check disabled: exit code {mutated.returncode}\n{tail}")
    assert mutated.returncode != 0, "the window test passed without the check: it cannot catch what it exists for"
    assert mutated.returncode < 0 or "Fatal" in tail or "failed" in tail
