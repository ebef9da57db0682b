-- Change extracts of a log-based capture program, applied to cache tables:
-- positional EBCDIC records by a copybook (operation, log position as an
-- extended LRSN, STCK commit time, unit of recovery, table name, row image,
-- before image), two tables interleaved in one file, three files read as a
-- glob.  RECFM FB with 10-byte LRSNs (CDCBANK.cpy) and RECFM VB with 6-byte
-- LRSNs and the before image only in updates (CDCBANK6.cpy).
-- test/data/cdc/generate.py writes the files and, by applying the same
-- history to Python dicts, the expected tables; see test/data/cdc/README.md.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
-- the per-batch progress notices (rates differ run to run) are tested in
-- apply_batched's last part
SET zfdw.apply_progress = off;
CREATE SCHEMA test_cdc_positional;
SET search_path = test_cdc_positional, public;
SET timezone = 'UTC';
SET datestyle = 'ISO, YMD';
\set d :abs_srcdir '/data/cdc'
\set cpy :d '/CDCBANK.cpy'
\set cpy6 :d '/CDCBANK6.cpy'
\set fb :d '/positional/CDC.D2024061.T*.fb'
\set fb3 :d '/positional/CDC.D2024061.T093000.fb'
\set vb :d '/positional/CDC.D2024061.T*.vb'
\set headers :d '/positional/headers.csv'
\set seed_account :d '/positional/seed_account.csv'
\set seed_txn :d '/positional/seed_txn.csv'
\set expected_account :d '/positional/expected_account.csv'
\set expected_txn :d '/positional/expected_txn.csv'

CREATE SERVER cdc_positional FOREIGN DATA WRAPPER zfdw OPTIONS (codepage 'cp037');

\set acols 'acct_id, acct_name, acct_balance, acct_status, acct_updated'
\set tcols 'txn_id, txn_acct_id, txn_amount, txn_booked, txn_memo'

-- The cache tables, and the states the generator expects
CREATE TABLE account_cache (
	acct_id		integer PRIMARY KEY,
	acct_name	text NOT NULL,
	acct_balance numeric(13,2),
	acct_status text,
	acct_updated timestamp,
	replicated_ts timestamptz
);
CREATE TABLE txn_cache (
	txn_id		bigint PRIMARY KEY,
	txn_acct_id integer,
	txn_amount	numeric(11,2),
	txn_booked	timestamp,
	txn_memo	text,
	replicated_ts timestamptz
);
CREATE TABLE expected_account (LIKE account_cache);
CREATE TABLE expected_txn (LIKE txn_cache);
COPY expected_account (acct_id, acct_name, acct_balance, acct_status, acct_updated)
	FROM :'expected_account' (FORMAT csv, HEADER true);
COPY expected_txn (txn_id, txn_acct_id, txn_amount, txn_booked, txn_memo)
	FROM :'expected_txn' (FORMAT csv, HEADER true);
-- The caches were loaded while the capture was running: the load already
-- holds the first four units of recovery, which the extract holds too.
COPY account_cache (acct_id, acct_name, acct_balance, acct_status, acct_updated)
	FROM :'seed_account' (FORMAT csv, HEADER true);
COPY txn_cache (txn_id, txn_acct_id, txn_amount, txn_booked, txn_memo)
	FROM :'seed_txn' (FORMAT csv, HEADER true);

--
-- RECFM FB, 10-byte LRSNs: one foreign table per record of the copybook
--
CREATE SCHEMA fb;
IMPORT FOREIGN SCHEMA cdcbank FROM SERVER cdc_positional INTO fb
	OPTIONS (copybook :'cpy', filename :'fb', lrecl '157');
SELECT foreign_table_name, column_name, data_type
  FROM information_schema.columns c
  JOIN information_schema.foreign_tables t
	ON t.foreign_table_schema = c.table_schema AND t.foreign_table_name = c.table_name
 WHERE c.table_schema = 'fb' AND column_name LIKE 'cdc%'
 ORDER BY foreign_table_name, ordinal_position;
-- each table reads its own records of the file; the header's binary
-- fields become bytea (the log position orders byte by byte), the STCK
-- commit time a timestamptz, DB2 timestamp text a timestamp; fields a
-- record leaves empty hold low-values: the before image of an insert or a
-- delete, the row image of a mass delete
ALTER FOREIGN TABLE fb.cdc_account_rec
	OPTIONS (ADD segment_field 'cdc_table', segment_value 'ACCOUNT'),
	ALTER COLUMN cdc_log_pos TYPE bytea,
	ALTER COLUMN cdc_urid TYPE bytea,
	ALTER COLUMN cdc_commit_ts TYPE timestamptz,
	ALTER COLUMN cdc_commit_ts OPTIONS (format 'stck'),
	ALTER COLUMN acct_updated TYPE timestamp,
	ALTER COLUMN before_acct_id OPTIONS (null_if 'low_values'),
	ALTER COLUMN before_acct_name OPTIONS (null_if 'low_values'),
	ALTER COLUMN before_acct_balance OPTIONS (null_if 'low_values'),
	ALTER COLUMN before_acct_status OPTIONS (null_if 'low_values'),
	ALTER COLUMN before_acct_updated TYPE timestamp,
	ALTER COLUMN before_acct_updated OPTIONS (null_if 'low_values');
ALTER FOREIGN TABLE fb.cdc_txn_rec
	OPTIONS (ADD segment_field 'cdc_table', segment_value 'TXN'),
	ALTER COLUMN cdc_log_pos TYPE bytea,
	ALTER COLUMN cdc_urid TYPE bytea,
	ALTER COLUMN cdc_commit_ts TYPE timestamptz,
	ALTER COLUMN cdc_commit_ts OPTIONS (format 'stck'),
	ALTER COLUMN txn_id OPTIONS (null_if 'low_values'),
	ALTER COLUMN txn_acct_id OPTIONS (null_if 'low_values'),
	ALTER COLUMN txn_amount OPTIONS (null_if 'low_values'),
	ALTER COLUMN txn_booked TYPE timestamp,
	ALTER COLUMN txn_booked OPTIONS (null_if 'low_values'),
	ALTER COLUMN txn_memo OPTIONS (null_if 'low_values'),
	ALTER COLUMN before_txn_id OPTIONS (null_if 'low_values');
SELECT cdc_op, cdc_log_pos, cdc_commit_ts, cdc_urid, acct_id, acct_name,
	   acct_balance, acct_status, acct_updated, before_acct_id
  FROM fb.cdc_account_rec ORDER BY cdc_log_pos LIMIT 8;
SELECT cdc_op, cdc_log_pos, cdc_commit_ts, txn_id, txn_acct_id, txn_amount,
	   txn_booked, txn_memo, before_txn_id
  FROM fb.cdc_txn_rec WHERE cdc_op IN ('M', 'U') ORDER BY cdc_log_pos LIMIT 5;

-- Every header of the three files, against the values the generator
-- computed from the times (not from these bytes): the extended LRSN also
-- read as the time it stands for (format 'lrsn'), the STCK commit time.
CREATE FOREIGN TABLE fb_headers (
	file		text OPTIONS (meta 'file_name'),
	recno		bigint OPTIONS (meta 'record_number'),
	cdc_op		text,
	cdc_log_pos bytea,
	log_time	timestamptz OPTIONS (field 'cdc_log_pos', format 'lrsn'),
	log_number	numeric OPTIONS (field 'cdc_log_pos', usage 'comp'),
	cdc_commit_ts timestamptz OPTIONS (format 'stck'),
	cdc_urid	bytea,
	cdc_table	text
) SERVER cdc_positional OPTIONS (copybook :'cpy', filename :'fb', lrecl '157');
CREATE TABLE expected_headers (file text, recno bigint, op text, log_pos text,
	log_pos6 text, log_time timestamptz, log_time6 timestamptz,
	commit_ts timestamptz, urid text, urid6 text, table_name text);
COPY expected_headers FROM :'headers' (FORMAT csv, HEADER true);
SELECT count(*) AS records, count(*) FILTER (WHERE cdc_table = 'ACCOUNT') AS account,
	   count(*) FILTER (WHERE cdc_table = 'TXN') AS txn
  FROM fb_headers;
SELECT count(*) AS differences FROM (
	(SELECT regexp_replace(file, '^.*/|\.fb$', '', 'g'), recno, cdc_op,
			encode(cdc_log_pos, 'hex'), log_time, cdc_commit_ts, encode(cdc_urid, 'hex'), cdc_table
	   FROM fb_headers
	 EXCEPT
	 SELECT file, recno, op, log_pos, log_time, commit_ts, urid, table_name FROM expected_headers)
	UNION ALL
	(SELECT file, recno, op, log_pos, log_time, commit_ts, urid, table_name FROM expected_headers
	 EXCEPT
	 SELECT regexp_replace(file, '^.*/|\.fb$', '', 'g'), recno, cdc_op,
			encode(cdc_log_pos, 'hex'), log_time, cdc_commit_ts, encode(cdc_urid, 'hex'), cdc_table
	   FROM fb_headers)) d;

-- The log position as a number: the PIC X(10) field read with usage
-- 'comp' (a 10-byte big-endian binary), the same value as its hex digits.
CREATE FUNCTION hex_number(h text) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$
	SELECT sum(get_byte(decode(h, 'hex'), i) * 256::numeric ^ (length(h) / 2 - 1 - i))
	  FROM generate_series(0, length(h) / 2 - 1) i $$;
SELECT cdc_log_pos, log_number FROM fb_headers ORDER BY cdc_log_pos LIMIT 3;
SELECT count(*) AS differences
  FROM fb_headers WHERE log_number <> hex_number(encode(cdc_log_pos, 'hex'));
-- options that place a field belong to tables without a layout
CREATE FOREIGN TABLE misplaced (cdc_log_pos numeric OPTIONS (position '2', usage 'comp'))
	SERVER cdc_positional OPTIONS (copybook :'cpy', filename :'fb', lrecl '157');
SELECT zt_error('SELECT * FROM misplaced');
ALTER FOREIGN TABLE misplaced ALTER COLUMN cdc_log_pos OPTIONS (DROP position, SET usage 'comp-3');
SELECT zt_error('SELECT * FROM misplaced');
ALTER FOREIGN TABLE misplaced ALTER COLUMN cdc_log_pos OPTIONS (SET usage 'comp', ADD pic 'S9(18)');
SELECT zt_error('SELECT * FROM misplaced');

-- What the extract holds for the seeded cache: deletes of rows it will not
-- have (not seeded, not written before), inserts of keys it has (seeded,
-- not deleted before), updates that change the key
WITH c AS MATERIALIZED (
	SELECT cdc_op, cdc_log_pos, acct_id, before_acct_id FROM fb.cdc_account_rec)
SELECT count(*) FILTER (WHERE c.cdc_op = 'D'
		AND NOT EXISTS (SELECT FROM account_cache a WHERE a.acct_id = c.acct_id)
		AND NOT EXISTS (SELECT FROM c e WHERE e.cdc_log_pos < c.cdc_log_pos
						AND e.cdc_op IN ('I', 'U') AND e.acct_id = c.acct_id)) AS deletes_of_missing,
	   count(*) FILTER (WHERE c.cdc_op = 'I'
		AND EXISTS (SELECT FROM account_cache a WHERE a.acct_id = c.acct_id)
		AND NOT EXISTS (SELECT FROM c e WHERE e.cdc_log_pos < c.cdc_log_pos
						AND coalesce(e.before_acct_id, e.acct_id) = c.acct_id
						AND (e.cdc_op = 'D' OR e.before_acct_id <> e.acct_id))) AS inserts_of_existing,
	   count(*) FILTER (WHERE c.cdc_op = 'U' AND c.before_acct_id <> c.acct_id) AS key_changes
  FROM c;

-- Apply: the log position orders the records, the unit of recovery makes
-- the transactions, the STCK commit time gives the lag.  Key changes come
-- from the before image; the seed's overlap replays inserts of existing
-- keys and deletes of missing rows; the two units of recovery the second
-- file delivers again and the record the third file holds twice (same
-- log position) take effect once; the mass delete (M, mapped to the clear
-- marker T) empties txn_cache and the inserts after it apply on top.
SELECT inserted, updated, deleted, skipped, high_water
  FROM zfdw.apply_changes('fb.cdc_account_rec', 'account_cache',
						  op_column => 'cdc_op', position_column => 'cdc_log_pos',
						  txid_column => 'cdc_urid', commit_ts_column => 'cdc_commit_ts');
SELECT inserted, updated, deleted, skipped, high_water
  FROM zfdw.apply_changes('fb.cdc_txn_rec', 'txn_cache',
						  op_column => 'cdc_op', position_column => 'cdc_log_pos',
						  txid_column => 'cdc_urid', commit_ts_column => 'cdc_commit_ts',
						  op_map => '{"M": "T"}');
SELECT * FROM zt_state_diff('account_cache', 'expected_account', :'acols');
SELECT * FROM zt_state_diff('txn_cache', 'expected_txn', :'tcols');
SELECT count(*) AS rows, count(replicated_ts) AS replicated FROM account_cache;
-- the rows of the first units of recovery: 1002 became 1060 (and was
-- deleted later), 1003 and 1071 were deleted, 1004 changed its key and back
SELECT acct_id, acct_name, acct_balance, acct_status, replicated_ts = s.applied_at AS stamped
  FROM account_cache, zfdw.replication_status s
 WHERE s.target = 'account_cache'::regclass
   AND acct_id IN (1001, 1002, 1003, 1004, 1050, 1060, 1070, 1071, 1080)
 ORDER BY acct_id;

-- replication_status: the mark, the last unit of recovery and commit
-- time, the lag (applied_at - last_commit_ts; the extract is old)
SELECT target, source, high_water, last_txid, last_commit_ts,
	   lag = applied_at - last_commit_ts AS lag_is_age, lag > interval '1 day' AS lag_days,
	   inserted, updated, deleted, skipped
  FROM zfdw.replication_status
 WHERE target IN ('account_cache'::regclass, 'txn_cache'::regclass)
 ORDER BY target::text;

-- A second apply changes nothing: every record is at or below the mark.
CREATE TABLE account_after_first AS SELECT * FROM account_cache;
CREATE TABLE txn_after_first AS SELECT * FROM txn_cache;
SELECT inserted, updated, deleted, skipped, high_water
  FROM zfdw.apply_changes('fb.cdc_account_rec', 'account_cache',
						  op_column => 'cdc_op', position_column => 'cdc_log_pos',
						  txid_column => 'cdc_urid', commit_ts_column => 'cdc_commit_ts');
SELECT inserted, updated, deleted, skipped, high_water
  FROM zfdw.apply_changes('fb.cdc_txn_rec', 'txn_cache',
						  op_column => 'cdc_op', position_column => 'cdc_log_pos',
						  txid_column => 'cdc_urid', commit_ts_column => 'cdc_commit_ts',
						  op_map => '{"M": "T"}');
SELECT * FROM zt_state_diff('account_cache', 'account_after_first', :'acols' || ', replicated_ts');
SELECT * FROM zt_state_diff('txn_cache', 'txn_after_first', :'tcols' || ', replicated_ts');

--
-- RECFM VB, 6-byte LRSNs, the before image an OCCURS 0 TO 1 DEPENDING ON:
-- foreign tables declared by hand (any subset of the fields), and views
-- that turn the before image's one-element arrays into columns
--
CREATE FOREIGN TABLE account_changes6 (
	cdc_op		text,
	cdc_log_pos bytea,
	log_time	timestamptz OPTIONS (field 'cdc_log_pos', format 'lrsn'),
	cdc_commit_ts timestamptz OPTIONS (format 'stck'),
	cdc_urid	bytea,
	acct_id		integer,
	acct_name	text,
	acct_balance numeric(13,2),
	acct_status text,
	acct_updated timestamp,
	before_acct_id integer[],
	file		text OPTIONS (meta 'file_name'),
	recno		bigint OPTIONS (meta 'record_number')
) SERVER cdc_positional
  OPTIONS (copybook :'cpy6', record 'CDC6-ACCOUNT-REC', filename :'vb', recfm 'vb',
		   segment_field 'cdc_table', segment_value 'ACCOUNT');
CREATE FOREIGN TABLE txn_changes6 (
	cdc_op		text,
	cdc_log_pos bytea,
	cdc_commit_ts timestamptz OPTIONS (format 'stck'),
	cdc_urid	bytea,
	txn_id		bigint OPTIONS (null_if 'low_values'),
	txn_acct_id integer OPTIONS (null_if 'low_values'),
	txn_amount	numeric(11,2) OPTIONS (null_if 'low_values'),
	txn_booked	timestamp OPTIONS (null_if 'low_values'),
	txn_memo	text OPTIONS (null_if 'low_values'),
	before_txn_id bigint[]
) SERVER cdc_positional
  OPTIONS (copybook :'cpy6', record 'CDC6-TXN-REC', filename :'vb', recfm 'vb',
		   segment_field 'cdc_table', segment_value 'TXN');
CREATE VIEW account_feed6 AS
SELECT cdc_op, cdc_log_pos, cdc_commit_ts, cdc_urid, acct_id, acct_name, acct_balance,
	   acct_status, acct_updated, before_acct_id[1] AS before_acct_id
  FROM account_changes6;
CREATE VIEW txn_feed6 AS
SELECT cdc_op, cdc_log_pos, cdc_commit_ts, cdc_urid, txn_id, txn_acct_id, txn_amount,
	   txn_booked, txn_memo, before_txn_id[1] AS before_txn_id
  FROM txn_changes6;
SELECT cdc_op, cdc_log_pos, log_time, cdc_commit_ts, acct_id, before_acct_id,
	   regexp_replace(file, '^.*/', '') AS file, recno
  FROM account_changes6 ORDER BY file, recno LIMIT 6;
-- the 6-byte LRSN is the time in units of 16 microseconds
SELECT count(*) AS differences
  FROM account_changes6 a
  JOIN expected_headers h ON h.file = regexp_replace(a.file, '^.*/|\.vb$', '', 'g')
						 AND h.recno = a.recno
 WHERE h.log_pos6 <> encode(a.cdc_log_pos, 'hex') OR h.log_time6 <> a.log_time
	OR h.commit_ts <> a.cdc_commit_ts OR h.urid6 <> encode(a.cdc_urid, 'hex')
	OR h.op <> a.cdc_op;

CREATE TABLE account_cache6 (LIKE account_cache INCLUDING ALL);
CREATE TABLE txn_cache6 (LIKE txn_cache INCLUDING ALL);
COPY account_cache6 (acct_id, acct_name, acct_balance, acct_status, acct_updated)
	FROM :'seed_account' (FORMAT csv, HEADER true);
COPY txn_cache6 (txn_id, txn_acct_id, txn_amount, txn_booked, txn_memo)
	FROM :'seed_txn' (FORMAT csv, HEADER true);
SELECT inserted, updated, deleted, skipped, high_water
  FROM zfdw.apply_changes('account_feed6', 'account_cache6',
						  op_column => 'cdc_op', position_column => 'cdc_log_pos',
						  txid_column => 'cdc_urid', commit_ts_column => 'cdc_commit_ts');
-- the procedure, committing every 5 units of recovery, reaches the same
CALL zfdw.apply_changes_batched('txn_feed6', 'txn_cache6',
								op_column => 'cdc_op', position_column => 'cdc_log_pos',
								txid_column => 'cdc_urid', commit_ts_column => 'cdc_commit_ts',
								op_map => '{"M": "T"}', batch_size => 5);
SELECT * FROM zt_state_diff('account_cache6', 'expected_account', :'acols');
SELECT * FROM zt_state_diff('txn_cache6', 'expected_txn', :'tcols');
SELECT target, high_water, last_commit_ts, inserted, updated, deleted, skipped
  FROM zfdw.replication_status
 WHERE target IN ('account_cache6'::regclass, 'txn_cache6'::regclass)
 ORDER BY target::text;
-- and again: nothing
SELECT inserted, updated, deleted, skipped
  FROM zfdw.apply_changes('account_feed6', 'account_cache6',
						  op_column => 'cdc_op', position_column => 'cdc_log_pos',
						  txid_column => 'cdc_urid', commit_ts_column => 'cdc_commit_ts');
SELECT inserted, updated, deleted, skipped
  FROM zfdw.apply_changes('txn_feed6', 'txn_cache6',
						  op_column => 'cdc_op', position_column => 'cdc_log_pos',
						  txid_column => 'cdc_urid', commit_ts_column => 'cdc_commit_ts',
						  op_map => '{"M": "T"}');
SELECT * FROM zt_state_diff('account_cache6', 'expected_account', :'acols');
SELECT * FROM zt_state_diff('txn_cache6', 'expected_txn', :'tcols');

--
-- Files out of order (and the log position as a number).  The third file
-- is applied before the first two have arrived; when they arrive, their
-- records are below the mark and are skipped: the mark promises that
-- everything before it is applied.  The cache misses their changes until
-- it is reloaded and applied again.
--
CREATE TABLE late_cache (LIKE account_cache INCLUDING ALL);
COPY late_cache (acct_id, acct_name, acct_balance, acct_status, acct_updated)
	FROM :'seed_account' (FORMAT csv, HEADER true);
CREATE FOREIGN TABLE late_changes (
	cdc_op		text,
	cdc_log_pos numeric OPTIONS (usage 'comp'),
	cdc_commit_ts timestamptz OPTIONS (format 'stck'),
	cdc_urid	bytea,
	acct_id		integer,
	acct_name	text,
	acct_balance numeric(13,2),
	acct_status text,
	acct_updated timestamp,
	before_acct_id integer OPTIONS (null_if 'low_values')
) SERVER cdc_positional
  OPTIONS (copybook :'cpy', filename :'fb3', lrecl '157',
		   segment_field 'cdc_table', segment_value 'ACCOUNT');
SELECT inserted, updated, deleted, skipped
  FROM zfdw.apply_changes('late_changes', 'late_cache',
						  op_column => 'cdc_op', position_column => 'cdc_log_pos',
						  txid_column => 'cdc_urid', commit_ts_column => 'cdc_commit_ts');
ALTER FOREIGN TABLE late_changes OPTIONS (SET filename :'fb');
SELECT inserted, updated, deleted, skipped
  FROM zfdw.apply_changes('late_changes', 'late_cache',
						  op_column => 'cdc_op', position_column => 'cdc_log_pos',
						  txid_column => 'cdc_urid', commit_ts_column => 'cdc_commit_ts');
SELECT count(*) > 0 AS differs FROM zt_state_diff('late_cache', 'expected_account', :'acols');
-- reload and start over
TRUNCATE late_cache;
COPY late_cache (acct_id, acct_name, acct_balance, acct_status, acct_updated)
	FROM :'seed_account' (FORMAT csv, HEADER true);
SELECT zfdw.reset_apply_state('late_cache');
SELECT inserted, updated, deleted, skipped, high_water
  FROM zfdw.apply_changes('late_changes', 'late_cache',
						  op_column => 'cdc_op', position_column => 'cdc_log_pos',
						  txid_column => 'cdc_urid', commit_ts_column => 'cdc_commit_ts');
SELECT * FROM zt_state_diff('late_cache', 'expected_account', :'acols');

-- Without null_if a mass delete's empty row image is an error, never a
-- value.
CREATE FOREIGN TABLE txn_no_null_if (cdc_op text, txn_amount numeric(11,2))
	SERVER cdc_positional
	OPTIONS (copybook :'cpy', record 'CDC-TXN-REC', filename :'fb', lrecl '157',
			 segment_field 'cdc_table', segment_value 'TXN');
SELECT zt_error($$SELECT * FROM txn_no_null_if WHERE cdc_op = 'M'$$);

-- A position identifies one record.  Records at one position are one
-- record delivered twice, which is read once, when they are identical; a
-- record that differs from another at its position stops the apply, even
-- with the same operation.  The commit time is no position: the records
-- of a unit of recovery share it.
CREATE TABLE twice (op text, position integer, acct_id integer, acct_name text);
CREATE TABLE twice_cache (acct_id integer PRIMARY KEY, acct_name text);
INSERT INTO twice VALUES ('I', 1, 7, 'same'), ('I', 1, 7, 'same'), ('U', 2, 7, 'one');
SELECT inserted, updated, deleted, skipped FROM zfdw.apply_changes('twice', 'twice_cache');
INSERT INTO twice VALUES ('U', 3, 7, 'two'), ('U', 3, 7, 'three');
SELECT zt_error($$SELECT * FROM zfdw.apply_changes('twice', 'twice_cache')$$);
SELECT * FROM twice_cache;
CREATE TABLE by_commit_time (LIKE account_cache INCLUDING ALL);
SELECT zt_error($$SELECT * FROM zfdw.apply_changes('fb.cdc_account_rec', 'by_commit_time', op_column => 'cdc_op', position_column => 'cdc_commit_ts')$$);
