// Removes those of the given case reviews that are no longer published in any source.
// params: $caseIds
UNWIND $caseIds AS caseId
MATCH (c:CaseReview)
WHERE c.id = caseId AND NOT EXISTS { MATCH (c)-[:PUBLISHED_IN]->(:Source) }
DETACH DELETE c
