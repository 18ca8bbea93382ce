"""Run the performance benchmarks and print one table of figures, baselines, ratios and goals.

    python tests/perf/run.py [NAME ...] [--quick] [--repeat N] [--json out.json] [--list]

NAME is a benchmark's name (``packages`` for ``bench_packages.py``); none means all of them.
``--quick`` runs each at a smaller size, once, as a smoke run. Each benchmark runs in its own
Python process, so its memory figures are its own and a crash stops only that one. The exit code
is 0 when every benchmark ran, even if a goal was missed (this is a report); 1 if one crashed;
2 on bad arguments.

Adding a benchmark
------------------
Create ``tests/perf/bench_<name>.py`` whose docstring's first line says what it measures, with::

    import perfkit

    def run(ctx: perfkit.Context) -> list[perfkit.Result]:
        n = ctx.size(full=2000, quick=200)            # national scale, or a smoke-run size
        ...                                            # untimed set-up in ctx.workdir
        samples = perfkit.measure_interleaved({"it": do_it, "base": baseline}, ctx.repeats(5))
        return [perfkit.Result("name", "what was measured", "s", samples["it"],
                               "what the baseline is", samples["base"],
                               goal=ctx.full_scale_goal(perfkit.median_under(2.0)))]

Measure the baseline (raw SQLite, a bare Qt window, raw matplotlib, a plain file copy …) in the
same run, interleaved with the subject, and compare by the ratio: this is a shared 2-core VM.
Put other figures (sizes, peak memory, per-item times) in ``Result.notes``; they are printed under
the table and kept in the JSON. No benchmark runs under pytest; ``tests/test_perf_smoke.py``
runs the fast ones with ``--quick`` (add yours to its ``FAST`` list if its quick run takes seconds).
"""

from __future__ import annotations

import argparse
import importlib
import json
import math
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Sequence

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import perfkit  # noqa: E402  (beside this file: the path is set just above, also when imported by a test)

PREFIX = "bench_"
MAX_LISTED_SAMPLES = 12
COLUMNS = ("benchmark", "measure", "median", "p99", "baseline", "baseline median", "ratio", "goal", "verdict")


def discover() -> dict[str, Path]:
    """Benchmark name → module file, for every ``bench_*.py`` beside this file."""
    return {path.stem[len(PREFIX):]: path for path in sorted(HERE.glob(f"{PREFIX}*.py"))}


def _summary_line(path: Path) -> str:
    import ast

    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    return doc.strip().splitlines()[0] if doc.strip() else ""


# --- one benchmark, in its own process -----------------------------------------------------------

def run_child(name: str, quick: bool, repeat: int | None, out: Path) -> int:
    """Inside the benchmark's process: import it, run it, write its results for the parent."""
    module = importlib.import_module(PREFIX + name)
    with tempfile.TemporaryDirectory(prefix=f"perf-{name}-") as scratch:
        results = module.run(perfkit.Context(quick=quick, repeat=repeat, workdir=Path(scratch)))
    perfkit.write_results(out, results, peak_rss=perfkit.peak_rss_self())
    return 0


def run_benchmark(name: str, quick: bool, repeat: int | None) -> dict[str, Any]:
    """Start the benchmark's process, pass its output through, and collect its JSON."""
    with tempfile.TemporaryDirectory(prefix="perf-run-") as tmp:
        out = Path(tmp) / "results.json"
        args = [sys.executable, str(Path(__file__).resolve()), "--child", name, "--child-out", str(out)]
        if quick:
            args.append("--quick")
        if repeat is not None:
            args += ["--repeat", str(repeat)]
        started = time.perf_counter()
        code = subprocess.run(args, check=False, cwd=HERE.parents[1]).returncode
        seconds = time.perf_counter() - started
        payload: dict[str, Any] = {}
        if code == 0:
            try:
                payload = json.loads(out.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                print(f"[{name}] no readable results: {exc}", file=sys.stderr)
                code = 1
    return {"name": name, "exit_code": code, "seconds": seconds,
            "peak_rss_bytes": payload.get("peak_rss_bytes"), "results": payload.get("results", [])}


# --- the report ----------------------------------------------------------------------------------

def _figure(value: float | None, unit: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if unit == "s":
        if value < 1e-3:
            return f"{value * 1e6:.0f} µs"
        if value < 1:
            return f"{value * 1e3:.1f} ms"
        return f"{value:.2f} s"
    return f"{value:.3g} {unit}"


def table_rows(benchmarks: Sequence[dict[str, Any]]) -> list[tuple[str, ...]]:
    rows = []
    for bench in benchmarks:
        if bench["exit_code"] != 0:
            rows.append((bench["name"], f"CRASHED (exit {bench['exit_code']})", "", "", "", "", "", "", ""))
            continue
        for r in bench["results"]:
            unit = r["unit"]
            ratio = f"{r['ratio']:.2f}×" if r["ratio"] is not None else "—"
            rows.append((r["name"], r["measure"], _figure(r["median"], unit), _figure(r["p99"], unit),
                         r["baseline_name"] or "—", _figure(r["baseline_median"], unit), ratio,
                         r["goal"] or "—", r["verdict"] or "—"))
    return rows


def format_table(rows: Sequence[tuple[str, ...]]) -> str:
    widths = [max(len(str(row[i])) for row in (COLUMNS, *rows)) for i in range(len(COLUMNS))]

    def line(cells: Sequence[str]) -> str:
        return " | ".join(str(c).ljust(w) for c, w in zip(cells, widths)).rstrip()

    return "\n".join([line(COLUMNS), "-+-".join("-" * w for w in widths), *(line(row) for row in rows)])


def _samples_text(samples: Sequence[float], unit: str) -> str:
    """A few samples are listed; many are summarised (the JSON keeps them all)."""
    if len(samples) <= MAX_LISTED_SAMPLES:
        return "samples " + ", ".join(_figure(s, unit) for s in samples)
    return f"{len(samples)} samples, min {_figure(min(samples), unit)}, max {_figure(max(samples), unit)}"


def format_notes(benchmarks: Sequence[dict[str, Any]]) -> str:
    lines = []
    for bench in benchmarks:
        rss = bench["peak_rss_bytes"]
        head = f"{bench['name']}: {bench['seconds']:.1f} s in all"
        lines.append(head + (f", peak RSS of its process {perfkit.mib(rss)}" if rss else ""))
        for r in bench["results"]:
            lines.append(f"  {r['measure']}: {_samples_text(r['samples'], r['unit'])}")
            for key, value in r["notes"].items():
                lines.append(f"    {key}: {value}")
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    return {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count()}


# --- command line --------------------------------------------------------------------------------

def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="tests/perf/run.py", description="Run the performance benchmarks.")
    parser.add_argument("names", nargs="*", metavar="NAME", help="benchmarks to run (default: all)")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, one sample: a smoke run")
    parser.add_argument("--repeat", type=int, metavar="N", help="samples per figure (default: each benchmark's own)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write every figure to this JSON file")
    parser.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--child-out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.repeat is not None and args.repeat < 1:
        parser.error("--repeat must be at least 1")
    known = discover()
    args.names = [n.removeprefix(PREFIX) for n in args.names]
    unknown = [n for n in args.names if n not in known]
    if unknown:
        parser.error(f"unknown benchmark(s) {', '.join(unknown)}; known: {', '.join(known)}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    if args.child:
        return run_child(args.child, args.quick, args.repeat, args.child_out)
    known = discover()
    if args.list:
        for name, path in known.items():
            print(f"{name:12} {_summary_line(path)}")
        return 0
    names = args.names or list(known)
    benchmarks = []
    for name in names:
        print(f"== {name}{' (quick)' if args.quick else ''}: {_summary_line(known[name])}", flush=True)
        benchmarks.append(run_benchmark(name, args.quick, args.repeat))
    print()
    print(format_table(table_rows(benchmarks)))
    print()
    print(format_notes(benchmarks))
    if args.json:
        report = {"command": [Path(sys.argv[0]).name, *(argv if argv is not None else sys.argv[1:])],
                  "quick": args.quick, "repeat": args.repeat, "machine": machine(), "benchmarks": benchmarks}
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    crashed = [b["name"] for b in benchmarks if b["exit_code"] != 0]
    if crashed:
        print(f"\ncrashed: {', '.join(crashed)}", file=sys.stderr)
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
