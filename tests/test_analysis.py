"""Item statistics as Moodle computes them, checked on a class small enough to work by hand."""

from __future__ import annotations

import math
import statistics

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factquiz.analysis import (
    class_stats,
    hardest,
    item_stats,
    items_stats,
    least_discriminating,
    student_totals,
)

# Five students, three one-mark items (rows: students p1..p5; columns: items a, b, c).
#   p1: 1 1 1  total 3
#   p2: 1 1 0  total 2
#   p3: 1 0 0  total 1
#   p4: 0 1 0  total 1
#   p5: 0 0 0  total 0
HAND_CLASS = {"a": [1, 1, 1, 0, 0], "b": [1, 1, 0, 1, 0], "c": [1, 0, 0, 0, 0]}


def _hand_stats() -> dict[str, object]:
    ids = list(HAND_CLASS)
    return {s.item_id: s for s in items_stats(ids, [1, 1, 1], [HAND_CLASS[i] for i in ids])}


def test_item_a_matches_the_hand_computation() -> None:
    # x = 1 1 1 0 0 (mean 0.6); rest of test r = 2 1 0 1 0 (mean 0.8).
    # sum dx^2 = 1.2, sum dr^2 = 2.8, sum dx.dr = 0.6
    # D = 100 * 0.6 / sqrt(1.2 * 2.8) = 32.733 %
    # sorted: dx = -.6 -.6 .4 .4 .4, dr = -.8 -.8 .2 .2 1.2 -> sum = 1.6; E = 100 * .6/1.6
    a = _hand_stats()["a"]
    assert a.students == 5
    assert a.facility == pytest.approx(60.0)
    assert a.sd == pytest.approx(100 * math.sqrt(0.3))
    assert a.discrimination == pytest.approx(32.733, abs=1e-3)
    assert a.efficiency == pytest.approx(37.5)
    assert a.flags == ()


def test_item_c_reaches_full_efficiency() -> None:
    # x = 1 0 0 0 0, r = 2 2 1 1 0: the one student who got c is also the best on the rest,
    # so the item reaches all the covariance its marks allow.
    c = _hand_stats()["c"]
    assert c.facility == pytest.approx(20.0)
    assert c.discrimination == pytest.approx(53.452, abs=1e-3)
    assert c.efficiency == pytest.approx(100.0)


def test_item_b_has_the_statistics_of_a() -> None:
    b = _hand_stats()["b"]
    assert (b.facility, b.discrimination, b.efficiency) == pytest.approx(
        (60.0, 32.733, 37.5), abs=1e-3
    )


def test_an_item_everyone_gets_is_flagged_too_easy_and_undiscriminating() -> None:
    s = item_stats("easy", [1, 1, 1, 1], [3, 2, 1, 1], 1)
    assert s.facility == 100
    assert s.discrimination is None and s.efficiency is None
    assert s.flags == ("too easy", "does not discriminate")


def test_an_item_nobody_gets_is_flagged_too_hard() -> None:
    assert "too hard" in item_stats("hard", [0, 0, 0], [2, 1, 0], 1).flags


def test_an_item_that_works_backwards_is_flagged_low_efficiency() -> None:
    # The weakest students get it, the strongest miss it: negative discrimination.
    s = item_stats("backwards", [0, 0, 1, 1], [3, 3, 1, 1], 1)
    assert s.discrimination is not None and s.discrimination < 0
    assert s.flags == ("low efficiency",)


def test_marks_are_read_as_a_fraction_of_the_item_points() -> None:
    s = item_stats("two-points", [2, 1, 0, 2], [5, 3, 1, 4], 2)
    assert s.facility == pytest.approx(62.5)


def test_one_student_gives_facility_only() -> None:
    s = item_stats("alone", [1], [1], 1)
    assert s.facility == 100 and s.sd is None and s.discrimination is None


def test_class_stats_mean_median_sd_and_histogram() -> None:
    c = class_stats([100.0, 200 / 3, 100 / 3, 100 / 3, 0.0])
    assert c.students == 5
    assert c.mean == pytest.approx(46.667, abs=1e-3)
    assert c.median == pytest.approx(33.333, abs=1e-3)
    assert c.sd == pytest.approx(statistics.stdev([100, 200 / 3, 100 / 3, 100 / 3, 0]))
    # bands 0-10 .. 90-100; 100 % belongs to the top band
    assert c.histogram == (1, 0, 0, 2, 0, 0, 1, 0, 0, 1)


def test_empty_class() -> None:
    c = class_stats([])
    assert c.students == 0 and sum(c.histogram) == 0


def test_hardest_and_least_discriminating() -> None:
    stats = list(_hand_stats().values())
    assert [s.item_id for s in hardest(stats, 1)] == ["c"]
    assert [s.item_id for s in least_discriminating(stats, 2)] == ["a", "b"]


def test_student_totals_add_each_students_marks() -> None:
    assert student_totals([HAND_CLASS[i] for i in "abc"]) == [3, 2, 1, 1, 0]


marks = st.lists(st.sampled_from([0.0, 0.5, 1.0]), min_size=3, max_size=30)


@given(st.data())
def test_discrimination_is_the_correlation_with_the_rest_of_the_test(data: st.DataObject) -> None:
    x = data.draw(marks)
    rest = data.draw(st.lists(st.integers(0, 20), min_size=len(x), max_size=len(x)))
    totals = [r + xi for r, xi in zip(rest, x, strict=True)]
    s = item_stats("q", x, totals, 1)
    if len(set(x)) < 2 or len(set(rest)) < 2:
        assert s.discrimination is None
        return
    assert s.discrimination == pytest.approx(100 * statistics.correlation(x, rest), abs=1e-6)
    # No arrangement of the same marks discriminates better than the sorted one.
    assert s.efficiency is not None and s.efficiency <= 100 + 1e-9
    assert abs(s.discrimination) <= abs(s.efficiency) + 1e-9


@given(st.data())
def test_efficiency_is_the_covariance_over_that_of_the_sorted_marks(data: st.DataObject) -> None:
    x = data.draw(st.lists(st.sampled_from([0.0, 0.25, 1.0, 2.0]), min_size=2, max_size=40))
    rest = data.draw(st.lists(st.floats(0, 30), min_size=len(x), max_size=len(x)))
    s = item_stats("q", x, [r + xi for r, xi in zip(rest, x, strict=True)], 2)
    mx, mr = statistics.fmean(x), statistics.fmean(rest)
    cov = math.fsum((a - mx) * (b - mr) for a, b in zip(x, rest, strict=True))
    cov_max = math.fsum((a - mx) * (b - mr) for a, b in zip(sorted(x), sorted(rest), strict=True))
    if cov_max <= 1e-9:
        return
    assert s.efficiency == pytest.approx(100 * cov / cov_max, rel=1e-6, abs=1e-6)
