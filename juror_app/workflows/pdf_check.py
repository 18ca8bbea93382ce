"""Checking applicants' PDFs where a crash, a hang or a memory bomb cannot hurt: in child processes.

SECURITY.md: every document is probed once in a child process with time and memory caps, with the
same engine the window uses (QtPdf/pdfium: load, page count, outline through QPdfBookmarkModel,
page sizes, first page rendered, every page's text, which is also what the full-text index reads),
and the verdict is kept by the document's SHA-256 (:mod:`juror_app.store.document_checks`); the
window opens only documents that passed. Both the juror's bundle import and the organizer's adding
of documents call :func:`check_pdfs`.

This is the Qt-free parent side: it starts the program's own entry point in a hidden mode
(``python -m juror_app --pdf-check-child``, or the frozen executable itself), so no module here
imports the Qt code, and keeps up to :data:`CHECKERS` children for a whole batch. Each document has
a wall-clock limit; the child's memory is capped by the kernel (see the child module) and watched
from here; a child that crashed or ran out of time is killed and a new one takes the next document.
Nothing is shared with a child but its two pipes: no inherited descriptors, no shared memory, no
terminal (it runs in its own session), standard error discarded.

Two depths (:class:`Depth`). ``FULL`` is the window's own work, above: the juror's bundle import and
``add_dossiers`` use it, and its verdicts carry :data:`CHECKER_VERSION`. ``STRUCTURE`` stops after the
outline and the page sizes (no text, no rendering): the organizer's folder import uses it (see
``workflows/organizer/documents.py`` for why), and its verdicts carry :data:`STRUCTURE_CHECKER_VERSION`,
lower than any full checker's, so every full check (the juror's, ``add_dossiers``) checks such a
document again. Measured on the demo's documents (2 pages, 26 KB; 2-core VM): load 0.47 ms, outline
0.14 ms, page sizes 0.01 ms, every page's text 2.7 ms, the first page rendered 2.0 ms.

Each child gets up to :data:`PIPELINE` requests at a time, so it never waits for the parent between
two documents; answers come back in order, so the first unanswered document is the one a dying or
hanging child was on (it gets the verdict; the others go to the next child).
"""

from __future__ import annotations

import json
import os
import queue
import signal
import struct
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from juror_app.domain import pdf_verdict as v
from juror_app.domain.errors import UserError
from juror_app.domain.pdf_verdict import PdfVerdict

# Bump when the check finds more than it did: verdicts of an older checker are checked again.
CHECKER_VERSION = 1
# A structure check finds less than any full checker: its verdicts count as an older checker's.
STRUCTURE_CHECKER_VERSION = 0
# Requests a child holds at once: it starts the next document while the parent reads the last answer
# (on the demo's documents a child idled ~0.2 ms of every 0.8 ms without it).
PIPELINE = 3


class Depth(str, Enum):
    """How much of a document a check reads (see the module's docstring)."""

    FULL = "full"  # load, pages, outline, page sizes, every page's text, the first page rendered
    STRUCTURE = "structure"  # load, pages, outline, page sizes

    @property
    def checker_version(self) -> int:
        return CHECKER_VERSION if self is Depth.FULL else STRUCTURE_CHECKER_VERSION

# Two children on the two cores of the machines we plan for: the demo's 8,000 documents take about
# half the time of one child; more would only queue for the same cores.
CHECKERS = 2
CHILD_FLAG = "--pdf-check-child"  # the same literal as juror_app.__main__.PDF_CHECK_CHILD (tested)
# A child that cannot even start within this time means the program is broken, not the document.
CHILD_START_SECONDS = 60.0
# The first page is rendered to fit this many pixels: every image on it is decoded at any size, and a
# small one keeps the demo's 8,000 checks short (256 px cost a fifth more per document than 16 px here).
RENDER_PIXELS = 160
MEMORY_POLL_SECONDS = 0.05
# A child that died with at least this share of its memory cap in use ran out of memory (pdfium and
# the C++ runtime abort when an allocation fails); with less, it crashed.
MEMORY_DEATH_SHARE = 0.6

Progress = Callable[[int, int, str], None]
_HEADER = struct.Struct(">I")
MAX_MESSAGE_BYTES = 64 << 20  # an answer holds at most one document's capped text


def read_message(stream: Any) -> dict[str, Any] | None:
    """One message of the parent–child protocol (a 4-byte big-endian length, then JSON), or None at its end."""
    head = stream.read(_HEADER.size)
    if len(head) < _HEADER.size:
        return None
    (length,) = _HEADER.unpack(head)
    if length > MAX_MESSAGE_BYTES:
        return None
    body = stream.read(length)
    return json.loads(body.decode("utf-8")) if len(body) == length else None


def write_message(stream: Any, message: dict[str, Any]) -> None:
    body = json.dumps(message, ensure_ascii=False).encode("utf-8")
    stream.write(_HEADER.pack(len(body)) + body)
    stream.flush()


class CheckerUnavailable(UserError):
    def __init__(self, detail: str) -> None:
        super().__init__(
            "pdf_checker_unavailable",
            pl=("Nie udało się uruchomić sprawdzania dokumentów PDF, więc niczego nie zmieniono. Zainstaluj program "
                f"ponownie albo zgłoś to organizatorowi ({detail})."),
            en=f"The PDF check could not be started, so nothing was changed. Reinstall the program or report it ({detail}).",
        )


@dataclass(frozen=True)
class Caps:
    """The limits a check holds a document to (the defaults are the product's, in domain.pdf_verdict)."""

    seconds: float = v.CHECK_SECONDS
    memory: int = v.CHECK_MEMORY_BYTES
    max_pages: int = v.MAX_VIEWER_PAGES
    max_outline_depth: int = v.MAX_OUTLINE_DEPTH
    max_bytes: int = v.MAX_DOCUMENT_BYTES


def child_command(caps: Caps) -> list[str]:
    """The program's own entry point in its hidden child mode (the executable itself when frozen)."""
    program = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "juror_app"]
    return [*program, CHILD_FLAG, str(caps.memory), str(max(1, round(caps.seconds * 2)))]


def _child_environment() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"  # the child shows nothing and must work without a display
    env["QT_LOGGING_RULES"] = "*=false"
    package_root = str(Path(__file__).resolve().parents[2])  # where juror_app is, also from a plain checkout
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH", "")) if p)
    return env


def _resident_bytes(pid: int) -> int:
    """The child's resident memory where the system tells (Linux), else 0."""
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        return 0


class ChecksCancelled(Exception):
    """Raised inside the pool's threads when the caller cancelled; never leaves this module."""


class _Child:
    """One checking process and a thread reading its answers; replaced after a crash or a timeout."""

    def __init__(self, caps: Caps) -> None:
        self.caps = caps
        try:
            self.process = subprocess.Popen(
                child_command(caps), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                env=_child_environment(), close_fds=True, start_new_session=os.name == "posix",
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
            )
        except OSError as exc:
            raise CheckerUnavailable(str(exc)) from exc
        self.answers: queue.Queue[dict[str, Any] | None] = queue.Queue()
        threading.Thread(target=self._read, name="pdf-check-answers", daemon=True).start()
        try:
            hello = self.answers.get(timeout=CHILD_START_SECONDS)
        except queue.Empty:
            hello = None
        if not hello or not hello.get("ready"):
            self.kill()
            raise CheckerUnavailable(f"exit code {self.process.returncode}")

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            try:
                message = read_message(stream)
            except (OSError, ValueError):
                message = None
            self.answers.put(message)
            if message is None:
                return

    def send(self, request: dict[str, Any]) -> None:
        """Queue one request; a child that died meanwhile shows as the end of its answers (:meth:`receive`)."""
        try:
            write_message(self.process.stdin, request)
        except (OSError, ValueError):
            pass

    def receive(self, deadline: float, cancelled: Callable[[], bool]) -> tuple[dict[str, Any] | None, str, int]:
        """The next answer — or (None, the reason this child failed, the peak sampled here); a failed child is dead.

        ``deadline`` (``time.monotonic()``) is when the document the child is on runs out of time.
        """
        peak = 0
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                self.kill()
                return None, v.TIME_LIMIT, peak
            try:
                answer = self.answers.get(timeout=min(MEMORY_POLL_SECONDS, left))
            except queue.Empty:
                resident = _resident_bytes(self.process.pid)
                peak = max(peak, resident)
                if resident > self.caps.memory:  # a platform without the kernel's cap: stop it from here
                    self.kill()
                    return None, v.MEMORY_LIMIT, peak
                if cancelled():
                    self.kill()
                    raise ChecksCancelled()
                continue
            if answer is None:
                return None, self._death_reason(peak), peak
            return answer, "", max(peak, int(answer.get("peak", 0) or 0))

    def ask(self, request: dict[str, Any], cancelled: Callable[[], bool]) -> tuple[dict[str, Any] | None, str, int]:
        """One request and its answer (:meth:`receive`)."""
        self.send(request)
        return self.receive(time.monotonic() + self.caps.seconds, cancelled)

    def _death_reason(self, peak: int) -> str:
        try:
            code = self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            code = None
        self.kill()
        if code == -getattr(signal, "SIGXCPU", -1000):
            return v.TIME_LIMIT
        if peak >= MEMORY_DEATH_SHARE * self.caps.memory or (peak == 0 and code == -getattr(signal, "SIGABRT", -1000)):
            return v.MEMORY_LIMIT
        return v.CRASHED

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            try:
                stream.close()
            except OSError:
                pass

    def close(self) -> None:
        """Let the child end by itself (end of its input), killing it if it does not."""
        try:
            self.process.stdin.close()
            self.process.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            pass
        self.kill()


def _failed(sha256: str, reason: str, caps: Caps, *, size: int, peak: int, version: int = CHECKER_VERSION,
            detail: str = "") -> PdfVerdict:
    limit = {v.TIME_LIMIT: round(caps.seconds), v.MEMORY_LIMIT: caps.memory}.get(reason, 0)
    return PdfVerdict(sha256, reason, size=size, limit=limit, detail=detail, checker_version=version,
                      peak_memory=peak)


def _from_answer(sha256: str, answer: dict[str, Any], *, size: int, peak: int,
                 version: int = CHECKER_VERSION) -> PdfVerdict:
    reason = answer.get("reason")
    if reason not in v.REASONS:
        reason = v.CRASHED
    return PdfVerdict(sha256, reason, pages=int(answer.get("pages") or 0), size=size,
                      limit=int(answer.get("limit") or 0), detail=str(answer.get("detail") or "")[:300],
                      checker_version=version, peak_memory=peak)


def _before_child(sha256: str, path: Path, caps: Caps, version: int = CHECKER_VERSION) -> tuple[PdfVerdict | None, int]:
    """A verdict the parent can give without opening the file (missing, too large), and the file's size."""
    try:
        size = path.stat().st_size
    except OSError:
        return PdfVerdict(sha256, v.MISSING, checker_version=version), 0
    if size > caps.max_bytes:
        return PdfVerdict(sha256, v.TOO_LARGE, size=size, limit=caps.max_bytes, checker_version=version), size
    return None, size


class CheckerPool:
    """Up to ``workers`` children checking documents as they are submitted (from any thread).

    The bundle import submits each document as soon as its hash matched, so checking overlaps
    receiving; :meth:`wait` returns every verdict once the last one is in.
    """

    def __init__(self, *, workers: int = CHECKERS, caps: Caps = Caps(),
                 cancelled: Callable[[], bool] | None = None, progress: Progress | None = None,
                 depth: Depth = Depth.FULL, pipeline: int = PIPELINE) -> None:
        self.caps = caps
        self.depth = Depth(depth)
        self.pipeline = max(1, pipeline)
        self._cancelled = cancelled or (lambda: False)
        self._jobs: queue.Queue[tuple[str, Path] | None] = queue.Queue()
        self._lock = threading.Lock()
        self._submitted: set[str] = set()
        self._verdicts: dict[str, PdfVerdict] = {}
        self._errors: list[BaseException] = []
        self._progress = progress  # called from the workers' threads: (verdicts so far, documents submitted, sha)
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._work, name=f"pdf-check-{i}", daemon=True)
                         for i in range(max(1, workers))]
        for thread in self._threads:
            thread.start()

    def cancelled(self) -> bool:
        return self._stop.is_set() or self._cancelled()

    def submit(self, sha256: str, path: Path) -> None:
        with self._lock:
            if sha256 in self._submitted:
                return
            self._submitted.add(sha256)
        self._jobs.put((sha256, Path(path)))

    def _request(self, path: Path) -> dict[str, Any]:
        return {"op": "check", "path": str(path), "max_pages": self.caps.max_pages,
                "max_outline_depth": self.caps.max_outline_depth, "render_pixels": RENDER_PIXELS,
                "text": self.depth is Depth.FULL}

    def _work(self) -> None:
        """One child's documents: up to ``pipeline`` sent ahead, answers taken in order (see the module's docstring)."""
        child: _Child | None = None
        version = self.depth.checker_version
        inflight: deque[tuple[str, Path, int]] = deque()  # sent to the child, not answered yet, in order
        again: deque[tuple[str, Path, int]] = deque()  # sent to a child that died on an earlier document
        ended = False
        head_since = 0.0
        try:
            child = _Child(self.caps)
            while True:
                if self.cancelled():
                    return
                while len(inflight) < self.pipeline and (again or not ended):
                    if again:
                        sha, path, size = again.popleft()
                    else:
                        try:
                            job = self._jobs.get(block=not inflight)
                        except queue.Empty:
                            break
                        if job is None:
                            ended = True
                            break
                        sha, path = job
                        verdict, size = _before_child(sha, path, self.caps, version)
                        if verdict is not None:
                            self._record(verdict)
                            continue
                    if child is None:
                        child = _Child(self.caps)
                    child.send(self._request(path))
                    if not inflight:
                        head_since = time.monotonic()
                    inflight.append((sha, path, size))
                if not inflight:
                    if ended or self.cancelled():
                        return
                    continue
                answer, failure, peak = child.receive(head_since + self.caps.seconds, self.cancelled)
                sha, path, size = inflight.popleft()
                head_since = time.monotonic()
                if answer is None:
                    child = None  # dead: the documents sent after this one go to a new child
                    again.extend(inflight)
                    inflight.clear()
                    self._record(_failed(sha, failure, self.caps, size=size, peak=peak, version=version))
                else:
                    self._record(_from_answer(sha, answer, size=size, peak=peak, version=version))
        except ChecksCancelled:
            return
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread by wait()
            with self._lock:
                self._errors.append(exc)
            self._stop.set()
        finally:
            if child is not None:
                if inflight:
                    child.kill()  # stopped early: what it was given is not wanted any more
                else:
                    child.close()

    def _record(self, verdict: PdfVerdict) -> None:
        with self._lock:
            self._verdicts[verdict.sha256] = verdict
            done, total = len(self._verdicts), len(self._submitted)
            report = self._progress
        if report is not None:
            report(done, total, verdict.sha256)

    def wait(self, progress: Progress | None = None) -> dict[str, PdfVerdict]:
        """Every submitted document's verdict (fewer if cancelled). Ends the children."""
        if progress is not None:
            with self._lock:
                self._progress = progress
        for _ in self._threads:
            self._jobs.put(None)
        while any(thread.is_alive() for thread in self._threads):
            if self._cancelled():
                self._stop.set()
            for thread in self._threads:
                thread.join(timeout=0.05)
        if self._errors:
            raise self._errors[0]
        return dict(self._verdicts)

    def close(self) -> None:
        """Stop at once (after an error elsewhere): children are killed, verdicts dropped."""
        self._stop.set()
        for _ in self._threads:
            self._jobs.put(None)
        for thread in self._threads:
            thread.join()


def check_pdfs(items: Iterable[tuple[str, Path]], *, progress: Progress | None = None,
               cancelled: Callable[[], bool] | None = None, caps: Caps = Caps(),
               workers: int = CHECKERS, depth: Depth = Depth.FULL) -> dict[str, PdfVerdict]:
    """Check each ``(sha256, path)`` once in child processes; SHA-256 → verdict.

    ``progress(done, total, sha256)`` is called from worker threads. When ``cancelled()`` turns
    true the children are stopped and the verdicts found so far are returned. Raises
    :class:`CheckerUnavailable` when no child can be started at all. ``depth``: see :class:`Depth`.
    """
    unique = dict(items)
    if not unique:
        return {}
    pool = CheckerPool(workers=min(workers, len(unique)), caps=caps, cancelled=cancelled, depth=depth)
    for sha, path in unique.items():
        pool.submit(sha, path)
    return pool.wait(progress)


@dataclass(frozen=True)
class PageTexts:
    """A document's page texts for the full-text index; ``cut`` when a cap shortened them."""

    reason: str
    texts: tuple[str, ...] = ()
    pages: int = 0
    cut: bool = False


class TextExtractor:
    """One child reading page texts with pdfium, the engine the check used; restarted after a failure."""

    def __init__(self, caps: Caps = Caps()) -> None:
        self.caps = caps
        self._child: _Child | None = None

    def __enter__(self) -> TextExtractor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def extract(self, path: Path, *, per_page: int, per_document: int,
                cancelled: Callable[[], bool] | None = None) -> PageTexts:
        if self._child is None:
            self._child = _Child(self.caps)
        request = {"op": "text", "path": str(path), "max_pages": self.caps.max_pages, "per_page": per_page,
                   "per_document": per_document}
        try:
            answer, failure, _peak = self._child.ask(request, cancelled or (lambda: False))
        except ChecksCancelled:
            self._child = None
            return PageTexts("cancelled")
        if answer is None:
            self._child = None
            return PageTexts(failure)
        if answer.get("reason") != v.OK:
            return PageTexts(str(answer.get("reason")))
        return PageTexts(v.OK, tuple(str(t) for t in answer.get("texts", ())), int(answer.get("pages") or 0),
                         bool(answer.get("cut")))

    def close(self) -> None:
        if self._child is not None:
            self._child.close()
            self._child = None
