// name: page_evidence
// purpose: The text each of the given nodes was read from, with its document, for the side panel of a network page.
// params: $ids (list of strings)
// returns: node_id, document_id, uri, evidence, start, end; one row per node and document, ordered by node_id, document_id
// mode: read
// example: {"ids": ["dortmund/paper/26309-22-e1", "dortmund/org/cdu"]}
MATCH (n)-[e:EXTRACTED_FROM]->(d:Document)
WHERE n.id IN $ids
RETURN n.id AS node_id, d.id AS document_id, d.uri AS uri, e.evidence AS evidence, e.start AS start, e.`end` AS `end`
ORDER BY node_id, document_id
