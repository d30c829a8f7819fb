"""ratsgraph installs as one distribution whose only top-level package is `ratsgraph`."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_wheel_installs_only_the_ratsgraph_package_and_its_loaders_import(tmp_path: Path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        cwd=tmp_path,
    )
    wheel = next(tmp_path.glob("ratsgraph-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    top_level = {name.split("/")[0] for name in names if ".dist-info/" not in name}
    assert top_level == {"ratsgraph"}
    assert "ratsgraph/queries/count_nodes.cypher" in names
    # Every package in the source tree is in the wheel (a folder missing from pyproject.toml would not be).
    for init in ROOT.glob("*/**/__init__.py"):
        if init.parts[len(ROOT.parts)] in ("graph", "loaders", "queries", "api"):
            assert f"ratsgraph/{init.relative_to(ROOT).as_posix()}" in names, init
    assert not any(name.startswith(("graph/", "api/", "tests/")) for name in names)

    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)], check=True
    )
    installed = {p.name for p in target.iterdir() if not p.name.endswith(".dist-info")}
    assert installed - {"bin"} == {"ratsgraph"}  # bin/ holds the console script
    probe = (
        "import sys; sys.path.insert(0, sys.argv[1]); import ratsgraph.loaders, ratsgraph.queries;"
        "from ratsgraph.queries import query_names; assert query_names();"
        "print(ratsgraph.loaders.__file__)"
    )
    out = subprocess.run(
        [sys.executable, "-I", "-c", probe, str(target)], check=True, capture_output=True, text=True, cwd=tmp_path
    )
    assert out.stdout.strip().startswith(str(target))
