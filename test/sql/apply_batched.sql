-- CALL zfdw.apply_changes_batched: the same result as apply_changes,
-- committed every batch_size source transactions, never splitting one.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS zfdw;
RESET client_min_messages;
-- the per-batch progress notices (rates differ run to run) are tested in
-- apply_batched's last part
SET zfdw.apply_progress = off;
CREATE SCHEMA apply_batched;
SET search_path = apply_batched, public;

-- 3,000 changes over 300 keys in 1,000 transactions, with key changes
CREATE TABLE feed AS
SELECT g AS position,
	   (g + 2) / 3 AS txid,
	   CASE WHEN g % 10 = 0 THEN 'D' WHEN g % 10 < 4 THEN 'I' ELSE 'U' END AS op,
	   1 + (g * 7919) % 300 AS id,
	   CASE WHEN g % 17 = 0 THEN 1 + (g * 7919 + 1) % 300 END AS before_id,
	   'v' || g AS val
  FROM generate_series(1, 3000) g;
CREATE TABLE once (id integer PRIMARY KEY, val text, replicated_ts timestamptz);
CREATE TABLE batched (LIKE once INCLUDING ALL);
SELECT inserted, updated, deleted, skipped, high_water
  FROM zfdw.apply_changes('feed', 'once', txid_column => 'txid');
CALL zfdw.apply_changes_batched('feed', 'batched', txid_column => 'txid', batch_size => 7);
SELECT high_water, last_txid, inserted, updated, deleted, skipped
  FROM zfdw.replication_status WHERE target = 'batched'::regclass;
SELECT count(*) AS rows, count(*) FILTER (WHERE b.id IS NULL OR o.id IS NULL OR b.val <> o.val) AS different
  FROM once o FULL JOIN batched b USING (id);
-- again: nothing to do
CALL zfdw.apply_changes_batched('feed', 'batched', txid_column => 'txid', batch_size => 7);
SELECT high_water, skipped FROM zfdw.replication_status WHERE target = 'batched'::regclass;

-- A transaction the target refuses stops the procedure; the batches before
-- it stay committed, none of its changes is applied, and the next call
-- resumes after the last committed batch.
CREATE TABLE checked (id integer PRIMARY KEY, val text CHECK (val <> 'bad'), replicated_ts timestamptz);
CREATE TABLE feed2 (op text, position bigint, txid text, id integer, val text);
INSERT INTO feed2 VALUES
 ('I', 1, 'T1', 1, 'one'),
 ('I', 2, 'T2', 2, 'two'),
 ('I', 3, 'T3', 3, 'three'),
 ('U', 4, 'T3', 1, 'bad'),
 ('I', 5, 'T4', 4, 'four');
\set VERBOSITY terse
CALL zfdw.apply_changes_batched('feed2', 'checked', txid_column => 'txid', batch_size => 1);
\set VERBOSITY default
SELECT id, val FROM checked ORDER BY id;
SELECT high_water, last_txid FROM zfdw.replication_status WHERE target = 'checked'::regclass;
UPDATE feed2 SET val = 'uno' WHERE position = 4;
CALL zfdw.apply_changes_batched('feed2', 'checked', txid_column => 'txid', batch_size => 1);
SELECT id, val FROM checked ORDER BY id;
SELECT high_water, last_txid, inserted, updated FROM zfdw.replication_status WHERE target = 'checked'::regclass;

-- A record that cannot be applied: the batches before its transaction are
-- applied and committed, then the error.
INSERT INTO feed2 VALUES ('I', 6, 'T5', 5, 'five'), ('Q', 7, 'T6', 6, 'six'), ('I', 8, 'T7', 7, 'seven');
CALL zfdw.apply_changes_batched('feed2', 'checked', txid_column => 'txid', batch_size => 1);
SELECT id, val FROM checked ORDER BY id;
SELECT high_water FROM zfdw.replication_status WHERE target = 'checked'::regclass;

-- Without transaction ids each record is a transaction, but a B row and its
-- A row, and a clear marker (T) with the refresh rows (R) after it, are one:
-- here the refresh fails on its last row, so the clear is undone too.
CREATE TABLE multi (op text, position bigint, id integer, val text);
INSERT INTO multi VALUES
 ('I', 1, 1, 'one'), ('I', 2, 2, 'two'),
 ('B', 3, 2, 'two'), ('A', 4, 20, 'twenty'),
 ('T', 5, NULL, NULL), ('R', 6, 1, 'uno'), ('R', 7, 3, 'bad'),
 ('I', 8, 9, 'nine');
CREATE TABLE multi_cache (LIKE checked INCLUDING ALL);
\set VERBOSITY terse
CALL zfdw.apply_changes_batched('multi', 'multi_cache', batch_size => 1);
\set VERBOSITY default
SELECT id, val FROM multi_cache ORDER BY id;
SELECT high_water FROM zfdw.replication_status WHERE target = 'multi_cache'::regclass;
UPDATE multi SET val = 'three' WHERE position = 7;
CALL zfdw.apply_changes_batched('multi', 'multi_cache', batch_size => 1);
SELECT id, val FROM multi_cache ORDER BY id;
SELECT high_water, inserted, updated, deleted FROM zfdw.replication_status
 WHERE target = 'multi_cache'::regclass;

SET client_min_messages = warning;
-- progress: a NOTICE per committed batch with what it applied and the
-- position reached (the detail, with the rate, is left out here)
SET zfdw.apply_progress = on;
SET client_min_messages = notice;
CREATE TABLE progress (LIKE once INCLUDING ALL);
\set VERBOSITY terse
CALL zfdw.apply_changes_batched('feed', 'progress', txid_column => 'txid', batch_size => 400);
\set VERBOSITY default
SELECT count(*) AS rows, count(*) FILTER (WHERE p.id IS NULL OR o.id IS NULL OR p.val <> o.val) AS different
  FROM once o FULL JOIN progress p USING (id);
RESET zfdw.apply_progress;
SET client_min_messages = warning;
DROP SCHEMA apply_batched CASCADE;
RESET client_min_messages;
