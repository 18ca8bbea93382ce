"""The PDF checker's child process: QtPdf (pdfium), the viewer's own engine, run on a document alone.

Started by :mod:`juror_app.workflows.pdf_check` as ``juror-app --pdf-check-child`` (a hidden mode of
the program's own entry point), it reads requests from stdin and answers on stdout, one document
at a time, for as long as its parent keeps it. Each answer is a 4-byte big-endian length and a
JSON object (the framing is the parent's: ``read_message``/``write_message``). Two requests:

- ``check``: what the window will do to the document, in the order it does it: load, page count
  (refused past the window's page cap), the outline walked through ``QPdfBookmarkModel`` (the
  model the window shows; a looping outline crashes it, which is what the check is for), every
  page's size (QPdfView lays them all out), the first page rendered, and the text of every page
  through pdfium (what the find bar's ``QPdfSearchModel`` and the full-text index read; it parses
  every page's content streams, so a bomb on any page is met here, not in the window).
  With ``"text": false`` (the organizer's structure check) it stops after the page sizes.
- ``text``: the page texts for the full-text index, cut per page and per document.

The caps are the kernel's where it has them: ``RLIMIT_DATA`` for memory (``RLIMIT_AS`` cannot be
used: pdfium's allocator reserves 32 GiB of address space at start, measured, and a lower cap makes
it abort at once), ``RLIMIT_CPU`` renewed per request (so a child whose parent died cannot spin on
forever), and on Linux the child dies with its parent. The parent adds a wall-clock limit, watches
the child's memory, and restarts it after a crash.
"""

from __future__ import annotations

import math
import os
import sys
from typing import Any

from juror_app.workflows.pdf_check import read_message, write_message


def _limit(name: str, soft: int) -> None:
    try:
        import resource

        kind = getattr(resource, name)
        _, hard = resource.getrlimit(kind)
        resource.setrlimit(kind, (soft if hard == resource.RLIM_INFINITY else min(soft, hard), hard))
    except (ImportError, AttributeError, ValueError, OSError):
        pass  # not on this platform: the parent's wall-clock limit and memory watch still apply


def _cpu_used() -> float:
    try:
        import resource

        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime
    except ImportError:
        return 0.0


def _die_with_parent() -> None:
    """Linux: the kernel kills this process when the parent goes (no orphan left working)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL))  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _reset_peak() -> None:
    try:
        with open("/proc/self/clear_refs", "w") as handle:  # "5" resets the peak resident size (Linux ≥ 4.0)
            handle.write("5")
    except OSError:
        pass


def _peak_bytes() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    try:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak if sys.platform == "darwin" else peak * 1024
    except ImportError:
        return 0


class Checker:
    """One QPdfDocument reused for every request (what the window does too)."""

    def __init__(self) -> None:
        from PySide6.QtPdf import QPdfDocument

        self.document = QPdfDocument()

    def _load(self, path: str) -> tuple[str, int]:
        """(reason, page count) after loading; reason "" when the document is open."""
        from PySide6.QtPdf import QPdfDocument

        error = self.document.load(path)
        if error in (QPdfDocument.Error.IncorrectPassword, QPdfDocument.Error.UnsupportedSecurityScheme):
            return "encrypted", 0
        if error == QPdfDocument.Error.None_ and self.document.pageCount() == 0:
            return "empty", 0
        if error != QPdfDocument.Error.None_ or self.document.status() != QPdfDocument.Status.Ready:
            return "broken", 0
        return "", self.document.pageCount()

    def _outline_depth(self, stop_at: int) -> tuple[int, int]:
        """(deepest level, entries) of the outline, walked without recursion through QPdfBookmarkModel."""
        from PySide6.QtCore import QModelIndex
        from PySide6.QtPdf import QPdfBookmarkModel

        model = QPdfBookmarkModel()
        model.setDocument(self.document)  # builds the whole tree: where a looping outline crashes QtPdf
        deepest, entries = 0, 0
        pending = [(QModelIndex(), 0)]
        while pending:
            parent, depth = pending.pop()
            deepest = max(deepest, depth)
            if depth > stop_at:
                break
            for row in range(model.rowCount(parent)):
                entries += 1
                pending.append((model.index(row, 0, parent), depth + 1))
        model.setDocument(None)
        return deepest, entries

    def check(self, request: dict[str, Any]) -> dict[str, Any]:
        from PySide6.QtCore import QSize

        reason, pages = self._load(request["path"])
        try:
            if reason:
                return {"reason": reason, "pages": 0}
            if pages > request["max_pages"]:
                return {"reason": "too_many_pages", "pages": pages, "limit": request["max_pages"]}
            depth, entries = self._outline_depth(request["max_outline_depth"])
            if depth > request["max_outline_depth"]:
                return {"reason": "outline_too_deep", "pages": pages, "limit": request["max_outline_depth"]}
            sizes = [self.document.pagePointSize(i) for i in range(pages)]
            if not request.get("text", True):  # a structure check (workflows.pdf_check.Depth): no text, no rendering
                return {"reason": "ok", "pages": pages, "detail": f"{entries} outline entries; structure only"}
            characters = sum(len(self.document.getAllText(i).text()) for i in range(pages))  # loads the fonts too
            first = sizes[0]
            scale = request["render_pixels"] / max(first.width(), first.height(), 1.0)
            image = self.document.render(0, QSize(max(1, round(first.width() * scale)),
                                                  max(1, round(first.height() * scale))))
            if image.isNull():
                return {"reason": "broken", "pages": pages, "detail": "the first page does not render"}
            return {"reason": "ok", "pages": pages, "detail": f"{entries} outline entries, {characters} characters"}
        finally:
            self.document.close()

    def text(self, request: dict[str, Any]) -> dict[str, Any]:
        reason, pages = self._load(request["path"])
        try:
            if reason:
                return {"reason": reason, "pages": 0}
            per_page, left = request["per_page"], request["per_document"]
            texts: list[str] = []
            cut = False
            for i in range(min(pages, request["max_pages"])):
                if left <= 0:
                    cut = True
                    break
                text = self.document.getAllText(i).text()
                if len(text) > per_page:
                    text, cut = text[:per_page], True
                if len(text) > left:
                    text, cut = text[:left], True
                left -= len(text)
                texts.append(text)
            return {"reason": "ok", "pages": pages, "texts": texts, "cut": cut or pages > request["max_pages"]}
        finally:
            self.document.close()


def serve(argv: list[str]) -> int:
    """The child's main loop (``juror-app --pdf-check-child MEMORY_BYTES CPU_SECONDS``)."""
    memory = int(argv[0]) if argv else 1 << 30
    cpu_seconds = float(argv[1]) if len(argv) > 1 else 60.0
    requests = os.fdopen(os.dup(0), "rb")  # by descriptor: a windowed frozen build has no sys.stdin/stdout objects
    answers = os.fdopen(os.dup(1), "wb")
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)  # a stray print from a library never corrupts the answers
    os.close(quiet)
    _die_with_parent()
    _limit("RLIMIT_DATA", memory)
    _limit("RLIMIT_CORE", 0)  # a crash on a hostile file leaves no core dump behind
    from PySide6.QtCore import QCoreApplication

    from juror_app.ui.common import refcount_guard

    app = QCoreApplication.instance() or QCoreApplication(["juror-app-pdf-check"])  # noqa: F841 - lives for the loop
    checker = Checker()
    write_message(answers, {"ready": True, "pid": os.getpid()})
    while True:
        request = read_message(requests)
        if request is None:
            return 0
        _limit("RLIMIT_CPU", math.ceil(_cpu_used() + cpu_seconds))
        _reset_peak()
        try:
            answer = checker.text(request) if request.get("op") == "text" else checker.check(request)
        except MemoryError:
            answer = {"reason": "memory_limit", "pages": 0}
        except Exception as exc:  # noqa: BLE001 - reported as the verdict, never a traceback in the parent
            answer = {"reason": "crashed", "pages": 0, "detail": f"{exc.__class__.__name__}: {str(exc)[:200]}"}
        answer["peak"] = _peak_bytes()
        refcount_guard.top_up()
        write_message(answers, answer)
