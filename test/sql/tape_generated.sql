-- Tape images written by test/data/archive/make_tapes.py (an independent
-- writer of the AWSTAPE format) and converted to HET by Hercules' hetupd
-- (zlib and bzip2): standard labels, an unlabeled tape, each RECFM, VBS
-- records spanning blocks and volumes, damaged images.  Every data set is
-- checked against the records its writer made (rec_text, the same formula
-- as make_tapes.py) and against what Hercules' hetget extracts.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_tape_generated;
SET search_path = test_tape_generated, public;
\set d :abs_srcdir '/data/archive'
\set sl :d '/gen_sl.aws'
\set slz :d '/gen_sl_z.het'
\set slb :d '/gen_sl_b.het'
\set nl :d '/gen_nl.aws'
\set mv :d '/gen_mv[12].aws'
\set mv1 :d '/gen_mv1.aws'

-- record i of a data set, as make_tapes.py writes it
CREATE FUNCTION rec_text(letter text, i int, len int) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT left(lpad(i::text, 6, '0') || ' ' || letter ||
                repeat('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 40), len) $$;
CREATE FUNCTION vlen(i int, lo int, span int) RETURNS int
LANGUAGE sql IMMUTABLE AS $$ SELECT lo + (i * 37) % span $$;

CREATE SERVER tape_gen FOREIGN DATA WRAPPER zfdw;

-- the labels of every file
SELECT file, dataset, recfm, lrecl, blksize, blocks, bytes, created, system,
       job_step, volume, label_blocks, continued, min_block, max_block
FROM zfdw.tape_contents(:'sl');
-- the HET copies hold the same files, their blocks compressed
SELECT z.file, z.dataset, z.blocks = a.blocks AND z.bytes = a.bytes AS same_as_aws,
       z.compressed AS zlib, b.compressed AS bzip2
FROM zfdw.tape_contents(:'sl') a
JOIN zfdw.tape_contents(:'slz') z USING (file)
JOIN zfdw.tape_contents(:'slb') b USING (file)
ORDER BY file;

-- hetmap -d, one line per data set, must say what tape_contents says
CREATE TABLE hetmap_out (n serial, line text);
\set cmd 'hetmap -d ' :'sl'
COPY hetmap_out (line) FROM PROGRAM :'cmd';
CREATE VIEW hetmap_ds AS
WITH l AS (SELECT n, line, sum((line ~ '^seq=')::int) OVER (ORDER BY n) AS ds
           FROM hetmap_out),
     j AS (SELECT ds, string_agg(line, ' ' ORDER BY n) AS t FROM l WHERE ds > 0 GROUP BY ds)
SELECT (regexp_match(t, 'seq=(\d+)'))[1]::int AS file,
       (regexp_match(t, 'dsn=(\S+)'))[1] AS dataset,
       (regexp_match(t, 'job=(.*?)\s+recfm='))[1] AS job_step,
       replace((regexp_match(t, 'recfm=(\S+)'))[1], 'R', 'BS') AS recfm,
       (regexp_match(t, 'lrecl=(\d+)'))[1]::int AS lrecl,
       (regexp_match(t, 'blksize=(\d+)'))[1]::int AS blksize,
       (regexp_match(t, 'blocks=(\d+)'))[1]::bigint AS blocks
FROM j;
SELECT count(*) AS hetmap_data_sets FROM hetmap_ds;
(SELECT * FROM hetmap_ds EXCEPT
 SELECT file, dataset, job_step, recfm, lrecl, blksize, blocks FROM zfdw.tape_contents(:'sl'))
UNION ALL
(SELECT file, dataset, job_step, recfm, lrecl, blksize, blocks FROM zfdw.tape_contents(:'sl')
 EXCEPT SELECT * FROM hetmap_ds);

-- file 1, FB 40 (blocks in 150-byte chunks): RECFM and LRECL from HDR2
CREATE FOREIGN TABLE fb1 (line text OPTIONS (position '1', length '40'),
                          recno bigint OPTIONS (meta 'record_number'))
    SERVER tape_gen OPTIONS (filename :'sl', container 'awstape');
SELECT count(*), min(line), max(line) FROM fb1;
SELECT count(*) AS differences FROM fb1 f
FULL JOIN (SELECT i, rec_text('A', i, 40) AS line FROM generate_series(1, 25) i) e
    ON e.i = f.recno AND e.line = f.line
WHERE f.line IS NULL OR e.line IS NULL;
SELECT * FROM zt_explain('(COSTS OFF) SELECT * FROM fb1');

-- each file of the tape, by number or by name, from AWSTAPE and from both
-- HET copies: the same records as the writer's, and hetget's
CREATE FUNCTION tape_table(name text, path text, file int, extra text DEFAULT '')
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE FOREIGN TABLE %I (raw bytea OPTIONS (meta %L),
                    recno bigint OPTIONS (meta %L))
                    SERVER tape_gen OPTIONS (filename %L, container %L, tape_file %L %s)',
                   name, 'raw_record', 'record_number', path,
                   CASE WHEN path LIKE '%.het' THEN 'het' ELSE 'awstape' END, file, extra);
END $$;
-- the records of a table as text, in order
CREATE FUNCTION table_records(name text) RETURNS TABLE (n bigint, line text)
LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY EXECUTE format(
        'SELECT row_number() OVER (ORDER BY recno), zfdw.from_ebcdic(raw, %L) FROM %I',
        'cp037', name);
END $$;
-- what the writer wrote: letter, count, and length of record i
CREATE TABLE expected (file int, letter text, n int, lo int, span int, fixed int);
INSERT INTO expected VALUES (1, 'A', 25, 0, 0, 40), (2, 'B', 30, 9, 91, NULL),
    (3, 'C', 12, 50, 650, NULL), (4, 'D', 9, 20, 470, NULL),
    (5, 'E', 7, 0, 0, 60), (6, 'X', 0, 0, 0, 80);
CREATE VIEW expected_records AS
SELECT file, i AS n, rec_text(letter, i, coalesce(fixed, vlen(i, lo, span))) AS line
FROM expected, generate_series(1, n) i;

SELECT tape_table('t' || f || '_' || k, p, f)
FROM generate_series(1, 6) f,
     (VALUES ('aws', :'sl'), ('zlib', :'slz'), ('bzip2', :'slb')) AS v(k, p);
SELECT e.file, k AS image, count(t.line) AS records,
       count(*) FILTER (WHERE t.line IS DISTINCT FROM e.line) AS differences
FROM (VALUES ('aws'), ('zlib'), ('bzip2')) AS v(k)
CROSS JOIN LATERAL (SELECT * FROM expected_records) e
LEFT JOIN LATERAL table_records('t' || e.file || '_' || k) t ON t.n = e.n
GROUP BY e.file, k ORDER BY e.file, k;
-- no record more than the writer's, and file 6 is empty
SELECT k AS image, f AS file, (SELECT count(*) FROM table_records('t' || f || '_' || k)) AS records
FROM (VALUES ('aws'), ('zlib'), ('bzip2')) AS v(k), generate_series(1, 6) f
ORDER BY f, k;

-- hetget -u: the data of every file, records back to back (for V and U
-- the records' bytes without descriptors); zfdw's records joined in order
-- must be those bytes; hetget -a writes a line per record (per segment
-- for VBS: it does not join spanned records)
CREATE TABLE hetget_out (file int, mode text, b bytea);
CREATE TEMP TABLE hg (b text);
DO $$
DECLARE m text;
    path text := current_setting('zfdw_test.srcdir') || '/data/archive/gen_sl.aws';
BEGIN
    FOR f IN 1..6 LOOP
        FOREACH m IN ARRAY ARRAY['-u', '-a'] LOOP
            TRUNCATE hg;
            EXECUTE format('COPY hg FROM PROGRAM %L',
                format('d=$(mktemp -d) && hetget %s %s "$d/o" %s >/dev/null 2>&1; od -An -v -tx1 "$d/o" | tr -d " \n"; echo; rm -rf "$d"',
                       m, path, f));
            INSERT INTO hetget_out SELECT f, m, decode(coalesce(string_agg(b, ''), ''), 'hex') FROM hg;
        END LOOP;
    END LOOP;
END $$;
CREATE FUNCTION table_bytes(name text) RETURNS bytea LANGUAGE plpgsql AS $$
DECLARE b bytea;
BEGIN
    EXECUTE format('SELECT coalesce(string_agg(raw, %L::bytea ORDER BY recno), %L::bytea) FROM %I', '', '', name) INTO b;
    RETURN b;
END $$;
SELECT u.file, length(u.b) AS hetget_bytes,
       table_bytes('t' || u.file || '_aws') = u.b AS aws_same,
       table_bytes('t' || u.file || '_zlib') = u.b AS zlib_same,
       table_bytes('t' || u.file || '_bzip2') = u.b AS bzip2_same,
       length(convert_from(a.b, 'LATIN1')) -
       length(replace(convert_from(a.b, 'LATIN1'), E'\n', '')) AS hetget_lines
FROM hetget_out u JOIN hetget_out a ON a.file = u.file AND a.mode = '-a'
WHERE u.mode = '-u' ORDER BY u.file;

-- by name instead of number (any case)
CREATE FOREIGN TABLE by_name (raw bytea OPTIONS (meta 'raw_record'))
    SERVER tape_gen OPTIONS (filename :'slz', container 'het', dataset 'zf.test.vb');
SELECT count(*), sum(length(raw)) FROM by_name;
ALTER FOREIGN TABLE by_name OPTIONS (SET dataset 'ZF.Test.Empty');
SELECT count(*) FROM by_name;
ALTER FOREIGN TABLE by_name OPTIONS (SET dataset 'ZF.TEST.NONE');
SELECT * FROM zt_error('SELECT count(*) FROM by_name');
ALTER FOREIGN TABLE by_name OPTIONS (DROP dataset, ADD tape_file '7');
SELECT * FROM zt_error('SELECT count(*) FROM by_name');

-- options override the labels: file 1 read as FB 20 (half records)
CREATE FOREIGN TABLE fb20 (line text OPTIONS (position '1', length '20'))
    SERVER tape_gen OPTIONS (filename :'sl', container 'awstape', lrecl '20');
SELECT count(*), min(line), max(line) FROM fb20;
-- a V data set read as FB: its blocks are not whole records of 40 bytes
ALTER FOREIGN TABLE fb20 OPTIONS (ADD tape_file '2', SET lrecl '40', ADD recfm 'fb');
SELECT * FROM zt_error('SELECT count(*) FROM fb20');
-- U blocks read as V: their first bytes are no block descriptor
ALTER FOREIGN TABLE fb20 OPTIONS (SET tape_file '4', SET recfm 'vb', DROP lrecl);
SELECT * FROM zt_error('SELECT count(*) FROM fb20');

-- an unlabeled tape: the format comes from the options
SELECT * FROM zfdw.tape_contents(:'nl');
CREATE FOREIGN TABLE nl (line text OPTIONS (position '1', length '80'),
                         recno bigint OPTIONS (meta 'record_number'))
    SERVER tape_gen OPTIONS (filename :'nl', container 'awstape', tape_file '2');
SELECT * FROM zt_error('SELECT count(*) FROM nl');
ALTER FOREIGN TABLE nl OPTIONS (ADD recfm 'fb', ADD lrecl '80');
SELECT count(*) AS differences FROM nl
FULL JOIN (SELECT i, rec_text('G', i, 80) AS line FROM generate_series(1, 10) i) e
    ON e.i = nl.recno AND e.line = nl.line
WHERE nl.line IS NULL OR e.line IS NULL;
ALTER FOREIGN TABLE nl OPTIONS (SET tape_file '1');
SELECT count(*), min(line) FROM nl;

-- a VBS data set continued on a second volume (EOV), its last record of
-- the first volume completed on the second: a glob lists both volumes
SELECT file, dataset, volume, volume_seq, blocks, label_blocks, continued
FROM zfdw.tape_contents(:'mv1')
UNION ALL
SELECT file, dataset, volume, volume_seq, blocks, label_blocks, continued
FROM zfdw.tape_contents(replace(:'mv1', 'mv1', 'mv2'));
SELECT tape_table('multi', :'mv', 1);
SELECT count(*) AS records,
       count(*) FILTER (WHERE t.line IS DISTINCT FROM rec_text('H', n::int, vlen(n::int, 100, 900))) AS differences
FROM table_records('multi') t;
-- the first volume alone: the data set goes on elsewhere
SELECT tape_table('multi1', :'mv1', 1);
SELECT * FROM zt_error('SELECT count(*) FROM multi1');

-- container 'auto': tapes by their headers, plain files read as they are
CREATE FOREIGN TABLE auto_tape (raw bytea OPTIONS (meta 'raw_record'))
    SERVER tape_gen OPTIONS (filename :'slb', container 'auto', tape_file '5');
SELECT count(*), min(length(raw)) FROM auto_tape;
\set plain :abs_srcdir '/data/cobol/ksds_acct_cp037.dat'
CREATE FOREIGN TABLE auto_plain (raw bytea OPTIONS (meta 'raw_record'))
    SERVER tape_gen OPTIONS (filename :'plain', container 'auto', lrecl '120');
SELECT count(*), min(length(raw)) FROM auto_plain;

-- damaged images: each a clear error
SELECT tape_table('bad_' || b, :'d' || '/bad_' || b || '.' || e, f)
FROM (VALUES ('truncated', 'aws', 5), ('prevlen', 'aws', 1), ('count', 'aws', 1),
             ('rdw', 'aws', 1), ('zlib', 'het', 1)) v(b, e, f);
SELECT * FROM zt_error('SELECT count(*) FROM bad_truncated');
SELECT * FROM zt_error($$SELECT * FROM zfdw.tape_contents(current_setting('zfdw_test.srcdir') || '/data/archive/bad_truncated.aws')$$);
SELECT * FROM zt_error('SELECT count(*) FROM bad_prevlen');
SELECT * FROM zt_error('SELECT count(*) FROM bad_count');
SELECT * FROM zt_error('SELECT count(*) FROM bad_rdw');
SELECT * FROM zt_error('SELECT count(*) FROM bad_zlib');

-- tapes initialized by Hercules' hetinit hold no data set
SELECT count(*) FROM zfdw.tape_contents(:'d' || '/empty.aws');
SELECT count(*) FROM zfdw.tape_contents(:'d' || '/empty.het');
\set empty :d '/empty.het'
CREATE FOREIGN TABLE empty_tape (raw bytea OPTIONS (meta 'raw_record'))
    SERVER tape_gen OPTIONS (filename :'empty', container 'het');
SELECT * FROM zt_error('SELECT count(*) FROM empty_tape');

-- options that need a container, and a container that needs a file
CREATE FOREIGN TABLE no_container (raw bytea OPTIONS (meta 'raw_record'))
    SERVER tape_gen OPTIONS (filename :'sl', tape_file '2');
SELECT * FROM zt_error('SELECT count(*) FROM no_container');
ALTER FOREIGN TABLE no_container OPTIONS (DROP tape_file, ADD recfm 'u');
SELECT * FROM zt_error('SELECT count(*) FROM no_container');
SELECT * FROM zt_error($$CREATE FOREIGN TABLE bad_opt (a int) SERVER tape_gen OPTIONS (filename 'x', container 'zip')$$);
SELECT * FROM zt_error($$CREATE FOREIGN TABLE bad_opt (a int) SERVER tape_gen OPTIONS (filename 'x', container 'het', tape_file '0')$$);

-- a parallel scan of a glob of tapes is split by file
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
-- (an aggregate computed in the scan would not be split: issue 14)
SET zfdw.enable_aggregate_pushdown = off;
\set both :d '/gen_sl*.het'
SELECT tape_table('par', :'both', 2);
SELECT * FROM zt_explain('(COSTS OFF) SELECT count(*) FROM par');
SELECT count(*), sum(length(raw)) FROM par;
-- volumes are not continued across workers: an error, not rows twice
SELECT tape_table('par_multi', :'mv', 1);
\set VERBOSITY terse
SELECT count(*) FROM par_multi;
\set VERBOSITY default
SET max_parallel_workers_per_gather = 0;
SELECT count(*) FROM par_multi;
RESET max_parallel_workers_per_gather;
RESET zfdw.enable_aggregate_pushdown;

-- IMPORT FOREIGN SCHEMA: a copybook of variable length needs no recfm
-- when a container's labels give it
\set odocpy :d '/ZFVBODO.cpy'
CREATE SCHEMA imported;
IMPORT FOREIGN SCHEMA zfvb FROM SERVER tape_gen INTO imported
    OPTIONS (copybook :'odocpy', filename :'slz', container 'het', tape_file '2');
SELECT replace(array_to_string(ftoptions, ', '), current_setting('zfdw_test.srcdir'), '<srcdir>')
FROM pg_foreign_table WHERE ftrelid = 'imported.zf_vb_odo'::regclass;
SELECT rec_lastdig, rec_letter, array_to_string(rec_alpha, '') AS alpha
FROM imported.zf_vb_odo LIMIT 3;
SELECT * FROM zt_explain('(COSTS OFF) SELECT * FROM imported.zf_vb_odo');

-- ANALYZE samples an archive table like any table read in order
ANALYZE t2_zlib;
SELECT reltuples FROM pg_class WHERE relname = 't2_zlib';
