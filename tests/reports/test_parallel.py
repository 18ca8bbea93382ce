"""Rendering a document in parts, in worker processes: page numbers across parts, order, cancel, fallback."""

from __future__ import annotations

import io
import multiprocessing
import os
from datetime import datetime, timezone

import pypdf
import pytest

from juror_app.reports.front_matter import FrontMatter, render_front
from juror_app.reports.page_style import DocumentContext, Numbering, PartResult
from juror_app.reports.parallel import PartJob, ReportCancelled, chunked, render_parts

CONTEXT = DocumentContext(lang="pl", title="Próba", edition="Edycja próbna", code="ABCD-EFGH-JKMN-PQRS",
                          code_label="Kod danych", generated_at=datetime(2026, 12, 10, tzinfo=timezone.utc))


def front(n: int, paragraphs: int) -> FrontMatter:
    return FrontMatter(f"Część {n}: żółć", (("Numer", str(n)),), tuple(f"Akapit {k} części {n}. " * 60 for k in range(paragraphs)))


def dies_in_a_worker(context: DocumentContext, items, numbering: Numbering) -> PartResult:
    """Renders like ``render_front``, but a worker process running it dies (as a crashed worker would)."""
    if multiprocessing.parent_process() is not None:
        os._exit(3)
    return render_front(context, items, numbering)


def jobs(render=render_front) -> list[PartJob]:
    return [PartJob(render, (front(n, paragraphs),)) for n, paragraphs in enumerate([3, 12, 1, 7, 20, 2], start=1)]


def texts(parts: list[PartResult]) -> list[str]:
    return [page.extract_text() for part in parts for page in pypdf.PdfReader(io.BytesIO(part.pdf)).pages]


@pytest.mark.parametrize("workers", [1, 2])
def test_pages_are_numbered_across_the_parts_in_order(workers: int) -> None:
    progress: list[tuple[int, int, str]] = []
    parts = render_parts(jobs(), CONTEXT, workers=workers, progress=lambda *a: progress.append(a))
    pages = texts(parts)
    total = len(pages)
    assert total == sum(p.pages for p in parts) > len(parts)
    for number, text in enumerate(pages, start=1):
        assert f"Strona {number} z {total}" in text
    starts = [sum(p.pages for p in parts[:i]) for i in range(len(parts))]
    for n, first in enumerate(starts, start=1):
        assert f"Część {n}: żółć" in pages[first]  # the parts keep their order
    assert progress[-1][0] == progress[-1][1] and [p[0] for p in progress] == sorted(p[0] for p in progress)
    print(f"{workers} worker(s): {len(parts)} parts, {total} pages, {len(progress)} progress reports")


def test_one_part_numbers_itself_without_a_counting_pass() -> None:
    [part] = render_parts([PartJob(render_front, (front(1, 30),))], CONTEXT)
    pages = texts([part])
    assert len(pages) == part.pages > 1 and f"Strona {part.pages} z {part.pages}" in pages[-1]


def test_cancel_raises_and_stops() -> None:
    calls = []
    with pytest.raises(ReportCancelled):
        render_parts(jobs(), CONTEXT, workers=2, progress=lambda *a: calls.append(a), cancelled=lambda: len(calls) >= 2)
    assert len(calls) < 2 * len(jobs())


def test_a_dead_worker_falls_back_to_this_process() -> None:
    parts = render_parts(jobs(dies_in_a_worker), CONTEXT, workers=2)
    assert texts(parts) == texts(render_parts(jobs(), CONTEXT, workers=1))


def test_chunks_balance_the_workers() -> None:
    items = list(range(2000))
    chunks = chunked(items, workers=2)
    assert [x for c in chunks for x in c] == items and max(map(len, chunks)) == 40
    few = chunked(list(range(10)), workers=2)
    assert len(few) == 3 and sum(map(len, few)) == 10  # at least 4 an item chunk: no chunk of one
    assert chunked([], workers=2) == []
