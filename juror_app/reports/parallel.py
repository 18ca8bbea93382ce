"""Rendering a document's parts, in a process pool when it is big: both cores, progress, cancel.

A document is a list of :class:`PartJob` (a top-level render function and the picklable items it
draws, e.g. 25 institutions). One part alone is rendered once, numbering itself. Several parts need
the page numbers of the whole document on every page, so they are rendered in two passes: pass 1
counts each part's pages (cheap: layout only), pass 2 renders each part knowing its first page and
the total — then :mod:`assembly` joins them. A part whose page count changed between the passes
would print wrong numbers, so that is checked.

Work is CPU-bound Python (layout, matplotlib, zlib), so parts go to worker processes — started by
``fork`` while the caller has a single thread (nothing re-imported), otherwise (a GUI worker thread)
by ``forkserver`` or ``spawn``. Small documents stay in this process: starting workers costs more.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from juror_app.domain.errors import UserError
from juror_app.domain.i18n import pick
from juror_app.reports.page_style import (
    COUNTING,
    DocumentContext,
    Numbering,
    PartResult,
)

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
RenderFn = Callable[[DocumentContext, Sequence[Any], Numbering], PartResult]
COUNT_WEIGHT, RENDER_WEIGHT = 1, 4  # the counting pass is about a quarter of the work of rendering
POLL_SECONDS = 0.2


class ReportCancelled(UserError):
    """The person cancelled while the document was being made; nothing was written."""


def cancelled_error() -> ReportCancelled:
    return ReportCancelled("report_cancelled", pl="Przerwano tworzenie dokumentu; niczego nie zapisano.",
                           en="Making the document was cancelled; nothing was written.")


@dataclass(frozen=True)
class PartJob:
    render: RenderFn  # a module-level function (it is pickled by name)
    items: tuple[Any, ...]
    units: int | None = None  # items that count for progress (default: all; an opening counts as none)

    @property
    def weight(self) -> int:
        return len(self.items) if self.units is None else self.units


def chunked(items: Sequence[Any], *, workers: int, most: int = 40, least: int = 4) -> list[tuple[Any, ...]]:
    """Split items into chunks: at least 4 per worker (for balance and a responsive cancel), at most
    ``most`` items each, never fewer than ``least`` items each."""
    if not items:
        return []
    size = max(least, min(most, -(-len(items) // (4 * max(1, workers)))))
    return [tuple(items[i:i + size]) for i in range(0, len(items), size)]


def pool_context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def default_workers() -> int:
    return max(1, min(2, os.cpu_count() or 1))


def _run_job(job: PartJob, context: DocumentContext, numbering: Numbering) -> PartResult:
    return job.render(context, job.items, numbering)


def render_parts(jobs: Sequence[PartJob], context: DocumentContext, *, workers: int = 1,
                 progress: Progress = lambda *_: None, cancelled: Cancelled = lambda: False,
                 label: Callable[[int, int], str] | None = None) -> list[PartResult]:
    """Render every part (see the module docstring); ``label(done_items, all_items)`` names the progress."""
    if not jobs:
        raise ValueError("a document needs at least one part")
    items_total = sum(j.weight for j in jobs)
    units = max(1, items_total) * (RENDER_WEIGHT if len(jobs) == 1 else COUNT_WEIGHT + RENDER_WEIGHT)
    state = {"done": 0, "items": 0}
    describe = label or (lambda done, total: pick(f"Tworzenie dokumentu: {done} z {total}",
                                                  f"Making the document: {done} of {total}", context.lang))

    def advance(job: PartJob, weight: int, rendering: bool) -> None:
        state["done"] += weight * job.weight
        if rendering:
            state["items"] += job.weight
        progress(state["done"], units, describe(state["items"], items_total))

    if cancelled():
        raise cancelled_error()
    if len(jobs) == 1:
        result = _run_job(jobs[0], context, Numbering())
        advance(jobs[0], RENDER_WEIGHT, True)
        return [result]
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=pool_context()) if workers > 1 else None
    try:
        counts, parts = _two_passes(pool, jobs, context, cancelled, advance)
    except BrokenProcessPool:  # a worker could not start or died: do it all here, from the start
        state["done"] = state["items"] = 0
        counts, parts = _two_passes(None, jobs, context, cancelled, advance)
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    for counted, part in zip(counts, parts):
        if counted.pages != part.pages:
            raise RuntimeError(f"a part laid out to {counted.pages} pages when counted and {part.pages} when drawn")
    return parts


def _two_passes(pool: ProcessPoolExecutor | None, jobs: Sequence[PartJob], context: DocumentContext,
                cancelled: Cancelled, advance: Callable[[PartJob, int, bool], None]
                ) -> tuple[list[PartResult], list[PartResult]]:
    counts = _each(pool, jobs, context, [COUNTING] * len(jobs), cancelled, lambda job: advance(job, COUNT_WEIGHT, False))
    total = sum(c.pages for c in counts)
    numbering, first = [], 0
    for c in counts:
        numbering.append(Numbering(first=first, total=total))
        first += c.pages
    return counts, _each(pool, jobs, context, numbering, cancelled, lambda job: advance(job, RENDER_WEIGHT, True))


def _each(pool: ProcessPoolExecutor | None, jobs: Sequence[PartJob], context: DocumentContext,
          numbering: Sequence[Numbering], cancelled: Cancelled, done: Callable[[PartJob], None]) -> list[PartResult]:
    """Run every job with its numbering, in the pool or here, keeping the jobs' order."""
    results: list[PartResult | None] = [None] * len(jobs)
    if pool is None:
        for index, job in enumerate(jobs):
            if cancelled():
                raise cancelled_error()
            results[index] = _run_job(job, context, numbering[index])
            done(job)
        return [r for r in results if r is not None]
    futures: dict[Future, int] = {pool.submit(_run_job, job, context, numbering[i]): i for i, job in enumerate(jobs)}
    pending = set(futures)
    while pending:
        finished, pending = wait(pending, timeout=POLL_SECONDS, return_when=FIRST_COMPLETED)
        if cancelled():
            for future in pending:
                future.cancel()
            raise cancelled_error()
        for future in finished:
            index = futures[future]
            results[index] = future.result()
            done(jobs[index])
    return [r for r in results if r is not None]
