"""Decisions: one decision with its item, meeting, the papers it was on and the votes."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from ratsgraph.api.deps import StoreDep, evidence_rows, facts
from ratsgraph.api.errors import not_found

router = APIRouter(prefix="/decisions", tags=["decisions"])


@router.get("/{decision_id:path}", summary="One decision with its votes")
def get_decision(store: StoreDep, decision_id: str) -> dict[str, Any]:
    rows = store.read("decision_get", decision_id=decision_id)
    if not rows:
        raise not_found("decision", decision_id)
    decision = {k: v for k, v in rows[0].items() if k not in ("committee_id", "committee_name")}
    decision["committees"] = [
        {"id": r["committee_id"], "name": r["committee_name"]} for r in rows if r["committee_id"] is not None
    ]
    decision["evidence"] = evidence_rows(store, decision_id)
    decision["papers"] = facts(store.read("decision_papers", decision_id=decision_id))
    decision["votes"] = facts(store.read("decision_votes", decision_id=decision_id))
    return decision
