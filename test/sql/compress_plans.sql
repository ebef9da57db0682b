-- Compressed files in plans and in errors: EXPLAIN names the compression
-- and what it turns off (key seeks, record ranges for parallel workers);
-- key quals filter a sequential read with the same result as a seek;
-- parallel workers take whole compressed files of a glob; concatenated
-- members read whole; a truncated, corrupt or padded stream is an error
-- naming the file and the byte offset, never a short result; the option
-- names a kind or turns recognition off.  Files are compressed by Debian's
-- gzip, bzip2 and zstd programs in a scratch directory of the data
-- directory.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_compress_plans;
SET search_path = test_compress_plans, public;
\set ksds :abs_srcdir '/data/cobol/ksds_acct_cp037.dat'
\set acctcpy :abs_srcdir '/../demo/data/ACCTMAST.cpy'
\set fixrec :abs_srcdir '/data/cobol/FIXREC.cpy'
\set fixed_glob :abs_srcdir '/data/cobol/fixed_cp1[01]4*.dat'

SELECT format('cat >/dev/null && rm -rf compress_plans_tmp && mkdir compress_plans_tmp && '
              'cd compress_plans_tmp && cp %s ksds.dat && gzip -c ksds.dat > ksds.dat.gz && '
              'bzip2 -c ksds.dat > ksds.dat.bz2 && zstd -q -c ksds.dat > ksds.dat.zst && '
              'for f in %s/data/cobol/fixed_cp1[01]4*.dat; do gzip -c "$f" > "$(basename "$f").gz"; done && '
              'head -c 18000 ksds.dat > part1.dat && tail -c +18001 ksds.dat > part2.dat && '
              'gzip -c part1.dat > parts.gz && gzip -c part2.dat >> parts.gz && '
              'bzip2 -c part1.dat > parts.bz2 && bzip2 -c part2.dat >> parts.bz2 && '
              'zstd -q -c part1.dat > parts.zst && zstd -q -c part2.dat >> parts.zst && '
              'head -c 5000 ksds.dat.gz > cut.gz && head -c 5000 ksds.dat.bz2 > cut.bz2 && '
              'head -c 5000 ksds.dat.zst > cut.zst && '
              'cp ksds.dat.gz padded.gz && head -c 512 /dev/zero >> padded.gz && '
              'cp ksds.dat.gz flipped.gz && printf %s | dd of=flipped.gz bs=1 seek=3000 conv=notrunc 2>/dev/null && '
              '(printf %s; tail -c +11 ksds.dat) > looks_gzip.dat',
              :'ksds', :'abs_srcdir', '''\125''',
              '''\037\213\010\000\000\000\000\000\000\003''') AS make_cmd \gset
COPY (SELECT 1) TO PROGRAM :'make_cmd';

CREATE SERVER cplans FOREIGN DATA WRAPPER zfdw;
CREATE FOREIGN TABLE acct (acct_number bigint, acct_holder_name text, acct_current_bal numeric(15,2),
                           recno bigint OPTIONS (meta 'record_number'))
    SERVER cplans OPTIONS (filename 'compress_plans_tmp/ksds.dat', copybook :'acctcpy', key 'acct_number');
CREATE FOREIGN TABLE acct_gz (acct_number bigint, acct_holder_name text, acct_current_bal numeric(15,2),
                              recno bigint OPTIONS (meta 'record_number'))
    SERVER cplans OPTIONS (filename 'compress_plans_tmp/ksds.dat.gz', copybook :'acctcpy', key 'acct_number');
CREATE FOREIGN TABLE acct_bz2 (acct_number bigint, acct_holder_name text, acct_current_bal numeric(15,2),
                               recno bigint OPTIONS (meta 'record_number'))
    SERVER cplans OPTIONS (filename 'compress_plans_tmp/ksds.dat.bz2', copybook :'acctcpy', key 'acct_number');
CREATE FOREIGN TABLE acct_zst (acct_number bigint, acct_holder_name text, acct_current_bal numeric(15,2),
                               recno bigint OPTIONS (meta 'record_number'))
    SERVER cplans OPTIONS (filename 'compress_plans_tmp/ksds.dat.zst', copybook :'acctcpy', key 'acct_number');
CREATE TABLE acct_local AS SELECT * FROM acct;
SELECT min(acct_number) FILTER (WHERE recno = 100) AS lo, min(acct_number) FILTER (WHERE recno = 180) AS hi,
       min(acct_number) FILTER (WHERE recno = 1) AS k1, min(acct_number) FILTER (WHERE recno = 150) AS k2,
       min(acct_number) FILTER (WHERE recno = 300) AS k3
  FROM acct_local \gset

-- 1. EXPLAIN: the compression, and why the read is sequential
SELECT zt_explain($$(COSTS OFF) SELECT * FROM acct_gz$$);
SELECT zt_explain(format('(COSTS OFF) SELECT * FROM acct_bz2 WHERE acct_number = %s', :k2));
SELECT zt_explain(format('(COSTS OFF) SELECT * FROM acct WHERE acct_number = %s', :k2));

-- 2. key quals filter the whole read: the same rows as the seek
SELECT t, count(*), sum(acct_current_bal)
  FROM (SELECT 'plain' AS t, * FROM acct WHERE acct_number BETWEEN :lo AND :hi
        UNION ALL SELECT 'gz', * FROM acct_gz WHERE acct_number BETWEEN :lo AND :hi
        UNION ALL SELECT 'bz2', * FROM acct_bz2 WHERE acct_number BETWEEN :lo AND :hi
        UNION ALL SELECT 'zst', * FROM acct_zst WHERE acct_number BETWEEN :lo AND :hi) x
 GROUP BY t ORDER BY t;
SELECT count(*) AS differing FROM (
    (SELECT * FROM acct_zst WHERE acct_number IN (:k1, :k2, :k3, 5)
     EXCEPT ALL SELECT * FROM acct_local WHERE acct_number IN (:k1, :k2, :k3, 5))
    UNION ALL
    (SELECT * FROM acct_local WHERE acct_number IN (:k1, :k2, :k3, 5)
     EXCEPT ALL SELECT * FROM acct_zst WHERE acct_number IN (:k1, :k2, :k3, 5))) d;
-- a nested loop from a local table: no parameterized seeks into the
-- compressed file, the join's result is the same
SET enable_hashjoin = off;
SET enable_mergejoin = off;
SELECT count(*), sum(g.acct_current_bal)
  FROM (SELECT acct_number FROM acct_local WHERE recno % 50 = 0) l
  JOIN acct_gz g USING (acct_number);
SELECT count(*), sum(g.acct_current_bal)
  FROM (SELECT acct_number FROM acct_local WHERE recno % 50 = 0) l
  JOIN acct g USING (acct_number);
RESET enable_hashjoin;
RESET enable_mergejoin;
-- the whole file, with the same record numbers
SELECT count(*) = (SELECT count(*) FROM acct_local) AS all_rows,
       sum(recno) = (SELECT sum(recno) FROM acct_local) AS same_numbers FROM acct_gz;

-- 3. parallel: a single compressed file is not split; a glob of them is
--    split by file
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET zfdw.parallel_chunk_size = '1kB';
CREATE FUNCTION zt_plan(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE line text;
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
        IF line !~ 'Foreign File|Record Format|Record Length|Code Page|Copybook Record|Key Condition' THEN
            RETURN NEXT line;
        END IF;
    END LOOP;
END $$;
SET zfdw.enable_aggregate_pushdown = off;
SELECT * FROM zt_plan('SELECT sum(acct_current_bal) FROM acct_gz');
RESET zfdw.enable_aggregate_pushdown;
CREATE FOREIGN TABLE fixed_pair (fx_id smallint, fx_pk_big numeric(31,2),
                                 recno bigint OPTIONS (meta 'record_number'))
    SERVER cplans OPTIONS (filename 'compress_plans_tmp/fixed_cp1[01]4*.dat.gz', copybook :'fixrec');
CREATE FOREIGN TABLE fixed_pair_plain (fx_id smallint, fx_pk_big numeric(31,2),
                                       recno bigint OPTIONS (meta 'record_number'))
    SERVER cplans OPTIONS (filename :'fixed_glob', copybook :'fixrec');
SELECT * FROM zt_plan('SELECT count(*), sum(fx_pk_big) FROM fixed_pair');
SELECT count(*), sum(fx_pk_big), sum(recno) FROM fixed_pair;
SELECT count(*), sum(fx_pk_big), sum(recno) FROM fixed_pair_plain;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET zfdw.parallel_chunk_size;

-- 4. concatenated members, streams and frames read whole
CREATE FOREIGN TABLE parts (acct_number bigint, acct_holder_name text, acct_current_bal numeric(15,2),
                            recno bigint OPTIONS (meta 'record_number'))
    SERVER cplans OPTIONS (filename 'compress_plans_tmp/parts.gz', copybook :'acctcpy');
SELECT count(*) AS differing FROM (
    (SELECT * FROM parts EXCEPT ALL SELECT * FROM acct_local)
    UNION ALL (SELECT * FROM acct_local EXCEPT ALL SELECT * FROM parts)) d;
ALTER FOREIGN TABLE parts OPTIONS (SET filename 'compress_plans_tmp/parts.bz2');
SELECT count(*) AS differing FROM (
    (SELECT * FROM parts EXCEPT ALL SELECT * FROM acct_local)
    UNION ALL (SELECT * FROM acct_local EXCEPT ALL SELECT * FROM parts)) d;
ALTER FOREIGN TABLE parts OPTIONS (SET filename 'compress_plans_tmp/parts.zst');
SELECT count(*) AS differing FROM (
    (SELECT * FROM parts EXCEPT ALL SELECT * FROM acct_local)
    UNION ALL (SELECT * FROM acct_local EXCEPT ALL SELECT * FROM parts)) d;

-- 5. a truncated stream is an error at its end, a corrupt one where the
--    library stops, bytes after the end are not ignored
ALTER FOREIGN TABLE parts OPTIONS (SET filename 'compress_plans_tmp/cut.gz');
SELECT zt_error($$SELECT count(*) FROM parts$$);
ALTER FOREIGN TABLE parts OPTIONS (SET filename 'compress_plans_tmp/cut.bz2');
SELECT zt_error($$SELECT count(*) FROM parts$$);
ALTER FOREIGN TABLE parts OPTIONS (SET filename 'compress_plans_tmp/cut.zst');
SELECT zt_error($$SELECT count(*) FROM parts$$);
ALTER FOREIGN TABLE parts OPTIONS (SET filename 'compress_plans_tmp/flipped.gz');
SELECT zt_error($$SELECT count(*) FROM parts$$);
ALTER FOREIGN TABLE parts OPTIONS (SET filename 'compress_plans_tmp/padded.gz');
SELECT zt_error($$SELECT count(*) FROM parts$$);
-- named explicitly, a gzip file stops being a promise of the hint
ALTER FOREIGN TABLE parts OPTIONS (SET filename 'compress_plans_tmp/cut.gz', ADD compression 'gzip');
SELECT zt_error($$SELECT count(*) FROM parts$$);

-- 6. the option: a kind the file is not, 'none' for a file that begins
--    like a gzip header but is not compressed, server defaults
ALTER FOREIGN TABLE parts OPTIONS (SET filename 'compress_plans_tmp/ksds.dat', SET compression 'zstd');
SELECT zt_error($$SELECT count(*) FROM parts$$);
ALTER FOREIGN TABLE parts OPTIONS (SET compression 'lz4');
ALTER FOREIGN TABLE parts OPTIONS (SET filename 'compress_plans_tmp/looks_gzip.dat', SET compression 'auto');
SELECT zt_error($$SELECT count(*) FROM parts$$);
ALTER FOREIGN TABLE parts OPTIONS (SET compression 'none');
SELECT count(*), sum(acct_current_bal) FROM parts WHERE recno > 1;
SELECT count(*), sum(acct_current_bal) FROM acct_local WHERE recno > 1;
-- 'none' reads a gzip file's bytes as records: its size is not whole records
ALTER FOREIGN TABLE parts OPTIONS (SET filename 'compress_plans_tmp/ksds.dat.gz');
SELECT zt_error($$SELECT count(*) FROM parts$$);
-- from the server; the table's own option wins
ALTER FOREIGN TABLE parts OPTIONS (DROP compression);
ALTER SERVER cplans OPTIONS (ADD compression 'none');
SELECT zt_error($$SELECT count(*) FROM parts$$);
ALTER FOREIGN TABLE parts OPTIONS (ADD compression 'GZIP');
SELECT count(*) FROM parts;
ALTER SERVER cplans OPTIONS (DROP compression);
-- file_trailer_bytes needs the size, which a compressed file does not tell
ALTER FOREIGN TABLE parts OPTIONS (ADD file_trailer_bytes '120');
SELECT zt_error($$SELECT count(*) FROM parts$$);

COPY (SELECT 1) TO PROGRAM 'cat >/dev/null && rm -rf compress_plans_tmp';
