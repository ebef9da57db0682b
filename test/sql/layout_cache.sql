-- The layout cache: a copybook or punch is parsed once for the planner and
-- the executor of a query, and not again by the queries that follow while
-- its files stay the same; a file that changes is parsed again, even when
-- it keeps its size and changes within the same second, also for a
-- prepared statement and after an error.  The DEBUG1 line of every parse
-- shows the count.  Files are written in a scratch directory of the test
-- instance's data directory (COPY TO PROGRAM, as the superuser running the
-- test; "cat >" rewrites a file in place) and named by relative paths,
-- which the server resolves there.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_layout_cache;
SET search_path = test_layout_cache, public;

COPY (SELECT 1) TO PROGRAM 'cat >/dev/null && rm -rf layout_cache_tmp && mkdir layout_cache_tmp';
COPY (VALUES ('AAAA1234'), ('BBBB5678')) TO PROGRAM 'cat > layout_cache_tmp/rec.dat';
-- two versions of a copybook of the same size
CREATE TABLE copybooks (version int, line int, text text);
INSERT INTO copybooks VALUES
    (1, 1, '       01  REC.'),
    (1, 2, '           05  NAME  PIC X(4).'),
    (1, 3, '           05  NUM   PIC X(4).'),
    (2, 1, '       01  REC.'),
    (2, 2, '           05  NAME  PIC X(2).'),
    (2, 3, '           05  NUM   PIC X(6).'),
    (3, 1, '       01  REC.'),
    (3, 2, '           05  NAME  PIC 9(4).'),
    (3, 3, '           05  NUM   PIC X(4).'),
    (4, 1, '       01  REC.'),
    (4, 2, '           05  NAME  PIC X(4)'),
    (4, 3, '           05  NUM   PIC X(4).');
CREATE FUNCTION write_copybook(v int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('COPY (SELECT text FROM test_layout_cache.copybooks WHERE version = %s ORDER BY line) TO PROGRAM ''cat > layout_cache_tmp/rec.cpy''',
                   v);
END $$;
SELECT write_copybook(1);

CREATE SERVER cache FOREIGN DATA WRAPPER zfdw OPTIONS (codepage 'ascii');
CREATE FOREIGN TABLE rec (name text, num text) SERVER cache
    OPTIONS (filename 'layout_cache_tmp/rec.dat', recfm 'text',
             copybook 'layout_cache_tmp/rec.cpy');

-- 1. one parse for planner and executor, none for the next query
SET client_min_messages = debug1;
SELECT * FROM rec;
SELECT * FROM rec;
RESET client_min_messages;

-- 2. the copybook changes, keeping its size: parsed again, once
SELECT write_copybook(2);
SET client_min_messages = debug1;
SELECT * FROM rec;
SELECT * FROM rec;
RESET client_min_messages;

-- 3. a prepared statement sees the change too
PREPARE q AS SELECT name, num FROM rec;
EXECUTE q;
SELECT write_copybook(1);
EXECUTE q;

-- 4. a scan that fails, then a change: the new layout is used
SELECT write_copybook(3);
SELECT zt_error($$SELECT * FROM rec$$);
SELECT write_copybook(2);
SELECT * FROM rec;
-- a copybook that does not parse is not kept: fixed, it is read again
SELECT write_copybook(4);
SELECT zt_error($$SELECT * FROM rec$$);
SELECT write_copybook(1);
SELECT * FROM rec;

-- 5. another table with the same copybook, and options of its own (a
-- record length), shares the parse
CREATE FOREIGN TABLE rec9 (name text, num text) SERVER cache
    OPTIONS (filename 'layout_cache_tmp/rec.dat', lrecl '9',
             copybook 'layout_cache_tmp/rec.cpy');
SET client_min_messages = debug1;
SELECT * FROM rec9;
RESET client_min_messages;

-- 6. a punch whose DDL changes; two tables share a punch that leaves the
-- scale open, each completing it from its own column's type
COPY (SELECT 1) TO PROGRAM 'cat >/dev/null && printf ''\000\022\064\134'' > layout_cache_tmp/amt.dat';
COPY (VALUES ('CREATE TABLE C.T (AMT DECIMAL(7,2));')) TO PROGRAM 'cat > layout_cache_tmp/t.ddl';
\set punch 'LOAD DATA INTO TABLE "C"."T" ( "AMT" POSITION(1:4) DECIMAL )'
CREATE FOREIGN TABLE amt_ddl (amt numeric) SERVER cache
    OPTIONS (filename 'layout_cache_tmp/amt.dat', punch_text :'punch',
             ddl 'layout_cache_tmp/t.ddl');
SET client_min_messages = debug1;
SELECT * FROM amt_ddl;
SELECT * FROM amt_ddl;
RESET client_min_messages;
COPY (VALUES ('CREATE TABLE C.T (AMT DECIMAL(7,0));')) TO PROGRAM 'cat > layout_cache_tmp/t.ddl';
SELECT * FROM amt_ddl;
CREATE FOREIGN TABLE amt2 (amt numeric(9,2)) SERVER cache
    OPTIONS (filename 'layout_cache_tmp/amt.dat', punch_text :'punch');
CREATE FOREIGN TABLE amt1 (amt numeric(9,1), amt_text text OPTIONS (field 'AMT')) SERVER cache
    OPTIONS (filename 'layout_cache_tmp/amt.dat', punch_text :'punch');
SET client_min_messages = debug1;
SELECT a2.amt, a1.amt, a1.amt_text FROM amt2 a2, amt1 a1;
SELECT a1.amt, a1.amt_text, a2.amt FROM amt1 a1, amt2 a2;
RESET client_min_messages;

-- 7. a parallel scan: one parse, by the leader; its workers unpack the
-- layout it packed, and neither read nor parse the copybook
CREATE TABLE many AS
    SELECT 'A' || lpad(g::text, 7, '0') AS r FROM generate_series(1, 2000) g;
COPY many TO PROGRAM 'cat > layout_cache_tmp/many.dat';
CREATE FOREIGN TABLE many_ft (name text, num text) SERVER cache
    OPTIONS (filename 'layout_cache_tmp/many.dat', lrecl '9',
             copybook 'layout_cache_tmp/rec.cpy');
SET zfdw.enable_aggregate_pushdown = off;  -- aggregated over the parallel scan
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET zfdw.parallel_chunk_size = '1kB';
EXPLAIN (COSTS OFF) SELECT count(*), min(num), max(num) FROM many_ft;
SET client_min_messages = debug1;
SELECT count(*), min(num), max(num) FROM many_ft;
RESET client_min_messages;
SELECT write_copybook(2);
SET client_min_messages = debug1;
SELECT count(*), min(num), max(num) FROM many_ft;
RESET client_min_messages;
-- the same for punches: with the DDL's scale, and with the scale the
-- worker completes from the column's type on its own copy
COPY (SELECT 1) TO PROGRAM 'cat >/dev/null && for i in $(seq 1 500); do printf ''\000\022\064\134''; done > layout_cache_tmp/amts.dat';
CREATE FOREIGN TABLE amts_ddl (amt numeric) SERVER cache
    OPTIONS (filename 'layout_cache_tmp/amts.dat', punch_text :'punch',
             ddl 'layout_cache_tmp/t.ddl');
CREATE FOREIGN TABLE amts2 (amt numeric(9,2)) SERVER cache
    OPTIONS (filename 'layout_cache_tmp/amts.dat', punch_text :'punch');
SET zfdw.parallel_chunk_size = 100;
EXPLAIN (COSTS OFF) SELECT count(*), sum(amt) FROM amts2;
SET client_min_messages = debug1;
SELECT count(*), sum(amt) FROM amts_ddl;
SELECT count(*), sum(amt) FROM amts2;
RESET client_min_messages;
RESET parallel_setup_cost;
RESET zfdw.enable_aggregate_pushdown;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET zfdw.parallel_chunk_size;

COPY (SELECT 1) TO PROGRAM 'cat >/dev/null && rm -rf layout_cache_tmp';
DROP SCHEMA test_layout_cache CASCADE;
DROP SERVER cache CASCADE;
