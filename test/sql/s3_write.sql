-- INSERT into writable tables over s3:// objects: the rows written are
-- read back through zfdw and compared with the heap table they came from
-- (PostgreSQL is the oracle), on s3rver (a Node.js implementation of S3)
-- and on our fault server (test/s3/s3_fault_server.py), which checks
-- every request's signature with botocore, checks the multipart uploads
-- as S3 does (part order, ETags, 5 MiB parts), keeps count of them in the
-- file ZF_S3FAULT_UPLOADS ("open N completed N aborted N parts N puts N":
-- open are uploads left behind), and injects faults asked for in the key.
\getenv abs_srcdir PG_ABS_SRCDIR
\getenv s3rver ZF_S3RVER_ENDPOINT
\getenv s3fault ZF_S3FAULT_ENDPOINT
\getenv uploads ZF_S3FAULT_UPLOADS
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_s3_write;
SET search_path = test_s3_write, public;
SELECT set_config('zt.uploads', :'uploads', false) IS NOT NULL AS set;
-- what the fault server counted of the multipart uploads
CREATE FUNCTION uploads() RETURNS text LANGUAGE sql AS $$
    SELECT trim(pg_read_file(current_setting('zt.uploads')), E'\n') $$;

CREATE SERVER s3rver_w FOREIGN DATA WRAPPER zfdw
    OPTIONS (s3_endpoint :'s3rver', compression 'none');
CREATE USER MAPPING FOR CURRENT_USER SERVER s3rver_w
    OPTIONS (aws_access_key_id 'S3RVER', aws_secret_access_key 'S3RVER');
CREATE SERVER fault_w FOREIGN DATA WRAPPER zfdw
    OPTIONS (s3_endpoint :'s3fault', compression 'none');
CREATE USER MAPPING FOR CURRENT_USER SERVER fault_w
    OPTIONS (aws_access_key_id 'zfdwtestkey', aws_secret_access_key 'zfdw/test+secret/KEY');

-- the rows: 46-byte records, a number, a name, a packed balance
CREATE TABLE acct (id int8, name text, bal numeric(13,2));
INSERT INTO acct
SELECT i, 'HOLDER ' || i, round((i * 7919 % 100000000) / 100.0 - 400000, 2)
FROM generate_series(1, 250000) i;

-- A writable table and a read-only one over the same object.
CREATE FUNCTION make_tables(srv text, url text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    cpy text := '
       01  ACCT-REC.
           05  ID     PIC 9(9).
           05  NAME   PIC X(30).
           05  BAL    PIC S9(11)V99 COMP-3.';
BEGIN
    EXECUTE 'DROP FOREIGN TABLE IF EXISTS w_out, r_out';
    EXECUTE format('CREATE FOREIGN TABLE w_out (id int8, name text, bal numeric(13,2))
                    SERVER %I OPTIONS (filename %L, copybook_text %L, writable ''true'')',
                   srv, url, cpy);
    EXECUTE format('CREATE FOREIGN TABLE r_out (id int8, name text, bal numeric(13,2))
                    SERVER %I OPTIONS (filename %L, copybook_text %L)', srv, url, cpy);
END $$;
-- Rows of the object that differ from the heap rows with id <= n, both ways.
CREATE FUNCTION differences(n int8) RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
    RETURN (SELECT count(*) FROM ((SELECT * FROM r_out EXCEPT ALL SELECT * FROM acct WHERE id <= n)
                                  UNION ALL
                                  (SELECT * FROM acct WHERE id <= n EXCEPT ALL SELECT * FROM r_out)) x);
END $$;

-- 1. s3rver: a small object (one PutObject), then appended to, as an
-- INSERT appends to a local file
SELECT make_tables('s3rver_w', 's3://zfdw-test/out/small.dat');
INSERT INTO w_out SELECT * FROM acct WHERE id <= 100;
SELECT count(*), differences(100) FROM r_out;
INSERT INTO w_out SELECT * FROM acct WHERE id > 100 AND id <= 250;
SELECT count(*), differences(250) FROM r_out;
SELECT * FROM zt_explain($$INSERT INTO w_out SELECT * FROM acct WHERE id = 1$$);

-- a rollback leaves the object as it was, and no object where there was none
BEGIN;
INSERT INTO w_out SELECT * FROM acct WHERE id > 250 AND id <= 300;
ROLLBACK;
SELECT count(*), differences(250) FROM r_out;
SELECT make_tables('s3rver_w', 's3://zfdw-test/out/never.dat');
BEGIN;
INSERT INTO w_out SELECT * FROM acct WHERE id <= 10;
ROLLBACK;
SELECT * FROM zt_error($$SELECT count(*) FROM r_out$$);

-- 2. s3rver: larger than a part (5 MB parts: 11.5 MB in three parts)
SET zfdw.s3_part_size = '5MB';
SELECT make_tables('s3rver_w', 's3://zfdw-test/out/large.dat');
INSERT INTO w_out SELECT * FROM acct;
SELECT count(*), sum(bal), differences(250000) FROM r_out;

-- 3. the fault server: the same, every request's signature verified
SELECT uploads();
SELECT make_tables('fault_w', 's3://zfdw-fault/out/large.dat');
INSERT INTO w_out SELECT * FROM acct;
SELECT count(*), sum(bal), differences(250000) FROM r_out;
-- one upload, completed, of three parts
SELECT uploads();
-- a rollback aborts the upload: the object is unchanged, nothing left open
BEGIN;
INSERT INTO w_out SELECT * FROM acct;
SELECT uploads();
ROLLBACK;
SELECT uploads();
SELECT count(*), differences(250000) FROM r_out;
-- an error in the statement does the same (a row that does not fit,
-- after two parts went out)
SELECT * FROM zt_error($$INSERT INTO w_out SELECT * FROM acct UNION ALL SELECT 1e12, 'too big', 0$$);
SELECT uploads();
SELECT count(*), differences(250000) FROM r_out;

-- a savepoint rolled back within the part in memory is forgotten; one
-- rolled back below parts already sent cannot be, and the commit fails
SELECT make_tables('fault_w', 's3://zfdw-fault/out/savepoint.dat');
BEGIN;
INSERT INTO w_out SELECT * FROM acct WHERE id <= 1000;
SAVEPOINT a;
INSERT INTO w_out SELECT * FROM acct WHERE id > 1000 AND id <= 2000;
ROLLBACK TO SAVEPOINT a;
COMMIT;
SELECT count(*), differences(1000) FROM r_out;
BEGIN;
INSERT INTO w_out SELECT * FROM acct WHERE id = 1001;
SAVEPOINT a;
INSERT INTO w_out SELECT * FROM acct WHERE id > 1001;
ROLLBACK TO SAVEPOINT a;
COMMIT;
SELECT count(*), differences(1000) FROM r_out;
SELECT uploads();

-- 4. faults of the fault server
SET zfdw.s3_max_retries = 2;
-- retried to success: 503 on parts, a connection reset half way through
-- a part, 503 on a PutObject
SELECT make_tables('fault_w', 's3://zfdw-fault/f/part503x2/out/retried.dat');
INSERT INTO w_out SELECT * FROM acct;
SELECT make_tables('fault_w', 's3://zfdw-fault/out/retried.dat');
SELECT count(*), differences(250000) FROM r_out;
SELECT make_tables('fault_w', 's3://zfdw-fault/f/partresetx1/out/reset.dat');
INSERT INTO w_out SELECT * FROM acct;
SELECT make_tables('fault_w', 's3://zfdw-fault/out/reset.dat');
SELECT count(*), differences(250000) FROM r_out;
SELECT make_tables('fault_w', 's3://zfdw-fault/f/put503x1/out/put.dat');
INSERT INTO w_out SELECT * FROM acct WHERE id <= 10;
SELECT make_tables('fault_w', 's3://zfdw-fault/out/put.dat');
SELECT count(*), differences(10) FROM r_out;
SELECT uploads();

-- errors: the Complete fails (a 500 retried until the retries run out,
-- or a 200 with an error inside): an error, the upload aborted, no object
SELECT make_tables('fault_w', 's3://zfdw-fault/f/completefail/out/failed.dat');
INSERT INTO w_out SELECT * FROM acct;
SELECT uploads();
SELECT make_tables('fault_w', 's3://zfdw-fault/f/complete200error/out/failed.dat');
INSERT INTO w_out SELECT * FROM acct;
SELECT uploads();
SELECT make_tables('fault_w', 's3://zfdw-fault/out/failed.dat');
SELECT * FROM zt_error($$SELECT count(*) FROM r_out$$);
-- refused: the message names the object and the status, not the secret
-- (a small object is sent whole at commit: the error comes from COMMIT)
SELECT make_tables('fault_w', 's3://zfdw-fault/f/createdenied/out/denied.dat');
INSERT INTO w_out SELECT * FROM acct WHERE id <= 10;
SELECT * FROM zt_error($$SELECT count(*) FROM r_out$$);
-- a part that gets no answer is interrupted by the statement timeout
SELECT make_tables('fault_w', 's3://zfdw-fault/f/stallpart/out/stalled.dat');
SET statement_timeout = '3s';
SELECT * FROM zt_error($$INSERT INTO w_out SELECT * FROM acct$$);
RESET statement_timeout;
SELECT uploads();
RESET zfdw.s3_max_retries;
RESET zfdw.s3_part_size;

-- 5. the table is checked as a local one is: one object, no glob; and
-- only a role that may write server files (and read them, for objects)
-- makes a writable table over an object or aims one at another
SET client_min_messages = warning;
DROP ROLE IF EXISTS regress_zfdw_s3w_reader;
DROP ROLE IF EXISTS regress_zfdw_s3w_both;
RESET client_min_messages;
CREATE ROLE regress_zfdw_s3w_reader IN ROLE pg_read_server_files;
CREATE ROLE regress_zfdw_s3w_both IN ROLE pg_read_server_files, pg_write_server_files;
GRANT USAGE ON FOREIGN SERVER fault_w TO regress_zfdw_s3w_reader, regress_zfdw_s3w_both;
GRANT CREATE, USAGE ON SCHEMA test_s3_write TO regress_zfdw_s3w_reader, regress_zfdw_s3w_both;
SET ROLE regress_zfdw_s3w_reader;
SELECT zt_error($$CREATE FOREIGN TABLE w_priv (id int8) SERVER fault_w
    OPTIONS (filename 's3://zfdw-fault/out/priv.dat', lrecl '9', writable 'true')$$);
CREATE FOREIGN TABLE r_priv (id int8 OPTIONS (position '1', pic '9(9)')) SERVER fault_w
    OPTIONS (filename 's3://zfdw-fault/out/priv.dat', lrecl '9');
SELECT zt_error($$ALTER FOREIGN TABLE r_priv OPTIONS (ADD writable 'true')$$);
RESET ROLE;
SET ROLE regress_zfdw_s3w_both;
CREATE FOREIGN TABLE w_priv (id int8 OPTIONS (position '1', pic '9(9)')) SERVER fault_w
    OPTIONS (filename 's3://zfdw-fault/out/priv.dat', lrecl '9', writable 'true');
RESET ROLE;
-- given to a role that may only read, it cannot be aimed elsewhere
ALTER FOREIGN TABLE w_priv OWNER TO regress_zfdw_s3w_reader;
SET ROLE regress_zfdw_s3w_reader;
SELECT zt_error($$ALTER FOREIGN TABLE w_priv OPTIONS (SET filename 's3://zfdw-fault/out/other.dat')$$);
RESET ROLE;
DROP FOREIGN TABLE w_priv, r_priv;
REVOKE ALL ON SCHEMA test_s3_write FROM regress_zfdw_s3w_reader, regress_zfdw_s3w_both;
REVOKE ALL ON FOREIGN SERVER fault_w FROM regress_zfdw_s3w_reader, regress_zfdw_s3w_both;
DROP ROLE regress_zfdw_s3w_reader;
DROP ROLE regress_zfdw_s3w_both;
SELECT zt_error($$CREATE FOREIGN TABLE w_glob (id int8) SERVER fault_w
    OPTIONS (filename 's3://zfdw-fault/out/*.dat', lrecl '9', writable 'true')$$);

DROP SCHEMA test_s3_write CASCADE;
DROP USER MAPPING FOR CURRENT_USER SERVER s3rver_w;
DROP USER MAPPING FOR CURRENT_USER SERVER fault_w;
DROP SERVER s3rver_w;
DROP SERVER fault_w;
