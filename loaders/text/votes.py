"""Reading a decision sentence: outcome, unanimity and the position of each faction named.

German minutes state votes relative to the outcome (graph-model.md, "Reading votes correctly"):
"beschließt ... gegen die Stimmen der X" -> X voted no; "lehnt ... ab gegen die Stimmen der X"
-> X voted yes (for the motion); "bei Stimmenthaltung der Y" -> Y abstained, whatever the outcome.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ratsgraph.loaders.text.organizations import OrgMention, ReferenceMatcher
from ratsgraph.loaders.text.persons import MENTION_RE, PersonMention, find_mentions
from ratsgraph.loaders.text.prefilter import first_char_guard

# Outcomes, most specific first. Each pattern is a flat alternation (no nested quantifiers).
_OUTCOMES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("withdrawn", re.compile(r"\bzurückgezogen\b|\b(?:zieht|zog|ziehen|zogen)\b[^.;:]{0,120}\bzurück\b", re.I)),
    (
        "postponed",
        re.compile(r"\bvertagt|\bvertagte|\bvertagen\b|\bzurückgestellt\b|\bverschoben\b|\babgesetzt\b", re.I),
    ),
    (
        "forwarded_without_recommendation",
        re.compile(r"\bohne\s+(?:Beschluss)?[Ee]mpfehlung\b|\bohne\s+Votum\b|\bohne\s+Beschlussfassung\b", re.I),
    ),
    ("referred", re.compile(r"\b(?:überweist|überwies|überwiesen|verweist|verwies|verwiesen)\b", re.I)),
    ("recommended", re.compile(r"\b(?:empfiehlt|empfahl|empfehlen|empfahlen|empfohlen)\b", re.I)),
    (
        "rejected",
        re.compile(
            r"\b(?:lehnt|lehnte|lehnen|lehnten)\b[^;]{0,500}?\bab\b|\babgelehnt\b|\bAblehnung\b|"
            r"\bmehrheitlich\s+nicht\b|\bnicht\s+angenommen\b|\bkeine\s+Mehrheit\b",
            re.I,
        ),
    ),
    (
        "noted",
        re.compile(r"\bzur\s+Kenntnis\b|\bKenntnis\s+genommen\b|\bnimmt\b[^.;]{0,200}\bKenntnis\b", re.I),
    ),
    (
        "adopted",
        re.compile(
            r"\b(?:beschließt|beschloss|beschlossen|beschließen|fasst|fasste|angenommen|zugestimmt|"
            r"Zustimmung|billigt|billigte|bestätigt|bestätigte|stimmt|stimmte|genehmigt)\b|"
            r"\b(?:folgt|folgte|folgen|folgten)\b[^.;]{0,120}\b(?:Empfehlung|Beschlussvorschlag|Vorschlag)|"
            r"\b(?:Empfehlung|Beschlussvorschlag)\b[^.;]{0,120}\b(?:folgt|folgte|folgen|folgten)\b",
            re.I,
        ),
    ),
)
# A word that marks a vote, not just a statement of content.
STRONG = re.compile(
    r"einstimmig|mehrheitlich|mit\s+Mehrheit|Stimmen|Stimmenthaltung|Enthaltung|Gegenstimme|ohne\s+Empfehlung|"
    r"ohne\s+Votum|vertagt|zurückgezogen|Abstimmungsergebnis|Dafür:|Ja-Stimmen|\bempf(?:iehlt|ahl|ohlen)\b|"
    r"\b(?:lehnt|lehnte)\b|\babgelehnt\b|\bangenommen\b|\büberw(?:eist|ies|iesen)\b|\bverw(?:eist|ies|iesen)\b|"
    r"durchlaufen|weitergeleitet|\bleitet\b",
    re.I,
)
_UNANIMOUS = re.compile(r"(?<!nicht\s)\beinstimmig", re.I)
_MAJORITY = re.compile(r"\bmehrheitlich|\bmit\s+(?:großer\s+|knapper\s+)?Mehrheit|\bStimmenmehrheit", re.I)
_CLAUSES = re.compile(
    r"(?P<no>gegen\s+(?:die|der)\s+Stimmen?|bei\s+(?:\d+\s+)?Gegenstimmen?|mit\s+(?:\d+\s+)?Gegenstimmen?|"
    r"Gegenstimmen?\s*:)"
    r"|(?P<abstain>bei\s+(?:\d+\s+)?(?:Stimm)?[Ee]nthaltung(?:en)?|(?:Stimm)?[Ee]nthaltung(?:en)?\s*:|"
    r"bei\s+Stimmenthaltung(?:en)?|(?:Stimm)?[Ee]nthaltung(?:en)?\s+(?:der|des|von))"
    r"|(?P<yes>mit\s+(?:den|der)\s+Stimmen?|Zustimmung\s+(?:der|des|von))",
    re.I,
)
_CONNECTOR = re.compile(
    r"\s*(?:,|\bund\b|\bsowie\b|\bbzw\.|\bder\b|\bdes\b|\bdie\b|\bden\b|\bdem\b|\bvon\b|\bvom\b|\beinzelner\b|"
    r"\bRatsmitglied(?:er|s)?\b|\bMitglied(?:er|s)?\b|\bVertreter(?:innen|in)?\b|:)\s*"
)
_COUNTS = re.compile(
    r"(?:Dafür|Ja(?:-Stimmen)?)\s*:?\s*(?P<yes>\d+)[^\d]{1,30}?(?:Dagegen|Nein(?:-Stimmen)?)\s*:?\s*(?P<no>\d+)"
    r"|(?P<yes2>\d+)\s+(?:Ja(?:-Stimmen)?|Dafür)\b(?:\W{1,3}\s*(?P<no2>\d+)\s+(?:Nein(?:-Stimmen)?|Dagegen)\b)?",
    re.I,
)
_ABSTAIN_COUNT = re.compile(
    r"(?P<n>\d+)\s+(?:Stimm)?[Ee]nthaltung(?:en)?\b|(?:Stimm)?[Ee]nthaltung(?:en)?\s*:\s*(?P<n2>\d+)", re.I
)
_NO_COUNT = re.compile(r"\b(?:bei|mit)\s+(?P<n>\d+)\s+Gegenstimmen?\b|Gegenstimmen?\s*:\s*(?P<n2>\d+)", re.I)
# "Mehrheitliche Zustimmung", "Einstimmige Ablehnung", "Keine Abstimmung" (result lines of a protocol)
_RESULT_NOUN = re.compile(
    r"\b(?P<how>[Mm]ehrheitliche|[Ee]instimmige)\s+(?P<what>Zustimmung|Ablehnung|Kenntnisnahme|Verweisung|Vertagung)\b"
)
_NOUN_OUTCOME = {
    "zustimmung": "adopted",
    "ablehnung": "rejected",
    "kenntnisnahme": "noted",
    "verweisung": "referred",
    "vertagung": "postponed",
}
# What may follow a vote clause without being a voter: the object of the sentence.
_OBJECT_WORDS = re.compile(
    r"(?:Vorlage|Antr[aä]ge?|Beschlussvorschlag|Beschluss|Empfehlung|Verwaltung|Ausschuss|Rat|Mitglied|Ratsmitglied|"
    r"Stimme|Bericht|Satzung|Fassung|Punkt|Ziffer|Änderung|Ergänzung|Anregung|Stellungnahme)",
)
_NAME_RUN = re.compile(r"(?:der|des|von)\s+(?P<name>[A-ZÄÖÜ][\w+&/-]*(?:\s+[A-ZÄÖÜ][\w+&/-]*){0,3})")


@dataclass(frozen=True)
class Position:
    actor: OrgMention | PersonMention
    position: str  # yes | no | abstain
    start: int
    end: int


@dataclass(frozen=True)
class VoteReading:
    outcome: str
    unanimous: bool
    positions: tuple[Position, ...] = field(default=())
    counts: tuple[int | None, int | None, int | None] = (None, None, None)  # yes, no, abstain
    unresolved: tuple[str, ...] = ()  # names in a vote clause that are no faction of the reference


# Cheap first test: a sentence without any of these stems states no outcome.
_ANY_OUTCOME = re.compile(
    r"zurück|[Vv]ertag|verschoben|abgesetzt|[Ee]mpf|Votum|[Üü]berw|[Vv]erw|lehn|Ablehnung|Mehrheit|mehrheit|"
    r"angenommen|Kenntnis|[Bb]eschl|[Ff]asst|[Zz]ugestimmt|Zustimmung|[Bb]illig|[Bb]estätig|stimmt|[Gg]enehmigt|"
    r"Dafür|\bJa\b|Ja-Stimmen|[Ee]instimmig|folg"
)


# Speed: a first-character test in front of the patterns scanned most (the same matches).
STRONG, _UNANIMOUS, _MAJORITY, _CLAUSES, _CONNECTOR, _COUNTS, _ABSTAIN_COUNT, _NO_COUNT, _RESULT_NOUN, _ANY_OUTCOME = (
    map(
        first_char_guard,
        (
            STRONG,
            _UNANIMOUS,
            _MAJORITY,
            _CLAUSES,
            _CONNECTOR,
            _COUNTS,
            _ABSTAIN_COUNT,
            _NO_COUNT,
            _RESULT_NOUN,
            _ANY_OUTCOME,
        ),
    )
)
_OUTCOMES = tuple((outcome, first_char_guard(pattern)) for outcome, pattern in _OUTCOMES)


def outcome_of(sentence: str) -> str | None:
    if not _ANY_OUTCOME.search(sentence):
        return None
    return _first_outcome(sentence)


def _first_outcome(sentence: str) -> str | None:
    for outcome, pattern in _OUTCOMES:
        if pattern.search(sentence):
            return outcome
    return None


def read_vote(
    text: str, start: int, end: int, matcher: ReferenceMatcher, date: str | None = None
) -> VoteReading | None:
    """The vote stated in text[start:end] (one sentence), None when it states no outcome."""
    sentence = text[start:end]
    if not _ANY_OUTCOME.search(sentence):
        return None
    noun = _RESULT_NOUN.search(sentence)
    outcome = _first_outcome(sentence)  # _ANY_OUTCOME matched just above
    if noun and (outcome is None or outcome == "adopted"):
        outcome = _NOUN_OUTCOME[noun.group("what").lower()]
    counts = _COUNTS.search(sentence)
    if outcome is None and counts:
        outcome = "adopted"
    if outcome is None:
        return None
    unanimous = (bool(_UNANIMOUS.search(sentence)) or bool(noun and noun.group("how")[0] in "Ee")) and not (
        _MAJORITY.search(sentence) or (noun and noun.group("how")[0] in "Mm")
    )
    yes = no = abstain = None
    if counts:
        yes = int(counts.group("yes") or counts.group("yes2"))
        found_no = counts.group("no") or counts.group("no2")
        no = int(found_no) if found_no else None
        if outcome == "adopted" and no is not None and no > yes:
            outcome = "rejected"
        unanimous = unanimous or no == 0
    nm = _NO_COUNT.search(sentence)
    if no is None and nm:
        no = int(nm.group("n") or nm.group("n2"))
    am = _ABSTAIN_COUNT.search(sentence)
    if am:
        abstain = int(am.group("n") or am.group("n2"))
    rejected = outcome == "rejected"
    positions: list[Position] = []
    unresolved: list[str] = []
    clauses = list(_CLAUSES.finditer(text, start, end))
    for m in clauses:
        kind = m.lastgroup
        if kind == "no":
            position = "yes" if rejected else "no"
        elif kind == "yes":
            position = "no" if rejected else "yes"
        else:
            position = "abstain"
        stop = m.end()
        for actor, a_start, a_end in _actors(text, m.end(), end, matcher, date):
            positions.append(Position(actor, position, a_start, a_end))
            stop = a_end
        if stop == m.end():
            name = _unknown_voter(text, m, end)
            if name:
                unresolved.append(name)
    return VoteReading(outcome, unanimous, tuple(positions), (yes, no, abstain), tuple(unresolved))


def _unknown_voter(text: str, clause: re.Match[str], end: int) -> str | None:
    """'gegen die Stimmen der Freien Bürger': a name where a voter belongs that the reference does not know."""
    if re.search(r"\d", clause.group(0)):
        return None  # "bei 3 Gegenstimmen": a count, no voter
    rest = text[clause.end() : min(end, clause.end() + 90)]
    if re.search(r"(?:der|des|von)$", clause.group(0)):
        rest = "der" + rest  # the article was part of the clause ("Enthaltung der")
    m = _NAME_RUN.match(rest.lstrip())
    if not m:
        return None
    name = m.group("name")
    first = name.split()[0]
    if _OBJECT_WORDS.match(first) or first in ("Fraktion", "Fraktionen", "Gruppe", "Herrn", "Frau", "Rm", "Stadt"):
        return None
    return name


def _actors(text: str, pos: int, end: int, matcher: ReferenceMatcher, date: str | None):
    """Factions and persons listed from `pos` on: 'der Fraktion X, der Y-Fraktion und der Gruppe Z'."""
    factions = matcher.groups["factions"].regex
    while pos < end:
        while pos < end and text[pos].isspace():
            pos += 1
        fm = factions.match(text, pos, end)
        if fm:
            entries = matcher.resolve("factions", fm.group("core"), date)
            if len(entries) == 1:
                yield (
                    matcher.mention_of("factions", entries[0], fm.start(), fm.end(), fm.group(0)),
                    fm.start(),
                    fm.end(),
                )
            pos = fm.end()
            pos = _skip_parenthesis(text, pos, end)
            continue
        pm = MENTION_RE.match(text, pos, end)
        if pm:
            found = find_mentions(text, pm.start(), pm.end())
            if found:
                yield found[0], pm.start(), pm.end()
            pos = _skip_parenthesis(text, pm.end(), end)
            continue
        cm = _CONNECTOR.match(text, pos, end)
        if cm and cm.end() > pos:
            pos = cm.end()
            continue
        break


def _skip_parenthesis(text: str, pos: int, end: int) -> int:
    m = re.compile(r"\s*\([^()]{0,80}\)").match(text, pos, end)
    return m.end() if m else pos
