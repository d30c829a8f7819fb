"""Name normalisation for matching (never for display): pure and idempotent."""

from __future__ import annotations

import re
import unicodedata

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_AFFIXES = re.compile(r"\b(fraktion(en)?|gruppe|die|der|des|im|rat der stadt dortmund)\b")


def fold(text: str | None) -> str:
    """Lower-case, fold umlauts and ß, keep letters, digits and '+' only."""
    if not text:
        return ""
    s = unicodedata.normalize("NFKC", text).lower().translate(_UMLAUTS)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9+]", "", s)


def org_key(text: str | None) -> str:
    """Like fold, but also drop 'Fraktion', 'Gruppe' and articles, so 'CDU-Fraktion' == 'Fraktion CDU'."""
    s = unicodedata.normalize("NFKC", text or "").lower()
    s = s.replace("-fraktion", " ").replace("fraktion-", " ")
    s = _AFFIXES.sub(" ", s)
    return fold(s)


def slug(text: str | None) -> str:
    """A readable, stable id fragment: 'Prof. Dr. Kreße' -> 'prof-dr-kresse'."""
    s = unicodedata.normalize("NFKC", text or "").lower().translate(_UMLAUTS)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")
