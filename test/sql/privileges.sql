-- Privileges: file_fdw's rules for the options that reach the server's
-- files and programs (filename, copybook, punch, IMPORT's ddl: superuser
-- or pg_read_server_files; program: superuser or
-- pg_execute_server_program), the same for inspect_file, inline layouts
-- and the conversion functions for everyone; and the SQL that zfdw
-- generates (IMPORT, DDL conversion) quotes every identifier and literal.
-- apply_changes' own rules are in apply_security; this test adds
-- row-level security, column privileges and triggers on the target.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
SET client_min_messages = warning;
DROP ROLE IF EXISTS regress_zfdw_plain;
DROP ROLE IF EXISTS regress_zfdw_reader;
DROP ROLE IF EXISTS regress_zfdw_runner;
RESET client_min_messages;
CREATE ROLE regress_zfdw_plain;
CREATE ROLE regress_zfdw_reader IN ROLE pg_read_server_files;
CREATE ROLE regress_zfdw_runner IN ROLE pg_execute_server_program;
CREATE SCHEMA test_privileges;
GRANT ALL ON SCHEMA test_privileges TO regress_zfdw_plain, regress_zfdw_reader, regress_zfdw_runner;
SET search_path = test_privileges, public;
\set good :abs_srcdir '/data/hostile/good.dat'
\set cb '01 HOSTILE-REC. 05 NAME PIC X(4). 05 AMT PIC S9(5) COMP-3. 05 QTY PIC S9(3).'
SELECT set_config('zfdw_test.good', :'good', false) IS NOT NULL AS good_set;
SELECT set_config('zfdw_test.cb', :'cb', false) IS NOT NULL AS cb_set;
CREATE SERVER priv FOREIGN DATA WRAPPER zfdw;
GRANT USAGE ON FOREIGN SERVER priv TO regress_zfdw_plain, regress_zfdw_reader, regress_zfdw_runner;

-- Try to create a table with these options as the current role.
CREATE FUNCTION zt_try(name text, options text) RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY SELECT zt_error(format('CREATE FOREIGN TABLE test_privileges.%I (name text) SERVER priv OPTIONS (%s)', name, options));
END $$;

-- 1. an ordinary role: inline layouts only
SET ROLE regress_zfdw_plain;
SELECT zt_try('p1', format('filename %L, copybook_text %L', current_setting('zfdw_test.good'), current_setting('zfdw_test.cb')));
SELECT zt_try('p2', $$copybook '/etc/passwd'$$);
SELECT zt_try('p3', $$punch '/etc/passwd'$$);
SELECT zt_try('p3d', $$punch_text 'x', ddl '/etc/passwd'$$);
SELECT zt_try('p4', $$program 'cat /etc/passwd', lrecl '4'$$);
-- relative paths, globs and the data directory are no way around it
SELECT zt_try('p5', $$filename 'postgresql.conf', lrecl '4'$$);
SELECT zt_try('p6', $$filename '/etc/*', lrecl '4'$$);
-- inline layouts are for everyone: the table is made, but has no file
SELECT zt_try('p7', format('copybook_text %L', current_setting('zfdw_test.cb')));
SELECT zt_error($$SELECT * FROM p7$$);
-- an owner may not add a file to its own table either
SELECT zt_error($$ALTER FOREIGN TABLE p7 OPTIONS (ADD filename '/etc/passwd')$$);
SELECT zt_error($$ALTER FOREIGN TABLE p7 OPTIONS (ADD program 'id')$$);
-- nor through IMPORT FOREIGN SCHEMA: every option that names a file
SELECT zt_error(format('IMPORT FOREIGN SCHEMA r FROM SERVER priv INTO test_privileges OPTIONS (copybook_text %L, filename %L)',
                       current_setting('zfdw_test.cb'), current_setting('zfdw_test.good')));
SELECT zt_error($$IMPORT FOREIGN SCHEMA r FROM SERVER priv INTO test_privileges OPTIONS (copybook '/etc/passwd')$$);
SELECT zt_error($$IMPORT FOREIGN SCHEMA r FROM SERVER priv INTO test_privileges OPTIONS (punch '/etc/passwd')$$);
SELECT zt_error($$IMPORT FOREIGN SCHEMA r FROM SERVER priv INTO test_privileges OPTIONS (punch_text 'x', ddl '/etc/passwd')$$);
SELECT zt_error($$IMPORT FOREIGN SCHEMA r FROM SERVER priv INTO test_privileges OPTIONS (copybook_text 'x', program 'id')$$);
-- IMPORT of an inline layout alone works (the tables have no file)
SELECT zt_error(format('IMPORT FOREIGN SCHEMA r FROM SERVER priv INTO test_privileges OPTIONS (copybook_text %L)',
                       current_setting('zfdw_test.cb')));
-- inspect_file reads a server file
SELECT zt_error(format('SELECT * FROM zfdw.inspect_file(%L)', current_setting('zfdw_test.good')));
-- the limits are superuser settings; the error detail length is not
SELECT zt_error($$SET zfdw.max_occurs = 100000000$$);
SELECT zt_error($$SET zfdw.max_layout_source = '1GB'$$);
SET zfdw.max_error_bytes = 4;
RESET zfdw.max_error_bytes;
-- the functions that take text are for everyone
SELECT count(*) FROM zfdw.copybook_layout(current_setting('zfdw_test.cb'));
SELECT length(zfdw.db2_ddl_to_pg('CREATE TABLE T (A INT);')) > 0 AS converted;
SELECT zfdw.unpack_decimal('\x12345c'::bytea, 2);
RESET ROLE;

-- 2. a member of pg_read_server_files: files and layouts, not programs
SET ROLE regress_zfdw_reader;
SELECT zt_try('r1', format('filename %L, copybook_text %L', current_setting('zfdw_test.good'), current_setting('zfdw_test.cb')));
SELECT * FROM r1;
SELECT zt_try('r2', format('filename %L, copybook %L', current_setting('zfdw_test.good'), '/nonexistent.cpy'));
SELECT zt_try('r3', $$program 'id', lrecl '4'$$);
SELECT zt_error($$ALTER FOREIGN TABLE r1 OPTIONS (DROP filename, ADD program 'id')$$);
SELECT topic FROM zfdw.inspect_file(current_setting('zfdw_test.good')) WHERE topic = 'file';
RESET ROLE;

-- 3. a member of pg_execute_server_program: programs, not files
SET ROLE regress_zfdw_runner;
SELECT zt_try('x1', format('program %L, copybook_text %L', 'printf ''\301\302\303\304\022\064\134\360\364\302''', current_setting('zfdw_test.cb')));
SELECT * FROM x1;
SELECT zt_try('x2', format('filename %L, copybook_text %L', current_setting('zfdw_test.good'), current_setting('zfdw_test.cb')));
SELECT zt_error($$ALTER FOREIGN TABLE x1 OPTIONS (DROP program, ADD filename '/etc/passwd')$$);
SELECT zt_error(format('SELECT * FROM zfdw.inspect_file(%L)', current_setting('zfdw_test.good')));
RESET ROLE;

-- 4. a table with a file given to an ordinary role: it may read it (as
-- file_fdw) and drop the file option, but change no option while the
-- file is there, because its options are validated as a whole
CREATE FOREIGN TABLE given (name text) SERVER priv
    OPTIONS (filename :'good', copybook_text :'cb');
ALTER FOREIGN TABLE given OWNER TO regress_zfdw_plain;
SET ROLE regress_zfdw_plain;
SELECT * FROM given;
SELECT zt_error($$ALTER FOREIGN TABLE given OPTIONS (ADD on_error 'null')$$);
SELECT zt_error($$ALTER FOREIGN TABLE given OPTIONS (SET filename '/etc/passwd')$$);
ALTER FOREIGN TABLE given ALTER COLUMN name OPTIONS (ADD trim 'none');
ALTER FOREIGN TABLE given OPTIONS (DROP filename);
SELECT zt_error($$ALTER FOREIGN TABLE given OPTIONS (ADD filename '/etc/passwd')$$);
RESET ROLE;
-- a file option never lives on a server or a user mapping
SELECT zt_error($$CREATE SERVER bad_priv FOREIGN DATA WRAPPER zfdw OPTIONS (filename '/etc/passwd')$$);
SELECT zt_error($$CREATE USER MAPPING FOR regress_zfdw_plain SERVER priv OPTIONS (filename '/etc/passwd')$$);
-- and only a superuser may use the wrapper without a server's USAGE
SET ROLE regress_zfdw_plain;
SELECT zt_error($$CREATE SERVER own FOREIGN DATA WRAPPER zfdw$$);
RESET ROLE;

-- 5. IMPORT quotes every name and literal it generates: a schema and a
-- file name full of quotes and semicolons, records and fields named like
-- SQL keywords, names that collide
COPY (SELECT 1) TO PROGRAM 'cat >/dev/null && rm -rf privileges_tmp && mkdir privileges_tmp';
SELECT format('cat >/dev/null && cp %s "privileges_tmp/it''s; \"x\".dat"', :'good') AS copy_cmd \gset
COPY (SELECT 1) TO PROGRAM :'copy_cmd';
CREATE SCHEMA "we""ird; schema";
IMPORT FOREIGN SCHEMA r FROM SERVER priv INTO "we""ird; schema"
    OPTIONS (copybook_text '01 SELECT. 05 FROM PIC X(4). 05 WHERE PIC S9(5) COMP-3. 05 GRP. 10 FROM PIC S9(3).',
             filename 'privileges_tmp/it''s; "x".dat');
SELECT c.relname, a.attname, a.attfdwoptions
  FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
 WHERE c.relnamespace = '"we""ird; schema"'::regnamespace ORDER BY a.attnum;
SELECT ftoptions FROM pg_foreign_table WHERE ftrelid = '"we""ird; schema"."select"'::regclass;
SELECT "from", "where", grp_from FROM "we""ird; schema"."select";
DROP SCHEMA "we""ird; schema" CASCADE;
COPY (SELECT 1) TO PROGRAM 'cat >/dev/null && rm -rf privileges_tmp';

-- 6. the DDL conversion quotes names and literals: the converted script
-- runs and creates exactly the objects it names, nothing else
CREATE SCHEMA ddl_out;
SET search_path = ddl_out;
SELECT zfdw.db2_ddl_to_pg($ddl$
CREATE TABLE "we""ird; DROP TABLE x; --" (
    "co""l';" INTEGER NOT NULL,
    "Sel ect" CHAR(30) DEFAULT 'it''s; DROP TABLE x; --',
    "$q$" VARCHAR(10) CHECK ("$q$" <> 'a''$q$;'));
COMMENT ON TABLE "we""ird; DROP TABLE x; --" IS 'x'' ; DROP TABLE y; --';
CREATE VIEW "v$zfdw$" AS SELECT 'a$q$; DROP TABLE x; --$zfdw$' AS "c" FROM "we""ird; DROP TABLE x; --";
$ddl$) AS script \gset
SELECT set_config('zfdw_test.script', :'script', false) IS NOT NULL AS script_set;
DO $$ BEGIN EXECUTE current_setting('zfdw_test.script'); END $$;
SELECT c.relname, c.relkind FROM pg_class c WHERE c.relnamespace = 'ddl_out'::regnamespace ORDER BY 1;
SELECT attname, format_type(atttypid, atttypmod), pg_get_expr(d.adbin, d.adrelid) AS default
  FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
 WHERE attrelid = 'ddl_out."we""ird; DROP TABLE x; --"'::regclass AND attnum > 0 ORDER BY attnum;
SELECT obj_description('ddl_out."we""ird; DROP TABLE x; --"'::regclass, 'pg_class');
INSERT INTO ddl_out."we""ird; DROP TABLE x; --" ("co""l';") VALUES (1);
SELECT * FROM ddl_out."we""ird; DROP TABLE x; --";
SELECT * FROM ddl_out."v$zfdw$";
SELECT public.zt_error($$INSERT INTO ddl_out."we""ird; DROP TABLE x; --" VALUES (2, 'x', 'a''$q$;')$$);
SET search_path = test_privileges, public;
DROP SCHEMA ddl_out CASCADE;

-- 7. apply_changes writes as the caller: row-level security, column
-- privileges and triggers of the target apply to it
CREATE TABLE feed (op text, position bigint, id integer, val text);
INSERT INTO feed VALUES ('I', 1, 1, 'one'), ('I', 2, 500, 'five hundred');
CREATE TABLE cache (id integer PRIMARY KEY, val text);
ALTER TABLE feed OWNER TO regress_zfdw_plain;
GRANT SELECT, INSERT, UPDATE, DELETE ON cache TO regress_zfdw_plain;
ALTER TABLE cache ENABLE ROW LEVEL SECURITY;
CREATE POLICY small_ids ON cache TO regress_zfdw_plain USING (id < 100) WITH CHECK (id < 100);
SET ROLE regress_zfdw_plain;
SELECT zt_error($$SELECT inserted FROM zfdw.apply_changes('feed', 'cache')$$);
RESET ROLE;
SELECT count(*) FROM cache;
-- without the row that the policy refuses, the apply goes through
DELETE FROM feed WHERE id = 500;
SET ROLE regress_zfdw_plain;
SELECT inserted, high_water FROM zfdw.apply_changes('feed', 'cache');
RESET ROLE;
-- a column the caller may not update
ALTER TABLE cache DISABLE ROW LEVEL SECURITY;
REVOKE UPDATE ON cache FROM regress_zfdw_plain;
GRANT UPDATE (id) ON cache TO regress_zfdw_plain;
INSERT INTO feed VALUES ('U', 3, 1, 'uno');
SET ROLE regress_zfdw_plain;
SELECT zt_error($$SELECT updated FROM zfdw.apply_changes('feed', 'cache')$$);
RESET ROLE;
-- a trigger on the target runs as the caller, not as anyone else
GRANT UPDATE ON cache TO regress_zfdw_plain;
CREATE FUNCTION who_writes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE NOTICE 'written by %', current_user; RETURN NEW; END $$;
CREATE TRIGGER who_writes BEFORE INSERT OR UPDATE ON cache FOR EACH ROW EXECUTE FUNCTION who_writes();
SET ROLE regress_zfdw_plain;
SELECT updated, high_water FROM zfdw.apply_changes('feed', 'cache');
RESET ROLE;
SELECT * FROM cache ORDER BY id;

-- the backend is still there
SELECT count(*) FROM test_privileges.r1;

DROP SCHEMA test_privileges CASCADE;
DROP SERVER priv;
DROP ROLE regress_zfdw_plain;
DROP ROLE regress_zfdw_reader;
DROP ROLE regress_zfdw_runner;
