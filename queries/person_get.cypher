// name: person_get
// purpose: One person's own properties.
// params: $person_id (string)
// returns: at most one row: id, name, family_name, given_name, title, form_of_address, aliases (list), sources (list of Document ids)
// mode: read
// example: {"person_id": "dortmund/person/reppin-udo"}
// example: {"person_id": "dortmund/person/nobody"}
MATCH (p:Person {id: $person_id})
RETURN p.id AS id, p.name AS name, p.family_name AS family_name, p.given_name AS given_name, p.title AS title,
       p.form_of_address AS form_of_address, p.aliases AS aliases, p.sources AS sources
