// name: paper_get
// purpose: One paper's own properties, including its full text where loaded.
// params: $paper_id (string)
// returns: at most one row: id, reference, title, name, kind, paper_type, date, text, sources (list of Document ids)
// mode: read
// example: {"paper_id": "dortmund/paper/26309-22-e1"}
// example: {"paper_id": "dortmund/paper/none"}
MATCH (p:Paper {id: $paper_id})
RETURN p.id AS id, p.reference AS reference, p.title AS title, p.name AS name, p.kind AS kind,
       p.paper_type AS paper_type, p.date AS date, p.text AS text, p.sources AS sources
