// Proves the database answers (used on open and by ping()).
// params: none
RETURN 1 AS ok
