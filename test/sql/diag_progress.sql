-- zfdw.progress shows the running scans: file, bytes read of the total,
-- records.  A volatile function that reads the view, called for a row of
-- a scan, sees the scan itself (this session's slot; with zfdw preloaded,
-- or on PostgreSQL 17 and later, every backend's).
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_diag_progress;
SET search_path = test_diag_progress, public;
\set cpy :abs_srcdir '/../demo/data/ACCTMAST.cpy'
\set dat :abs_srcdir '/../demo/data/acctmast.dat'
CREATE SERVER diag_progress FOREIGN DATA WRAPPER zfdw;
CREATE FOREIGN TABLE acct (acct_number bigint)
  SERVER diag_progress OPTIONS (copybook :'cpy', filename :'dat');

CREATE FUNCTION seen() RETURNS text LANGUAGE sql VOLATILE AS $$
    SELECT string_agg(format('%s %s: %s of %s bytes (%s%%), %s records',
                             kind, relation, bytes_done, bytes_total, percent, records), '; ')
      FROM zfdw.progress WHERE pid = pg_backend_pid()
$$;
-- the view is updated every 1024 records: at record 1500 it says 1024
-- records, the 1024th starting at byte 1023 * 120
SELECT acct_number, seen() FROM acct OFFSET 1499 LIMIT 1;
-- the scan is over: nothing left
SELECT count(*) FROM zfdw.progress WHERE pid = pg_backend_pid();
-- nor after a scan that failed
CREATE FOREIGN TABLE acct_bad (acct_number bigint)
  SERVER diag_progress OPTIONS (copybook :'cpy', filename :'dat', codepage 'cp037', lrecl '121', accept 'layout_short');
SELECT zt_error('SELECT * FROM acct_bad');
SELECT count(*) FROM zfdw.progress WHERE pid = pg_backend_pid();
-- an apply shows too: a trigger of its target reads the view while the
-- apply runs (the counts are those of the batches committed before)
CREATE TABLE feed (position int, op text, id int, val text);
INSERT INTO feed VALUES (1, 'I', 1, 'a'), (2, 'I', 2, 'b'), (3, 'U', 1, 'c');
CREATE TABLE target (id int PRIMARY KEY, val text);
CREATE FUNCTION show_progress() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE NOTICE 'progress: %', (SELECT string_agg(format('%s %s from %s, %s changes', kind, relation, file, records), '; ')
                                   FROM zfdw.progress WHERE pid = pg_backend_pid());
    RETURN NULL;
END $$;
CREATE TRIGGER show AFTER INSERT ON target FOR EACH STATEMENT EXECUTE FUNCTION show_progress();
SELECT inserted, updated FROM zfdw.apply_changes('feed', 'target');
SELECT count(*) FROM zfdw.progress WHERE pid = pg_backend_pid();
SELECT attname FROM pg_attribute WHERE attrelid = 'zfdw.progress'::regclass AND attnum > 0 ORDER BY attnum;
DROP SCHEMA test_diag_progress CASCADE;
DROP SERVER diag_progress;
