-- Plausible mistakes in describing a file are caught at the start of the
-- scan, with the likely cause in the message and the fix in the hint;
-- each check can be told "yes, I mean it" (the accept option).  The data
-- is the demo's account master (120-byte records, cp037, written by
-- GnuCOBOL) and the GnuCOBOL-written vb file of cobol_fixtures.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
-- warnings name the file in their context line, which differs from clone
-- to clone: leave context lines out (zt_error shows them, as <srcdir>)
\set SHOW_CONTEXT never
CREATE SCHEMA test_diag_mistakes;
SET search_path = test_diag_mistakes, public;
\set cpy :abs_srcdir '/../demo/data/ACCTMAST.cpy'
\set dat :abs_srcdir '/../demo/data/acctmast.dat'
\set vb :abs_srcdir '/data/cobol/odo_vb_cp037.dat'
\set odocpy :abs_srcdir '/data/cobol/ODOREC.cpy'
CREATE SERVER diag_mistakes FOREIGN DATA WRAPPER zfdw;

-- 1. lrecl 240 on a file of 120-byte records: every second account lost
CREATE FOREIGN TABLE acct_240 (acct_number bigint, acct_holder_name text)
  SERVER diag_mistakes OPTIONS (copybook :'cpy', filename :'dat', lrecl '240');
SELECT zt_error('SELECT count(*) FROM acct_240');
ALTER FOREIGN TABLE acct_240 OPTIONS (ADD accept 'lrecl_multiple');
SELECT count(*) FROM acct_240;

-- 2. a layout much shorter than the record: a warning, rows still come
CREATE FOREIGN TABLE acct_short (acct_number bigint)
  SERVER diag_mistakes OPTIONS (copybook_text '01 R. 05 ACCT-NUMBER PIC 9(10). 05 F PIC X(40).',
                                filename :'dat', lrecl '120');
SELECT count(*) FROM acct_short;
ALTER FOREIGN TABLE acct_short OPTIONS (ADD accept 'layout_short');
SELECT count(*) FROM acct_short;

-- 3. recfm fb (the default) on a variable-length file with RDWs
CREATE FOREIGN TABLE vb_as_fb (acct_number bigint)
  SERVER diag_mistakes OPTIONS (copybook :'cpy', filename :'vb');
SELECT zt_error('SELECT * FROM vb_as_fb');

-- 4. recfm vb on a fixed-length file
CREATE FOREIGN TABLE fb_as_vb (acct_number bigint)
  SERVER diag_mistakes OPTIONS (copybook :'cpy', filename :'dat', recfm 'vb');
SELECT zt_error('SELECT * FROM fb_as_vb');

-- 5. latin1 on EBCDIC text: no number needs to fail for it to be caught
CREATE FOREIGN TABLE acct_latin1 (acct_holder_name text)
  SERVER diag_mistakes OPTIONS (copybook :'cpy', filename :'dat', codepage 'latin1');
SELECT zt_error('SELECT * FROM acct_latin1');
ALTER FOREIGN TABLE acct_latin1 OPTIONS (ADD accept 'ebcdic_as_ascii');
SELECT acct_holder_name FROM acct_latin1 LIMIT 1;

-- 6. cp273 on cp037 data: names come back as "M}ller"; a warning names
--    the page that reads them as letters
CREATE FOREIGN TABLE acct_273 (acct_holder_name text)
  SERVER diag_mistakes OPTIONS (copybook :'cpy', filename :'dat', codepage 'cp273');
SELECT count(*) FROM acct_273;
SET zfdw.check_codepage = off;
SELECT count(*) FROM acct_273;
RESET zfdw.check_codepage;
ALTER FOREIGN TABLE acct_273 OPTIONS (ADD accept 'codepage');
SELECT count(*) FROM acct_273;
-- the right page draws no warning
CREATE FOREIGN TABLE acct_037 (acct_holder_name text)
  SERVER diag_mistakes OPTIONS (copybook :'cpy', filename :'dat', codepage 'cp037');
SELECT count(*) FROM acct_037;

-- 7. an ASCII-mode transfer: EBCDIC page, ASCII text with line ends
\set ftp :abs_srcdir '/data/hostile/ascii_ftp.dat'
CREATE FOREIGN TABLE ftp (acct_number bigint)
  SERVER diag_mistakes OPTIONS (copybook :'cpy', filename :'ftp');
SELECT zt_error('SELECT * FROM ftp');
-- and one that kept EBCDIC: X'25' (EBCDIC line feed) after every
-- 25-byte record (test/data/diag/make.sh); accepted, the records drift
\set nl :abs_srcdir '/data/diag/nl_transfer.dat'
CREATE FOREIGN TABLE nl (id int, name text)
  SERVER diag_mistakes OPTIONS (filename :'nl', copybook_text
    '01 R. 05 ID PIC 9(2). 05 AMT PIC S9(5) COMP-3. 05 QTY PIC S9(4). 05 NAME PIC X(4). 05 CNT PIC S9(9) COMP. 05 DT PIC X(8).');
SELECT zt_error('SELECT * FROM nl');
ALTER FOREIGN TABLE nl OPTIONS (ADD accept 'ascii_transfer');
SELECT zt_error('SELECT * FROM nl');

-- every check can be switched off for a session
SET zfdw.plausibility_checks = off;
SELECT count(*) FROM acct_240;
RESET zfdw.plausibility_checks;

-- accept takes only known names
SELECT zt_error($$ALTER FOREIGN TABLE acct_037 OPTIONS (ADD accept 'lrecl')$$);

-- guess_codepage ranks cp037 first for the account names (bytes 19-48)
SELECT codepage, score, sample FROM zfdw.guess_codepage(:'dat', '{"lrecl": 120, "text": [[18, 30]]}') LIMIT 3;
SELECT zt_error($$SELECT * FROM zfdw.guess_codepage('$$ || :'dat' || $$', '{"lrecl": 120, "text": [[118, 30]]}')$$);

-- 8. hints: a bad value's hint names the likely cause before on_error:
--    here a copybook that puts a packed field where the name is
CREATE FOREIGN TABLE acct_off (bal numeric)
  SERVER diag_mistakes OPTIONS (filename :'dat',
    copybook_text '01 R. 05 F PIC X(18). 05 BAL PIC S9(13)V99 COMP-3. 05 G PIC X(94).');
SELECT zt_error('SELECT * FROM acct_off');
DROP SCHEMA test_diag_mistakes CASCADE;
DROP SERVER diag_mistakes;
