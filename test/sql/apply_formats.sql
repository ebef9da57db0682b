-- zfdw.apply_changes on sources shaped like each change format: IIDR flat
-- files (single-record and multiple-record, IIDR journal codes, a refresh),
-- AWS DMS CSV (full load overlapping CDC, the transaction-ordered form).
-- The files are loaded into tables with their file name and record number,
-- as a zfdw foreign table gives them with meta 'file_name' and
-- meta 'record_number'.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS zfdw;
RESET client_min_messages;
CREATE SCHEMA apply_formats;
SET search_path = apply_formats, public;
\getenv abs_srcdir PG_ABS_SRCDIR

CREATE TABLE account_cache (
	acct_id		integer PRIMARY KEY,
	name		text NOT NULL,
	balance		numeric(12,2),
	replicated_ts timestamptz
);

--
-- IIDR single-record format: DM_TIMESTAMP, DM_TXID, DM_OPERATION_TYPE,
-- DM_USER, the before image (before_<col>: the old key of an update, the row
-- of a delete), the after image.
--
CREATE TABLE iidr_single (
	file_name	text,
	recno		bigint GENERATED ALWAYS AS IDENTITY,
	dm_timestamp timestamp,
	dm_txid		text,
	dm_operation_type char(1),
	dm_user		text,
	before_acct_id integer,
	before_name text,
	before_balance numeric,
	acct_id		integer,
	name		text,
	balance		numeric
);
\set f :abs_srcdir '/data/apply/iidr_single.csv'
COPY iidr_single (dm_timestamp, dm_txid, dm_operation_type, dm_user, before_acct_id, before_name, before_balance, acct_id, name, balance) FROM :'f' CSV;
UPDATE iidr_single SET file_name = 'ACCOUNT.D240301.T090000' WHERE file_name IS NULL;

-- 102 becomes 202 through its before image; deleting 999 is a no-op
SELECT inserted, updated, deleted, skipped, high_water
  FROM zfdw.apply_changes('iidr_single', 'account_cache',
						  op_column => 'dm_operation_type',
						  position_column => 'file_name, recno',
						  txid_column => 'dm_txid', commit_ts_column => 'dm_timestamp');
SELECT acct_id, name, balance FROM account_cache ORDER BY acct_id;
SELECT high_water, last_txid, last_commit_ts FROM zfdw.replication_status
 WHERE target = 'account_cache'::regclass;
-- a second apply changes nothing
SELECT inserted, updated, deleted, skipped
  FROM zfdw.apply_changes('iidr_single', 'account_cache',
						  op_column => 'dm_operation_type',
						  position_column => 'file_name, recno',
						  txid_column => 'dm_txid', commit_ts_column => 'dm_timestamp');

--
-- IIDR multiple-record format: an update is a B row (before image) followed
-- by its A row (after image); the old key comes from the B row.
--
CREATE TABLE multi_cache (LIKE account_cache INCLUDING ALL);
CREATE TABLE iidr_multi (
	file_name	text,
	recno		bigint GENERATED ALWAYS AS IDENTITY,
	dm_timestamp timestamp,
	dm_txid		text,
	dm_operation_type text,
	dm_user		text,
	acct_id		integer,
	name		text,
	balance		numeric
);
\set f :abs_srcdir '/data/apply/iidr_multi.csv'
COPY iidr_multi (dm_timestamp, dm_txid, dm_operation_type, dm_user, acct_id, name, balance) FROM :'f' CSV;
UPDATE iidr_multi SET file_name = 'ACCOUNT.D240301.T090000' WHERE file_name IS NULL;
SELECT inserted, updated, deleted, skipped, high_water
  FROM zfdw.apply_changes('iidr_multi', 'multi_cache',
						  op_column => 'dm_operation_type',
						  position_column => 'file_name, recno',
						  txid_column => 'dm_txid', commit_ts_column => 'dm_timestamp');
SELECT acct_id, name, balance FROM multi_cache ORDER BY acct_id;

-- The next file uses IIDR journal codes (&ENTTYP), mapped with op_map; the
-- canonical codes of the first file still pass; JX is mapped to null and
-- skipped.
\set f :abs_srcdir '/data/apply/iidr_journal.csv'
COPY iidr_multi (dm_timestamp, dm_txid, dm_operation_type, dm_user, acct_id, name, balance) FROM :'f' CSV;
UPDATE iidr_multi SET file_name = 'ACCOUNT.D240302.T100000' WHERE file_name IS NULL;
\set iidr_codes '{"PT": "I", "UB": "B", "UP": "A", "DL": "D", "RR": "R", "CR": "T", "JX": null}'
SELECT inserted, updated, deleted, skipped, high_water
  FROM zfdw.apply_changes('iidr_multi', 'multi_cache',
						  op_column => 'dm_operation_type',
						  position_column => 'file_name, recno',
						  txid_column => 'dm_txid', commit_ts_column => 'dm_timestamp',
						  op_map => :'iidr_codes');
SELECT acct_id, name, balance FROM multi_cache ORDER BY acct_id;

-- A refresh: CR (table cleared) maps to T, which empties the cache, and the
-- RR rows (refresh records) to R, which upsert; T and the R rows after it
-- are one unit.  Changes after the refresh apply on top.
\set f :abs_srcdir '/data/apply/iidr_refresh.csv'
COPY iidr_multi (dm_timestamp, dm_txid, dm_operation_type, dm_user, acct_id, name, balance) FROM :'f' CSV;
UPDATE iidr_multi SET file_name = 'ACCOUNT.D240303.T020000' WHERE file_name IS NULL;
SELECT inserted, updated, deleted, skipped, high_water
  FROM zfdw.apply_changes('iidr_multi', 'multi_cache',
						  op_column => 'dm_operation_type',
						  position_column => 'file_name, recno',
						  txid_column => 'dm_txid', commit_ts_column => 'dm_timestamp',
						  op_map => :'iidr_codes');
SELECT acct_id, name, balance, replicated_ts IS NOT NULL AS stamped
  FROM multi_cache ORDER BY acct_id;
-- all three files again: nothing changes
SELECT inserted, updated, deleted, skipped
  FROM zfdw.apply_changes('iidr_multi', 'multi_cache',
						  op_column => 'dm_operation_type',
						  position_column => 'file_name, recno',
						  txid_column => 'dm_txid', commit_ts_column => 'dm_timestamp',
						  op_map => :'iidr_codes');

--
-- AWS DMS: a full load (LOAD*.csv, no Op column) and the CDC files (Op
-- first, then the commit timestamp) that start before the load ends.  The
-- overlap replays an insert the load already holds and deletes a row the
-- load never had: both are upserts.  The load comes first whatever the file
-- names, so the position starts with the phase.
--
CREATE TABLE dms (
	phase		integer,
	file_name	text,
	recno		bigint GENERATED ALWAYS AS IDENTITY,
	op			text,
	commit_ts	timestamp,
	acct_id		integer,
	name		text,
	balance		numeric
);
\set f :abs_srcdir '/data/apply/dms_load.csv'
COPY dms (acct_id, name, balance) FROM :'f' CSV;
UPDATE dms SET phase = 0, file_name = 'LOAD00000001.csv' WHERE phase IS NULL;
\set f :abs_srcdir '/data/apply/dms_cdc.csv'
COPY dms (op, commit_ts, acct_id, name, balance) FROM :'f' CSV;
UPDATE dms SET phase = 1, file_name = '20240301-090005123.csv' WHERE phase IS NULL;
-- DMS writes UTC without a zone; a full-load row is an insert
CREATE VIEW dms_changes AS
SELECT phase, file_name, recno, coalesce(op, 'I') AS op,
	   commit_ts AT TIME ZONE 'UTC' AS commit_ts, acct_id, name, balance
  FROM dms;
CREATE TABLE dms_cache (LIKE account_cache INCLUDING ALL);
SELECT inserted, updated, deleted, skipped, high_water
  FROM zfdw.apply_changes('dms_changes', 'dms_cache', op_column => 'op',
						  position_column => 'phase, file_name, recno',
						  commit_ts_column => 'commit_ts');
SELECT acct_id, name, balance FROM dms_cache ORDER BY acct_id;
SELECT last_commit_ts AT TIME ZONE 'UTC' AS last_commit_utc FROM zfdw.replication_status
 WHERE target = 'dms_cache'::regclass;
SELECT inserted, updated, deleted, skipped
  FROM zfdw.apply_changes('dms_changes', 'dms_cache', op_column => 'op',
						  position_column => 'phase, file_name, recno',
						  commit_ts_column => 'commit_ts');

-- The DMS transaction-ordered form: op, table, schema, then the values;
-- one view per table selects its rows.
CREATE TABLE dms_txn (
	file_name	text DEFAULT '20240301-090000000.csv',
	recno		bigint GENERATED ALWAYS AS IDENTITY,
	op			text,
	table_name	text,
	schema_name text,
	commit_ts	timestamp,
	c1			text,
	c2			text,
	c3			text
);
\set f :abs_srcdir '/data/apply/dms_txn.csv'
COPY dms_txn (op, table_name, schema_name, commit_ts, c1, c2, c3) FROM :'f' CSV;
CREATE VIEW dms_txn_account AS
SELECT file_name, recno, op, commit_ts, c1::integer AS acct_id, c2 AS name, c3::numeric AS balance
  FROM dms_txn WHERE schema_name = 'BANK' AND table_name = 'ACCOUNT';
CREATE TABLE txn_cache (LIKE account_cache INCLUDING ALL);
SELECT inserted, updated, deleted, skipped, high_water
  FROM zfdw.apply_changes('dms_txn_account', 'txn_cache',
						  position_column => 'file_name, recno');
SELECT acct_id, name, balance FROM txn_cache ORDER BY acct_id;

SET client_min_messages = warning;
DROP SCHEMA apply_formats CASCADE;
RESET client_min_messages;
