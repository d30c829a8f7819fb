// name: decision_get
// purpose: One decision with its agenda item, meeting and committee.
// params: $decision_id (string)
// returns: one row per committee the meeting was held by (normally one): id, name, outcome, unanimous, decision_order, text, vote_text, item_id, item_number, item_title, meeting_id, meeting_name, meeting_date, committee_id, committee_name, sources; ordered by item_id, meeting_id, committee_id
// mode: read
// example: {"decision_id": "dortmund/meeting/awbewf/2022-11-16/item/4-11/decision/1"}
MATCH (d:Decision {id: $decision_id})
OPTIONAL MATCH (i:AgendaItem)-[:HAS_DECISION]->(d)
OPTIONAL MATCH (m:Meeting)-[:HAS_ITEM]->(i)
OPTIONAL MATCH (m)-[:HELD_BY]->(c:Committee|Faction|Party|AdministrativeUnit|ExternalOrganization)
RETURN d.id AS id, d.name AS name, d.outcome AS outcome, d.unanimous AS unanimous, d.`order` AS decision_order,
       d.text AS text, d.vote_text AS vote_text, i.id AS item_id, i.number AS item_number,
       coalesce(i.title, i.name) AS item_title, m.id AS meeting_id, m.name AS meeting_name, m.date AS meeting_date,
       c.id AS committee_id, c.name AS committee_name, d.sources AS sources
ORDER BY item_id, meeting_id, committee_id
