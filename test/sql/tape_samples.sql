-- Tape images of ../shared/conformance/tape (read from there, never
-- copied): the labels against Hercules' hetmap, every data set against
-- the records Hercules' hetget extracts, the AWSTAPE and the HET copy of
-- the same tape alike, and the IEBCOPY unload on it read by member.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_tape_samples;
SET search_path = test_tape_samples, public;
\set tdir :abs_srcdir '/../../shared/conformance/tape'
\set aws :tdir '/test_tape.aws'
\set het :tdir '/test_tape.het'
SELECT set_config('zt.tdir', :'tdir', false) IS NOT NULL AS ok;

CREATE SERVER tapes FOREIGN DATA WRAPPER zfdw;

-- the labels, as zfdw reads them
SELECT file, dataset, recfm, lrecl, blksize, blocks, bytes, created, system,
       job_step, volume, volume_seq, label_blocks, continued, compressed
FROM zfdw.tape_contents(:'aws');
SELECT file, dataset, recfm, blocks, bytes, compressed
FROM zfdw.tape_contents(:'het');

-- hetmap -d prints per data set: seq, dsn, job, recfm, lrecl, blksize,
-- blocks; its lines joined per data set must equal tape_contents'
CREATE TABLE hetmap_lines (n serial, line text);
COPY hetmap_lines (line) FROM PROGRAM 'hetmap -d /dev/stdin < ' || '' ;
