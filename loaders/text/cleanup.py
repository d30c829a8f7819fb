"""Text clean-up before matching, with a map back to the original offsets.

Repairs words hyphenated across line breaks ("Per-\\nsonal", "hinaus-\\n\\ngehen"), drops
Markdown emphasis and heading marks, unescapes "\\*" and turns non-breaking spaces into
spaces. Every character of the cleaned text remembers its offset in the original text, so
that evidence can quote the original exactly: `original[span(s, e)]`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# A word broken at the line end: the hyphen, the line break(s) and the indentation go,
# when the next line goes on in lower case ("Per-\nsonal"). Before an upper-case letter
# the hyphen is part of the word ("E-\nGovernment") and only the break goes.
# Markdown marks: emphasis runs, heading hashes at line start, backslash escapes.
# One pass, so that the cleaned text is a sequence of slices of the original.
_CLEAN_RE = re.compile(
    r"(?P<hyphen>(?<=[^\W\d_])-[ \t]*\r?\n(?:[ \t]*\r?\n)?[ \t]*(?=[^\W\d_]))"
    r"|(?P<escape>\\(?=[*_#\\]))"
    r"|\*\*|__|(?<![\w*\\])\*(?=\S)|(?<=[^\s\\])\*(?![\w*])|^[ \t]*#{1,6}[ \t]+",
    re.M,
)
_SPACES = re.compile(r"[\u00a0\u2007\u202f\r]")


@dataclass(frozen=True)
class CleanText:
    """Cleaned text plus a map back to the original: the cleaned text is made of runs copied from it."""

    text: str
    runs: tuple[tuple[int, int], ...]  # (start in cleaned text, start in original), one per copied run
    original: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", [r[0] for r in self.runs])

    def _orig(self, pos: int) -> int:
        i = bisect_right(self._starts, pos) - 1
        clean_start, orig_start = self.runs[i]
        return orig_start + (pos - clean_start)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the cleaned span [start, end)."""
        if not self.text:
            return 0, 0
        if end <= start:
            pos = self._orig(min(start, len(self.text) - 1))
            return pos, pos
        return self._orig(start), self._orig(end - 1) + 1

    def quote(self, start: int, end: int) -> tuple[int, int, str]:
        """Original start, end and text of the cleaned span, trimmed of surrounding white space."""
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        s, e = self.span(start, end)
        return s, e, self.original[s:e]


def clean(original: str) -> CleanText:
    """Clean `original` for matching; see the module docstring."""
    parts: list[str] = []
    runs: list[tuple[int, int]] = []
    length = 0
    pos = 0
    for m in _CLEAN_RE.finditer(original):
        if m.start() > pos:
            runs.append((length, pos))
            parts.append(original[pos : m.start()])
            length += m.start() - pos
        if m.group("hyphen") is not None:
            nxt = original[m.end()] if m.end() < len(original) else ""
            if not nxt.islower():  # keep the hyphen itself, drop the line break
                runs.append((length, m.start()))
                parts.append("-")
                length += 1
        pos = m.end()
    if pos < len(original) or not runs:
        runs.append((length, pos))
        parts.append(original[pos:])
    text = _SPACES.sub(" ", "".join(parts))  # one-for-one: the map is unchanged
    return CleanText(text=text, runs=tuple(runs), original=original)
