"""HTML for the network pages: pyvis builds the vis-network data, our own page adds a legend and a facts panel.

pyvis' own template loads Bootstrap from a CDN; these pages must work offline, so they load
vis-network from the copy pyvis ships (served by the router) and bring their own layout.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import pyvis
from pyvis.network import Network

VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
STATIC_FILES = {
    "vis-network.min.js": (VIS_DIR / "vis-network.min.js", "text/javascript"),
    "vis-network.css": (VIS_DIR / "vis-network.css", "text/css"),
}

# Okabe-Ito based, distinguishable for colour-blind readers.
COLOURS = {
    "Faction": "#E69F00",
    "Party": "#F0E442",
    "Person": "#56B4E9",
    "Paper": "#009E73",
    "Committee": "#0072B2",
    "AdministrativeUnit": "#999999",
    "ExternalOrganization": "#BBBBBB",
    "Meeting": "#CC79A7",
    "AgendaItem": "#D55E00",
    "Decision": "#7A1F5C",
    "Document": "#666666",
    "Body": "#000000",
}
SHAPES = {"Paper": "box", "Decision": "diamond", "Meeting": "triangle", "AgendaItem": "square", "Committee": "hexagon"}
POSITION_COLOURS = {"yes": "#009E73", "no": "#D55E00", "abstain": "#999999"}


def node_text(node_id: str, label: str, name: str | None, facts: dict[str, Any]) -> str:
    """The short text a node shows in the network: a paper's reference, a decision's outcome, else its name."""
    if label == "Paper" and facts.get("reference"):
        return str(facts["reference"])
    if label == "Decision" and facts.get("outcome"):
        return str(facts["outcome"])
    if label == "AgendaItem" and facts.get("number"):
        return f"TOP {facts['number']}"
    text = name or node_id.rsplit("/", 1)[-1]
    return text if len(text) <= 40 else text[:38] + "…"


class PageGraph:
    """Nodes, edges and the click-panel data of one page, drawn with pyvis."""

    def __init__(self, *, directed: bool = True):
        self.net = Network(directed=directed, cdn_resources="in_line", height="100%", width="100%")
        self.panel: dict[str, dict[str, Any]] = {}
        self.labels: set[str] = set()

    def add_node(
        self,
        node_id: str,
        label: str,
        *,
        name: str | None = None,
        facts: dict[str, Any] | None = None,
        evidence: list[dict[str, Any]] | None = None,
        size: float | None = None,
        main: bool = False,
    ) -> None:
        facts = facts or {}
        self.labels.add(label)
        extra: dict[str, Any] = {"shape": SHAPES.get(label, "dot")}
        if size is not None and extra["shape"] == "dot":
            extra["size"] = size
        if main:
            extra["borderWidth"] = 4
        self.net.add_node(
            node_id,
            label=node_text(node_id, label, name, facts),
            title=f"{label}: {name or node_id}",
            color=COLOURS.get(label, "#444444"),
            **extra,
        )
        self.panel[node_id] = {
            "id": node_id,
            "label": label,
            "name": name or facts.get("name") or node_id,
            "facts": {k: v for k, v in sorted(facts.items()) if k not in ("id", "name", "sources", "text")},
            "evidence": evidence or [],
            "links": [],
        }

    def add_edge(
        self,
        source: str,
        target: str,
        label: str,
        *,
        width: float = 1.5,
        colour: str | None = None,
        evidence: str | None = None,
        title: str | None = None,
    ) -> None:
        extra: dict[str, Any] = {"width": width}
        if colour:
            extra["color"] = colour
        self.net.add_edge(
            source, target, label=label, title=title or label, font={"size": 10, "align": "middle"}, **extra
        )
        for end, other in ((source, target), (target, source)):
            if end in self.panel:
                self.panel[end]["links"].append({"label": label, "other": other, "evidence": evidence})

    def html(self, *, title: str, subtitle: str, static: dict[str, str], layout: str = "force") -> str:
        nodes, edges, _, _, _, _ = self.net.get_network_data()
        options: dict[str, Any] = {
            "interaction": {"hover": True, "navigationButtons": False},
            "edges": {
                "smooth": {"type": "dynamic"},
                "arrows": {"to": {"enabled": self.net.directed, "scaleFactor": 0.6}},
            },
            "nodes": {"font": {"size": 14}},
            "physics": {"stabilization": {"iterations": 300}, "barnesHut": {"springLength": 160}},
        }
        data = {
            "nodes": nodes,
            "edges": edges,
            "options": options,
            "panel": self.panel,
            "legend": [{"label": label, "colour": COLOURS.get(label, "#444444")} for label in sorted(self.labels)],
        }
        # "</" inside a JSON string would close the script element early.
        payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
        return PAGE.format(
            title=html.escape(title),
            subtitle=html.escape(subtitle),
            css=html.escape(static["vis-network.css"]),
            js=html.escape(static["vis-network.min.js"]),
            payload=payload,
            script=SCRIPT,
        )


PAGE = """<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>{title} · ratsgraph</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="{css}">
<script src="{js}"></script>
<style>
  body {{ margin: 0; font-family: system-ui, sans-serif; color: #222; }}
  header {{ padding: 0.6rem 1rem; border-bottom: 1px solid #ddd; }}
  header h1 {{ margin: 0; font-size: 1.25rem; }}
  header p {{ margin: 0.2rem 0 0; color: #555; font-size: 0.9rem; }}
  main {{ display: flex; height: calc(100vh - 4.2rem); }}
  #stage {{ flex: 1; position: relative; }}
  #mynetwork {{ position: absolute; inset: 0; }}
  #facts {{ width: 26rem; overflow-y: auto; border-left: 1px solid #ddd; padding: 0.8rem 1rem; font-size: 0.9rem; }}
  #facts h2 {{ font-size: 1.05rem; margin: 0 0 0.3rem; }}
  #facts dl {{ display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 0.6rem; margin: 0.4rem 0; }}
  #facts dt {{ color: #666; }} #facts dd {{ margin: 0; word-break: break-word; }}
  #facts blockquote {{ margin: 0.3rem 0; padding: 0.3rem 0.6rem; border-left: 3px solid #009E73; background: #f5f5f5; }}
  #facts .source {{ color: #666; font-size: 0.8rem; }}
  #legend {{ position: absolute; left: 0.6rem; bottom: 0.6rem; background: rgba(255,255,255,0.9);
             border: 1px solid #ddd; padding: 0.4rem 0.6rem; font-size: 0.8rem; z-index: 5; }}
  #legend span.swatch {{ display: inline-block; width: 0.8rem; height: 0.8rem; margin-right: 0.3rem;
                         vertical-align: middle; border-radius: 50%; }}
</style>
</head>
<body>
<header><h1>{title}</h1><p>{subtitle}</p></header>
<main>
  <div id="stage"><div id="mynetwork"></div><div id="legend"></div></div>
  <aside id="facts"><h2>Details</h2><p>Klicken Sie auf einen Knoten, um seine Fakten und Belege zu sehen.</p></aside>
</main>
<script id="page-data" type="application/json">{payload}</script>
<script>{script}</script>
</body>
</html>
"""

SCRIPT = """
"use strict";
const PAGE = JSON.parse(document.getElementById("page-data").textContent);
const nodes = new vis.DataSet(PAGE.nodes);
const edges = new vis.DataSet(PAGE.edges);
const container = document.getElementById("mynetwork");
const network = new vis.Network(container, {nodes: nodes, edges: edges}, PAGE.options);
window.network = network;

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}

const legend = document.getElementById("legend");
legend.appendChild(el("strong", "Legende"));
for (const item of PAGE.legend) {
  const row = el("div");
  const swatch = el("span", null, "swatch");
  swatch.style.background = item.colour;
  row.appendChild(swatch);
  row.appendChild(document.createTextNode(item.label));
  legend.appendChild(row);
}

function showFacts(id) {
  const info = PAGE.panel[id];
  const panel = document.getElementById("facts");
  panel.replaceChildren();
  if (!info) { panel.appendChild(el("p", "Keine Angaben zu " + id)); return; }
  panel.appendChild(el("h2", info.name));
  const dl = el("dl");
  const rows = [["Typ", info.label], ["ID", info.id]].concat(Object.entries(info.facts));
  for (const [k, v] of rows) {
    dl.appendChild(el("dt", k));
    dl.appendChild(el("dd", Array.isArray(v) ? v.join(", ") : v));
  }
  panel.appendChild(dl);
  const evidence = el("section"); evidence.id = "evidence";
  evidence.appendChild(el("h3", "Belege"));
  if (info.evidence.length === 0) evidence.appendChild(el("p", "Kein Beleg im Text gespeichert."));
  for (const ev of info.evidence) {
    evidence.appendChild(el("blockquote", ev.evidence, "evidence-text"));
    evidence.appendChild(el("div", (ev.uri || ev.document_id) + " [" + ev.start + "–" + ev.end + "]", "source"));
  }
  panel.appendChild(evidence);
  if (info.links.length) {
    panel.appendChild(el("h3", "Beziehungen"));
    const ul = el("ul");
    for (const link of info.links) {
      const other = PAGE.panel[link.other];
      const li = el("li", link.label + " – " + (other ? other.name : link.other));
      if (link.evidence) li.appendChild(el("div", "„" + link.evidence + "“", "source"));
      ul.appendChild(li);
    }
    panel.appendChild(ul);
  }
}
window.showFacts = showFacts;
network.on("click", function (params) { if (params.nodes.length) showFacts(params.nodes[0]); });
network.once("stabilizationIterationsDone", function () { document.body.dataset.ready = "1"; });
"""
