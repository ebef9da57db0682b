-- Hostile input, values: invalid packed nibbles and signs, blanks and
-- low-values in numeric fields, an OCCURS DEPENDING ON counter out of
-- range or negative, and the wrong code page.  Each bad value is an error
-- that shows the field, its bytes and the record, or under on_error a
-- NULL or a skipped record; no wrong number is ever returned.  The files
-- are written by test/data/hostile/make.sh, which explains every byte.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_hostile_values;
SET search_path = test_hostile_values, public;
SET statement_timeout = '5min';
\set dir :abs_srcdir '/data/hostile/'
\set bad :dir 'bad_values.dat'
\set odo :dir 'odo.dat'
\set brackets :dir 'brackets.dat'
\set good :dir 'good.dat'
\set cb '       01  HOSTILE-REC.\n           05  NAME  PIC X(4).\n           05  AMT   PIC S9(5) COMP-3.\n           05  QTY   PIC S9(3).'
SELECT E:'cb' AS cb \gset

CREATE SERVER hostile FOREIGN DATA WRAPPER zfdw;

-- 1. invalid packed and zoned values, one per record (R002 .. R009)
CREATE FOREIGN TABLE bad (name text, amt numeric, qty integer)
    SERVER hostile OPTIONS (filename :'bad', copybook_text :'cb');
-- on_error stop (the default): the first bad value ends the scan
SELECT zt_error($$SELECT * FROM bad$$);
-- on_error null: the bad values are NULL, the rest of the record is read;
-- log_verbosity verbose reports each bad value with its bytes
ALTER FOREIGN TABLE bad OPTIONS (ADD on_error 'null', ADD log_verbosity 'verbose');
SELECT * FROM bad;
ALTER FOREIGN TABLE bad OPTIONS (DROP log_verbosity);
SELECT * FROM bad;
-- on_error skip: only the good records
ALTER FOREIGN TABLE bad OPTIONS (SET on_error 'skip');
SELECT * FROM bad;
-- which records are bad depends on the columns read
SELECT name, qty FROM bad;
-- reject_limit ends a scan that skips too much
ALTER FOREIGN TABLE bad OPTIONS (ADD reject_limit '3');
SELECT zt_error($$SELECT * FROM bad$$);
ALTER FOREIGN TABLE bad OPTIONS (DROP reject_limit, DROP on_error);

-- 2. blanks and low-values in numeric fields: NULL when asked for
CREATE FOREIGN TABLE blank_amounts (
    name text,
    amt  numeric OPTIONS (null_if 'spaces'),
    qty  integer OPTIONS (null_if 'low_values')
) SERVER hostile OPTIONS (filename :'bad', copybook_text :'cb');
-- R004 (blank amt) and R007 (low-value qty) are NULL without a word; the
-- other bad values are still reported (low-values in amt among them:
-- null_if 'spaces' does not cover them)
ALTER FOREIGN TABLE blank_amounts OPTIONS (ADD on_error 'null', ADD log_verbosity 'verbose');
SELECT * FROM blank_amounts;

-- 3. OCCURS DEPENDING ON: a counter above the maximum, negative, larger
-- than the record holds, and not a number
\set odocb '       01  ODO-REC.\n           05  N  PIC S9(3) COMP-3.\n           05  A  PIC X(2) OCCURS 0 TO 5 TIMES DEPENDING ON N.'
SELECT E:'odocb' AS odocb \gset
CREATE FOREIGN TABLE odo (n integer, a text[], len integer OPTIONS (meta 'record_length'))
    SERVER hostile OPTIONS (filename :'odo', copybook_text :'odocb', recfm 'vb');
SELECT zt_error($$SELECT * FROM odo$$);
-- the counter alone is read where it is a number
SELECT zt_error($$SELECT n FROM odo$$);
-- each bad record reported
ALTER FOREIGN TABLE odo OPTIONS (ADD on_error 'null', ADD log_verbosity 'verbose');
SELECT * FROM odo;
ALTER FOREIGN TABLE odo OPTIONS (DROP log_verbosity);
ALTER FOREIGN TABLE odo OPTIONS (SET on_error 'skip');
SELECT * FROM odo;

-- 4. the wrong code page
CREATE FOREIGN TABLE brackets (t text OPTIONS (position '1', length '4'),
                               b bytea OPTIONS (position '1', length '4'))
    SERVER hostile OPTIONS (filename :'brackets', lrecl '4');
SELECT * FROM brackets;
-- another EBCDIC page reads other characters: nothing can tell, so the
-- code page must be known (cp1047 puts the brackets elsewhere)
ALTER FOREIGN TABLE brackets OPTIONS (ADD codepage 'cp1047');
SELECT * FROM brackets;
-- an ASCII page is refused byte by byte
ALTER FOREIGN TABLE brackets OPTIONS (SET codepage 'ascii');
SELECT zt_error($$SELECT t FROM brackets$$);
ALTER FOREIGN TABLE brackets OPTIONS (SET codepage 'utf8');
SELECT zt_error($$SELECT t FROM brackets$$);
-- an unknown page is refused when it is given
SELECT zt_error($$ALTER FOREIGN TABLE brackets OPTIONS (SET codepage 'cp9999')$$);
SELECT zt_error($$ALTER FOREIGN TABLE brackets ALTER COLUMN t OPTIONS (ADD codepage 'ebcdic')$$);
-- EBCDIC zoned digits read as ASCII are no digits
CREATE FOREIGN TABLE ascii_qty (q integer OPTIONS (position '8', pic 'S9(3)'))
    SERVER hostile OPTIONS (filename :'good', lrecl '10', codepage 'latin1');
SELECT zt_error($$SELECT * FROM ascii_qty$$);

-- 5. a value that does not fit its column is an error, never cut
CREATE FOREIGN TABLE narrow (amt smallint OPTIONS (position '5', pic 'S9(5)', usage 'comp-3'),
                             name varchar(2) OPTIONS (position '1', length '4'))
    SERVER hostile OPTIONS (filename :'good', lrecl '10');
SELECT zt_error($$SELECT amt FROM narrow$$);
SELECT zt_error($$SELECT name FROM narrow$$);

-- the backend is still there
SELECT count(*) FROM bad WHERE name = 'R001';

DROP SCHEMA test_hostile_values CASCADE;
DROP SERVER hostile;
