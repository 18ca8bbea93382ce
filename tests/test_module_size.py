"""Small rooms: no module of the program grows past 600 lines (split it by what it is about)."""

from __future__ import annotations

from pathlib import Path

LIMIT = 600
PACKAGE = Path(__file__).resolve().parents[1] / "juror_app"


def test_no_module_is_over_600_lines() -> None:
    sizes = {p.relative_to(PACKAGE.parent).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
             for p in PACKAGE.rglob("*.py")}
    too_long = {name: lines for name, lines in sizes.items() if lines > LIMIT}
    print(f"{len(sizes)} modules, the longest {max(sizes.values())} lines")
    assert not too_long, f"over {LIMIT} lines: {too_long}"
