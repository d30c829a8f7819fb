"""Reference data of one council: its body, factions, committees and administrative units.

Read from `graph/reference/{key}.yaml` (package data). The parsers resolve faction and
committee mentions only through this data; persons are never listed here.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict, Field

from ratsgraph.graph.errors import SourceError
from ratsgraph.graph.ids import body_id, organization_id


class Term(BaseModel):
    """An electoral term (Wahlperiode): dates are ISO strings, `end` None while it runs."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    key: str
    start: str
    end: str | None = None

    def covers(self, date: str) -> bool:
        return self.start <= date and (self.end is None or date <= self.end)


class OrgEntry(BaseModel):
    """One organisation the council reference knows, with every spelling documents use for it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    key: str
    name: str
    short_name: str | None = None
    classification: str | None = None
    aliases: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    case_sensitive: bool = False
    # The graph id of the node, where it is not derived from `key` (organisations of an OParl body).
    node_id: str | None = None

    @property
    def spellings(self) -> tuple[str, ...]:
        """Name, short name and aliases, longest first, without duplicates."""
        seen: dict[str, None] = {}
        for s in (self.name, self.short_name, *self.aliases):
            if s:
                seen.setdefault(s, None)
        return tuple(sorted(seen, key=len, reverse=True))


class CouncilReference(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    key: str
    name: str
    short_name: str | None = None
    ags: str | None = None
    website: str | None = None
    council_name: str | None = None
    terms: tuple[Term, ...] = ()
    factions: tuple[OrgEntry, ...] = ()
    committees: tuple[OrgEntry, ...] = ()
    administrative_units: tuple[OrgEntry, ...] = ()
    external_organizations: tuple[OrgEntry, ...] = ()
    person_roles: tuple[str, ...] = Field(default=())
    # URL prefixes of the OParl bodies this reference describes (for `bundled_for`).
    oparl_bodies: tuple[str, ...] = ()

    @property
    def body_id(self) -> str:
        return body_id(self.key)

    def org_id(self, entry_key: str) -> str:
        return organization_id(self.key, entry_key)

    def node_id_of(self, entry: OrgEntry) -> str:
        """The graph id of an entry's node: its own `node_id` (OParl), else derived from the key."""
        return entry.node_id or organization_id(self.key, entry.key)

    @classmethod
    def from_organizations(
        cls,
        key: str,
        name: str,
        organizations: Iterable[dict],
        *,
        short_name: str | None = None,
        ags: str | None = None,
        website: str | None = None,
        supplement: CouncilReference | None = None,
    ) -> CouncilReference:
        """A reference of the organisations an OParl import mapped, so that text resolves to THEIR nodes.

        `organizations` are {"id" (node id), "label", "name", "short_name", "aliases"?, "classification"?}.
        Factions, committees and administrative units become entries carrying their node id; names
        and short names are their spellings. A `supplement` (curated reference data of the same
        council) adds spellings to the entries it matches by name; its factions are used as they are
        only when the OParl body lists no faction at all (some servers publish none).
        """
        groups: dict[str, list[OrgEntry]] = {g: [] for g in _GROUP_OF_LABEL.values()}
        for org in organizations:
            group = _GROUP_OF_LABEL.get(org.get("label") or "")
            if group is None or not (org.get("name") or org.get("short_name")):
                continue
            groups[group].append(
                OrgEntry(
                    key=str(org["id"]).rsplit("/", 1)[-1],
                    name=org.get("name") or org["short_name"],
                    short_name=org.get("short_name") or None,
                    classification=org.get("classification") or _DEFAULT_CLASS.get(group),
                    aliases=tuple(a for a in org.get("aliases") or () if a),
                    node_id=str(org["id"]),
                )
            )
        if supplement is not None:
            for group in groups:
                extra: tuple[OrgEntry, ...] = getattr(supplement, group)
                if group == "factions" and not groups[group]:
                    groups[group] = [e.model_copy(update={"node_id": organization_id(key, e.key)}) for e in extra]
                    continue
                groups[group] = [_with_spellings_of(e, extra) for e in groups[group]]
        return cls(
            key=key,
            name=name,
            short_name=short_name,
            ags=ags,
            website=website,
            terms=supplement.terms if supplement else (),
            person_roles=supplement.person_roles if supplement else _DEFAULT_ROLES,
            **{g: tuple(entries) for g, entries in groups.items()},
        )

    def term_of(self, date: str | None) -> str | None:
        """The key of the electoral term that contains `date` (ISO), if any."""
        if not date:
            return None
        for term in self.terms:
            if term.covers(date):
                return term.key
        return None

    def in_term(self, entry: OrgEntry, date: str | None) -> bool:
        """Whether `entry` existed at `date`; entries without terms, and unknown dates, always fit."""
        if not entry.terms or not date:
            return True
        term = self.term_of(date)
        return term is None or term in entry.terms


_GROUP_OF_LABEL = {
    "Faction": "factions",
    "Committee": "committees",
    "AdministrativeUnit": "administrative_units",
    "ExternalOrganization": "external_organizations",
}
_DEFAULT_CLASS = {"factions": "Fraktion", "committees": "Ausschuss"}
_DEFAULT_ROLES = ("Oberbürgermeister", "Oberbürgermeisterin", "Bürgermeister", "Bürgermeisterin", "Verwaltung")


def _fold(s: str) -> str:
    return " ".join(s.casefold().replace("-", " ").split())


def _with_spellings_of(entry: OrgEntry, extra: tuple[OrgEntry, ...]) -> OrgEntry:
    """`entry` plus the aliases of the supplement entry that names the same organisation."""
    mine = {_fold(s) for s in entry.spellings}
    for other in extra:
        if mine & {_fold(s) for s in (other.name, other.short_name) if s}:
            aliases = tuple(dict.fromkeys([*entry.aliases, *other.spellings]))
            return entry.model_copy(update={"aliases": aliases, "case_sensitive": other.case_sensitive})
    return entry


def bundled_for(ags: str | None = None, oparl_body: str | None = None) -> CouncilReference | None:
    """The bundled reference data of a council, found by its AGS or the URL of its OParl body."""
    for item in resources.files(__name__).iterdir():
        if not item.name.endswith(".yaml"):
            continue
        ref = load_council(item.name[: -len(".yaml")])
        if ags and ref.ags == ags:
            return ref
        if oparl_body and any(oparl_body.startswith(prefix) for prefix in ref.oparl_bodies):
            return ref
    return None


def _parse(data: dict) -> CouncilReference:
    for group in ("factions", "committees", "administrative_units", "external_organizations"):
        for entry in data.get(group) or ():
            entry.setdefault(
                "classification",
                {"factions": "Fraktion", "committees": "Ausschuss"}.get(group),
            )
            if entry["classification"] is None:
                del entry["classification"]
    return CouncilReference.model_validate(data)


@cache
def load_council(key: str = "dortmund") -> CouncilReference:
    """The reference data of council `key`, from the package's `{key}.yaml`."""
    name = f"{key}.yaml"
    try:
        text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise SourceError(name, f"no council reference data for {key!r}") from exc
    return _parse(yaml.safe_load(text))


__all__ = ["CouncilReference", "OrgEntry", "Term", "bundled_for", "load_council"]
