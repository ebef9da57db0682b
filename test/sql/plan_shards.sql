-- zfdw.plan_shards: the DDL of a fan-out over postgres_fdw nodes, as
-- text (scripts/fanout_test.sh runs it on three instances), and its
-- refusals.  share_input: what a share reads, by the same code as a scan.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
SET client_min_messages TO warning;
CREATE EXTENSION IF NOT EXISTS postgres_fdw;
RESET client_min_messages;
CREATE SCHEMA test_plan_shards;
SET search_path = test_plan_shards, public;
\set ksds :abs_srcdir '/data/cobol/ksds_acct_cp037.dat'
\set acctcpy :abs_srcdir '/../demo/data/ACCTMAST.cpy'
\set fixed_glob :abs_srcdir '/data/cobol/fixed_cp*.dat'

CREATE SERVER ps_files FOREIGN DATA WRAPPER zfdw OPTIONS (codepage 'cp037');
CREATE SERVER ps_n1 FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '127.0.0.1', dbname 'x');
CREATE SERVER ps_n2 FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '127.0.0.1', dbname 'y');
CREATE FOREIGN TABLE "Acct" (acct_number bigint NOT NULL, acct_status text COLLATE "C",
                             bal numeric(15,2) OPTIONS (field 'acct_current_bal'))
    SERVER ps_files OPTIONS (filename :'ksds', copybook :'acctcpy', on_error 'null');

-- every node's DDL, and the coordinator's (node NULL)
SELECT node, replace(ddl, :'abs_srcdir', '<srcdir>') AS ddl
  FROM zfdw.plan_shards('"Acct"', '{ps_n1,ps_n2}', '{"coordinator_table": "acct fan"}')
 ORDER BY node NULLS LAST;

-- a share column of the table's own is kept
CREATE FOREIGN TABLE fx (raw bytea OPTIONS (meta 'raw_record'), part int OPTIONS (meta 'share'))
    SERVER ps_files OPTIONS (filename :'fixed_glob', lrecl '194');
SELECT node, replace(ddl, :'abs_srcdir', '<srcdir>') AS ddl
  FROM zfdw.plan_shards('fx', '{ps_n2}') ORDER BY node NULLS LAST;

-- refusals
SELECT * FROM zt_error($$SELECT * FROM zfdw.plan_shards('pg_class', '{ps_n1}')$$);
SELECT * FROM zt_error($$SELECT * FROM zfdw.plan_shards('fx', '{}')$$);
SELECT * FROM zt_error($$SELECT * FROM zfdw.plan_shards('fx', '{ps_n1,ps_n1}')$$);
SELECT * FROM zt_error($$SELECT * FROM zfdw.plan_shards('fx', '{ps_files}')$$);
SELECT * FROM zt_error($$SELECT * FROM zfdw.plan_shards('fx', '{ps_n1}', '{"nodes": 2}')$$);
CREATE FOREIGN TABLE fx1 (raw bytea OPTIONS (meta 'raw_record')) SERVER ps_files
    OPTIONS (filename :'fixed_glob', lrecl '194', share_count '2', share_index '1');
SELECT * FROM zt_error($$SELECT * FROM zfdw.plan_shards('fx1', '{ps_n1}')$$);
CREATE FOREIGN TABLE fx2 (raw bytea OPTIONS (meta 'raw_record'), share text) SERVER ps_files
    OPTIONS (filename :'fixed_glob', lrecl '194');
SELECT * FROM zt_error($$SELECT * FROM zfdw.plan_shards('fx2', '{ps_n1}')$$);
SELECT count(*) FROM zfdw.plan_shards('fx2', '{ps_n1}', '{"share_column": "node_share"}');
SELECT * FROM zt_error($$SELECT * FROM zfdw.check_shards('fx')$$);

-- share_input: the whole input and the share, as the scan computes them
SELECT share_count, share_index, input_files, input_bytes, share_files, first_record, end_record
  FROM zfdw.share_input('fx1');
SELECT share_count, share_index, input_files, input_bytes, share_files, first_record, end_record
  FROM zfdw.share_input('"Acct"');
SELECT (SELECT input_digest FROM zfdw.share_input('fx1')) = (SELECT input_digest FROM zfdw.share_input('fx'))
    AS same_digest;
SELECT * FROM zt_error($$SELECT * FROM zfdw.share_input('pg_class')$$);

DROP SCHEMA test_plan_shards CASCADE;
DROP SERVER ps_n1, ps_n2;
