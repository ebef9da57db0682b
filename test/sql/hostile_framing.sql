-- Hostile input, record framing: files cut short, the wrong record length,
-- broken record and block descriptors, empty files, an ASCII-mode transfer
-- and records above zfdw.max_record_length.  Every case ends in a clear
-- error with its SQLSTATE, detail and hint, in bounded time, and the
-- backend goes on serving.  The files are written by
-- test/data/hostile/make.sh, which explains every byte.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_hostile_framing;
SET search_path = test_hostile_framing, public;
SET statement_timeout = '5min';          -- a hang fails the test, not the run
\set dir :abs_srcdir '/data/hostile/'
SELECT set_config('zfdw_test.hostile', :'dir', false) IS NOT NULL AS dir_set;
\set cb '       01  HOSTILE-REC.\n           05  NAME  PIC X(4).\n           05  AMT   PIC S9(5) COMP-3.\n           05  QTY   PIC S9(3).'
SELECT set_config('zfdw_test.cb', E:'cb', false) IS NOT NULL AS cb_set;

CREATE SERVER hostile FOREIGN DATA WRAPPER zfdw;

-- (Re)create table t over a file of the folder with the 10-byte layout
-- and extra table options.
CREATE FUNCTION zt_table(file text, options text DEFAULT '') RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE 'DROP FOREIGN TABLE IF EXISTS t';
    EXECUTE format('CREATE FOREIGN TABLE t (name text, amt numeric, qty integer) SERVER hostile
                    OPTIONS (filename %L, copybook_text %L%s)',
                   current_setting('zfdw_test.hostile') || file,
                   current_setting('zfdw_test.cb'),
                   CASE WHEN options = '' THEN '' ELSE ', ' || options END);
END $$;

-- the baseline: three good records
SELECT zt_table('good.dat');
SELECT * FROM t;

-- 1. a truncated last record
-- fb: 34 bytes are not a whole number of 10-byte records
SELECT zt_table('trunc_fb.dat');
SELECT zt_error($$SELECT * FROM t$$);
-- vb: the second descriptor announces 10 bytes, 6 are left
SELECT zt_table('trunc_vb.dat', $$recfm 'vb'$$);
SELECT zt_error($$SELECT * FROM t$$);

-- 2. the wrong record length
-- 30 bytes do not divide into 20-byte records
SELECT zt_table('good.dat', $$lrecl '20'$$);
SELECT zt_error($$SELECT * FROM t$$);
-- 15 divides 30, but the second 15-byte record starts in the middle of
-- one: its name holds a low-value, its amount is no packed number
SELECT zt_table('good.dat', $$lrecl '15'$$);
SELECT zt_error($$SELECT * FROM t$$);
SELECT zt_error($$SELECT amt FROM t$$);
-- 5 is shorter than the layout
SELECT zt_table('good.dat', $$lrecl '5'$$);
SELECT zt_error($$SELECT * FROM t$$);
-- the right record format read as another one
SELECT zt_table('good.dat', $$recfm 'vb'$$);
SELECT zt_error($$SELECT * FROM t$$);
SELECT zt_table('good.dat', $$recfm 'vb_bdw'$$);
SELECT zt_error($$SELECT * FROM t$$);
SELECT zt_table('good.dat', $$recfm 'vbs'$$);
SELECT zt_error($$SELECT * FROM t$$);

-- 3. a broken record descriptor (RDW) chain, after a good first record
SELECT zt_table('rdw_zero.dat', $$recfm 'vb'$$);
SELECT zt_error($$SELECT * FROM t$$);
SELECT zt_table('rdw_tiny.dat', $$recfm 'vb'$$);
SELECT zt_error($$SELECT * FROM t$$);
SELECT zt_table('rdw_flag.dat', $$recfm 'vb'$$);
SELECT zt_error($$SELECT * FROM t$$);
-- a little-endian descriptor: the hint names the option that reads it
SELECT zt_table('rdw_le.dat', $$recfm 'vb'$$);
SELECT zt_error($$SELECT * FROM t$$);
SELECT zt_table('rdw_le.dat', $$recfm 'vb', rdw_byte_order 'little'$$);
SELECT * FROM t;

-- 4. a descriptor that claims 32 KiB in a 100-byte file: nothing is
-- allocated for the claim, the file simply ends first
SELECT zt_table('rdw_32k.dat', $$recfm 'vb'$$);
SELECT zt_error($$SELECT * FROM t$$);

-- 5. block descriptors (BDW) inconsistent with their records
SELECT zt_table('bdw_good.dat', $$recfm 'vb_bdw'$$);
SELECT * FROM t;
-- the block ends inside the second record
SELECT zt_table('bdw_short.dat', $$recfm 'vb_bdw'$$);
SELECT zt_error($$SELECT * FROM t$$);
-- the block has 2 bytes left after its records
SELECT zt_table('bdw_long.dat', $$recfm 'vb_bdw'$$);
SELECT zt_error($$SELECT * FROM t$$);
-- the block claims 1000 bytes of a 32-byte file
SELECT zt_table('bdw_past_eof.dat', $$recfm 'vb_bdw'$$);
SELECT zt_error($$SELECT * FROM t$$);

-- 6. an empty file is an empty table in every record format ...
SELECT zt_table('empty.dat');
SELECT count(*) FROM t;
SELECT zt_table('empty.dat', $$recfm 'vb'$$);
SELECT count(*) FROM t;
SELECT zt_table('empty.dat', $$recfm 'vb_bdw'$$);
SELECT count(*) FROM t;
SELECT zt_table('empty.dat', $$recfm 'vbs'$$);
SELECT count(*) FROM t;
SELECT zt_table('empty.dat', $$recfm 'text'$$);
SELECT count(*) FROM t;
-- ... but not one that should have a header
SELECT zt_table('empty.dat', $$file_header_bytes '10'$$);
SELECT zt_error($$SELECT * FROM t$$);

-- 7. an EBCDIC file transferred in ASCII mode: bytes translated and CR LF
-- added after every record; the size gives it away, and inspect_file
-- says what happened
SELECT zt_table('ascii_ftp.dat');
SELECT zt_error($$SELECT * FROM t$$);
SELECT topic, finding FROM zfdw.inspect_file(:'dir' || 'ascii_ftp.dat', 'cp037', 10)
 WHERE topic IN ('layout', 'lines', 'ftp', 'suggestion');

-- 8. records longer than zfdw.max_record_length
SET zfdw.max_record_length = 1000;
-- a vb record of 2,000 bytes
SELECT zt_table('long_vb.dat', $$recfm 'vb'$$);
SELECT zt_error($$SELECT * FROM t$$);
-- the same in recfm text (no terminator within the limit)
SELECT zt_table('long_vb.dat', $$recfm 'text'$$);
SELECT zt_error($$SELECT * FROM t$$);
-- an lrecl above the limit is refused when it is given ...
SELECT zt_table('good.dat');
SELECT zt_error($$ALTER FOREIGN TABLE t OPTIONS (ADD lrecl '2000')$$);
-- ... and when the limit is lowered later, when the table is read
RESET zfdw.max_record_length;
ALTER FOREIGN TABLE t OPTIONS (ADD lrecl '2000');
SET zfdw.max_record_length = 1000;
SELECT zt_error($$SELECT * FROM t$$);
-- a copybook whose record is longer than the limit
SELECT zt_error($$SELECT * FROM zfdw.copybook_layout('01 R. 05 A PIC X(1001).')$$);
-- only a superuser may raise the limit
CREATE ROLE regress_hostile_framing;
SET ROLE regress_hostile_framing;
SELECT zt_error($$SET zfdw.max_record_length = 100000$$);
RESET ROLE;
DROP ROLE regress_hostile_framing;
RESET zfdw.max_record_length;

-- the backend is still there and reads good files
SELECT zt_table('good.dat');
SELECT * FROM t;

DROP SCHEMA test_hostile_framing CASCADE;
DROP SERVER hostile;
