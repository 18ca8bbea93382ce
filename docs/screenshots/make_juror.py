"""Screenshots of the juror's main window for the README: a 1,366 × 768 laptop in Polish and in English,
and a 1,920 × 1,080 laptop at 125 % and 150 % scaling (Polish).

    xvfb-run -s "-screen 0 1920x1080x24" python docs/screenshots/make_juror.py

Runs the real window on a fresh demo edition (the same as ``juror-app --demo``), as large as the
screen (the first start fits the window to the screen's free area), opens the first dossier, scores
a few criteria through the workflows, finds a word in the open PDF, puts the cursor in the next
criterion's justification, and grabs the window with ``QWidget.grab()`` (in the screen's device
pixels: 1,920 × 1,080 at both scalings). Each shot runs in its own process, with its own
``QT_SCALE_FACTOR``, as a juror would start the program.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SHOTS = {  # name → (language, screen size in device pixels, QT_SCALE_FACTOR)
    "juror-main-pl": ("pl", (1366, 768), "1"),
    "juror-main-en": ("en", (1366, 768), "1"),
    "juror-main-pl-125": ("pl", (1920, 1080), "1.25"),
    "juror-main-pl-150": ("pl", (1920, 1080), "1.5"),
}
SCORES = {  # criterion code → (points, justification), in the language of the screenshot
    "pl": {"I.1": (8, "Karta usług w BIP i w punkcie obsługi; czas oczekiwania mierzony co miesiąc."),
           "I.2": (7, "Polityka jakości przyjęta i przeglądana corocznie, wskaźniki jeszcze niepełne."),
           "I.3": (6, "")},
    "en": {"I.1": (8, "Service charter online and at the desk; waiting times measured monthly."),
           "I.2": (7, "Quality policy adopted and reviewed yearly; indicators still incomplete."),
           "I.3": (6, "")},
}
FIND = "Twardogórze"


def shoot(lang: str, screen: tuple[int, int], target: Path) -> None:
    os.environ["JUROR_APP_HOME"] = tempfile.mkdtemp(prefix="juror-shot-home-")
    os.environ["XDG_CONFIG_HOME"] = os.environ["JUROR_APP_HOME"]  # fresh settings: the default layout
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setOrganizationName("Kapitula")
    QCoreApplication.setApplicationName("juror-app-screenshots")
    app = QApplication(sys.argv[:1])
    app.setApplicationDisplayName("Kapituła „Przyjazny Urząd”")
    from juror_app.ui.common import i18n
    from juror_app.ui.juror import launch, main_window
    from juror_app.workflows.juror import scoring as juror_scoring

    i18n.install(app, lang)
    launch.INDEX_DELAY_MS = 0
    window = launch.start(app, argparse.Namespace(demo=True, profile=None, lang=lang))
    assert window is not None
    session = window.session
    scale = float(os.environ.get("QT_SCALE_FACTOR", "1"))
    logical = (round(screen[0] / scale), round(screen[1] / scale))
    window.resize(*logical)  # the whole screen, as a maximised window on a screen without a taskbar
    window.splitter.setSizes(main_window.pane_widths(logical[0]))
    first = window.dossiers.model.rows()[0].dossier_id
    window.dossiers.select(first)
    by_code = {c.code: c for c in session.edition.criteria}
    for code, (points, justification) in SCORES[lang].items():
        session.apply(juror_scoring.set_score, dossier_id=first, criterion_id=by_code[code].id, points=points,
                      justification=justification)
    window.viewer.find_bar.search(FIND)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and (window.viewer.find_bar.hit_count() == 0 or session.indexer.running()):
        app.processEvents()
        time.sleep(0.02)
    window.viewer.find_bar.next_hit()
    window.activateWindow()
    window.scoring.editor(by_code["I.3"].id).justification.setFocus()
    end = time.monotonic() + 2.0  # let the PDF pages render (a background thread) and the layout settle
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)
    target.parent.mkdir(parents=True, exist_ok=True)
    image = window.grab()
    assert image.save(str(target)), target
    print(f"{target}: window {window.width()}×{window.height()} at {scale:g}×, image {image.width()}×{image.height()}")
    app._juror_workstation.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shot", choices=sorted(SHOTS), help="one shot, in this process (default: all, each in its own)")
    parser.add_argument("--out", type=Path, default=HERE, help="folder for the images (default: beside this script)")
    args = parser.parse_args()
    if args.shot:
        lang, screen, _scale = SHOTS[args.shot]
        shoot(lang, screen, args.out / f"{args.shot}.png")
        return 0
    for name, (_lang, _screen, scale) in SHOTS.items():
        env = dict(os.environ, QT_SCALE_FACTOR=scale)
        subprocess.run([sys.executable, str(Path(__file__).resolve()), "--shot", name, "--out", str(args.out)],
                       check=True, cwd=ROOT, env=env)
    return 0


if __name__ == "__main__":
    sys.exit(main())
