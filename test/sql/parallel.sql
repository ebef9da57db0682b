-- Parallel scans: record ranges of fixed-length files handed out through
-- shared memory, whole files of a glob; the same results as a serial
-- scan, under LIMIT, rescans and errors in a worker.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_parallel;
SET search_path = test_parallel, public;
\set ksds :abs_srcdir '/data/cobol/ksds_acct_cp037.dat'
\set acctcpy :abs_srcdir '/../demo/data/ACCTMAST.cpy'
\set fixrec :abs_srcdir '/data/cobol/FIXREC.cpy'
\set fixed_glob :abs_srcdir '/data/cobol/fixed_cp1[01]4*.dat'
\set rdw_glob :abs_srcdir '/data/hand/rdw*.dat'
\set bad_packed :abs_srcdir '/data/hand/bad_packed.dat'

CREATE SERVER par FOREIGN DATA WRAPPER zfdw;
CREATE FOREIGN TABLE accounts (acct_number bigint, acct_branch smallint,
                               acct_current_bal numeric(15,2),
                               recno bigint OPTIONS (meta 'record_number'))
    SERVER par OPTIONS (filename :'ksds', copybook :'acctcpy');
CREATE TABLE accounts_copy AS SELECT * FROM accounts;

-- plans without costs or file names
CREATE FUNCTION zt_plan(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE line text;
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
        IF line !~ 'Foreign File|Record Format|Record Length|Code Page|Copybook Record' THEN
            RETURN NEXT line;
        END IF;
    END LOOP;
END $$;

SET zfdw.enable_aggregate_pushdown = off;  -- aggregated over the parallel scan
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
-- 1 KiB chunks: 8 records of 120 bytes each, so 38 chunks for 300 records
SET zfdw.parallel_chunk_size = '1kB';

SELECT * FROM zt_plan('SELECT sum(acct_current_bal) FROM accounts');
SELECT count(*), sum(acct_current_bal), sum(recno), count(DISTINCT recno)
  FROM accounts;
SELECT count(*), sum(acct_current_bal), sum(recno) FROM accounts_copy;
-- every record exactly once, with its own record number
SELECT count(*) FROM accounts a JOIN accounts_copy c USING (recno)
 WHERE a.acct_number = c.acct_number AND a.acct_current_bal = c.acct_current_bal;

-- LIMIT stops the workers early
SELECT count(*) FROM (SELECT * FROM accounts LIMIT 5) x;

-- rescans of a parallel scan under a nested loop
SELECT g, (SELECT count(*) FROM accounts WHERE acct_branch > g * 100)
  FROM generate_series(0, 4) g ORDER BY g;
SELECT g, (SELECT count(*) FROM accounts_copy WHERE acct_branch > g * 100)
  FROM generate_series(0, 4) g ORDER BY g;

-- a glob of fixed-length files: chunks across both files
CREATE FOREIGN TABLE fixed_pair (fx_id smallint, fx_pk_big numeric(31,2),
                                 f text OPTIONS (meta 'file_name'))
    SERVER par OPTIONS (filename :'fixed_glob', copybook :'fixrec');
SELECT * FROM zt_plan('SELECT count(*) FROM fixed_pair');
SELECT right(f, 16) AS file, count(*), sum(fx_id), sum(fx_pk_big)
  FROM fixed_pair GROUP BY 1 ORDER BY 1;

-- a glob of variable-length files: one file per worker at a time
CREATE FOREIGN TABLE words (w text OPTIONS (position '1', length '2'),
                            f text OPTIONS (meta 'file_name'),
                            n bigint OPTIONS (meta 'record_number'))
    SERVER par OPTIONS (filename :'rdw_glob', recfm 'vb');
SELECT * FROM zt_plan('SELECT * FROM words');
SELECT right(f, 8) AS file, n, w FROM words ORDER BY 1, 2;

-- an error in a worker reaches the client
CREATE FOREIGN TABLE bad (amount numeric OPTIONS (position '6', pic 'S9(5)', usage 'comp-3'))
    SERVER par OPTIONS (filename :'bad_packed', lrecl '20');
SET zfdw.parallel_chunk_size = 20;
SELECT * FROM zt_plan('SELECT sum(amount) FROM bad');
SELECT zt_error($$SELECT sum(amount) FROM bad$$);

-- a program cannot be split: no parallel plan
CREATE FOREIGN TABLE piped (acct_number bigint)
    SERVER par OPTIONS (program 'cat /dev/null', copybook :'acctcpy');
SELECT * FROM zt_plan('SELECT count(*) FROM piped');
