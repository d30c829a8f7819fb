"""Drucksache numbers of Dortmund's DOSYS: "26309-22" (number-year), "26309-22-E1" (amendment 1 to it;
any letter: "-A1", "-E2")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ratsgraph.loaders.text.prefilter import first_char_guard

REFERENCE = r"(?<![\w/.-])(?P<base>\d{5}-\d{2})(?:-(?P<suffix>[A-Za-z]\d{1,2}))?(?![\w-]|\s\d)"
REFERENCE_RE = re.compile(REFERENCE)
# "Drucksache Nr.: 07035-17", "Drucksache-Nr. 26309-22-E1", "Drucksachen-Nr.:", "DS-Nr.", "Vorlage Nr."
LABEL = r"(?:Drucksachen?|DS|Vorlage)\s*-?\s*(?:Nr\.?|Nummer)\s*:?"
LABELLED_RE = re.compile(rf"{LABEL}[\s*]*{REFERENCE}", re.I)


# Speed: a first-character test in front of the patterns scanned most (the same matches).
REFERENCE_RE, LABELLED_RE = map(first_char_guard, (REFERENCE_RE, LABELLED_RE))


@dataclass(frozen=True)
class Reference:
    reference: str  # as normalised: "26309-22-E1"
    base: str  # "26309-22"
    suffix: str | None  # "E1"
    start: int
    end: int

    @property
    def is_amendment(self) -> bool:
        """Any lettered suffix ("-E1" Ergänzung, "-A1" Änderung) marks a paper on the base paper."""
        return bool(self.suffix)


def _ref(m: re.Match[str]) -> Reference:
    suffix = m.group("suffix").upper() if m.group("suffix") else None
    base = m.group("base")
    return Reference(f"{base}-{suffix}" if suffix else base, base, suffix, m.start("base"), m.end())


def find_references(text: str, start: int = 0, end: int | None = None, labelled: bool = False) -> list[Reference]:
    """Drucksache numbers in text[start:end]; with `labelled`, only those after a "Drucksache Nr." label."""
    pattern = LABELLED_RE if labelled else REFERENCE_RE
    return [_ref(m) for m in pattern.finditer(text, start, len(text) if end is None else end)]
