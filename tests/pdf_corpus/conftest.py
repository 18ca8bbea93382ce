"""The hostile-PDF corpus for the tests here: generated once per session, with a signed bundle carrying it."""

from __future__ import annotations

import faulthandler
import importlib.util
import sys
from pathlib import Path

import pytest

HOSTILE = Path(__file__).resolve().parent / "hostile.py"
HANG_GUARD_SECONDS = 600  # far beyond any test here: a test that gets there hangs, and the run stops with tracebacks


def load():
    """tests/pdf_corpus/hostile.py as a module (``tests`` is not a package)."""
    module = sys.modules.get("hostile_pdfs")
    if module is None:
        spec = importlib.util.spec_from_file_location("hostile_pdfs", HOSTILE)
        module = importlib.util.module_from_spec(spec)
        sys.modules["hostile_pdfs"] = module
        spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def hostile():
    return load()


@pytest.fixture(scope="session")
def corpus(hostile, tmp_path_factory) -> dict[str, Path]:
    """Corpus name → file."""
    return hostile.write_corpus(tmp_path_factory.mktemp("hostile-pdfs"))


@pytest.fixture(scope="session")
def hostile_edition(hostile, tmp_path_factory):
    return hostile.build_hostile_edition(tmp_path_factory.mktemp("hostile-edition") / "edition")


@pytest.fixture(autouse=True)
def hang_guard():
    """No test of the corpus may hang: past the guard the process prints every thread's stack and exits."""
    faulthandler.dump_traceback_later(HANG_GUARD_SECONDS, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()
