// Before a load: the stored sources that decide its outcome. Its own id; the same path (an earlier version
// of a file); the same content, by hash or, for a source stored before content hashes were, by id; and the
// sources an upload names to replace.
// params: $sourceId, $path, $sha256, $named
MATCH (s:Source)
WHERE s.id = $sourceId OR s.path = $path OR s.sha256 = $sha256 OR s.id = $sha256 OR s.id IN $named
RETURN s.id AS id, s.path AS path, s.sha256 AS sha256
ORDER BY id
