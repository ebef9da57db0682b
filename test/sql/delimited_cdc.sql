-- Change files as foreign tables: IIDR flat files for DataStage (single-
-- and multiple-record formats) and AWS DMS CSV (Op column first, commit
-- timestamp, a header, a glob of files; the transaction-ordered form).
-- test/data/delimited/make.sh explains every byte.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
\set iidr_single :abs_srcdir '/data/delimited/iidr_single.csv'
\set iidr_multi :abs_srcdir '/data/delimited/iidr_multi.csv'
\set dms_glob :abs_srcdir '/data/delimited/dms/2024*.csv'
\set dms_tx :abs_srcdir '/data/delimited/dms_tx.csv'

-- objects of this test live in their own schema
CREATE SCHEMA delimited_cdc;
SET search_path = delimited_cdc, public;

CREATE SERVER delimited_cdc FOREIGN DATA WRAPPER zfdw OPTIONS (codepage 'utf8');

-- IIDR single-record format: journal columns, before image, after image
CREATE FOREIGN TABLE iidr_account (
    dm_timestamp      timestamp,
    dm_txid           text,
    dm_operation_type char(1),
    dm_user           text,
    before_account_id integer,
    before_balance    numeric(11,2),
    before_status     text,
    account_id        integer,
    balance           numeric(11,2),
    status            text,
    recno             bigint OPTIONS (meta 'record_number')
) SERVER delimited_cdc OPTIONS (filename :'iidr_single', format 'delimited');
SELECT recno, dm_timestamp, dm_txid, dm_operation_type AS op, dm_user,
       before_account_id AS b_id, before_balance AS b_bal, before_status AS b_st,
       account_id AS id, balance, status
  FROM iidr_account ORDER BY recno;
-- the journal timestamp keeps all 12 digits as text
CREATE FOREIGN TABLE iidr_ts (ts text OPTIONS (field '1'), op text OPTIONS (field '3'))
    SERVER delimited_cdc OPTIONS (filename :'iidr_single', format 'delimited');
SELECT ts, op FROM iidr_ts;

-- IIDR multiple-record format: an update is a B row and an A row; the
-- timestamps are DB2 text (YYYY-MM-DD-HH.MM.SS.ffffff) into timestamptz
SET timezone = 'UTC';
CREATE FOREIGN TABLE iidr_multi (
    dm_timestamp      timestamptz,
    dm_txid           text,
    dm_operation_type text,
    dm_user           text,
    account_id        integer,
    balance           numeric(11,2),
    status            text,
    recno             bigint OPTIONS (meta 'record_number')
) SERVER delimited_cdc OPTIONS (filename :'iidr_multi', format 'delimited');
SELECT * FROM iidr_multi ORDER BY recno;
RESET timezone;

-- DMS CDC files with a header (AddColumnName): a glob read in name order,
-- the header of each file matched by name (its order differs from the
-- table's); file name and record number give a total order
CREATE FOREIGN TABLE dms_account (
    op         char(1),
    commit_ts  timestamp,
    account_id integer,
    balance    numeric(11,2),
    status     text,
    file       text   OPTIONS (meta 'file_name'),
    recno      bigint OPTIONS (meta 'record_number')
) SERVER delimited_cdc OPTIONS (filename :'dms_glob', format 'delimited', header 'true');
SELECT op, commit_ts, account_id, balance, status,
       regexp_replace(file, '^.*/', '') AS file, recno
  FROM dms_account ORDER BY file, recno;
SELECT zt_explain($$(COSTS OFF) SELECT op FROM dms_account$$);

-- DMS transaction-ordered form: op, table, schema, values...  Each table
-- is a foreign table over the same file whose segment filter keeps its
-- rows; the record number orders the rows of both tables
CREATE FOREIGN TABLE dms_tx_account (
    op         char(1),
    tbl        text,
    schema     text,
    account_id integer,
    balance    numeric(11,2),
    status     text,
    recno      bigint OPTIONS (meta 'record_number')
) SERVER delimited_cdc OPTIONS (filename :'dms_tx', format 'delimited',
                      segment_field 'tbl', segment_value 'ACCOUNT');
CREATE FOREIGN TABLE dms_tx_txn (
    op         char(1),
    tbl        text,
    schema     text,
    txn_id     integer,
    account_id integer,
    amount     numeric(11,2),
    booked     timestamp,
    recno      bigint OPTIONS (meta 'record_number')
) SERVER delimited_cdc OPTIONS (filename :'dms_tx', format 'delimited',
                      segment_field '2', segment_value 'TXN');
SELECT recno, op, tbl, account_id, balance, status FROM dms_tx_account;
SELECT recno, op, tbl, txn_id, account_id, amount, booked FROM dms_tx_txn;
SELECT zt_explain($$(ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT op FROM dms_tx_txn$$);
-- without the filter the other table's rows have the wrong length
CREATE FOREIGN TABLE dms_tx_all (op char(1), tbl text, schema text,
                                 account_id integer, balance numeric, status text)
    SERVER delimited_cdc OPTIONS (filename :'dms_tx', format 'delimited');
SELECT zt_error($$SELECT * FROM dms_tx_all$$);
-- a segment_field that is neither a column nor a number
CREATE FOREIGN TABLE dms_tx_bad (op text)
    SERVER delimited_cdc OPTIONS (filename :'dms_tx', format 'delimited',
                        segment_field 'nope', segment_value 'TXN');
SELECT zt_error($$SELECT * FROM dms_tx_bad$$);

-- a change feed joins local tables: the latest image per key
CREATE TABLE account_cache (account_id integer PRIMARY KEY, balance numeric(11,2), status text);
INSERT INTO account_cache
SELECT DISTINCT ON (account_id) account_id, balance, status
  FROM iidr_multi WHERE dm_operation_type IN ('I', 'A')
 ORDER BY account_id, recno DESC;
SELECT * FROM account_cache;

-- ANALYZE samples the rows a scan returns (the filtered ones only)
ANALYZE dms_tx_account;
SELECT relname, reltuples FROM pg_class WHERE relname = 'dms_tx_account';
