// Creates CaseReview-[:PUBLISHED_IN]->Source links, each carrying its evidence; returns how many were created
// (rows whose ends are missing create nothing, which the engine reports).
// $rows: [{from, to, sourceId, quote, start, end}]
// params: $rows
UNWIND $rows AS row
MATCH (a:CaseReview)
WHERE a.id = row.from
MATCH (b:Source)
WHERE b.id = row.to
CREATE (a)-[r:PUBLISHED_IN]->(b)
SET r.sourceId = row.sourceId, r.quote = row.quote, r.start = toInteger(row.start), r.end = toInteger(row.end)
RETURN count(r) AS created
