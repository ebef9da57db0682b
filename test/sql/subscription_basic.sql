-- Subscriptions without shared_preload_libraries: the worker starts on
-- demand when create_subscription commits, applies the files that land
-- in the source's directory, records errors and retries, pauses, resumes
-- and stops.  (The launcher, kill -9 and the concurrent reader are in
-- scripts/subscription_test.sh.)
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA subscription_basic;
SET search_path = subscription_basic, public;

-- the landing folder: the results folder of pg_regress, files named
-- zfdw_sub_basic_*.csv; a file lands under the marker rule: written, then
-- its name plus .done
\getenv abs_builddir PG_ABS_BUILDDIR
\set land :abs_builddir '/results/zfdw_sub_basic_'
\set pattern :land '*.csv'
SELECT set_config('zfdw_test.land', :'land', false) IS NOT NULL AS land_set;
CREATE FUNCTION land(name text, body text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE path text := current_setting('zfdw_test.land') || name;
BEGIN
    EXECUTE format('COPY (SELECT unnest(string_to_array(%L, E''\n''))) TO %L', body, path);
    EXECUTE format('COPY (SELECT WHERE false) TO %L', path || '.done');
END $$;

-- Wait (at most 30 s) until the subscription has applied file and
-- nothing waits, or has recorded an error, or its worker has stopped;
-- return whether it did, and what it shows.
CREATE FUNCTION wait_for(sub text, file text, want text DEFAULT 'applied')
RETURNS TABLE (reached boolean, last_file text, backlog_files integer, had_errors boolean)
LANGUAGE plpgsql AS $$
DECLARE r record; done boolean := false;
BEGIN
    FOR i IN 1 .. 600 LOOP
        SELECT * INTO r FROM zfdw.replication_status s WHERE s.subscription = sub;
        done := CASE want
            WHEN 'applied' THEN r.last_file LIKE '%/zfdw_sub_basic_' || file AND r.backlog_files = 0
                                AND r.state IN ('idle', 'running')
            WHEN 'error' THEN r.state = 'error'
            WHEN 'stopped' THEN NOT EXISTS (SELECT FROM pg_stat_activity a
                                             WHERE a.backend_type = 'zfdw subscription')
            END;
        EXIT WHEN done;
        PERFORM pg_sleep(0.05);
    END LOOP;
    RETURN QUERY SELECT done, regexp_replace(r.last_file, '^.*/zfdw_sub_basic_', ''), r.backlog_files, r.errors > 0;
END $$;

CREATE SERVER sub_csv FOREIGN DATA WRAPPER zfdw OPTIONS (codepage 'utf8');
CREATE FOREIGN TABLE feed (
    op        text,
    position  bigint,
    txid      bigint,
    commit_ts timestamptz,
    id        integer,
    balance   numeric(11,2)
) SERVER sub_csv OPTIONS (filename :'pattern', format 'delimited');
CREATE TABLE acct (id integer PRIMARY KEY, balance numeric(11,2), replicated_ts timestamptz);

SELECT zfdw.create_subscription('accounts', 'feed', 'acct',
        txid_column => 'txid', commit_ts_column => 'commit_ts',
        options => '{"landing": "marker", "poll_interval": 50, "max_backoff_ms": 200}') > 0 AS created;
SELECT name, owner = current_user::regrole AS mine, source, target, key_columns, op_column,
       position_column, txid_column, commit_ts_column, stamp_column, options, enabled
  FROM zfdw.subscription;

-- two transactions: two accounts opened, then a transfer
SELECT land('f0001.csv', concat_ws(E'\n',
    'I,1,1,2026-01-07 08:00:00+00,1,100.00',
    'I,2,1,2026-01-07 08:00:00+00,2,50.00',
    'U,3,2,2026-01-07 08:00:01+00,1,75.00',
    'U,4,2,2026-01-07 08:00:01+00,2,75.00'));
SELECT * FROM wait_for('accounts', 'f0001.csv');
SELECT id, balance, replicated_ts IS NOT NULL AS stamped FROM acct ORDER BY id;
SELECT target, source, high_water, last_txid, last_commit_ts, inserted, updated, deleted,
       subscription, regexp_replace(last_file, '^.*/zfdw_sub_basic_', '') AS last_file,
       landing_to_applied >= '0'::interval AS landing_to_applied,
       lag > '0'::interval AS lag, lag_now >= lag AS lag_now,
       lag_p50 IS NOT NULL AND lag_p95 >= lag_p50 AND lag_max >= lag_p95 AS percentiles,
       changes_per_second > 0 AS rate, backlog_files, backlog_bytes, errors, last_error
  FROM zfdw.replication_status WHERE subscription = 'accounts';

-- a file the apply refuses: the error is recorded, the file retried
SELECT land('f0002.csv', E'X,5,3,2026-01-07 08:00:02+00,1,1.00');
SELECT * FROM wait_for('accounts', NULL, 'error');
SELECT state, last_error, last_error_at IS NOT NULL AS when_recorded FROM zfdw.replication_status WHERE subscription = 'accounts';
SELECT id, balance FROM acct ORDER BY id;
-- replaced by a good one while paused, it is applied when resumed
SELECT zfdw.alter_subscription('accounts', enabled => false);
SELECT reached FROM wait_for('accounts', NULL, 'stopped');
SELECT land('f0002.csv', E'D,5,3,2026-01-07 08:00:02+00,1,75.00');
SELECT zfdw.alter_subscription('accounts', enabled => true);
SELECT * FROM wait_for('accounts', 'f0002.csv');
SELECT id, balance FROM acct ORDER BY id;

-- where it resumes changes only while it is paused
SELECT * FROM zt_error($$SELECT zfdw.alter_subscription('accounts', resume_after => '')$$);
-- paused, it applies nothing; resumed, it catches up
SELECT zfdw.alter_subscription('accounts', enabled => false);
SELECT * FROM wait_for('accounts', NULL, 'stopped');
SELECT land('f0003.csv', E'I,6,4,2026-01-07 08:00:03+00,3,10.00');
SELECT pg_sleep(0.3);
SELECT state, regexp_replace(last_file, '^.*/zfdw_sub_basic_', '') AS last_file FROM zfdw.replication_status WHERE subscription = 'accounts';
SELECT zfdw.alter_subscription('accounts', enabled => true);
SELECT * FROM wait_for('accounts', 'f0003.csv');
SELECT id, balance FROM acct ORDER BY id;
-- re-seeding: an emptied cache, its mark forgotten, every file read
-- again from the first (files before the fresh load's position would do)
SELECT zfdw.alter_subscription('accounts', enabled => false);
SELECT * FROM wait_for('accounts', NULL, 'stopped');
TRUNCATE acct;
SELECT zfdw.reset_apply_state('acct');
SELECT zfdw.alter_subscription('accounts', resume_after => '');
SELECT zfdw.alter_subscription('accounts', enabled => true);
SELECT * FROM wait_for('accounts', 'f0003.csv');
SELECT id, balance FROM acct ORDER BY id;
-- a running worker is not started twice
SELECT zfdw.start_subscription('accounts');
-- options merge into the current ones
SELECT zfdw.alter_subscription('accounts', options => '{"poll_interval": 100}');
SELECT options FROM zfdw.subscription;

-- what create_subscription refuses
SELECT * FROM zt_error($$SELECT zfdw.create_subscription('accounts', 'feed', 'acct')$$);
CREATE TABLE acct2 (LIKE acct INCLUDING ALL);
SELECT * FROM zt_error($$SELECT zfdw.create_subscription('other', 'feed', 'acct')$$);
SELECT * FROM zt_error($$SELECT zfdw.create_subscription('other', 'acct', 'acct2')$$);
CREATE FOREIGN TABLE piped (op text, position bigint, id integer, balance numeric(11,2))
    SERVER sub_csv OPTIONS (program 'true', format 'delimited');
SELECT * FROM zt_error($$SELECT zfdw.create_subscription('other', 'piped', 'acct2')$$);
SELECT * FROM zt_error($$SELECT zfdw.create_subscription('other', 'feed', 'acct2', options => '{"landing": "soon"}')$$);
SELECT * FROM zt_error($$SELECT zfdw.create_subscription('other', 'feed', 'acct2', options => '{"poll_ms": 5}')$$);
SELECT * FROM zt_error($$SELECT zfdw.create_subscription('other', 'feed', 'acct2', options => '{"poll_interval": 1}')$$);
SELECT * FROM zt_error($$SELECT zfdw.create_subscription('other', 'feed', 'acct2', key_columns => '{nope}')$$);
SELECT * FROM zt_error($$SELECT zfdw.alter_subscription('nope', enabled => false)$$);
SELECT count(*) FROM zfdw.subscription;

-- the catalog goes into pg_dump with the extension
SELECT unnest(extconfig)::regclass AS dumped FROM pg_extension WHERE extname = 'zfdw' ORDER BY 1::text;

-- dropped, its worker stops; the target keeps its rows and its mark
SELECT zfdw.drop_subscription('accounts');
SELECT * FROM wait_for('accounts', NULL, 'stopped');
SELECT count(*) AS subscriptions, (SELECT count(*) FROM zfdw.subscription_state) AS states FROM zfdw.subscription;
SELECT target, high_water, subscription FROM zfdw.replication_status WHERE target = 'acct'::regclass;
SELECT zfdw.drop_subscription('accounts', if_exists => true);
-- a dropped target takes its subscription with it, and its worker stops
SELECT zfdw.create_subscription('doomed', 'feed', 'acct2', options => '{"landing": "marker"}') > 0 AS created;
DROP TABLE acct2;
SELECT count(*) FROM zfdw.subscription;
SELECT reached FROM wait_for('doomed', NULL, 'stopped');
DROP SCHEMA subscription_basic CASCADE;
