"""Given a council document as an HTML page, the graph holds the same facts as from its text rendering."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from ratsgraph.graph.reference import load_council
from ratsgraph.graph.resolve import resolve_persons
from ratsgraph.loaders.document import document_from_bytes, read_source
from ratsgraph.loaders.text import parse_document

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"

PAGE = """<!DOCTYPE html><html><head><meta charset="windows-1252"><title>Niederschrift - Ratsinformationssystem</title>
<style>p {{ margin: 0 }}</style></head><body>
<header><a href="/">Dortmund</a></header>
<nav><ul><li>Sitzungskalender</li><li>Niederschriften</li><li>Vorlagen</li><li>Fraktionen</li></ul></nav>
<div class="content">{body}</div>
<footer>Impressum · Datenschutz · Stadt Dortmund</footer>
<script>var x = "Der Rat beschließt einstimmig";</script></body></html>"""


def _facts(doc) -> tuple[set, set]:
    council = load_council("dortmund")
    result = parse_document(doc, council)
    [batch], _ = resolve_persons([result.batch], [], council)
    name = {n.id: n.props.get("reference") or n.props.get("name") or n.id for n in batch.nodes}
    nodes = {(n.label, name[n.id], n.props.get("kind"), n.props.get("outcome")) for n in batch.nodes}
    edges = {(e.type, name.get(e.source, e.source), name.get(e.target, e.target)) for e in batch.edges}
    return nodes, edges


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.iterdir()))
def test_a_page_with_site_navigation_in_windows_1252_gives_the_facts_of_its_text(seed: str):
    text = (SEEDS / seed).read_text(encoding="utf-8")
    plain = re.sub(r"[*#]+", "", text).replace("\\*", "*")
    body = "".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>\n" for p in plain.split("\n\n") if p.strip())
    page = PAGE.format(body=body).encode("cp1252", errors="xmlcharrefreplace")
    doc = document_from_bytes(page, f"https://example.org/{seed}.html", "text/html")
    assert "Sitzungskalender" not in doc.text and "Impressum" not in doc.text
    assert _facts(doc) == _facts(read_source(SEEDS / seed))
