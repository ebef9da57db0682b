-- 60_diagnostics.sql: which code page a file's text is in.

CREATE FUNCTION guess_codepage(filename text, options jsonb DEFAULT '{}',
    OUT codepage text, OUT score real, OUT sample text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'zfdw_guess_codepage'
LANGUAGE C VOLATILE STRICT;

REVOKE ALL ON FUNCTION guess_codepage(text, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION guess_codepage(text, jsonb) TO pg_read_server_files;

COMMENT ON FUNCTION guess_codepage(text, jsonb) IS
'the national EBCDIC code pages ranked by how well they read the text of a file (options: lrecl, positions of text fields), best first, with a sample in each';
