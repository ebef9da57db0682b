-- TSO TRANSMIT files written by test/data/archive/make_xmits.py (an
-- independent writer of the NETDATA format): a sequential VB data set
-- whose records cross the 253-byte segments, and damaged copies of it.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_xmit_generated;
SET search_path = test_xmit_generated, public;
\set d :abs_srcdir '/data/archive'
\set vb :d '/gen_seq_vb.xmi'

CREATE SERVER xmit_gen FOREIGN DATA WRAPPER zfdw;

SELECT file, dataset, member, message, dsorg, recfm, lrecl, blksize, size,
       records, bytes, sender, sent
FROM zfdw.xmit_contents(:'vb');

-- the records as the writer made them (make_tapes.py's rec_text, letter V)
CREATE FOREIGN TABLE vb (raw bytea OPTIONS (meta 'raw_record'),
                         len int OPTIONS (meta 'record_length'),
                         recno bigint OPTIONS (meta 'record_number'))
    SERVER xmit_gen OPTIONS (filename :'vb', container 'auto');
SELECT count(*) AS records,
       count(*) FILTER (WHERE zfdw.from_ebcdic(raw, 'cp037') IS DISTINCT FROM
           left(lpad(n::text, 6, '0') || ' V' || repeat('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 4),
                5 + (n::int * 37) % 70)) AS differences
FROM (SELECT raw, row_number() OVER (ORDER BY recno) AS n FROM vb) r;
SELECT * FROM zt_explain('(COSTS OFF) SELECT * FROM vb');

-- damaged copies: each a clear error, from the listing and from a scan
\set bad :d '/bad_xmit_truncated.xmi'
CREATE FOREIGN TABLE bad (raw bytea OPTIONS (meta 'raw_record'))
    SERVER xmit_gen OPTIONS (filename :'bad', container 'xmit');
SELECT * FROM zt_error('SELECT count(*) FROM bad');
SELECT * FROM zt_error($$SELECT * FROM zfdw.xmit_contents(current_setting('zfdw_test.srcdir') || '/data/archive/bad_xmit_truncated.xmi')$$);
SELECT * FROM zt_error($$SELECT * FROM zfdw.xmit_contents(current_setting('zfdw_test.srcdir') || '/data/archive/bad_xmit_segment.xmi')$$);
SELECT * FROM zt_error($$SELECT * FROM zfdw.xmit_contents(current_setting('zfdw_test.srcdir') || '/data/archive/bad_xmit_textunit.xmi')$$);
-- a tape image is not an XMIT, and an XMIT is not a tape
SELECT * FROM zt_error($$SELECT * FROM zfdw.xmit_contents(current_setting('zfdw_test.srcdir') || '/data/archive/gen_sl.aws')$$);
SELECT * FROM zt_error($$SELECT * FROM zfdw.tape_contents(current_setting('zfdw_test.srcdir') || '/data/archive/gen_seq_vb.xmi')$$);

-- reading server files needs pg_read_server_files, as the filename option
CREATE ROLE zfdw_xmit_nobody;
SET ROLE zfdw_xmit_nobody;
SELECT * FROM zt_error($$SELECT * FROM zfdw.xmit_contents('/etc/passwd')$$);
SELECT * FROM zt_error($$SELECT * FROM zfdw.tape_contents('/etc/passwd')$$);
RESET ROLE;
DROP ROLE zfdw_xmit_nobody;
