// name: meeting_get
// purpose: One meeting with the committee that held it.
// params: $meeting_id (string)
// returns: one row per committee (normally one): id, name, date, end_date, public, number, location, cancelled, committee_id, committee_name, sources; ordered by committee_id
// mode: read
// example: {"meeting_id": "dortmund/meeting/awbewf/2022-11-16"}
MATCH (m:Meeting {id: $meeting_id})
OPTIONAL MATCH (m)-[:HELD_BY]->(c:Committee|Faction|Party|AdministrativeUnit|ExternalOrganization)
RETURN m.id AS id, m.name AS name, m.date AS date, m.end_date AS end_date, m.public AS public, m.number AS number,
       m.location AS location, m.cancelled AS cancelled, c.id AS committee_id, c.name AS committee_name,
       m.sources AS sources
ORDER BY committee_id
