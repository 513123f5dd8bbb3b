"""How a number, date or range in a response relates to one in an accepted answer.

Works on the canonical tokens of `factquiz.normalize`: `2006`, `10e`, `2023-09-13`,
`--09-13`, `2023-09`, `1980s`, `1985~1993`. A response number is `equal` to the expected one
(rounded numbers count: `2.19` for `2.187`), `finer` (`August 1850` for `1850`, `1987` for
`1985~1993`), `coarser` (`2023` for `13 septembre 2023`) or unrelated (None). No I/O.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz.distance import Indel


class Numeric(NamedTuple):
    """A canonical numeric token, parsed."""

    kind: str  # "num" | "date" | "decade" | "range" | "century"
    text: str = ""  # a number's digits (`10` for the ordinal `10e`)
    year: int | None = None  # a date's year, a decade's first year
    month: int | None = None
    day: int | None = None
    low: float = 0.0  # a range's or a century's bounds
    high: float = 0.0

    @property
    def parts(self) -> tuple[int | None, int | None, int | None]:
        """Year, month, day (None where the date does not say)."""
        return self.year, self.month, self.day

    def as_year(self) -> int | None:
        """The year this number or date names, if it names one."""
        if self.kind == "num" and self.text.isdigit() and len(self.text) == 4:
            return int(self.text)
        return self.year if self.kind == "date" else None

    def value(self) -> float | None:
        """A plain number's value, or a date's year: what a range may hold."""
        if self.kind == "num":
            return float(self.text)
        return float(self.year) if self.kind == "date" and self.year is not None else None


def parse_numeric(tok: str) -> Numeric:
    """`2023-09-13`, `--09`, `1980s`, `18c`, `1985~1993`, `10e`, `2.5` as a `Numeric`."""
    if tok.startswith("--"):
        day = int(tok[5:7]) if len(tok) > 4 else None
        return Numeric("date", month=int(tok[2:4]), day=day)
    if len(tok) >= 7 and tok[4] == "-":
        day = int(tok[8:10]) if len(tok) > 7 else None
        return Numeric("date", year=int(tok[:4]), month=int(tok[5:7]), day=day)
    if tok.endswith("s"):
        return Numeric("decade", year=int(tok[:4]))
    if tok.endswith("c"):  # a century: `18c` is 1701-1800
        n = int(tok[:-1])
        return Numeric("century", text=tok[:-1], low=n * 100 - 99, high=n * 100)
    if "~" in tok:
        lo, hi = tok.split("~")
        return Numeric("range", low=float(lo), high=float(hi))
    return Numeric("num", text=tok.rstrip("e"))


def _compare_dates(r: Numeric, e: Numeric) -> str | None:
    lacking: list[int] = []  # parts (0 year, 1 month, 2 day) the expected date has, not r
    finer = False
    for i, (a, b) in enumerate(zip(r.parts, e.parts, strict=True)):
        if a is not None and b is not None and a != b:
            return None
        finer = finer or (a is not None and b is None)
        if a is None and b is not None:
            lacking.append(i)
    if lacking == [0] and e.day is not None:
        return "equal"  # `13 septembre` for `13 septembre 2023`: the year is the quiz's
    if lacking:
        return None if finer else "coarser"  # `October 1` for `October 1980`: not comparable
    return "finer" if finer else "equal"


@lru_cache(maxsize=1 << 12)
def compare_numeric(r_tok: str, e_tok: str) -> str | None:
    """How a response number relates to an expected one: equal, finer, coarser, or None."""
    if r_tok == e_tok:
        return "equal"
    r, e = parse_numeric(r_tok), parse_numeric(e_tok)
    if r.kind == "num" and e.kind == "num":
        return "equal" if r.text == e.text or _rounded(r.text, e.text) else None
    if r.kind == "date" and e.kind == "date":
        return _compare_dates(r, e)
    if "century" in (r.kind, e.kind):
        return _compare_century(r, e)
    if "range" in (r.kind, e.kind):
        return _compare_range(r, e)
    year_r, year_e = r.as_year(), e.as_year()
    if e.kind == "decade" and e.year is not None and year_r is not None:
        return "finer" if e.year <= year_r < e.year + 10 else None
    if r.kind == "decade" and r.year is not None and year_e is not None:
        return "coarser" if r.year <= year_e < r.year + 10 else None
    if r.kind == "date" and e.kind == "num":
        return "finer" if r.year is not None and str(r.year) == e.text else None
    if r.kind == "num" and e.kind == "date" and r.text in (str(e.year), str(e.day)):
        return "coarser"  # the year, or the day, of the expected date
    return None


def _rounded(r: str, e: str) -> bool:
    """Whether r is e rounded to r's precision: `2.19` for `2.187`, `2190000000` for
    `2187000000`; never a year (`2000` is not `2006`)."""
    if "." in e:
        places = len(r.split(".")[1]) if "." in r else 0
        if places >= len(e.split(".")[1]):
            return False
        return Decimal(e).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP) == Decimal(r)
    if "." in r or len(e) < 7 or not r.isdigit():
        return False
    zeros = len(r) - len(r.rstrip("0"))
    return zeros >= 3 and round(int(e), -zeros) == int(r)


def _compare_range(r: Numeric, e: Numeric) -> str | None:
    """A number inside an expected range is right (`1985` for `1985-1993`); a range around
    an expected number is coarser."""
    if r.kind == "range" and e.kind == "range":
        return "equal" if (r.low, r.high) == (e.low, e.high) else None
    if e.kind == "range":
        value = r.value()
        return "finer" if value is not None and e.low <= value <= e.high else None
    value = e.value()
    return "coarser" if value is not None and r.low <= value <= r.high else None


def _compare_century(r: Numeric, e: Numeric) -> str | None:
    """A year, a date or a decade within the expected century is right (`628` for `7th
    century`), the century around an expected year coarser; `18e` alone is the `18e
    siècle` (the text says which)."""
    if r.kind == e.kind:
        return None  # two different centuries (equal tokens were equal)
    if e.kind == "century":
        if r.kind == "num" and r.text == e.text:
            return "equal"
        year = r.year if r.kind in ("date", "decade") else r.value()
        return "finer" if year is not None and e.low <= year <= e.high else None
    if e.kind == "num" and e.text == r.text:
        return "equal"
    year = e.year if e.kind in ("date", "decade") else e.value()
    return "coarser" if year is not None and r.low <= year <= r.high else None


_DAY_WORDS = frozenset(("jour", "jours", "date", "dates", "day", "days", "quantieme"))
_MONTH_WORDS = frozenset(("mois", "month", "months"))


def coarser_kind(r_tok: str, e_tok: str, asked_words: frozenset[str] | None) -> str:
    """A response date with fewer parts than the expected one (`1942` for `June 22, 1942`):
    right for a question that asks when (`coarser_date`), wrong for one that asks the day
    or the month (`number_missing`), for the teacher without a question (`partial_number`).
    `asked_words` are the question's words, None without a question."""
    r, e = parse_numeric(r_tok), parse_numeric(e_tok)
    r_year = r.as_year()
    if e.kind != "date" or (r.kind != "date" and r_year is None) or asked_words is None:
        return "partial_number"
    r_parts = r.parts if r.kind == "date" else (r_year, None, None)
    lacking = {i for i, (a, b) in enumerate(zip(r_parts, e.parts, strict=True)) if a is None and b}
    asks_day = bool(asked_words & _DAY_WORDS)
    if (2 in lacking and asks_day) or (1 in lacking and (asks_day or asked_words & _MONTH_WORDS)):
        return "number_missing"
    return "coarser_date"


def closest(r: str, candidates: tuple[str, ...]) -> str:
    """The candidate most like r, to name in a reason."""
    return max(candidates, key=lambda e: Indel.normalized_similarity(r, e))
