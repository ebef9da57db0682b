-- Copybooks damaged on their way from the mainframe give an error whose
-- hint names the damage; a ragged nested OCCURS DEPENDING ON says how to
-- read it, and jsonb groups keep FILLER bytes when asked (json_fillers).
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_diag_copybook;
SET search_path = test_diag_copybook, public;

-- 1. a comment whose '*' stands in column 8 instead of 7
SELECT zt_error($$SELECT * FROM zfdw.copybook_layout(E'       * account record\n       01  REC.\n           05  A   PIC X(4).\n')$$);
-- the same in column 7 is a comment
SELECT name, length FROM zfdw.copybook_layout(E'      * account record\n       01  REC.\n           05  A   PIC X(4).\n');

-- 2. sequence numbers, with a line longer than 80 columns (so that the
--    copybook looks like free format)
SELECT zt_error($$SELECT * FROM zfdw.copybook_layout(
  '000100 01  REC.' || repeat(' ', 57) || 'CUST0001X' || E'\n000200     05  A   PIC X(4).' || repeat(' ', 44) || E'CUST0002\n')$$);
-- within 80 columns they are ignored, as in fixed format
SELECT name, length FROM zfdw.copybook_layout(
  '000100 01  REC.' || repeat(' ', 57) || E'CUST0001\n000200     05  A   PIC X(4).' || repeat(' ', 44) || E'CUST0002\n');

-- 3. tabs that push the text past column 72
SELECT zt_error($$SELECT * FROM zfdw.copybook_layout(E'\t01  REC.\n\t\t05  A\t\t\t\t\t\tPIC X(4).\n\t\t05  B   PIC X(4).\n')$$);
-- tabs are read as stops every 8 columns otherwise
SELECT name, "offset", length FROM zfdw.copybook_layout(E'\t01  REC.\n\t\t05  A   PIC X(4).\n\t\t05  B   PIC X(2).\n');

-- 4. a missing period inside the copybook, and after its last entry
SELECT zt_error($$SELECT * FROM zfdw.copybook_layout(E'       01  REC.\n           05  A   PIC X(4)\n           05  B   PIC X(4).\n')$$);
SELECT name, length FROM zfdw.copybook_layout(E'       01  REC.\n           05  A   PIC X(4)\n');
-- lower case is COBOL too
SELECT name, length FROM zfdw.copybook_layout(E'       01  rec.\n           05  a   pic x(4).\n');

-- 5. a nested OCCURS DEPENDING ON whose inner tables differ in length
--    (test/data/diag/make.sh, ragged.vb): not an array, and the hint says
--    how to read it
\set ragged :abs_srcdir '/data/diag/ragged.vb'
CREATE SERVER diag_copybook FOREIGN DATA WRAPPER zfdw;
CREATE FOREIGN TABLE ragged_array (n int, v text[])
  SERVER diag_copybook OPTIONS (filename :'ragged', recfm 'vb',
    copybook_text '01 R. 05 N PIC 9. 05 OUTER OCCURS 1 TO 3 DEPENDING ON N. 10 M PIC 9. 10 FILLER PIC X. 10 INNER OCCURS 0 TO 3 DEPENDING ON M. 15 V PIC X(2).');
SELECT zt_error('SELECT * FROM ragged_array');
CREATE FOREIGN TABLE ragged_json (n int, lines jsonb OPTIONS (field 'outer'))
  SERVER diag_copybook OPTIONS (filename :'ragged', recfm 'vb',
    copybook_text '01 R. 05 N PIC 9. 05 OUTER OCCURS 1 TO 3 DEPENDING ON N. 10 M PIC 9. 10 FILLER PIC X. 10 INNER OCCURS 0 TO 3 DEPENDING ON M. 15 V PIC X(2).');
SELECT * FROM ragged_json;
-- json_fillers keeps the FILLER bytes (X'E7' is "X" in cp037)
ALTER FOREIGN TABLE ragged_json OPTIONS (ADD json_fillers 'true');
SELECT * FROM ragged_json;
SELECT zt_error($$ALTER FOREIGN TABLE ragged_json OPTIONS (SET json_fillers 'maybe')$$);
DROP SCHEMA test_diag_copybook CASCADE;
DROP SERVER diag_copybook;
