// Removes the learning statements and recommendations one source contributed, with any links left on them.
// params: $sourceId
CALL () {
  MATCH (l:Learning)
  WHERE l.sourceId = $sourceId
  DETACH DELETE l
}
CALL () {
  MATCH (m:Recommendation)
  WHERE m.sourceId = $sourceId
  DETACH DELETE m
}
