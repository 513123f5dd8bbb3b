"""Dates in French and English, as ISO 8601 tokens.

`13 septembre 2023`, `mardi 12 septembre`, `September 13, 2023`, `the 13th of September` and
`13/09/2023` become `2023-09-13`; without a year `--09-13`; without a day `2023-09`; a month
alone `--09`. Works on the folded tokens of `factquiz.normalize`. No I/O.
"""

from __future__ import annotations

import re

from factquiz.numbers import word_list, word_table

MONTHS: dict[str, int] = word_table(  # type: ignore[assignment]
    "1: janvier janv january jan; 2: fevrier fevr fev february feb; 3: mars march;"
    "4: avril avr april apr; 5: mai may; 6: juin june jun; 7: juillet juil july jul;"
    "8: aout august aug; 9: septembre sept september sep; 10: octobre oct october;"
    "11: novembre nov november; 12: decembre dec december"
)
WEEKDAYS = frozenset(
    word_list(
        "lundi mardi mercredi jeudi vendredi samedi dimanche "
        "monday tuesday wednesday thursday friday saturday sunday"
    )
)

# Words that may start a date: only texts with one of them (or a digit) are parsed.
TRIGGER_WORDS = frozenset(MONTHS) | WEEKDAYS


def _day(token: str) -> int | None:
    if "~" in token:
        token = token.split("~")[0]  # `18-20 January`: the days the event starts
    if token.isdigit() and len(token) <= 2:
        value = int(token)
    elif token.endswith("e") and token[:-1].isdigit() and len(token) <= 3:
        value = int(token[:-1])  # `1er septembre`, `June 18th` became `1e`, `18e`
    else:
        return None
    return value if 1 <= value <= 31 else None


def _year(token: str) -> int | None:
    if token.isdigit() and len(token) == 4 and 1000 <= int(token) <= 2199:
        return int(token)
    return None


def format_date(year: int | None, month: int, day: int | None) -> str:
    """ISO 8601 and its reduced forms: `2023-09-13`, `--09-13`, `2023-09`, `--09`."""
    head = f"{year:04d}" if year else "-"
    return f"{head}-{month:02d}" + (f"-{day:02d}" if day else "")


def _textual_date(tokens: list[str], i: int) -> tuple[str, int] | None:
    """A date starting at tokens[i]: `mardi 13 septembre 2023`, `june 18 1812`, `18e of june`."""
    n = len(tokens)
    j = i + 1 if tokens[i] in WEEKDAYS and i + 1 < n else i
    day = _day(tokens[j])
    if day is not None:
        k = j + 1
        if k + 1 < n and tokens[k] in ("of", "de") and tokens[k + 1] in MONTHS:
            k += 1
        if k < n and tokens[k] in MONTHS:
            year = _year(tokens[k + 1]) if k + 1 < n else None
            return format_date(year, MONTHS[tokens[k]], day), k + 2 if year else k + 1
        return None
    if tokens[j] in MONTHS and j + 1 < n:
        month = MONTHS[tokens[j]]
        day = _day(tokens[j + 1])
        if day is not None:
            year = _year(tokens[j + 2]) if j + 2 < n else None
            return format_date(year, month, day), j + 3 if year else j + 2
        year = _year(tokens[j + 1])
        if year is not None:
            return format_date(year, month, None), j + 2
    return None


def textual_dates(tokens: list[str]) -> list[str]:
    """Replace spelled dates by ISO tokens; a month on its own becomes `--MM`."""
    if TRIGGER_WORDS.isdisjoint(tokens):
        return tokens  # every date has a month (or a weekday before it)
    out: list[str] = []
    i = 0
    n = len(tokens)
    while i < n:
        word = tokens[i]
        if word in MONTHS or word in WEEKDAYS or (word[:1].isdigit() and _day(word) is not None):
            found = _textual_date(tokens, i)
            if found is not None:
                out.append(found[0])
                i = found[1]
                continue
        out.append(word)
        i += 1
    if is_lone_month(out):
        return [*out[:-1], format_date(None, MONTHS[out[-1]], None)]
    return out


# What may come before a month said alone: "en septembre", "au mois de mai", "in the month of".
_BEFORE_LONE_MONTH = frozenset(
    {"en", "au", "mois", "de", "du", "d", "le", "in", "the", "month", "of"}
)


def is_lone_month(words: list[str]) -> bool:
    """A month said alone, maybe after a preposition ("septembre", "en septembre", "au mois de
    mai"): a date (`--09`), to be compared as one; "may" alone is the English modal too."""
    if not words or words[-1] not in MONTHS or words[-1] == "may":
        return False
    return _BEFORE_LONE_MONTH.issuperset(words[:-1])


_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")


def _day_month(a: int, b: int, month_first: bool) -> tuple[int, int]:
    if a > 12 >= b:
        return a, b
    if b > 12 >= a:
        return b, a
    return (b, a) if month_first else (a, b)


def numeric_dates(text: str, month_first: bool = False) -> str:
    """`13/09/2023`, `13.09.23`, `2023-09-13` -> `2023-09-13`; `month_first` for US order."""

    def dmy(m: re.Match[str]) -> str:
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if y < 100:
            y += 2000 if y < 50 else 1900
        day, month = _day_month(a, b, month_first)
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return m.group(0)
        return " " + format_date(y, month, day) + " "

    def iso(m: re.Match[str]) -> str:
        y, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return m.group(0)
        return " " + format_date(y, month, day) + " "

    if "/" in text or "." in text:
        text = _NUMERIC_DATE.sub(dmy, text)
    if "-" in text:
        text = _ISO_DATE.sub(iso, text)
    return text


_MONTH_NAMES = {
    "fr": word_list(
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
    ),
    "en": word_list(
        "January February March April May June July August September October November December"
    ),
}


def describe_date(token: str, language: str = "fr") -> str | None:
    """A date token as a reader writes it: `2023-09-13` -> `13 septembre 2023`, else None."""
    if not (token.startswith("--") or (len(token) >= 7 and token[4] == "-")):
        return None
    months = _MONTH_NAMES["en" if language == "en" else "fr"]
    if token.startswith("--"):
        year, parts = None, token[2:].split("-")
    else:
        year, *parts = token.split("-")
    if not 1 <= int(parts[0]) <= 12:
        return None  # typed as is (`--99-99`): shown as typed
    month = months[int(parts[0]) - 1]
    day = str(int(parts[1])) if len(parts) > 1 else ""
    if language == "en":
        head = f"{month} {day}".strip()
        return f"{head}, {year}" if day and year else f"{head} {year or ''}".strip()
    return " ".join(p for p in (day, month, year) if p)
    return None
