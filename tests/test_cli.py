"""The `ratsgraph` command line on the embedded store: every command does what its help says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph
from typer.testing import CliRunner

from ratsgraph.api.cli import app

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("RATSGRAPH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("RATSGRAPH_STORE", raising=False)
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(app, list(args), catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.stdout

    return run


def test_every_command_has_help(cli):
    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    assert set(names) == {"load", "stats", "export", "query", "queries", "serve"}
    for name in names:
        assert "Usage" in cli(name, "--help")


def test_loaded_seeds_answer_named_queries_and_export_in_every_format(cli, seeds_dir: Path, tmp_path: Path):
    cli("load", str(seeds_dir))
    rows = json.loads(cli("query", "paper_submitters", "--param", "paper_id=dortmund/paper/26309-22-e1"))
    assert [(r["actor_name"], r["evidence"]) for r in rows] == [("CDU-Fraktion", "CDU-Fraktion")]
    assert "Paper" in cli("stats")

    cli("export", "--format", "node-link", "-o", str(tmp_path / "g.json"))
    nodes = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))["nodes"]
    for fmt, rdf_format in (("turtle", "turtle"), ("ntriples", "nt"), ("jsonld", "json-ld"), ("dcat", "turtle")):
        out = tmp_path / f"g.{fmt}"
        cli("export", "--format", fmt, "-o", str(out))
        graph = Graph().parse(out, format=rdf_format)
        assert len(graph) > (len(nodes) if fmt != "dcat" else 10)


def test_an_oparl_dump_folder_loads_through_the_same_command(cli):
    cli("load", str(CORPUS / "huertgenwald-oparl"))
    stats = cli("stats")
    assert "Person" in stats and "Meeting" in stats


def test_a_folder_without_documents_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("RATSGRAPH_DATA_DIR", str(tmp_path / "data"))
    empty = tmp_path / "empty"
    empty.mkdir()
    result = CliRunner().invoke(app, ["load", str(empty)])
    assert result.exit_code == 1
    assert "no documents" in result.output
