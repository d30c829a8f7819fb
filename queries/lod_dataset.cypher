// name: lod_dataset
// purpose: What the DCAT catalogue says about the dataset: the bodies (name, AGS) and when a document was last loaded.
// params: none
// returns: one row per Body: id, name, short_name, ags, website, modified (latest Document.loaded_at, may be null); ordered by id
// mode: read
// example: {}
OPTIONAL MATCH (d:Document)
WITH max(d.loaded_at) AS modified
MATCH (b:Body)
RETURN b.id AS id, b.name AS name, b.short_name AS short_name, b.ags AS ags, b.website AS website, modified
ORDER BY id
