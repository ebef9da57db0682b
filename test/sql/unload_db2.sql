-- zfdw.unload_for_db2: a query's rows as a DB2 for z/OS UNLOAD data set
-- and its LOAD statement.  The oracles: the rows read back through the
-- punch by zfdw's SYSPUNCH reader (a foreign table with punch) equal the
-- source query's rows (EXCEPT ALL both ways, over generated boundary
-- values of every supported type and NULLs, EBCDIC and Unicode); the
-- LOAD statement and the CREATE TABLE equal texts written by hand from
-- IBM's LOAD syntax (Db2 for z/OS Utility Guide, LOAD; field
-- specifications POSITION(start:end), NULLIF(start)=X'FF', CHAR(length),
-- VARCHAR, DECIMAL PACKED(length,scale), DATE/TIME/TIMESTAMP EXTERNAL);
-- a few records are checked as hex worked out by hand.
\getenv abs_srcdir PG_ABS_SRCDIR
\getenv abs_builddir PG_ABS_BUILDDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_unload;
SET search_path = test_unload, public;
SELECT set_config('zfdw_test.builddir', :'abs_builddir', false) IS NOT NULL AS builddir_set \gset
CREATE FUNCTION ut_error(stmt text) RETURNS SETOF text LANGUAGE sql AS $$
    SELECT replace(e, current_setting('zfdw_test.builddir'), '<dir>') FROM zt_error(stmt) e $$;
CREATE FUNCTION file_hex(path text, n int) RETURNS SETOF text LANGUAGE sql AS $$
    SELECT upper(encode(substr(b, i, n), 'hex'))
    FROM pg_read_binary_file(path) b, generate_series(1, length(b), n) i ORDER BY i $$;
CREATE SERVER usrv FOREIGN DATA WRAPPER zfdw;

-- 1. The statement of a small table, checked against the hand-written
--    text; its records against hex worked out by hand:
--    ID INTEGER 1-4; indicator 5, NAME VARCHAR(6) 6-13; indicator 14,
--    AMT DECIMAL(5,2) 15-17; indicator 18, DT DATE EXTERNAL 19-28.
\set d :abs_builddir '/unload_small.dat'
\set p :abs_builddir '/unload_small.punch'
SELECT records, bytes, create_table FROM zfdw.unload_for_db2(
  $$SELECT id, name::varchar(6), amt::numeric(5,2), dt
      FROM (VALUES (1, 'ab', 12.5, date '2024-02-29'), (-2, NULL, -0.01, NULL)) v(id, name, amt, dt)$$,
  :'d', :'p', 'ZFDW.SMALL', '{"create_table": true}');
SELECT pg_read_file(:'p') = $$LOAD DATA INDDN SYSREC LOG NO RESUME YES
 EBCDIC  CCSID(00037,00000,00000)
 INTO TABLE "ZFDW"."SMALL"
 ( "ID"
        POSITION(  00002:00005) INTEGER
                          NULLIF(00001)=X'FF'
 , "NAME"
        POSITION(  00007:00014) VARCHAR
                          NULLIF(00006)=X'FF'
 , "AMT"
        POSITION(  00016:00018) DECIMAL PACKED(00005,00002)
                          NULLIF(00015)=X'FF'
 , "DT"
        POSITION(  00020:00029) DATE EXTERNAL
                          NULLIF(00019)=X'FF'
 )
$$ AS punch_as_written_by_hand;
-- record 1: 00 | 00000001 | 00 | 0002 8182 40404040 ('ab' in cp037, padded)
--   | 00 | 01250C (+125.0 packed, scale 2) | 00 | F2F0F2F460F0F260F2F9 ('2024-02-29')
-- record 2: 00 | FFFFFFFE (-2) | FF | 0000 40404040 40404040 (NULL: empty,
--   blanks) | 00 | 00001D (-0.01) | FF | 40 x 10 (NULL date: blanks)
SELECT * FROM file_hex(:'d', 29);
-- the CREATE TABLE reads as DB2 DDL to zfdw's own DDL converter
SELECT create_table FROM zfdw.unload_for_db2('SELECT 1::int2 AS x', :'d', :'p', 'S', '{"create_table": true}');
SELECT zfdw.db2_ddl_to_pg((SELECT create_table FROM zfdw.unload_for_db2(
  $$SELECT 1 AS id, 'x'::varchar(6) AS name, 1.5::numeric(5,2) AS amt, now()::date AS dt$$,
  :'d', :'p', 'ZFDW.SMALL', '{"create_table": true}')));

-- NOT NULL columns (option not_null): no indicator byte, NOT NULL in the
-- CREATE TABLE; ID INTEGER 1-4, NAME VARCHAR(6) 5-12 (indicator none),
-- AMT 14-16 after its indicator 13
SELECT records, bytes, create_table FROM zfdw.unload_for_db2(
  $$SELECT id, name::varchar(6), amt::numeric(5,2)
      FROM (VALUES (1, 'ab', 12.5), (-2, 'c', NULL)) v(id, name, amt)$$,
  :'d', :'p', 'ZFDW.SMALL', '{"create_table": true, "not_null": ["id", "NAME"]}');
SELECT pg_read_file(:'p') = $$LOAD DATA INDDN SYSREC LOG NO RESUME YES
 EBCDIC  CCSID(00037,00000,00000)
 INTO TABLE "ZFDW"."SMALL"
 ( "ID"
        POSITION(  00001:00004) INTEGER
 , "NAME"
        POSITION(  00005:00012) VARCHAR
 , "AMT"
        POSITION(  00014:00016) DECIMAL PACKED(00005,00002)
                          NULLIF(00013)=X'FF'
 )
$$ AS not_null_punch_as_written_by_hand;
SELECT * FROM file_hex(:'d', 16);
CREATE FOREIGN TABLE back_not_null (id int, name varchar(6), amt numeric(5,2))
  SERVER usrv OPTIONS (punch :'p', filename :'d');
SELECT * FROM back_not_null;
SELECT * FROM ut_error(format('SELECT * FROM zfdw.unload_for_db2(%L, %L, %L, %L, %L)',
  'SELECT 1 AS id UNION ALL SELECT NULL', :'d', :'p', 'T', '{"not_null": true}'));
SELECT * FROM ut_error(format('SELECT * FROM zfdw.unload_for_db2(%L, %L, %L, %L, %L)',
  'SELECT 1 AS id', :'d', :'p', 'T', '{"not_null": ["idd"]}'));

-- 2. Round trips: every supported type at its boundaries, and NULLs,
--    written by unload_for_db2 and read back through its own punch.
CREATE TABLE src (
    id int4, i2 int2, i8 int8, d1 numeric(1,0), d5 numeric(5,2),
    d31 numeric(31,0), d31s numeric(31,31), r float4, f float8,
    c char(5), v varchar(12), t text, dt date, tm time(0), ts timestamp);
INSERT INTO src VALUES
 (-2147483648, -32768, -9223372036854775808, -9, -999.99,
  -9999999999999999999999999999999, -0.9999999999999999999999999999999,
  -3.4028235e38, -1e75, 'A', '', 'x', '0001-01-01', '00:00:00', '0001-01-01 00:00:00'),
 (2147483647, 32767, 9223372036854775807, 9, 999.99,
  9999999999999999999999999999999, 0.9999999999999999999999999999999,
  1.5, 7.2e75, 'ABCDE', 'trailing  ', repeat('z', 200), '9999-12-31', '23:59:59',
  '9999-12-31 23:59:59.999999'),
 (0, 0, 0, 0, 0, 0, 0, 0, 0, ' ', ' ', ' lead', '2000-02-29', '12:00:01', '2000-02-29 12:34:56.000001'),
 (1, 1, 1, 1, 0.01, 1, 0.0000000000000000000000000000001, -0.5, 1e-78,
  'é¬|!', 'àçñ ¢£¥', 'Größe', '1970-01-01', '01:02:03', '1970-01-01 00:00:00'),
 (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
\set d :abs_builddir '/unload_all.dat'
\set p :abs_builddir '/unload_all.punch'
SELECT records, bytes FROM zfdw.unload_for_db2('SELECT * FROM src', :'d', :'p', 'ZFDW.ALLT',
  '{"varchar_length": 200}');
CREATE FOREIGN TABLE back_all (
    id int4, i2 int2, i8 int8, d1 numeric(1,0), d5 numeric(5,2),
    d31 numeric(31,0), d31s numeric(31,31), r float4, f float8,
    c char(5), v varchar(12), t text, dt date, tm time(0), ts timestamp)
  SERVER usrv OPTIONS (punch :'p', filename :'d');
SELECT (SELECT count(*) FROM back_all) AS rows_read,
       (SELECT count(*) FROM (SELECT * FROM src EXCEPT ALL SELECT * FROM back_all) x) AS missing,
       (SELECT count(*) FROM (SELECT * FROM back_all EXCEPT ALL SELECT * FROM src) x) AS extra;
-- the same in CCSID 1047, with IEEE floats, as RECFM VB
\set d :abs_builddir '/unload_ieee.dat'
\set p :abs_builddir '/unload_ieee.punch'
SELECT records, bytes FROM zfdw.unload_for_db2('SELECT * FROM src', :'d', :'p', 'ALLT',
  '{"varchar_length": 200, "codepage": "cp1047", "float": "ieee", "recfm": "vb"}');
CREATE FOREIGN TABLE back_ieee (
    id int4, i2 int2, i8 int8, d1 numeric(1,0), d5 numeric(5,2),
    d31 numeric(31,0), d31s numeric(31,31), r float4, f float8,
    c char(5), v varchar(12), t text, dt date, tm time(0), ts timestamp)
  SERVER usrv OPTIONS (punch :'p', filename :'d', recfm 'vb');
SELECT (SELECT count(*) FROM back_ieee) AS rows_read,
       (SELECT count(*) FROM (SELECT * FROM src EXCEPT ALL SELECT * FROM back_ieee) x) AS missing,
       (SELECT count(*) FROM (SELECT * FROM back_ieee EXCEPT ALL SELECT * FROM src) x) AS extra;
SELECT line FROM regexp_split_to_table(pg_read_file(:'p'), E'\n') line LIMIT 4;

-- 3. Unicode: UTF-8 data (CCSID 1208), character columns MIXED; text
--    beyond Latin-1, four-byte characters included
CREATE TABLE usrc (id int4, c char(3), v varchar(5), t text);
INSERT INTO usrc VALUES (1, '€ü', '日本語', 'emoji 😀 ok'), (2, 'abc', '', NULL),
    (3, NULL, 'ßßßßß', repeat('я', 40));
\set d :abs_builddir '/unload_utf8.dat'
\set p :abs_builddir '/unload_utf8.punch'
SELECT records, bytes FROM zfdw.unload_for_db2('SELECT * FROM usrc', :'d', :'p', 'ZFDW.UNI',
  '{"varchar_length": 80, "codepage": "utf8"}');
SELECT pg_read_file(:'p') = $$LOAD DATA INDDN SYSREC LOG NO RESUME YES
 UNICODE CCSID(00367,01208,01200)
 INTO TABLE "ZFDW"."UNI"
 ( "ID"
        POSITION(  00002:00005) INTEGER
                          NULLIF(00001)=X'FF'
 , "C"
        POSITION(  00007:00018) CHAR MIXED(00012)
                          NULLIF(00006)=X'FF'
 , "V"
        POSITION(  00020:00041) VARCHAR MIXED
                          NULLIF(00019)=X'FF'
 , "T"
        POSITION(  00043:00124) VARCHAR MIXED
                          NULLIF(00042)=X'FF'
 )
$$ AS unicode_punch_as_written_by_hand;
CREATE FOREIGN TABLE back_utf8 (id int4, c char(3), v varchar(5), t text)
  SERVER usrv OPTIONS (punch :'p', filename :'d');
SELECT (SELECT count(*) FROM back_utf8) AS rows_read,
       (SELECT count(*) FROM (SELECT * FROM usrc EXCEPT ALL SELECT * FROM back_utf8) x) AS missing,
       (SELECT count(*) FROM (SELECT * FROM back_utf8 EXCEPT ALL SELECT * FROM usrc) x) AS extra;
-- IMPORT FOREIGN SCHEMA makes the same table from the punch alone
CREATE SCHEMA unload_import;
IMPORT FOREIGN SCHEMA "ZFDW" FROM SERVER usrv INTO unload_import OPTIONS (punch :'p', filename :'d');
SELECT count(*) FROM (SELECT * FROM unload_import.uni EXCEPT ALL SELECT * FROM usrc) x;

-- 4. Generated values: 5000 rows of random numbers, texts and dates
SELECT setseed(0.16);
CREATE TABLE gen AS
SELECT g AS id, (random() * 65535 - 32768)::int2 AS i2,
       (random() * 1e18)::int8 * (CASE WHEN g % 2 = 0 THEN -1 ELSE 1 END) AS i8,
       round((random() * 2e9 - 1e9)::numeric, 4)::numeric(15,4) AS amount,
       (random() * 1e6)::int4 / 64.0::float8 AS f,
       CASE WHEN g % 7 = 0 THEN NULL ELSE substr(md5(g::text), 1, (g % 30)) END::varchar(30) AS name,
       date '1900-01-01' + (random() * 70000)::int AS dt,
       timestamp '1990-01-01' + random() * interval '30000 days' AS ts
FROM generate_series(1, 5000) g;
\set d :abs_builddir '/unload_gen.dat'
\set p :abs_builddir '/unload_gen.punch'
SELECT records, bytes FROM zfdw.unload_for_db2('SELECT * FROM gen', :'d', :'p', 'GEN');
CREATE FOREIGN TABLE back_gen (id int4, i2 int2, i8 int8, amount numeric(15,4), f float8,
    name varchar(30), dt date, ts timestamp) SERVER usrv OPTIONS (punch :'p', filename :'d');
SELECT (SELECT count(*) FROM back_gen) AS rows_read,
       (SELECT count(*) FROM (SELECT * FROM gen EXCEPT ALL SELECT * FROM back_gen) x) AS missing,
       (SELECT count(*) FROM (SELECT * FROM back_gen EXCEPT ALL SELECT * FROM gen) x) AS extra;

-- 5. Refusals: types without a lossless DB2 column, values that do not
--    fit, paths and privileges
SELECT * FROM ut_error($$SELECT * FROM zfdw.unload_for_db2('SELECT true AS flag', '/tmp/x.dat', '/tmp/x.punch', 'T')$$);
SELECT * FROM ut_error($$SELECT * FROM zfdw.unload_for_db2('SELECT now() AS at', '/tmp/x.dat', '/tmp/x.punch', 'T')$$);
SELECT * FROM ut_error($$SELECT * FROM zfdw.unload_for_db2('SELECT 1.5 AS amount', '/tmp/x.dat', '/tmp/x.punch', 'T')$$);
SELECT * FROM ut_error($$SELECT * FROM zfdw.unload_for_db2('SELECT ''a''::text AS t', '/tmp/x.dat', '/tmp/x.punch', 'T')$$);
SELECT * FROM ut_error($$SELECT * FROM zfdw.unload_for_db2('SELECT ''\x00''::bytea AS b', '/tmp/x.dat', '/tmp/x.punch', 'T')$$);
SELECT * FROM ut_error($$SELECT * FROM zfdw.unload_for_db2('SELECT 1::numeric(40,2) AS n', '/tmp/x.dat', '/tmp/x.punch', 'T')$$);
SELECT * FROM ut_error($$SELECT * FROM zfdw.unload_for_db2('SELECT 1 AS a, 2 AS "A"', '/tmp/x.dat', '/tmp/x.punch', 'T')$$);
\set d :abs_builddir '/unload_bad.dat'
\set p :abs_builddir '/unload_bad.punch'
SELECT set_config('zfdw_test.d', :'d', false) IS NOT NULL AS d_set, set_config('zfdw_test.p', :'p', false) IS NOT NULL AS p_set;
CREATE FUNCTION try_unload(q text, opts jsonb DEFAULT '{}') RETURNS SETOF text LANGUAGE sql AS $$
    SELECT * FROM ut_error(format('SELECT * FROM zfdw.unload_for_db2(%L, %L, %L, %L, %L)', q,
        current_setting('zfdw_test.d'), current_setting('zfdw_test.p'), 'ZFDW.BAD', opts)) $$;
-- a scale that would round, too many digits, a text too long, a REAL that
-- a short HFP cannot hold, NaN, a BC date, a time with fractions
SELECT * FROM try_unload('SELECT 1.005::numeric(6,3)::numeric AS n', '{"numeric": "5,2"}');
SELECT * FROM try_unload('SELECT 12345.5::numeric AS n', '{"numeric": "5,2"}');
SELECT * FROM try_unload($$SELECT g AS id, repeat('x', g)::text AS t FROM generate_series(1, 5) g$$, '{"varchar_length": 3}');
SELECT * FROM try_unload('SELECT 0.1::float4 AS r');
SELECT * FROM try_unload($$SELECT 'NaN'::float8 AS f$$);
SELECT * FROM try_unload($$SELECT date '0044-03-15 BC' AS dt$$);
SELECT * FROM try_unload($$SELECT time '10:00:00.5' AS tm$$);
SELECT * FROM try_unload($$SELECT 'ĉ'::varchar(2) AS v$$);
SELECT * FROM try_unload('SELECT 1 AS x', '{"codepage": "cp930"}');
SELECT * FROM try_unload('SELECT 1 AS x', '{"colour": "red"}');
-- nothing was written by the failed calls
SELECT pg_stat_file(:'d', true) IS NULL AS no_data_file, pg_stat_file(:'p', true) IS NULL AS no_punch_file;
-- a rolled-back unload leaves the files as they were; a committed one
-- replaces both
SELECT records FROM zfdw.unload_for_db2('SELECT 1 AS x', :'d', :'p', 'ZFDW.BAD');
BEGIN;
SELECT records FROM zfdw.unload_for_db2('SELECT generate_series(1, 3) AS x', :'d', :'p', 'ZFDW.OTHER');
SELECT length(pg_read_binary_file(:'d')) AS bytes_before_commit, pg_read_file(:'p') LIKE '%"BAD"%' AS old_punch;
ROLLBACK;
SELECT length(pg_read_binary_file(:'d')) AS bytes_after_rollback, pg_read_file(:'p') LIKE '%"BAD"%' AS old_punch;
SELECT records FROM zfdw.unload_for_db2('SELECT generate_series(1, 3) AS x', :'d', :'p', 'ZFDW.OTHER');
SELECT length(pg_read_binary_file(:'d')) AS bytes_after_commit, pg_read_file(:'p') LIKE '%"OTHER"%' AS new_punch;
-- paths
SELECT * FROM ut_error($$SELECT * FROM zfdw.unload_for_db2('SELECT 1 AS x', 'rel.dat', '/tmp/x.punch', 'T')$$);
SELECT * FROM ut_error($$SELECT * FROM zfdw.unload_for_db2('SELECT 1 AS x', '/tmp/../etc/x.dat', '/tmp/x.punch', 'T')$$);
SELECT * FROM ut_error($$SELECT * FROM zfdw.unload_for_db2('SELECT 1 AS x', '/tmp/x.dat', '/tmp/x.dat', 'T')$$);
-- a role without pg_write_server_files may not unload
CREATE ROLE unload_nobody;
GRANT USAGE ON SCHEMA test_unload TO unload_nobody;
SET ROLE unload_nobody;
SELECT * FROM ut_error($$SELECT * FROM zfdw.unload_for_db2('SELECT 1 AS x', '/tmp/x.dat', '/tmp/x.punch', 'T')$$);
RESET ROLE;
-- a member of pg_write_server_files may
GRANT pg_write_server_files TO unload_nobody;
SET ROLE unload_nobody;
SELECT records FROM zfdw.unload_for_db2('SELECT 7 AS x', :'d', :'p', 'ZFDW.MEMBER');
RESET ROLE;
-- a symbolic link is not written through
\set l :abs_builddir '/unload_link.dat'
SELECT set_config('zfdw_test.l', :'l', false) IS NOT NULL AS l_set;
DO $$ BEGIN EXECUTE format('COPY (SELECT 1) TO PROGRAM %L', format('cat >/dev/null; ln -sf %s %s', current_setting('zfdw_test.d'), current_setting('zfdw_test.l'))); END $$;
SELECT * FROM ut_error(format('SELECT * FROM zfdw.unload_for_db2(%L, %L, %L, %L)', 'SELECT 1 AS x', :'l', :'p', 'T'));
DROP OWNED BY unload_nobody;
DROP ROLE unload_nobody;
