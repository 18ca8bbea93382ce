"""Refresh the UI's translation sources and build the .qm files.

    python resources/translations/update.py            # lupdate (keeps existing translations) + lrelease
    python resources/translations/update.py --release  # lrelease only

Each part of the UI has its own pair of .ts files: ``common`` (juror_app/ui/common and app.py),
``juror`` (juror_app/ui/juror), ``organizer`` (juror_app/ui/organizer).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
UI = HERE.parents[1] / "juror_app" / "ui"
PARTS = {
    "common": [UI / "common", UI / "app.py"],
    "juror": [UI / "juror"],
    "organizer": [UI / "organizer"],
}
LANGUAGES = ("pl", "en")


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}") or str(Path(sys.executable).parent / f"pyside6-{name}")
    return found


def sources(paths: list[Path]) -> list[str]:
    files: list[str] = []
    for path in paths:
        if path.is_file():
            files.append(str(path))
        elif path.is_dir():
            files += [str(p) for p in sorted(path.rglob("*.py"))]
    return files


def update(part: str) -> None:
    files = sources(PARTS[part])
    if not files:
        return
    for lang in LANGUAGES:
        ts = HERE / f"{part}_{lang}.ts"
        subprocess.run([tool("lupdate"), "-no-obsolete", "-locations", "none", "-target-language",
                        "pl_PL" if lang == "pl" else "en_GB", *files, "-ts", str(ts)], check=True,
                       stdout=subprocess.DEVNULL)


def release(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def main(argv: list[str]) -> int:
    if "--release" not in argv:
        for part in PARTS:
            update(part)
    for ts in sorted(HERE.glob("*.ts")):
        release(ts, ts.with_suffix(".qm"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))


def fill(ts: Path, translations: dict[str, str | list[str]]) -> int:
    """Write translations into a .ts file (source text → text, or a list of plural forms); returns how many.

    For people without Qt Linguist: ``python -c "from update import fill; …"`` from this folder.
    """
    import xml.etree.ElementTree as ET

    tree = ET.parse(ts)
    changed = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source")
        if source not in translations:
            continue
        value = translations[source]
        translation = message.find("translation")
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            for form, text in zip(translation.findall("numerusform"), value):
                form.text = text
        else:
            translation.text = value if isinstance(value, str) else value[0]
        changed += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return changed
