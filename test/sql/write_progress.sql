-- zfdw.progress shows the writes: an INSERT into a writable table and
-- zfdw.unload_for_db2, with the records and bytes written so far.  A
-- volatile function called for each row of the rows being written reads
-- the view, so it sees the write itself (this session's slot; with zfdw
-- preloaded, or on PostgreSQL 17 and later, every backend's).
\getenv abs_srcdir PG_ABS_SRCDIR
\getenv abs_builddir PG_ABS_BUILDDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_write_progress;
SET search_path = test_write_progress, public;
CREATE SERVER wprog FOREIGN DATA WRAPPER zfdw;
CREATE FUNCTION seen_write(g int) RETURNS int LANGUAGE sql VOLATILE AS $$
    SELECT coalesce(max(records), -1)::int FROM zfdw.progress
     WHERE pid = pg_backend_pid() AND kind = 'write' AND g > 0 $$;
CREATE FUNCTION seen_bytes() RETURNS bigint LANGUAGE sql VOLATILE AS $$
    SELECT max(bytes_done) FROM zfdw.progress WHERE pid = pg_backend_pid() AND kind = 'write' $$;

-- 1. INSERT: the view is updated every 1024 records, so rows 1 to 1024
--    see 0 records written, rows 1025 to 2048 see 1024 (8-byte records:
--    8192 bytes), the rest 2048
\set f :abs_builddir '/write_progress.dat'
CREATE FOREIGN TABLE prog (id int4, seen int4) SERVER wprog
  OPTIONS (filename :'f', writable 'true', copybook_text '
       01  PROG-REC.
           05  ID    PIC S9(9) COMP.
           05  SEEN  PIC S9(9) COMP.');
CREATE TABLE bytes_seen (id int, bytes bigint);
CREATE FUNCTION note_bytes(g int) RETURNS int LANGUAGE sql VOLATILE AS $$
    INSERT INTO bytes_seen SELECT g, seen_bytes() WHERE g IN (1, 1025, 2049) RETURNING g $$;
INSERT INTO prog SELECT g, seen_write(g) + 0 * coalesce(note_bytes(g), 0) FROM generate_series(1, 3000) g;
SELECT seen, min(id), max(id), count(*) FROM prog GROUP BY seen ORDER BY seen;
SELECT * FROM bytes_seen ORDER BY id;
-- the relation and file it names
CREATE FUNCTION seen_what(g int) RETURNS text LANGUAGE sql VOLATILE AS $$
    SELECT string_agg(format('%s %s %s', kind, relation, file = current_setting('zfdw_test.f')), '; ')
      FROM zfdw.progress WHERE pid = pg_backend_pid() AND g > 0 $$;
SELECT set_config('zfdw_test.f', :'f', false) IS NOT NULL AS f_set;
CREATE TABLE what_seen (w text);
CREATE FUNCTION note_what(g int) RETURNS int LANGUAGE sql VOLATILE AS $$
    INSERT INTO what_seen SELECT seen_what(g) RETURNING 0 $$;
INSERT INTO prog SELECT 1, note_what(1);
SELECT * FROM what_seen;
-- the write is over: no slot left, nor after a write that failed
SELECT count(*) FROM zfdw.progress WHERE pid = pg_backend_pid();
SELECT zt_error($$INSERT INTO prog SELECT g, CASE WHEN g = 1500 THEN 1/0 ELSE 0 END FROM generate_series(1, 2000) g$$);
SELECT count(*) FROM zfdw.progress WHERE pid = pg_backend_pid();

-- 2. unload_for_db2: rows are fetched 1000 at a time and the view is
--    updated after each batch, so the first 1000 rows see 0 records
--    written, the next 1000 see 1000, the rest 2000
\set d :abs_builddir '/write_progress_unload.dat'
\set p :abs_builddir '/write_progress_unload.punch'
SELECT records, bytes FROM zfdw.unload_for_db2(
  'SELECT g AS id, test_write_progress.seen_write(g) AS seen FROM generate_series(1, 2500) g',
  :'d', :'p', 'PROG');
CREATE FOREIGN TABLE prog_back (id int4, seen int4) SERVER wprog OPTIONS (punch :'p', filename :'d');
SELECT seen, min(id), max(id), count(*) FROM prog_back GROUP BY seen ORDER BY seen;
SELECT count(*) FROM zfdw.progress WHERE pid = pg_backend_pid();
SELECT zt_error($$SELECT * FROM zfdw.unload_for_db2('SELECT 1/(g - 1500) AS x FROM generate_series(1, 2000) g', '/tmp/zfdw_progress_never.dat', '/tmp/zfdw_progress_never.punch', 'X')$$);
SELECT count(*) FROM zfdw.progress WHERE pid = pg_backend_pid();

DROP SCHEMA test_write_progress CASCADE;
DROP SERVER wprog CASCADE;
