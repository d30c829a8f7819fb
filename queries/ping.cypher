// name: ping
// purpose: The cheapest query that proves the store answers (the API's /health).
// params: none
// returns: ok (int, always 1)
// mode: read
// example: {}
RETURN 1 AS ok
