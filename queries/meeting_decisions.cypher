// name: meeting_decisions
// purpose: The decisions taken in a meeting, per agenda item, with the papers they were on.
// params: $meeting_id (string)
// returns: item_id, item_number, item_order, decision_id, outcome, unanimous, vote_text, paper_id, paper_reference, paper_title; ordered by item_order, item_id, decision_id, paper_id
// mode: read
// example: {"meeting_id": "dortmund/meeting/awbewf/2022-11-16"}
MATCH (:Meeting {id: $meeting_id})-[h:HAS_ITEM]->(i:AgendaItem)-[:HAS_DECISION]->(d:Decision)
OPTIONAL MATCH (d)-[:`ON`]->(p:Paper)
RETURN i.id AS item_id, i.number AS item_number, coalesce(h.`order`, i.`order`) AS item_order, d.id AS decision_id,
       d.outcome AS outcome, d.unanimous AS unanimous, d.vote_text AS vote_text, p.id AS paper_id,
       p.reference AS paper_reference, p.title AS paper_title
ORDER BY item_order, item_id, decision_id, paper_id
