-- zfdw 1.0: writing.  INSERT into writable foreign tables needs no
-- function; these help to write what a mainframe reads.

CREATE FUNCTION copybook_for(query text, options jsonb DEFAULT '{}')
RETURNS text
AS 'MODULE_PATHNAME', 'zfdw_copybook_for'
LANGUAGE C VOLATILE STRICT;

COMMENT ON FUNCTION copybook_for(text, jsonb) IS
'a COBOL copybook whose record holds the result columns of the query without loss (options: record, the 01-level name; text_length, for text columns; codepage, to size text for a mixed DBCS page)';
