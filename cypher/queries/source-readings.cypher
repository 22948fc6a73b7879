// How the stored sources among these ids were read (the extractor version and what reading gave), for
// recognising an unchanged file before it is read again. Ids not stored give no row, nor does a source whose
// load has not finished (no ingestedAt yet).
// params: $ids
MATCH (s:Source)
WHERE s.id IN $ids AND s.ingestedAt IS NOT NULL
RETURN s.id AS id, s.extractor AS extractor, s.extraction AS extraction
