"""German dates: "07.11.2022", "7.11.22", "16. November 2022", "15. Dez. 2022" -> ISO "2022-11-07"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ratsgraph.loaders.text.prefilter import first_char_guard

MONTHS = {
    "januar": 1,
    "jan": 1,
    "jänner": 1,
    "februar": 2,
    "feb": 2,
    "märz": 3,
    "maerz": 3,
    "mär": 3,
    "mrz": 3,
    "april": 4,
    "apr": 4,
    "mai": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "dezember": 12,
    "dez": 12,
}
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))

NUMERIC = r"(?<![\d.])(?P<d>[0-3]?\d)\.\s?(?P<m>[01]?\d)\.\s?(?P<y>(?:19|20)\d{2}|\d{2})(?![\d])"
LONG = rf"(?<![\d.])(?P<ld>[0-3]?\d)\.\s*(?P<lm>{_MONTH_NAMES})\.?\s+(?P<ly>(?:19|20)\d{{2}})(?!\d)"
DATE = rf"(?:{NUMERIC}|{LONG})"
DATE_RE = re.compile(DATE, re.I)


# Speed: a first-character test in front of the patterns scanned most (the same matches).
DATE_RE = first_char_guard(DATE_RE)


@dataclass(frozen=True)
class DateMatch:
    iso: str
    start: int
    end: int


def iso_from_match(m: re.Match[str]) -> str | None:
    """The ISO date of a match of DATE (or of a pattern embedding it), None if not a real date."""
    if m.group("d"):
        day, month, year = int(m.group("d")), int(m.group("m")), m.group("y")
    else:
        day, month, year = int(m.group("ld")), MONTHS[m.group("lm").lower()], m.group("ly")
    y = int(year)
    if len(year) == 2:
        y += 2000 if y < 70 else 1900
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{y:04d}-{month:02d}-{day:02d}"


def find_dates(text: str, start: int = 0, end: int | None = None) -> Iterator[DateMatch]:
    for m in DATE_RE.finditer(text, start, len(text) if end is None else end):
        iso = iso_from_match(m)
        if iso:
            yield DateMatch(iso, m.start(), m.end())


def parse_date(text: str) -> str | None:
    """The first date in `text`, as ISO string."""
    return next((d.iso for d in find_dates(text)), None)
