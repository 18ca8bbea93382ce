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


LATER = "2026-11-30T10:00:00Z"


def write_variant(db, base, out, edits, *, revision: int, seed: int, key=None, created_at: str = LATER):
    """A juror's package: the log of the package ``base`` continued with ``edits``, at ``revision``, signed.

    ``edits`` are ``(op, fields)`` as the edit log takes them; the key is the demo key of ``base``'s
    juror for the demo made with ``seed`` unless ``key`` is given. Returns the package's content.
    """
    from juror_app.domain import edit_log
    from juror_app.exchange import container
    from juror_app.exchange.package import read_package_content, write_package
    from juror_app.store.edition_tables import read_edition
    from juror_app.workflows.demo.generate import demo_key
    from juror_app.workflows.demo.scoring import package_from_log

    with container.open_container(base, container.PACKAGE) as opened:
        content = read_package_content(opened)
    lines = list(content.log_lines)
    prev = edit_log.line_hash(lines[-1]) if lines else edit_log.GENESIS
    for op, fields in edits:
        line, prev = edit_log.make_entry(prev_hash=prev, seq=len(lines) + 1, at=created_at, op=op, **fields)
        lines.append(line)
    new = package_from_log(read_edition(db), content.juror_id, list(content.statuses), lines,
                           bundle_manifest_sha256=content.bundle_manifest_sha256,
                           bundle_revision=content.bundle_revision, revision=revision, created_at=created_at)
    write_package(out, juror_key=key or demo_key(seed, f"juror-{int(content.juror_id[1:])}"),
                  juror_name="Test", content=new, created_at=created_at)
    return new


@pytest.fixture
def variant():
    """:func:`write_variant`; a test module binds its demo's seed by overriding this fixture."""
    return write_variant
