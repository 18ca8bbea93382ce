"""Small helpers shared by the benchmarks in ``tests/perf/`` (see ``run.py`` for how to add one).

A benchmark measures its subject and a baseline *in the same process and run*, because this is a
shared 2-core VM: absolute timings drift from minute to minute, a ratio to a baseline measured
alongside drifts far less. So every figure is a list of samples, reported as a median (and p99
where asked), never a single timing.
"""

from __future__ import annotations

import json
import math
import os
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

# --- timing --------------------------------------------------------------------------------------

class Timer:
    """``with Timer() as t: ...`` then ``t.seconds``: wall time of a block (perf_counter)."""

    def __enter__(self) -> "Timer":
        self.seconds = 0.0
        self._start = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self._start


def measure(fn: Callable[[], object], repeat: int, *, setup: Callable[[], object] | None = None,
            warmup: int = 0) -> list[float]:
    """Wall-time samples (seconds) of ``fn()``, ``repeat`` times; ``setup()`` runs untimed before each.

    ``warmup`` untimed calls come first, for work whose first call pays for imports or caches.
    """
    for _ in range(warmup):
        if setup is not None:
            setup()
        fn()
    samples = []
    for _ in range(repeat):
        if setup is not None:
            setup()
        with Timer() as timer:
            fn()
        samples.append(timer.seconds)
    return samples


def measure_interleaved(fns: dict[str, Callable[[], object]], repeat: int, *,
                        setups: dict[str, Callable[[], object]] | None = None) -> dict[str, list[float]]:
    """Samples of several functions taken in turn (a, b, a, b, …), so a slow minute on a shared
    machine falls on all of them alike rather than on whichever ran during it."""
    setups = setups or {}
    samples: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            if name in setups:
                setups[name]()
            with Timer() as timer:
                fn()
            samples[name].append(timer.seconds)
    return samples


def median(samples: Sequence[float]) -> float:
    return statistics.median(samples) if samples else math.nan


def p99(samples: Sequence[float]) -> float:
    """The 99th percentile by nearest rank: with fewer than 100 samples, the largest one."""
    if not samples:
        return math.nan
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(0.99 * len(ordered)) - 1)]


# --- memory --------------------------------------------------------------------------------------

def _maxrss_bytes(usage: resource.struct_rusage) -> int:
    # Linux reports kilobytes, macOS bytes.
    return usage.ru_maxrss if sys.platform == "darwin" else usage.ru_maxrss * 1024


def peak_rss_self() -> int:
    """Peak resident memory of this process so far, in bytes."""
    return _maxrss_bytes(resource.getrusage(resource.RUSAGE_SELF))


@dataclass(frozen=True)
class ProcessRun:
    seconds: float  # wall time
    exit_code: int
    peak_rss: int  # bytes: the largest resident set of the process and of the children it waited for
    cpu_seconds: float  # user + system time of the process and of the children it waited for


def run_process(args: Sequence[str], **popen: Any) -> ProcessRun:
    """Run a command to its end and report its wall time, exit code, peak memory and CPU time.

    The figures come from ``wait4`` on that one child, unmixed with other children of this process.
    """
    with Timer() as timer:
        process = subprocess.Popen(args, **popen)
        _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return ProcessRun(timer.seconds, process.returncode, _maxrss_bytes(usage), usage.ru_utime + usage.ru_stime)


def tracemalloc_peak(fn: Callable[[], object]) -> int:
    """Peak bytes allocated by Python objects while ``fn()`` runs (slows the call: do not time it)."""
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# --- results -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Goal:
    """A performance goal: the text people read and the test a result must pass."""

    text: str
    predicate: Callable[["Result"], bool]

    def met_by(self, result: "Result") -> bool:
        return bool(self.predicate(result))


def median_under(limit: float, unit: str = "s") -> Goal:
    return Goal(f"median < {limit:g} {unit}", lambda r: r.median < limit)


def ratio_under(limit: float) -> Goal:
    return Goal(f"ratio < {limit:g}×", lambda r: r.ratio < limit)


@dataclass
class Result:
    """One measured figure of a benchmark, with its baseline from the same run."""

    name: str  # the benchmark, e.g. "packages"
    measure: str  # what was measured, e.g. "write 60 signed packages"
    unit: str = "s"
    samples: list[float] = field(default_factory=list)
    baseline_name: str = ""
    baseline_samples: list[float] = field(default_factory=list)
    goal: Goal | None = None
    show_p99: bool = False
    notes: dict[str, Any] = field(default_factory=dict)  # other figures: sizes, peak memory, throughput

    @property
    def median(self) -> float:
        return median(self.samples)

    @property
    def p99(self) -> float:
        return p99(self.samples)

    @property
    def baseline_median(self) -> float:
        return median(self.baseline_samples)

    @property
    def ratio(self) -> float:
        base = self.baseline_median
        return self.median / base if base and not math.isnan(base) else math.nan

    def verdict(self) -> str:
        if self.goal is None:
            return ""
        return "meets goal" if self.goal.met_by(self) else "misses goal"

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name, "measure": self.measure, "unit": self.unit,
            "samples": self.samples, "median": _finite(self.median),
            "p99": _finite(self.p99) if self.show_p99 else None,
            "baseline_name": self.baseline_name, "baseline_samples": self.baseline_samples,
            "baseline_median": _finite(self.baseline_median), "ratio": _finite(self.ratio),
            "goal": self.goal.text if self.goal else "", "verdict": self.verdict(), "notes": self.notes,
        }


def _finite(value: float) -> float | None:
    return None if math.isnan(value) else value


@dataclass(frozen=True)
class Context:
    """What the runner tells a benchmark: sizes (quick or full), how many samples, a scratch folder."""

    quick: bool
    repeat: int | None  # None: the benchmark's own default
    workdir: Path

    def size(self, full: int, quick: int) -> int:
        return quick if self.quick else full

    def repeats(self, default: int, quick: int = 1) -> int:
        return self.repeat if self.repeat is not None else (quick if self.quick else default)

    def full_scale_goal(self, goal: Goal) -> Goal | None:
        """A goal stated for the national scale does not judge a quick run at a smaller size."""
        return None if self.quick else goal


def write_results(path: Path, results: Sequence[Result], *, peak_rss: int) -> None:
    """The JSON a benchmark's process hands back to the runner."""
    payload = {"results": [r.to_json() for r in results], "peak_rss_bytes": peak_rss}
    Path(path).write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")


def mib(n_bytes: float) -> str:
    value = n_bytes / (1 << 20)
    return f"{value:.1f} MiB" if value < 10 else f"{value:.0f} MiB"
