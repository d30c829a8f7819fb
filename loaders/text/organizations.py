"""Organisation mentions: factions, committees and units through the council reference; external
organisations (universities, institutes, chambers, companies) through name patterns.

All patterns are compiled once per council and scan text in linear time: alternations of
literal spellings, no nested quantifiers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ratsgraph.graph.normalize import fold as _fold_uncached
from ratsgraph.graph.reference import CouncilReference, OrgEntry

fold = lru_cache(maxsize=1 << 16)(_fold_uncached)

LABEL_OF_GROUP = {
    "factions": "Faction",
    "committees": "Committee",
    "administrative_units": "AdministrativeUnit",
    "external_organizations": "ExternalOrganization",
}


@dataclass(frozen=True)
class OrgMention:
    """An organisation named in the text: what it resolved to, and where (cleaned-text offsets)."""

    label: str
    key: str
    name: str
    start: int
    end: int
    surface: str
    short_name: str | None = None
    classification: str | None = None
    aliases: tuple[str, ...] = ()
    node_id: str | None = None  # set when the reference names the node (organisations of an OParl body)


@dataclass(frozen=True)
class Unresolved:
    surface: str
    start: int
    end: int
    candidates: tuple[str, ...] = ()


# --- spelling -> pattern and key ------------------------------------------------------------


def _ci(ch: str) -> str:
    """A case-insensitive class for one character (faster than re.I on long alternations)."""
    lo, up = ch.lower(), ch.upper()
    if lo == up or len(up) != 1:
        return re.escape(ch)
    return f"[{lo}{up}]"


def _word_pattern(word: str, genitive: bool) -> str:
    out = []
    for ch in word:
        if ch.lower() == "ü":
            out.append("(?:[üÜ]|[uU][eE])")
        elif ch.lower() == "ä":
            out.append("(?:[äÄ]|[aA][eE])")
        elif ch.lower() == "ö":
            out.append("(?:[öÖ]|[oO][eE])")
        else:
            out.append(_ci(ch))
    pat = "".join(out)
    low = word.lower()
    if genitive:
        if low.endswith("schuss"):
            pat += "(?:[eE][sS])?"
        elif low.endswith(("rat", "netzwerk", "amt", "büro", "referat", "dezernat", "betrieb")):
            pat += "(?:[eE]?[sS])?"
    if low.endswith("e") and len(low) > 3:
        pat += "[nN]?"
    return pat


def spelling_pattern(spelling: str, genitive: bool = False) -> str:
    """A tolerant regex for one spelling: flexible white space around '/', '&', '+', ',' and between words."""
    tokens = re.findall(r"[^\s/&+,]+|[/&+,]", spelling)
    parts: list[str] = []
    for i, tok in enumerate(tokens):
        if tok in "/&+,":
            parts.append(r"\s*" + re.escape(tok) + (r"\s*" if tok != "+" else ""))
        else:
            if i and tokens[i - 1] not in "/&+,":
                parts.append(r"\s+")
            parts.append(_word_pattern(tok, genitive))
    return "".join(parts)


def _tokens(spelling: str) -> list[str]:
    return re.findall(r"[^\s/&+,]+|[/&+,]", spelling)


def _fragment(tokens: list[str], i: int, genitive: bool) -> str:
    tok = tokens[i]
    if tok in "/&+,":
        return r"\s*" + re.escape(tok) + (r"\s*" if tok != "+" else "")
    sep = r"\s+" if i and tokens[i - 1] not in "/&+," else ""
    return sep + _word_pattern(tok, genitive)


_UMLAUT_BASE = {"ü": "u", "ä": "a", "ö": "o"}


def first_chars(spellings: list[str] | set[str]) -> set[str] | None:
    """Every character a match of `trie_pattern(spellings)` can start with; None when unknown (then no prefilter)."""
    out: set[str] = set()
    for spelling in spellings:
        tokens = _tokens(spelling.lower())
        if not tokens or tokens[0] in "/&+,":
            return None  # starts with optional white space: any character may begin a match
        ch = tokens[0][0]
        low = ch.lower()
        if low in _UMLAUT_BASE:  # as _word_pattern: "(?:[üÜ]|[uU][eE])"
            base = _UMLAUT_BASE[low]
            out |= {low, low.upper(), base, base.upper()}
        else:  # as _ci
            up = ch.upper()
            out |= {ch} if low == up or len(up) != 1 else {low, up}
    return out or None


def trie_pattern(spellings: list[str], genitive: bool = False) -> str:
    """One regex for many spellings, factored by shared leading words so that it scans fast.

    Equivalent to the longest-first alternation of `spelling_pattern`s (case-insensitive use)."""
    end = object()
    root: dict = {}
    for spelling in spellings:
        tokens = _tokens(spelling.lower())
        node = root
        for i in range(len(tokens)):
            node = node.setdefault(_fragment(tokens, i, genitive), {})
        node[end] = True

    def emit(node: dict) -> str:
        alts = [
            frag + emit(child)
            for frag, child in sorted(((k, v) for k, v in node.items() if k is not end), key=lambda kv: -len(kv[0]))
        ]
        if not alts:
            return ""
        body = "(?:" + "|".join(alts) + ")"
        return body + "?" if end in node else body

    return emit(root)


_GENITIVE = [
    (re.compile(r"(schuss)es\b"), r"\1"),
    (re.compile(r"(rat|netzwerk|amt|referat|dezernat|betrieb)e?s\b"), r"\1"),
]


@lru_cache(maxsize=1 << 14)
def org_lookup_key(text: str) -> str:
    """Matching key of a spelling: folded, genitive endings and a final 'n' after 'e' removed."""
    s = text.lower()
    for pattern, repl in _GENITIVE:
        s = pattern.sub(repl, s)
    key = fold(s)
    return key[:-1] if key.endswith("en") else key


# --- reference matcher -----------------------------------------------------------------------


@dataclass
class _Group:
    label: str
    regex: re.Pattern[str]
    index: dict[str, list[OrgEntry]] = field(default_factory=dict)


_FACTION_AFFIX_PRE = (
    r"(?:(?:[Ff]raktion(?:en)?|FRAKTION(?:EN)?|[Gg]ruppe|GRUPPE|Ratsgruppe)\s+(?:(?:von|der|des)\s+)?)?"
)
_FACTION_AFFIX_FIRST = {"F", "f", "G", "g", "R"}  # first characters of _FACTION_AFFIX_PRE
_FACTION_AFFIX_POST = r"(?:\s?-\s?(?:[Ff]raktion|FRAKTION|Ratsfraktion|[Gg]ruppe|GRUPPE)(?:en|EN)?)?"
_AFTER = r"(?![\wäöüÄÖÜß+])"
_BEFORE = r"(?<![\wäöüÄÖÜß/&+-])"


class ReferenceMatcher:
    """Finds the factions, committees and units of one council's reference data in text."""

    def __init__(self, council: CouncilReference):
        self.council = council
        self.groups: dict[str, _Group] = {}
        for group, label in LABEL_OF_GROUP.items():
            entries: tuple[OrgEntry, ...] = getattr(council, group)
            index: dict[str, list[OrgEntry]] = {}
            spellings: set[str] = set()
            for entry in entries:
                for s in entry.spellings:
                    index.setdefault(org_lookup_key(s), [])
                    if entry not in index[org_lookup_key(s)]:
                        index[org_lookup_key(s)].append(entry)
                    spellings.add(s)
            genitive = group != "factions"
            alts = trie_pattern(sorted(spellings), genitive)
            starts = first_chars(spellings)
            if group == "factions":
                body = rf"{_FACTION_AFFIX_PRE}(?P<core>{alts}){_FACTION_AFFIX_POST}"
                if starts is not None:
                    starts |= _FACTION_AFFIX_FIRST
            else:
                body = rf"(?P<core>{alts})"
            # A lookahead of the possible first characters: the same matches, but most word starts are
            # rejected with one class test instead of trying every branch of the alternation (speed).
            ahead = "(?=[" + "".join(re.escape(c) for c in sorted(starts)) + "])" if starts else ""
            self.groups[group] = _Group(label, re.compile(rf"{ahead}{_BEFORE}{body}{_AFTER}"), index)

    @staticmethod
    def _accept(entry: OrgEntry, core: str, affixed: bool) -> bool:
        """Case rules: a match must start upper case (or be affixed, "Fraktion ..."), unless the
        entry is spelled lower case ("dosys"); case-sensitive entries must match a spelling exactly."""
        flat = " ".join(core.split())
        if entry.case_sensitive:
            return any(flat == " ".join(s.split()) for s in entry.spellings)
        if core[:1].isupper() or affixed:
            return True
        key = org_lookup_key(core)
        return any(s[:1].islower() and org_lookup_key(s) == key for s in entry.spellings)

    def resolve(self, group: str, text: str, date: str | None = None) -> list[OrgEntry]:
        """The entries whose spelling `text` is (after normalisation), narrowed to the term of `date`."""
        entries = self.groups[group].index.get(org_lookup_key(text), [])
        fitting = [e for e in entries if self.council.in_term(e, date)]
        if len(fitting) > 1 and date:
            term = self.council.term_of(date)
            exact = [e for e in fitting if term in e.terms]
            fitting = exact or fitting
        return fitting

    def find(
        self, group: str, text: str, start: int = 0, end: int | None = None, date: str | None = None
    ) -> tuple[list[OrgMention], list[Unresolved]]:
        """Mentions of `group` ("factions", "committees", ...) in text[start:end]."""
        g = self.groups[group]
        found: list[OrgMention] = []
        unresolved: list[Unresolved] = []
        for m in g.regex.finditer(text, start, len(text) if end is None else end):
            core = m.group("core")
            affixed = m.start("core") > m.start() or m.end("core") < m.end()
            entries = [e for e in self.resolve(group, core, date) if self._accept(e, core, affixed)]
            if len(entries) == 1:
                found.append(self._mention(g.label, entries[0], m.start(), m.end(), m.group(0)))
            elif entries:
                unresolved.append(Unresolved(m.group(0), m.start(), m.end(), tuple(e.key for e in entries)))
        return found, unresolved

    def whole(self, group: str, text: str, date: str | None = None) -> OrgEntry | None:
        """The entry `text` names as a whole (e.g. a heading or a parenthesis), or None."""
        stripped = text.strip(" \t\n*:,.")
        m = self.groups[group].regex.fullmatch(stripped)
        if not m:
            return None
        entries = self.resolve(group, m.group("core"), date)
        return entries[0] if len(entries) == 1 else None

    def mention_of(self, group: str, entry: OrgEntry, start: int, end: int, surface: str) -> OrgMention:
        return self._mention(self.groups[group].label, entry, start, end, surface)

    def _mention(self, label: str, e: OrgEntry, start: int, end: int, surface: str) -> OrgMention:
        return OrgMention(
            label=label,
            key=e.key,
            name=e.name,
            start=start,
            end=end,
            surface=" ".join(surface.split()),
            short_name=e.short_name,
            classification=e.classification,
            aliases=e.aliases,
            node_id=e.node_id,
        )


@lru_cache(maxsize=8)
def matcher_for(council: CouncilReference) -> ReferenceMatcher:
    return ReferenceMatcher(council)


# --- external organisations by name pattern ----------------------------------------------------

_CAP = r"[A-ZÄÖÜ][\wäöüßÄÖÜ]*"
_HEADS = (
    "Universität|Hochschule|Fachhochschule|Institut|Zentrum|Akademie|Stiftung|Verband|Verein|Kammer|Agentur|"
    "Bundesamt|Landesamt|Ministerium|Forschungszentrum|Genossenschaft|Bundesanstalt|Landesanstalt"
)
# Complement "für Materialfluss und Logistik": capitalised words joined by und/&/','/"-"
_FUER = rf"\s+für\s+{_CAP}-?(?:(?:\s+|\s*,\s*|\s+(?:und|&)\s+){_CAP}-?)*"
_HEAD_RE = re.compile(
    rf"(?<![\w-])(?=[A-ZÄÖÜ])(?P<name>"
    rf"(?:(?P<prefix>{_CAP}(?:-{_CAP})*-)(?P<head1>{_HEADS})(?:{_FUER})?"  # Fraunhofer-Institut (für ...)
    rf"|(?P<adj>(?:{_CAP}(?:e|en|es)\s+)+)(?P<head2>{_HEADS})(?:\s*\((?P<abbr1>[A-ZÄÖÜ]{{2,6}})\))?(?:{_FUER}|\s+(?P<place1>{_CAP}))?"
    rf"|(?P<head3>{_HEADS})(?:{_FUER}|\s+(?P<place2>{_CAP})(?=[\s,.;:)]))"
    rf"))"
)
_ENGLISH_RE = re.compile(
    r"(?<![\w-])(?=[A-Z])(?P<name>(?:[A-Z][\w&.+-]*\s+){1,5}"
    r"(?:Alliance|Association|Foundation|Institute|Initiative|Network|Consortium|Council|Group|"
    r"GmbH|gGmbH|mbH|AG|KG|SE|eG|e\.\s?V\.))(?![\w])"
)
# Necessary conditions (speed): every _HEAD_RE match contains a head word, every _ENGLISH_RE match a suffix.
_ANY_HEAD = re.compile(_HEADS)
_ANY_ENGLISH_SUFFIX = re.compile(
    r"Alliance|Association|Foundation|Institute|Initiative|Network|Consortium|Council|Group|"
    r"GmbH|mbH|AG|KG|SE|eG|e\.\s?V\."
)
_SHORT_FORMS = {
    "TU": "Technische Universität",
    "FH": "Fachhochschule",
    "TH": "Technische Hochschule",
    "RUB": "Ruhr-Universität Bochum",
}
_SHORT_RE = re.compile(r"(?=[TF])(?<![\w-])(?P<abbr>TU|FH|TH)\s+(?P<place>[A-ZÄÖÜ][a-zäöüß]+)(?![\w-])")
_ABBR_BEFORE = re.compile(r"(?<![\w-])(?P<abbr>[A-ZÄÖÜ][A-Za-zÄÖÜäöü]{1,9})\s*[-–]\s*$")
_ABBR_AFTER = re.compile(r"^\s*\((?P<abbr>[A-ZÄÖÜ][A-Za-zÄÖÜäöü]{1,9})\)")
_ADJ_END = re.compile(r"(isch|lich|al|ig|sch|er|ell|iv|ut|en)en$")
_STOP_CAPS = {
    "Der",
    "Die",
    "Das",
    "Den",
    "Dem",
    "Des",
    "Ein",
    "Eine",
    "Einer",
    "Eines",
    "Einem",
    "Im",
    "In",
    "Am",
    "An",
    "Zu",
    "Zum",
    "Zur",
    "Mit",
    "Von",
    "Vom",
    "Bei",
    "Auf",
    "Aus",
    "Für",
    "Und",
    "Oder",
    "Als",
    "Wie",
    "Diese",
    "Dieser",
    "Dieses",
    "Neben",
    "Nach",
    "Über",
    "Unter",
    "Durch",
    "Sehr",
    "Es",
    "Sie",
    "Er",
    "Wir",
    "Ihr",
    "Mittels",
}
_GENERIC_ADJ = {
    "Diese",
    "Dieses",
    "Diesem",
    "Diesen",
    "Dieser",
    "Jede",
    "Jedes",
    "Jeden",
    "Eine",
    "Einem",
    "Einen",
    "Einer",
    "Eines",
    "Keine",
    "Alle",
    "Beide",
    "Andere",
    "Anderen",
    "Neue",
    "Neuen",
    "Weitere",
    "Weiteren",
    "Städtische",
    "Städtischen",
    "Ihre",
    "Ihren",
    "Seine",
    "Seinen",
    "Unsere",
    "Unseren",
    "Renommierten",
    "Renommierte",
    "Folgende",
    "Folgenden",
    "Genannte",
    "Genannten",
}


def _uninflect_adjectives(words: list[str]) -> list[str]:
    out = []
    for w in words:
        if w.endswith("en") and _ADJ_END.search(w.lower()) and w[:1].isupper():
            w = w[:-1]
        out.append(w)
    return out


def _external(name: str, start: int, end: int, surface: str, short: str | None, aliases=()) -> OrgMention:
    key = "ext-" + fold(name)[:60]
    return OrgMention(
        "ExternalOrganization", key, name, start, end, " ".join(surface.split()), short, None, tuple(aliases)
    )


def find_external(text: str, start: int = 0, end: int | None = None) -> list[OrgMention]:
    """Universities, institutes, chambers, companies ... named in text[start:end], by name patterns."""
    stop = len(text) if end is None else end
    found: list[OrgMention] = []
    heads = _HEAD_RE.finditer(text, start, stop) if _ANY_HEAD.search(text, start, stop) else ()
    for m in heads:
        surface = m.group("name")
        words = surface.split()
        while words and (words[0] in _STOP_CAPS or words[0] in _GENERIC_ADJ):
            words.pop(0)
        while words and words[-1] in ("und", "&", ",", "sowie") or (words and words[-1].endswith((",", "-"))):
            last = words.pop()
            if last.endswith(",") and len(last) > 1:
                break
        if not words or words[0].rstrip(",") in re.split(r"\|", _HEADS) and len(words) == 1:
            continue
        abbr = m.group("abbr1")
        clean_words = [w for w in words if w != f"({abbr})"] if abbr else words
        if m.group("adj"):
            clean_words = _uninflect_adjectives(clean_words)
        name = " ".join(clean_words).strip(" ,")
        if len(name.split()) < 2 and "-" not in name:
            continue
        short = abbr
        if not short:
            before = _ABBR_BEFORE.search(text, max(0, m.start() - 14), m.start())
            after = _ABBR_AFTER.match(text, m.end(), min(stop, m.end() + 14))
            if before and sum(c.isupper() for c in before.group("abbr")) >= 2:
                short = before.group("abbr")
            elif after and sum(c.isupper() for c in after.group("abbr")) >= 2:
                short = after.group("abbr")
        aliases = []
        for abbr_form, long_form in _SHORT_FORMS.items():
            if name.startswith(long_form + " ") and len(name.split()) == len(long_form.split()) + 1:
                aliases.append(f"{abbr_form} {name.split()[-1]}")
        found.append(_external(name, m.start("name"), m.end("name"), surface, short, aliases))
    for m in _SHORT_RE.finditer(text, start, stop):
        long_form = _SHORT_FORMS[m.group("abbr")]
        name = f"{long_form} {m.group('place')}"
        if any(f.start <= m.start() < f.end for f in found):
            continue
        found.append(_external(name, m.start(), m.end(), m.group(0), None, (m.group(0),)))
    english = _ENGLISH_RE.finditer(text, start, stop) if _ANY_ENGLISH_SUFFIX.search(text, start, stop) else ()
    for m in english:
        words = m.group("name").split()
        while words and words[0] in _STOP_CAPS:
            words.pop(0)
        if len(words) < 2 or any(f.start <= m.start() < f.end for f in found):
            continue
        name = " ".join(words)
        found.append(
            _external(name, m.end() - len(m.group("name")) + m.group("name").find(words[0]), m.end(), name, None)
        )
    found.sort(key=lambda o: o.start)
    return found


# --- unknown faction-like names ----------------------------------------------------------------

_FACTION_WORD_RE = re.compile(
    r"(?<![\w-])(?:Fraktion(?:en)?|Gruppe|Ratsgruppe)\s+(?P<name>[A-ZÄÖÜ][^\s,.;:()]*(?:\s+(?:[A-ZÄÖÜ&+/][^\s,.;:()]*))?)"
)


def find_unknown_factions(
    matcher: ReferenceMatcher, text: str, start: int, end: int, date: str | None
) -> list[Unresolved]:
    """'Fraktion X' / 'Gruppe X' where X is no faction of the reference: to report, never to create."""
    out = []
    known, _ = matcher.find("factions", text, start, end, date)
    for m in _FACTION_WORD_RE.finditer(text, start, end):
        if any(k.start <= m.start() < k.end or m.start() <= k.start < m.end() for k in known):
            continue
        if m.group("name") in _STOP_CAPS:
            continue
        out.append(Unresolved(m.group(0), m.start(), m.end()))
    return out
