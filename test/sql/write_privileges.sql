-- Privileges of writing: a table that writes is what COPY ... TO a file
-- is, so making one, or changing the options of one, takes superuser or
-- pg_write_server_files (on top of pg_read_server_files for its
-- filename); its path is one absolute file name without ".." or globs;
-- INSERT on it is then granted like any table privilege.
\getenv abs_srcdir PG_ABS_SRCDIR
\getenv abs_builddir PG_ABS_BUILDDIR
\i :abs_srcdir/helpers.psql
SET client_min_messages = warning;
DROP ROLE IF EXISTS regress_zfdw_w_plain;
DROP ROLE IF EXISTS regress_zfdw_w_reader;
DROP ROLE IF EXISTS regress_zfdw_w_writer;
DROP ROLE IF EXISTS regress_zfdw_w_both;
RESET client_min_messages;
CREATE ROLE regress_zfdw_w_plain;
CREATE ROLE regress_zfdw_w_reader IN ROLE pg_read_server_files;
CREATE ROLE regress_zfdw_w_writer IN ROLE pg_write_server_files;
CREATE ROLE regress_zfdw_w_both IN ROLE pg_read_server_files, pg_write_server_files;
CREATE SCHEMA test_write_privileges;
GRANT ALL ON SCHEMA test_write_privileges TO regress_zfdw_w_plain, regress_zfdw_w_reader,
    regress_zfdw_w_writer, regress_zfdw_w_both;
SET search_path = test_write_privileges, public;
SELECT set_config('zfdw_test.builddir', :'abs_builddir', false) IS NOT NULL AS builddir_set \gset
\set f :abs_builddir '/write_privileges.dat'
SELECT set_config('zfdw_test.wfile', :'f', false) IS NOT NULL AS wfile_set \gset
CREATE SERVER wpriv FOREIGN DATA WRAPPER zfdw;
GRANT USAGE ON FOREIGN SERVER wpriv TO regress_zfdw_w_plain, regress_zfdw_w_reader,
    regress_zfdw_w_writer, regress_zfdw_w_both;

-- Try a statement as the current role, with the file written as <file>.
CREATE FUNCTION wt_try(stmt text) RETURNS SETOF text LANGUAGE sql AS $$
    SELECT replace(replace(e, current_setting('zfdw_test.wfile'), '<file>'),
                   current_setting('zfdw_test.builddir'), '<dir>')
    FROM zt_error(replace(replace(stmt, '<file>', current_setting('zfdw_test.wfile')),
                          '<dir>', current_setting('zfdw_test.builddir'))) e $$;
GRANT EXECUTE ON FUNCTION wt_try(text) TO PUBLIC;
\set mk 'CREATE FOREIGN TABLE test_write_privileges.w (name text) SERVER wpriv OPTIONS (filename ''<file>'', copybook_text ''01 R. 05 NAME PIC X(4).'''

-- 1. Only a role that may write server files (and read them) makes a
--    writable table
SET ROLE regress_zfdw_w_plain;
SELECT * FROM wt_try(:'mk' || ', writable ''true'')');
RESET ROLE;
SET ROLE regress_zfdw_w_reader;
SELECT * FROM wt_try(:'mk' || ', writable ''true'')');
-- ... and a reader cannot make its readable table write
SELECT * FROM wt_try(:'mk' || ')');
SELECT * FROM wt_try('ALTER FOREIGN TABLE test_write_privileges.w OPTIONS (ADD writable ''true'')');
DROP FOREIGN TABLE w;
RESET ROLE;
SET ROLE regress_zfdw_w_writer;
SELECT * FROM wt_try(:'mk' || ', writable ''true'')');
RESET ROLE;
SET ROLE regress_zfdw_w_both;
SELECT * FROM wt_try(:'mk' || ', writable ''true'')');
INSERT INTO w VALUES ('both');
RESET ROLE;

-- 2. Changing any option of a writable table, its file above all, takes
--    the same right: a reader that owns one cannot aim it elsewhere
ALTER FOREIGN TABLE w OWNER TO regress_zfdw_w_reader;
SET ROLE regress_zfdw_w_reader;
SELECT * FROM wt_try('ALTER FOREIGN TABLE test_write_privileges.w OPTIONS (SET filename ''/tmp/elsewhere.dat'')');
SELECT * FROM wt_try('ALTER FOREIGN TABLE test_write_privileges.w OPTIONS (ADD fill ''spaces'')');
-- dropping writable is allowed: the table then only reads
SELECT * FROM wt_try('ALTER FOREIGN TABLE test_write_privileges.w OPTIONS (DROP writable)');
SELECT * FROM wt_try('INSERT INTO test_write_privileges.w VALUES (''x'')');
RESET ROLE;
ALTER FOREIGN TABLE w OWNER TO regress_zfdw_w_both;
ALTER FOREIGN TABLE w OPTIONS (ADD writable 'true');

-- 3. INSERT on a writable table is a table privilege: granting it lets a
--    role append to the file, with no file privilege of its own
SET ROLE regress_zfdw_w_plain;
SELECT * FROM wt_try('INSERT INTO test_write_privileges.w VALUES (''nope'')');
RESET ROLE;
GRANT INSERT ON w TO regress_zfdw_w_plain;
SET ROLE regress_zfdw_w_plain;
INSERT INTO w VALUES ('ok');
SELECT * FROM wt_try('SELECT * FROM test_write_privileges.w');
RESET ROLE;
SELECT * FROM w;

-- 4. The path: one absolute file, no "..", no glob, no program
SELECT * FROM wt_try('CREATE FOREIGN TABLE test_write_privileges.p1 (name text) SERVER wpriv OPTIONS (filename ''rel/x.dat'', writable ''true'')');
SELECT * FROM wt_try('CREATE FOREIGN TABLE test_write_privileges.p2 (name text) SERVER wpriv OPTIONS (filename ''<dir>/../x.dat'', writable ''true'')');
SELECT * FROM wt_try('CREATE FOREIGN TABLE test_write_privileges.p3 (name text) SERVER wpriv OPTIONS (filename ''<dir>/*.dat'', writable ''true'')');
SELECT * FROM wt_try('CREATE FOREIGN TABLE test_write_privileges.p4 (name text) SERVER wpriv OPTIONS (filename ''<dir>/'', writable ''true'')');
SELECT * FROM wt_try('CREATE FOREIGN TABLE test_write_privileges.p5 (name text) SERVER wpriv OPTIONS (program ''cat'', writable ''true'')');
-- a name with dots that is no ".." component is a file name like any
SELECT * FROM wt_try('CREATE FOREIGN TABLE test_write_privileges.p6 (name text) SERVER wpriv OPTIONS (filename ''<dir>/a..b.dat'', writable ''true'')');

SET client_min_messages = warning;
DROP SCHEMA test_write_privileges CASCADE;
DROP SERVER wpriv CASCADE;
RESET client_min_messages;
DROP ROLE regress_zfdw_w_plain, regress_zfdw_w_reader, regress_zfdw_w_writer, regress_zfdw_w_both;
