"""A matplotlib renderer that draws a Figure as vector operations into this project's PDF writer.

Why not matplotlib's own PDF backend: each ``savefig`` makes a whole PDF with its own copy of the
fonts (~18 KiB and ~30 ms a chart, measured in ``tests/perf/bench_reports.py``), which must then
be parsed and merged. This renderer writes the paths and text of a figure straight into a
:class:`~juror_app.reports.pdf_writer.Drawing`: text in the document's own embedded DejaVu faces
(Polish, fallbacks and replacement reports as everywhere else), measured by the writer's metrics so
matplotlib's layout matches what is drawn. The figure must use 72 dpi (one pixel is one point).

It covers what the report charts use: filled and stroked paths with dashes, caps and joins, clip
rectangles and clip paths, markers, collections and horizontal or rotated text. Images, hatches,
transparency (alpha is ignored: colours are drawn opaque) and mathtext are not supported.
"""

from __future__ import annotations

from matplotlib.backend_bases import GraphicsContextBase, RendererBase
from matplotlib.font_manager import FontProperties
from matplotlib.path import Path as MplPath

from juror_app.reports.pdf_fonts import get_font
from juror_app.reports.pdf_page import Drawing, num
from juror_app.reports.pdf_text import text_width

DPI = 72  # one display pixel is one point
_CAPS = {"butt": 0, "round": 1, "projecting": 2}
_JOINS = {"miter": 0, "round": 1, "bevel": 2}
_BOLD = {"bold", "heavy", "extra bold", "black", "semibold", "demibold", "demi"}


def face_of(prop: FontProperties) -> str:
    """The writer's face for matplotlib font properties (family and weight; italic or oblique style)."""
    weight = prop.get_weight()
    if (isinstance(weight, (int, float)) and weight >= 600) or weight in _BOLD:
        return "bold"
    if prop.get_style() in ("italic", "oblique"):
        return "italic"
    if any("mono" in family.lower() for family in prop.get_family()):
        return "mono"
    return "regular"


def _rgb(color) -> str:
    return " ".join(num(max(0.0, min(1.0, float(c)))) for c in color[:3])


class DrawingRenderer(RendererBase):
    """Draws into ``drawing`` (its size is the figure's size in points)."""

    def __init__(self, drawing: Drawing) -> None:
        super().__init__()
        self.drawing = drawing
        self.width, self.height = drawing.width, drawing.height

    # -- what matplotlib asks -----------------------------------------------------------------

    def get_canvas_width_height(self) -> tuple[float, float]:
        return self.width, self.height

    def points_to_pixels(self, points: float) -> float:
        return points

    def flipy(self) -> bool:
        return False

    def option_image_nocomposite(self) -> bool:
        return True

    def new_gc(self) -> GraphicsContextBase:
        return GraphicsContextBase()

    def get_text_width_height_descent(self, s: str, prop: FontProperties, ismath) -> tuple[float, float, float]:
        size = prop.get_size_in_points()
        face = face_of(prop)
        metrics = get_font(face).metrics
        descent = -metrics.descent * size / 1000
        return text_width(s, font=face, size=size), (metrics.ascent - metrics.descent) * size / 1000, descent

    # -- drawing ------------------------------------------------------------------------------

    def draw_path(self, gc: GraphicsContextBase, path: MplPath, transform, rgbFace=None) -> None:
        stroke = gc.get_linewidth() > 0 and gc.get_rgb()[3] > 0 and not (gc.get_forced_alpha() and gc.get_alpha() == 0)
        fill = rgbFace is not None and (len(rgbFace) < 4 or rgbFace[3] > 0)
        if not (stroke or fill):
            return
        ops = ["q", *self._clip(gc)]
        if fill:
            ops.append(f"{_rgb(rgbFace)} rg")
        if stroke:
            ops.append(self._stroke_state(gc))
        ops.append(_path_ops(path, transform))
        ops.append("B" if fill and stroke else "f" if fill else "S")
        ops.append("Q")
        self.drawing.ops.append(" ".join(ops))

    def draw_markers(self, gc: GraphicsContextBase, marker_path: MplPath, marker_trans, path: MplPath, trans,
                     rgbFace=None) -> None:
        """The marker's path once per document run of points, moved with ``cm`` to each point."""
        stroke = gc.get_linewidth() > 0 and gc.get_rgb()[3] > 0
        fill = rgbFace is not None and (len(rgbFace) < 4 or rgbFace[3] > 0)
        if not (stroke or fill):
            return
        shape = _path_ops(marker_path, marker_trans)
        paint = "B" if fill and stroke else "f" if fill else "S"
        ops = ["q", *self._clip(gc)]
        if fill:
            ops.append(f"{_rgb(rgbFace)} rg")
        if stroke:
            ops.append(self._stroke_state(gc))
        for vertices, code in path.iter_segments(trans, simplify=False):
            if code == MplPath.CLOSEPOLY or code == MplPath.STOP:
                continue
            x, y = vertices[-2:]
            if 0 <= x <= self.width and 0 <= y <= self.height:
                ops.append(f"q 1 0 0 1 {num(x)} {num(y)} cm {shape} {paint} Q")
        ops.append("Q")
        self.drawing.ops.append(" ".join(ops))

    def draw_text(self, gc: GraphicsContextBase, x: float, y: float, s: str, prop: FontProperties, angle: float,
                  ismath=False, mtext=None) -> None:
        clip = self._clip(gc)
        if clip:
            self.drawing.ops.append("q " + " ".join(clip))
        self.drawing.text(x, y, s, font=face_of(prop), size=prop.get_size_in_points(), color=gc.get_rgb()[:3], angle=angle)
        if clip:
            self.drawing.ops.append("Q")

    def draw_image(self, gc, x, y, im, transform=None) -> None:
        raise NotImplementedError("images are not drawn into report charts")

    # -- internals ----------------------------------------------------------------------------

    def _clip(self, gc: GraphicsContextBase) -> list[str]:
        ops = []
        box = gc.get_clip_rectangle()
        if box is not None:
            x0, y0, w, h = box.bounds
            ops.append(f"{num(x0)} {num(y0)} {num(w)} {num(h)} re W n")
        clip_path, clip_transform = gc.get_clip_path()
        if clip_path is not None:
            ops.append(f"{_path_ops(clip_path, clip_transform)} W n")
        return ops

    def _stroke_state(self, gc: GraphicsContextBase) -> str:
        offset, dashes = gc.get_dashes()
        dash = f"[{' '.join(num(d) for d in dashes)}] {num(offset or 0)} d" if dashes else "[] 0 d"
        return (f"{_rgb(gc.get_rgb())} RG {num(gc.get_linewidth())} w {_CAPS.get(gc.get_capstyle(), 0)} J "
                f"{_JOINS.get(gc.get_joinstyle(), 0)} j {dash}")


def _path_ops(path: MplPath, transform) -> str:
    """PDF path construction operators for a matplotlib path in display (= point) coordinates."""
    ops = []
    last = (0.0, 0.0)
    for vertices, code in path.iter_segments(transform, simplify=False, curves=True):
        if code == MplPath.MOVETO:
            last = (vertices[0], vertices[1])
            ops.append(f"{num(vertices[0])} {num(vertices[1])} m")
        elif code == MplPath.LINETO:
            last = (vertices[0], vertices[1])
            ops.append(f"{num(vertices[0])} {num(vertices[1])} l")
        elif code == MplPath.CURVE3:  # quadratic → cubic
            (qx, qy), (ex, ey) = (vertices[0], vertices[1]), (vertices[2], vertices[3])
            c1 = (last[0] + 2 / 3 * (qx - last[0]), last[1] + 2 / 3 * (qy - last[1]))
            c2 = (ex + 2 / 3 * (qx - ex), ey + 2 / 3 * (qy - ey))
            ops.append(" ".join(num(v) for v in (*c1, *c2, ex, ey)) + " c")
            last = (ex, ey)
        elif code == MplPath.CURVE4:
            ops.append(" ".join(num(v) for v in vertices[:6]) + " c")
            last = (vertices[4], vertices[5])
        elif code == MplPath.CLOSEPOLY:
            ops.append("h")
    return " ".join(ops)
