"""The report charts: matplotlib figures drawn as vector graphics into the document, in its own fonts.

Issue 11 item 18: charts were 150 ppi rasters. Now :mod:`pdf_matplotlib` renders the reused figures
into the writer: the static parts once per document as a Form XObject, each institution's bars and
dots on its page. Checked with pypdf (structure), pdftotext (the chart's Polish text) and pdftoppm
(what is seen).
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import time

import numpy as np
import pypdf
import pytest
from matplotlib.figure import Figure

from juror_app.reports import charts
from juror_app.reports.pdf_matplotlib import DPI, DrawingRenderer, face_of
from juror_app.reports.pdf_writer import PdfWriter

LABELS = [f"I.{i}" for i in range(1, 10)] + ["II.1", "II.2", "II.3"]
ORANGE = np.array([0xF0, 0xB2, 0x7A])


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} missing: apt-get install -y poppler-utils")
    return path


def rgb_render(data: bytes, page: int = 1, dpi: int = 72) -> np.ndarray:
    ppm = subprocess.run([tool("pdftoppm"), "-r", str(dpi), "-f", str(page), "-l", str(page), "-"], input=data,
                         capture_output=True, check=True).stdout
    _, size, _, pixels = ppm.split(b"\n", 3)
    width, height = (int(v) for v in size.split())
    return np.frombuffer(pixels, np.uint8).reshape(height, width, 3)


def contents(page: pypdf.PageObject) -> bytes:
    return page.get_contents().get_data()


def test_institution_charts_share_one_drawn_background_and_draw_their_data_as_vectors() -> None:
    chart = charts.institution_chart(LABELS, "pl")
    assert charts.institution_chart(LABELS, "pl") is chart  # reused within the process
    writer = PdfWriter()
    data = [([70.0] * 12, [[60.0, 70.0, 80.0]] * 12, [False] * 12), ([30.0] * 12, [[20.0, 30.0, 40.0]] * 12, [True] * 12),
            ([70.0] * 12, [[60.0, 70.0, 80.0]] * 12, [False] * 12)]
    for means, points, flagged in data:
        chart.draw(writer.new_page(), 60, 80, means, points, flagged)
    pdf = writer.to_bytes()
    reader = pypdf.PdfReader(io.BytesIO(pdf), strict=True)
    forms = [page["/Resources"]["/XObject"] for page in reader.pages]
    assert all(list(f) == ["/Fm1"] for f in forms) and len({f.raw_get("/Fm1").idnum for f in forms}) == 1  # drawn once
    assert forms[0]["/Fm1"].get_object()["/Subtype"] == "/Form"
    assert b"/Image" not in pdf  # no raster anywhere (object dictionaries are not compressed)
    first, second, third = (contents(page) for page in reader.pages)
    assert first != second and first == third  # nothing of the previous chart is left over
    assert b"0.941 0.698 0.478 rg" in second and b"0.941 0.698 0.478 rg" not in first  # flagged bars in orange
    pixels = rgb_render(pdf, page=2)
    assert (np.abs(pixels.astype(int) - ORANGE).sum(axis=2) < 12).sum() > 1000
    text = subprocess.run([tool("pdftotext"), "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True,
                          check=True).stdout.decode()
    for expected in ("% maksymalnej liczby punktów kryterium", "ocena członka Kapituły", "średnia — rozbieżne oceny",
                     "100%", "II.3"):
        assert expected in text
    started = time.perf_counter()
    for _ in range(50):
        chart.draw(writer.new_page(), 60, 80, [55.0] * 12, [[50.0, 60.0]] * 12, [False] * 12)
    per_chart = (time.perf_counter() - started) / 50
    size = (len(writer.to_bytes()) - len(pdf)) / 50
    print(f"\ninstitution chart: {per_chart * 1000:.1f} ms and {size:.0f} B a page (background drawn once per document)")
    with pytest.raises(ValueError):
        chart.data(writer, [1.0], [[1.0]], [False])


def test_ranking_chart_height_follows_the_bars_and_its_labels_are_text() -> None:
    writer = PdfWriter()
    few = charts.ranking_chart(writer, [("1. UM Łódź", 81.7, "certified"), ("2. UM Łowicz 🚀", 68.8, "not_certified")],
                               70.0, "pl")
    many = charts.ranking_chart(writer, [(f"{i}. Urząd {i} $x$", 90.0 - i, "incomplete") for i in range(1, 31)], 70.0, "pl")
    assert few.width == many.width and many.height > few.height
    assert abs(many.height - charts.ranking_chart_size(30)[1]) < 1
    empty = charts.ranking_chart(writer, [("1. bez wyniku", None, "incomplete")], None, "en")
    assert abs(empty.height - charts.ranking_chart_size(0)[1]) < 1
    page = writer.new_page()
    page.place(few, 50, 50, few.width, few.height)
    page.place(many, 50, 250, many.width, many.height)
    pdf = writer.to_bytes()
    text = subprocess.run([tool("pdftotext"), "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True,
                          check=True).stdout.decode()
    assert "1. UM Łódź" in text and "2. UM Łowicz 🚀" in text and "81,7%" in text and "próg certyfikacji (70%)" in text
    assert "30. Urząd 30 $x$" in text  # a dollar sign is text, not mathtext
    assert writer.replaced_characters() == ("🚀",)
    pixels = rgb_render(pdf)
    green = np.array([0x3F, 0x7F, 0x5F])
    assert (np.abs(pixels.astype(int) - green).sum(axis=2) < 12).sum() > 200


def test_renderer_draws_dashes_rotated_text_and_clips() -> None:
    figure = Figure(figsize=(3, 2), dpi=DPI)
    ax = figure.add_axes((0.2, 0.2, 0.7, 0.7))
    ax.plot([0, 1], [0, 1], linestyle="--", color="#8b1a1a")
    ax.plot([0, 2], [0.5, 0.5], color="black")  # beyond the x limits: clipped to the axes
    ax.set_xlim(0, 1)
    ax.set_ylabel("Wynik ważony", fontweight="bold")
    figure.text(0.5, 0.02, "zażółć", style="italic")
    writer = PdfWriter(compress=False)
    drawing = writer.new_drawing(*(figure.get_size_inches() * 72))
    figure.draw(DrawingRenderer(drawing))
    writer.new_page().place(drawing, 50, 50, drawing.width, drawing.height)
    pdf = writer.to_bytes()
    assert re.search(rb"\[[\d. ]+\] [\d.]+ d", pdf)  # a dash pattern
    assert b" re W n" in pdf  # the axes' clip rectangle
    assert re.search(rb"0 1 -1 0 [\d.]+ [\d.]+ Tm", pdf)  # the y label turned 90°
    text = subprocess.run([tool("pdftotext"), "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True,
                          check=True).stdout.decode()
    assert "zażółć" in text and "Wynik ważony" in text.replace("\n", "")
    assert face_of(ax.yaxis.label.get_fontproperties()) == "bold"

