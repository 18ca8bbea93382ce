"""Translations: every Polish text present (with its plural forms), and the committed .qm up to date."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

FOLDER = Path(__file__).resolve().parents[2] / "resources" / "translations"
TS_FILES = sorted(FOLDER.glob("*.ts"))


def test_there_are_translation_sources() -> None:
    assert any(f.name.endswith("_pl.ts") for f in TS_FILES)


@pytest.mark.parametrize("ts", TS_FILES, ids=[f.name for f in TS_FILES])
def test_no_translation_is_missing(ts: Path) -> None:
    root = ET.parse(ts).getroot()
    missing = []
    count = 0
    for message in root.iter("message"):
        count += 1
        source = message.findtext("source")
        translation = message.find("translation")
        if message.get("numerus") == "yes":
            forms = [f.text or "" for f in translation.findall("numerusform")]
            expected = 3 if ts.name.endswith("_pl.ts") else 2
            if len(forms) != expected or not all(forms) or translation.get("type") == "unfinished":
                missing.append(source)
        elif ts.name.endswith("_pl.ts") and (translation.get("type") in ("unfinished", "vanished") or not (translation.text or "")):
            missing.append(source)
    print(f"{ts.name}: {count} messages, {len(missing)} missing")
    assert not missing, f"{ts.name}: untranslated: {missing[:10]}"


@pytest.mark.parametrize("ts", TS_FILES, ids=[f.name for f in TS_FILES])
def test_committed_qm_is_up_to_date(ts: Path, tmp_path: Path) -> None:
    qm = ts.with_suffix(".qm")
    assert qm.is_file(), f"{qm.name} missing: run python resources/translations/update.py --release"
    fresh = tmp_path / qm.name
    tool = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(tool), "-silent", str(ts), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == qm.read_bytes(), f"{qm.name} is stale: run python resources/translations/update.py --release"
