"""The layering contract (pyproject.toml [tool.importlinter]): only juror_app.ui imports Qt,
imports point one way down the layers, and the domain uses the standard library only."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept() -> None:
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())",
         "--no-cache"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    print(result.stdout[-3000:])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 5 kept, 0 broken." in result.stdout
