"""Vendor quirks of real OParl servers, one small function each.

Real RIS endpoints (Sternberg SD.NET, CC e-gov ALLRIS, Somacos SessionNet, ...) break the
OParl spec in a handful of recurring ways (see Meine Stadt Transparent `importer/loader.py`
and the Politik-bei-uns importer). Each function below repairs one of them; the client,
the dump reader and the mapping call them, so a new vendor fix is one new function here.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

OPARL_TYPES = (
    "System",
    "Body",
    "LegislativeTerm",
    "Organization",
    "Person",
    "Membership",
    "Meeting",
    "AgendaItem",
    "Paper",
    "Consultation",
    "File",
    "Location",
)


def empty_list_page() -> dict[str, Any]:
    return {"data": [], "links": {}, "pagination": {}}


def error_404_as_empty_list(status: int, payload: Any) -> dict[str, Any] | None:
    """Sternberg SD.NET answers an empty external list with HTTP 404 and an error JSON
    (`{"error": ...}` or `{"message": ...}`) instead of `{"data": []}`. Return the empty list
    for that case, None when the 404 is a real "not found" (no JSON, or a list after all)."""
    if status != 404:
        return None
    if isinstance(payload, dict) and "data" not in payload and "id" not in payload:
        return empty_list_page()
    if payload == []:
        return empty_list_page()
    return None


def coerce_list_page(payload: Any) -> dict[str, Any]:
    """Sternberg returns `[]` (or a bare array of objects) where the spec wants a list object
    `{"data": [...], "links": {...}}`. Wrap arrays so every caller sees a list object."""
    if isinstance(payload, list):
        return {"data": [item for item in payload if isinstance(item, dict)], "links": {}, "pagination": {}}
    if isinstance(payload, dict) and isinstance(payload.get("data"), list):
        payload.setdefault("links", {})
        if not isinstance(payload["links"], dict):
            payload["links"] = {}
        return payload
    if isinstance(payload, dict) and payload.get("data") is None and ("links" in payload or "pagination" in payload):
        # An empty page with `"data": null`.
        return {**payload, "data": [], "links": payload.get("links") or {}}
    if isinstance(payload, dict) and ("id" in payload or "type" in payload):
        # A single object where a list was expected (see single_body_as_list).
        return {"data": [payload], "links": {}, "pagination": {}}
    return empty_list_page()


def single_body_as_list(payload: Any) -> dict[str, Any]:
    """Krefeld's System.body URL returns one Body object instead of a list of bodies."""
    if isinstance(payload, dict) and short_type(payload) == "Body":
        return {"data": [payload], "links": {}, "pagination": {}}
    return coerce_list_page(payload)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def parse_json_lenient(data: bytes | str) -> Any:
    """CC e-gov ALLRIS emits unescaped control characters inside JSON strings, which strict
    parsers reject. Try strict first; then drop the stray control characters and parse with
    `strict=False`, which accepts raw tab/newline/CR inside strings.
    Truncated JSON still raises ValueError: that is a transport fault, to be retried."""
    text = data.decode("utf-8-sig", errors="replace") if isinstance(data, bytes) else data
    try:
        return json.loads(text)
    except ValueError:
        pass
    # Drop the stray controls (they carry no text), keep raw tab/newline/CR inside strings.
    return json.loads(_CONTROL.sub("", text), strict=False)


def as_list(value: Any) -> list[Any]:
    """ALLRIS sends `auxiliaryFile` (and other arrays) as a single object when there is one
    element; also tolerate null. Always return a list."""
    if value is None:
        return []
    if isinstance(value, list):
        return value
    return [value]


def as_url(value: Any) -> str | None:
    """Sternberg embeds a whole object (e.g. a Location) where the spec wants its URL.
    Accept both and return the URL."""
    if isinstance(value, dict):
        value = value.get("id")
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def fix_ags(ags: Any) -> str | None:
    """Sternberg serves the 8-digit Amtlicher Gemeindeschlüssel as a number, losing the
    leading zero of NRW keys ("5358016" for 05358016). Pad 7 digits back to 8."""
    if ags is None:
        return None
    text = str(ags).strip()
    if not text:
        return None
    if text.isdigit() and len(text) == 7:
        return "0" + text
    return text


def format_modified_since(value: str | date | datetime) -> str:
    """Wuppertal rejects microseconds in `modified_since`, Somacos rejects URL-encoded query
    strings (so no `+01:00`, whose `+` must be encoded). Send whole seconds in UTC with `Z`."""
    if isinstance(value, str):
        text = value.strip()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            value = datetime.fromisoformat(text).replace(tzinfo=UTC)
        else:
            value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    elif not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day, tzinfo=UTC)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    value = value.astimezone(UTC).replace(microsecond=0)
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def keep_query(url: str, params: dict[str, str]) -> str:
    """Some RIS drop `modified_since` from their `next` links (Politik bei uns
    `OparlDownload.py`), which silently turns an incremental sync into a full one from
    page 2 on. Put the parameters back on every page URL."""
    if not params:
        return url
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    present = {key for key, _ in query}
    query += [(key, val) for key, val in params.items() if key not in present]
    # safe=":" keeps the timestamp unencoded: Somacos rejects encoded query strings.
    return urlunsplit(parts._replace(query=urlencode(query, safe=":")))


_PLACEHOLDERS = {"", "n/a", "-", "--", "k.a.", "null", "none", "(kein text vorhanden)"}


def clean_text(value: Any) -> str | None:
    """ALLRIS fills empty fields with "N/A" or " "; treat those placeholders as missing."""
    if value is None:
        return None
    text = str(value).strip()
    if text.lower() in _PLACEHOLDERS:
        return None
    return text


_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


def clean_date(value: Any) -> str | None:
    """Garbage in date fields, e.g. `endDate = "Der Paritätische"` in memberships
    (politik-bei-uns-web-old#46), or German "31.12.2020". Return `YYYY-MM-DD` or None."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    match = _DATE.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = _GERMAN_DATE.match(text)
        if not match:
            return None
        day, month, year = (int(g) for g in match.groups())
    try:
        parsed = date(year, month, day)
    except ValueError:
        return None
    if not 1800 <= parsed.year <= 2200:
        return None
    return parsed.isoformat()


def short_type(obj: Any) -> str | None:
    """`https://schema.oparl.org/1.1/Paper` -> `Paper` (1.0 and 1.1 alike)."""
    if not isinstance(obj, dict):
        return None
    value = obj.get("type")
    if not isinstance(value, str) or not value:
        return None
    name = value.rstrip("/").rsplit("/", 1)[-1]
    return name if name in OPARL_TYPES else None


def infer_type(obj: dict[str, Any], expected: str | None) -> str | None:
    """Sternberg drops `type` (and everything but id/created/modified/deleted) from deleted
    objects. Take the type of the list the object came from, or guess it from its URL."""
    found = short_type(obj)
    if found:
        return found
    if expected:
        return expected
    url = obj.get("id") if isinstance(obj.get("id"), str) else ""
    segments = urlsplit(url).path.lower().strip("/").split("/")
    names = {name.lower(): name for name in OPARL_TYPES}
    for segment in reversed(segments[:-1]):  # the segment nearest the object's own key
        found = names.get(segment) or names.get(segment.removesuffix("s"))
        if found:
            return found
    return None


_KARLSRUHE_SEGMENTS = {"gr": "Committee", "at": "AdministrativeUnit", "fr": "Faction"}


def organization_label_from_url(url: str) -> str | None:
    """Karlsruhe's OParl sets neither organizationType nor classification, but its URLs say
    what an organisation is: `/organizations/gr/...` Gremium, `/organizations/at/...` Amt."""
    parts = urlsplit(url).path.strip("/").split("/")
    for before, segment in zip(parts, parts[1:], strict=False):
        if before in ("organizations", "organization") and segment in _KARLSRUHE_SEGMENTS:
            return _KARLSRUHE_SEGMENTS[segment]
    return None
