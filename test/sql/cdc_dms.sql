-- AWS DMS CSV applied to cache tables: one table's folder (a full load and
-- CDC files with a header, Op first and a commit timestamp), and the
-- transaction-ordered form (op, table, schema, commit timestamp, values)
-- of two tables in one glob of files.  File name and record number are the
-- position.  test/data/cdc/generate.py writes the files and, by applying
-- the same history to Python dicts, the expected tables; see
-- test/data/cdc/README.md.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_cdc_dms;
SET search_path = test_cdc_dms, public;
SET timezone = 'UTC';
SET datestyle = 'ISO, YMD';
\set d :abs_srcdir '/data/cdc/dms'
\set account_files :d '/ACCOUNT/*.csv'
\set tx_files :d '/tx/2024*.csv'
\set expected :d '/expected_account.csv'
\set expected_tx_account :d '/expected_tx_account.csv'
\set expected_tx_txn :d '/expected_tx_txn.csv'

CREATE SERVER cdc_dms FOREIGN DATA WRAPPER zfdw OPTIONS (codepage 'utf8');

\set acols 'acct_id, acct_name, acct_balance, acct_status, acct_updated'
\set tcols 'txn_id, txn_acct_id, txn_amount, txn_booked, txn_memo'

CREATE TABLE account_cache (
	acct_id		integer PRIMARY KEY,
	acct_name	text NOT NULL,
	acct_balance numeric(13,2),
	acct_status text,
	acct_updated timestamp,
	replicated_ts timestamptz
);
CREATE TABLE expected_account (LIKE account_cache);
COPY expected_account (acct_id, acct_name, acct_balance, acct_status, acct_updated)
	FROM :'expected' (FORMAT csv, HEADER true);

--
-- One table's folder: LOAD00000001.csv (the full load, Op I) and the CDC
-- files, each with a header that names the columns (the third file in
-- another order).  The load started after the first changes, so the CDC
-- files replay an insert the load holds and delete a row it never had.
--
CREATE FOREIGN TABLE account_files (
	op			text,
	commit_ts	timestamp,		-- DMS writes UTC
	acct_id		integer,
	acct_name	text,
	acct_balance numeric(13,2),
	acct_status text,
	acct_updated timestamp,
	file_name	text OPTIONS (meta 'file_name'),
	recno		bigint OPTIONS (meta 'record_number')
) SERVER cdc_dms OPTIONS (filename :'account_files', format 'delimited', header 'true');
SELECT regexp_replace(file_name, '^.*/', '') AS file, count(*), min(op), max(op),
	   min(commit_ts), max(commit_ts)
  FROM account_files GROUP BY 1 ORDER BY 1;
-- the load sorts after the CDC files by name, yet it comes first
CREATE VIEW account_changes AS
SELECT CASE WHEN file_name ~ '/LOAD[0-9]+\.csv$' THEN 0 ELSE 1 END AS phase,
	   file_name, recno, op, commit_ts AT TIME ZONE 'UTC' AS commit_ts,
	   acct_id, acct_name, acct_balance, acct_status, acct_updated
  FROM account_files;
SELECT inserted, updated, deleted, skipped
  FROM zfdw.apply_changes('account_changes', 'account_cache',
						  position_column => 'phase, file_name, recno',
						  commit_ts_column => 'commit_ts');
SELECT * FROM zt_state_diff('account_cache', 'expected_account', :'acols');
SELECT acct_id, acct_name, acct_balance, acct_status, acct_updated
  FROM account_cache ORDER BY acct_id LIMIT 5;
SELECT target, regexp_replace(high_water, '/[^,]*/', '.../') AS high_water,
	   last_commit_ts, lag = applied_at - last_commit_ts AS lag_is_age
  FROM zfdw.replication_status WHERE target = 'account_cache'::regclass;
-- a second apply changes nothing
CREATE TABLE after_first AS SELECT * FROM account_cache;
SELECT inserted, updated, deleted, skipped
  FROM zfdw.apply_changes('account_changes', 'account_cache',
						  position_column => 'phase, file_name, recno',
						  commit_ts_column => 'commit_ts');
SELECT * FROM zt_state_diff('account_cache', 'after_first', :'acols' || ', replicated_ts');

-- Files in the wrong order: by file name alone the load comes last and
-- puts back the rows as they were when it was taken.
CREATE TABLE wrong_order_cache (LIKE account_cache INCLUDING ALL);
SELECT inserted, updated, deleted, skipped
  FROM zfdw.apply_changes('account_files', 'wrong_order_cache',
						  position_column => 'file_name, recno');
SELECT count(*) > 0 AS differs FROM zt_state_diff('wrong_order_cache', 'expected_account', :'acols');

--
-- The transaction-ordered form: every table's changes in one stream of
-- files; each table reads its rows through a segment filter on the table
-- field, and the record number keeps the order.
--
CREATE FOREIGN TABLE tx_account (
	op			text,
	tbl			text,
	schema_name text,
	commit_ts	timestamp,
	acct_id		integer,
	acct_name	text,
	acct_balance numeric(13,2),
	acct_status text,
	acct_updated timestamp,
	file_name	text OPTIONS (meta 'file_name'),
	recno		bigint OPTIONS (meta 'record_number')
) SERVER cdc_dms OPTIONS (filename :'tx_files', format 'delimited',
						  segment_field 'tbl', segment_value 'ACCOUNT');
CREATE FOREIGN TABLE tx_txn (
	op			text,
	tbl			text,
	schema_name text,
	commit_ts	timestamp,
	txn_id		bigint,
	txn_acct_id integer,
	txn_amount	numeric(11,2),
	txn_booked	timestamp,
	txn_memo	text,
	file_name	text OPTIONS (meta 'file_name'),
	recno		bigint OPTIONS (meta 'record_number')
) SERVER cdc_dms OPTIONS (filename :'tx_files', format 'delimited',
						  segment_field 'tbl', segment_value 'TXN');
SELECT regexp_replace(file_name, '^.*/', '') AS file, recno, op, tbl, schema_name, commit_ts,
	   txn_id, txn_acct_id, txn_amount, txn_memo
  FROM tx_txn ORDER BY file_name, recno LIMIT 4;
CREATE TABLE tx_account_cache (LIKE account_cache INCLUDING ALL);
CREATE TABLE tx_txn_cache (
	txn_id		bigint PRIMARY KEY,
	txn_acct_id integer,
	txn_amount	numeric(11,2),
	txn_booked	timestamp,
	txn_memo	text,
	replicated_ts timestamptz
);
CREATE TABLE expected_tx_account (LIKE account_cache);
CREATE TABLE expected_tx_txn (LIKE tx_txn_cache);
COPY expected_tx_account (acct_id, acct_name, acct_balance, acct_status, acct_updated)
	FROM :'expected_tx_account' (FORMAT csv, HEADER true);
COPY expected_tx_txn (txn_id, txn_acct_id, txn_amount, txn_booked, txn_memo)
	FROM :'expected_tx_txn' (FORMAT csv, HEADER true);
SELECT inserted, updated, deleted, skipped
  FROM zfdw.apply_changes('tx_account', 'tx_account_cache',
						  position_column => 'file_name, recno',
						  commit_ts_column => 'commit_ts');
SELECT inserted, updated, deleted, skipped
  FROM zfdw.apply_changes('tx_txn', 'tx_txn_cache',
						  position_column => 'file_name, recno',
						  commit_ts_column => 'commit_ts');
SELECT * FROM zt_state_diff('tx_account_cache', 'expected_tx_account', :'acols');
SELECT * FROM zt_state_diff('tx_txn_cache', 'expected_tx_txn', :'tcols');
SELECT target, regexp_replace(high_water, '/[^,]*/', '.../') AS high_water, last_commit_ts
  FROM zfdw.replication_status
 WHERE target IN ('tx_account_cache'::regclass, 'tx_txn_cache'::regclass)
 ORDER BY target::text;
-- and again: nothing
SELECT inserted, updated, deleted, skipped
  FROM zfdw.apply_changes('tx_account', 'tx_account_cache',
						  position_column => 'file_name, recno',
						  commit_ts_column => 'commit_ts');
SELECT inserted, updated, deleted, skipped
  FROM zfdw.apply_changes('tx_txn', 'tx_txn_cache',
						  position_column => 'file_name, recno',
						  commit_ts_column => 'commit_ts');
SELECT * FROM zt_state_diff('tx_account_cache', 'expected_tx_account', :'acols');
SELECT * FROM zt_state_diff('tx_txn_cache', 'expected_tx_txn', :'tcols');
