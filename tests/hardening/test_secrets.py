"""Security hygiene: secrets come from the environment only; a default Neo4j password is refused outside
development; no hard-coded credentials in the repository."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from ratsgraph.graph.errors import StoreUnavailable
from ratsgraph.graph.settings import Settings
from ratsgraph.graph.store import DEFAULT_NEO4J_PASSWORDS, open_store

ROOT = Path(__file__).resolve().parents[2]

# `password = "..."`, `"token": "..."`, `api_key: '...'` with a literal of 3+ characters; `${VAR}` and `$VAR` pass.
SECRET = re.compile(
    r"""(password|passwd|secret|token|api_?key)["']?\s*[:=]\s*["'](?![$]\{?)[^"'\s]{3,}["']""", re.IGNORECASE
)


@pytest.mark.parametrize("password", sorted(DEFAULT_NEO4J_PASSWORDS))
@pytest.mark.parametrize("environment", ["production", "staging"])
def test_default_neo4j_passwords_are_refused_outside_development(environment: str, password: str) -> None:
    settings = Settings(store="neo4j", environment=environment, neo4j_password=password, neo4j_uri="bolt://127.0.0.1:1")
    with pytest.raises(StoreUnavailable, match="default Neo4j password"):
        open_store(settings)


def test_the_password_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RATSGRAPH_NEO4J_PASSWORD", "from-the-env-123")
    monkeypatch.setenv("RATSGRAPH_CYPHER_TOKEN", "token-from-env")
    settings = Settings()
    assert settings.neo4j_password == "from-the-env-123" and settings.cypher_token == "token-from-env"
    monkeypatch.delenv("RATSGRAPH_NEO4J_PASSWORD")
    assert Settings().neo4j_password is None  # no default password in the code


def test_no_hard_coded_secrets_outside_tests() -> None:
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    hits = []
    for name in files:
        if name.startswith(("tests/", "notebooks/")) or not (ROOT / name).is_file():
            continue
        try:
            text = (ROOT / name).read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        hits += [f"{name}: {m.group(0)}" for m in SECRET.finditer(text)]
    assert not hits, hits


def test_the_neo4j_test_server_password_comes_from_the_environment() -> None:
    source = (ROOT / "tests" / "neo4j_server.py").read_text(encoding="utf-8")
    java = ROOT / "scripts" / "neo4j-test-server" / "src" / "main" / "java" / "ratsgraph" / "TestServer.java"
    assert 'os.environ.get("NEO4J_TEST_PASSWORD")' in source
    assert 'env.get("NEO4J_TEST_PASSWORD")' in java.read_text(encoding="utf-8")
    assert not SECRET.search(source)
