"""Meetings, agenda items and papers as nodes: the id and property conventions in one place."""

from __future__ import annotations

import re

from ratsgraph.graph.ids import agenda_item_id, meeting_id, paper_id, unnumbered_paper_id
from ratsgraph.loaders.text.builder import Builder
from ratsgraph.loaders.text.organizations import OrgMention
from ratsgraph.loaders.text.prefilter import first_char_guard
from ratsgraph.loaders.text.references import Reference
from ratsgraph.loaders.text.structure import flat

# The document's own word for a paper -> kind (graph-model.md). Longest first.
PAPER_TYPES: tuple[tuple[str, str], ...] = (
    (
        r"Zusatz-\s*/\s*Ergänzungsantrag|Ergänzungs-\s*/\s*Zusatzantrag|Zusatzantrag|Ergänzungsantrag|"
        r"Änderungsantrag|Änderungs-\s*/\s*Ergänzungsantrag",
        "amendment",
    ),
    (
        r"Beantwortung\s+(?:von\s+|einer\s+|der\s+)?Anfragen?|Stellungnahme\s+der\s+Verwaltung|Antwort\s+der\s+Verwaltung|"
        r"Mitteilung\s+der\s+Verwaltung\s+zur\s+Anfrage|"
        r"Stellungnahme\s+zu[mr]?\s+(?:Anfrage|Antrag|Änderungs-\s*/\s*Ergänzungsantrag|Ergänzungsantrag|Änderungsantrag)",
        "answer",
    ),
    (r"Vorschlag\s+zur\s+Tagesordnung|Antrag\s+zur\s+Tagesordnung|Vorschlag\s+zur\s+TO", "agenda_proposal"),
    (r"Bitte\s+um\s+Stellungnahme|Anfrage\s+zur\s+Tagesordnung|Anfrage", "inquiry"),
    (r"Dringlichkeitsantrag|Antrag", "motion"),
    (r"Beschlussvorlage|Verwaltungsvorlage|Informationsvorlage|Vorlage", "administration_proposal"),
    (r"Resolution", "resolution"),
    (
        r"Niederschrift|NIEDERSCHRIFT|Protokollauszüge|Protokollauszug|Protokoll|PROTOKOLL|P\sR\sO\sT\sO\sK\sO\sL\sL",
        "minutes",
    ),
)
PAPER_TYPE_RE = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(f"(?P<k{i}>{p})" for i, (p, _) in enumerate(PAPER_TYPES))
    + r")(?:e?s|e?n)?(?![a-zäöüß])"
)


# Speed: a first-character test in front of the patterns scanned most (the same matches).
PAPER_TYPE_RE = first_char_guard(PAPER_TYPE_RE)


def kind_of_type_match(m: re.Match[str]) -> str:
    return PAPER_TYPES[int(m.lastgroup[1:])][1]


def normalise_type(word: str) -> str:
    return re.sub(r"\s*/\s*", "/", re.sub(r"-\s+/", "-/", flat(word)))


def committee(b: Builder, m: OrgMention) -> str:
    return b.org(m)


def meeting(
    b: Builder,
    committee_mention: OrgMention | None,
    committee_name: str,
    date: str,
    span: tuple[int, int],
    public: bool | None = None,
) -> str:
    key = committee_mention.key if committee_mention else f"x-{committee_name}"
    mid = meeting_id(b.council.key, key, date)
    day = f"{date[8:10]}.{date[5:7]}.{date[0:4]}"
    name = committee_mention.name if committee_mention else committee_name
    b.node("Meeting", mid, {"name": f"{name}, {day}", "date": date, "public": public}, span)
    if committee_mention:
        b.edge("HELD_BY", mid, committee(b, committee_mention), span)
    return mid


def agenda_item(
    b: Builder, mid: str, number: str | None, title: str | None, span: tuple[int, int], public: bool | None = None
) -> str:
    iid = agenda_item_id(mid, number, title or "")
    name = f"TOP {number}" if number else "TOP"
    if title:
        name = f"{name}: {title}"
    b.node("AgendaItem", iid, {"name": name, "number": number, "title": title, "public": public}, span)
    b.edge("HAS_ITEM", mid, iid, span)
    return iid


def paper(b: Builder, ref: Reference, span: tuple[int, int], **props) -> str:
    """The paper with this Drucksache number; an amendment also gets AMENDS to its base paper."""
    pid = paper_id(b.council.key, ref.reference)
    b.node(
        "Paper",
        pid,
        {"name": props.get("title") or f"Drucksache {ref.reference}", "reference": ref.reference, **props},
        span,
    )
    if ref.is_amendment:
        base = paper_id(b.council.key, ref.base)
        b.node("Paper", base, {"name": f"Drucksache {ref.base}", "reference": ref.base}, (ref.start, ref.end))
        b.update(pid, kind=b.props_of(pid).get("kind") or "amendment")
        b.edge("AMENDS", pid, base, span)
    return pid


def unnumbered_paper(b: Builder, kind: str, ordinal: int, span: tuple[int, int], **props) -> str:
    props.pop("kind", None)
    pid = unnumbered_paper_id(b.council.key, b.doc.id, kind, ordinal)
    b.node("Paper", pid, {**props, "kind": kind}, span)
    return pid
