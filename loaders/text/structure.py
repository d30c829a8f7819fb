"""Paragraphs, sentences and quotations of a cleaned text, as offset spans."""

from __future__ import annotations

import re
from dataclasses import dataclass

_PARA_BREAK = re.compile(r"\n[ \t]*\n\s*")
# Sentence ends: . ! ? followed by space and an upper-case start, a bullet or a quote.
_SENTENCE_END = re.compile(r"[.!?](?=[\"“”»]?\s+[A-ZÄÖÜ„\"»(-])|[.!?][\"“”»]?$|:(?=\s*\n)", re.M)
_ABBREVIATIONS = {
    "nr",
    "dr",
    "prof",
    "bzw",
    "ggf",
    "ca",
    "vgl",
    "evtl",
    "inkl",
    "sog",
    "gem",
    "abs",
    "art",
    "st",
    "str",
    "gez",
    "og",
    "oa",
    "ua",
    "zb",
    "dh",
    "usw",
    "etc",
    "bspw",
    "z",
    "b",
    "d",
    "h",
    "o",
    "a",
    "u",
    "g",
    "v",
    "i",
    "s",
    "f",
    "r",
    "mio",
    "mrd",
    "tsd",
    "ziff",
    "lit",
    "anl",
    "tel",
    "hr",
    "fr",
    "rm",
    "stv",
    "stellv",
    "jan",
    "feb",
    "mär",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "okt",
    "nov",
    "dez",
    "dipl",
    "ing",
    "med",
    "phil",
    "jur",
    "kap",
}


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def text(self, source: str) -> str:
        return source[self.start : self.end]


def paragraphs(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Blank-line separated blocks of text[start:end], trimmed."""
    stop = len(text) if end is None else end
    out: list[Span] = []
    pos = start
    for m in _PARA_BREAK.finditer(text, start, stop):
        _add(text, pos, m.start(), out)
        pos = m.end()
    _add(text, pos, stop, out)
    return out


def _add(text: str, start: int, end: int, out: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Span(start, end))


def sentences(text: str, start: int, end: int) -> list[Span]:
    """Sentences of text[start:end]; abbreviations ("o.a.", "Nr.", "Dr.") and ordinals do not end one."""
    out: list[Span] = []
    pos = start
    for m in _SENTENCE_END.finditer(text, start, end):
        if text[m.start()] == ".":
            before = text[max(start, m.start() - 12) : m.start()].split()
            token = before[-1].replace(".", "").lower() if before and not text[m.start() - 1].isspace() else ""
            if (
                token in _ABBREVIATIONS
                or token.rsplit("-", 1)[-1] in _ABBREVIATIONS  # "Dipl.-Ing."
                or token.isdigit()
                or (token and len(token) == 1)
            ):
                continue
        _add(text, pos, m.end(), out)
        pos = m.end()
    _add(text, pos, end, out)
    return out


def quoted_mask(text: str, start: int, end: int) -> list[Span]:
    """Spans inside German quotation marks „...“ (nesting counted), e.g. a motion cited in minutes."""
    out: list[Span] = []
    depth = 0
    open_at = 0
    for m in re.finditer("[„“]", text[start:end]):
        pos = start + m.start()
        if m.group(0) == "„":
            if depth == 0:
                open_at = pos
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                out.append(Span(open_at, pos + 1))
    if depth:
        out.append(Span(open_at, end))
    return out


def inside(spans: list[Span], pos: int) -> bool:
    return any(s.start <= pos < s.end for s in spans)


def flat(s: str) -> str:
    """White space collapsed to single spaces."""
    return " ".join(s.split())
