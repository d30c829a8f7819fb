"""Schemathesis against the app's own OpenAPI schema, in-process (ASGI), both stores with the seeds loaded.

Every operation gets generated requests, valid (positive) and invalid (negative); the one check is
the one that matters here: no response is a server error (5xx). Bounded: MAX_EXAMPLES per operation
and mode, no deadline. Schemathesis' pytest plugin does not run under pytest 9 (it reads a private
attribute of pytest's items), so the operations are driven with Hypothesis directly.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

MAX_EXAMPLES = 20
# Whole-graph dumps are served from a cache the first call fills; a few examples suffice there.
FEW = {"/dumps/graph.nt", "/dumps/graph.ttl"}


@pytest.fixture(scope="module")
def api_schema(seeded_store):
    from ratsgraph.api.app import create_app

    app = create_app(store=seeded_store, cypher_timeout_ms=2000, cypher_max_rows=1000)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def _operations(schema) -> list:
    return [result.ok() for result in schema.get_all_operations()]


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=["valid", "invalid"])
def test_no_server_errors(api_schema, mode: GenerationMode) -> None:
    failures: list[str] = []
    operations = _operations(api_schema)
    assert len(operations) >= 14
    for operation in operations:
        n = 3 if operation.path in FEW else MAX_EXAMPLES

        @settings(max_examples=n, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        @given(case=operation.as_strategy(generation_mode=mode))
        def run(case) -> None:
            case.call_and_validate(checks=[not_a_server_error])

        try:
            run()
        except Unsatisfiable:
            continue  # no invalid request exists for this operation (no parameters, or free-form strings)
        except Exception as exc:  # noqa: BLE001 - collected, reported together below
            parts = [exc, *getattr(exc, "exceptions", ())]
            failures.append(f"{operation.method.upper()} {operation.path}: " + " | ".join(str(e)[:800] for e in parts))
    assert not failures, "\n\n".join(failures)
