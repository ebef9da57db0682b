-- Tape images of ../shared/conformance/tape (read from there, never
-- copied): their labels against Hercules' hetmap, their data sets against
-- what Hercules' hetget extracts, from the AWSTAPE and the HET copy alike;
-- Hercules' own test tapes (unlabeled, tape marks at load point, tiny
-- zlib and bzip2 blocks).
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_tape_samples;
SET search_path = test_tape_samples, public;
\set tdir :abs_srcdir '/../../shared/conformance/tape'
\set aws :tdir '/test_tape.aws'
\set het :tdir '/test_tape.het'
\set herc :tdir '/hyperion-tape.aws'

CREATE SERVER tape_samples FOREIGN DATA WRAPPER zfdw;

SELECT file, dataset, recfm, lrecl, blksize, blocks, bytes, created, system,
       job_step, volume, volume_seq, label_blocks, continued, compressed
FROM zfdw.tape_contents(:'aws');
-- the HET copy: the same files and bytes, compressed
SELECT h.file, h.dataset, h.blocks = a.blocks AND h.bytes = a.bytes AS same_as_aws, h.compressed
FROM zfdw.tape_contents(:'aws') a JOIN zfdw.tape_contents(:'het') h USING (file)
ORDER BY file;

-- hetmap -d: per data set seq, dsn, job/step, recfm, lrecl, blksize, blocks
CREATE TABLE hetmap_out (n serial, line text);
\set cmd 'hetmap -d ' :'aws'
COPY hetmap_out (line) FROM PROGRAM :'cmd';
CREATE VIEW hetmap_ds AS
WITH l AS (SELECT n, line, sum((line ~ '^seq=')::int) OVER (ORDER BY n) AS ds
           FROM hetmap_out),
     j AS (SELECT ds, string_agg(line, ' ' ORDER BY n) AS t FROM l WHERE ds > 0 GROUP BY ds)
SELECT (regexp_match(t, 'seq=(\d+)'))[1]::int AS file,
       (regexp_match(t, 'dsn=(\S+)'))[1] AS dataset,
       (regexp_match(t, 'job=(.*?)\s+recfm='))[1] AS job_step,
       (regexp_match(t, 'recfm=(\S+)'))[1] AS recfm,
       (regexp_match(t, 'lrecl=(\d+)'))[1]::int AS lrecl,
       (regexp_match(t, 'blksize=(\d+)'))[1]::int AS blksize,
       (regexp_match(t, 'blocks=(\d+)'))[1]::bigint AS blocks
FROM j;
SELECT count(*) AS hetmap_data_sets FROM hetmap_ds;
(SELECT * FROM hetmap_ds EXCEPT
 SELECT file, dataset, job_step, recfm, lrecl, blksize, blocks FROM zfdw.tape_contents(:'aws'))
UNION ALL
(SELECT file, dataset, job_step, recfm, lrecl, blksize, blocks FROM zfdw.tape_contents(:'aws')
 EXCEPT SELECT * FROM hetmap_ds);

-- every data set: zfdw's records joined in order are hetget -u's bytes
-- (for file 2, VS: the IEBCOPY unload's records, segments joined)
CREATE TABLE hetget_out (file int, b bytea);
CREATE TEMP TABLE hg (b text);
DO $$
DECLARE path text := current_setting('zfdw_test.srcdir') || '/../../shared/conformance/tape/test_tape.aws';
BEGIN
    FOR f IN 1..4 LOOP
        TRUNCATE hg;
        EXECUTE format('COPY hg FROM PROGRAM %L',
            format('d=$(mktemp -d) && hetget -u %s "$d/o" %s >/dev/null 2>&1; od -An -v -tx1 "$d/o" | tr -d " \n"; echo; rm -rf "$d"',
                   path, f));
        INSERT INTO hetget_out SELECT f, decode(string_agg(b, ''), 'hex') FROM hg;
    END LOOP;
END $$;
CREATE FUNCTION tape_bytes(path text, kind text, file int, OUT records bigint, OUT b bytea)
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE FOREIGN TABLE tb (raw bytea OPTIONS (meta %L), recno bigint OPTIONS (meta %L))
                    SERVER tape_samples OPTIONS (filename %L, container %L, tape_file %L)',
                   'raw_record', 'record_number', path, kind, file);
    SELECT count(*), string_agg(raw, ''::bytea ORDER BY recno) INTO records, b FROM tb;
    DROP FOREIGN TABLE tb;
END $$;
SELECT h.file, length(h.b) AS hetget_bytes,
       a.records AS aws_records, a.b = h.b AS aws_same,
       z.records AS het_records, z.b = h.b AS het_same
FROM hetget_out h,
     LATERAL tape_bytes(:'aws', 'awstape', h.file) a,
     LATERAL tape_bytes(:'het', 'auto', h.file) z
ORDER BY h.file;

-- Hercules' unlabeled test tape: four 20480-byte blocks, then tape marks;
-- hetmap -f lists its files with blocks and bytes
SELECT file, dataset, blocks, bytes, min_block, max_block FROM zfdw.tape_contents(:'herc');
CREATE TABLE hetmap_f (n serial, line text);
\set cmd 'hetmap -f ' :'herc'
COPY hetmap_f (line) FROM PROGRAM :'cmd';
SELECT line FROM hetmap_f WHERE line ~ '^(File #|Blocks|Uncompressed bytes)' ORDER BY n;
CREATE FOREIGN TABLE herc (raw bytea OPTIONS (meta 'raw_record'))
    SERVER tape_samples OPTIONS (filename :'herc', container 'awstape', recfm 'u');
SELECT count(*), min(length(raw)), max(length(raw)), md5(string_agg(raw, ''::bytea)) =
       md5(substring(pg_read_binary_file(:'herc') FROM 7 FOR 20480) ||
           substring(pg_read_binary_file(:'herc') FROM 20493 FOR 20480) ||
           substring(pg_read_binary_file(:'herc') FROM 40979 FOR 20480) ||
           substring(pg_read_binary_file(:'herc') FROM 61465 FOR 20480)) AS same_as_the_image
FROM herc;

-- tapes with no data set (VOL1, a dummy HDR1, tape marks; tiny HET
-- blocks compressed with zlib and bzip2)
SELECT f, (SELECT count(*) FROM zfdw.tape_contents(:'tdir' || '/' || f)) AS files
FROM unnest(ARRAY['hyperion-awsbsf.aws', 'hyperion-hetbsf.het', 'hyperion-hetbsf-bzip2.het']) f;
