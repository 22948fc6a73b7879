// Creates or updates one source node.
// $source: {id, title, publisher, published, path, format, kind, ingestedAt, text, sha256, extractor, extraction}
// params: $source
MERGE (s:Source {id: $source.id})
SET
  s.title = $source.title,
  s.publisher = $source.publisher,
  s.published = $source.published,
  s.path = $source.path,
  s.format = $source.format,
  s.kind = $source.kind,
  s.ingestedAt = $source.ingestedAt,
  s.text = $source.text,
  s.sha256 = $source.sha256,
  s.extractor = $source.extractor,
  s.extraction = $source.extraction
