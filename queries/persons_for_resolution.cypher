// name: persons_for_resolution
// purpose: Persons already in the store, so a new load joins mentions to them instead of creating duplicates.
// params: none
// returns: id, name, family_name, given_name, title, form_of_address, aliases; ordered by id
// mode: read
// example: {}
MATCH (p:Person)
RETURN p.id AS id, p.name AS name, p.family_name AS family_name, p.given_name AS given_name,
       p.title AS title, p.form_of_address AS form_of_address, p.aliases AS aliases
ORDER BY id
