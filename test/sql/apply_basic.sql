-- zfdw.apply_changes: the core semantics, with ordinary tables as sources.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS zfdw;
RESET client_min_messages;
CREATE SCHEMA apply_basic;
SET search_path = apply_basic, public;

-- A change extract as a log-based capture program writes it: operation,
-- log position (a 6-byte RBA), unit of recovery, commit time, the row image
-- and, for updates and deletes, the before image.
CREATE TABLE extract (
	op			char(1),
	rba			bytea,
	urid		bytea,
	commit_ts	timestamptz,
	acct_id		integer,
	name		varchar(20),
	balance		numeric(12,2),
	before_acct_id integer,
	before_name varchar(20),
	before_balance numeric(12,2)
);

CREATE TABLE account_cache (
	acct_id		integer PRIMARY KEY,
	name		varchar(20) NOT NULL,
	balance		numeric(12,2),
	replicated_ts timestamptz
);

-- Seven source transactions, stored out of order: the position decides.
--	 T1 inserts 101 and 102; T2 updates 101; T3 deletes 102 (before image
--	 only); T4 moves 101 to key 301 and inserts 103; T5 deletes 999, which
--	 the cache never had; T6 inserts 103 again (an existing key); T7 updates
--	 404, which the cache does not have.
INSERT INTO extract VALUES
 ('D', '\x00000000b000', '\x000000000200', '2024-03-01 09:00:04+00', NULL, NULL, NULL, 102, 'Bob', 200.00),
 ('I', '\x00000000c100', '\x000000000210', '2024-03-01 09:00:05+00', 103, 'Carol', 300.00, NULL, NULL, NULL),
 ('U', '\x00000000a000', '\x0000000001f0', '2024-03-01 09:00:03+00', 101, 'Alice', 150.00, 101, 'Alice', 100.00),
 ('I', '\x000000009100', '\x0000000001e0', '2024-03-01 09:00:01+00', 102, 'Bob', 200.00, NULL, NULL, NULL),
 ('U', '\x00000000c000', '\x000000000210', '2024-03-01 09:00:05+00', 301, 'Alice', 150.00, 101, 'Alice', 150.00),
 ('I', '\x000000009000', '\x0000000001e0', '2024-03-01 09:00:01+00', 101, 'Alice', 100.00, NULL, NULL, NULL),
 ('D', '\x00000000d000', '\x000000000220', '2024-03-01 09:00:06+00', NULL, NULL, NULL, 999, 'Ghost', 0.00),
 ('I', '\x00000000e000', '\x000000000230', '2024-03-01 09:00:07+00', 103, 'Carol', 333.00, NULL, NULL, NULL),
 ('U', '\x00000000f000', '\x000000000240', '2024-03-01 09:00:08+00', 404, 'Dan', 44.00, 404, 'Dan', 40.00);

SELECT inserted, updated, deleted, skipped, high_water, lag IS NOT NULL AS has_lag
  FROM zfdw.apply_changes('extract', 'account_cache', position_column => 'rba',
						  txid_column => 'urid', commit_ts_column => 'commit_ts');

SELECT acct_id, name, balance, replicated_ts IS NOT NULL AS stamped
  FROM account_cache ORDER BY acct_id;

-- the mark, the last transaction and commit time; every row written by the
-- apply carries its time
SELECT target, source, high_water, last_txid, last_commit_ts, lag > interval '0' AS lag_positive,
	   applied_at = checked_at AS applied_now, inserted, updated, deleted, skipped,
	   (SELECT count(*) FROM account_cache c WHERE c.replicated_ts = s.applied_at) AS rows_stamped
  FROM zfdw.replication_status s WHERE target = 'account_cache'::regclass;

-- Replaying the same extract changes nothing, not even the stamps.
CREATE TEMP TABLE snapshot AS SELECT * FROM account_cache;
SELECT inserted, updated, deleted, skipped, high_water
  FROM zfdw.apply_changes('extract', 'account_cache', position_column => 'rba',
						  txid_column => 'urid', commit_ts_column => 'commit_ts');
SELECT count(*) AS changed_rows FROM
 ((SELECT * FROM account_cache EXCEPT SELECT * FROM snapshot)
  UNION ALL (SELECT * FROM snapshot EXCEPT SELECT * FROM account_cache)) d;

-- The next extract arrives: one record delivered twice takes effect once,
-- and an old record delivered again is skipped like the rest of the old.
INSERT INTO extract VALUES
 ('U', '\x00000000f100', '\x000000000250', '2024-03-01 09:00:09+00', 103, 'Carol', 340.00, 103, 'Carol', 333.00),
 ('U', '\x00000000f100', '\x000000000250', '2024-03-01 09:00:09+00', 103, 'Carol', 340.00, 103, 'Carol', 333.00),
 ('I', '\x000000009100', '\x0000000001e0', '2024-03-01 09:00:01+00', 102, 'Bob', 200.00, NULL, NULL, NULL),
 ('D', '\x00000000f200', '\x000000000260', '2024-03-01 09:00:10+00', NULL, NULL, NULL, 404, 'Dan', 44.00);
SELECT inserted, updated, deleted, skipped, high_water
  FROM zfdw.apply_changes('extract', 'account_cache', position_column => 'rba',
						  txid_column => 'urid', commit_ts_column => 'commit_ts');
-- only the row written now has the new stamp
SELECT c.acct_id, c.name, c.balance, c.replicated_ts = s.applied_at AS stamped_now
  FROM account_cache c, zfdw.replication_status s
 WHERE s.target = 'account_cache'::regclass ORDER BY c.acct_id;

-- Forgetting the mark re-applies everything, to the same result.
SELECT zfdw.reset_apply_state('account_cache');
SELECT inserted, updated, deleted, skipped, high_water
  FROM zfdw.apply_changes('extract', 'account_cache', position_column => 'rba',
						  txid_column => 'urid', commit_ts_column => 'commit_ts');
SELECT acct_id, name, balance FROM account_cache ORDER BY acct_id;

-- An empty source: nothing applied, no mark yet.
CREATE TABLE empty_extract (LIKE extract);
CREATE TABLE empty_cache (LIKE account_cache INCLUDING ALL);
SELECT * FROM zfdw.apply_changes('empty_extract', 'empty_cache', position_column => 'rba');
SELECT target, source, high_water, applied_at IS NULL AS never_applied, checked_at IS NOT NULL AS checked
  FROM zfdw.replication_status WHERE target = 'empty_cache'::regclass;

-- Without a stamp column nothing is stamped; stamp_column names another one
-- or (NULL) none.
CREATE TABLE plain_cache (acct_id integer PRIMARY KEY, name text, balance numeric);
SELECT inserted, updated, deleted FROM zfdw.apply_changes('extract', 'plain_cache', position_column => 'rba');
SELECT * FROM plain_cache ORDER BY acct_id;
CREATE TABLE synced_cache (acct_id integer PRIMARY KEY, name text, balance numeric,
						   replicated_ts timestamptz, synced_at timestamptz);
SELECT inserted FROM zfdw.apply_changes('extract', 'synced_cache', position_column => 'rba',
										stamp_column => 'synced_at');
SELECT acct_id, replicated_ts IS NULL AS not_replicated_ts, synced_at IS NOT NULL AS synced
  FROM synced_cache ORDER BY acct_id;

-- A target with more columns than the source: they keep their defaults on
-- insert and their values on update.
CREATE TABLE wide_cache (acct_id integer PRIMARY KEY, name text, balance numeric,
						 branch text DEFAULT 'HQ', replicated_ts timestamptz);
INSERT INTO wide_cache VALUES (103, 'old', 0, 'LEEDS', NULL);
SELECT inserted FROM zfdw.apply_changes('extract', 'wide_cache', position_column => 'rba');
SELECT acct_id, name, balance, branch FROM wide_cache ORDER BY acct_id;

-- A key generated always as identity (a cache made from DB2 DDL) takes the
-- source's values.
CREATE TABLE identity_cache (acct_id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
							 name text, balance numeric);
SELECT inserted FROM zfdw.apply_changes('extract', 'identity_cache', position_column => 'rba');
SELECT * FROM identity_cache ORDER BY acct_id;

-- A composite key with a unique index (no primary key), and a position of
-- two columns compared as a row: file names in byte order ('B' < 'a'),
-- record numbers as numbers (9 < 10).
CREATE TABLE branch_feed (file_name text, recno integer, op text,
						  region text, branch_id integer, manager text);
INSERT INTO branch_feed VALUES
 ('a-file', 10, 'U', 'north', 1, 'third'),
 ('B-file', 1, 'I', 'north', 1, 'first'),
 ('a-file', 9, 'U', 'north', 1, 'second'),
 ('B-file', 2, 'I', 'south', 1, 'only');
CREATE TABLE branch_cache (region text NOT NULL, branch_id integer NOT NULL, manager text);
CREATE UNIQUE INDEX ON branch_cache (branch_id, region);
SELECT inserted, updated, high_water
  FROM zfdw.apply_changes('branch_feed', 'branch_cache', key_columns => ARRAY['region', 'branch_id'],
						  position_column => 'file_name, recno');
SELECT * FROM branch_cache ORDER BY region, branch_id;

-- pg_dump keeps the marks
SELECT extconfig::regclass[] FROM pg_extension WHERE extname = 'zfdw';

SET client_min_messages = warning;
DROP SCHEMA apply_basic CASCADE;
RESET client_min_messages;
-- dropping the targets dropped their marks
SELECT count(*) FROM zfdw.apply_state;
