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
-- and IBM's SYNCHRONIZED (the default dialect) against GnuCOBOL -std=ibm
-- (ibmsyncgen.cbl, IBMSYNC.cpy), on the items both place alike: 2- and
-- 4-byte binaries, slack inside and before groups, an 8-byte binary on
-- a doubleword, a table that needs no padding
\set ibmcpy :dir 'IBMSYNC.cpy'
\set ibmsync :dir 'ibm_sync.dat'
\set ibmsync_expected :dir 'ibm_sync.expected.txt'
CREATE FOREIGN TABLE sync_ibm (
    i_id int, i_a text, i_h1 int, i_b text, i_f1 int, i_c1 text, i_cf int, i_d text,
    i_eh int, i_e1 text, i_d8 bigint, i_t1 text[], i_t2 int[], i_t3 int[], i_z text)
  SERVER diag_dialects OPTIONS (copybook :'ibmcpy', filename :'ibmsync');
CREATE TABLE expected_ibmsync (line text);
COPY expected_ibmsync FROM :'ibmsync_expected';
CREATE VIEW ibmsync_lines AS
  SELECT concat_ws('|', i_id, i_a, i_h1, i_b, i_f1, i_c1, i_cf, i_d, i_eh, i_e1, i_d8,
         i_t1[1], i_t2[1], i_t3[1], i_t1[2], i_t2[2], i_t3[2], i_t1[3], i_t2[3], i_t3[3], i_z) AS l
    FROM sync_ibm;
SELECT 'decoded' AS side, l FROM (SELECT l FROM ibmsync_lines EXCEPT ALL SELECT line FROM expected_ibmsync) x
UNION ALL
SELECT 'expected', l FROM (SELECT line FROM expected_ibmsync EXCEPT ALL SELECT l FROM ibmsync_lines) y(l);
SELECT count(*) FROM sync_ibm;
-- COMP-X (compxgen.cbl, CMPXREC.cpy): PIC X(n) in n bytes, PIC 9(n) in
-- the fewest bytes, big-endian, laid out alike by cobc -std=mf and its
-- default configuration
\set compxcpy :dir 'CMPXREC.cpy'
\set mfcompx :dir 'mf_compx.dat'
\set mfcompx_expected :dir 'mf_compx.expected.txt'
\set gnucompx :dir 'gnucobol_compx.dat'
\set gnucompx_expected :dir 'gnucobol_compx.expected.txt'
CREATE FOREIGN TABLE compx_mf (
    x_id int, x_end text, x_x1 int, x_x2 int, x_x3 int, x_x8 numeric, x_n2 int, x_n3 int,
    x_n7 int, x_n9 bigint, x_n12 bigint, x_n18 bigint, x_nv numeric, x_s5 int)
  SERVER diag_dialects OPTIONS (copybook :'compxcpy', filename :'mfcompx', dialect 'microfocus');
CREATE FOREIGN TABLE compx_gnu (
    x_id int, x_end text, x_x1 int, x_x2 int, x_x3 int, x_x8 numeric, x_n2 int, x_n3 int,
    x_n7 int, x_n9 bigint, x_n12 bigint, x_n18 bigint, x_nv numeric, x_s5 int)
  SERVER diag_dialects OPTIONS (copybook :'compxcpy', filename :'gnucompx', dialect 'gnucobol');
CREATE TABLE expected_mfcompx (line text);
CREATE TABLE expected_gnucompx (line text);
COPY expected_mfcompx FROM :'mfcompx_expected';
COPY expected_gnucompx FROM :'gnucompx_expected';
CREATE FUNCTION compx_lines_of(t regclass) RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY EXECUTE format($f$SELECT concat_ws('|', x_id, x_end, x_x1, x_x2, x_x3, x_x8,
        x_n2, x_n3, x_n7, x_n9, x_n12, x_n18, x_nv, x_s5) FROM %s$f$, t);
END $$;
SELECT 'decoded' AS side, l FROM (SELECT compx_lines_of('compx_mf') EXCEPT ALL SELECT line FROM expected_mfcompx) x(l)
UNION ALL
SELECT 'expected', l FROM (SELECT line FROM expected_mfcompx EXCEPT ALL SELECT compx_lines_of('compx_mf')) y(l);
SELECT 'decoded' AS side, l FROM (SELECT compx_lines_of('compx_gnu') EXCEPT ALL SELECT line FROM expected_gnucompx) x(l)
UNION ALL
SELECT 'expected', l FROM (SELECT line FROM expected_gnucompx EXCEPT ALL SELECT compx_lines_of('compx_gnu')) y(l);
SELECT count(*) FROM compx_mf;
-- explicit columns of usage 'comp-x', by picture or by length: three
-- bytes over X-X1 and X-X2 hold 99 and 9999 (X'63' X'270F': 6498063)
CREATE FOREIGN TABLE compx_explicit (
    x_id int OPTIONS (position '1', pic '9(4)'),
    x_x1 int OPTIONS (position '5', pic 'X', usage 'comp-x'),
    x_x12 int OPTIONS (position '5', length '3', usage 'comp-x'))
  SERVER diag_dialects OPTIONS (filename :'mfcompx', lrecl '49');
SELECT * FROM compx_explicit;
SELECT zt_error($$SELECT * FROM zfdw.copybook_layout('01 R. 05 A PIC X(9) COMP-X.')$$);
SELECT zt_error($$CREATE FOREIGN TABLE bad_dialect (a int) SERVER diag_dialects OPTIONS (filename 'x', dialect 'cobol85')$$);
SELECT zt_error($$CREATE FOREIGN TABLE bad_order (a int OPTIONS (byte_order 'middle')) SERVER diag_dialects OPTIONS (filename 'x')$$);
DROP SCHEMA test_diag_dialects CASCADE;
DROP SERVER diag_dialects;
