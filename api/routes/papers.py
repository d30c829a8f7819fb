"""Papers: list with filters, and a paper's life cycle with the evidence behind each fact."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from ratsgraph.api.deps import PageDep, StoreDep, evidence_of, facts, one, sort_rows
from ratsgraph.api.errors import ApiProblem, not_found
from ratsgraph.graph.model import PAPER_KINDS

router = APIRouter(prefix="/papers", tags=["papers"])

PaperKind = Literal[PAPER_KINDS]  # type: ignore[valid-type]


@router.get("", summary="List papers")
def list_papers(
    store: StoreDep,
    page: PageDep,
    kind: Annotated[PaperKind | None, Query(description="Only papers of this kind.")] = None,
    date_from: Annotated[date | None, Query(description="Papers dated on or after (YYYY-MM-DD).")] = None,
    date_to: Annotated[date | None, Query(description="Papers dated on or before (YYYY-MM-DD).")] = None,
    submitter: Annotated[str, Query(max_length=300, description="Only papers submitted by this id.")] = "",
    q: Annotated[str, Query(max_length=200, description="Text in reference, title or full text.")] = "",
) -> dict[str, Any]:
    if date_from and date_to and date_from > date_to:
        raise ApiProblem(422, "date_from is after date_to", kind="validation")
    rows = store.read(
        "papers_list",
        kind=kind or "",
        date_from=date_from.isoformat() if date_from else "",
        date_to=date_to.isoformat() if date_to else "",
        submitter_id=submitter,
        text=q,
        **page.params(),
    )
    return page.wrap(rows)


@router.get("/{paper_id:path}", summary="A paper's life cycle")
def get_paper(store: StoreDep, paper_id: str) -> dict[str, Any]:
    """The paper with who submitted and signed it, what it amends or answers and what amends or answers it,
    where it was consulted, the decisions on it and how each faction voted, each fact with its evidence."""
    # One read transaction for the whole answer: the life cycle is one consistent snapshot.
    by_paper = {"paper_id": paper_id}
    (paper_rows, evidence, links, mentions, decisions, votes, submitters, signers, consultations) = store.read_many(
        [
            ("paper_get", by_paper),
            ("node_evidence", {"node_id": paper_id}),
            ("paper_links", by_paper),
            ("paper_mentions", by_paper),
            ("paper_decisions", by_paper),
            ("paper_votes", by_paper),
            ("paper_submitters", by_paper),
            ("paper_signers", by_paper),
            ("paper_consultations", by_paper),
        ]
    )
    paper = one(paper_rows)
    if paper is None:
        raise not_found("paper", paper_id)
    links = sort_rows(links, "direction", "type", "paper_id")
    mentions = sort_rows(mentions, "relation", "target_id")
    decisions = facts(decisions)
    votes_by_decision: dict[str, list[dict[str, Any]]] = {}
    for vote in votes:
        votes_by_decision.setdefault(vote.pop("decision_id"), []).append(vote)
    for decision in decisions:
        decision["votes"] = facts(votes_by_decision.get(decision["decision_id"], []))

    def linked(type: str, direction: str) -> list[dict[str, Any]]:
        rows = [r for r in links if r["type"] == type and r["direction"] == direction]
        return facts([{k: v for k, v in r.items() if k not in ("type", "direction")} for r in rows])

    return {
        **paper,
        "evidence": evidence_of(evidence),
        "submitters": facts(submitters),
        "signers": facts(signers),
        "addressed_to": facts([r for r in mentions if r["relation"] == "addressed_to"]),
        "mentions": facts([r for r in mentions if r["relation"] == "mentions"]),
        "amends": linked("AMENDS", "outgoing"),
        "amended_by": linked("AMENDS", "incoming"),
        "answers": linked("ANSWERS", "outgoing"),
        "answered_by": linked("ANSWERS", "incoming"),
        "references": linked("REFERENCES", "outgoing"),
        "referenced_by": linked("REFERENCES", "incoming"),
        "consultations": facts(consultations),
        "decisions": decisions,
    }
