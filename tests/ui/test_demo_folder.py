"""The demo's temporary folder (issue 11, item 17): gone when the program exits, and after a crash at the next start.

Each case runs the program (or the part that makes the folder) in a child process whose temp folder
is the test's own (``TMPDIR``), so nothing here touches another run's demo folders.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from juror_app.ui.common import demo_folder

PREFIX = "juror-app-demo-"

# Starts a side of the window on the demo edition exactly as ``juror-app --demo`` does, lets it run a
# moment, quits the application normally, and prints the demo folder it used.
START_AND_QUIT = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from juror_app import cli
    from juror_app.ui.common import gui_gc, refcount_guard

    args = cli.parse(["--demo", "--role", sys.argv[1]])
    app = QApplication(sys.argv[:1])
    refcount_guard.install(app)
    gui_gc.install(app)
    if args.role == "organizer":
        from juror_app.ui.organizer.launch import start
    else:
        from juror_app.ui.juror.launch import start
    window = start(app, args)
    session = app._organizer_app.session if args.role == "organizer" else app._juror_workstation.session
    folder = session.demo.folder if args.role == "organizer" else session.demo.edition_folder
    print("FOLDER", folder, flush=True)
    QTimer.singleShot(1500, app.quit)
    sys.exit(app.exec())
""")

MAKE_AND_WAIT = textwrap.dedent("""
    import os, sys, time
    from juror_app.ui.common.demo_folder import make_demo_folder
    root = make_demo_folder(sys.argv[1])
    (root / "organizer.sqlite").write_bytes(b"x" * 100_000)
    print(root, flush=True)
    if sys.argv[2] == "crash":
        os.kill(os.getpid(), 9)
    sys.stdin.readline()  # runs until told to end
""")


def _env(temp: Path) -> dict[str, str]:
    return {**os.environ, "TMPDIR": str(temp), "QT_QPA_PLATFORM": "offscreen", "JUROR_APP_LANG": "pl"}


def _demo_folders(temp: Path) -> list[Path]:
    return sorted(p for p in temp.iterdir() if p.name.startswith("juror-app-"))


@pytest.mark.parametrize("role", ["juror", "organizer"])
def test_a_demo_start_leaves_nothing_in_the_temp_folder(tmp_path: Path, role: str) -> None:
    done = subprocess.run([sys.executable, "-c", START_AND_QUIT, role], env=_env(tmp_path), capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    used = Path(next(line for line in done.stdout.splitlines() if line.startswith("FOLDER ")).split(" ", 1)[1])
    assert tmp_path in used.parents, "the demo was made in the temp folder"
    left = _demo_folders(tmp_path)
    print(f"--demo --role {role}: made {used.relative_to(tmp_path).parts[0]}, left after exit: {left}")
    assert left == []


def test_a_crashed_demo_is_removed_at_the_next_start_and_a_running_one_is_kept(tmp_path: Path) -> None:
    crashed = subprocess.run([sys.executable, "-c", MAKE_AND_WAIT, PREFIX, "crash"], env=_env(tmp_path),
                             capture_output=True, text=True, timeout=60)
    assert crashed.returncode == -signal.SIGKILL
    crashed_folder = Path(crashed.stdout.strip())
    assert crashed_folder.is_dir(), "kill -9 runs no clean-up: the folder stays until the next start"

    running = subprocess.Popen([sys.executable, "-c", MAKE_AND_WAIT, PREFIX, "wait"], env=_env(tmp_path),
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        running_folder = Path(running.stdout.readline().strip())  # the next demo start, in its own process
        assert not crashed_folder.exists(), "the next demo start removed the crashed one's folder"
        other_version = tmp_path / f"{PREFIX}made-by-an-older-version"
        other_version.mkdir()  # no lock file, and new: it may be in use, so it is left

        assert demo_folder.remove_abandoned(PREFIX, tmp_path) == []  # another start, while the second one runs
        assert running_folder.is_dir() and (running_folder / "organizer.sqlite").is_file()
        assert other_version.is_dir()

        old = 2 * demo_folder.UNLOCKED_GRACE_S
        os.utime(other_version, (other_version.stat().st_atime - old, other_version.stat().st_mtime - old))
        assert demo_folder.remove_abandoned(PREFIX, tmp_path) == [other_version]
    finally:
        running.stdin.write("\n")
        running.stdin.close()
        running.wait(timeout=60)
    assert running.returncode == 0
    assert not running_folder.exists(), "the running program removed its own folder at exit"
    assert _demo_folders(tmp_path) == []
