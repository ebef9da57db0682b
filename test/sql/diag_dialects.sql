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
-- SYNCHRONIZED as GnuCOBOL places it (syncgen.cbl, SYNCREC.cpy): 2-, 4-
-- and 8-byte binaries on their own size, 1- and 3-byte ones unaligned,
-- the slack inside the innermost group, tables padded in front of their
-- last item; the slack bytes hold "#", so a misplaced field reads them
\set synccpy :dir 'SYNCREC.cpy'
\set gnusync :dir 'gnucobol_sync.dat'
\set mfsync :dir 'mf_sync.dat'
\set gnusync_expected :dir 'gnucobol_sync.expected.txt'
\set mfsync_expected :dir 'mf_sync.expected.txt'
CREATE FOREIGN TABLE sync_gnu (
    s_id int, s_a text, s_b1 int, s_c text, s_b2 int, s_d text, s_b4 int, s_e text,
    s_b8 bigint, s_f text, s_b3 int, s_g text, s_c5 int, s_g1 text, s_g2 int,
    s_t1 text[], s_t2 int[], s_t3 text[], s_n8 bigint[], s_ns1 text[], s_ns2 int[],
    s_nx text[], s_end text)
  SERVER diag_dialects OPTIONS (copybook :'synccpy', filename :'gnusync', dialect 'gnucobol');
CREATE FOREIGN TABLE sync_mf (
    s_id int, s_a text, s_b1 int, s_c text, s_b2 int, s_d text, s_b4 int, s_e text,
    s_b8 bigint, s_f text, s_b3 int, s_g text, s_c5 int, s_g1 text, s_g2 int,
    s_t1 text[], s_t2 int[], s_t3 text[], s_n8 bigint[], s_ns1 text[], s_ns2 int[],
    s_nx text[], s_end text)
  SERVER diag_dialects OPTIONS (copybook :'synccpy', filename :'mfsync', dialect 'microfocus');
CREATE TABLE expected_gnusync (line text);
CREATE TABLE expected_mfsync (line text);
COPY expected_gnusync FROM :'gnusync_expected';
COPY expected_mfsync FROM :'mfsync_expected';
CREATE FUNCTION sync_lines_of(t regclass) RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY EXECUTE format($f$SELECT concat_ws('|', s_id, s_a, s_b1, s_c, s_b2, s_d, s_b4,
        s_e, s_b8, s_f, s_b3, s_g, s_c5, s_g1, s_g2,
        s_t1[1], s_t2[1], s_t3[1], s_t1[2], s_t2[2], s_t3[2], s_t1[3], s_t2[3], s_t3[3],
        s_n8[1], s_ns1[1], s_ns2[1], s_nx[1], s_n8[2], s_ns1[2], s_ns2[2], s_nx[2],
        s_end) FROM %s$f$, t);
END $$;
SELECT 'decoded' AS side, l FROM (SELECT sync_lines_of('sync_gnu') EXCEPT ALL SELECT line FROM expected_gnusync) x(l)
UNION ALL
SELECT 'expected', l FROM (SELECT line FROM expected_gnusync EXCEPT ALL SELECT sync_lines_of('sync_gnu')) y(l);
SELECT 'decoded' AS side, l FROM (SELECT sync_lines_of('sync_mf') EXCEPT ALL SELECT line FROM expected_mfsync) x(l)
UNION ALL
SELECT 'expected', l FROM (SELECT line FROM expected_mfsync EXCEPT ALL SELECT sync_lines_of('sync_mf')) y(l);
SELECT count(*) FROM sync_gnu;
SELECT count(*) FROM sync_mf;
-- the same copybook as IBM lays it out: other offsets, and the check at
-- scan start sees that 118 is no record length of its layout
CREATE FOREIGN TABLE sync_gnu_as_ibm (s_id int, s_b8 bigint)
  SERVER diag_dialects OPTIONS (copybook :'synccpy', filename :'gnusync');
SELECT zt_error('SELECT count(*) FROM sync_gnu_as_ibm');
SELECT zt_error($$CREATE FOREIGN TABLE bad_dialect (a int) SERVER diag_dialects OPTIONS (filename 'x', dialect 'cobol85')$$);
SELECT zt_error($$CREATE FOREIGN TABLE bad_order (a int OPTIONS (byte_order 'middle')) SERVER diag_dialects OPTIONS (filename 'x')$$);
DROP SCHEMA test_diag_dialects CASCADE;
DROP SERVER diag_dialects;
