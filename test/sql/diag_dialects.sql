-- COBOL dialects: files written by GnuCOBOL with its default
-- configuration (dialect 'gnucobol': binary sizes 1-2-4-8, COMP-5
-- little-endian) and with -std=mf (dialect 'microfocus': the fewest bytes
-- that hold the picture), in ASCII (test/data/diag/dialect, see its
-- generate.sh), decode exactly to what the program DISPLAYed.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_diag_dialects;
SET search_path = test_diag_dialects, public;
\set dir :abs_srcdir '/data/diag/dialect/'
\set cpy :dir 'DIALREC.cpy'
\set gnu :dir 'gnucobol.dat'
\set mf :dir 'mf.dat'
\set gnu_expected :dir 'gnucobol.expected.txt'
\set mf_expected :dir 'mf.expected.txt'
CREATE SERVER diag_dialects FOREIGN DATA WRAPPER zfdw OPTIONS (codepage 'ascii');

CREATE FOREIGN TABLE dial_gnu (
    d_id int, d_name text, d_b1 int, d_b2 int, d_b3 int, d_b4 bigint, d_b5 bigint,
    d_b6 bigint, d_c1 int, d_c2 bigint, d_c3 bigint, d_z1 int, d_z2 numeric, d_p1 numeric)
  SERVER diag_dialects OPTIONS (copybook :'cpy', filename :'gnu', dialect 'gnucobol');
CREATE FOREIGN TABLE dial_mf (
    d_id int, d_name text, d_b1 int, d_b2 int, d_b3 int, d_b4 bigint, d_b5 bigint,
    d_b6 bigint, d_c1 int, d_c2 bigint, d_c3 bigint, d_z1 int, d_z2 numeric, d_p1 numeric)
  SERVER diag_dialects OPTIONS (copybook :'cpy', filename :'mf', dialect 'microfocus');
CREATE TABLE expected_gnu (line text);
CREATE TABLE expected_mf (line text);
COPY expected_gnu FROM :'gnu_expected';
COPY expected_mf FROM :'mf_expected';

-- every value as the program DISPLAYed it: no line differs either way
CREATE FUNCTION lines_of(t regclass) RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY EXECUTE format($f$SELECT concat_ws('|', d_id, d_name, d_b1, d_b2, d_b3, d_b4,
        d_b5, d_b6, d_c1, d_c2, d_c3, d_z1, d_z2, d_p1) FROM %s$f$, t);
END $$;
SELECT 'decoded' AS side, l FROM (SELECT lines_of('dial_gnu') EXCEPT ALL SELECT line FROM expected_gnu) x(l)
UNION ALL
SELECT 'expected', l FROM (SELECT line FROM expected_gnu EXCEPT ALL SELECT lines_of('dial_gnu')) y(l);
SELECT 'decoded' AS side, l FROM (SELECT lines_of('dial_mf') EXCEPT ALL SELECT line FROM expected_mf) x(l)
UNION ALL
SELECT 'expected', l FROM (SELECT line FROM expected_mf EXCEPT ALL SELECT lines_of('dial_mf')) y(l);
SELECT count(*) FROM dial_gnu;
SELECT count(*) FROM dial_mf;
SELECT d_name, d_b3, d_c1, d_c2, d_c3, d_z1 FROM dial_mf WHERE d_id = 6;

-- the same file read as z/OS data: the lengths do not fit
CREATE FOREIGN TABLE dial_gnu_as_ibm (d_id int, d_c1 int)
  SERVER diag_dialects OPTIONS (copybook :'cpy', filename :'gnu');
SELECT zt_error('SELECT count(*) FROM dial_gnu_as_ibm');

-- byte_order: one field in the other order, the rest as the dialect says
CREATE FOREIGN TABLE dial_c1_big (d_id int, d_c1 int OPTIONS (byte_order 'big'))
  SERVER diag_dialects OPTIONS (copybook :'cpy', filename :'gnu', dialect 'gnucobol');
SELECT d_id, d_c1 FROM dial_c1_big WHERE d_id IN (2, 6);
-- and for explicit columns: D-C1, COMP-5 S9(4), starts at byte 42 of
-- the 69-byte records of gnucobol.dat (after 14 bytes of text and 27 of
-- COMP)
CREATE FOREIGN TABLE dial_explicit (
    d_id int OPTIONS (position '1', pic '9(4)'),
    d_c1 int OPTIONS (position '42', pic 'S9(4)', usage 'comp-5', byte_order 'little'))
  SERVER diag_dialects OPTIONS (filename :'gnu', lrecl '69');
SELECT d_id, d_c1 FROM dial_explicit;
-- a little-endian key cannot be sorted by its bytes
CREATE FOREIGN TABLE dial_key (d_id int, d_c1 int)
  SERVER diag_dialects OPTIONS (copybook :'cpy', filename :'gnu', dialect 'gnucobol', key 'd-c1');
SELECT zt_error('SELECT * FROM dial_key WHERE d_c1 = 1');
SELECT zt_error($$CREATE FOREIGN TABLE bad_dialect (a int) SERVER diag_dialects OPTIONS (filename 'x', dialect 'cobol85')$$);
SELECT zt_error($$CREATE FOREIGN TABLE bad_order (a int OPTIONS (byte_order 'middle')) SERVER diag_dialects OPTIONS (filename 'x')$$);
DROP SCHEMA test_diag_dialects CASCADE;
DROP SERVER diag_dialects;
