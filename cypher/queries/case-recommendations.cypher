// The recommendations of one case review, each with the themes it addresses and the agencies it targets
// (one entry per link, with evidence).
// params: $caseId
MATCH (c:CaseReview)-[:MAKES]->(m:Recommendation)
WHERE c.id = $caseId
WITH DISTINCT m
RETURN
  m.id AS id,
  m.text AS text,
  m.sourceId AS sourceId,
  m.start AS start,
  m.end AS end,
  COLLECT {
    MATCH (m)-[r:ADDRESSES]->(t:Theme)
    RETURN {id: t.id, label: t.label, sourceId: r.sourceId, quote: r.quote, start: r.start, end: r.end} AS link
    ORDER BY t.label, t.id, r.sourceId, r.start, r.end
  } AS themes,
  COLLECT {
    MATCH (m)-[r:TARGETS]->(a:Agency)
    RETURN {id: a.id, label: a.label, sourceId: r.sourceId, quote: r.quote, start: r.start, end: r.end} AS link
    ORDER BY a.label, a.id, r.sourceId, r.start, r.end
  } AS agencies
ORDER BY sourceId, start, id
