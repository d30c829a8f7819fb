"""Papers: motions, amendments, inquiries, answers, agenda proposals and proposals of the administration.

Read from the document head: kind, Drucksache number, date, title (Tagesordnungspunkt), addressee,
the consultation table (Gremium / Termin / Zuständigkeit / TOP-Nr.); from the body: submitters,
further planned consultations, papers cited, persons and organisations mentioned; from the end:
the signatures, grouped under faction headings where the document groups them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ratsgraph.loaders.text import entities
from ratsgraph.loaders.text.builder import Builder
from ratsgraph.loaders.text.dates import DATE, DATE_RE, find_dates, iso_from_match
from ratsgraph.loaders.text.organizations import (
    OrgMention,
    ReferenceMatcher,
    find_external,
    find_unknown_factions,
)
from ratsgraph.loaders.text.persons import (
    FUNCTION_RE,
    PersonMention,
    find_full_names,
    find_mentions,
    parse_full_name,
)
from ratsgraph.loaders.text.prefilter import guard_module_patterns
from ratsgraph.loaders.text.references import Reference, find_references
from ratsgraph.loaders.text.structure import flat, paragraphs, sentences

_SALUTATION = re.compile(r"Sehr\s+geehrte[rn]?\b[^\n,]{0,80},?|Liebe[rn]?\s+[^\n,]{0,60},", re.I)
_GREETING = re.compile(r"Mit\s+freundlichen\s+Grüßen|Mit\s+besten\s+Grüßen|Freundliche\s+Grüße|Hochachtungsvoll", re.I)
_TITLE_HEAD = re.compile(r"^[ \t]*(?:Tagesordnungspunkt|Betreff|Titel)\b[ \t]*:?[ \t]*(?P<rest>[^\n]*)$", re.M)
_TITLE_STOP = re.compile(r"^\s*(?:Stellungnahme|Beantwortung|Antwort|Drucksache|Beschlussvorschlag|Begründung|Sehr)\b")
_DATE_LINE = re.compile(rf"^[ \t]*(?:Datum[ \t]*:?[ \t]*)?{DATE}[ \t]*$", re.M | re.I)
_DATE_PLACE = re.compile(rf"\bDortmund,\s*(?:den\s+)?{DATE}", re.I)
_TOP_NR = re.compile(r"TOP\s*-?\s*Nr\.?\s*:?[ \t]*(?P<num>\d{1,2}(?:\.\d{1,3})*)?", re.I)
_NUMBER_TOKEN = re.compile(r"(?<![\w.])\d{1,2}(?:\.\d{1,3})+(?![\w.])")
_GREMIUM_HEAD = re.compile(r"^[ \t]*Gremium\b[^\n]*$", re.M)
_ROLE_WORD = re.compile(
    r"\b(Kenntnisnahme|Beschluss(?:fassung)?|Empfehlung|Einbringung|Vorberatung|Beratung|Anhörung)\b"
)
_STATUS = re.compile(r"\b(nicht\s*öffentlich|nichtöffentlich|öffentlich)\b", re.I)
_SITZUNGSART = re.compile(
    r"Sitzungsart\s*:?[^\n]*\n?[^\n]*?\b(?P<v>nicht\s*öffentlich|nichtöffentlich|öffentlich)", re.I
)
_ADDRESSED = re.compile(
    r"\bAn\s+(?:den|die|das)\s+(?:(?:Herrn?|Frau)\s+)?(?:(?:stellv\.\s+)?Vorsitzenden?|Vorsitzende|"
    r"Oberbürgermeister(?:in)?|Bezirksbürgermeister(?:in)?)?\s*(?:des|der)?\s*",
    re.I,
)
_PLANNED_VERB = re.compile(
    r"\b(?:beraten|behandelt|vorgelegt|eingebracht|beschlossen|zur\s+Beratung|zur\s+Entscheidung)\b"
)
_SESSION = re.compile(r"\b(?:zur|für\s+die|in\s+der)\s+(?:[a-zäöüß]+\s+){0,2}Sitzung\s+(?:des|der)\s+", re.I)
_AT_DATE = re.compile(rf"(?:\s*\([^()]{{1,20}}\))?\s*(?:am|vom)\s+{DATE}", re.I)
_ANSWER_OBJECT = re.compile(r"\b(?:Anfrage|Antrag|Bitte|Vorschlag|Frage|Zusatz-/Ergänzungsantrag)\b", re.I)
# "zum Antrag der SPD-Fraktion (Drucksache Nr.: ...)": the number of another paper, not the own one.
_CITED_OBJECT = re.compile(
    r"\b(?:zu[mr]?|auf\s+(?:den|die)|betr(?:\.|ifft|effend)?|bezüglich|siehe)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:Anfrage|Antrag|Bitte|Vorschlag|Frage|Vorlage|Zusatz-/Ergänzungsantrag)\b[^\n]*$",
    re.I,
)
_HEAD_SUBMITTER = re.compile(
    r"^[ \t]*(?:Antrag|Anfrage|Antragsteller(?:\*?in(?:nen)?)?|Fragesteller(?:\*?in(?:nen)?)?|Eingereicht\s+von|"
    r"Einreicher(?:\*?in)?)[ \t]*:[ \t]*(?P<v>[^\n]{1,200})$",
    re.M,
)
_SUBMIT_VERB = re.compile(
    r"\b(?:bittet|bitten|stellt|stellen|beantragt|beantragen|fragt|fragen|richtet|richten|reicht|reichen|"
    r"bringt|bringen|legt|legen|schlägt|schlagen|möchte|möchten)\b"
)
_FIELD = re.compile(
    r"^[ \t]*(?P<label>Fachbereich(?:/e)?|Dezernat|Amt|Verantwortlich|Dezernent\*?(?:in)?[^\n:]{0,40}|"
    r"Berichterstatter(?:\*?in)?|Federführung)[ \t]*:[ \t]*(?P<value>[^\n]+)$",
    re.M,
)
_SIGN_ROLE = re.compile(r"(?<![\w.])(?P<role>gez\.|f\.\s?d\.\s?R\.|i\.\s?A\.|i\.\s?V\.)[ \t]*:?", re.I)
# Speed: a first-character test in front of the patterns scanned most (the same matches).
guard_module_patterns(
    globals(),
    "_SALUTATION",
    "_GREETING",
    "_DATE_PLACE",
    "_NUMBER_TOKEN",
    "_ROLE_WORD",
    "_STATUS",
    "_ADDRESSED",
    "_PLANNED_VERB",
    "_SESSION",
    "_AT_DATE",
    "_ANSWER_OBJECT",
    "_CITED_OBJECT",
    "_SUBMIT_VERB",
    "_SIGN_ROLE",
)


_UNIT_CLASS = (
    ("Fachbereich", "Fachbereich"),
    ("Dezernat", "Dezernat"),
    ("Eigenbetrieb", "Eigenbetrieb"),
    ("Stab", "Stab"),
    ("Amt", "Amt"),
    ("amt", "Amt"),
)


@dataclass
class _Head:
    end: int  # end of the head region (cleaned offsets)
    kind: str
    paper_type: str | None
    type_span: tuple[int, int] | None


class PaperParser:
    def __init__(self, b: Builder, matcher: ReferenceMatcher):
        self.b = b
        self.m = matcher
        self.text = b.clean.text

    def parse(self, kind: str, paper_type: str | None, type_span: tuple[int, int] | None) -> str:
        text = self.text
        sal = _SALUTATION.search(text)
        head_end = sal.start() if sal else min(len(text), 2500)
        greet = None
        for m in _GREETING.finditer(text):
            greet = m
        sign_start = greet.start() if greet else self._trailing_signature_start()
        date = self._date(head_end)
        own, answered = self._references(kind, head_end)
        title, title_span = self._title(head_end)
        props = {
            "name": title or (own.reference if own else paper_type) or "Paper",
            "title": title,
            "paper_type": paper_type,
            "kind": kind if not (own and own.is_amendment and kind == "motion") else "amendment",
            "date": date,
            "text": flat(text),
        }
        span = (own.start, own.end) if own else type_span or title_span or (0, min(len(text), 40))
        if own:
            pid = entities.paper(self.b, own, span, **props)
            self.b.update(pid, kind=props["kind"])
        else:
            pid = entities.unnumbered_paper(
                self.b, props["kind"], 0, span, **{k: v for k, v in props.items() if k != "kind"}
            )
        for ref in answered:
            target = entities.paper(self.b, ref, (ref.start, ref.end))
            self.b.edge("ANSWERS", pid, target, (ref.start, ref.end))
        self._addressed(pid, head_end, date)
        self._consultations(pid, head_end, date, title)
        self._planned(pid, head_end, sign_start, date, title)
        self._session(pid, head_end, date, title)
        submitters = self._submitters(pid, head_end, sal, type_span, date, props["kind"])
        self._fields(pid, head_end, date)
        self._signatures(pid, sign_start, submitters, date)
        self._mentions(pid, title_span[0] if title_span else head_end, sign_start, date, skip={own, *answered})
        return pid

    # --- head ------------------------------------------------------------------------------------

    def _date(self, head_end: int) -> str | None:
        m = _DATE_LINE.search(self.text, 0, head_end) or _DATE_PLACE.search(self.text, 0, len(self.text))
        return iso_from_match(m) if m else None

    def _references(self, kind: str, head_end: int) -> tuple[Reference | None, list[Reference]]:
        """The paper's own number, and (for answers) the numbers of the papers it answers."""
        own = None
        answered: list[Reference] = []
        region_end = self._title_block_end(head_end)
        for ref in find_references(self.text, 0, region_end, labelled=True):
            line_start = self.text.rfind("\n\n", 0, ref.start) + 1
            context = self.text[max(line_start, ref.start - 200) : ref.start]
            if kind == "answer" and _ANSWER_OBJECT.search(context):
                answered.append(ref)
            elif own is None and not _CITED_OBJECT.search(context[-80:]):
                own = ref
        return own, answered

    def _title_block_end(self, head_end: int) -> int:
        m = _TITLE_HEAD.search(self.text, 0, head_end + 1)
        if not m:
            return head_end
        nxt = self.text.find("\n\n", m.end() + 2)
        return max(head_end, nxt if nxt != -1 else len(self.text))

    def _title(self, head_end: int) -> tuple[str | None, tuple[int, int] | None]:
        text = self.text
        m = _TITLE_HEAD.search(text, 0, max(head_end, 1) + 200)
        if not m:
            return None, None
        if m.group("rest").strip(" *:"):
            return flat(m.group("rest")).strip(" *:"), (m.start("rest"), m.end("rest"))
        paras = paragraphs(text, m.end(), min(len(text), m.end() + 1500))
        if not paras:
            return None, None
        p = paras[0]
        lines = []
        pos = p.start
        end = p.start
        for line in text[p.start : p.end].split("\n"):
            if _TITLE_STOP.match(line):
                break
            lines.append(line)
            end = pos + len(line)
            pos += len(line) + 1
        title = flat(" ".join(lines)).strip(" *:")
        return (title or None), ((p.start, end) if title else None)

    def _addressed(self, pid: str, head_end: int, date: str | None) -> None:
        for m in _ADDRESSED.finditer(self.text, 0, head_end):
            found, _ = self.m.find("committees", self.text, m.end(), min(len(self.text), m.end() + 200), date)
            if found and found[0].start == m.end():
                self.b.edge("ADDRESSED_TO", pid, self.b.org(found[0]), (m.start(), found[0].end))
                return

    def _consultations(self, pid: str, head_end: int, doc_date: str | None, title: str | None) -> None:
        """Rows of the table under 'Gremium ... Termin': committee, date, role, status; TOP-Nr. if given."""
        text = self.text
        top = _TOP_NR.search(text, 0, head_end)
        number = None
        if top:
            number = top.group("num")
            if not number:
                nxt = text.find("\n", top.end())
                line_end = text.find("\n", nxt + 1) if nxt != -1 else -1
                if nxt != -1:
                    tokens = _NUMBER_TOKEN.findall(text, nxt, line_end if line_end != -1 else len(text))
                    number = tokens[-1] if tokens else None
        art = _SITZUNGSART.search(text, 0, head_end)
        public = None if not art else not art.group("v").lower().startswith("nicht")
        rows = 0
        for head in _GREMIUM_HEAD.finditer(text, 0, head_end):
            pos = head.end() + 1
            while pos < head_end:
                line_end = text.find("\n", pos)
                line_end = head_end if line_end == -1 or line_end > head_end else line_end
                line = text[pos:line_end]
                if not line.strip():
                    break
                if self._table_row(pid, pos, line, doc_date, title, number if rows == 0 else None, public):
                    rows += 1
                elif not any(True for _ in find_dates(line)):
                    # PDF text layers wrap a long committee name: the row's date is on the next line.
                    nxt_end = text.find("\n", line_end + 1)
                    nxt_end = head_end if nxt_end == -1 or nxt_end > head_end else nxt_end
                    two = text[pos:nxt_end]
                    if line_end < head_end and text[line_end + 1 : nxt_end].strip():
                        if self._table_row(pid, pos, two, doc_date, title, number if rows == 0 else None, public):
                            rows += 1
                            line_end = nxt_end
                pos = line_end + 1

    def _table_row(self, pid, pos, line, doc_date, title, number, public) -> bool:
        dates = list(find_dates(line))
        if not dates:
            return False
        date = dates[-1].iso
        # Committee names in PDF tables come with stray numbers ("Europa, 16.1 Wissenschaft"): drop them.
        probe = _NUMBER_TOKEN.sub(lambda x: " " * len(x.group(0)), line)
        probe = DATE_RE.sub(lambda x: " " * len(x.group(0)), probe)
        squeezed, back = _squeeze(probe)
        found, _ = self.m.find("committees", squeezed, date=date)
        if not found:
            return False
        c = found[0]
        mention = OrgMention(
            c.label,
            c.key,
            c.name,
            pos + back[c.start],
            pos + back[c.end - 1] + 1,
            flat(squeezed[c.start : c.end]),
            c.short_name,
            c.classification,
            c.aliases,
            c.node_id,
        )
        rest = line[back[c.end - 1] + 1 :]
        role = _ROLE_WORD.search(rest)
        status = _STATUS.search(rest)
        row_public = public if not status else not status.group(1).lower().startswith("nicht")
        span = (pos, pos + len(line.rstrip()))
        mid = entities.meeting(self.b, mention, mention.name, date, span)
        iid = entities.agenda_item(self.b, mid, number, None if number else title, span, row_public)
        state = "held" if doc_date and date < doc_date else "planned"
        self.b.edge("CONSULTED_AT", pid, iid, span, role=role.group(1) if role else None, status=state)
        return True

    def _planned(self, pid: str, head_end: int, sign_start: int, doc_date: str | None, title: str | None) -> None:
        """'soll der Antrag auch im Ausschuss für ... (APOD) am 24. November 2022 ... beraten werden'."""
        text = self.text
        hits = [m.start() for m in _PLANNED_VERB.finditer(text, head_end, sign_start)]
        for p in paragraphs(text, head_end, sign_start):
            i = bisect_left(hits, p.start)
            if i == len(hits) or hits[i] >= p.end:
                continue
            for s in sentences(text, p.start, p.end):
                if not _PLANNED_VERB.search(text, s.start, s.end):
                    continue
                found, _ = self.m.find("committees", text, s.start, s.end, doc_date)
                for c in found:
                    dm = _AT_DATE.match(text, c.end, s.end)
                    if not dm:
                        continue
                    date = iso_from_match(dm)
                    if not date:
                        continue
                    span = (c.start, dm.end())
                    mid = entities.meeting(self.b, c, c.name, date, span)
                    existing = [e for e in self.b.edges.values() if e.type == "HAS_ITEM" and e.source == mid]
                    if existing:
                        iid = existing[0].target
                    else:
                        iid = entities.agenda_item(self.b, mid, None, title, span)
                    state = "held" if doc_date and date < doc_date else "planned"
                    self.b.edge("CONSULTED_AT", pid, iid, span, status=state)

    def _session(self, pid: str, head_end: int, doc_date: str | None, title: str | None) -> None:
        """'Anfrage zur Sitzung des Ausschusses für ... am 07.11.2022': the meeting the paper is for."""
        text = self.text
        for m in _SESSION.finditer(text, 0, head_end):
            found, _ = self.m.find("committees", text, m.end(), min(len(text), m.end() + 200), doc_date)
            if not found or found[0].start != m.end():
                continue
            c = found[0]
            dm = _AT_DATE.match(text, c.end, min(len(text), c.end + 60))
            date = iso_from_match(dm) if dm else None
            if not date:
                continue
            span = (m.start(), dm.end())
            mid = entities.meeting(self.b, c, c.name, date, span)
            existing = [e for e in self.b.edges.values() if e.type == "HAS_ITEM" and e.source == mid]
            iid = existing[0].target if existing else entities.agenda_item(self.b, mid, None, title, span)
            state = "held" if doc_date and date < doc_date else "planned"
            self.b.edge("CONSULTED_AT", pid, iid, span, status=state)

    # --- body ------------------------------------------------------------------------------------

    def _submitters(self, pid: str, head_end: int, sal, type_span, date, kind: str = "motion") -> list[OrgMention]:
        text = self.text
        out: list[OrgMention] = []
        if type_span:  # "Vorschlag zur Tagesordnung B90/Grüne", "Antrag der CDU-Fraktion"
            line_end = text.find("\n", type_span[1])
            found, _ = self.m.find("factions", text, type_span[1], line_end if line_end != -1 else len(text), date)
            out.extend(found)
        # "Antrag: GRÜNE", "Antragsteller: SPD, CDU"; in an answer that line names the asker, not the author.
        for m in _HEAD_SUBMITTER.finditer(text, 0, head_end if kind != "answer" else 0):
            found, _ = self.m.find("factions", text, m.start("v"), m.end("v"), date)
            out.extend(found)
            for u in find_unknown_factions(self.m, text, m.start("v"), m.end("v"), date):
                self.b.problem("unresolved_organization", f"{u.surface!r} is no faction of the council reference")
        if sal:
            body = paragraphs(text, sal.end(), min(len(text), sal.end() + 1200))
            if body:
                first = sentences(text, body[0].start, body[0].end)[0]
                verb = _SUBMIT_VERB.search(text, first.start, first.end)
                stop = verb.start() if verb else first.end
                found, _ = self.m.find("factions", text, first.start, stop, date)
                out.extend(found)
                for u in find_unknown_factions(self.m, text, first.start, stop, date):
                    self.b.problem("unresolved_organization", f"{u.surface!r} is no faction of the council reference")
        seen = set()
        result = []
        for f in out:
            if f.key in seen:
                continue
            seen.add(f.key)
            result.append(f)
            self.b.edge("SUBMITTED", self.b.org(f), pid, (f.start, f.end))
        return result

    def _fields(self, pid: str, head_end: int, date: str | None) -> None:
        """'Fachbereich/e: <unit>' submits; 'Verantwortlich: Märting, Angela' and the Dezernent are mentioned."""
        text = self.text
        for m in _FIELD.finditer(text, 0, head_end):
            label, value = m.group("label"), m.group("value").strip()
            v_start = m.start("value")
            if label.startswith(("Fachbereich", "Amt", "Dezernat", "Federführung")):
                for part in re.finditer(r"[^,;]+", value):
                    self._unit(pid, part.group(0).strip(), v_start + part.start(), v_start + part.end(), date)
                continue
            persons = find_mentions(text, v_start, m.end())
            if not persons:
                p = parse_full_name(value, v_start)
                persons = [p] if p else []
            for p in persons:
                self.b.edge("MENTIONS", pid, self.b.person(p), (p.start, p.end))

    def _unit(self, pid: str, name: str, start: int, end: int, date: str | None) -> None:
        if not name or name.lower() in ("-", "keine", "entfällt"):
            return
        lead = self.text[start:end].find(name)
        start, end = start + max(lead, 0), start + max(lead, 0) + len(name)
        entry = self.m.whole("administrative_units", name, date)
        if entry:
            mention = self.m.mention_of("administrative_units", entry, start, end, name)
        else:
            cls = next((c for word, c in _UNIT_CLASS if word in name), None)
            mention = OrgMention("AdministrativeUnit", f"unit-{name}", name, start, end, name, None, cls)
        self.b.edge("SUBMITTED", self.b.org(mention), pid, (start, end))

    def _trailing_signature_start(self) -> int:
        """Without a closing greeting: the block of short lines at the end ("Thomas Westphal / Oberbürgermeister")."""
        text = self.text.rstrip()
        pos = len(text)
        while True:
            prev = text.rfind("\n", 0, pos)
            line = text[prev + 1 : pos].strip()
            if line and (len(line) > 60 or line.endswith((".", "!", "?", ";"))):
                return pos
            if prev == -1 or len(text) - prev > 300:
                return prev + 1
            pos = prev

    def _signatures(self, pid: str, start: int, submitters: list[OrgMention], date: str | None) -> None:
        text = self.text
        end = len(text)
        if start >= end:
            return
        events: list[tuple[int, str, object]] = []
        for m in _SIGN_ROLE.finditer(text, start, end):
            events.append((m.start(), "role", (m.group("role"), m.end())))
        factions, _ = self.m.find("factions", text, start, end, date)
        heading_spans = []
        for f in factions:
            line_s = text.rfind("\n", 0, f.start) + 1
            line_e = text.find("\n", f.end)
            line_e = end if line_e == -1 else line_e
            if not text[line_s : f.start].strip() and not text[f.end : line_e].strip(" *:\t"):
                events.append((f.start, "faction", f))
                heading_spans.append((f.start, f.end))
        names: list[PersonMention] = [*find_mentions(text, start, end)]
        for p in find_full_names(text, start, end):
            if not any(n.start <= p.start < n.end or p.start <= n.start < p.end for n in names):
                names.append(p)
        for p in names:
            if any(s <= p.start < e for s, e in heading_spans):
                continue
            events.append((p.start, "name", p))
        for m in FUNCTION_RE.finditer(text, start, end):
            if any(n.start <= m.start() < n.end for n in names):
                continue
            events.append((m.start(), "function", (m.group(0), m.end())))
        events.sort(key=lambda e: e[0])
        role = None
        group: OrgMention | None = None
        signers: list[dict] = []
        for _pos, kind, data in events:
            if kind == "role":
                role = _norm_role(data[0])
            elif kind == "faction":
                group = data
            elif kind == "name":
                signers.append({"person": data, "role": role, "function": None, "faction": group, "end": data.end})
                role = None
            elif kind == "function" and signers and signers[-1]["function"] is None:
                signers[-1]["function"] = data[0]
                signers[-1]["end"] = data[1]
        single = submitters[0] if len(submitters) == 1 else None
        for s in signers:
            p: PersonMention = s["person"]
            handle = self.b.person(p)
            faction = s["faction"] or single
            self.b.edge(
                "SIGNED",
                handle,
                pid,
                (p.start, s["end"]),
                role=s["role"],
                function=s["function"],
                on_behalf_of=faction.name if faction else None,
            )
            if faction:
                fid = self.b.org(faction)
                self.b.edge("MEMBER_OF", handle, fid, (p.start, s["end"]), role=s["function"])

    def _mentions(self, pid: str, start: int, end: int, date: str | None, skip) -> None:
        text = self.text
        for p in find_mentions(text, start, end):
            self.b.edge("MENTIONS", pid, self.b.person(p), (p.start, p.end))
        for group in ("factions", "committees", "administrative_units", "external_organizations"):
            found, unresolved = self.m.find(group, text, start, end, date)
            for o in found:
                self.b.edge("MENTIONS", pid, self.b.org(o), (o.start, o.end))
            for u in unresolved:
                self.b.problem("ambiguous_organization", f"{u.surface!r} may name any of {u.candidates}", u.candidates)
        for o in find_external(text, start, end):
            self.b.edge("MENTIONS", pid, self.b.org(o), (o.start, o.end))
        for ref in find_references(text, start, end):
            if any(ref.reference == s.reference for s in skip if s):
                continue
            target = entities.paper(self.b, ref, (ref.start, ref.end))
            if target != pid:
                self.b.edge("REFERENCES", pid, target, (ref.start, ref.end))


def _norm_role(raw: str) -> str:
    s = raw.replace(" ", "").lower()
    return {"gez.": "gez.", "f.d.r.": "f.d.R.", "i.a.": "i.A.", "i.v.": "i.V."}.get(s, raw)


def _squeeze(s: str) -> tuple[str, list[int]]:
    """Collapse runs of white space to one space; map each kept character back to its index in `s`."""
    out: list[str] = []
    back: list[int] = []
    prev_space = False
    for i, ch in enumerate(s):
        if ch.isspace():
            if prev_space:
                continue
            prev_space = True
            out.append(" ")
        else:
            prev_space = False
            out.append(ch)
        back.append(i)
    return "".join(out), back


def parse_paper(
    b: Builder, matcher: ReferenceMatcher, kind: str, paper_type: str | None, type_span: tuple[int, int] | None
) -> str:
    return PaperParser(b, matcher).parse(kind, paper_type, type_span)
