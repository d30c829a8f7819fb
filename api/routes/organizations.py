"""Organisations: list (filter by type) and profile (members, submitted papers, votes, meetings)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Query

from ratsgraph.api.deps import PageDep, StoreDep, evidence_rows, facts, one
from ratsgraph.api.errors import not_found

router = APIRouter(prefix="/organizations", tags=["organizations"])

PROFILE_ROWS = 100


class OrganizationType(StrEnum):
    committee = "committee"
    faction = "faction"
    party = "party"
    administrative_unit = "administrative_unit"
    external_organization = "external_organization"


LABELS = {
    OrganizationType.committee: "Committee",
    OrganizationType.faction: "Faction",
    OrganizationType.party: "Party",
    OrganizationType.administrative_unit: "AdministrativeUnit",
    OrganizationType.external_organization: "ExternalOrganization",
}


@router.get("", summary="List organisations")
def list_organizations(
    store: StoreDep,
    page: PageDep,
    type: Annotated[OrganizationType | None, Query(description="Only organisations of this type.")] = None,
    q: Annotated[str, Query(max_length=200, description="Part of the name or short name.")] = "",
) -> dict[str, Any]:
    rows = store.read("organizations_list", type=LABELS[type] if type else "", q=q, **page.params())
    return page.wrap(rows)


@router.get("/{organization_id:path}", summary="One organisation's profile")
def get_organization(store: StoreDep, organization_id: str) -> dict[str, Any]:
    org = one(store.read("organization_get", organization_id=organization_id))
    if org is None:
        raise not_found("organization", organization_id)
    papers = store.read(
        "papers_list",
        kind="",
        date_from="",
        date_to="",
        submitter_id=organization_id,
        text="",
        skip=0,
        limit=PROFILE_ROWS,
    )
    meetings = []
    if org["type"] == "Committee":
        meetings = store.read(
            "meetings_list", committee_id=organization_id, date_from="", date_to="", skip=0, limit=PROFILE_ROWS
        )
    return {
        **org,
        "evidence": evidence_rows(store, organization_id),
        "members": facts(store.read("organization_members", organization_id=organization_id)),
        "submitted_papers": papers,
        "votes": facts(store.read("votes_by_voter", voter_id=organization_id, skip=0, limit=PROFILE_ROWS)),
        "meetings": meetings,
        "more": {
            "submitted_papers": f"/papers?submitter={organization_id}",
            "meetings": f"/meetings?committee={organization_id}",
        },
    }
