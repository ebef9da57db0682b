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

-- zfdw.progress: running scans and applies (all backends' when zfdw is
-- preloaded, or on PostgreSQL 17 and later; else this session's)
CREATE FUNCTION progress_rows(OUT pid int, OUT kind text, OUT datid oid,
    OUT relid oid, OUT file text, OUT bytes_done bigint, OUT bytes_total bigint,
    OUT records bigint, OUT started timestamptz, OUT records_per_second real,
    OUT scope text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'zfdw_progress_rows'
LANGUAGE C VOLATILE;

CREATE VIEW progress AS
SELECT p.pid, p.kind, d.datname, p.relid::regclass AS relation, p.file,
       p.bytes_done, p.bytes_total,
       CASE WHEN p.bytes_total > 0 THEN round(100.0 * p.bytes_done / p.bytes_total, 1) END AS percent,
       p.records, p.records_per_second, p.started, p.scope
  FROM progress_rows() p LEFT JOIN pg_database d ON d.oid = p.datid;

COMMENT ON VIEW progress IS
'running zfdw scans and applies: file, bytes read of the total, records, rate';

COMMENT ON FUNCTION progress_rows() IS
'the rows of the view zfdw.progress: running scans and applies, from shared memory (or the session''s own)';
