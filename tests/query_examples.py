"""Example parameters for every named read query, run by the parity test on both stores.

Ids refer to the seeds (tests/fixtures/seeds) as the Dortmund loader names them; the parity test
also checks that the seeds give each query at least one row where `expect_rows` says so.
"""

from __future__ import annotations

EXAMPLES: dict[str, list[dict]] = {
    "count_nodes": [{}],
    "count_relationships": [{}],
    "export_nodes": [{"skip": 0, "limit": 100000}, {"skip": 5, "limit": 7}],
    "export_relationships": [{"skip": 0, "limit": 100000}, {"skip": 3, "limit": 11}],
    "persons_for_resolution": [{}],
}
