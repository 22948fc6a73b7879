// Removes every relationship one source contributed (each type seeks its sourceId index).
// params: $sourceId
CALL () {
  MATCH ()-[r:PUBLISHED_IN]->()
  WHERE r.sourceId = $sourceId
  DELETE r
}
CALL () {
  MATCH ()-[r:CONCERNS]->()
  WHERE r.sourceId = $sourceId
  DELETE r
}
CALL () {
  MATCH ()-[r:INVOLVED]->()
  WHERE r.sourceId = $sourceId
  DELETE r
}
CALL () {
  MATCH ()-[r:HAS_LEARNING]->()
  WHERE r.sourceId = $sourceId
  DELETE r
}
CALL () {
  MATCH ()-[r:ABOUT]->()
  WHERE r.sourceId = $sourceId
  DELETE r
}
CALL () {
  MATCH ()-[r:HAS_THEME]->()
  WHERE r.sourceId = $sourceId
  DELETE r
}
CALL () {
  MATCH ()-[r:MAKES]->()
  WHERE r.sourceId = $sourceId
  DELETE r
}
CALL () {
  MATCH ()-[r:TARGETS]->()
  WHERE r.sourceId = $sourceId
  DELETE r
}
CALL () {
  MATCH ()-[r:ADDRESSES]->()
  WHERE r.sourceId = $sourceId
  DELETE r
}
