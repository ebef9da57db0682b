-- zfdw.copybook_for: a copybook that holds a query's columns without
-- loss, used at once to write a file and read it back equal.
\getenv abs_srcdir PG_ABS_SRCDIR
\getenv abs_builddir PG_ABS_BUILDDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_write_copybook_for;
SET search_path = test_write_copybook_for, public;
CREATE SERVER wsrv_cbf FOREIGN DATA WRAPPER zfdw;

CREATE TABLE accounts (
    acct_id bigint, branch smallint, seq integer, name varchar(20), code char(3),
    balance numeric(15,2), rate numeric(5,5), score double precision,
    opened date
);
INSERT INTO accounts VALUES
    (1, 10, 100, 'Anna Müller', 'A1', 12345.67, 0.12345, 1.5, '2024-03-31'),
    (-9223372036854775808, -32768, -2147483648, '', 'ZZZ', -9999999999999.99, -0.99999, -1e75, '1900-01-01'),
    (9223372036854775807, 32767, 2147483647, repeat('x', 20), '', 0, 0, 0.1, '9999-12-31');

SELECT zfdw.copybook_for('TABLE test_write_copybook_for.accounts', '{"record": "acct_rec"}') AS copybook \gset
\echo :copybook
-- the layout it describes
SELECT name, "offset", length, usage, picture FROM zfdw.copybook_layout(:'copybook') ORDER BY "offset", level;

-- write the table through it, read it back: equal
\set f :abs_builddir '/write_copybook_for.dat'
CREATE FOREIGN TABLE accounts_file (
    acct_id bigint, branch smallint, seq integer, name varchar(20), code char(3),
    balance numeric(15,2), rate numeric(5,5), score double precision,
    opened date OPTIONS (format 'YYYYMMDD')
) SERVER wsrv_cbf OPTIONS (filename :'f', writable 'true', copybook_text :'copybook');
INSERT INTO accounts_file SELECT * FROM accounts;
(SELECT * FROM accounts EXCEPT ALL SELECT * FROM accounts_file)
UNION ALL (SELECT * FROM accounts_file EXCEPT ALL SELECT * FROM accounts);

-- a double beyond hexadecimal floating point's range is refused, not cut
SELECT * FROM zt_error($$INSERT INTO test_write_copybook_for.accounts_file VALUES (1, 1, 1, '', '', 0, 0, 1e300, '2000-01-01')$$);

-- a query, text with a stated length, a mixed DBCS page sizes text
SELECT zfdw.copybook_for($$SELECT name::text AS customer_name, balance FROM test_write_copybook_for.accounts$$,
                         '{"text_length": 40, "codepage": "cp930"}');
-- what has no lossless item is refused
SELECT * FROM zt_error($$SELECT zfdw.copybook_for('SELECT 1.5::numeric AS n')$$);
SELECT * FROM zt_error($$SELECT zfdw.copybook_for('SELECT now() AS t')$$);
SELECT * FROM zt_error($$SELECT zfdw.copybook_for('SELECT ''x''::text AS t')$$);
SELECT * FROM zt_error($$SELECT zfdw.copybook_for('SELECT 1::int AS "weird name!"')$$);
SELECT * FROM zt_error($$SELECT zfdw.copybook_for('SELECT 1::numeric(40,2) AS big')$$);
