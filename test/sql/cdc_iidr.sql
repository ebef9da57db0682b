-- IIDR flat files for DataStage, applied to a cache table: the single-
-- record format (before_ and after columns) and the multiple-record format
-- (B and A rows, a refresh), each a glob of four files read in name order
-- with file name and record number as the position.
-- test/data/cdc/generate.py writes the files and, by applying the same
-- history to Python dicts, the expected table; see test/data/cdc/README.md.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_cdc_iidr;
SET search_path = test_cdc_iidr, public;
SET timezone = 'UTC';
SET datestyle = 'ISO, YMD';
\set d :abs_srcdir '/data/cdc/iidr'
\set single :d '/single/ACCOUNT.D*.T*'
\set multi :d '/multi/ACCOUNT.D*.T*'
\set multi_first :d '/multi/ACCOUNT.D2024061.T1000*'
\set seed :d '/seed_account.csv'
\set expected :d '/expected_account.csv'

CREATE SERVER cdc_iidr FOREIGN DATA WRAPPER zfdw OPTIONS (codepage 'utf8');

\set cols 'acct_id, acct_name, acct_balance, acct_status, acct_updated'

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
-- Single-record format: the journal columns, the before image (the old
-- row of an update, the row of a delete), the after image.
--
CREATE FOREIGN TABLE account_changes (
	dm_timestamp	timestamp,
	dm_txid			text,
	dm_operation_type text,
	dm_user			text,
	before_acct_id	integer,
	before_acct_name text,
	before_acct_balance numeric(13,2),
	before_acct_status text,
	before_acct_updated timestamp,
	acct_id			integer,
	acct_name		text,
	acct_balance	numeric(13,2),
	acct_status		text,
	acct_updated	timestamp,
	file_name		text OPTIONS (meta 'file_name'),
	recno			bigint OPTIONS (meta 'record_number')
) SERVER cdc_iidr OPTIONS (filename :'single', format 'delimited');
SELECT regexp_replace(file_name, '^.*/', '') AS file, recno, dm_timestamp, dm_txid,
	   dm_operation_type AS op, before_acct_id, acct_id, acct_name, acct_status
  FROM account_changes ORDER BY file_name, recno LIMIT 6;

-- the cache was loaded after the first two transactions, which the first
-- file holds too: a key change 2001 -> 2101 and back, a delete, an insert
COPY account_cache (acct_id, acct_name, acct_balance, acct_status, acct_updated)
	FROM :'seed' (FORMAT csv, HEADER true);
-- so: deletes of rows the cache does not have (not seeded, not written
-- before), inserts of keys it has (seeded, not deleted before), key changes
WITH c AS MATERIALIZED (
	SELECT file_name, recno, dm_operation_type AS op, acct_id, before_acct_id
	  FROM account_changes)
SELECT count(*) FILTER (WHERE c.op = 'D'
		AND NOT EXISTS (SELECT FROM account_cache a WHERE a.acct_id = c.before_acct_id)
		AND NOT EXISTS (SELECT FROM c e WHERE (e.file_name, e.recno) < (c.file_name, c.recno)
						AND e.op IN ('I', 'U') AND e.acct_id = c.before_acct_id)) AS deletes_of_missing,
	   count(*) FILTER (WHERE c.op = 'I'
		AND EXISTS (SELECT FROM account_cache a WHERE a.acct_id = c.acct_id)
		AND NOT EXISTS (SELECT FROM c e WHERE (e.file_name, e.recno) < (c.file_name, c.recno)
						AND e.before_acct_id = c.acct_id
						AND (e.op = 'D' OR e.before_acct_id <> e.acct_id))) AS inserts_of_existing,
	   count(*) FILTER (WHERE c.op = 'U' AND c.before_acct_id <> c.acct_id) AS key_changes
  FROM c;
SELECT inserted, updated, deleted, skipped,
	   regexp_replace(high_water, '/[^,]*/', '.../') AS high_water
  FROM zfdw.apply_changes('account_changes', 'account_cache',
						  op_column => 'dm_operation_type',
						  position_column => 'file_name, recno',
						  txid_column => 'dm_txid', commit_ts_column => 'dm_timestamp');
SELECT * FROM zt_state_diff('account_cache', 'expected_account', :'cols');
SELECT acct_id, acct_name, acct_balance, acct_status, acct_updated,
	   replicated_ts IS NOT NULL AS stamped
  FROM account_cache ORDER BY acct_id LIMIT 6;
SELECT target, source, regexp_replace(high_water, '/[^,]*/', '.../') AS high_water,
	   last_txid, last_commit_ts, lag = applied_at - last_commit_ts AS lag_is_age,
	   inserted, updated, deleted, skipped
  FROM zfdw.replication_status WHERE target = 'account_cache'::regclass;

-- a second apply changes nothing
CREATE TABLE after_first AS SELECT * FROM account_cache;
SELECT inserted, updated, deleted, skipped
  FROM zfdw.apply_changes('account_changes', 'account_cache',
						  op_column => 'dm_operation_type',
						  position_column => 'file_name, recno',
						  txid_column => 'dm_txid', commit_ts_column => 'dm_timestamp');
SELECT * FROM zt_state_diff('account_cache', 'after_first', :'cols' || ', replicated_ts');

--
-- Multiple-record format: an update is a B row then an A row; the third
-- file starts with a refresh, CR (the table is cleared) and an RR row per
-- row, mapped to the clear marker T and refresh rows R.  Applied file by
-- file as the files arrive: first the first file, then the glob.
--
CREATE FOREIGN TABLE account_changes_multi (
	dm_timestamp	timestamp,
	dm_txid			text,
	dm_operation_type text,
	dm_user			text,
	acct_id			integer,
	acct_name		text,
	acct_balance	numeric(13,2),
	acct_status		text,
	acct_updated	timestamp,
	file_name		text OPTIONS (meta 'file_name'),
	recno			bigint OPTIONS (meta 'record_number')
) SERVER cdc_iidr OPTIONS (filename :'multi_first', format 'delimited');
SELECT dm_timestamp, dm_txid, dm_operation_type AS op, acct_id, acct_name, acct_balance
  FROM account_changes_multi ORDER BY file_name, recno LIMIT 5;
CREATE TABLE multi_cache (LIKE account_cache INCLUDING ALL);
COPY multi_cache (acct_id, acct_name, acct_balance, acct_status, acct_updated)
	FROM :'seed' (FORMAT csv, HEADER true);
\set iidr_codes '{"CR": "T", "RR": "R"}'
SELECT inserted, updated, deleted, skipped
  FROM zfdw.apply_changes('account_changes_multi', 'multi_cache',
						  op_column => 'dm_operation_type',
						  position_column => 'file_name, recno',
						  txid_column => 'dm_txid', commit_ts_column => 'dm_timestamp',
						  op_map => :'iidr_codes');
ALTER FOREIGN TABLE account_changes_multi OPTIONS (SET filename :'multi');
SELECT dm_operation_type AS op, count(*)
  FROM account_changes_multi GROUP BY 1 ORDER BY 1;
SELECT inserted, updated, deleted, skipped
  FROM zfdw.apply_changes('account_changes_multi', 'multi_cache',
						  op_column => 'dm_operation_type',
						  position_column => 'file_name, recno',
						  txid_column => 'dm_txid', commit_ts_column => 'dm_timestamp',
						  op_map => :'iidr_codes');
SELECT * FROM zt_state_diff('multi_cache', 'expected_account', :'cols');
-- and again: nothing
SELECT inserted, updated, deleted, skipped
  FROM zfdw.apply_changes('account_changes_multi', 'multi_cache',
						  op_column => 'dm_operation_type',
						  position_column => 'file_name, recno',
						  txid_column => 'dm_txid', commit_ts_column => 'dm_timestamp',
						  op_map => :'iidr_codes');
SELECT * FROM zt_state_diff('multi_cache', 'expected_account', :'cols');

-- The refresh alone rebuilds the table: an empty cache caught up from the
-- third file on has the expected state too.
CREATE VIEW changes_from_refresh AS
SELECT * FROM account_changes_multi WHERE file_name >= (
	SELECT min(file_name) FROM account_changes_multi WHERE dm_operation_type = 'CR');
CREATE TABLE refreshed_cache (LIKE account_cache INCLUDING ALL);
SELECT inserted, updated, deleted, skipped
  FROM zfdw.apply_changes('changes_from_refresh', 'refreshed_cache',
						  op_column => 'dm_operation_type',
						  position_column => 'file_name, recno',
						  txid_column => 'dm_txid', commit_ts_column => 'dm_timestamp',
						  op_map => :'iidr_codes');
SELECT * FROM zt_state_diff('refreshed_cache', 'expected_account', :'cols');

-- without the mapping, CR is an unknown operation: nothing is applied
CREATE TABLE unmapped_cache (LIKE account_cache INCLUDING ALL);
SELECT zt_error($$SELECT * FROM zfdw.apply_changes('account_changes_multi', 'unmapped_cache', op_column => 'dm_operation_type', position_column => 'file_name, recno')$$);
SELECT count(*) FROM unmapped_cache;
