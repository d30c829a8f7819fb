"""Deterministic node ids from natural keys.

An id is `{scope}/{kind}/{key}`: readable where the key is short and stable
(a Drucksache number, a committee key, a date), a short hash of the sorted-JSON
key where it is not. The same key gives the same id in every run and store.
"""

from __future__ import annotations

import hashlib
import json

from ratsgraph.graph.normalize import slug


def digest(*parts: object, length: int = 12) -> str:
    spec = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(spec.encode("utf-8")).hexdigest()[:length]


def document_id(sha256: str) -> str:
    return f"doc/{sha256[:16]}"


def body_id(body: str) -> str:
    return f"{body}/body"


def organization_id(body: str, key: str) -> str:
    return f"{body}/org/{slug(key)}"


def person_id(body: str, family_name: str, given_name: str | None = None) -> str:
    key = slug(family_name) if not given_name else f"{slug(family_name)}-{slug(given_name)}"
    return f"{body}/person/{key}"


def paper_id(body: str, reference: str) -> str:
    return f"{body}/paper/{slug(reference)}"


def unnumbered_paper_id(body: str, document: str, kind: str, ordinal: int = 0) -> str:
    """A paper without a Drucksache number of its own, keyed by the document that states it."""
    return f"{body}/paper/{kind}-{digest(document, kind, ordinal)}"


def meeting_id(body: str, committee_key: str, date: str) -> str:
    return f"{body}/meeting/{slug(committee_key)}/{date}"


def agenda_item_id(meeting: str, number: str | None, title: str | None = None) -> str:
    key = slug(number) if number else f"t-{digest(title)}"
    return f"{meeting}/item/{key}"


def decision_id(agenda_item: str, order: int) -> str:
    return f"{agenda_item}/decision/{order}"
