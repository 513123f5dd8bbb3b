"""Wall time of `factquiz --help` beside `python -c pass`, median of N runs, same machine.

    python benchmarks/cli_startup.py [--runs 10]

Target (issue 2): under 150 ms.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time


def median_ms(cmd: list[str], runs: int) -> float:
    """Median wall time of a command in milliseconds (one warm-up run first)."""
    subprocess.run(cmd, capture_output=True, check=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    base = median_ms([sys.executable, "-c", "pass"], args.runs)
    helps = median_ms([sys.executable, "-m", "factquiz", "--help"], args.runs)
    print(f"python -c pass        median of {args.runs}: {base:7.1f} ms")
    print(f"factquiz --help       median of {args.runs}: {helps:7.1f} ms")
    print(f"ratio --help / pass: {helps / base:.1f}x; factquiz's own share: {helps - base:.1f} ms")
    print(f"target < 150 ms: {'met' if helps < 150 else 'NOT met'}")


if __name__ == "__main__":
    main()
