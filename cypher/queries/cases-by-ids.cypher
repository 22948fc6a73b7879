// The case reviews with these ids (unknown ids are skipped; the engine restores the order asked for).
// params: $ids
UNWIND $ids AS caseId
MATCH (c:CaseReview)
WHERE c.id = caseId
RETURN
  c.id AS id,
  c.title AS title,
  c.child AS child,
  c.reviewType AS reviewType,
  c.partnership AS partnership,
  c.authors AS authors,
  c.reportYear AS reportYear,
  c.incidentYear AS incidentYear,
  c.age AS age,
  c.ageBand AS ageBand,
  c.gender AS gender,
  c.outcome AS outcome,
  c.summary AS summary,
  c.topic AS topic
