"""The composition root: ``juror-app`` and ``python -m juror_app``.

A subcommand runs the Qt-free command line; no subcommand opens the window. Qt is imported only
in the second case, so the command line starts fast and works on machines without a display.
"""

from __future__ import annotations

import sys
from typing import Sequence

from juror_app import cli


PDF_CHECK_CHILD = "--pdf-check-child"  # hidden: the PDF checker's child process (juror_app.workflows.pdf_check)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == [PDF_CHECK_CHILD]:
        from juror_app.ui.common.pdf_check_child import serve

        return serve(arguments[1:])
    if getattr(sys, "frozen", False):  # PDF text extraction runs in a child process, also in the installer's build
        import multiprocessing  # (only there: its import, with sockets and pickle, would slow every start)

        multiprocessing.freeze_support()
    args = cli.parse(argv)
    if getattr(args, "handler", None) is not None:
        return cli.run_command(args)
    from juror_app.ui.app import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
