// The learning statements of one case review, each with its themes (one entry per ABOUT link, with evidence).
// params: $caseId
MATCH (c:CaseReview)-[:HAS_LEARNING]->(l:Learning)
WHERE c.id = $caseId
WITH DISTINCT l
RETURN
  l.id AS id,
  l.text AS text,
  l.sourceId AS sourceId,
  l.start AS start,
  l.end AS end,
  COLLECT {
    MATCH (l)-[r:ABOUT]->(t:Theme)
    RETURN {id: t.id, label: t.label, sourceId: r.sourceId, quote: r.quote, start: r.start, end: r.end} AS link
    ORDER BY t.label, t.id, r.sourceId, r.start, r.end
  } AS themes
ORDER BY sourceId, start, id
