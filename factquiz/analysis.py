"""Item and class statistics, computed as Moodle's quiz statistics report computes them.

For an item with maximum mark m, over the S students who sat the test, where x_p is student
p's mark on the item and r_p = T_p - x_p their mark on the rest of the test (Moodle correlates
with the rest of the test, not the whole, so an item does not correlate with itself):

- facility index       F = 100 * mean(x) / m
- standard deviation  SD = 100 * sqrt(sum (x_p - mean(x))^2 / (S - 1)) / m
- discrimination index D = 100 * C(x, r) / sqrt(V(x) * V(r))
                       (Pearson's correlation of x with r, as a percentage)
- discriminative efficiency
                       E = 100 * C(x, r) / Cmax(x, r)
  where C is the sample covariance, V the sample variance, and Cmax the covariance of x and
  r each sorted in ascending order: the largest covariance that marks distributed like x and
  r could reach if the best on the item were always the best on the rest (Moodle's
  `covariancemax`, computed from sorted marks). E says how much of the discrimination the
  item could reach it actually reaches.

D and E are undefined (None) when S < 2 or when x or r does not vary. An item is flagged when
E < 15 %, when F < 5 % or F > 95 %, or when it cannot discriminate at all.
"""

from __future__ import annotations

import math
import operator
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

LOW_EFFICIENCY = 15.0
FACILITY_RANGE = (5.0, 95.0)
HISTOGRAM_BINS = 10


@dataclass(frozen=True)
class ItemStats:
    """Moodle's statistics for one item; percentages, None where undefined."""

    item_id: str
    students: int
    facility: float | None
    sd: float | None
    discrimination: float | None
    efficiency: float | None
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class ClassStats:
    """The spread of the class's scores, in percent of the maximum."""

    students: int
    mean: float
    median: float
    sd: float
    histogram: tuple[int, ...]  # students per 10-point band: 0-10, 10-20, ..., 90-100


def _centred(values: Sequence[float], mean: float) -> list[float]:
    return list(map((-mean).__add__, values))  # v - mean, at C speed for big classes


def _dot(a: Sequence[float], b: Sequence[float]) -> float:
    return math.fsum(map(operator.mul, a, b))


def _sorted_dot(a: Sequence[float], b: Sequence[float]) -> float:
    """sum(sorted(a)[i] * sorted(b)[i]) from runs of equal values.

    Marks take few distinct values, so counting them and walking the two sorted runs side by
    side is linear where sorting a class of 100,000 twice per item is not.
    """
    runs_a = sorted(Counter(a).items())
    runs_b = sorted(Counter(b).items())
    terms: list[float] = []
    j = 0
    left_b = runs_b[0][1] if runs_b else 0
    for value_a, left_a in runs_a:
        while left_a:
            step = min(left_a, left_b)
            terms.append(value_a * runs_b[j][0] * step)
            left_a -= step
            left_b -= step
            if not left_b and j + 1 < len(runs_b):
                j += 1
                left_b = runs_b[j][1]
    return math.fsum(terms)


def item_stats(
    item_id: str, marks: Sequence[float], totals: Sequence[float], maximum: float
) -> ItemStats:
    """Statistics of one item from its marks and each student's test total (same order)."""
    s = len(marks)
    if s == 0 or maximum <= 0:
        return ItemStats(item_id, s, None, None, None, None, _flags(None, None, None))
    mean_x = math.fsum(marks) / s
    facility = 100 * mean_x / maximum
    if s < 2:
        return ItemStats(item_id, s, facility, None, None, None, _flags(facility, None, None))
    if len(totals) != s:
        raise ValueError("one total per student is needed")
    rest = list(map(operator.sub, totals, marks))
    dx = _centred(marks, mean_x)
    dr = _centred(rest, math.fsum(rest) / s)
    var_x, var_r, cov = _dot(dx, dx), _dot(dr, dr), _dot(dx, dr)
    # Sorting centred marks sorts the marks: this is Moodle's covariancemax sum.
    cov_max = _sorted_dot(dx, dr)
    # The (S - 1) divisors cancel in both ratios; only SD keeps one.
    sd = 100 * math.sqrt(var_x / (s - 1)) / maximum
    discrimination = 100 * cov / math.sqrt(var_x * var_r) if var_x > 0 and var_r > 0 else None
    efficiency = 100 * cov / cov_max if cov_max > 0 else None
    flags = _flags(facility, discrimination, efficiency)
    return ItemStats(item_id, s, facility, sd, discrimination, efficiency, flags)


def _flags(
    facility: float | None, discrimination: float | None, efficiency: float | None
) -> tuple[str, ...]:
    flags: list[str] = []
    low, high = FACILITY_RANGE
    if facility is not None and facility < low:
        flags.append("too hard")
    if facility is not None and facility > high:
        flags.append("too easy")
    if discrimination is None or efficiency is None:
        flags.append("does not discriminate")
    elif efficiency < LOW_EFFICIENCY:
        flags.append("low efficiency")
    return tuple(flags)


def student_totals(marks_by_item: Sequence[Sequence[float]]) -> list[float]:
    """Each student's total over the items (`marks_by_item[i][p]`: student p, item i)."""
    students = len(marks_by_item[0]) if marks_by_item else 0
    return [math.fsum(marks) for marks in zip(*marks_by_item, strict=True)] if students else []


def items_stats(
    item_ids: Sequence[str],
    maxima: Sequence[float],
    marks_by_item: Sequence[Sequence[float]],
    totals: Sequence[float] | None = None,
) -> list[ItemStats]:
    """Statistics of every item; `marks_by_item[i][p]` is student p's mark on item i."""
    if totals is None:
        totals = student_totals(marks_by_item)
    return [
        item_stats(item_id, marks, totals, maximum)
        for item_id, maximum, marks in zip(item_ids, maxima, marks_by_item, strict=True)
    ]


def class_stats(percents: Sequence[float]) -> ClassStats:
    """Mean, median, sample standard deviation and a 10-band histogram of percentages."""
    n = len(percents)
    if n == 0:
        return ClassStats(0, 0.0, 0.0, 0.0, (0,) * HISTOGRAM_BINS)
    bins = [0] * HISTOGRAM_BINS
    for p in percents:
        # 100 % falls in the top band, like Moodle's last histogram bar.
        bins[min(max(int(p // (100 / HISTOGRAM_BINS)), 0), HISTOGRAM_BINS - 1)] += 1
    sd = statistics.stdev(percents) if n > 1 else 0.0
    return ClassStats(n, math.fsum(percents) / n, statistics.median(percents), sd, tuple(bins))


def hardest(stats: Sequence[ItemStats], n: int = 5) -> list[ItemStats]:
    """The `n` items with the lowest facility index."""
    known = [s for s in stats if s.facility is not None]
    return sorted(known, key=lambda s: (s.facility, s.item_id))[:n]


def least_discriminating(stats: Sequence[ItemStats], n: int = 5) -> list[ItemStats]:
    """The `n` items with the lowest discrimination index (undefined ones first)."""
    return sorted(
        stats, key=lambda s: (s.discrimination is not None, s.discrimination or 0.0, s.item_id)
    )[:n]
