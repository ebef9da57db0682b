-- ANALYZE: fixed-length files are sampled by seeking to random records;
-- other files are read whole.  The statistics feed join planning.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_analyze;
SET search_path = test_analyze, public;

-- ANALYZE VERBOSE runs in a psql of its own whose output shows only the
-- lines that say how the rows were sampled: PostgreSQL 18 adds an INFO
-- with buffer and WAL figures that vary from run to run
\setenv PGDATABASE :DBNAME
\set acctmast :abs_srcdir '/../demo/data/acctmast.dat'
\set acctcpy :abs_srcdir '/../demo/data/ACCTMAST.cpy'
\set odo :abs_srcdir '/data/cobol/odo_vb_cp037.dat'
\set odocpy :abs_srcdir '/data/cobol/ODOREC.cpy'

CREATE SERVER an FOREIGN DATA WRAPPER zfdw;
IMPORT FOREIGN SCHEMA acctmast FROM SERVER an INTO test_analyze
  OPTIONS (copybook :'acctcpy', filename :'acctmast');
IMPORT FOREIGN SCHEMA odorec FROM SERVER an INTO test_analyze
  OPTIONS (copybook :'odocpy', filename :'odo', recfm 'vb');

-- 2,000 records, a sample of 1,500 (statistics target 5): sampled by seeks
SET default_statistics_target = 5;
\! "$ZF_PSQL" -X -q -c 'SET search_path = test_analyze' -c 'SET default_statistics_target = 5' -c 'ANALYZE VERBOSE acct_master_rec' 2>&1 | grep -E '^(INFO:  (analyzing|")|ERROR)'
SELECT reltuples FROM pg_class WHERE oid = 'acct_master_rec'::regclass;
SELECT attname, n_distinct > 0 AS has_distinct, null_frac
  FROM pg_stats WHERE schemaname = 'test_analyze' AND tablename = 'acct_master_rec'
   AND attname IN ('acct_status', 'acct_product_code', 'acct_branch')
 ORDER BY attname;
SELECT array_length(most_common_vals::text::text[], 1) BETWEEN 1 AND 5 AS status_mcv
  FROM pg_stats WHERE schemaname = 'test_analyze' AND tablename = 'acct_master_rec'
   AND attname = 'acct_status';
-- the estimate uses them: about a third of the accounts are savings
-- (586 of 2,000; a sample of 1,500 puts the estimate well within 400..800)
CREATE FUNCTION estimated_rows(q text) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE plan json;
BEGIN
    EXECUTE 'EXPLAIN (FORMAT JSON) ' || q INTO plan;
    RETURN (plan -> 0 -> 'Plan' ->> 'Plan Rows')::numeric;
END $$;
SELECT estimated_rows($$SELECT * FROM acct_master_rec WHERE acct_product_code = 'SAV'$$)
       BETWEEN 400 AND 800 AS estimate_ok,
       (SELECT count(*) FROM acct_master_rec WHERE acct_product_code = 'SAV') AS actual;

-- a sample of 300 (target 1), a small part of the file: indexes drawn at
-- random and duplicates drawn again, so the 300 records are distinct
-- (the account number is unique: every sampled value differs)
SET default_statistics_target = 1;
\! "$ZF_PSQL" -X -q -c 'SET search_path = test_analyze' -c 'SET default_statistics_target = 1' -c 'ANALYZE VERBOSE acct_master_rec' 2>&1 | grep -E '^(INFO:  (analyzing|")|ERROR)'
SELECT attname, n_distinct FROM pg_stats
 WHERE schemaname = 'test_analyze' AND tablename = 'acct_master_rec'
   AND attname = 'acct_number';
SET default_statistics_target = 5;

-- variable-length records are read whole
\! "$ZF_PSQL" -X -q -c 'SET search_path = test_analyze' -c 'SET default_statistics_target = 5' -c 'ANALYZE VERBOSE order_rec' 2>&1 | grep -E '^(INFO:  (analyzing|")|ERROR)'
SELECT reltuples FROM pg_class WHERE oid = 'order_rec'::regclass;
RESET default_statistics_target;
