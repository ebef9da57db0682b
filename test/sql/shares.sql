-- Shares (share_count, share_index): N tables over the same input read
-- disjoint parts that together are all of it.  For each kind of input
-- the union of the shares equals the whole table as multisets (so no
-- row is lost or read twice), the record ranges are K*n/N as PostgreSQL
-- computes it, and a glob's files fall where an FNV-1a hash of their
-- base names, computed here in SQL, puts them.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_shares;
SET search_path = test_shares, public;
\set ksds :abs_srcdir '/data/cobol/ksds_acct_cp037.dat'
\set acctcpy :abs_srcdir '/../demo/data/ACCTMAST.cpy'
\set fixrec :abs_srcdir '/data/cobol/FIXREC.cpy'
\set fixed_glob :abs_srcdir '/data/cobol/fixed_cp*.dat'
\set odo :abs_srcdir '/data/cobol/odo_vb_cp037.dat'
\set odocpy :abs_srcdir '/data/cobol/ODOREC.cpy'
\set bad_packed :abs_srcdir '/data/hand/bad_packed.dat'

CREATE SERVER sh FOREIGN DATA WRAPPER zfdw;

-- 1. the options are checked
CREATE FOREIGN TABLE t_bad (a int) SERVER sh
    OPTIONS (filename :'ksds', lrecl '120', share_index '1');
CREATE FOREIGN TABLE t_bad (a int) SERVER sh
    OPTIONS (filename :'ksds', lrecl '120', share_count '3', share_index '3');
CREATE FOREIGN TABLE t_bad (a int) SERVER sh
    OPTIONS (filename :'ksds', lrecl '120', share_count '0', share_index '0');
CREATE FOREIGN TABLE t_bad (a int) SERVER sh
    OPTIONS (program 'cat /dev/null', lrecl '120', share_count '2', share_index '0');
CREATE FOREIGN TABLE t_bad (a int OPTIONS (meta 'share')) SERVER sh
    OPTIONS (filename :'ksds', lrecl '120', share_count '2', share_index '-1');

-- N copies of a table definition, share k of n each: name_k
CREATE FUNCTION make_shares(name text, cols text, opts text, n int)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    FOR k IN 0 .. n - 1 LOOP
        EXECUTE format('CREATE FOREIGN TABLE %I (%s) SERVER sh OPTIONS (%s, share_count %L, share_index %L)',
                       name || '_' || k, cols, opts, n::text, k::text);
    END LOOP;
END $$;

-- the whole table against the union of its n shares: rows of each, and
-- rows of one that the other lacks (both 0: the same multiset)
-- (cond: a WHERE clause applied to all of them)
CREATE FUNCTION compare_shares(whole text, name text, n int, cols text DEFAULT '*',
                               cond text DEFAULT 'true')
RETURNS TABLE (whole_rows bigint, share_rows bigint, missing bigint, extra bigint)
LANGUAGE plpgsql AS $$
DECLARE u text := '';
BEGIN
    FOR k IN 0 .. n - 1 LOOP
        u := u || CASE WHEN k > 0 THEN ' UNION ALL ' ELSE '' END ||
             format('SELECT %s FROM %I WHERE %s', cols, name || '_' || k, cond);
    END LOOP;
    RETURN QUERY EXECUTE format(
        'SELECT (SELECT count(*) FROM %1$s WHERE %4$s), (SELECT count(*) FROM (%2$s) u),
                (SELECT count(*) FROM (SELECT %3$s FROM %1$s WHERE %4$s EXCEPT ALL (%2$s)) x),
                (SELECT count(*) FROM ((%2$s) EXCEPT ALL SELECT %3$s FROM %1$s WHERE %4$s) y)',
        whole, u, cols, cond);
END $$;

-- FNV-1a (32 bits) of a file's base name, mod n: the rule of a glob
CREATE FUNCTION fnv_share(path text, n int) RETURNS int LANGUAGE plpgsql AS $$
DECLARE h bigint := 2166136261; b int;
BEGIN
    FOREACH b IN ARRAY (SELECT array_agg(get_byte(x, i) ORDER BY i)
                          FROM (SELECT convert_to(regexp_replace(path, '^.*/', ''), 'UTF8') x) s,
                               generate_series(0, length(x) - 1) i) LOOP
        h := ((h # b) * 16777619) % 4294967296;
    END LOOP;
    RETURN (h % n)::int;
END $$;

-- 2. one fixed-length file: ranges of records
CREATE FOREIGN TABLE acct (acct_number bigint, acct_branch smallint,
                           acct_status text, acct_current_bal numeric(15,2),
                           recno bigint OPTIONS (meta 'record_number'),
                           share int OPTIONS (meta 'share'))
    SERVER sh OPTIONS (filename :'ksds', copybook :'acctcpy');
SELECT make_shares('acct', 'acct_number bigint, acct_branch smallint, acct_status text,
                    acct_current_bal numeric(15,2), recno bigint OPTIONS (meta ''record_number''),
                    share int OPTIONS (meta ''share'')',
                   format('filename %L, copybook %L', :'ksds', :'acctcpy'), 7);
SELECT * FROM compare_shares('acct', 'acct', 7, 'acct_number, acct_branch, acct_status, acct_current_bal, recno');
-- every share holds records floor(k*n/N)+1 .. floor((k+1)*n/N), n = 300
WITH s AS (SELECT share, min(recno) lo, max(recno) hi, count(*) n FROM (
    SELECT * FROM acct_0 UNION ALL SELECT * FROM acct_1 UNION ALL SELECT * FROM acct_2
    UNION ALL SELECT * FROM acct_3 UNION ALL SELECT * FROM acct_4 UNION ALL SELECT * FROM acct_5
    UNION ALL SELECT * FROM acct_6) u GROUP BY share)
SELECT share, lo, hi, n, lo = share * 300 / 7 + 1 AND hi = (share + 1) * 300 / 7 AS as_computed
  FROM s ORDER BY share;
SELECT DISTINCT share FROM acct;    -- 0 without share options
-- EXPLAIN names the share and its records
SELECT line FROM zt_explain($$(COSTS OFF) SELECT * FROM acct_3$$) line
 WHERE line ~ 'Share';

-- 3. key seeks inside a share: a key of another share is not found
SELECT make_shares('acctk', 'acct_number bigint, recno bigint OPTIONS (meta ''record_number'')',
                   format('filename %L, copybook %L, key %L', :'ksds', :'acctcpy', 'acct_number'), 3);
SELECT min(acct_number) AS lo1, max(acct_number) AS hi1 FROM acct WHERE recno BETWEEN 101 AND 200 \gset
SELECT count(*) FROM acctk_1 WHERE acct_number = :lo1;
SELECT count(*) FROM acctk_0 WHERE acct_number = :lo1;
SELECT count(*) FROM acctk_2 WHERE acct_number = :hi1;
SELECT count(*), min(recno), max(recno) FROM acctk_1 WHERE acct_number >= :lo1 - 1000000;
SELECT count(*) FROM acctk_2 WHERE acct_number <= :hi1;
SELECT count(*) FROM acctk_0 WHERE acct_number IN (:lo1, :hi1);
-- the sparse index of a window is its own: share 0 of 2 after share 0 of
-- 3 (the same first record, another last) finds records 101..150 too
SELECT make_shares('acctk2', 'acct_number bigint, recno bigint OPTIONS (meta ''record_number'')',
                   format('filename %L, copybook %L, key %L', :'ksds', :'acctcpy', 'acct_number'), 2);
SELECT acct_number AS k120 FROM acct WHERE recno = 120 \gset
SELECT count(*) FROM acctk_0 WHERE acct_number = :k120;
SELECT recno FROM acctk2_0 WHERE acct_number = :k120;
SELECT count(*), min(recno), max(recno) FROM acctk2_0 WHERE acct_number > 0;
SELECT line FROM zt_explain($$(ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
    SELECT * FROM acctk_1 WHERE acct_number = $$ || :lo1) line
 WHERE line ~ 'Share|Key Seeks|Records Read';

-- 4. pushed filters and pushed aggregates read the share only
SELECT * FROM compare_shares('acct', 'acct', 7,
    'acct_number, acct_branch, acct_status, acct_current_bal, recno', 'acct_branch > 200');
SELECT line FROM zt_explain($$(ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
    SELECT * FROM acct_5 WHERE acct_branch > 200$$) line
 WHERE line ~ 'Share|Pushed|Records';
SELECT share, count(*), sum(acct_current_bal), min(acct_number), max(acct_number)
  FROM acct_2 GROUP BY share;
SELECT share, count(*), sum(acct_current_bal), min(acct_number), max(acct_number)
  FROM (SELECT * FROM acct_2 OFFSET 0) x GROUP BY share;
SELECT line FROM zt_explain($$(COSTS OFF, VERBOSE)
    SELECT share, count(*), sum(acct_current_bal) FROM acct_2 GROUP BY share$$) line
 WHERE line ~ 'Foreign Scan|Aggregate|Share|Output';
-- the re-aggregated sums of the shares are the whole's
SELECT sum(s), sum(c) FROM (
    SELECT share, sum(acct_current_bal) s, count(*) c FROM acct_0 GROUP BY share UNION ALL
    SELECT share, sum(acct_current_bal), count(*) FROM acct_1 GROUP BY share UNION ALL
    SELECT share, sum(acct_current_bal), count(*) FROM acct_2 GROUP BY share UNION ALL
    SELECT share, sum(acct_current_bal), count(*) FROM acct_3 GROUP BY share UNION ALL
    SELECT share, sum(acct_current_bal), count(*) FROM acct_4 GROUP BY share UNION ALL
    SELECT share, sum(acct_current_bal), count(*) FROM acct_5 GROUP BY share UNION ALL
    SELECT share, sum(acct_current_bal), count(*) FROM acct_6 GROUP BY share) u;
SELECT sum(acct_current_bal), count(*) FROM acct;
-- an empty share: no group, as PostgreSQL gives none over no rows
CREATE FOREIGN TABLE acct_empty (acct_current_bal numeric(15,2), share int OPTIONS (meta 'share'))
    SERVER sh OPTIONS (filename :'ksds', copybook :'acctcpy', share_count '400', share_index '0');
SELECT share, count(*) FROM acct_empty GROUP BY share;
SELECT count(*), sum(acct_current_bal) FROM acct_empty;

-- 5. parallel workers inside a share
SET zfdw.enable_aggregate_pushdown = off;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET zfdw.parallel_chunk_size = '1kB';
SELECT line FROM zt_explain($$(COSTS OFF) SELECT count(*) FROM acct_1$$) line
 WHERE line ~ 'Gather|Parallel';
SELECT count(*), sum(recno), min(recno), max(recno), sum(acct_current_bal) FROM acct_1;
RESET zfdw.parallel_chunk_size;
RESET max_parallel_workers_per_gather;
RESET min_parallel_table_scan_size;
RESET parallel_tuple_cost;
RESET parallel_setup_cost;
RESET zfdw.enable_aggregate_pushdown;

-- 6. ANALYZE estimates the share, not the file
ANALYZE acct_1;
SELECT reltuples FROM pg_class WHERE oid = 'acct_1'::regclass;

-- 7. a glob: whole files, by the hash of their names
CREATE FOREIGN TABLE fx (fx_id smallint, fx_text text, f text OPTIONS (meta 'file_name'),
                         recno bigint OPTIONS (meta 'record_number'))
    SERVER sh OPTIONS (filename :'fixed_glob', copybook :'fixrec');
SELECT make_shares('fx', 'fx_id smallint, fx_text text, f text OPTIONS (meta ''file_name''),
                    recno bigint OPTIONS (meta ''record_number'')',
                   format('filename %L, copybook %L', :'fixed_glob', :'fixrec'), 3);
SELECT * FROM compare_shares('fx', 'fx', 3);
SELECT k, right(f, 18) AS file, count(*), fnv_share(f, 3) = k AS as_hashed FROM (
    SELECT 0 k, f FROM fx_0 UNION ALL SELECT 1, f FROM fx_1 UNION ALL SELECT 2, f FROM fx_2) u
 GROUP BY 1, 2, f ORDER BY 1, 2;
SELECT line FROM zt_explain($$(COSTS OFF) SELECT * FROM fx_1$$) line
 WHERE line ~ 'Share';

-- 8. one variable-length file cannot be split: it is one share's
CREATE FOREIGN TABLE odo (recno bigint OPTIONS (meta 'record_number'),
                          raw bytea OPTIONS (meta 'raw_record'))
    SERVER sh OPTIONS (filename :'odo', copybook :'odocpy', recfm 'vb');
SELECT make_shares('odo', 'recno bigint OPTIONS (meta ''record_number''),
                    raw bytea OPTIONS (meta ''raw_record'')',
                   format('filename %L, copybook %L, recfm %L', :'odo', :'odocpy', 'vb'), 2);
SELECT * FROM compare_shares('odo', 'odo', 2);
SELECT (SELECT count(*) FROM odo_0) AS share0, (SELECT count(*) FROM odo_1) AS share1,
       fnv_share(:'odo', 2) AS hashed_to;

-- 9. a compressed file is read whole by one share
SELECT format('gzip -c %s > shares_ksds.dat.gz', :'ksds') AS gz \gset
COPY (SELECT 1) TO PROGRAM :'gz';
CREATE FOREIGN TABLE acctz (acct_number bigint, recno bigint OPTIONS (meta 'record_number'))
    SERVER sh OPTIONS (filename 'shares_ksds.dat.gz', copybook :'acctcpy');
SELECT make_shares('acctz', 'acct_number bigint, recno bigint OPTIONS (meta ''record_number'')',
                   format('filename %L, copybook %L', 'shares_ksds.dat.gz', :'acctcpy'), 2);
SELECT * FROM compare_shares('acctz', 'acctz', 2);
SELECT (SELECT count(*) FROM acctz_0) AS share0, (SELECT count(*) FROM acctz_1) AS share1,
       fnv_share('shares_ksds.dat.gz', 2) AS hashed_to;
COPY (SELECT 1) TO PROGRAM 'rm -f shares_ksds.dat.gz';

-- 10. on_error applies inside a share as in the whole
CREATE FOREIGN TABLE bad (amount numeric OPTIONS (position '6', pic 'S9(5)', usage 'comp-3'),
                          recno bigint OPTIONS (meta 'record_number'))
    SERVER sh OPTIONS (filename :'bad_packed', lrecl '20', on_error 'null');
SELECT make_shares('bad', 'amount numeric OPTIONS (position ''6'', pic ''S9(5)'', usage ''comp-3''),
                    recno bigint OPTIONS (meta ''record_number'')',
                   format('filename %L, lrecl %L, on_error %L', :'bad_packed', '20', 'null'), 2);
SELECT * FROM compare_shares('bad', 'bad', 2);
SELECT recno, amount FROM bad_1 ORDER BY recno;

DROP SCHEMA test_shares CASCADE;
