// Number of relationships of each type in the model, one row per type (counts come from the count store).
// params: none
MATCH ()-[r:PUBLISHED_IN]->() RETURN 'PUBLISHED_IN' AS name, count(r) AS total
UNION ALL
MATCH ()-[r:CONCERNS]->() RETURN 'CONCERNS' AS name, count(r) AS total
UNION ALL
MATCH ()-[r:INVOLVED]->() RETURN 'INVOLVED' AS name, count(r) AS total
UNION ALL
MATCH ()-[r:HAS_LEARNING]->() RETURN 'HAS_LEARNING' AS name, count(r) AS total
UNION ALL
MATCH ()-[r:ABOUT]->() RETURN 'ABOUT' AS name, count(r) AS total
UNION ALL
MATCH ()-[r:HAS_THEME]->() RETURN 'HAS_THEME' AS name, count(r) AS total
UNION ALL
MATCH ()-[r:MAKES]->() RETURN 'MAKES' AS name, count(r) AS total
UNION ALL
MATCH ()-[r:TARGETS]->() RETURN 'TARGETS' AS name, count(r) AS total
UNION ALL
MATCH ()-[r:ADDRESSES]->() RETURN 'ADDRESSES' AS name, count(r) AS total
