"""Minutes: a Niederschrift of one meeting, or a compilation of protocol excerpts of several.

Structure read:
- meeting headings: "<Gremium> vom DD.MM.YYYY", "Niederschrift ... über die N. Sitzung des <Gremium> am ...";
- items: "zu TOP 2.2", "TOP 4.11", "Punkt 3 der Tagesordnung", followed by title, role word
  ("Empfehlung", "Beschluss") and "(Drucksache Nr.: 07035-17)";
- in each item: cited papers (number, type, date, submitters), speakers with their faction,
  oral motions, and every decision with outcome, unanimity and faction votes.
Text in German quotation marks („...“, e.g. a cited motion) is not read for speakers or decisions;
neither are decisions of another committee that an item merely cites.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from ratsgraph.graph.ids import decision_id
from ratsgraph.graph.normalize import fold as _fold_uncached
from ratsgraph.graph.normalize import slug
from ratsgraph.loaders.text import entities
from ratsgraph.loaders.text.builder import Builder
from ratsgraph.loaders.text.dates import DATE, iso_from_match
from ratsgraph.loaders.text.organizations import OrgMention, ReferenceMatcher
from ratsgraph.loaders.text.persons import FUNCTION_RE, PersonMention, find_mentions
from ratsgraph.loaders.text.prefilter import guard_module_patterns
from ratsgraph.loaders.text.references import LABELLED_RE, Reference, find_references
from ratsgraph.loaders.text.structure import Span, flat, inside, paragraphs, quoted_mask, sentences
from ratsgraph.loaders.text.votes import STRONG, outcome_of, read_vote

fold = lru_cache(maxsize=1 << 16)(_fold_uncached)

_HEADING_RE = re.compile(
    rf"(?P<sitz>(?:(?:Niederschrift|Protokoll|NIEDERSCHRIFT|PROTOKOLL)\b.{{0,100}}?|\d{{1,3}}\.\s+|[\w/ ]{{0,40}})?"
    rf"\w*Sitzung\s+(?:des|der)\s+)?(?P<c>.{{3,200}}?)(?:\s*,?\s+(?:vom|am)\s+|[ \t]*\n[ \t]*){DATE}"
    r"(?:\s*[,(].{0,60}|\s+(?:Seite\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?)?",
    re.I | re.S,
)
_ITEM_RE = re.compile(
    r"(?:(?:zu\s+)?(?:TOP|TO-Punkt|Tagesordnungspunkt)\s*(?:-?\s*Nr\.?)?\s*:?\s*(?P<n1>\d{1,2}(?:\.\d{1,3})*[a-z]?)\.?"
    r"|Punkt\s+(?P<n2>\d{1,2}(?:\.\d{1,3})*)\.?\s+der\s+Tagesordnung"
    r"|Zu\s+(?P<n3>\d{1,2}(?:\.\d{1,3})*)\.?(?=[ \t]+[A-ZÄÖÜ]))"
    r"(?![\d.])[ \t]*(?P<rest>[^\n]*)",
)
ROLE_WORDS = {
    "empfehlung": "Empfehlung",
    "beschluss": "Beschluss",
    "kenntnisnahme": "Kenntnisnahme",
    "einbringung": "Einbringung",
    "vorberatung": "Vorberatung",
    "beratung": "Beratung",
    "anhörung": "Anhörung",
    "stellungnahme": "Stellungnahme",
    "entscheidung": "Beschluss",
}
_LIST_MARK = re.compile(r"^\s*(?:[-•*–]|\d+\.|[a-z]\))\s")
_PREPOSITION_BEFORE = re.compile(
    r"(?:\b(?:von|an|mit|für|bei|durch|gegenüber|zu|nach|über|laut|seitens|dass|ob)\s+|\bNachfrage\s+(?:von\s+)?)$",
    re.I,
)
_SUBJECT_ARTICLE = re.compile(r"(?:^|[\s(„])(?:Der|der|Die|die|Das|das)\s+$")
_GENERIC_SUBJECT = re.compile(
    r"(?:^|[\s,])(?:Der|der)\s+(?:Ausschuss|Rat|Beirat|Hauptausschuss|Integrationsrat)\b(?!\s+(?:für|der|des))"
    r"|(?:^|[\s,])(?:Die|die)\s+Bezirksvertretung\b(?!\s+[A-ZÄÖÜ])|(?:^|[\s,])(?:Das|das)\s+Gremium\b"
)
_PASSIVE = re.compile(
    r"\b(?:wird|wurde|werden|wurden)\b|^(?:[-•*\s]*)(?:Beschluss|Abstimmungsergebnis|Ergebnis|Einstimmig|Mehrheitlich)",
    re.I,
)
_INTRO = re.compile(r"\bfolgende\s+Beschlüsse\b", re.I)
_ORAL_OBJECT = re.compile(
    r"(?:mündlich(?:e|en|er)?\s+(?:gestellten?\s+)?)?Antrag(?:es|s)?\s+(?:von|des|der)\s+(?=(?:Herrn?|Frau|Rm|RM|StR|Ratsmitglied|Ratsherrn?|Ratsfrau|sB)\b)"
)
_ORAL_SPEECH = re.compile(r"\bmündlich", re.I)
_ORAL_VERB = re.compile(r"\bbeantragt|\bstellt(?:e)?\b[^.]{0,80}\bAntrag|\bAntrag\s+stellt", re.I)
_RECOMMENDATION_OBJECT = re.compile(
    r"\bEmpfehlung\s+(?:aus\s+der\s+(?:\w+\s+)?Sitzung\s+)?(?:des|der)\s+(?:\w+\s+)?"
    r"(?:[\wäöü]*[Aa]usschuss(?:es)?|Bezirksvertretung|[\wäöü]*[Bb]eirat(?:es|s)?|Rat(?:es|s)?|Integrationsrat(?:es|s)?)\b"
)
_PROPOSAL_OBJECT = re.compile(
    r"\b(?:die|der|den)\s+(?:o\.\s?[ag]\.\s+)?(?:Vorlage|Beschlussvorlage|Verwaltungsvorlage)\b"
)
_PUBLIC = re.compile(r"\(\s*(?P<n>nicht\s*)?öffentlich\s*\)|\b(?P<n2>nicht\s*)?öffentliche[rn]?\s+Sitzung", re.I)
_VOM_DATE = re.compile(rf"\)?\s*(?:vom|v\.)\s+{DATE}", re.I)
_REPORTED = re.compile(r"\b(?:werde|sei|seien|habe|könne|müsse|solle|bitte|bat|möchte|wolle|zu\s+lassen)\b")
_VOTE_MARK = re.compile(
    r"einstimmig|mehrheitlich|mit\s+Mehrheit|Stimmen|Stimmenthaltung|Enthaltung|Gegenstimme|Abstimmungsergebnis|"
    r"Dafür:|Ja-Stimmen",
    re.I,
)
_MINUTES_WORD = re.compile(r"[ \t]*(?:Niederschrift|Protokoll|NIEDERSCHRIFT|PROTOKOLL)\b")
_REFERRAL_TO = re.compile(
    r"\b(?:in|an)\s+(?:den|die|das)\s+|\bzur\s+(?:weiteren\s+)?Beratung\s+(?:in|an)\s+(?:den|die|das)\s+"
)
# Speed: a first-character test in front of the patterns scanned most (the same matches).
guard_module_patterns(
    globals(),
    "_ITEM_RE",
    "_PREPOSITION_BEFORE",
    "_GENERIC_SUBJECT",
    "_INTRO",
    "_ORAL_OBJECT",
    "_ORAL_SPEECH",
    "_ORAL_VERB",
    "_RECOMMENDATION_OBJECT",
    "_PROPOSAL_OBJECT",
    "_PUBLIC",
    "_VOM_DATE",
    "_REPORTED",
    "_VOTE_MARK",
    "_REFERRAL_TO",
)


_REFERRAL_DATE = re.compile(rf"[^.;]{{0,40}}?\b(?:am|vom)\s+{DATE}", re.I)
_PAREN = re.compile(r"[ \t]*\((?P<inner>[^()\n]{1,80})\)")


@dataclass
class _Item:
    id: str
    meeting: str
    committee_key: str | None
    date: str
    start: int
    end: int
    papers: list[str] = field(default_factory=list)
    oral: dict[str, str] = field(default_factory=dict)
    decisions: int = 0


@dataclass
class _Block:
    decision: str | None  # None: the content of another committee's decision
    parts: list[str] = field(default_factory=list)


@dataclass
class _Meeting:
    id: str
    committee: OrgMention | None
    date: str
    start: int
    key: tuple[str, str]


class ProtocolParser:
    def __init__(self, b: Builder, matcher: ReferenceMatcher):
        self.b = b
        self.m = matcher
        self.text = b.clean.text
        self.oral_count = 0
        # Scanned once for the whole text; sentences pick theirs by position.
        self._labelled = find_references(self.text, labelled=True)
        self._labelled_starts = [r.start for r in self._labelled]
        self._mentions = find_mentions(self.text)
        self._mention_starts = [p.start for p in self._mentions]

    def _labelled_in(self, start: int, end: int) -> list[Reference]:
        i, j = bisect_left(self._labelled_starts, start), bisect_left(self._labelled_starts, end)
        return [r for r in self._labelled[i:j] if r.end <= end]

    def _mentions_in(self, start: int, end: int) -> list[PersonMention]:
        i, j = bisect_left(self._mention_starts, start), bisect_left(self._mention_starts, end)
        return [p for p in self._mentions[i:j] if p.end <= end]

    # --- structure -------------------------------------------------------------------------

    def parse(self) -> None:
        text = self.text
        paras = paragraphs(text)
        marks: list[tuple[int, str, object]] = []  # (position, kind, data)
        for p in paras:
            for line in self._candidate_lines(p):
                heading = self._heading(line)
                if heading is None and _MINUTES_WORD.match(text, line.start):
                    # "Niederschrift 5. Plenarsitzung des Gemeinderates" / "17. Dezember 2024, 15:30 Uhr"
                    nl = text.find("\n", line.end + 1, p.end)
                    heading = self._heading(Span(line.start, nl if nl != -1 else p.end))
                if heading:
                    marks.append((line.start, "meeting", heading))
                    break
                im = _ITEM_RE.match(text, line.start, line.end)
                if im:
                    marks.append((line.start, "item", im))
                    break
        marks.sort(key=lambda x: x[0])
        current: _Meeting | None = None
        for i, (pos, kind, data) in enumerate(marks):
            nxt = marks[i + 1][0] if i + 1 < len(marks) else len(text)
            if kind == "meeting":
                if current is not None and (data[1], data[2]) == current.key:
                    continue  # the same heading again (a page header)
                current = self._meeting(data)
                self._attendance(current, data[3][1], nxt)
            elif current is None:
                self.b.problem("no_meeting", f"agenda item at offset {pos} without a meeting heading")
            else:
                self._item(current, data, nxt)

    def _candidate_lines(self, p: Span) -> list[Span]:
        """A short paragraph as a whole (headings wrap), else each of its lines."""
        block = self.text[p.start : p.end]
        if block.count("\n") <= 2 and len(block) < 260:
            return [p]
        out = []
        pos = p.start
        for line in block.split("\n"):
            out.append(Span(pos, pos + len(line)))
            pos += len(line) + 1
        return out

    def _heading(self, line: Span) -> tuple | None:
        raw = self.text[line.start : line.end]
        if _LIST_MARK.match(raw) or len(raw) > 260:
            return None
        m = _HEADING_RE.fullmatch(raw.strip())
        if not m:
            return None
        offset = line.start + (len(raw) - len(raw.lstrip()))
        date = iso_from_match(m)
        if not date:
            return None
        name = flat(m.group("c")).strip(" ,*")
        entry = self.m.whole("committees", name, date)
        has_sitzung = bool(m.group("sitz"))
        if entry is None and not has_sitzung and not _COMMITTEE_WORD.match(name):
            return None
        public = None
        pm = _PUBLIC.search(raw)
        if pm:
            public = not (pm.group("n") or pm.group("n2"))
        c_start = offset + m.start("c")
        mention = self.m.mention_of("committees", entry, c_start, offset + m.end("c"), m.group("c")) if entry else None
        if entry is None:
            mention = _unlisted_committee(name, c_start, offset + m.end("c"), m.group("c"))
            self.b.problem(
                "unresolved_organization",
                f"committee {name!r} is not in the council reference"
                + ("; kept as a committee of its own name" if mention else ""),
            )
        return mention, name, date, (offset, offset + len(raw.strip())), public

    def _meeting(self, heading: tuple) -> _Meeting:
        mention, name, date, span, public = heading
        mid = entities.meeting(self.b, mention, name, date, span, public)
        return _Meeting(mid, mention, date, span[0], (name, date))

    def _attendance(self, meeting: _Meeting, start: int, end: int) -> None:
        """Attendance lines before the first item: 'Rm Ute Pieper (SPD)' -> person, member of the faction.

        Table cells turned to text put the faction on the next line: 'Rm Ute Pieper' / '(SPD)' or 'SPD'."""
        lines = self._header_lines(start, end, limit=400)
        for i, line in enumerate(lines):
            if line.end - line.start > 140:
                continue
            found = self._mentions_in(line.start, line.end)
            if not found or found[0].start != line.start:
                continue
            handle = self.b.person(found[0])
            if self._parenthesis(found[0], meeting.date, handle) or i + 1 >= len(lines):
                continue
            nxt = lines[i + 1]
            cell = self.text[nxt.start : nxt.end].strip()
            inner = cell[1:-1] if cell.startswith("(") and cell.endswith(")") else cell
            entry = self.m.whole("factions", inner, meeting.date) if len(inner) < 60 else None
            if entry:
                off = nxt.start + self.text[nxt.start : nxt.end].find(inner)
                mention = self.m.mention_of("factions", entry, off, off + len(inner), inner)
                self.b.edge("MEMBER_OF", handle, self.b.org(mention), (found[0].start, nxt.end))

    # --- items -------------------------------------------------------------------------------

    def _item(self, meeting: _Meeting, im: re.Match[str], end: int) -> None:
        text = self.text
        number = im.group("n1") or im.group("n2") or im.group("n3")
        title = flat(im.group("rest")).strip(" :-") or None
        if title and (len(title) > 200 or title.endswith(".")):
            title = None
        role = None
        refs: list[Reference] = []
        header_end = im.end()
        title_lines: list[str] = []
        types: list[str] = []
        type_lines: list[Span] = []
        for line in self._header_lines(im.end(), end):
            ltext = flat(text[line.start : line.end])
            key = ltext.lower().strip(" :")
            if key in ROLE_WORDS:
                role = ROLE_WORDS[key]
            elif LABELLED_RE.search(ltext) and len(ltext) < 120:
                refs.extend(find_references(text, line.start, line.end, labelled=True))
            elif entities.PAPER_TYPE_RE.match(ltext) and len(ltext) < 160:
                types.append(ltext)
                type_lines.append(line)
            elif (
                (title is None or title_lines)
                and not refs
                and not role
                and len(ltext) < 200
                and not (ltext.endswith(".") or find_mentions(ltext))
            ):
                title_lines.append(ltext)
            else:
                break
            header_end = line.end
        if title_lines:
            title = " ".join(title_lines)
        body_paras = paragraphs(text, header_end, end)
        used = 0
        iid = entities.agenda_item(self.b, meeting.id, number, title, (im.start(), im.end()))
        item = _Item(
            iid, meeting.id, meeting.committee.key if meeting.committee else None, meeting.date, header_end, end
        )
        kind = self._kind_from_header(" ".join(types))
        for ref in refs:
            pid = entities.paper(self.b, ref, (ref.start, ref.end), title=title, kind=kind if not ref.suffix else None)
            item.papers.append(pid)
            self.b.edge("CONSULTED_AT", pid, iid, (ref.start, ref.end), role=role, status="held")
            for line in type_lines:  # "Antrag zur Tagesordnung (Fraktion Die Linke+)"
                for f in self.m.find("factions", text, line.start, line.end, meeting.date)[0]:
                    self.b.edge("SUBMITTED", self.b.org(f), pid, (f.start, f.end))
        self._body(meeting, item, body_paras[used:])

    def _header_lines(self, start: int, end: int, limit: int = 8) -> list[Span]:
        """The first lines after an item heading (title, role word, Drucksache), blank lines skipped."""
        out: list[Span] = []
        pos = start
        while pos < end and len(out) < limit:
            nl = self.text.find("\n", pos, end)
            line_end = end if nl == -1 else nl
            if self.text[pos:line_end].strip():
                s = pos + len(self.text[pos:line_end]) - len(self.text[pos:line_end].lstrip())
                out.append(Span(s, line_end - (len(self.text[pos:line_end]) - len(self.text[pos:line_end].rstrip()))))
            pos = line_end + 1
        return out

    @staticmethod
    def _kind_from_header(header: str) -> str:
        m = entities.PAPER_TYPE_RE.search(header)
        if m and entities.kind_of_type_match(m) not in ("minutes", "answer"):
            return entities.kind_of_type_match(m)
        return "administration_proposal"

    def _body(self, meeting: _Meeting, item: _Item, paras: list[Span]) -> None:
        """Speakers, cited papers and decisions of one item.

        A decision ending in ':' ("... folgenden Beschluss zu fassen:") opens a block: what follows
        is its content, not further decisions, until a sentence that states a vote or a speaker.
        """
        text = self.text
        quotes = quoted_mask(text, item.start, item.end)
        block: _Block | None = None
        for p in paras:
            for s in sentences(text, p.start, p.end):
                if inside(quotes, s.start):
                    continue
                sentence = text[s.start : s.end]
                self._cited_papers(item, s)
                speakers = self._speakers(meeting, item, s)
                if "Beschlüsse" in sentence and _INTRO.search(sentence):
                    block = self._close(block)
                    continue
                vote = read_vote(text, s.start, s.end, self.m, meeting.date)
                strong = vote is not None and bool(STRONG.search(sentence))
                if block is not None:
                    if not speakers and not (vote and strong):
                        block.parts.append(sentence)
                        continue
                    block = self._close(block)
                if vote is None or (item.decisions and outcome_of(sentence) is None):
                    continue  # a bare count line repeats the result just read
                has_subject, foreign = self._subject(sentence, meeting)
                if speakers and not has_subject:
                    continue
                if not has_subject and (
                    _REPORTED.search(sentence) or not (_PASSIVE.search(sentence) or _VOTE_MARK.search(sentence))
                ):
                    continue
                opens = sentence.rstrip().endswith(":")
                if foreign:
                    block = _Block(None) if opens else None
                    continue
                did = self._decision(meeting, item, s, vote)
                if opens:
                    block = _Block(did)
        self._close(block)

    def _close(self, block: _Block | None) -> None:
        if block is not None and block.decision and block.parts:
            vote_text = self.b.props_of(block.decision)["vote_text"]
            self.b.update(block.decision, text=flat(" ".join([vote_text, *block.parts])))
        return None

    def _subject(self, sentence: str, meeting: _Meeting) -> tuple[bool, bool]:
        """(has a committee subject, that subject is another committee than the meeting's).

        The subject is the first one named: in "Der Ausschuss beschließt ... in der Fassung der
        Empfehlung der Bezirksvertretung X" the district council is not the one deciding."""
        generic = _GENERIC_SUBJECT.search(sentence)
        found, _ = self.m.find("committees", sentence, date=meeting.date)
        for c in found:
            if generic and generic.start() < c.start:
                break
            if _SUBJECT_ARTICLE.search(sentence[: c.start]) or c.start == 0:
                if meeting.committee is None:
                    return True, False
                return True, c.key != meeting.committee.key
        if generic:
            return True, False
        return False, False

    # --- facts inside an item ----------------------------------------------------------------

    def _speakers(self, meeting: _Meeting, item: _Item, s: Span) -> list[PersonMention]:
        """Persons speaking in sentence `s` (the subject, not "von Rm X" or "Herrn X"), with their faction."""
        text = self.text
        out: list[tuple[PersonMention, str]] = []
        for pm in self._mentions_in(s.start, s.end):
            handle = self.b.person(pm)
            faction = self._parenthesis(pm, meeting.date, handle)
            before = text[max(s.start, pm.start - 30) : pm.start]
            if pm.nominative and not _PREPOSITION_BEFORE.search(before):
                self.b.edge(
                    "SPOKE_ON", handle, item.id, (pm.start, pm.end), on_behalf_of=faction.name if faction else None
                )
                out.append((pm, handle))
        if out and _ORAL_SPEECH.search(text, s.start, s.end) and _ORAL_VERB.search(text, s.start, s.end):
            self._oral_motion(item, out[0][0], out[0][1], s)
        return [pm for pm, _ in out]

    def _parenthesis(self, pm: PersonMention, date: str, handle: str) -> OrgMention | None:
        m = _PAREN.match(self.text, pm.end)
        if not m:
            return None
        inner = m.group("inner").strip()
        entry = self.m.whole("factions", inner, date)
        if entry:
            mention = self.m.mention_of("factions", entry, m.start("inner"), m.end("inner"), inner)
            fid = self.b.org(mention)
            self.b.edge("MEMBER_OF", handle, fid, (pm.start, m.end()))
            return mention
        words = {fold(r) for r in self.b.council.person_roles}
        if fold(inner) in words or FUNCTION_RE.fullmatch(inner) or re.fullmatch(r"[\d\s.,:/-]+", inner):
            return None
        self.b.problem(
            "unresolved_organization",
            f"{inner!r} after {pm.surface!r} is no faction of the council reference (nor a known role)",
        )
        return None

    def _oral_motion(self, item: _Item, pm: PersonMention, handle: str | None, s: Span) -> str:
        key = fold(pm.family_name)
        if key in item.oral:
            return item.oral[key]
        handle = handle or self.b.person(pm)
        self.oral_count += 1
        pid = entities.unnumbered_paper(
            self.b,
            "oral_motion",
            self.oral_count,
            (s.start, s.end),
            name=f"Mündlicher Antrag von {pm.surface}",
            paper_type="mündlicher Antrag",
            date=item.date,
            text=flat(self.text[s.start : s.end]),
        )
        self.b.edge("SUBMITTED", handle, pid, (pm.start, pm.end))
        self.b.edge("CONSULTED_AT", pid, item.id, (s.start, s.end), status="held")
        item.oral[key] = pid
        return pid

    def _cited_papers(self, item: _Item, s: Span) -> None:
        """'Zusatz-/Ergänzungsantrag der Fraktionen SPD und CDU (Drucksache Nr.: 07035-17-E1) vom 23.05.2017'."""
        text = self.text
        for ref in self._labelled_in(s.start, s.end):
            window_start = max(s.start, ref.start - 220)
            types = list(entities.PAPER_TYPE_RE.finditer(text, window_start, ref.start))
            props: dict = {}
            sub_from = window_start
            if types:
                t = types[-1]
                props["paper_type"] = entities.normalise_type(t.group(0))
                props["kind"] = entities.kind_of_type_match(t)
                sub_from = t.end()
            dm = _VOM_DATE.match(text, _after_paren(text, ref.end))
            if dm:
                props["date"] = iso_from_match(dm)
            pid = entities.paper(self.b, ref, (ref.start, ref.end), **props)
            if pid not in item.papers:
                self.b.edge("CONSULTED_AT", pid, item.id, (ref.start, ref.end), status="held")
            if types:
                factions, _ = self.m.find("factions", text, sub_from, ref.start, item.date)
                for f in factions:
                    self.b.edge("SUBMITTED", self.b.org(f), pid, (f.start, f.end))

    def _decision(self, meeting: _Meeting, item: _Item, s: Span, vote) -> str:
        text = self.text
        sentence = text[s.start : s.end]
        item.decisions += 1
        did = decision_id(item.id, item.decisions)
        vote_text = flat(sentence)
        self.b.node(
            "Decision",
            did,
            {
                "name": f"{vote.outcome} ({meeting.date}, {item.id.rsplit('/', 1)[-1]}, {item.decisions})",
                "outcome": vote.outcome,
                "unanimous": vote.unanimous,
                "order": item.decisions,
                "text": vote_text,
                "vote_text": vote_text,
                "yes_count": vote.counts[0],
                "no_count": vote.counts[1],
                "abstain_count": vote.counts[2],
            },
            (s.start, s.end),
        )
        for name in vote.unresolved:
            self.b.problem("unresolved_organization", f"{name!r} in a vote is no faction of the council reference")
        self.b.edge("HAS_DECISION", item.id, did, (s.start, s.end))
        target = self._decision_object(item, s)
        if target:
            self.b.edge("ON", did, target, (s.start, s.end))
            if vote.outcome == "referred":
                self._referral(meeting, item, s, target)
        for pos in vote.positions:
            if isinstance(pos.actor, OrgMention):
                actor = self.b.org(pos.actor)
            else:
                actor = self.b.person(pos.actor)
            self.b.edge("VOTED", actor, did, (pos.start, pos.end), position=pos.position)
        return did

    def _referral(self, meeting: _Meeting, item: _Item, s: Span, paper: str) -> None:
        """'überweist die Vorlage in den Ausschuss für ... am 13.06.2017': a planned consultation there."""
        text = self.text
        for m in _REFERRAL_TO.finditer(text, s.start, s.end):
            found, _ = self.m.find("committees", text, m.end(), s.end, meeting.date)
            if not found or found[0].start != m.end():
                continue
            c = found[0]
            if meeting.committee and c.key == meeting.committee.key:
                continue
            dm = _REFERRAL_DATE.match(text, c.end, s.end)
            date = iso_from_match(dm) if dm else None
            if not date:
                return
            span = (m.start(), dm.end())
            mid = entities.meeting(self.b, c, c.name, date, span)
            title = self.b.props_of(item.id).get("title")
            iid = entities.agenda_item(self.b, mid, None, title, span)
            self.b.edge("CONSULTED_AT", paper, iid, span, status="planned" if date > meeting.date else "held")
            return

    def _decision_object(self, item: _Item, s: Span) -> str | None:
        text = self.text
        refs = self._labelled_in(s.start, s.end) or find_references(text, s.start, s.end)
        if refs:
            return entities.paper(self.b, refs[0], (refs[0].start, refs[0].end))
        om = _ORAL_OBJECT.search(text, s.start, s.end)
        if om:
            found = find_mentions(text, om.end(), s.end)
            if found:
                return self._oral_motion(item, found[0], None, s)
        if _RECOMMENDATION_OBJECT.search(text, s.start, s.end) and not _PROPOSAL_OBJECT.search(text, s.start, s.end):
            return None
        return item.papers[0] if item.papers else None


def _after_paren(text: str, pos: int) -> int:
    m = re.compile(r"[^()\n]{0,3}\)").match(text, pos)
    return m.end() if m else pos


def parse_protocol(b: Builder, matcher: ReferenceMatcher) -> None:
    ProtocolParser(b, matcher).parse()


# A body that holds meetings though the reference data lacks it (a new or renamed committee):
# recognised by its own name, kept under that name, and reported.
_COMMITTEE_WORD = re.compile(
    r"^(?:(?:Betriebs|Haupt|Fach|Unter)?[Aa]usschuss(?:es)?\b|\w*ausschuss(?:es)?$|\w*ausschuss(?:es)?\s|"
    r"Bezirksvertretung\b|\w*[Bb]eirat(?:s|es)?\b|Kommission\b|Integrationsrat\b)"
)


def _unlisted_committee(name: str, start: int, end: int, surface: str) -> OrgMention | None:
    if not _COMMITTEE_WORD.match(name) or len(name) > 160:
        return None
    canonical = re.sub(r"^(\w*[Aa]usschuss)es\b", r"\1", name)
    canonical = re.sub(r"^(\w*[Bb]eirat)(?:e?s)\b", r"\1", canonical)
    if canonical.startswith("Bezirksvertretung"):
        classification = "Bezirksvertretung"
    elif "eirat" in canonical:
        classification = "Beirat"
    else:
        classification = "Ausschuss"
    return OrgMention(
        label="Committee",
        key=f"x-{slug(canonical)}",
        name=canonical,
        start=start,
        end=end,
        surface=flat(surface),
        classification=classification,
    )
