"""Reference data of one council: its body, factions, committees and administrative units.

Read from `graph/reference/{key}.yaml` (package data). The parsers resolve faction and
committee mentions only through this data; persons are never listed here.
"""

from __future__ import annotations

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

    @property
    def body_id(self) -> str:
        return body_id(self.key)

    def org_id(self, entry_key: str) -> str:
        return organization_id(self.key, entry_key)

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


__all__ = ["CouncilReference", "OrgEntry", "Term", "load_council"]
