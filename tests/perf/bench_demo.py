"""The national-scale demo: wall time of `juror-app demo OUT --institutions 2000 --jurors 60 --per-dossier 3`.

The command runs as a person runs it (a fresh interpreter, its own process pool), so the time
includes start-up. The baseline, in the same run, is a plain copy (shutil.copytree) of the folder
that command produced: the cost of merely putting that many bytes on disk.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import perfkit

from juror_app.workflows.demo.generate import PARALLEL_FROM

FULL = {"institutions": 2000, "jurors": 60, "per_dossier": 3}
QUICK = {"institutions": PARALLEL_FROM, "jurors": 6, "per_dossier": 3}  # the smallest size that still uses the process pool
GOAL_SECONDS = 60.0


def demo_command(out: Path, institutions: int, jurors: int, per_dossier: int) -> list[str]:
    return [sys.executable, "-m", "juror_app", "demo", str(out), "--institutions", str(institutions),
            "--jurors", str(jurors), "--per-dossier", str(per_dossier)]


def run_demo(command: list[str], log: Path) -> perfkit.ProcessRun:
    with open(log, "wb") as sink:
        done = perfkit.run_process(command, stdout=sink, stderr=sink)
    if done.exit_code != 0:
        raise RuntimeError(f"demo exited with {done.exit_code}:\n{log.read_text(encoding='utf-8', errors='replace')}")
    return done


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def run(ctx: perfkit.Context) -> list[perfkit.Result]:
    settings = QUICK if ctx.quick else FULL
    repeat = ctx.repeats(3)
    runs: list[perfkit.ProcessRun] = []
    copies: list[float] = []
    files = total_bytes = 0
    for n in range(1, repeat + 1):
        out, copy = ctx.workdir / f"demo-{n}", ctx.workdir / f"copy-{n}"
        done = run_demo(demo_command(out, **settings), ctx.workdir / f"demo-{n}.log")
        runs.append(done)
        with perfkit.Timer() as timer:
            shutil.copytree(out, copy)
        copies.append(timer.seconds)
        files, total_bytes = folder_size(out)
        print(f"[demo] run {n}/{repeat}: {done.seconds:.1f} s, copy {timer.seconds:.1f} s", flush=True)
        shutil.rmtree(out)
        shutil.rmtree(copy)
    size = f"--institutions {settings['institutions']} --jurors {settings['jurors']} --per-dossier {settings['per_dossier']}"
    return [perfkit.Result(
        "demo", f"juror-app demo {size}", "s", [r.seconds for r in runs],
        "copytree of its output", copies,
        goal=ctx.full_scale_goal(perfkit.median_under(GOAL_SECONDS)),
        notes={
            "output": f"{files:,} files, {perfkit.mib(total_bytes)}",
            "peak RSS of the demo process (or its largest worker)": perfkit.mib(max(r.peak_rss for r in runs)),
            "CPU time (all processes) / wall time, median": f"{perfkit.median([r.cpu_seconds / r.seconds for r in runs]):.2f}",
        },
    )]
