"""What kind of document a text is, from the first paper-type word of its head."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ratsgraph.loaders.text.entities import PAPER_TYPE_RE, kind_of_type_match, normalise_type
from ratsgraph.loaders.text.prefilter import first_char_guard

_HEAD_END = re.compile(r"Sehr\s+geehrte|Beschlussvorschlag|Begründung", re.I)
# Speed: a first-character test in front of the patterns scanned most (the same matches).
_HEAD_END = first_char_guard(_HEAD_END)


_MINUTES_STRUCTURE = re.compile(r"^\s*zu\s+TOP\s+\d", re.M | re.I)


@dataclass(frozen=True)
class Kind:
    kind: str
    paper_type: str | None
    span: tuple[int, int] | None  # cleaned-text offsets of the type word


def detect_kind(text: str) -> Kind:
    """Kind (graph-model.md `Paper.kind`) and the document's own word for it, read from its head."""
    m = _HEAD_END.search(text, 0, 4000)
    head_end = m.start() if m else min(len(text), 2000)
    t = PAPER_TYPE_RE.search(text, 0, max(head_end, 1))
    if t is None:
        if _MINUTES_STRUCTURE.search(text):
            return Kind("minutes", None, None)
        return Kind("other", None, None)
    kind = kind_of_type_match(t)
    items = list(_MINUTES_STRUCTURE.finditer(text))
    if kind != "minutes" and (
        (len(items) >= 2 and not re.search(r"Drucksache", text[: t.start()]))
        # An excerpt of one item: the type word ("die Vorlage") stands inside the item, not in a head.
        or (items and items[0].start() < t.start())
    ):
        kind = "minutes"
    return Kind(kind, normalise_type(t.group(0)), (t.start(), t.end()))
