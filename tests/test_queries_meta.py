"""Every named query file has a valid header, and every read query carries examples for the parity test."""

from __future__ import annotations

from importlib import resources

import pytest

from ratsgraph.graph.errors import QueryError
from ratsgraph.queries import ENGINES, all_queries, parse_query, query_names


def test_every_query_file_parses_and_is_named_after_its_file():
    queries = all_queries()
    files = [p for p in resources.files("ratsgraph.queries").iterdir() if p.name.endswith(".cypher")]
    assert len(files) == len({name for name, engine in queries if engine is None})
    for (name, _), query in queries.items():
        assert query.name == name
        assert query.purpose and query.returns


def test_engine_variants_have_a_shared_query_of_the_same_name_and_parameters():
    queries = all_queries()
    for name, engine in queries:
        if engine is not None:
            assert engine in ENGINES
            assert (name, None) in queries, f"{engine}/{name}.cypher has no shared counterpart"
            assert queries[(name, engine)].params == queries[(name, None)].params


def test_a_header_whose_parameters_do_not_match_the_text_is_refused():
    text = "// name: q\n// purpose: p\n// params: $a (string)\n// returns: x\n// mode: read\nRETURN $b AS x"
    with pytest.raises(QueryError, match="parameters used"):
        parse_query(text, "q.cypher")


def test_an_example_must_give_exactly_the_declared_parameters():
    text = (
        "// name: q\n// purpose: p\n// params: $a (string)\n// returns: x\n// mode: read\n"
        '// example: {"b": 1}\nRETURN $a AS x'
    )
    with pytest.raises(QueryError, match="example"):
        parse_query(text, "q.cypher")


def test_a_variant_must_say_why_it_exists():
    text = "// name: q\n// purpose: p\n// params: none\n// returns: x\n// mode: read\nRETURN 1 AS x"
    with pytest.raises(QueryError, match="why"):
        parse_query(text, "ladybug/q.cypher", "ladybug")


def test_every_read_query_has_examples_for_the_parity_test():
    # Examples live in the shared file; engine variants are run with the same parameters.
    queries = all_queries()
    for name in query_names("read"):
        assert queries[(name, None)].examples, f"{name}.cypher needs at least one '// example:' line"
