-- format 'delimited': CSV in ASCII/UTF-8, the grammar's corners, field
-- numbers, headers, the null string, decimal_point, bad records.
-- test/data/delimited/make.sh explains every byte of the files.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
\set quirks :abs_srcdir '/data/delimited/quirks.csv'
\set bom :abs_srcdir '/data/delimited/bom.csv'
\set semicolon :abs_srcdir '/data/delimited/semicolon.csv'
\set bad :abs_srcdir '/data/delimited/bad.csv'
\set oracle :abs_srcdir '/data/delimited/oracle.csv'
\set fixed :abs_srcdir '/data/delimited/fixed.dat'
\set tabs :abs_srcdir '/data/delimited/tabs.tsv'

-- objects of this test live in their own schema
CREATE SCHEMA delimited_basic;
SET search_path = delimited_basic, public;

CREATE SERVER delimited_basic FOREIGN DATA WRAPPER zfdw OPTIONS (codepage 'utf8');

-- columns matched with the header by name; every corner of the grammar
CREATE FOREIGN TABLE quirks (
    id      integer,
    name    text,
    amount  numeric,
    when_ts timestamp,
    recno   bigint OPTIONS (meta 'record_number'),
    off     bigint OPTIONS (meta 'byte_offset')
) SERVER delimited_basic OPTIONS (filename :'quirks', format 'delimited', header 'true');
SELECT id, replace(replace(name, E'\r', '\r'), E'\n', '\n') AS name,
       amount, when_ts, recno, off
  FROM quirks ORDER BY id;
-- the quoted empty string is not NULL; the empty amount is
SELECT id, name IS NULL AS name_null, name = '' AS name_empty, amount IS NULL AS amount_null
  FROM quirks WHERE id = 7;

-- the header's names in another order than the columns
CREATE FOREIGN TABLE quirks_reordered (
    when_ts timestamp,
    id      integer
) SERVER delimited_basic OPTIONS (filename :'quirks', format 'delimited', header 'true');
SELECT * FROM quirks_reordered ORDER BY id LIMIT 2;

-- columns whose names are not in the header read the fields in order
CREATE FOREIGN TABLE quirks_positional (
    a int, b text, c numeric, d timestamp
) SERVER delimited_basic OPTIONS (filename :'quirks', format 'delimited', header 'true');
SELECT a, c FROM quirks_positional ORDER BY a;

-- some found, some not: an error that lists the header's names
CREATE FOREIGN TABLE quirks_partly (
    id int, nom text
) SERVER delimited_basic OPTIONS (filename :'quirks', format 'delimited', header 'true');
SELECT zt_error($$SELECT * FROM quirks_partly$$);

-- field options: a number, or a header name; the next column goes on
CREATE FOREIGN TABLE quirks_fields (
    label  text    OPTIONS (field 'name'),
    amount numeric OPTIONS (field '3'),
    ts     text,
    id     int     OPTIONS (field '1')
) SERVER delimited_basic OPTIONS (filename :'quirks', format 'delimited', header 'true');
SELECT id, amount, ts FROM quirks_fields WHERE id IN (1, 2, 3) ORDER BY id;
CREATE FOREIGN TABLE quirks_no_such (x text OPTIONS (field 'nope'))
    SERVER delimited_basic OPTIONS (filename :'quirks', format 'delimited', header 'true');
SELECT zt_error($$SELECT * FROM quirks_no_such$$);

-- a byte-order mark before the header does not hide the first name
CREATE FOREIGN TABLE bom (name text, id int)
    SERVER delimited_basic OPTIONS (filename :'bom', format 'delimited', header 'true');
SELECT * FROM bom;

-- ';' delimiter, ',' decimal point, the null string NULL (only unquoted)
CREATE FOREIGN TABLE semicolon (
    id int, s text, amount numeric(6,2), t text
) SERVER delimited_basic OPTIONS (filename :'semicolon', format 'delimited',
                      delimiter ';', decimal_point ',', null 'NULL');
SELECT id, s, amount, t, t = '' AS t_empty FROM semicolon;

-- fixed-length records: the blanks that pad them are not data
CREATE FOREIGN TABLE fixed (id int, name text)
    SERVER delimited_basic OPTIONS (filename :'fixed', format 'delimited', recfm 'fb', lrecl '12');
SELECT id, '[' || name || ']' AS name FROM fixed;

-- a TAB delimiter and no quoting: quotes are data
CREATE FOREIGN TABLE tabs (id int, name text)
    SERVER delimited_basic OPTIONS (filename :'tabs', format 'delimited', delimiter E'\t', quote '');
SELECT * FROM tabs;
SELECT zt_explain($$(COSTS OFF) SELECT * FROM tabs$$);

-- bytea reads the field's bytes, unquoted, untranslated
CREATE FOREIGN TABLE quirks_bytes (id int OPTIONS (field '1'), name bytea)
    SERVER delimited_basic OPTIONS (filename :'quirks', format 'delimited', header 'true');
SELECT id, name FROM quirks_bytes WHERE id IN (3, 5) ORDER BY id;

-- float columns and exponents, numbers never rounded
CREATE FOREIGN TABLE quirks_types (
    id int, name text, amount float8, when_ts text
) SERVER delimited_basic OPTIONS (filename :'quirks', format 'delimited', header 'true');
SELECT id, amount FROM quirks_types ORDER BY id;
CREATE FOREIGN TABLE quirks_narrow (
    id int, name varchar(5), amount numeric(5,1), when_ts text
) SERVER delimited_basic OPTIONS (filename :'quirks', format 'delimited', header 'true');
SELECT zt_error($$SELECT amount FROM quirks_narrow$$);
SELECT zt_error($$SELECT name FROM quirks_narrow$$);

-- an independent oracle: PostgreSQL's COPY CSV parser (file_fdw) reads
-- the same file to the same rows, NULLs and empty strings alike
SET client_min_messages TO warning;
CREATE EXTENSION IF NOT EXISTS file_fdw;
RESET client_min_messages;
CREATE SERVER delimited_basic_copy FOREIGN DATA WRAPPER file_fdw;
CREATE FOREIGN TABLE oracle_copy (id int, a text, b text, c text, d text)
    SERVER delimited_basic_copy OPTIONS (filename :'oracle', format 'csv');
CREATE FOREIGN TABLE oracle_zfdw (id int, a text, b text, c text, d text)
    SERVER delimited_basic OPTIONS (filename :'oracle', format 'delimited');
SELECT id, replace(replace(a, E'\r', '\r'), E'\n', '\n') AS a,
       replace(replace(b, E'\r', '\r'), E'\n', '\n') AS b,
       '[' || c || ']' AS c, d, a IS NULL AS a_null, b = '' AS b_empty
  FROM oracle_zfdw;
SELECT (SELECT count(*) FROM (TABLE oracle_zfdw EXCEPT ALL TABLE oracle_copy) x) AS only_zfdw,
       (SELECT count(*) FROM (TABLE oracle_copy EXCEPT ALL TABLE oracle_zfdw) x) AS only_copy,
       (SELECT count(*) FROM oracle_copy) AS rows;

-- EXPLAIN names the format, the framing and the delimiters
SELECT zt_explain($$(COSTS OFF) SELECT * FROM semicolon$$);

-- malformed records and bad values: stop (the default), null, skip
CREATE FOREIGN TABLE bad (id int, name text, amount int,
                          recno bigint OPTIONS (meta 'record_number'),
                          raw bytea OPTIONS (meta 'raw_record'))
    SERVER delimited_basic OPTIONS (filename :'bad', format 'delimited');
SELECT zt_error($$SELECT * FROM bad$$);
ALTER FOREIGN TABLE bad OPTIONS (ADD on_error 'skip');
SELECT id, name, amount, recno FROM bad;
ALTER FOREIGN TABLE bad OPTIONS (SET on_error 'null');
SELECT id, name, amount, recno FROM bad;
\set SHOW_CONTEXT never
ALTER FOREIGN TABLE bad OPTIONS (ADD log_verbosity 'verbose');
SELECT id FROM bad;
\set SHOW_CONTEXT errors
ALTER FOREIGN TABLE bad OPTIONS (DROP log_verbosity);
SELECT zt_explain($$(ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT id FROM bad WHERE id > 5$$);
-- meta columns of a row after rejected ones
SELECT recno, raw FROM bad WHERE id = 6;
ALTER FOREIGN TABLE bad OPTIONS (ADD reject_limit '3');
SELECT zt_error($$SELECT id FROM bad$$);

-- a joined record is the lines with their line ends, as in the file
CREATE FOREIGN TABLE quirks_raw (id int OPTIONS (field '1'),
                                 recno bigint OPTIONS (meta 'record_number'),
                                 raw bytea OPTIONS (meta 'raw_record'))
    SERVER delimited_basic OPTIONS (filename :'quirks', format 'delimited', header 'true');
SELECT id, recno, raw FROM quirks_raw WHERE id IN (4, 5) ORDER BY id;

-- option errors
SELECT zt_error($$CREATE FOREIGN TABLE o1 (a text) SERVER delimited_basic OPTIONS (filename 'x', format 'delimited', delimiter ',,')$$);
SELECT zt_error($$CREATE FOREIGN TABLE o2 (a text) SERVER delimited_basic OPTIONS (filename 'x', format 'csv')$$);
CREATE FOREIGN TABLE o3 (a text) SERVER delimited_basic OPTIONS (filename :'bad', format 'delimited', delimiter '"');
SELECT zt_error($$SELECT * FROM o3$$);
CREATE FOREIGN TABLE o4 (a text) SERVER delimited_basic OPTIONS (filename :'bad', format 'delimited', recfm 'fb');
SELECT zt_error($$SELECT * FROM o4$$);
CREATE FOREIGN TABLE o5 (a text) SERVER delimited_basic OPTIONS (filename :'bad', format 'delimited', key 'a');
SELECT zt_error($$SELECT * FROM o5$$);
CREATE FOREIGN TABLE o6 (a text OPTIONS (field 'a')) SERVER delimited_basic OPTIONS (filename :'bad', format 'delimited');
SELECT zt_error($$SELECT * FROM o6$$);
CREATE FOREIGN TABLE o7 (a text OPTIONS (field '0')) SERVER delimited_basic OPTIONS (filename :'bad', format 'delimited');
SELECT zt_error($$SELECT * FROM o7$$);
CREATE FOREIGN TABLE o8 (a text) SERVER delimited_basic OPTIONS (filename :'bad', format 'delimited', codepage 'cp037', delimiter '€');
SELECT zt_error($$SELECT * FROM o8$$);
