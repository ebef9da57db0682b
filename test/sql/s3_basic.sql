-- Objects in an S3-compatible store (s3rver, a Node.js implementation of
-- S3, on the loopback address; scripts/regress.sh starts it and uploads
-- test/data as the bucket zfdw-test) read as the local files are: every
-- feature on an object gives the same rows as on the local file.
\getenv abs_srcdir PG_ABS_SRCDIR
\getenv s3rver ZF_S3RVER_ENDPOINT
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_s3_basic;
SET search_path = test_s3_basic, public;
\set d :abs_srcdir '/data'
\set acctcpy :abs_srcdir '/../demo/data/ACCTMAST.cpy'

CREATE SERVER local_files FOREIGN DATA WRAPPER zfdw;
CREATE SERVER bucket FOREIGN DATA WRAPPER zfdw
    OPTIONS (s3_endpoint :'s3rver', aws_region 'us-east-1', s3_url_style 'path');
CREATE USER MAPPING FOR CURRENT_USER SERVER bucket
    OPTIONS (aws_access_key_id 'S3RVER', aws_secret_access_key 'S3RVER');

-- Rows of two relations that differ, both ways (0 when the same).
CREATE FUNCTION differences(a regclass, b regclass) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE n bigint;
BEGIN
    EXECUTE format('SELECT count(*) FROM ((SELECT * FROM %s EXCEPT ALL SELECT * FROM %s)
                    UNION ALL (SELECT * FROM %s EXCEPT ALL SELECT * FROM %s)) x', a, b, b, a)
       INTO n;
    RETURN n;
END $$;

-- 1. fixed-length records through a copybook that is itself an object
CREATE SCHEMA fb_local;
CREATE SCHEMA fb_s3;
\set f :d '/cobol/fixed_cp037.dat'
\set c :d '/cobol/FIXREC.cpy'
IMPORT FOREIGN SCHEMA fixrec FROM SERVER local_files INTO fb_local
  OPTIONS (copybook :'c', filename :'f');
IMPORT FOREIGN SCHEMA fixrec FROM SERVER bucket INTO fb_s3
  OPTIONS (copybook 's3://zfdw-test/cobol/FIXREC.cpy',
           filename 's3://zfdw-test/cobol/fixed_cp037.dat');
SELECT foreign_table_name, option_name, option_value
  FROM information_schema.foreign_table_options
 WHERE foreign_table_schema = 'fb_s3' ORDER BY 1, 2;
SELECT count(*) FROM fb_s3.fix_rec;
SELECT differences('fb_local.fix_rec', 'fb_s3.fix_rec');

-- 2. variable-length records (RDW) with OCCURS DEPENDING ON
CREATE SCHEMA vb_local;
CREATE SCHEMA vb_s3;
\set f :d '/cobol/odo_vb_cp037.dat'
\set c :d '/cobol/ODOREC.cpy'
IMPORT FOREIGN SCHEMA odorec FROM SERVER local_files INTO vb_local
  OPTIONS (copybook :'c', filename :'f', recfm 'vb');
IMPORT FOREIGN SCHEMA odorec FROM SERVER bucket INTO vb_s3
  OPTIONS (copybook 's3://zfdw-test/cobol/ODOREC.cpy',
           filename 's3://zfdw-test/cobol/odo_vb_cp037.dat', recfm 'vb');
SELECT count(*) FROM vb_s3.order_rec;
SELECT differences('vb_local.order_rec', 'vb_s3.order_rec');

-- 3. a DB2 unload through its punch and DDL, both objects
CREATE SCHEMA db2_local;
CREATE SCHEMA db2_s3;
\set f :d '/punch/alltypes.dat'
\set p :d '/punch/alltypes.punch'
\set ddl :d '/punch/alltypes.ddl'
IMPORT FOREIGN SCHEMA zfdw FROM SERVER local_files INTO db2_local
  OPTIONS (punch :'p', filename :'f', ddl :'ddl');
IMPORT FOREIGN SCHEMA zfdw FROM SERVER bucket INTO db2_s3
  OPTIONS (punch 's3://zfdw-test/punch/alltypes.punch',
           filename 's3://zfdw-test/punch/alltypes.dat',
           ddl 's3://zfdw-test/punch/alltypes.ddl');
SELECT foreign_table_name FROM information_schema.foreign_tables
 WHERE foreign_table_schema = 'db2_s3' ORDER BY 1;
SELECT t.foreign_table_name,
       differences(format('db2_local.%I', t.foreign_table_name)::regclass,
                   format('db2_s3.%I', t.foreign_table_name)::regclass)
  FROM information_schema.foreign_tables t
 WHERE foreign_table_schema = 'db2_s3' ORDER BY 1;

-- 4. a glob over a prefix: the objects in name order, * not crossing '/'
\set g :d '/cobol/fixed_cp1*.dat'
CREATE FOREIGN TABLE glob_local (f text OPTIONS (meta 'file_name'), n bigint OPTIONS (meta 'record_number'),
                                 raw bytea OPTIONS (meta 'raw_record'))
    SERVER local_files OPTIONS (filename :'g', lrecl '194');
CREATE FOREIGN TABLE glob_s3 (f text OPTIONS (meta 'file_name'), n bigint OPTIONS (meta 'record_number'),
                              raw bytea OPTIONS (meta 'raw_record'))
    SERVER bucket OPTIONS (filename 's3://zfdw-test/cobol/fixed_cp1*.dat', lrecl '194');
SELECT f, count(*), min(n), max(n) FROM glob_s3 GROUP BY f ORDER BY f;
SELECT count(*) AS same FROM glob_s3 s JOIN glob_local l
    ON regexp_replace(l.f, '^.*/', '') = regexp_replace(s.f, '^.*/', '') AND l.n = s.n AND l.raw = s.raw;
-- '*' does not cross '/': nothing directly under the bucket matches
SELECT * FROM zt_error($$SELECT count(*) FROM glob_nothing$$);
CREATE FOREIGN TABLE glob_nothing (raw bytea OPTIONS (meta 'raw_record'))
    SERVER bucket OPTIONS (filename 's3://zfdw-test/*_cp037.dat', lrecl '194');
SELECT * FROM zt_error($$SELECT count(*) FROM glob_nothing$$);
CREATE FOREIGN TABLE glob_deep (f text OPTIONS (meta 'file_name'))
    SERVER bucket OPTIONS (filename 's3://zfdw-test/*/fixed_cp0*.dat', lrecl '194');
SELECT f, count(*) FROM glob_deep GROUP BY f ORDER BY f;

-- 5. a KSDS export: a parallel scan, key seeks, ANALYZE
\set ksds :d '/cobol/ksds_acct_cp037.dat'
CREATE FOREIGN TABLE acct_local (acct_number bigint, acct_branch smallint,
                                 acct_holder_name text, acct_current_bal numeric(15,2))
    SERVER local_files OPTIONS (filename :'ksds',
                                copybook :'acctcpy', key 'acct_number');
CREATE FOREIGN TABLE acct_s3 (acct_number bigint, acct_branch smallint,
                              acct_holder_name text, acct_current_bal numeric(15,2))
    SERVER bucket OPTIONS (filename 's3://zfdw-test/cobol/ksds_acct_cp037.dat',
                           copybook 's3://zfdw-test/demo/ACCTMAST.cpy', key 'acct_number');
SELECT differences('acct_local', 'acct_s3');
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET zfdw.parallel_chunk_size = '1kB';
-- (an aggregate computed in the scan would not be split)
SET zfdw.enable_aggregate_pushdown = off;
EXPLAIN (COSTS OFF) SELECT sum(acct_current_bal), count(*) FROM acct_s3;
SELECT sum(acct_current_bal), count(*) FROM acct_s3;
SELECT sum(acct_current_bal), count(*) FROM acct_local;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET zfdw.parallel_chunk_size;
RESET zfdw.enable_aggregate_pushdown;
-- seeks: the same rows, a handful of requests
CREATE TABLE acct_copy AS SELECT * FROM acct_local;
SELECT bool_and((SELECT count(*) FROM acct_s3 WHERE acct_number = c.acct_number) = 1) AS all_found
  FROM acct_copy c;
SELECT * FROM acct_s3 WHERE acct_number = (SELECT max(acct_number) FROM acct_copy);
SELECT * FROM acct_s3 WHERE acct_number = 1;
-- the counts of EXPLAIN ANALYZE: the object, and few requests for a seek
CREATE FUNCTION s3_counts(q text) RETURNS TABLE (name text, value text)
LANGUAGE plpgsql AS $$
DECLARE plan json;
BEGIN
    EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, FORMAT JSON) ' || q INTO plan;
    RETURN QUERY SELECT k, CASE WHEN k = 'S3 Bytes Received' THEN
                         CASE WHEN (v #>> '{}')::bigint <= 200000 THEN 'at most 200000' ELSE v #>> '{}' END
                      ELSE v #>> '{}' END
      FROM json_each(plan -> 0 -> 'Plan') AS e(k, v)
     WHERE k IN ('Foreign File', 'Key Seeks', 'Records Read', 'S3 Requests', 'S3 Bytes Received', 'S3 Retries');
END $$;
-- (a HEAD, the probes of a binary search over 300 records, a block)
SELECT * FROM s3_counts('SELECT * FROM acct_s3 WHERE acct_number = (SELECT max(acct_number) FROM acct_copy)');
-- an object found out of key order is an error
CREATE FOREIGN TABLE unsorted (k integer OPTIONS (position '1', pic '9(4)'),
                               v text OPTIONS (position '5', length '4'))
    SERVER bucket OPTIONS (filename 's3://zfdw-test/hand/unsorted.dat', lrecl '8', key 'k');
SELECT zt_error($$SELECT * FROM unsorted$$);
-- ANALYZE samples the object as it samples the file
ANALYZE acct_local;
ANALYZE acct_s3;
-- (this test's tables: compress_plans has a heap table acct_local, which
-- autovacuum may or may not have analyzed by now)
SELECT c.relname, c.reltuples FROM pg_class c
 WHERE c.oid IN ('acct_local'::regclass, 'acct_s3'::regclass) ORDER BY 1;
SELECT attname, n_distinct FROM pg_stats WHERE tablename = 'acct_s3' AND attname = 'acct_number';

-- 6. a change extract applied from objects: the same cache as from files
\set cpy :d '/cdc/CDCBANK.cpy'
\set fb :d '/cdc/positional/CDC.D2024061.T*.fb'
CREATE SCHEMA cdc_local;
CREATE SCHEMA cdc_s3;
IMPORT FOREIGN SCHEMA cdcbank FROM SERVER local_files INTO cdc_local
	OPTIONS (copybook :'cpy', filename :'fb', lrecl '157', codepage 'cp037');
IMPORT FOREIGN SCHEMA cdcbank FROM SERVER bucket INTO cdc_s3
	OPTIONS (copybook 's3://zfdw-test/cdc/CDCBANK.cpy',
	         filename 's3://zfdw-test/cdc/positional/CDC.D2024061.T*.fb', lrecl '157', codepage 'cp037');
ALTER FOREIGN TABLE cdc_local.cdc_account_rec
	OPTIONS (ADD segment_field 'cdc_table', segment_value 'ACCOUNT'),
	ALTER COLUMN cdc_log_pos TYPE bytea, ALTER COLUMN cdc_urid TYPE bytea;
ALTER FOREIGN TABLE cdc_s3.cdc_account_rec
	OPTIONS (ADD segment_field 'cdc_table', segment_value 'ACCOUNT'),
	ALTER COLUMN cdc_log_pos TYPE bytea, ALTER COLUMN cdc_urid TYPE bytea;
CREATE TABLE cache_local (acct_id integer PRIMARY KEY, acct_name text, acct_balance numeric(13,2));
CREATE TABLE cache_s3 (LIKE cache_local INCLUDING ALL);
SELECT inserted, updated, deleted, skipped
  FROM zfdw.apply_changes('cdc_local.cdc_account_rec', 'cache_local',
						  op_column => 'cdc_op', position_column => 'cdc_log_pos',
						  txid_column => 'cdc_urid');
SELECT inserted, updated, deleted, skipped
  FROM zfdw.apply_changes('cdc_s3.cdc_account_rec', 'cache_s3',
						  op_column => 'cdc_op', position_column => 'cdc_log_pos',
						  txid_column => 'cdc_urid');
SELECT differences('cache_local', 'cache_s3'), (SELECT count(*) FROM cache_s3) AS rows;

-- 7. delimited text: a DB2 UNLOAD ... DELIMITED file in EBCDIC (RDWs)
\set del :d '/delimited/db2_dept.vb'
CREATE FOREIGN TABLE dept_local (deptno char(3), deptname varchar(36), mgrno char(6),
                                 budget numeric(9,2), started date, updated timestamp)
    SERVER local_files OPTIONS (filename :'del', format 'delimited', recfm 'vb');
CREATE FOREIGN TABLE dept_s3 (deptno char(3), deptname varchar(36), mgrno char(6),
                              budget numeric(9,2), started date, updated timestamp)
    SERVER bucket OPTIONS (filename 's3://zfdw-test/delimited/db2_dept.vb', format 'delimited', recfm 'vb');
SELECT count(*), differences('dept_local', 'dept_s3') FROM dept_s3;

-- 8. errors name the bucket, the key and the HTTP status
CREATE FOREIGN TABLE missing (raw bytea OPTIONS (meta 'raw_record'))
    SERVER bucket OPTIONS (filename 's3://zfdw-test/cobol/no_such.dat', lrecl '194');
SELECT * FROM zt_error($$SELECT count(*) FROM missing$$);
SELECT * FROM zt_error($$IMPORT FOREIGN SCHEMA fixrec FROM SERVER bucket INTO fb_s3
  OPTIONS (copybook 's3://zfdw-test/cobol/NOSUCH.cpy', filename 's3://zfdw-test/x')$$);
CREATE FOREIGN TABLE no_bucket (raw bytea OPTIONS (meta 'raw_record'))
    SERVER bucket OPTIONS (filename 's3://zfdw-nothere/x.dat', lrecl '194');
SELECT * FROM zt_error($$SELECT count(*) FROM no_bucket$$);
SELECT * FROM zt_error($$CREATE FOREIGN TABLE bad_name (raw bytea) SERVER bucket
    OPTIONS (filename 's3://zfdw-test', lrecl '194')$$);

DROP SCHEMA test_s3_basic CASCADE;
DROP SERVER bucket CASCADE;
DROP SERVER local_files CASCADE;
