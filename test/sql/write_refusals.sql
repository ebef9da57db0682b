-- INSERT appends plain records to the file as it is, so a writable table
-- may not be a compressed file, a container or an S3 object: those would
-- be made unreadable (or cannot be written yet).  Files are written in
-- the test's output directory.
\getenv abs_srcdir PG_ABS_SRCDIR
\getenv abs_builddir PG_ABS_BUILDDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_write_refusals;
SET search_path = test_write_refusals, public;
SELECT set_config('zfdw_test.builddir', :'abs_builddir', false) IS NOT NULL AS builddir_set \gset
CREATE FUNCTION wt_error(stmt text) RETURNS SETOF text LANGUAGE sql AS $$
    SELECT replace(e, current_setting('zfdw_test.builddir'), '<dir>') FROM zt_error(stmt) e $$;
CREATE SERVER wsrv_refusals FOREIGN DATA WRAPPER zfdw;

-- a complete gzip stream of nothing (RFC 1952: header, an empty stored
-- deflate block, CRC-32 and size 0), written as the table's file
\set gz :abs_builddir '/results/write_refusals.dat.gz'
SELECT lo_from_bytea(0, '\x1f8b080000000000000303000000000000000000'::bytea) AS lo \gset
SELECT lo_export(:lo, :'gz') = 1 AS exported;
SELECT lo_unlink(:lo);
SELECT length(pg_read_binary_file(:'gz')) AS gz_bytes;

CREATE FOREIGN TABLE w_gz (name text OPTIONS (position '1', length '4'))
    SERVER wsrv_refusals OPTIONS (filename :'gz', lrecl '4', writable 'true');
-- it reads (as compressed, and empty) ...
SELECT count(*) FROM w_gz;
-- ... but INSERT would append plain records to the gzip stream
SELECT wt_error($$INSERT INTO w_gz VALUES ('ABCD')$$);
ALTER FOREIGN TABLE w_gz OPTIONS (ADD compression 'gzip');
SELECT wt_error($$INSERT INTO w_gz VALUES ('ABCD')$$);
-- the file is unchanged
SELECT length(pg_read_binary_file(:'gz')) AS gz_bytes;

-- a container
\set tape :abs_builddir '/results/write_refusals.aws'
CREATE FOREIGN TABLE w_tape (name text OPTIONS (position '1', length '4'))
    SERVER wsrv_refusals OPTIONS (filename :'tape', lrecl '4', writable 'true',
                                  container 'awstape');
SELECT wt_error($$INSERT INTO w_tape VALUES ('ABCD')$$);

DROP SCHEMA test_write_refusals CASCADE;
DROP SERVER wsrv_refusals;
