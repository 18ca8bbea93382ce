"""The benchmark runner works: a quick run of the fast benchmarks prints its table and valid JSON.

No timing is asserted (a shared 2-core VM); the figures are printed for ``pytest -s``. The full
benchmarks run with ``python tests/perf/run.py`` (see its docstring).
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

RUNNER = Path(__file__).resolve().parent / "perf" / "run.py"
FAST = ["packages", "assign"]  # seconds in --quick; the others take minutes


def test_quick_run_prints_the_table_and_writes_json(tmp_path: Path) -> None:
    out = tmp_path / "perf.json"
    done = subprocess.run([sys.executable, str(RUNNER), *FAST, "--quick", "--repeat", "1", "--json", str(out)],
                          check=False, capture_output=True, text=True, timeout=300)
    print(done.stdout)
    assert done.returncode == 0, done.stderr
    header = next(line for line in done.stdout.splitlines() if line.startswith("benchmark"))
    for column in ("measure", "median", "p99", "baseline", "baseline median", "ratio", "goal", "verdict"):
        assert column in header
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["quick"] is True
    assert [b["name"] for b in report["benchmarks"]] == FAST
    for bench in report["benchmarks"]:
        assert bench["exit_code"] == 0 and bench["peak_rss_bytes"] > 0
        assert bench["results"], f"{bench['name']} reported nothing"
        for result in bench["results"]:
            assert len(result["samples"]) == 1 and result["median"] > 0
            assert len(result["baseline_samples"]) == 1 and result["baseline_median"] > 0
            assert result["ratio"] == result["median"] / result["baseline_median"]
            assert result["measure"] in done.stdout


def test_list_names_every_benchmark() -> None:
    done = subprocess.run([sys.executable, str(RUNNER), "--list"], check=False, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    listed = {line.split()[0] for line in done.stdout.splitlines() if line.strip()}
    assert listed == {p.stem.removeprefix("bench_") for p in RUNNER.parent.glob("bench_*.py")}


def test_unknown_benchmark_is_a_usage_error() -> None:
    done = subprocess.run([sys.executable, str(RUNNER), "no-such-benchmark"], check=False, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 2
    assert "unknown benchmark" in done.stderr and "packages" in done.stderr


def test_a_crashing_benchmark_is_reported_not_fatal() -> None:
    spec = importlib.util.spec_from_file_location("perf_run", RUNNER)
    runner = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(runner)
    crashed = runner.run_benchmark("no_such_module", quick=True, repeat=1)
    assert crashed["exit_code"] != 0 and crashed["results"] == []
    rows = runner.table_rows([crashed])
    assert rows == [("no_such_module", f"CRASHED (exit {crashed['exit_code']})", "", "", "", "", "", "", "")]
    print(runner.format_table(rows))
