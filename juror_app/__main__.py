"""The composition root: ``juror-app`` and ``python -m juror_app``.

A subcommand runs the Qt-free command line; no subcommand opens the window. Qt is imported only
in the second case, so the command line starts fast and works on machines without a display.
"""

from __future__ import annotations

import multiprocessing
import sys
from typing import Sequence

from juror_app import cli


def main(argv: Sequence[str] | None = None) -> int:
    multiprocessing.freeze_support()  # PDF text extraction runs in a child process, also when frozen
    args = cli.parse(argv)
    if getattr(args, "handler", None) is not None:
        return cli.run_command(args)
    from juror_app.ui.app import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
