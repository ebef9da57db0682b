-- Key seeks and record ranges in a tape image: a KSDS export (FB 40,
-- sorted by its first six bytes) that is file 2 of a labeled tape,
-- written by test/data/archive/make_tapes.py; its HET copies made by
-- Hercules' hetupd (blocks left uncompressed, and zlib).  The blocks of an
-- uncompressed data set are mapped from their headers, so the table seeks
-- and splits as a plain fixed-length file does; every result equals the
-- sequential scan's and the records Hercules' hetget extracts.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_tape_seeks;
SET search_path = test_tape_seeks, public;
\set d :abs_srcdir '/data/archive'
\set aws :d '/gen_ksds.aws'
\set het :d '/gen_ksds_d.het'
\set hetz :d '/gen_ksds_z.het'

CREATE SERVER tape_seeks FOREIGN DATA WRAPPER zfdw;
SELECT file, dataset, recfm, lrecl, blksize, blocks, bytes, compressed
FROM zfdw.tape_contents(:'aws');
SELECT file, dataset, blocks, bytes, compressed FROM zfdw.tape_contents(:'het')
UNION ALL
SELECT file, dataset, blocks, bytes, compressed FROM zfdw.tape_contents(:'hetz');

-- the same data set through each image, with the key option
CREATE FUNCTION ksds_table(name text, path text, extra text DEFAULT ', key ''k''')
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE FOREIGN TABLE %I (k integer OPTIONS (position %L, pic %L),
                    line text OPTIONS (position %L, length %L),
                    raw bytea OPTIONS (meta %L), recno bigint OPTIONS (meta %L))
                    SERVER tape_seeks OPTIONS (filename %L, container %L, tape_file %L %s)',
                   name, '1', '9(6)', '1', '40', 'raw_record', 'record_number', path,
                   CASE WHEN path LIKE '%.het' THEN 'het' ELSE 'awstape' END, '2', extra);
END $$;
SELECT ksds_table('ksds_aws', :'aws'), ksds_table('ksds_het', :'het'),
       ksds_table('ksds_z', :'hetz'), ksds_table('ksds_plain', :'aws', '');

-- the sequential scan as a heap table: the zlib copy, whose blocks are
-- inflated in order, never read at offsets
SET max_parallel_workers_per_gather = 0;
CREATE TABLE seq AS SELECT k, line, raw, recno FROM ksds_z;
SELECT count(*), min(k), max(k), min(recno), max(recno) FROM seq;

-- hetget -u: the data set's records back to back, as Hercules extracts them
CREATE TABLE hetget_out (image text, b bytea);
CREATE TEMP TABLE hg (b text);
DO $$
DECLARE p text;
BEGIN
    FOREACH p IN ARRAY ARRAY['gen_ksds.aws', 'gen_ksds_d.het', 'gen_ksds_z.het'] LOOP
        TRUNCATE hg;
        EXECUTE format('COPY hg FROM PROGRAM %L',
            format('d=$(mktemp -d) && hetget -u %s "$d/o" 2 >/dev/null 2>&1; od -An -v -tx1 "$d/o" | tr -d " \n"; echo; rm -rf "$d"',
                   current_setting('zfdw_test.srcdir') || '/data/archive/' || p));
        INSERT INTO hetget_out SELECT p, decode(string_agg(b, ''), 'hex') FROM hg;
    END LOOP;
END $$;
SELECT image, length(b) AS hetget_bytes,
       b = (SELECT string_agg(raw, ''::bytea ORDER BY recno) FROM seq) AS same_as_seq,
       b = (SELECT string_agg(raw, ''::bytea ORDER BY recno) FROM ksds_plain) AS same_as_mapped
FROM hetget_out ORDER BY image;

-- EXPLAIN: mapped images split by record ranges and seek; the zlib copy
-- says why it reads in order
SELECT * FROM zt_explain('(COSTS OFF) SELECT * FROM ksds_aws WHERE k = 1234');
SELECT * FROM zt_explain('(COSTS OFF) SELECT * FROM ksds_z WHERE k = 1234');

-- key seeks: the same rows as the sequential scan, from each image
CREATE FUNCTION seek_differences(name text, cond text) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE n bigint;
BEGIN
    EXECUTE format('SELECT count(*) FROM ((SELECT k, line, recno FROM %I WHERE %s
                    EXCEPT ALL SELECT k, line, recno FROM seq WHERE %s)
                    UNION ALL (SELECT k, line, recno FROM seq WHERE %s
                    EXCEPT ALL SELECT k, line, recno FROM %I WHERE %s)) x',
                   name, cond, cond, cond, name, cond) INTO n;
    RETURN n;
END $$;
SELECT t, c, (SELECT count(*) FROM seq s WHERE
              CASE c WHEN 'k = 1' THEN s.k = 1 WHEN 'k = 2490' THEN s.k = 2490
                     WHEN 'k = 1234' THEN s.k = 1234 WHEN 'k = 2491' THEN s.k = 2491
                     WHEN 'k IN (7, 51, 1000, 2450, 2451)' THEN s.k IN (7, 51, 1000, 2450, 2451)
                     ELSE s.k BETWEEN 49 AND 151 END) AS rows,
       seek_differences(t, c) AS differences
FROM (VALUES ('ksds_aws'), ('ksds_het'), ('ksds_z')) AS tt(t),
     (VALUES ('k = 1'), ('k = 2490'), ('k = 1234'), ('k = 2491'),
             ('k IN (7, 51, 1000, 2450, 2451)'), ('k BETWEEN 49 AND 151')) AS cc(c)
ORDER BY t, c;
-- the seeks are seeks: a few blocks read, not the data set
SELECT * FROM zt_explain('(ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF, BUFFERS OFF) SELECT line FROM ksds_het WHERE k IN (7, 2450)')
WHERE zt_explain ~ 'Key|Rows Removed|Foreign Scan';

-- record ranges for parallel workers: 100 records a chunk
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET zfdw.enable_aggregate_pushdown = off;
SET zfdw.parallel_chunk_size = 4000;
SELECT * FROM zt_explain('(COSTS OFF) SELECT * FROM ksds_plain');
SELECT t, count(*) AS records,
       count(*) FILTER (WHERE s.recno IS NULL) AS differences
FROM (SELECT 'aws' AS t, k, line, recno FROM ksds_plain) p
LEFT JOIN seq s USING (k, line, recno) GROUP BY t;
CREATE TABLE par AS SELECT raw, recno FROM ksds_plain;
SELECT count(*) AS records, count(DISTINCT recno) AS distinct_records,
       (SELECT string_agg(raw, ''::bytea ORDER BY recno) FROM par) =
       (SELECT b FROM hetget_out WHERE image = 'gen_ksds.aws') AS same_as_hetget
FROM par;
-- a glob of both uncompressed images: each split by record ranges
SELECT ksds_table('ksds_both', replace(:'aws', 'gen_ksds.aws', 'gen_ksds[._][ad]*'), '');
SELECT * FROM zt_explain('(COSTS OFF) SELECT * FROM ksds_both') WHERE zt_explain ~ 'Split|Gather|Workers';
SELECT count(*), count(DISTINCT recno), sum(k) = 2 * (SELECT sum(k) FROM seq) AS sums_equal FROM ksds_both;
-- a glob whose later image cannot be mapped: an error, never a wrong
-- split or seek (shown without workers, so that one process reports it)
SELECT ksds_table('ksds_mixed', replace(:'aws', 'gen_ksds.aws', 'gen_ksds[._][az]*'), '');
SET max_parallel_workers_per_gather = 0;
SELECT * FROM zt_error('SELECT count(*) FROM ksds_mixed');
SET max_parallel_workers_per_gather = 2;
-- the zlib copy alone: split by file, the same records
SELECT count(*), sum(k) = (SELECT sum(k) FROM seq) AS sums_equal FROM ksds_z;
RESET zfdw.parallel_chunk_size;
RESET zfdw.enable_aggregate_pushdown;
RESET max_parallel_workers_per_gather;

-- ANALYZE samples the mapped data set by seeking
ANALYZE ksds_aws;
SELECT reltuples FROM pg_class WHERE oid = 'ksds_aws'::regclass;

DROP SCHEMA test_tape_seeks CASCADE;
