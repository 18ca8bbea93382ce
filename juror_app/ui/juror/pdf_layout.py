"""Where QPdfView puts each page, and zooming that keeps the juror's page in view.

QPdfView keeps its scroll position in pixels when its zoom changes, so zooming on page 2 showed the
end of page 1 while the page counter still said 2 (the counter follows the view only when it
scrolls); and asking for the page already current did nothing, since the page navigator emits
nothing for "no change". QPdfView does not expose its layout, so :func:`page_span` computes it as
``QPdfViewPrivate::calculateDocumentLayout`` does (multi-page mode: pages stacked inside the
document margins with the page spacing between them, each sized from its point size, the screen's
logical DPI and the zoom). ``tests/ui/juror/test_viewer.py`` checks it against where the view
itself scrolls for every page and zoom mode, so a change in Qt shows up as a failing test.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPdfWidgets import QPdfView

CURRENT_PAGE_LINE = 0.4  # QPdfView calls current the page under this fraction of the viewport's height


def _sizer(view: QPdfView) -> Callable[[int], QSize]:
    """page → its size in pixels, as the view lays it out now."""
    document = view.document()
    resolution = QGuiApplication.primaryScreen().logicalDotsPerInch() / 72.0
    margins = view.documentMargins()
    viewport = view.viewport().size()
    mode, zoom = view.zoomMode(), view.zoomFactor()
    width = viewport.width() - margins.left() - margins.right()
    available = QSize(width, viewport.height() - view.pageSpacing())

    def size(page: int) -> QSize:
        points = document.pagePointSize(page)
        if mode == QPdfView.ZoomMode.Custom:
            return (points * resolution * zoom).toSize()
        natural = (points * resolution).toSize()
        if mode == QPdfView.ZoomMode.FitToWidth:
            return natural * (width / natural.width()) if natural.width() > 0 else natural
        return natural.scaled(available, Qt.AspectRatioMode.KeepAspectRatio)

    return size


def page_span(view: QPdfView, page: int) -> tuple[int, int]:
    """(top, height) of ``page`` (from 0) in the view's content, in pixels."""
    size, spacing = _sizer(view), view.pageSpacing()
    top = view.documentMargins().top()
    for earlier in range(page):
        top += size(earlier).height() + spacing
    return top, size(page).height()


def scroll_to_page(view: QPdfView, page: int) -> None:
    """Show ``page`` from its top, even when it is already the navigator's current page."""
    view.verticalScrollBar().setValue(page_span(view, page)[0])


def keep_page_in_view(view: QPdfView, page: int, change: Callable[[], None]) -> None:
    """Apply ``change`` (a new zoom) and keep ``page`` where the juror was reading it.

    The point of the page under the current-page line stays under it; the previous page is never
    brought back above it; a page that now fits the view is shown whole, from its top.
    """
    document = view.document()
    bar = view.verticalScrollBar()
    if document is None or not 0 <= page < document.pageCount():
        change()
        return
    line = view.viewport().height() * CURRENT_PAGE_LINE
    top, height = page_span(view, page)
    fraction = min(max((bar.value() + line - top) / height, 0.0), 1.0) if height > 0 else 0.0
    change()
    top, height = page_span(view, page)
    if height <= view.viewport().height():
        target = top
    else:
        target = max(top, round(top + fraction * height - line))
    bar.setValue(min(target, bar.maximum()))
