-- Compressed files read as their uncompressed originals: every fixture
-- format (fb, vb, vb_bdw, text lines, delimited, a DB2 unload with its
-- punch and DDL, change extracts and their apply) compressed by Debian's
-- gzip, bzip2 and zstd programs (the oracle), recognised by compression
-- 'auto', and compared with the same query on the original file, EXCEPT
-- ALL both ways; compressed copybook, punch and DDL files are read too.
-- The compressed copies are made in a scratch directory of the test
-- instance's data directory (COPY TO PROGRAM, as the superuser running the
-- test) and named by relative paths.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_compress_formats;
SET search_path = test_compress_formats, public;
\set cobol :abs_srcdir '/data/cobol'
\set fixrec :cobol '/FIXREC.cpy'
\set odorec :cobol '/ODOREC.cpy'
\set cdccpy :abs_srcdir '/data/cdc/CDCBANK.cpy'
\set punch :abs_srcdir '/../../shared/db2ddl/punch-unload-orcamentoitecob.jcl'
\set ddl :abs_srcdir '/../../shared/db2ddl/ddl-v7style-orcamentoitecob.sql'

-- every fixture, compressed three times; a copybook, a punch and a DDL
-- file compressed
SELECT format('cat >/dev/null && rm -rf compress_tmp && mkdir compress_tmp && '
              'for f in %s/fixed_cp037.dat %s/odo_vb_cp037.dat %s/odo_vbbdw_cp037.dat '
              '%s/data/delimited/db2_dept.vb %s/data/delimited/db2_dept.nl '
              '%s/data/delimited/dms/2024*.csv %s/data/punch/orcamentoitecob.dat '
              '%s/data/cdc/positional/CDC.D2024061.T*.fb; do '
              'b=compress_tmp/$(basename "$f"); cp "$f" "$b"; '
              'gzip -c "$f" > "$b.gz"; bzip2 -c "$f" > "$b.bz2"; zstd -q -c "$f" > "$b.zst"; done && '
              'gzip -c %s > compress_tmp/FIXREC.cpy.gz && bzip2 -c %s > compress_tmp/punch.bz2 && '
              'zstd -q -c %s > compress_tmp/ddl.zst',
              :'cobol', :'cobol', :'cobol', :'abs_srcdir', :'abs_srcdir',
              :'abs_srcdir', :'abs_srcdir', :'abs_srcdir', :'fixrec', :'punch', :'ddl') AS make_cmd \gset
COPY (SELECT 1) TO PROGRAM :'make_cmd';

-- Row counts of a and b, and the rows of each that the other lacks.
CREATE FUNCTION zt_same(a text, b text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE na bigint; nb bigint; da bigint; db bigint;
BEGIN
    EXECUTE format('SELECT count(*) FROM %s', a) INTO na;
    EXECUTE format('SELECT count(*) FROM %s', b) INTO nb;
    EXECUTE format('SELECT count(*) FROM (SELECT * FROM %s EXCEPT ALL SELECT * FROM %s) x', a, b) INTO da;
    EXECUTE format('SELECT count(*) FROM (SELECT * FROM %s EXCEPT ALL SELECT * FROM %s) x', b, a) INTO db;
    RETURN format('%s: %s rows, %s: %s rows, %s only in the first, %s only in the second',
                  a, na, b, nb, da, db);
END $$;

CREATE SERVER comp FOREIGN DATA WRAPPER zfdw;
CREATE SCHEMA plain;
CREATE SCHEMA gz;
CREATE SCHEMA bz2;
CREATE SCHEMA zst;
CREATE SCHEMA mixed;

-- 1. IMPORT FOREIGN SCHEMA from copybooks, over compressed data files:
--    fb (FIXREC, every numeric usage), vb and vb_bdw (OCCURS DEPENDING ON)
IMPORT FOREIGN SCHEMA fixrec FROM SERVER comp INTO plain
  OPTIONS (copybook :'fixrec', filename 'compress_tmp/fixed_cp037.dat', trim 'none');
-- (the copybook too is compressed for the gz schema)
\set ECHO none
SELECT format('IMPORT FOREIGN SCHEMA fixrec FROM SERVER comp INTO %s '
              'OPTIONS (copybook %L, filename %L, trim %L)',
              s, CASE s WHEN 'gz' THEN 'compress_tmp/FIXREC.cpy.gz' ELSE :'fixrec' END,
              'compress_tmp/fixed_cp037.dat.' || s, 'none')
  FROM unnest(ARRAY['gz', 'bz2', 'zst']) s \gexec
\set ECHO all
SELECT zt_same('plain.fix_rec', s || '.fix_rec') FROM unnest(ARRAY['gz', 'bz2', 'zst']) s;

IMPORT FOREIGN SCHEMA odorec FROM SERVER comp INTO plain
  OPTIONS (copybook :'odorec', filename 'compress_tmp/odo_vb_cp037.dat', recfm 'vb', trim 'none');
\set ECHO none
SELECT format('IMPORT FOREIGN SCHEMA odorec FROM SERVER comp INTO %s '
              'OPTIONS (copybook %L, filename %L, recfm %L, trim %L)',
              s, :'odorec', 'compress_tmp/odo_vb_cp037.dat.' || s, 'vb', 'none')
  FROM unnest(ARRAY['gz', 'bz2', 'zst']) s \gexec
\set ECHO all
SELECT zt_same('plain.order_rec', s || '.order_rec') FROM unnest(ARRAY['gz', 'bz2', 'zst']) s;

CREATE SCHEMA plain_bdw;
IMPORT FOREIGN SCHEMA odorec FROM SERVER comp INTO plain_bdw
  OPTIONS (copybook :'odorec', filename 'compress_tmp/odo_vbbdw_cp037.dat', recfm 'vb_bdw', trim 'none');
CREATE SCHEMA gz_bdw;
IMPORT FOREIGN SCHEMA odorec FROM SERVER comp INTO gz_bdw
  OPTIONS (copybook :'odorec', filename 'compress_tmp/odo_vbbdw_cp037.dat.gz', recfm 'vb_bdw', trim 'none');
CREATE SCHEMA zst_bdw;
IMPORT FOREIGN SCHEMA odorec FROM SERVER comp INTO zst_bdw
  OPTIONS (copybook :'odorec', filename 'compress_tmp/odo_vbbdw_cp037.dat.zst', recfm 'vb_bdw', trim 'none');
SELECT zt_same('plain_bdw.order_rec', 'gz_bdw.order_rec');
SELECT zt_same('plain_bdw.order_rec', 'zst_bdw.order_rec');

-- the meta columns count decompressed bytes: the same offsets
\set ECHO none
SELECT format('CREATE FOREIGN TABLE %s.offsets (recno bigint OPTIONS (meta %L), '
              'off bigint OPTIONS (meta %L), len bigint OPTIONS (meta %L)) '
              'SERVER comp OPTIONS (filename %L, copybook %L, recfm %L)',
              s, 'record_number', 'byte_offset', 'record_length',
              'compress_tmp/odo_vb_cp037.dat' || CASE WHEN s = 'plain' THEN '' ELSE '.' || s END,
              :'odorec', 'vb')
  FROM unnest(ARRAY['plain', 'gz', 'bz2', 'zst']) s \gexec
\set ECHO all
SELECT zt_same('plain.offsets', s || '.offsets') FROM unnest(ARRAY['gz', 'bz2', 'zst']) s;
SELECT max(off + len) AS data_bytes FROM gz.offsets;

-- 2. delimited: DB2 DEL in vb records and in EBCDIC text lines
SELECT format('CREATE FOREIGN TABLE %s.dept_%s (deptno char(3), deptname varchar(36), '
              'mgrno char(6), budget numeric(9,2), started date, updated timestamp) '
              'SERVER comp OPTIONS (filename %L, format %L, recfm %L)',
              s, f, 'compress_tmp/db2_dept.' || f || CASE WHEN s = 'plain' THEN '' ELSE '.' || s END,
              'delimited', CASE WHEN f = 'vb' THEN 'vb' ELSE 'text' END)
  FROM unnest(ARRAY['plain', 'gz', 'bz2', 'zst']) s, unnest(ARRAY['vb', 'nl']) f \gexec
ALTER FOREIGN TABLE plain.dept_nl OPTIONS (DROP recfm);
ALTER FOREIGN TABLE gz.dept_nl OPTIONS (DROP recfm);
ALTER FOREIGN TABLE bz2.dept_nl OPTIONS (DROP recfm);
ALTER FOREIGN TABLE zst.dept_nl OPTIONS (DROP recfm);
SELECT zt_same('plain.dept_' || f, s || '.dept_' || f)
  FROM unnest(ARRAY['vb', 'nl']) f, unnest(ARRAY['gz', 'bz2', 'zst']) s;
SELECT deptno, deptname, budget FROM bz2.dept_nl ORDER BY deptno;

-- 3. a DB2 unload read through its SYSPUNCH and DDL (IMPORT FOREIGN SCHEMA)
IMPORT FOREIGN SCHEMA "TECINFOR" FROM SERVER comp INTO plain
  OPTIONS (punch :'punch', filename 'compress_tmp/orcamentoitecob.dat', ddl :'ddl');
-- (the zst schema's punch compressed by bzip2, its DDL by zstd)
\set ECHO none
SELECT format('IMPORT FOREIGN SCHEMA "TECINFOR" FROM SERVER comp INTO %s '
              'OPTIONS (punch %L, filename %L, ddl %L)',
              s, CASE s WHEN 'zst' THEN 'compress_tmp/punch.bz2' ELSE :'punch' END,
              'compress_tmp/orcamentoitecob.dat.' || s,
              CASE s WHEN 'zst' THEN 'compress_tmp/ddl.zst' ELSE :'ddl' END)
  FROM unnest(ARRAY['gz', 'bz2', 'zst']) s \gexec
\set ECHO all
SELECT zt_same('plain.orcamentoitecob', s || '.orcamentoitecob')
  FROM unnest(ARRAY['gz', 'bz2', 'zst']) s;
-- the compressed DDL gave the same types and nullability
SELECT count(*) AS columns, count(*) FILTER (WHERE format_type(p.atttypid, p.atttypmod) =
                                                   format_type(z.atttypid, z.atttypmod)
                                                 AND p.attnotnull = z.attnotnull) AS same
  FROM pg_attribute p JOIN pg_attribute z USING (attname)
 WHERE p.attrelid = 'plain.orcamentoitecob'::regclass AND z.attrelid = 'zst.orcamentoitecob'::regclass
   AND p.attnum > 0;

-- 4. change extracts: positional EBCDIC change records (a glob of three
--    RECFM FB extracts, one table per record of the copybook) ...
CREATE SCHEMA plain_cdc;
IMPORT FOREIGN SCHEMA cdcbank FROM SERVER comp INTO plain_cdc
  OPTIONS (copybook :'cdccpy', filename 'compress_tmp/CDC.D2024061.T*.fb', lrecl '157', on_error 'null', log_verbosity 'silent');
CREATE SCHEMA gz_cdc;
IMPORT FOREIGN SCHEMA cdcbank FROM SERVER comp INTO gz_cdc
  OPTIONS (copybook :'cdccpy', filename 'compress_tmp/CDC.D2024061.T*.fb.gz', lrecl '157', on_error 'null', log_verbosity 'silent');
CREATE SCHEMA zst_cdc;
IMPORT FOREIGN SCHEMA cdcbank FROM SERVER comp INTO zst_cdc
  OPTIONS (copybook :'cdccpy', filename 'compress_tmp/CDC.D2024061.T*.fb.zst', lrecl '157', on_error 'null', log_verbosity 'silent');
SELECT zt_same('plain_cdc.' || t, s || '_cdc.' || t)
  FROM unnest(ARRAY['cdc_account_rec', 'cdc_txn_rec']) t, unnest(ARRAY['gz', 'zst']) s;

-- ... and a glob of DMS CSV files (and one of a zstd file
--    and a gzip file), applied to a cache table; the same cache as from the
--    uncompressed files
SELECT format('cat >/dev/null && cd compress_tmp && mkdir dms_mixed && '
              'cp %s/data/delimited/dms/20240331-1000.csv dms_mixed/ && '
              'gzip -c %s/data/delimited/dms/20240331-1001.csv > dms_mixed/20240331-1001.csv.gz && '
              'zstd -q -c dms_mixed/20240331-1000.csv > dms_mixed/20240331-1000.csv.zst && '
              'rm dms_mixed/20240331-1000.csv',
              :'abs_srcdir', :'abs_srcdir') AS mixed_cmd \gset
COPY (SELECT 1) TO PROGRAM :'mixed_cmd';
SELECT format('CREATE FOREIGN TABLE %s.dms_account (op char(1), commit_ts timestamp, '
              'account_id integer, balance numeric(11,2), status text, '
              'recno bigint OPTIONS (meta %L), file text OPTIONS (meta %L)) '
              'SERVER comp OPTIONS (filename %L, format %L, header %L, codepage %L)',
              s, 'record_number', 'file_name',
              CASE s WHEN 'plain' THEN 'compress_tmp/2024*.csv'
                     WHEN 'mixed' THEN 'compress_tmp/dms_mixed/2024*'
                     ELSE 'compress_tmp/2024*.csv.' || s END,
              'delimited', 'true', 'utf8')
  FROM unnest(ARRAY['plain', 'gz', 'bz2', 'zst', 'mixed']) s \gexec
SELECT format('CREATE VIEW %s.dms_rows AS SELECT op, commit_ts, account_id, balance, status, recno, '
              'regexp_replace(file, %L, %L, %L) AS file FROM %s.dms_account',
              s, '^.*/|\.csv.*$', '', 'g', s)
  FROM unnest(ARRAY['plain', 'gz', 'bz2', 'zst', 'mixed']) s \gexec
SELECT zt_same('plain.dms_rows', s || '.dms_rows') FROM unnest(ARRAY['gz', 'bz2', 'zst', 'mixed']) s;
SELECT format('CREATE TABLE %s.account_cache (account_id integer PRIMARY KEY, balance numeric(11,2), '
              'status text, replicated_ts timestamptz)', s)
  FROM unnest(ARRAY['plain', 'gz', 'bz2', 'zst', 'mixed']) s \gexec
SELECT s, a.inserted, a.updated, a.deleted, a.skipped
  FROM unnest(ARRAY['plain', 'gz', 'bz2', 'zst', 'mixed']) s,
       LATERAL zfdw.apply_changes((s || '.dms_account')::regclass, (s || '.account_cache')::regclass,
                                  op_column => 'op', position_column => 'file, recno',
                                  commit_ts_column => 'commit_ts') a;
SELECT format('CREATE VIEW %s.cache_rows AS SELECT account_id, balance, status FROM %s.account_cache', s, s)
  FROM unnest(ARRAY['plain', 'gz', 'bz2', 'zst', 'mixed']) s \gexec
SELECT zt_same('plain.cache_rows', s || '.cache_rows') FROM unnest(ARRAY['gz', 'bz2', 'zst', 'mixed']) s;

-- 5. ANALYZE reads a compressed file whole (no seeks) and samples it by
--    reservoir: the same row count
ANALYZE plain.fix_rec, gz.fix_rec, plain.orcamentoitecob, zst.orcamentoitecob;
SELECT c.relnamespace::regnamespace AS schema, c.relname, c.reltuples
  FROM pg_class c WHERE c.oid IN ('plain.fix_rec'::regclass, 'gz.fix_rec'::regclass,
                                  'plain.orcamentoitecob'::regclass, 'zst.orcamentoitecob'::regclass)
 ORDER BY 2, 1;

-- 6. inspect_file looks at the decompressed bytes: the same findings
SELECT p.topic, p.finding = g.finding AS same
  FROM zfdw.inspect_file('compress_tmp/odo_vb_cp037.dat') WITH ORDINALITY p(topic, finding, n)
  JOIN zfdw.inspect_file('compress_tmp/odo_vb_cp037.dat.gz') WITH ORDINALITY g(topic, finding, n) USING (n)
 ORDER BY n;
SELECT finding FROM zfdw.inspect_file('compress_tmp/odo_vb_cp037.dat.bz2') WHERE topic = 'file';

-- 7. a program's output is recognised too
CREATE FOREIGN TABLE prog_gz (deptno char(3), deptname varchar(36), mgrno char(6),
                              budget numeric(9,2), started date, updated timestamp)
    SERVER comp OPTIONS (program 'cat compress_tmp/db2_dept.vb.gz', format 'delimited', recfm 'vb');
SELECT zt_same('plain.dept_vb', 'prog_gz');

-- the plausibility checks read a compressed file by what it holds: twice
-- the layout's record length is caught as on the plain file
SELECT 2 * max("offset" + length) AS lrecl2
  FROM zfdw.copybook_layout(pg_read_file(:'fixrec')) \gset
CREATE FOREIGN TABLE gz_double (fx_id int) SERVER comp
  OPTIONS (filename 'compress_tmp/fixed_cp037.dat.gz', copybook :'fixrec', lrecl :'lrecl2');
SELECT regexp_replace(e, 'file ".*"', 'file "..."') FROM zt_error('SELECT count(*) FROM gz_double') e;
DROP FOREIGN TABLE gz_double;

COPY (SELECT 1) TO PROGRAM 'cat >/dev/null && rm -rf compress_tmp';
