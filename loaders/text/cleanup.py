"""Text clean-up before matching, with a map back to the original offsets.

Repairs what PDF text layers and old exports do to words: words hyphenated across line breaks
("Per-\\nsonal", "hinaus-\\n\\ngehen", also across a page footer), soft hyphens (U+00AD),
ligatures ("ﬁ", "ﬂ"), zero-width characters, UTF-8 read as Windows-1252 ("BÃ¼ndnis"); drops
page headers and footers standing on their own line ("Seite 2 von 3", "- 2 -"), Markdown
emphasis and heading marks, unescapes "\\*" and turns non-breaking spaces into spaces.
Every character of the cleaned text remembers its offset in the original text, so that
evidence can quote the original exactly: `original[span(s, e)]`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

# A page header/footer line: "Seite 2 von 3", "Seite 2/3", "- 2 -", "– 2 –".
_PAGE = r"[ \t]*(?:Seite[ \t]+\d{1,3}(?:[ \t]*(?:von|/)[ \t]*\d{1,3})?|[-–][ \t]*\d{1,3}[ \t]*[-–])[ \t]*"
# UTF-8 text that was read as Windows-1252: "Ã¼" for "ü", "â€ž" for "„".
_MOJIBAKE: dict[str, str] = {}
for _ch in "äöüÄÖÜßéèáàç„“‚‘’–—…€•":
    try:
        _MOJIBAKE[_ch] = _ch.encode("utf-8").decode("cp1252")
    except UnicodeDecodeError:  # a byte cp1252 leaves undefined: no such mojibake
        pass
_UNMOJIBAKE = {bad: good for good, bad in _MOJIBAKE.items()}
_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}

# A word broken at the line end: the hyphen, the line break(s), a page footer line between
# and the indentation go, when the next line goes on in lower case ("Per-\nsonal"). Before an
# upper-case letter the hyphen is part of the word ("E-\nGovernment") and only the break goes.
# Markdown marks: emphasis runs, heading hashes at line start, backslash escapes.
# One pass, so that the cleaned text is a sequence of slices of the original.
_MARKS = r"|(?P<escape>\\(?=[*_#\\]))|\*\*|__|(?<![\w*\\])\*(?=\S)|(?<=[^\s\\])\*(?![\w*])|^[ \t]*#{1,6}[ \t]+"
_PAGE_HINT = re.compile(rf"^{_PAGE}$", re.M)
_ODD_CHARS = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff\ufb00-\ufb06Ãâ]")


@lru_cache(maxsize=8)
def _clean_re(pages: bool, odd: bool) -> re.Pattern[str]:
    """The clean-up pattern; the rarer repairs only when the text needs them (speed)."""
    page = rf"(?:{_PAGE}\r?\n)?" if pages else ""
    parts = [rf"(?P<hyphen>(?<=[^\W\d_])-[ \t]*\r?\n{page}(?:[ \t]*\r?\n)?[ \t]*(?=[^\W\d_]))"]
    if pages:
        parts.append(rf"|(?P<page>^{_PAGE}$\r?\n?)")
    if odd:
        parts.append(r"|(?P<soft>\u00ad(?:[ \t]*\r?\n[ \t]*)?)|[\u200b\u200c\u200d\u2060\ufeff]")
        parts.append(r"|(?P<lig>[\ufb00-\ufb06])")
        parts.append(r"|(?P<moji>" + "|".join(sorted(map(re.escape, _UNMOJIBAKE), key=len, reverse=True)) + ")")
    parts.append(_MARKS)
    # Every alternative starts at a line start or with one of a few characters: test that first, so
    # that ordinary text is skipped with one class test per character (speed; same matches).
    firsts = r"\-*_\\"
    if odd:
        firsts += "\u00ad\u200b\u200c\u200d\u2060\ufeff\ufb00-\ufb06" + "".join(
            sorted({re.escape(bad[0]) for bad in _UNMOJIBAKE})
        )
    return re.compile(rf"(?:^|(?=[{firsts}]))(?:" + "".join(parts) + ")", re.M)


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

    def put(s: str, orig: int) -> None:
        # Each character of a replacement is its own run, mapped to the replaced original character.
        nonlocal length
        for ch in s:
            runs.append((length, orig))
            parts.append(ch)
            length += 1

    pattern = _clean_re(bool(_PAGE_HINT.search(original)), bool(_ODD_CHARS.search(original)))
    for m in pattern.finditer(original):
        kind = m.lastgroup
        if m.start() > pos:
            runs.append((length, pos))
            parts.append(original[pos : m.start()])
            length += m.start() - pos
        if kind == "hyphen":
            nxt = original[m.end()] if m.end() < len(original) else ""
            if not nxt.islower():  # keep the hyphen itself, drop the line break
                put("-", m.start())
        elif kind == "lig":
            put(_LIGATURES.get(m.group("lig"), m.group("lig")), m.start())
        elif kind == "moji":
            put(_UNMOJIBAKE[m.group("moji")], m.start())
        pos = m.end()
    if pos < len(original) or not runs:
        runs.append((length, pos))
        parts.append(original[pos:])
    text = _SPACES.sub(" ", "".join(parts))  # one-for-one: the map is unchanged
    return CleanText(text=text, runs=tuple(runs), original=original)
