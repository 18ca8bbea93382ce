"""Screenshots of the juror's main window, in Polish and in English, for the README.

    xvfb-run -s "-screen 0 1600x1000x24" python docs/screenshots/make_juror.py

Runs the real window on a fresh demo edition (the same as ``juror-app --demo``), opens the first
dossier, scores a few criteria through the workflows, finds a word in the open PDF, and grabs the
window with ``QWidget.grab()``. Each language runs in its own process (as a juror would start it).
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
SIZE = (1560, 940)
SCORES = {  # criterion code → (points, justification), in the language of the screenshot
    "pl": {"I.1": (8, "Karta usług w BIP i w punkcie obsługi; czas oczekiwania mierzony co miesiąc."),
           "I.2": (7, "Polityka jakości przyjęta i przeglądana corocznie, wskaźniki jeszcze niepełne."),
           "I.3": (6, "")},
    "en": {"I.1": (8, "Service charter online and at the desk; waiting times measured monthly."),
           "I.2": (7, "Quality policy adopted and reviewed yearly; indicators still incomplete."),
           "I.3": (6, "")},
}
FIND = "Twardogórze"


def shoot(lang: str, target: Path) -> None:
    os.environ["JUROR_APP_HOME"] = tempfile.mkdtemp(prefix="juror-shot-home-")
    os.environ["XDG_CONFIG_HOME"] = os.environ["JUROR_APP_HOME"]  # fresh settings: the default layout
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setOrganizationName("Kapitula")
    QCoreApplication.setApplicationName("juror-app-screenshots")
    app = QApplication(sys.argv[:1])
    app.setApplicationDisplayName("Kapituła „Przyjazny Urząd”")
    from juror_app.ui.common import i18n
    from juror_app.ui.juror import launch
    from juror_app.workflows.juror import scoring as juror_scoring

    i18n.install(app, lang)
    launch.INDEX_DELAY_MS = 0
    window = launch.start(app, argparse.Namespace(demo=True, profile=None, lang=lang))
    assert window is not None
    session = window.session
    window.resize(*SIZE)
    window.splitter.setSizes([400, 640, 520])
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
    window.scoring.editor(by_code["I.3"].id).focus_points()
    end = time.monotonic() + 2.0  # let the PDF pages render (a background thread) and the layout settle
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)
    target.parent.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(target)), target
    print(f"{target} ({window.width()}×{window.height()})")
    app._juror_workstation.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=["pl", "en"], help="one language, in this process (default: both, each in its own)")
    args = parser.parse_args()
    if args.lang:
        shoot(args.lang, HERE / f"juror-main-{args.lang}.png")
        return 0
    for lang in ("pl", "en"):
        subprocess.run([sys.executable, str(Path(__file__).resolve()), "--lang", lang], check=True, cwd=ROOT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
