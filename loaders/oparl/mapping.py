"""OParl JSON -> GraphBatch: pure functions.

Every `map_*` function takes one OParl object plus a read-only `Context` (what earlier
objects of the same body taught us: organisation labels, meeting dates, paper kinds, ...)
and returns a `Mapped` (batch, problems, and the facts to remember). The caller applies
`Mapped.learned` to the context with `Context.learn`, so the mapping itself never mutates
state and never reads a clock: "today" is a field of the context.

Node ids are `{body_key}/{kind}/{digest(oparl id)}`: deterministic across runs and
stores, and a re-import (or an incremental sync) hits the same nodes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from ratsgraph.graph.ids import body_id, decision_id, digest
from ratsgraph.graph.model import Edge, GraphBatch, Node, Problem
from ratsgraph.graph.normalize import slug
from ratsgraph.loaders.oparl import quirks
from ratsgraph.loaders.oparl.quirks import as_list, as_url, clean_date, clean_text

# --- context -------------------------------------------------------------------


@dataclass
class Learned:
    """Facts one mapped object adds to the context (applied by Context.learn)."""

    org_labels: dict[str, str] = field(default_factory=dict)
    org_names: dict[str, str] = field(default_factory=dict)
    meeting_dates: dict[str, str | None] = field(default_factory=dict)
    meetings_cancelled: set[str] = field(default_factory=set)
    persons: set[str] = field(default_factory=set)
    agenda_items: set[str] = field(default_factory=set)
    decided_items: dict[str, str] = field(default_factory=dict)
    item_papers: dict[str, list[str]] = field(default_factory=dict)
    paper_kinds: dict[str, str] = field(default_factory=dict)
    linked_pairs: set[tuple[str, str]] = field(default_factory=set)
    pending_add: list[tuple[str, str, str]] = field(default_factory=list)  # (unseen paper, paper, field)
    pending_done: set[str] = field(default_factory=set)


@dataclass
class Context:
    """What the mapping of one body knows from objects mapped before (serialisable into the cursor)."""

    body_key: str
    today: str
    org_labels: dict[str, str] = field(default_factory=dict)
    org_names: dict[str, str] = field(default_factory=dict)
    meeting_dates: dict[str, str | None] = field(default_factory=dict)  # every mapped meeting
    meetings_cancelled: set[str] = field(default_factory=set)
    # Persons and agenda items mapped so far: the stores refuse an edge to a missing node.
    persons: set[str] = field(default_factory=set)
    agenda_items: set[str] = field(default_factory=set)
    decided_items: dict[str, str] = field(default_factory=dict)
    item_papers: dict[str, list[str]] = field(default_factory=dict)
    paper_kinds: dict[str, str] = field(default_factory=dict)  # every mapped paper
    linked_pairs: set[tuple[str, str]] = field(default_factory=set)
    # Paper relations whose other end has not been seen yet: other paper -> [(paper, field)].
    pending: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    @property
    def body_node(self) -> str:
        return body_id(self.body_key)

    def learn(self, learned: Learned) -> None:
        self.org_labels.update(learned.org_labels)
        self.org_names.update(learned.org_names)
        self.meeting_dates.update(learned.meeting_dates)
        self.meetings_cancelled |= learned.meetings_cancelled
        self.persons |= learned.persons
        self.agenda_items |= learned.agenda_items
        self.decided_items.update(learned.decided_items)
        for item, papers in learned.item_papers.items():
            known = self.item_papers.setdefault(item, [])
            known.extend(p for p in papers if p not in known)
        self.paper_kinds.update(learned.paper_kinds)
        self.linked_pairs |= learned.linked_pairs
        for paper in learned.pending_done:
            self.pending.pop(paper, None)
        for other, paper, fld in learned.pending_add:
            entries = self.pending.setdefault(other, [])
            if (paper, fld) not in entries:
                entries.append((paper, fld))

    def to_json(self) -> dict[str, Any]:
        return {
            "body_key": self.body_key,
            "today": self.today,
            "org_labels": self.org_labels,
            "org_names": self.org_names,
            "meeting_dates": self.meeting_dates,
            "meetings_cancelled": sorted(self.meetings_cancelled),
            "persons": sorted(self.persons),
            "agenda_items": sorted(self.agenda_items),
            "decided_items": self.decided_items,
            "item_papers": self.item_papers,
            "paper_kinds": self.paper_kinds,
            "linked_pairs": sorted(list(p) for p in self.linked_pairs),
            "pending": {k: [list(e) for e in v] for k, v in self.pending.items()},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], today: str | None = None) -> Context:
        return cls(
            body_key=data["body_key"],
            today=today or data["today"],
            org_labels=dict(data.get("org_labels", {})),
            org_names=dict(data.get("org_names", {})),
            meeting_dates=dict(data.get("meeting_dates", {})),
            meetings_cancelled=set(data.get("meetings_cancelled", [])),
            persons=set(data.get("persons", [])),
            agenda_items=set(data.get("agenda_items", [])),
            decided_items=dict(data.get("decided_items", {})),
            item_papers={k: list(v) for k, v in data.get("item_papers", {}).items()},
            paper_kinds=dict(data.get("paper_kinds", {})),
            linked_pairs={(a, b) for a, b in data.get("linked_pairs", [])},
            pending={k: [(a, b) for a, b in v] for k, v in data.get("pending", {}).items()},
        )


@dataclass
class Mapped:
    batch: GraphBatch = field(default_factory=GraphBatch)
    problems: list[Problem] = field(default_factory=list)
    learned: Learned = field(default_factory=Learned)
    counts: dict[str, int] = field(default_factory=dict)

    def count(self, oparl_type: str, n: int = 1) -> None:
        self.counts[oparl_type] = self.counts.get(oparl_type, 0) + n

    def node(self, label: str, node_id: str, props: dict[str, Any]) -> None:
        self.batch.nodes.append(Node(label=label, id=node_id, props=props))

    def edge(self, type_: str, source: tuple[str, str], target: tuple[str, str], **props: Any) -> None:
        self.batch.edges.append(
            Edge(
                type=type_,
                source=source[1],
                source_label=source[0],
                target=target[1],
                target_label=target[0],
                props={k: v for k, v in props.items() if v is not None},
            )
        )

    def problem(self, source: str, kind: str, message: str) -> None:
        self.problems.append(Problem(source=source, kind=kind, message=message))

    def extend(self, other: Mapped) -> None:
        self.batch.extend(other.batch)
        self.problems.extend(other.problems)
        for key, value in other.counts.items():
            self.count(key, value)
        _merge_learned(self.learned, other.learned)


def _merge_learned(into: Learned, other: Learned) -> None:
    into.org_labels.update(other.org_labels)
    into.org_names.update(other.org_names)
    into.meeting_dates.update(other.meeting_dates)
    into.meetings_cancelled |= other.meetings_cancelled
    into.persons |= other.persons
    into.agenda_items |= other.agenda_items
    into.decided_items.update(other.decided_items)
    for item, papers in other.item_papers.items():
        into.item_papers.setdefault(item, []).extend(papers)
    into.paper_kinds.update(other.paper_kinds)
    into.linked_pairs |= other.linked_pairs
    into.pending_add.extend(other.pending_add)
    into.pending_done |= other.pending_done


# --- ids and small helpers -------------------------------------------------------------

_KIND_PREFIX = {
    "LegislativeTerm": "term",
    "Organization": "org",
    "Person": "person",
    "Meeting": "meeting",
    "AgendaItem": "item",
    "Paper": "paper",
}


def oparl_node_id(body_key: str, oparl_type: str, oparl_id: str) -> str:
    """`{body_key}/{kind}/{12 hex of sha256(oparl id)}`: URLs are long and vendor-shaped."""
    return f"{body_key}/{_KIND_PREFIX[oparl_type]}/{digest(oparl_id)}"


def body_key_of(body: dict[str, Any]) -> str:
    """The id prefix of a body: its AGS when valid (official, unique), else a slug of its
    name, else of its shortName (often just "Rat" or "KT", so last), else a digest of its URL."""
    ags = quirks.fix_ags(body.get("ags"))
    if ags and ags.isdigit() and len(ags) == 8:
        return ags
    for key in ("name", "shortName"):
        text = slug(clean_text(body.get(key)))
        if text:
            return text
    return body_key_from_url(str(body.get("id") or ""))


def body_key_from_url(url: str) -> str:
    """A body key when only the body URL is known (loose dumps without a Body object)."""
    host = slug(urlsplit(url).netloc) or "oparl"
    return f"{host}-{digest(url, length=6)}"


def _id_of(obj: dict[str, Any]) -> str:
    value = obj.get("id")
    return value if isinstance(value, str) else ""


def _title(value: Any) -> str | None:
    if isinstance(value, list):
        value = " ".join(str(v).strip() for v in value if str(v).strip())
    return clean_text(value)


def _bool(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None


def _date(m: Mapped, source: str, obj: dict[str, Any], key: str) -> str | None:
    """A date field through the garbage-date quirk; report what was thrown away."""
    raw = obj.get(key)
    value = clean_date(raw)
    if raw not in (None, "") and value is None:
        m.problem(source, "garbage_date", f"{key}={raw!r} is not a date; dropped")
    return value


def _deleted_stub(m: Mapped, ctx: Context, oparl_type: str, obj: dict[str, Any], label: str | None = None) -> None:
    """Deleted objects keep their node, marked deleted=true. Only oparl_id and deleted are
    set (no name), so a store that merges properties keeps the name it had."""
    oid = _id_of(obj)
    m.node(label or oparl_type, oparl_node_id(ctx.body_key, oparl_type, oid), {"oparl_id": oid, "deleted": True})
    m.count(oparl_type)
    m.count(f"deleted {oparl_type}")


# --- Body and LegislativeTerm ---------------------------------------------------------------


def map_body(body: dict[str, Any], ctx: Context) -> Mapped:
    m = Mapped()
    oid = _id_of(body)
    ags = quirks.fix_ags(body.get("ags"))
    if ags and not (ags.isdigit() and len(ags) == 8):
        m.problem(oid, "invalid_ags", f"AGS {body.get('ags')!r} is not 8 digits; kept as is")
    props = {
        "name": clean_text(body.get("name")) or clean_text(body.get("shortName")) or oid,
        "short_name": clean_text(body.get("shortName")),
        "ags": ags,
        "website": clean_text(body.get("website")),
        "oparl_id": oid,
    }
    if body.get("deleted"):
        props["deleted"] = True
    m.node("Body", ctx.body_node, {k: v for k, v in props.items() if v is not None})
    m.count("Body")
    for term in as_list(body.get("legislativeTerm")):
        if isinstance(term, dict):
            m.extend(map_legislative_term(term, ctx))
    return m


def map_legislative_term(term: dict[str, Any], ctx: Context) -> Mapped:
    m = Mapped()
    oid = _id_of(term)
    if term.get("deleted"):
        _deleted_stub(m, ctx, "LegislativeTerm", term)
        return m
    node_id = oparl_node_id(ctx.body_key, "LegislativeTerm", oid)
    props = {
        "name": clean_text(term.get("name")) or oid,
        "start_date": _date(m, oid, term, "startDate"),
        "end_date": _date(m, oid, term, "endDate"),
        "oparl_id": oid,
    }
    m.node("LegislativeTerm", node_id, {k: v for k, v in props.items() if v is not None})
    m.edge("PART_OF", ("LegislativeTerm", node_id), ("Body", ctx.body_node))
    m.count("LegislativeTerm")
    return m


# --- Organization ----------------------------------------------------------------------------

_ORG_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("Faction", re.compile(r"fraktion(?!sgeschäftsstelle)|\bgruppe\b")),
    ("Party", re.compile(r"\bpartei\b|^partei")),
    (
        "AdministrativeUnit",
        re.compile(
            r"verwaltung|dezernat|fachbereich|\bamt\b|ämter|dienststelle|referat|abteilung|eigenbetrieb|"
            r"\bstab\b|stabsstelle|beauftragte|bürgermeister"
        ),
    ),
    ("ExternalOrganization", re.compile(r"extern|institution")),  # "externes Gremium" is no committee of ours
    (
        "Committee",
        re.compile(
            r"gremi|ausschuss|ausschüsse|rat\b|parlament|kreistag|bezirksvertretung|beirat|kommission|"
            r"ortsvorsteher|versammlung|konferenz|sitzung"
        ),
    ),
    (
        "ExternalOrganization",
        re.compile(r"gmbh|verein|verband|verbund|stiftung|universit|hochschule|\bag\b|e\.\s?v\."),
    ),
)


def classify_organization_text(text: str | None) -> str | None:
    """One of the five organisation labels read from one word of the source, or None."""
    value = (clean_text(text) or "").lower()
    if not value or value in ("sonstiges", "sonstige", "other"):
        return None
    for label, pattern in _ORG_RULES:
        if pattern.search(value):
            return label
    return None


def organization_label(org: dict[str, Any]) -> tuple[str, bool]:
    """(label, decided). `classification` wins over `organizationType` where they disagree:
    Leipzig sends organizationType "Gremium" with classification "Fraktion" for factions
    (the rule Meine Stadt Transparent's importer follows). Without either, the name and the
    vendor's URL layout decide; failing all, Committee (decided=False, reported)."""
    for text in (org.get("classification"), org.get("organizationType")):
        label = classify_organization_text(text)
        if label:
            return label, True
    label = classify_organization_text(org.get("name")) or classify_organization_text(org.get("shortName"))
    if label:
        return label, True
    label = quirks.organization_label_from_url(_id_of(org))
    if label:
        return label, True
    return "Committee", False


def map_organization(org: dict[str, Any], ctx: Context) -> Mapped:
    m = Mapped()
    oid = _id_of(org)
    node_id = oparl_node_id(ctx.body_key, "Organization", oid)
    label, decided = organization_label(org)
    if org.get("deleted"):
        known = ctx.org_labels.get(oid) or quirks.organization_label_from_url(oid) or "Committee"
        _deleted_stub(m, ctx, "Organization", org, label=known)
        m.learned.org_labels[oid] = known
        return m
    if not decided:
        m.problem(oid, "unclassified_organization", f"{org.get('name')!r}: no type or classification; made a Committee")
    classification = clean_text(org.get("classification")) or clean_text(org.get("organizationType"))
    if label == "Faction":
        source_word = f"{org.get('classification') or ''} {org.get('organizationType') or ''} {org.get('name') or ''}"
        classification = "Gruppe" if re.search(r"\bgruppe\b", source_word.lower()) else "Fraktion"
    name = clean_text(org.get("name")) or clean_text(org.get("shortName")) or oid
    props = {
        "name": name,
        "short_name": clean_text(org.get("shortName")),
        "classification": classification,
        "start_date": _date(m, oid, org, "startDate"),
        "end_date": _date(m, oid, org, "endDate"),
        "website": clean_text(org.get("website")),
        "oparl_id": oid,
    }
    m.node(label, node_id, {k: v for k, v in props.items() if v is not None})
    m.edge("PART_OF", (label, node_id), ("Body", ctx.body_node))
    m.learned.org_labels[oid] = label
    m.learned.org_names[oid] = name
    m.count("Organization")
    # Some servers embed Membership objects (with `person`) in the organisation.
    for membership in as_list(org.get("membership")):
        if isinstance(membership, dict) and membership.get("person"):
            sub = map_membership(membership, _with_org(ctx, oid, label, name))
            m.extend(sub)
    return m


def _with_org(ctx: Context, oid: str, label: str, name: str) -> Context:
    """The context plus one organisation not yet learned (for memberships embedded in it)."""
    if oid in ctx.org_labels:
        return ctx
    clone = Context(
        body_key=ctx.body_key, today=ctx.today, org_labels=dict(ctx.org_labels), org_names=dict(ctx.org_names)
    )
    clone.org_labels[oid] = label
    clone.org_names[oid] = name
    return clone


# --- Person and Membership ---------------------------------------------------------------------


def map_person(person: dict[str, Any], ctx: Context) -> Mapped:
    m = Mapped()
    oid = _id_of(person)
    m.learned.persons.add(oid)
    if person.get("deleted"):
        _deleted_stub(m, ctx, "Person", person)
        return m
    node_id = oparl_node_id(ctx.body_key, "Person", oid)
    family = clean_text(person.get("familyName"))
    given = clean_text(person.get("givenName"))
    name = clean_text(person.get("name")) or " ".join(p for p in (given, family) if p) or oid
    props = {
        "name": name,
        "family_name": family,
        "given_name": given,
        "title": _title(person.get("title")),
        "form_of_address": clean_text(person.get("formOfAddress")),
        "oparl_id": oid,
    }
    m.node("Person", node_id, {k: v for k, v in props.items() if v is not None})
    m.count("Person")
    for membership in as_list(person.get("membership")):
        if isinstance(membership, dict):
            m.extend(map_membership(membership, ctx, person_url=oid))
    return m


def map_membership(membership: dict[str, Any], ctx: Context, person_url: str | None = None) -> Mapped:
    m = Mapped()
    oid = _id_of(membership)
    m.count("Membership")
    if membership.get("deleted"):
        # A relationship cannot be marked without its ends, which deleted stubs lack.
        m.count("deleted Membership")
        m.problem(oid, "deleted_membership", "deleted Membership: no relationship written")
        return m
    person = as_url(membership.get("person")) or person_url
    org = as_url(membership.get("organization"))
    if not person or not org:
        m.problem(oid, "incomplete_membership", "Membership without person or organization")
        return m
    if person != person_url and person not in ctx.persons:
        m.problem(oid, "unknown_person", f"Membership refers to person {person} not loaded")
        return m
    label = ctx.org_labels.get(org)
    if label is None:
        m.problem(oid, "unknown_organization", f"Membership refers to organization {org} not loaded")
        return m
    on_behalf = as_url(membership.get("onBehalfOf"))
    m.edge(
        "MEMBER_OF",
        ("Person", oparl_node_id(ctx.body_key, "Person", person)),
        (label, oparl_node_id(ctx.body_key, "Organization", org)),
        role=clean_text(membership.get("role")),
        voting_right=_bool(membership.get("votingRight")),
        start_date=_date(m, oid, membership, "startDate"),
        end_date=_date(m, oid, membership, "endDate"),
        on_behalf_of=(ctx.org_names.get(on_behalf) or on_behalf) if on_behalf else None,
        oparl_id=oid or None,
    )
    return m


# --- Meeting, AgendaItem, Decision ----------------------------------------------------------------

_NO_RESULT = re.compile(r"^(ohne\s*[.,]?\s*(da\b.*)?|keine abstimmung.*|kein beschluss.*|[-.\s]*)$")
_YES = re.compile(r"(\d+)\s*-?\s*(ja\b|ja-|dafür|für\b)")
_NO = re.compile(r"(\d+)\s*-?\s*(nein|gegenstimme|dagegen)")
_OUTCOME_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("withdrawn", re.compile(r"zurückgezogen|zurückgenommen|entfällt|entfallen")),
    ("postponed", re.compile(r"vertagt|zurückgestellt|abgesetzt|verschoben")),
    ("forwarded_without_recommendation", re.compile(r"ohne (beschluss)?empfehlung")),
    ("referred", re.compile(r"verwiesen|überwiesen|verweisung|überweisung")),
    ("rejected", re.compile(r"abgelehnt|ablehnung|nicht (beschlossen|zugestimmt|angenommen)|keine zustimmung")),
    ("noted", re.compile(r"kenntnis")),
    ("recommended", re.compile(r"empfohlen|empfiehlt|empfehlung|vorberaten")),
    (
        "adopted",
        re.compile(
            r"beschlossen|beschluss gefasst|zugestimmt|zustimmung|angenommen|gewählt|einverstanden|genehmigt|"
            r"bestätigt|so beschlossen|einstimmig|erteilt|festgestellt|bestellt|benannt"
        ),
    ),
)


def parse_result(text: str | None) -> tuple[str | None, bool | None, bool]:
    """AgendaItem.result (free text) -> (outcome, unanimous, understood).

    "einstimmig beschlossen" -> adopted/unanimous, "mehrheitlich abgelehnt" -> rejected,
    Sternberg's bare vote line "13 Ja-Stimmen, 0 Enthaltungen, 2 Nein-Stimmen" -> adopted by
    majority. Placeholders ("ohne", "keine Abstimmung") are understood as no decision."""
    value = clean_text(text)
    if value is None:
        return None, None, True
    low = re.sub(r"\s+", " ", value.lower()).strip()
    if _NO_RESULT.match(low):
        return None, None, True
    unanimous: bool | None = None
    if "einstimmig" in low or low.startswith("einstimmung"):  # "Einstimmung": a frequent typo
        unanimous = True
        low = low.replace("einstimmung", "einstimmig")
    elif "mehrheitlich" in low or "mehrheit" in low:
        unanimous = False
    yes_match, no_match = _YES.search(low), _NO.search(low)
    yes_no: tuple[int, int] | None = None
    if yes_match:
        yes_no = int(yes_match.group(1)), int(no_match.group(1)) if no_match else 0
    for outcome, pattern in _OUTCOME_RULES:
        if pattern.search(low):
            if outcome == "adopted" and yes_no and yes_no[0] <= yes_no[1] and "einstimmig" not in low:
                return "rejected", False, True
            if unanimous is None and yes_no and outcome in ("adopted", "rejected"):
                unanimous = yes_no[1] == 0 if outcome == "adopted" else yes_no[0] == 0
            return outcome, unanimous, True
    if yes_no:
        yes, no = yes_no
        if yes > no:
            return "adopted", no == 0, True
        return "rejected", yes == 0, True
    return None, None, False


def map_meeting(meeting: dict[str, Any], ctx: Context) -> Mapped:
    m = Mapped()
    oid = _id_of(meeting)
    if meeting.get("deleted"):
        _deleted_stub(m, ctx, "Meeting", meeting)
        return m
    node_id = oparl_node_id(ctx.body_key, "Meeting", oid)
    date = _date(m, oid, meeting, "start")
    location = meeting.get("location")
    location_text = None
    if isinstance(location, dict):
        location_text = clean_text(location.get("description")) or clean_text(location.get("room"))
    cancelled = _bool(meeting.get("cancelled"))
    props = {
        "name": clean_text(meeting.get("name")) or oid,
        "date": date,
        "end_date": _date(m, oid, meeting, "end"),
        "location": location_text,
        "cancelled": cancelled,
        "oparl_id": oid,
    }
    m.node("Meeting", node_id, {k: v for k, v in props.items() if v is not None})
    m.count("Meeting")
    m.learned.meeting_dates[oid] = date
    if cancelled:
        m.learned.meetings_cancelled.add(oid)
    for org in as_list(meeting.get("organization")):
        org_url = as_url(org)
        if not org_url:
            continue
        label = ctx.org_labels.get(org_url)
        if label is None:
            m.problem(oid, "unknown_organization", f"Meeting held by organization {org_url} not loaded")
            continue
        m.edge("HELD_BY", ("Meeting", node_id), (label, oparl_node_id(ctx.body_key, "Organization", org_url)))
    for index, item in enumerate(as_list(meeting.get("agendaItem"))):
        if isinstance(item, dict):
            m.extend(map_agenda_item(item, ctx, meeting_url=oid, index=index))
    return m


def map_agenda_item(item: dict[str, Any], ctx: Context, meeting_url: str | None = None, index: int = 0) -> Mapped:
    m = Mapped()
    oid = _id_of(item)
    m.learned.agenda_items.add(oid)
    if item.get("deleted"):
        _deleted_stub(m, ctx, "AgendaItem", item)
        return m
    node_id = oparl_node_id(ctx.body_key, "AgendaItem", oid)
    order = item.get("order") if isinstance(item.get("order"), int) else index
    result = clean_text(item.get("result"))
    props = {
        "name": clean_text(item.get("name")) or clean_text(item.get("number")) or oid,
        "number": clean_text(item.get("number")),
        "title": clean_text(item.get("name")),
        "public": _bool(item.get("public")),
        "order": order,
        "result": result,
        "oparl_id": oid,
    }
    m.node("AgendaItem", node_id, {k: v for k, v in props.items() if v is not None})
    m.count("AgendaItem")
    meeting = meeting_url or as_url(item.get("meeting"))
    if meeting and meeting != meeting_url and meeting not in ctx.meeting_dates:
        m.problem(oid, "unknown_meeting", f"AgendaItem of meeting {meeting} not loaded")
    elif meeting:
        m.edge(
            "HAS_ITEM",
            ("Meeting", oparl_node_id(ctx.body_key, "Meeting", meeting)),
            ("AgendaItem", node_id),
            order=order,
        )
    outcome, unanimous, understood = parse_result(result)
    if not understood:
        m.problem(oid, "unknown_result", f"result {result!r} not understood; kept as AgendaItem.result, no Decision")
    if outcome:
        dec_id = decision_id(node_id, 0)
        dec = {
            "name": result,
            "outcome": outcome,
            "unanimous": unanimous,
            "order": 0,
            "text": clean_text(item.get("resolutionText")),
            "vote_text": result,
        }
        m.node("Decision", dec_id, {k: v for k, v in dec.items() if v is not None})
        m.edge("HAS_DECISION", ("AgendaItem", node_id), ("Decision", dec_id))
        m.learned.decided_items[oid] = dec_id
        # Papers consulted here that were mapped before this meeting.
        for paper in ctx.item_papers.get(oid, []):
            m.edge("ON", ("Decision", dec_id), ("Paper", oparl_node_id(ctx.body_key, "Paper", paper)))
    consultation = item.get("consultation")
    if isinstance(consultation, dict) and consultation.get("paper"):
        decided = {oid: decision_id(node_id, 0)} if outcome else {}
        m.extend(map_consultation({**consultation, "agendaItem": oid}, ctx, decided=decided, item_known=True))
    return m


# --- Paper and Consultation -------------------------------------------------------------------------


def paper_kind(paper_type: str | None) -> str:
    """The paper's own word (paperType) -> one of model.PAPER_KINDS."""
    t = (clean_text(paper_type) or "").lower()
    if not t:
        return "other"
    if re.search(r"änderung|ergänzung|zusatz|abänderung|aenderung", t):
        return "amendment"
    if re.search(r"beantwortung|antwort|stellungnahme", t):
        return "answer"
    if "anfrage" in t or "frage" in t:
        return "inquiry"
    if "tagesordnung" in t and "antrag" in t:
        return "agenda_proposal"
    if "mündlich" in t and "antrag" in t:
        return "oral_motion"
    if "antrag" in t:
        return "motion"
    if re.search(r"niederschrift|protokoll", t):
        return "minutes"
    if "vorlage" in t:
        if re.search(r"mitteilung|information|bericht", t):
            return "other"
        return "administration_proposal"
    if re.search(r"resolution|^beschluss$", t):
        return "resolution"
    return "other"


_CONSULTATION_ROLES = {
    "entscheidung": "Beschluss",
    "beschlussfassung": "Beschluss",
    "beschluss": "Beschluss",
    "vorberatung": "Vorberatung",
    "kenntnisnahme": "Kenntnisnahme",
    "zur kenntnisnahme": "Kenntnisnahme",
    "empfehlung": "Empfehlung",
    "einbringung": "Einbringung",
}

_RELATION_FIELDS = ("superordinatedPaper", "subordinatedPaper", "relatedPaper")


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def _relation(paper: str, kind: str | None, fld: str, other: str, other_kind: str | None) -> tuple[str, str, str]:
    """(type, from, to) of a link between two papers, decided by their kinds, not by the
    field: vendors disagree on which side is "superordinated" (Karlsruhe lists the base
    paper as *subordinated* to its Änderungsantrag)."""
    if kind == "amendment" and other_kind != "amendment":
        return "AMENDS", paper, other
    if other_kind == "amendment" and kind != "amendment":
        return "AMENDS", other, paper
    if kind == "answer" and other_kind != "answer":
        return "ANSWERS", paper, other
    if other_kind == "answer" and kind != "answer":
        return "ANSWERS", other, paper
    if fld == "subordinatedPaper":
        return "REFERENCES", other, paper
    return "REFERENCES", paper, other


def map_paper(paper: dict[str, Any], ctx: Context) -> Mapped:
    m = Mapped()
    oid = _id_of(paper)
    if paper.get("deleted"):
        _deleted_stub(m, ctx, "Paper", paper)
        return m
    node_id = oparl_node_id(ctx.body_key, "Paper", oid)
    paper_type = clean_text(paper.get("paperType"))
    kind = paper_kind(paper_type)
    props = {
        "name": clean_text(paper.get("name")) or clean_text(paper.get("reference")) or oid,
        "reference": clean_text(paper.get("reference")),
        "title": clean_text(paper.get("name")),
        "paper_type": paper_type,
        "kind": kind,
        "date": _date(m, oid, paper, "date"),
        "oparl_id": oid,
    }
    m.node("Paper", node_id, {k: v for k, v in props.items() if v is not None})
    m.count("Paper")
    m.learned.paper_kinds[oid] = kind
    me = ("Paper", node_id)

    # Who submitted it. underDirectionOf is the office in charge: the author of an
    # administration paper, but only the handler of a faction's motion or inquiry.
    originators = 0
    for person in as_list(paper.get("originatorPerson")):
        url = as_url(person)
        if url and url not in ctx.persons:
            m.problem(oid, "unknown_person", f"Paper originatorPerson {url} not loaded")
        elif url:
            m.edge("SUBMITTED", ("Person", oparl_node_id(ctx.body_key, "Person", url)), me)
            originators += 1
    for org in as_list(paper.get("originatorOrganization")):
        originators += _submitted_by_org(m, ctx, oid, as_url(org), me)
    if not originators and kind not in ("motion", "amendment", "inquiry", "agenda_proposal", "oral_motion"):
        for org in as_list(paper.get("underDirectionOf")):
            _submitted_by_org(m, ctx, oid, as_url(org), me)

    for consultation in as_list(paper.get("consultation")):
        if isinstance(consultation, dict):
            m.extend(map_consultation({**consultation, "paper": oid}, ctx, paper_known=True))

    _map_relations(m, ctx, paper, oid, kind)
    return m


def _submitted_by_org(m: Mapped, ctx: Context, paper: str, org: str | None, me: tuple[str, str]) -> int:
    if not org:
        return 0
    label = ctx.org_labels.get(org)
    if label is None:
        m.problem(paper, "unknown_organization", f"Paper originator/underDirectionOf {org} not loaded")
        return 0
    m.edge("SUBMITTED", (label, oparl_node_id(ctx.body_key, "Organization", org)), me)
    return 1


def _map_relations(m: Mapped, ctx: Context, paper: dict[str, Any], oid: str, kind: str) -> None:
    def emit(type_: str, source: str, target: str) -> None:
        m.edge(
            type_,
            ("Paper", oparl_node_id(ctx.body_key, "Paper", source)),
            ("Paper", oparl_node_id(ctx.body_key, "Paper", target)),
        )

    linked: set[tuple[str, str]] = set()
    for fld in _RELATION_FIELDS:
        for value in as_list(paper.get(fld)):
            other = as_url(value)
            if not other or other == oid:
                continue
            pair = _pair(oid, other)
            if pair in ctx.linked_pairs or pair in linked:
                continue
            if other in ctx.paper_kinds:
                emit(*_relation(oid, kind, fld, other, ctx.paper_kinds[other]))
                linked.add(pair)
            else:
                m.learned.pending_add.append((other, oid, fld))
    # Papers mapped earlier that named this one while it was still unseen.
    for source, fld in ctx.pending.get(oid, []):
        pair = _pair(oid, source)
        if pair in ctx.linked_pairs or pair in linked or source not in ctx.paper_kinds:
            continue
        emit(*_relation(source, ctx.paper_kinds[source], fld, oid, kind))
        linked.add(pair)
    if oid in ctx.pending:
        m.learned.pending_done.add(oid)
    m.learned.linked_pairs |= linked


def map_consultation(
    consultation: dict[str, Any],
    ctx: Context,
    decided: dict[str, str] | None = None,
    *,
    paper_known: bool = False,
    item_known: bool = False,
) -> Mapped:
    m = Mapped()
    oid = _id_of(consultation)
    m.count("Consultation")
    if consultation.get("deleted"):
        m.count("deleted Consultation")
        m.problem(oid, "deleted_consultation", "deleted Consultation: no relationship written")
        return m
    paper = as_url(consultation.get("paper"))
    item = as_url(consultation.get("agendaItem"))
    if not paper or not item:
        # CONSULTED_AT needs an agenda item; a consultation planned for a meeting without
        # one (yet) has nothing to point at.
        m.problem(oid, "consultation_without_agenda_item", "Consultation without agendaItem: not linked")
        return m
    if not item_known and item not in ctx.agenda_items:
        m.problem(oid, "unknown_agenda_item", f"Consultation at agenda item {item} not loaded: not linked")
        return m
    if not paper_known and paper not in ctx.paper_kinds:
        m.problem(oid, "unknown_paper", f"Consultation of paper {paper} not loaded: not linked")
        return m
    meeting = as_url(consultation.get("meeting"))
    status = None
    if meeting and meeting not in ctx.meetings_cancelled:
        date = ctx.meeting_dates.get(meeting)
        if date:
            status = "held" if date <= ctx.today else "planned"
    raw_role = clean_text(consultation.get("role"))
    role = _CONSULTATION_ROLES.get(raw_role.lower(), raw_role) if raw_role else None
    if role and role.lower() == "unbekannt":
        role = None
    item_id = oparl_node_id(ctx.body_key, "AgendaItem", item)
    paper_id = oparl_node_id(ctx.body_key, "Paper", paper)
    m.edge(
        "CONSULTED_AT",
        ("Paper", paper_id),
        ("AgendaItem", item_id),
        role=role,
        authoritative=_bool(consultation.get("authoritative")),
        status=status,
        oparl_id=oid or None,
    )
    m.learned.item_papers[item] = [paper]
    decision = (decided or {}).get(item) or ctx.decided_items.get(item)
    if decision:
        m.edge("ON", ("Decision", decision), ("Paper", paper_id))
    return m


# --- files (for the text hook) -------------------------------------------------------------------

_FILE_FIELDS = ("mainFile", "auxiliaryFile", "invitation", "resultsProtocol", "verbatimProtocol", "resolutionFile")


def files_of(obj: dict[str, Any]) -> Iterable[dict[str, Any]]:
    """Embedded File objects of a Paper, Meeting or AgendaItem (and the meeting's items)."""
    for fld in _FILE_FIELDS:
        for value in as_list(obj.get(fld)):
            if isinstance(value, dict):
                yield value
    for item in as_list(obj.get("agendaItem")):
        if isinstance(item, dict):
            yield from files_of(item)


# --- dispatch ----------------------------------------------------------------------------------

MAPPERS = {
    "Body": map_body,
    "LegislativeTerm": map_legislative_term,
    "Organization": map_organization,
    "Person": map_person,
    "Membership": map_membership,
    "Meeting": map_meeting,
    "AgendaItem": map_agenda_item,
    "Paper": map_paper,
    "Consultation": map_consultation,
}


def map_object(obj: dict[str, Any], ctx: Context, expected_type: str | None = None) -> Mapped:
    """Map any OParl object; types without a graph counterpart (File, Location, System) are counted only."""
    oparl_type = quirks.infer_type(obj, expected_type)
    mapper = MAPPERS.get(oparl_type or "")
    if mapper is None:
        m = Mapped()
        m.count(oparl_type or "unknown")
        if oparl_type is None:
            m.problem(_id_of(obj), "unknown_type", "object without a recognisable OParl type: skipped")
        return m
    return mapper(obj, ctx)


def map_objects(objects: Iterable[dict[str, Any]], ctx: Context, expected_type: str | None = None) -> Mapped:
    """Map a page of objects in order, learning as it goes (a paper may relate to one on the same page)."""
    total = Mapped()
    for obj in objects:
        if not isinstance(obj, dict):
            continue
        mapped = map_object(obj, ctx, expected_type)
        ctx.learn(mapped.learned)
        total.batch.extend(mapped.batch)
        total.problems.extend(mapped.problems)
        for key, value in mapped.counts.items():
            total.count(key, value)
    return total
