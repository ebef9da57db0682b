-- Shares of S3 objects (scripts/regress.sh starts the loopback s3rver
-- and uploads test/data as the bucket zfdw-test): one object of fixed
-- records split by records with ranged GETs, a glob of objects split by
-- the hash of their names; the union of the shares equals the local
-- file read whole.
\getenv abs_srcdir PG_ABS_SRCDIR
\getenv s3rver ZF_S3RVER_ENDPOINT
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_s3_shares;
SET search_path = test_s3_shares, public;
\set ksds :abs_srcdir '/data/cobol/ksds_acct_cp037.dat'
\set acctcpy :abs_srcdir '/../demo/data/ACCTMAST.cpy'
\set glob :abs_srcdir '/data/cobol/fixed_cp*.dat'

CREATE SERVER local_files FOREIGN DATA WRAPPER zfdw;
CREATE SERVER bucket FOREIGN DATA WRAPPER zfdw
    OPTIONS (s3_endpoint :'s3rver', aws_region 'us-east-1', s3_url_style 'path');
CREATE USER MAPPING FOR CURRENT_USER SERVER bucket
    OPTIONS (aws_access_key_id 'S3RVER', aws_secret_access_key 'S3RVER');

-- 1. one object, 3 shares of records
CREATE FOREIGN TABLE acct (acct_number bigint, acct_current_bal numeric(15,2),
                           recno bigint OPTIONS (meta 'record_number'))
    SERVER local_files OPTIONS (filename :'ksds', copybook :'acctcpy');
\set ECHO none
SELECT format('CREATE FOREIGN TABLE acct_%s (acct_number bigint, acct_current_bal numeric(15,2),
                   recno bigint OPTIONS (meta ''record_number''), share int OPTIONS (meta ''share''))
               SERVER bucket OPTIONS (filename ''s3://zfdw-test/cobol/ksds_acct_cp037.dat'',
                   copybook %L, share_count ''3'', share_index %L)', k, :'acctcpy', k)
  FROM generate_series(0, 2) k \gexec
\set ECHO all
CREATE VIEW acct_union AS
    SELECT acct_number, acct_current_bal, recno FROM acct_0 UNION ALL
    SELECT acct_number, acct_current_bal, recno FROM acct_1 UNION ALL
    SELECT acct_number, acct_current_bal, recno FROM acct_2;
SELECT (SELECT count(*) FROM acct_union) AS share_rows,
       (SELECT count(*) FROM (SELECT * FROM acct EXCEPT ALL SELECT * FROM acct_union) x) AS missing,
       (SELECT count(*) FROM (SELECT * FROM acct_union EXCEPT ALL SELECT * FROM acct) x) AS extra;
SELECT 1 AS k, min(recno), max(recno), count(*) FROM acct_1;
SELECT line FROM zt_explain($$(COSTS OFF) SELECT * FROM acct_2$$) line WHERE line ~ 'Share';
-- a pushed aggregate per share, re-aggregated, against the whole
SELECT sum(s), sum(c) FROM (
    SELECT share, sum(acct_current_bal) s, count(*) c FROM acct_0 GROUP BY share UNION ALL
    SELECT share, sum(acct_current_bal), count(*) FROM acct_1 GROUP BY share UNION ALL
    SELECT share, sum(acct_current_bal), count(*) FROM acct_2 GROUP BY share) u;
SELECT sum(acct_current_bal), count(*) FROM acct;
-- a key seek in an object's share
CREATE FOREIGN TABLE acctk_1 (acct_number bigint, recno bigint OPTIONS (meta 'record_number'))
    SERVER bucket OPTIONS (filename 's3://zfdw-test/cobol/ksds_acct_cp037.dat',
                           copybook :'acctcpy', key 'acct_number', share_count '3', share_index '1');
SELECT (SELECT acct_number FROM acct WHERE recno = 150) AS k150,
       (SELECT acct_number FROM acct WHERE recno = 50) AS k50 \gset
SELECT recno FROM acctk_1 WHERE acct_number = :k150;
SELECT count(*) FROM acctk_1 WHERE acct_number = :k50;

-- 2. a glob of objects, 2 shares of files
CREATE FOREIGN TABLE fx (f text OPTIONS (meta 'file_name'), n bigint OPTIONS (meta 'record_number'),
                         raw bytea OPTIONS (meta 'raw_record'))
    SERVER local_files OPTIONS (filename :'glob', lrecl '194');
\set ECHO none
SELECT format('CREATE FOREIGN TABLE fx_%s (f text OPTIONS (meta ''file_name''),
                   n bigint OPTIONS (meta ''record_number''), raw bytea OPTIONS (meta ''raw_record''))
               SERVER bucket OPTIONS (filename ''s3://zfdw-test/cobol/fixed_cp*.dat'', lrecl ''194'',
                   share_count ''2'', share_index %L)', k, k)
  FROM generate_series(0, 1) k \gexec
\set ECHO all
CREATE VIEW fx_union AS
    SELECT 0 AS k, regexp_replace(f, '^.*/', '') AS f, n, raw FROM fx_0 UNION ALL
    SELECT 1, regexp_replace(f, '^.*/', ''), n, raw FROM fx_1;
SELECT k, f, count(*) FROM fx_union GROUP BY 1, 2 ORDER BY 1, 2;
SELECT (SELECT count(*) FROM (SELECT regexp_replace(f, '^.*/', ''), n, raw FROM fx
                              EXCEPT ALL SELECT f, n, raw FROM fx_union) x) AS missing,
       (SELECT count(*) FROM (SELECT f, n, raw FROM fx_union
                              EXCEPT ALL SELECT regexp_replace(f, '^.*/', ''), n, raw FROM fx) x) AS extra;

DROP SCHEMA test_s3_shares CASCADE;
