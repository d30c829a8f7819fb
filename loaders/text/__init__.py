"""The council-document parser: one SourceDocument in, nodes and edges with evidence out.

Pure: no I/O, no clock. Papers (motions, amendments, inquiries, answers, agenda proposals,
administration proposals) go through `paper`, minutes through `protocol`. Persons are merged
within the document here and across documents by `ratsgraph.graph.resolve.resolve_persons`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ratsgraph.graph.model import GraphBatch, Problem
from ratsgraph.graph.reference import CouncilReference
from ratsgraph.loaders.document import SourceDocument
from ratsgraph.loaders.text.builder import Builder
from ratsgraph.loaders.text.cleanup import clean
from ratsgraph.loaders.text.kinds import detect_kind
from ratsgraph.loaders.text.organizations import ReferenceMatcher, matcher_for
from ratsgraph.loaders.text.paper import parse_paper
from ratsgraph.loaders.text.protocol import parse_protocol


@dataclass
class ParseResult:
    batch: GraphBatch
    problems: list[Problem] = field(default_factory=list)
    paper: str | None = None  # id of the paper the document is (None for minutes)


_last_matcher: tuple[CouncilReference, ReferenceMatcher] | None = None


def _matcher(council: CouncilReference) -> ReferenceMatcher:
    """`matcher_for(council)`, without hashing the (large, frozen) council again for the same object."""
    global _last_matcher
    last = _last_matcher
    if last is not None and last[0] is council:
        return last[1]
    matcher = matcher_for(council)
    _last_matcher = (council, matcher)
    return matcher


def parse_document(doc: SourceDocument, council: CouncilReference) -> ParseResult:
    """Everything the text of `doc` states about the council, each fact with its evidence."""
    cleaned = clean(doc.text)
    builder = Builder(doc, cleaned, council)
    matcher = _matcher(council)
    paper = None
    try:
        found = detect_kind(cleaned.text)
        if found.kind == "minutes":
            parse_protocol(builder, matcher)
        else:
            paper = parse_paper(builder, matcher, found.kind, found.paper_type, found.span)
        batch = builder.finish()
    except (ValueError, KeyError, IndexError, AttributeError, TypeError, RecursionError) as exc:
        # A document the rules cannot read must not stop a load: report it, keep nothing half-made.
        problem = Problem(source=doc.id, kind="parse_error", message=f"{exc.__class__.__name__}: {exc}")
        return ParseResult(GraphBatch(), [*builder.problems, problem])
    return ParseResult(batch, builder.problems, paper)


from ratsgraph.loaders.text.oparl_files import OParlFileTexts  # noqa: E402  (needs parse_document)

__all__ = ["OParlFileTexts", "ParseResult", "parse_document"]
