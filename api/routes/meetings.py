"""Meetings: list (by committee and date) and one meeting with its agenda, decisions and speeches."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query

from ratsgraph.api.deps import EVIDENCE_COLUMNS, PageDep, StoreDep, evidence_rows, fact, facts
from ratsgraph.api.errors import ApiProblem, not_found

router = APIRouter(prefix="/meetings", tags=["meetings"])


@router.get("", summary="List meetings")
def list_meetings(
    store: StoreDep,
    page: PageDep,
    committee: Annotated[str, Query(max_length=300, description="Only meetings held by this committee (id).")] = "",
    date_from: Annotated[date | None, Query(description="Meetings on or after (YYYY-MM-DD).")] = None,
    date_to: Annotated[date | None, Query(description="Meetings on or before (YYYY-MM-DD).")] = None,
) -> dict[str, Any]:
    if date_from and date_to and date_from > date_to:
        raise ApiProblem(422, "date_from is after date_to", kind="validation")
    rows = store.read(
        "meetings_list",
        committee_id=committee,
        date_from=date_from.isoformat() if date_from else "",
        date_to=date_to.isoformat() if date_to else "",
        **page.params(),
    )
    return page.wrap(rows)


@router.get("/{meeting_id:path}", summary="One meeting with agenda items and decisions")
def get_meeting(store: StoreDep, meeting_id: str) -> dict[str, Any]:
    rows = store.read("meeting_get", meeting_id=meeting_id)
    if not rows:
        raise not_found("meeting", meeting_id)
    meeting = {k: v for k, v in rows[0].items() if k not in ("committee_id", "committee_name")}
    meeting["committees"] = [
        {"id": r["committee_id"], "name": r["committee_name"]} for r in rows if r["committee_id"] is not None
    ]
    items: dict[str, dict[str, Any]] = {}
    for row in store.read("meeting_items", meeting_id=meeting_id):
        item = items.setdefault(
            row["item_id"],
            {
                "id": row["item_id"],
                "number": row["item_number"],
                "title": row["item_title"],
                "public": row["item_public"],
                "order": row["item_order"],
                "papers": [],
                "decisions": [],
                "speeches": [],
            },
        )
        if row["paper_id"] is not None:
            paper = {
                "id": row["paper_id"],
                "reference": row["paper_reference"],
                "title": row["paper_title"],
                "kind": row["paper_kind"],
                "role": row["consultation_role"],
                "status": row["consultation_status"],
            }
            item["papers"].append(fact({**paper, **{k: row[k] for k in EVIDENCE_COLUMNS}}))
    decisions: dict[str, dict[str, Any]] = {}
    for row in store.read("meeting_decisions", meeting_id=meeting_id):
        if row["item_id"] not in items:
            continue
        decision = decisions.get(row["decision_id"])
        if decision is None:
            decision = decisions[row["decision_id"]] = {
                "id": row["decision_id"],
                "outcome": row["outcome"],
                "unanimous": row["unanimous"],
                "vote_text": row["vote_text"],
                "papers": [],
                "votes": facts(store.read("decision_votes", decision_id=row["decision_id"])),
            }
            items[row["item_id"]]["decisions"].append(decision)
        if row["paper_id"] is not None:
            decision["papers"].append(
                {"id": row["paper_id"], "reference": row["paper_reference"], "title": row["paper_title"]}
            )
    for row in store.read("meeting_speeches", meeting_id=meeting_id):
        if row["item_id"] in items:
            items[row["item_id"]]["speeches"].append(fact({k: v for k, v in row.items() if k != "item_id"}))
    meeting["evidence"] = evidence_rows(store, meeting_id)
    meeting["agenda_items"] = list(items.values())
    return meeting
