"""The walk-through notebooks run top to bottom against the embedded store loaded with the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"


@pytest.mark.parametrize("name", ["researcher.ipynb", "journalist.ipynb"])
def test_notebook_runs_on_the_seeds(name, monkeypatch):
    import nbformat
    from nbclient import NotebookClient

    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.setenv("RATSGRAPH_SEEDS", str(SEEDS))
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}
    ).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    loaded = next(o["text"] for o in outputs if o.output_type == "stream" and "documents," in o.get("text", ""))
    assert loaded.startswith(f"{len(list(SEEDS.glob('*.txt')))} documents, 0 failed")


def test_notebooks_are_committed_without_outputs():
    import nbformat

    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        nbformat.validate(notebook)
        for cell in notebook.cells:
            if cell.cell_type == "code":
                assert cell.outputs == [] and cell.execution_count is None, f"{path.name} has outputs"


def test_notebooks_name_only_queries_that_exist():
    import re

    from ratsgraph.queries import query_names

    names = set(query_names())
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        used = set(re.findall(r'(?:read|get_query)\(\\?"(\w+)\\?"', path.read_text(encoding="utf-8")))
        assert used <= names, (path.name, used - names)
