"""Shared by the workflow tests: running the command line in-process."""

from __future__ import annotations

import pytest

from juror_app import cli


@pytest.fixture
def cli_run(capsys: pytest.CaptureFixture):
    """``cli_run(*argv) -> (exit code, stdout, stderr)`` through ``juror_app.cli.main``."""

    def run(*argv: str) -> tuple[int, str, str]:
        code = cli.main(list(argv))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run
