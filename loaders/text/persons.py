"""Person mentions: "Herr Prof. Dr. Kreße", "Rm Gebel", "StR'in Jägers", "Oberbürgermeister Thomas Westphal",
signature names ("gez. Udo Reppin") and list names ("Märting, Angela").

A person is only ever read from a name: role words and salutations alone ("Herr Vorsitzender",
"Sehr geehrte Damen und Herren", "Dezernent*in") never make one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ratsgraph.loaders.text.prefilter import first_char_guard

_APOS = "['’`´]"
# Prefixes before a name; the group names the form of address they imply.
_MALE = (
    r"Herrn?|Ratsherr|Stadtrat|Stadtdirektor|Bürgermeister|Oberbürgermeister|Bezirksbürgermeister|Beigeordneter|"
    r"Dezernent|Kämmerer|Vorsitzender"
)
_FEMALE = (
    rf"Frau|Ratsfrau|Stadträtin|StR{_APOS}in|Rm{_APOS}in|RM{_APOS}in|sB{_APOS}in|Stadtdirektorin|Bürgermeisterin|"
    r"Oberbürgermeisterin|Bezirksbürgermeisterin|Beigeordnete|Dezernentin|Kämmerin|Vorsitzende"
)
_NEUTRAL = (
    r"Rm|RM|Rf|Ratsmitglied|StR|OB|sB|sE|BV|Bezirksvertreter(?:in)?|"
    r"[Ss]achkundige[rn]?[ \t]+(?:Bürger|Einwohner)(?:in)?|[Ss]achkundige[rn]?[ \t]+Einwohner(?:in)?"
)
PREFIX = rf"(?:{_FEMALE}|{_MALE}|{_NEUTRAL})"
_FEMALE_RE = re.compile(rf"(?:{_FEMALE}|Bürgerin|Einwohnerin|Rf)$")
_MALE_RE = re.compile(rf"(?:{_MALE})$")
TITLE = r"(?:Prof\.|Professor(?:in)?|Dr\.(?:\s?(?:med|phil|rer\.\s?nat|jur|h\.\s?c|-Ing)\.)?|Dipl\.-[A-Z][a-z]+\.?)"
_UP = "A-ZÄÖÜ"
_LOW = "a-zäöüßéèáàç"
WORD = rf"[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?"
PARTICLE = r"(?:von\s+der|von\s+dem|van\s+der|van\s+den|von|van|de|ter|ten)"

# Words that are not names even when capitalised after a salutation.
NOT_NAMES = {
    "Vorsitzender",
    "Vorsitzende",
    "Vorsitzenden",
    "Oberbürgermeister",
    "Oberbürgermeisterin",
    "Bürgermeister",
    "Bürgermeisterin",
    "Präsident",
    "Präsidentin",
    "Kollege",
    "Kollegin",
    "Kollegen",
    "Damen",
    "Herren",
    "Abgeordnete",
    "Abgeordneter",
    "Minister",
    "Ministerin",
    "Dezernent",
    "Dezernentin",
    "Stadtrat",
    "Stadträtin",
    "Stadtdirektor",
    "Stadtdirektorin",
    "Beigeordnete",
    "Beigeordneter",
    "Kämmerer",
    "Kämmerin",
    "Referent",
    "Referentin",
    "Sprecher",
    "Sprecherin",
    "Geschäftsführer",
    "Geschäftsführerin",
    "Der",
    "Die",
    "Das",
    "Den",
    "Dem",
    "Des",
    "Ein",
    "Eine",
    "Im",
    "In",
    "Am",
    "An",
    "Zu",
    "Zum",
    "Zur",
    "Es",
    "Er",
    "Sie",
    "Wir",
    "Ich",
    "Frage",
    "Fragen",
    "Antrag",
    "Vorlage",
    "Verwaltung",
    "Ratsmitglied",
    "Ratsmitglieder",
    "Mitglied",
    "Mitglieder",
    "Professor",
    "Professorin",
    "Doktor",
    "Bezirksbürgermeister",
    "Bezirksbürgermeisterin",
    "Rm",
    "Und",
    "Oder",
    "Mit",
    "Von",
    "Für",
    "Auf",
    "Bei",
    "Nach",
    "Über",
    "Vertreter",
    "Vertreterin",
    "Fraktion",
    "Gruppe",
    "Ausschuss",
    "Rat",
    "Gäste",
    "Gast",
    "Herr",
    "Frau",
    "Herrn",
    "Leiter",
    "Leiterin",
    "Chef",
    "Dortmund",
    "Stadt",
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
    "Sitzung",
    "Tagesordnung",
    "Beratung",
    "Hinweis",
    "Mitteilung",
}
FUNCTIONS = (
    "Fraktionsvorsitzende|Fraktionsvorsitzender|Fraktionssprecherin|Fraktionssprecher|Fraktionsgeschäftsführerin|Fraktionsgeschäftsführer|"
    "stellv\\. Fraktionsvorsitzende|stellv\\. Fraktionsvorsitzender|Sprecherin|Sprecher|Referentin|Referent|"
    "Geschäftsführerin|Geschäftsführer|Vorsitzende|Vorsitzender|Oberbürgermeisterin|Oberbürgermeister|"
    "Bürgermeisterin|Bürgermeister|Stadträtin|Stadtrat|Stadtdirektorin|Stadtdirektor|Beigeordnete|Beigeordneter|"
    "Dezernentin|Dezernent|Kämmerin|Kämmerer|Ratsmitglied|Ratsfrau|Ratsherr|Bezirksbürgermeisterin|"
    "Bezirksbürgermeister|Leiterin|Leiter|Amtsleiterin|Amtsleiter|Fachbereichsleiterin|Fachbereichsleiter"
)
FUNCTION_RE = re.compile(rf"(?<![\w-])(?:{FUNCTIONS})(?![\w])")

# A name after a salutation: titles, optionally ONE given name on the same line, particle, family name.
MENTION_RE = re.compile(
    rf"(?<![\w-])(?P<prefix>{PREFIX}(?:\s+{PREFIX})?)"
    rf"(?P<titles>(?:[ \t]+{TITLE})*)"
    rf"[ \t]+(?:(?P<given>{WORD}|[{_UP}]\.)[ \t]+(?=(?:{PARTICLE}[ \t]+)?[{_UP}]))?"
    rf"(?P<family>(?:{PARTICLE}[ \t]+)?{WORD})(?![\w-]|\.\w)"
)
# A name without salutation but with an academic title: "Prof. Dr. Klaus Heinze (CDU) widersprach".
TITLED_RE = re.compile(
    rf"(?P<titles>{TITLE}(?:[ \t]+{TITLE})*)[ \t]+(?P<given>{WORD})[ \t]+"
    rf"(?P<family>(?:{PARTICLE}[ \t]+)?{WORD})(?![\w-]|\.\w)"
)
# A bare full name (signatures, header fields): titles, given name(s), family name.
FULL_NAME_RE = re.compile(
    rf"(?P<titles>(?:{TITLE}[ \t]*)*)"
    rf"(?P<given>{WORD}(?:[ \t]+{WORD})?)[ \t]+(?P<family>(?:{PARTICLE}[ \t]+)?{WORD})(?![\w-])"
)
# Speed: a first-character test in front of the patterns scanned most (the same matches).
FUNCTION_RE, MENTION_RE, FULL_NAME_RE = map(first_char_guard, (FUNCTION_RE, MENTION_RE, FULL_NAME_RE))


# "Märting, Angela"
INVERTED_NAME_RE = re.compile(rf"(?P<family>{WORD}),[ \t]*(?P<titles>(?:{TITLE}[ \t]*)*)(?P<given>{WORD})(?![\w-])")


@dataclass(frozen=True)
class PersonMention:
    family_name: str
    start: int  # cleaned-text offsets of the whole mention
    end: int
    surface: str
    given_name: str | None = None
    title: str | None = None
    form_of_address: str | None = None
    function: str | None = None
    nominative: bool = True  # "Herrn X" is not the subject of a sentence

    @property
    def display(self) -> str:
        return f"{self.given_name} {self.family_name}" if self.given_name else self.family_name


def _titles(raw: str | None) -> str | None:
    if not raw or not raw.strip():
        return None
    parts = re.findall(TITLE, raw)
    parts = ["Prof." if p.startswith("Professor") else p for p in parts]
    return " ".join(parts) or None


def _valid(family: str, given: str | None) -> bool:
    last = family.split()[-1]
    if last in NOT_NAMES or len(last) < 2:
        return False
    return not (given and given in NOT_NAMES)


def _form_of(prefix: str) -> str | None:
    for word in prefix.split():
        if _FEMALE_RE.match(word):
            return "Frau"
        if _MALE_RE.match(word):
            return "Herr"
    return None


def _word_start(text: str, pos: int) -> bool:
    return pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] in "-_")


def _scan(pattern: re.Pattern[str], text: str, start: int, end: int):
    """Matches of `pattern` that start a word (what a leading look-behind would do, but faster)."""
    pos = start
    while True:
        m = pattern.search(text, pos, end)
        if m is None:
            return
        if _word_start(text, m.start()):
            yield m
            pos = m.end()
        else:
            pos = m.start() + 1


def find_mentions(text: str, start: int = 0, end: int | None = None) -> list[PersonMention]:
    """Persons named with a salutation or office in text[start:end]."""
    out: list[PersonMention] = []
    for m in MENTION_RE.finditer(text, start, len(text) if end is None else end):
        family, given = m.group("family"), m.group("given")
        end_pos = m.end()
        if given and given in NOT_NAMES:
            given = None
        if not _valid(family, given) and given and re.fullmatch(WORD, given) and _valid(given, None):
            # "Herr Dr. Albers von der Verwaltung": the name ends before the particle
            family, given, end_pos = given, None, m.end("given")
        elif not _valid(family, given):
            continue
        form = _form_of(m.group("prefix"))
        surface = text[m.start() : end_pos]
        out.append(
            PersonMention(
                family_name=" ".join(family.split()),
                given_name=given,
                title=_titles(m.group("titles")),
                form_of_address=form,
                start=m.start(),
                end=end_pos,
                surface=" ".join(surface.split()),
                nominative=not surface.startswith("Herrn"),
            )
        )
    for m in _scan(TITLED_RE, text, start, len(text) if end is None else end):
        family, given = m.group("family"), m.group("given")
        if not _valid(family, given):
            continue
        if any(p.start <= m.start() < p.end for p in out):
            continue
        out.append(
            PersonMention(
                family_name=" ".join(family.split()),
                given_name=given,
                title=_titles(m.group("titles")),
                start=m.start(),
                end=m.end(),
                surface=" ".join(m.group(0).split()),
            )
        )
    out.sort(key=lambda p: p.start)
    return out


def parse_full_name(text: str, offset: int = 0, function: str | None = None) -> PersonMention | None:
    """A person from a bare name such as "Dr. Christoph Neumann" or "Märting, Angela" (whole `text`)."""
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    m = INVERTED_NAME_RE.fullmatch(stripped) or FULL_NAME_RE.fullmatch(stripped)
    if not m:
        return None
    family, given = m.group("family"), m.group("given")
    if not _valid(family, given) or any(w in NOT_NAMES for w in given.split()):
        return None
    return PersonMention(
        family_name=" ".join(family.split()),
        given_name=" ".join(given.split()),
        title=_titles(m.group("titles")),
        start=offset + lead,
        end=offset + lead + len(stripped),
        surface=" ".join(stripped.split()),
        function=function,
    )


_RUN_RE = re.compile(rf"(?:{TITLE}[ \t]*)*{WORD}(?:[ \t]+(?:{PARTICLE}[ \t]+)?{WORD})+")


def find_full_names(text: str, start: int, end: int) -> list[PersonMention]:
    """Bare full names ("Udo Reppin") in a short region such as a signature line.

    A run of capitalised words is cut at function words ("Udo Reppin Sprecher") and read as
    given name(s) plus family name; runs of more than three words are not names.
    """
    out = []
    for m in _RUN_RE.finditer(text, start, end):
        if m.start() > start and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "-"):
            continue
        words = list(re.finditer(r"\S+", m.group(0)))
        cut = len(words)
        for i, w in enumerate(words):
            if w.group(0) in NOT_NAMES or FUNCTION_RE.fullmatch(w.group(0)):
                cut = i
                break
        words = words[:cut]
        if not words:
            continue
        piece = m.group(0)[: words[-1].end()]
        p = parse_full_name(piece, m.start())
        if p and len(p.given_name.split()) <= 2:
            out.append(p)
    return out
