-- IMPORT FOREIGN SCHEMA for delimited files with a header line: the
-- column names come from the header, the types from the DB2 DDL when
-- given (else text); the table reads the file without further edits.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_import_delimited;
SET search_path = test_import_delimited, public;
\set quirks :abs_srcdir '/data/delimited/quirks.csv'
\set dms :abs_srcdir '/data/delimited/dms/20240331-1000.csv'
CREATE SERVER import_delimited FOREIGN DATA WRAPPER zfdw OPTIONS (codepage 'utf8');

-- names only: every column text
IMPORT FOREIGN SCHEMA quirks FROM SERVER import_delimited INTO test_import_delimited
  OPTIONS (format 'delimited', header 'true', filename :'quirks');
SELECT attname, format_type(atttypid, atttypmod) AS type, attfdwoptions
  FROM pg_attribute WHERE attrelid = 'quirks'::regclass AND attnum > 0 ORDER BY attnum;
SELECT id, name, amount FROM quirks ORDER BY id::int LIMIT 3;

-- with the table's DDL: its types and NOT NULL; upper-case header names
-- become lower-case columns that name their field
IMPORT FOREIGN SCHEMA account_changes FROM SERVER import_delimited INTO test_import_delimited
  OPTIONS (format 'delimited', header 'true', filename :'dms',
           ddl_text 'CREATE TABLE BANK.ACCT (OP CHAR(1), COMMIT_TS TIMESTAMP(6), ACCOUNT_ID INTEGER NOT NULL, STATUS CHAR(8), BALANCE DECIMAL(11,2))');
SELECT attname, format_type(atttypid, atttypmod) AS type, attnotnull, attfdwoptions
  FROM pg_attribute WHERE attrelid = 'account_changes'::regclass AND attnum > 0 ORDER BY attnum;
SELECT replace(array_to_string(ftoptions, ', '), :'abs_srcdir', '<srcdir>') AS options
  FROM pg_foreign_table WHERE ftrelid = 'account_changes'::regclass;
SELECT * FROM account_changes LIMIT 3;

-- LIMIT TO / EXCEPT name the remote schema, which names the table
IMPORT FOREIGN SCHEMA other LIMIT TO (nothing) FROM SERVER import_delimited INTO test_import_delimited
  OPTIONS (format 'delimited', header 'true', filename :'quirks');
SELECT count(*) FROM pg_class WHERE relname = 'other';

-- mistakes
SELECT zt_error($$IMPORT FOREIGN SCHEMA q FROM SERVER import_delimited INTO test_import_delimited
  OPTIONS (format 'delimited', filename '$$ || :'quirks' || $$')$$);
SELECT zt_error($$IMPORT FOREIGN SCHEMA q FROM SERVER import_delimited INTO test_import_delimited
  OPTIONS (format 'delimited', header 'true', filename '$$ || :'quirks' || $$',
           ddl_text 'CREATE TABLE A (X INT); CREATE TABLE B (Y INT)')$$);
DROP SCHEMA test_import_delimited CASCADE;
DROP SERVER import_delimited;
