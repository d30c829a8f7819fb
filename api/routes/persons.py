"""Persons: list and profile (memberships, signed and submitted papers, speeches, votes)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from ratsgraph.api.deps import PageDep, StoreDep, evidence_of, facts, one, sort_rows
from ratsgraph.api.errors import not_found

router = APIRouter(prefix="/persons", tags=["persons"])


@router.get("", summary="List persons")
def list_persons(
    store: StoreDep,
    page: PageDep,
    q: Annotated[str, Query(max_length=200, description="Part of the name (case-insensitive).")] = "",
    organization: Annotated[str, Query(max_length=300, description="Only members of this organisation (id).")] = "",
) -> dict[str, Any]:
    rows = store.read("persons_list", q=q, organization_id=organization, **page.params())
    return page.wrap(rows)


@router.get("/{person_id:path}", summary="One person's profile")
def get_person(store: StoreDep, person_id: str) -> dict[str, Any]:
    # One read transaction for the whole profile.
    by_person = {"person_id": person_id}
    person_rows, evidence, papers, memberships, speeches, votes = store.read_many(
        [
            ("person_get", by_person),
            ("node_evidence", {"node_id": person_id}),
            ("person_papers", by_person),
            ("person_memberships", by_person),
            ("person_speeches", by_person),
            ("votes_by_voter", {"voter_id": person_id, "skip": 0, "limit": 500}),
        ]
    )
    person = one(person_rows)
    if person is None:
        raise not_found("person", person_id)
    papers = sort_rows(papers, "date", "paper_id", "relation")
    return {
        **person,
        "evidence": evidence_of(evidence),
        "memberships": facts(memberships),
        "signed_papers": facts([r for r in papers if r["relation"] == "signed"]),
        "submitted_papers": facts([r for r in papers if r["relation"] == "submitted"]),
        "speeches": facts(speeches),
        "votes": facts(votes),
    }
