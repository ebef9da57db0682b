-- Hostile input, files: a directory, a FIFO and a device where a file is
-- expected (as data or as copybook), a file that shrinks during a scan, a
-- glob that matches nothing, and programs that fail or never end a line.
-- Nothing blocks: a FIFO is refused before anyone writes to it.  The
-- special files are made in a scratch directory of the test instance's
-- data directory (COPY TO PROGRAM, as the superuser running the test) and
-- named by relative paths, which the server resolves there.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_hostile_files;
SET search_path = test_hostile_files, public;
SET statement_timeout = '5min';
\set dir :abs_srcdir '/data/hostile/'
\set good :dir 'good.dat'
\set cb '       01  HOSTILE-REC.\n           05  NAME  PIC X(4).\n           05  AMT   PIC S9(5) COMP-3.\n           05  QTY   PIC S9(3).'
SELECT E:'cb' AS cb \gset

COPY (SELECT 1) TO PROGRAM 'cat >/dev/null && rm -rf hostile_files_tmp && mkdir hostile_files_tmp && mkfifo hostile_files_tmp/fifo && mkdir hostile_files_tmp/dir.dat';

CREATE SERVER hostile FOREIGN DATA WRAPPER zfdw;

-- 1. a directory, a FIFO and a device as the data file
CREATE FOREIGN TABLE t (name text, amt numeric, qty integer) SERVER hostile
    OPTIONS (filename 'hostile_files_tmp', copybook_text :'cb');
SELECT zt_error($$SELECT * FROM t$$);
ALTER FOREIGN TABLE t OPTIONS (SET filename 'hostile_files_tmp/fifo');
SELECT zt_error($$SELECT * FROM t$$);
ALTER FOREIGN TABLE t OPTIONS (SET filename '/dev/zero');
SELECT zt_error($$SELECT * FROM t$$);
ALTER FOREIGN TABLE t OPTIONS (SET filename 'hostile_files_tmp/missing.dat');
SELECT zt_error($$SELECT * FROM t$$);
-- inspect_file refuses them too
SELECT zt_error($$SELECT * FROM zfdw.inspect_file('hostile_files_tmp/fifo')$$);
SELECT zt_error($$SELECT * FROM zfdw.inspect_file('hostile_files_tmp')$$);

-- 2. a directory, a FIFO and a device as the copybook
ALTER FOREIGN TABLE t OPTIONS (SET filename :'good', DROP copybook_text, ADD copybook 'hostile_files_tmp/fifo');
SELECT zt_error($$SELECT * FROM t$$);
ALTER FOREIGN TABLE t OPTIONS (SET copybook 'hostile_files_tmp');
SELECT zt_error($$SELECT * FROM t$$);
ALTER FOREIGN TABLE t OPTIONS (SET copybook '/dev/zero');
SELECT zt_error($$SELECT * FROM t$$);
ALTER FOREIGN TABLE t OPTIONS (SET copybook 'hostile_files_tmp/missing.cpy');
SELECT zt_error($$SELECT * FROM t$$);
SELECT zt_error($$IMPORT FOREIGN SCHEMA r FROM SERVER hostile INTO test_hostile_files OPTIONS (copybook 'hostile_files_tmp/fifo')$$);
-- the same for a punch and its DDL
ALTER FOREIGN TABLE t OPTIONS (DROP copybook, ADD punch 'hostile_files_tmp/fifo');
SELECT zt_error($$SELECT * FROM t$$);
ALTER FOREIGN TABLE t OPTIONS (DROP punch, ADD punch_text 'LOAD DATA INTO TABLE "C"."T" ( "NAME" POSITION(1:4) CHAR(4) )', ADD ddl 'hostile_files_tmp/fifo');
SELECT zt_error($$SELECT * FROM t$$);
ALTER FOREIGN TABLE t OPTIONS (DROP punch_text, DROP ddl, ADD copybook 'hostile_files_tmp/missing.cpy');

-- 3. globs: one that matches nothing, one that matches only a directory
ALTER FOREIGN TABLE t OPTIONS (DROP copybook, ADD copybook_text :'cb', SET filename 'hostile_files_tmp/none*.dat');
SELECT zt_error($$SELECT * FROM t$$);
ALTER FOREIGN TABLE t OPTIONS (SET filename 'hostile_files_tmp/dir*');
SELECT zt_error($$SELECT * FROM t$$);
-- a glob that matches the FIFO: refused, not waited on
ALTER FOREIGN TABLE t OPTIONS (SET filename 'hostile_files_tmp/fi*');
SELECT zt_error($$SELECT * FROM t$$);

-- 4. a file that shrinks while it is read: 2 MiB of 8-byte records; the
-- first fetch reads the first 1 MiB buffer, then the file is cut to 100
-- bytes, and the next read finds it shorter than it was
COPY (SELECT 1) TO PROGRAM 'cat >/dev/null && head -c 2097152 /dev/zero > hostile_files_tmp/shrink.dat';
CREATE FOREIGN TABLE shrink (n bigint OPTIONS (meta 'record_number'),
                             b bytea OPTIONS (position '1', length '8'))
    SERVER hostile OPTIONS (filename 'hostile_files_tmp/shrink.dat', lrecl '8');
BEGIN;
DECLARE c NO SCROLL CURSOR FOR SELECT n, b FROM shrink;
FETCH 2 FROM c;
COPY (SELECT 1) TO PROGRAM 'cat >/dev/null && truncate -s 100 hostile_files_tmp/shrink.dat';
SELECT zt_error($$MOVE FORWARD ALL IN c$$);
ROLLBACK;
-- read again, the file's new size is not a whole number of records
SELECT zt_error($$SELECT count(*) FROM shrink$$);
-- a file that grows is read up to the size it had when the scan began
COPY (SELECT 1) TO PROGRAM 'cat >/dev/null && truncate -s 96 hostile_files_tmp/shrink.dat';
BEGIN;
DECLARE c NO SCROLL CURSOR FOR SELECT n FROM shrink;
FETCH 2 FROM c;
COPY (SELECT 1) TO PROGRAM 'cat >/dev/null && truncate -s 160 hostile_files_tmp/shrink.dat';
FETCH ALL FROM c;
ROLLBACK;

-- 5. programs: one that fails, and one whose output never ends a line
-- (bounded by zfdw.max_record_length; the program is stopped)
CREATE FOREIGN TABLE prog (name text OPTIONS (position '1', length '4')) SERVER hostile
    OPTIONS (program 'exit 3', lrecl '4');
SELECT zt_error($$SELECT * FROM prog$$);
SET zfdw.max_record_length = 65536;
ALTER FOREIGN TABLE prog OPTIONS (SET program 'yes ABCDEFGH | tr -d ''\n''', ADD recfm 'text', ADD codepage 'ascii');
-- (the detail, how many bytes were read, depends on the pipe)
SELECT e FROM zt_error($$SELECT * FROM prog$$) AS e WHERE e NOT LIKE 'DETAIL%';
RESET zfdw.max_record_length;
-- a program that writes forever, read up to a LIMIT: the program is
-- stopped by SIGPIPE when the scan ends, which is no error (as file_fdw)
ALTER FOREIGN TABLE prog OPTIONS (SET program 'yes ABCD', SET lrecl '5', DROP recfm);
SELECT * FROM prog LIMIT 2;
-- the same through a shell pipeline, which reports exit code 141
ALTER FOREIGN TABLE prog OPTIONS (SET program 'yes ABCD | cat');
SELECT * FROM prog LIMIT 2;

-- the backend is still there
ALTER FOREIGN TABLE t OPTIONS (SET filename :'good');
SELECT * FROM t;

COPY (SELECT 1) TO PROGRAM 'cat >/dev/null && rm -rf hostile_files_tmp';
DROP SCHEMA test_hostile_files CASCADE;
DROP SERVER hostile;
